import type { Topic } from '../kb/schema.ts';
import { calibratedConfidence } from './calibration.ts';
import { declineTextFor } from './declines.ts';
import { type GateResult, urgentNoticeFor } from './gate.ts';
import type { UrgentKind } from './gateWords.ts';
import type { OutOfScope } from './outOfScope.ts';
import { mapPacked } from './packedArray.ts';
import { ANSWER_THRESHOLD } from './rawConfidence.ts';
import {
  CRISIS_BODY,
  HELP_ARRIVED_NOTICE,
  HELP_ON_THE_WAY_BODY,
  OVERDOSE_BODY,
  PET_BODY,
  safetyTexts,
  UNSURE_TEXT,
  URGENT_BODY,
} from './safety.ts';
import type { SearchResult } from './search.ts';
import type { Answer, TopicRef } from './types.ts';

/**
 * The last step of answering: turning a chosen topic, or a decline text, into an Answer that
 * every renderer can show, always with the safety texts.
 */

export function toRef(topic: Topic): TopicRef {
  return { id: topic.id, title: topic.title, category: topic.category };
}

/**
 * The full answer for a topic: summary, facts, provenance, corrections, related.
 * The anticoagulant warning leads when the question names an anticoagulant or the topic is
 * marked anticoagulant-relevant in the knowledge base (natto, supplements, doses, warfarin…):
 * someone reading about natto may be on warfarin without saying so.
 */
export function topicAnswer(
  topic: Topic,
  byId: ReadonlyMap<string, Topic>,
  confidence: number,
  warningFirst: boolean,
): Answer {
  const first = topic.facts[0];
  return {
    kind: 'answer',
    matched: true,
    urgent: false,
    urgentNotice: null,
    personal: false,
    personalNotice: null,
    topic: toRef(topic),
    confidence,
    body: topic.summary,
    facts: [],
    coverage: 'full',
    details: topic.facts.filter((f) => !f.definitionOnly).map((f) => f.text),
    more: { summary: topic.summary, corrections: [] },
    source: first ? { sections: [...topic.sections], quote: first.quote } : null,
    corrections: [...topic.corrections],
    related: topic.related.flatMap((id) => {
      const r = byId.get(id);
      return r ? [toRef(r)] : [];
    }),
    suggestions: [],
    safety: safetyTexts(warningFirst || topic.anticoagulantRelevant),
  };
}

/** The body beside an emergency notice when no topic answers: the crisis, the animal, the rest. */
export function urgentBodyFor(kind: UrgentKind | null): string {
  if (kind === 'overdose') return OVERDOSE_BODY;
  return kind === 'self-harm' ? CRISIS_BODY : kind === 'pet' ? PET_BODY : URGENT_BODY;
}

/**
 * An answer under the overdose notice gives way to its body, as a reply with no topic does: no fact
 * may read as a treatment at home ("does natto cancel warfarin out?" after six tablets got "Yes."
 * and the natto facts).
 */
export function withOverdoseBody(answer: Answer): Answer {
  if (answer.kind !== 'answer') return answer;
  return bareAnswer('decline', OVERDOSE_BODY, answer.safety.warningFirst);
}

/**
 * A reply given during an emergency told earlier in the conversation: its notice first, and
 * instead of a decline the body that sends to it ("ok we're heading to A&E now, should we bring
 * her pill bottles?" is no question for a K2 bot, and no moment to say so).
 */
export function withEmergencyKept(answer: Answer, kind: UrgentKind, help: HelpTold = null): Answer {
  if (answer.urgent) return answer;
  const helpArrived = help === 'arrived';
  // During an overdose, no answer's facts may read as a treatment at home (withOverdoseBody).
  const shown = kind === 'overdose' && !helpArrived ? withOverdoseBody(answer) : answer;
  const kept: Answer = {
    ...shown,
    urgent: true,
    // "Ok ambulance is here": calling now would be wrong; a crisis keeps its own notice whatever is said.
    urgentNotice: helpArrived && kind !== 'self-harm' ? HELP_ARRIVED_NOTICE : urgentNoticeFor(kind),
    urgentKind: kind,
    safety: safetyTexts(kind !== 'self-harm'),
  };
  if (kept.kind !== 'answer') {
    // "ok calling now": the notice stays first, and the reply says to keep going rather than
    // repeating the notice's own body. A crisis keeps its own.
    kept.body = help === 'on-the-way' && kind !== 'self-harm' ? HELP_ON_THE_WAY_BODY : urgentBodyFor(kind);
    kept.suggestions = [];
  }
  return kept;
}

/** What the message says of emergency help: with the person, being called or sought, or nothing. */
export type HelpTold = 'arrived' | 'on-the-way' | null;

