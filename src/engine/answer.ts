import type { Topic } from '../kb/schema.ts';
import {
  CALCIUM_DOSING,
  GENERAL_SUPPLEMENTS,
  OTHER_NUTRIENT,
  OTHER_NUTRIENT_WITH_K2,
  OUT_OF_SCOPE_PATTERNS,
  PERSONAL_PATTERNS,
} from './lexicon.ts';
import { normalizeText } from './normalize.ts';
import {
  CRISIS_BODY,
  checkEmergency,
  correctGateTypos,
  DECLINE_TEXT,
  EMPTY_TEXT,
  mentionsAnticoagulant,
  PERSONAL_NOTICE,
  PET_BODY,
  safetyTexts,
  URGENT_BODY,
  type UrgentKind,
} from './safety.ts';
import type { SearchResult, TopicIndex } from './search.ts';
import type { Answer, TopicRef } from './types.ts';

/** At or above this confidence the best topic is answered; below it the engine declines. */
export const ANSWER_THRESHOLD = 0.5;
/** Other topics this close to the best one are offered as "did you mean". */
const SUGGESTION_RATIO = 0.85;
/** A decline still offers topics whose confidence would have been at least this. */
const DECLINE_SUGGESTION_FLOOR = 0.2;

export function toRef(topic: Topic): TopicRef {
  return { id: topic.id, title: topic.title, category: topic.category };
}

export function isPersonal(normalized: string): boolean {
  const t = normalized.replace(/'/g, '');
  return PERSONAL_PATTERNS.some((re) => re.test(t));
}

export function isOutOfScope(normalized: string, hasAnchor: boolean): boolean {
  const t = normalized.replace(/'/g, '');
  if (OUT_OF_SCOPE_PATTERNS.some((re) => re.test(t)) || OTHER_NUTRIENT_WITH_K2.test(t)) return true;
  // "How much vitamin D / magnesium" is another nutrient's question unless K2 is in it too.
  return !hasAnchor && (OTHER_NUTRIENT.test(t) || CALCIUM_DOSING.test(t) || GENERAL_SUPPLEMENTS.test(t));
}

/**
 * Builds the full answer for a topic: summary, facts, provenance, corrections, related.
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
    details: topic.facts.map((f) => f.text),
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
    details: [],
    source: null,
    corrections: [],
    related: [],
    suggestions: [],
    safety: safetyTexts(warningFirst),
  };
}

/** Emergencies lean towards the topic with the matching facts: side effects for an overdose. */
function urgentCategoryBoosts(
  kind: UrgentKind | null,
  anticoagulant: boolean,
): Map<string, number> | undefined {
  if (kind === 'overdose' || kind === 'allergy') return new Map([['safety', 0.5]]);
  if ((kind === 'bleeding' || kind === 'clot') && anticoagulant) return new Map([['interactions', 0.5]]);
  return undefined;
}

/** Confidence of a ranked topic relative to the best, on the same calibrated scale. */
function relativeConfidence(result: SearchResult, index: number): number {
  const top = result.ranked[0]?.score ?? 0;
  const s = result.ranked[index]?.score ?? 0;
  return top > 0 ? (result.confidence * s) / top : 0;
}

export function answerQuestion(
  question: string,
  index: TopicIndex,
  byId: ReadonlyMap<string, Topic>,
): Answer {
  const normalized = normalizeText(question);
  const warningFirst = mentionsAnticoagulant(normalized);
  let gate = checkEmergency(normalized);

  if (normalized.replace(/[^\p{L}\p{N}]/gu, '').length === 0) {
    return bareAnswer('empty', EMPTY_TEXT, warningFirst);
  }

  const analysis = index.analyzer.analyze(normalized);
  if (!gate.urgent) {
    // A second look with the gate's own words restored ("vomitting blod", "chst", "numbb")…
    const restored = correctGateTypos(normalized, (w) => index.analyzer.isKnown(w));
    if (restored) gate = checkEmergency(restored);
  }
  if (!gate.urgent && analysis.correctedText) {
    // …and a third with every typo corrected: "my todler ate my gumies" is still an emergency.
    gate = checkEmergency(analysis.correctedText);
  }
  const result = index.search(normalized, urgentCategoryBoosts(gate.kind, warningFirst), analysis);
  const outOfScope = isOutOfScope(normalized, result.hasAnchor);
  const personal = isPersonal(normalized);
  const best = result.ranked[0];
  // A crisis message gets the crisis notice alone: no topic facts beside it.
  const answerable = gate.kind !== 'self-harm' && gate.kind !== 'pet';

  let answer: Answer;
  if (best && answerable && !outOfScope && result.confidence >= ANSWER_THRESHOLD) {
    // In an emergency the matching facts still help the people around the patient.
    answer = topicAnswer(best.topic, byId, result.confidence, warningFirst);
    if (!gate.urgent) {
      answer.suggestions = result.ranked
        .slice(1, 4)
        .filter((r) => r.score >= best.score * SUGGESTION_RATIO)
        .map((r) => toRef(r.topic));
    }
  } else {
    // An emergency with no matching topic is not "outside what I know": the notice says what to do.
    const urgentBody = gate.kind === 'self-harm' ? CRISIS_BODY : gate.kind === 'pet' ? PET_BODY : URGENT_BODY;
    answer = bareAnswer('decline', gate.urgent ? urgentBody : DECLINE_TEXT, warningFirst);
    // "Did you mean" only when a topic shares a real subject word, not just "k2" or "help".
    if (best && answerable && !outOfScope && !gate.urgent && result.features.subjectMass > 0) {
      answer.suggestions = result.ranked
        .slice(0, 3)
        .filter((_, i) => relativeConfidence(result, i) >= DECLINE_SUGGESTION_FLOOR)
        .filter((r) => r.score >= best.score * SUGGESTION_RATIO)
        .map((r) => toRef(r.topic));
    }
    answer.confidence = outOfScope ? 0 : result.confidence;
  }

  if (gate.urgent) {
    answer.urgent = true;
    answer.urgentNotice = gate.notice;
  }
  if (personal && answer.kind === 'answer') {
    answer.personal = true;
    answer.personalNotice = PERSONAL_NOTICE;
  }
  return answer;
}