/** A reply with a fixed text and no topic: a decline, a greeting, an empty message, a notice. */
export function bareAnswer(kind: Answer['kind'], body: string, warningFirst: boolean): Answer {
  return {
    kind,
    matched: false,
    urgent: false,
    urgentNotice: null,
    personal: false,
    personalNotice: null,
    topic: null,
    confidence: 0,
    body,
    facts: [],
    coverage: 'none',
    details: [],
    more: null,
    source: null,
    corrections: [],
    related: [],
    suggestions: [],
    safety: safetyTexts(warningFirst),
  };
}

/** Other topics this close to the best one are offered as "did you mean". */
const SUGGESTION_RATIO = 0.85;
/** A decline still offers topics whose confidence would have been at least this. */
const DECLINE_SUGGESTION_FLOOR = 0.2;
/** The highest confidence a declined question reports: just under the answer threshold. */
const DECLINED_MAX_CONFIDENCE = ANSWER_THRESHOLD - 0.001;

/** What was swallowed in an overdose message is K2 or a supplement, not another medicine. */
const K2_SWALLOWED =
  /\b(k2|k 2|vitamin k|vit k|vitamins?|mk ?7|mk ?4|menaquinones?|natto|supplements?|gummies|gummy|softgels?|multivitamins?)\b/;

/** Confidence of a ranked topic relative to the best, on the same calibrated scale. */
function relativeConfidence(result: SearchResult, index: number): number {
  const top = result.ranked[0]?.score ?? 0;
  const s = result.ranked[index]?.score ?? 0;
  return top > 0 ? (result.confidence * s) / top : 0;
}

/**
 * Whether a topic may be shown at all: a crisis message gets the crisis notice alone, and a
 * swallowed medicine that is not K2 ("kid swallowed grandma's warfarin pills") the urgent notice
 * alone; K2 facts fit only when K2 or a supplement is what was swallowed.
 */
export function topicMayBeShown(normalized: string, gate: GateResult): boolean {
  const otherMedicine = gate.kind === 'overdose' && !K2_SWALLOWED.test(normalized.replace(/'/g, ''));
  return gate.kind !== 'self-harm' && gate.kind !== 'pet' && !otherMedicine;
}

/**
 * The reply for the chosen reading: its best topic when confident and in scope (in an emergency
 * the matching facts still help the people around the patient), otherwise a decline that names
 * the right resource, the emergency body, or "not sure which part" with close topics.
 */
export function composeReply(
  result: SearchResult,
  outOfScope: OutOfScope | null,
  gate: GateResult,
  answerable: boolean,
  warningFirst: boolean,
  byId: ReadonlyMap<string, Topic>,
): Answer {
  // A K2 overdose is answered with the side-effect facts, not whatever else a count matched.
  const best =
    gate.kind === 'overdose'
      ? (result.ranked.find((r) => r.topic.category === 'safety') ?? result.ranked[0])
      : result.ranked[0];
  if (best && answerable && !outOfScope && result.confidence >= ANSWER_THRESHOLD) {
    // The raw confidence decides; the reported one is calibrated to the chance of being right.
    const confidence = calibratedConfidence(result.features, result.confidence, ANSWER_THRESHOLD);
    const answer = topicAnswer(best.topic, byId, confidence, warningFirst);
    if (!gate.urgent) {
      answer.suggestions = mapPacked(
        result.ranked.slice(1, 4).filter((r) => r.score >= best.score * SUGGESTION_RATIO),
        (r) => toRef(r.topic),
      );
    }
    return answer;
  }
  // An emergency with no matching topic is not "outside what I know": the notice says what to do.
  const urgentBody = urgentBodyFor(gate.kind);
  const declineBody = declineTextFor(outOfScope?.cls ?? 'general');
  // The crisis notice leads alone: the blood-thinner warning is not put in front of it.
  const leadWithWarning = warningFirst && gate.kind !== 'self-harm';
  const answer = bareAnswer('decline', gate.urgent ? urgentBody : declineBody, leadWithWarning);
  // "Did you mean" when a topic shares a real subject word, or the message says K2 ("k2 for
  // gout"): a K2 question the bot cannot place is unclear, not outside what it knows.
  if (
    best &&
    answerable &&
    !outOfScope &&
    !gate.urgent &&
    (result.features.subjectMass > 0 || result.hasAnchor)
  ) {
    const anchoredOnly = result.hasAnchor && result.features.subjectMass === 0;
    answer.suggestions = mapPacked(
      result.ranked
        .slice(0, 3)
        .filter((r, i) =>
          anchoredOnly ? r.score > 0 : relativeConfidence(result, i) >= DECLINE_SUGGESTION_FLOOR,
        )
        .filter((r) => r.score >= best.score * SUGGESTION_RATIO),
      (r) => toRef(r.topic),
    );
    // Close topics to offer: the question is unclear, not outside what the bot knows.
    if (answer.suggestions.length > 0) answer.body = UNSURE_TEXT;
  }
  // A declined question always reports less than the answer threshold.
  answer.confidence = outOfScope ? 0 : Math.min(result.confidence, DECLINED_MAX_CONFIDENCE);
  return answer;
}
