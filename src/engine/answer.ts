import type { Topic } from '../kb/schema.ts';
import { calibratedConfidence } from './calibration.ts';
import {
  DECLINE_TEXTS,
  GREETING_TEXT,
  isGreeting,
  isThanks,
  THANKS_TEXT,
  withoutGreeting,
} from './declines.ts';
import { correctGateTypos } from './gateTypos.ts';
import {
  CALCIUM_DOSING,
  EVERYDAY_SYMPTOM,
  GENERAL_SUPPLEMENTS,
  NUTRIENT_COMPARISON,
  OTHER_NUTRIENT,
  OTHER_NUTRIENT_WITH_K2,
  OUT_OF_SCOPE_RULES,
  type OutOfScopeClass,
  PERSONAL_PATTERNS,
} from './lexicon.ts';
import { normalizeText } from './normalize.ts';
import {
  CRISIS_BODY,
  checkEmergency,
  DOAC,
  DOAC_NOTICE,
  EMPTY_TEXT,
  mentionsAnticoagulant,
  PERSONAL_ANTICOAGULANT_NOTICE,
  PERSONAL_NOTICE,
  PET_BODY,
  PREGNANCY_NOTICE,
  safetyTexts,
  UNSURE_TEXT,
  URGENT_BODY,
  type UrgentKind,
} from './safety.ts';
import type { SearchResult } from './search.ts';
import type { TopicIndex } from './topicIndex.ts';
import type { Answer, TopicRef } from './types.ts';

/**
 * At or above this raw confidence the best topic is answered; below it the engine declines. The
 * reported confidence keeps the same meaning: answers report at least this (calibrated to the
 * observed accuracy, see calibration.ts), declines report less.
 */
export const ANSWER_THRESHOLD = 0.5;
/** The highest confidence a declined question reports: just under the answer threshold. */
const DECLINED_MAX_CONFIDENCE = ANSWER_THRESHOLD - 0.001;
/** Subject weight (about one specific word) that makes the K2 part of a message clear. */
const CLEAR_SUBJECT = 1;
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

export interface OutOfScope {
  cls: OutOfScopeClass;
  /** Only incidental words matched: a clear K2 question elsewhere in the message still wins. */
  incidental: boolean;
}

/** Which out-of-scope class a message falls in (fact-check 3B), or null when it is in scope. */
export function outOfScopeClass(normalized: string, hasAnchor: boolean): OutOfScope | null {
  // "vitamina k2" / "vitamine k2" is vitamin K2, not vitamin A or E.
  const t = normalized.replace(/'/g, '').replace(/\bvitamin[ae]s?\b/g, 'vitamin');
  let incidental: OutOfScope | null = null;
  for (const rule of OUT_OF_SCOPE_RULES) {
    if (!rule.re.test(t)) continue;
    if (!rule.incidental) return { cls: rule.cls, incidental: false };
    incidental ??= { cls: rule.cls, incidental: true };
  }
  // "Bacillus subtilis makes MK-7? I thought it was a probiotic": the bacterium, not a product.
  const probioticBacterium = /\b(bacillus|subtilis|bacteria|bacterium|microbes?)\b/.test(t);
  const rest = t.replace(NUTRIENT_COMPARISON, ' ');
  if (OTHER_NUTRIENT_WITH_K2.test(probioticBacterium ? rest.replace(/\bprobiotics?\b/g, ' ') : rest))
    return { cls: 'nutrient', incidental: false };
  // "How much vitamin D / magnesium" is another nutrient's question unless K2 is in it too.
  if (!hasAnchor && (OTHER_NUTRIENT.test(t) || CALCIUM_DOSING.test(t) || GENERAL_SUPPLEMENTS.test(t))) {
    return { cls: 'nutrient', incidental: false };
  }
  // "What causes bloating" is a general health question; "bloating since starting k2" is not.
  if (!hasAnchor && EVERYDAY_SYMPTOM.test(t)) return { cls: 'condition', incidental: false };
  return incidental;
}

/**
 * The message without its clauses that hold an incidental off-topic word ("chest day at the gym
 * tomorrow, but is k2 good for bones" → "is k2 good for bones"), or null when nothing is left.
 */
function withoutIncidentalClauses(normalized: string): string | null {
  const clauses = normalized.replace(/'/g, '').split(/[.?!;,:]+|\s(?:but|also|anyway|btw|unrelated)\s/);
  const kept = clauses.filter((c) => !OUT_OF_SCOPE_RULES.some((r) => r.incidental && r.re.test(c)));
  if (kept.length === clauses.length) return null;
  const text = kept.join(' , ').replace(/\s+/g, ' ').trim();
  return text.replace(/[^\p{L}\p{N}]/gu, '').length > 0 ? text : null;
}

/**
 * The message without its incidental context words themselves (diets, the gym, a medicine) ("carnivore diet k2 - do steaks
 * have it" → "k2 - do steaks have it"), or null when there were none or nothing is left.
 */
function withoutIncidentalWords(normalized: string): string | null {
  let text = normalized.replace(/'/g, '');
  for (const r of OUT_OF_SCOPE_RULES) {
    if (r.incidental && r.context) text = text.replace(new RegExp(r.re.source, 'g'), ' ');
  }
  text = text.replace(/\s+/g, ' ').trim();
  if (text === normalized.replace(/'/g, '').trim()) return null;
  // A few words left ("keto diet k2?" → "k2?") mean the off-topic word was the subject.
  return text.split(/[^\p{L}\p{N}]+/u).filter((w) => w.length > 0).length >= MIN_REST_WORDS ? text : null;
}

/** At most this many "did you mean" topics (Discord shows them as buttons). */
const MAX_SUGGESTIONS = 3;

/**
 * The separate questions of a message that asks several: a numbered list ("1) … 2) …") or two
 * or more sentences ending in "?". Fewer than two means one question.
 */
export function questionParts(normalized: string): string[] {
  const t = normalized.replace(/'/g, '');
  let parts: string[];
  if (/(^|\s)\(?\d{1,2}[).]\s/.test(t) && (t.match(/(^|\s)\(?\d{1,2}[).]\s/g)?.length ?? 0) >= 2) {
    parts = t.split(/(?:^|\s)\(?\d{1,2}[).]\s/);
  } else if (t.split(/\?+/).filter((part, i, all) => i < all.length - 1 && /\S/.test(part)).length >= 2) {
    // Sentences that end in "?", counted by splitting: a regex that looks for them from every
    // character would read a long line with no "?" once per character.
    parts = t.split(/\?+/);
  } else {
    return [];
  }
  return parts
    .map((p) => p.replace(/[?]/g, ' ').trim())
    .filter((p) => p.replace(/[^\p{L}\p{N}]/gu, '').length >= 2);
}

/** The asked clause wins over a backstory when its topic scores at least this share of the best. */
const BACKSTORY_RATIO = 0.6;
/**
 * Foods and doses in a backstory ("I eat yogurt and some cheese… is there evidence K2 prevents
 * fractures?") are incidental: a question clause about another kind of topic decides whatever
 * they score.
 */
function incidentalStory(storyTopic: Topic, clauseTopic: Topic): boolean {
  return (
    (storyTopic.category === 'food' || storyTopic.category === 'dosage') &&
    clauseTopic.category !== 'food' &&
    clauseTopic.category !== 'dosage'
  );
}

/** A message needs this many words before the part before its question counts as a backstory. */
const BACKSTORY_MIN_WORDS = 14;

/**
 * The last clause that asks something, when the message is long and has a backstory before it;
 * otherwise null.
 */
function questionClause(normalized: string): { clause: string; pointsBack: boolean } | null {
  const t = normalized.replace(/'/g, '');
  if (t.split(' ').length < BACKSTORY_MIN_WORDS) return null;
  const clauses = t
    .split(/[.?!;,:]+|\s(?:but|so|anyway|btw)\s/)
    .map((c) => c.trim())
    .filter((c) => c.length > 0);
  if (clauses.length < 2) return null;
  for (let i = clauses.length - 1; i >= 1; i--) {
    const c = clauses[i] as string;
    if (
      /^(what|which|how|can|could|should|does|do|is|are|will|where|why|any)\b/.test(c) &&
      c.split(' ').length >= 4
    ) {
      // "…swears by natto. how much k2 is in it?": the question points back at the story.
      const pointsBack = /\b(it|them|that|those|they|this|these|he|she|his|her)\b/.test(c);
      return { clause: c, pointsBack };
    }
  }
  return null;
}

/**
 * Categories a question pointing back at its story ("does any study show it reduces fractures?")
 * may still be answered from on its own: what "it" does, not what is in "it" (a food, a dose).
 */
const POINTING_BACK_CATEGORIES: ReadonlySet<string> = new Set(['bones', 'heart', 'conditions', 'safety']);

/** A dose taken twice, doubled or one pill extra, in the past: not a dosing plan. */
const DOSE_TWICE =
  /\b(took|taken|had|swallowed|popped)\b[^.?!]{0,30}\b(twice|two times|2 times|again|double|an extra|one extra|extra (dose|pill|capsule|tablet|one)|2 doses|two doses)\b(?! (a|per|each|every) (day|week))|\b(doubled|double dosed|double-dosed)\b|\binstead of (1|one|my usual|the usual|a single|my one)\b/;

/** Out-of-scope classes that an article quote in the message overrides. */
const QUOTE_MAY_OVERRIDE: ReadonlySet<OutOfScopeClass> = new Set([
  'general',
  'nutrient',
  'product',
  'condition',
]);

/** What was swallowed in an overdose message is K2 or a supplement, not another medicine. */
const K2_SWALLOWED =
  /\b(k2|k 2|vitamin k|vit k|vitamins?|mk ?7|mk ?4|menaquinones?|natto|supplements?|gummies|gummy|softgels?|multivitamins?)\b/;

/** Words a message must keep without its incidental words to still be a question of its own. */
const MIN_REST_WORDS = 4;

/** A question about combining K2 with something ("with it", "interact", "together"). */
const COMBINING =
  /\b(interact\w*|interfer\w*|together|combin\w*|mix\w*|at the same time|alongside|same time as|with (it|them|that|those|this|these|my|the)|and (it|them))\b/;

/**
 * What a drug does to vitamin K ("cholestyramine and vitamin k absorption", "do antibiotics lower
 * vitamin k"): a drug interaction other than an anticoagulant's, for a pharmacist (3B #4).
 */
const DRUG_EFFECT =
  /\b(absor\w*|block\w*|bind\w*|deplet\w*|deficien\w*|lower\w*|reduc\w*|decreas\w*|drop\w*|affect\w*|interfer\w*|destroy\w*|kill\w*|wipe\w* out|levels?|status)\b/;

/** Words after which the next few words are what the asker does not want ("i don't eat natto"). */
const NEGATION_CUE =
  '(?:(?:dont|do not|doesnt|does not|never|cant|cannot|can not|wont|will not|no longer) (?:really |even |ever |usually |like to )?(?:eat|like|stand|tolerate|drink|have|touch|enjoy|digest|do|take|use)|hate|hates|dislike|dislikes|not a fan of|no fan of|besides|other than|except|apart from|aside from)';
/** Words that end the negated object: the rest of the question starts there. */
const OBJECT_END =
  'but|so|how|what|which|where|when|why|can|could|is|are|should|would|will|do|does|did|any|anything|then|to|for|with|because|though|since|i|im|its|it|get|what|if|while|dont|do|not|never|cant|hate|hates|dislike|besides|except';
const NEGATED_OBJECT = new RegExp(
  `\\b${NEGATION_CUE} (?:any |the |much |a lot of )?[\\w-]+(?: (?!(?:${OBJECT_END})\\b)[\\w-]+){0,3}`,
  'g',
);

/**
 * The question without what it negates: "i don't eat natto, how can i get k2 from food" is a
 * food question, not a natto one. Null when nothing is negated.
 */
export function withoutNegated(normalized: string): string | null {
  const t = normalized.replace(/'/g, '');
  const out = t.replace(NEGATED_OBJECT, ' ').replace(/\s+/g, ' ').trim();
  return out === t ? null : out;
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

/**
 * The personal notice that fits: a DOAC or antiplatelet beside K2 gets the note that the
 * article's caution is about warfarin-type drugs; pregnancy with natto or a dose points
 * to the OB or midwife; other personal questions get the general notice.
 */
function personalNoticeFor(normalized: string, topic: Topic | undefined, personal: boolean): string | null {
  const t = normalized.replace(/'/g, '');
  const topicId = topic?.id ?? '';
  if (topicId === 'warfarin-interaction' && DOAC.test(t)) return DOAC_NOTICE;
  if (topicId === 'pregnancy-breastfeeding' && (personal || PREGNANCY_DOSE.test(t))) return PREGNANCY_NOTICE;
  if (!personal) return null;
  // The anticoagulation clinic is named only when the question or its topic is about anticoagulants.
  return mentionsAnticoagulant(t) || topic?.category === 'interactions'
    ? PERSONAL_ANTICOAGULANT_NOTICE
    : PERSONAL_NOTICE;
}

/** Pregnancy questions about natto, supplements or doses are about the asker's own intake. */
const PREGNANCY_DOSE =
  /\b(natto|supplements?|pills?|capsules?|doses?|dosage|high|mcg|mg|micrograms?|take|taking|safe)\b/;

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
  return answerQuestionDetailed(question, index, byId).answer;
}

/** An answer with the search result it was made from (null for empty input, greetings, thanks). */
export interface DetailedAnswer {
  answer: Answer;
  result: SearchResult | null;
}

/** Like {@link answerQuestion}, also returning the match features (for calibration and tuning). */
export function answerQuestionDetailed(
  question: string,
  index: TopicIndex,
  byId: ReadonlyMap<string, Topic>,
): DetailedAnswer {
  const full = normalizeText(question);
  // "Hi all, new here - what is K2?": the greeting and introduction are not the question.
  const normalized = (!isGreeting(full) && withoutGreeting(full)) || full;
  const warningFirst = mentionsAnticoagulant(normalized);
  let gate = checkEmergency(normalized);

  if (normalized.replace(/[^\p{L}\p{N}]/gu, '').length === 0) {
    return { answer: bareAnswer('empty', EMPTY_TEXT, warningFirst), result: null };
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
  if (!gate.urgent && isGreeting(normalized)) {
    return { answer: bareAnswer('decline', GREETING_TEXT, warningFirst), result: null };
  }
  if (!gate.urgent && isThanks(normalized)) {
    return { answer: bareAnswer('decline', THANKS_TEXT, warningFirst), result: null };
  }

  const boosts = urgentCategoryBoosts(gate.kind, warningFirst);
  // A dose taken twice or an extra pill by mistake, with no emergency, asks whether that much
  // is harmful: the side-effect question ("took my k2 twice because i forgot").
  let result =
    !gate.urgent && DOSE_TWICE.test(normalized.replace(/'/g, ''))
      ? index.search(`${normalized} , too much`, boosts)
      : index.search(normalized, boosts, analysis);
  // What the asker does not eat or like is not the topic; the rest of the question decides.
  const focus = withoutNegated(normalized);
  if (focus) {
    const focused = index.search(focus, boosts);
    if (focused.ranked[0] && focused.hasAnchor && focused.confidence >= ANSWER_THRESHOLD) result = focused;
  }
  // A long backstory before the question ("mostly chicken and rice right now, what foods could I
  // add to get K2?"): the question clause decides when its topic is close to the best one.
  const asked = questionClause(normalized);
  if (asked && result.ranked[0]) {
    // A clause pointing back ("does it…") is about K2 when the message is.
    const clauseResult = index.search(
      asked.pointsBack && result.hasAnchor ? `${asked.clause} k2` : asked.clause,
      boosts,
    );
    const clauseTop = clauseResult.ranked[0];
    const fullTop = result.ranked[0].score;
    const inFull = result.ranked.find((r) => r.topic === clauseTop?.topic)?.score ?? 0;
    if (
      clauseTop &&
      clauseTop.topic !== result.ranked[0].topic &&
      (!asked.pointsBack || POINTING_BACK_CATEGORIES.has(clauseTop.topic.category)) &&
      clauseResult.hasAnchor &&
      clauseResult.confidence >= ANSWER_THRESHOLD &&
      clauseResult.features.subjectMass >= CLEAR_SUBJECT &&
      (inFull >= fullTop * BACKSTORY_RATIO || incidentalStory(result.ranked[0].topic, clauseTop.topic))
    ) {
      result = clauseResult;
    }
  }
  // Pasted article text is in scope, whatever words it holds ("cook with butter"), unless the
  // message also asks for someone else's call (a pharmacist, a vet, a test, the baby's doctor).
  let outOfScope = outOfScopeClass(normalized, result.hasAnchor);
  if (result.features.quoted && outOfScope && QUOTE_MAY_OVERRIDE.has(outOfScope.cls)) outOfScope = null;
  if (outOfScope?.incidental) {
    // An off-topic word beside a clear K2 question ("my gym bro says…", "on metformin, does k2
    // help insulin sensitivity", "carnivore diet k2 - do steaks have it") does not decline it:
    // first without the clauses that hold one, then without just the words themselves.
    const medicine = outOfScope.cls === 'medicine';
    for (const rest of [withoutIncidentalClauses(normalized), withoutIncidentalWords(normalized)]) {
      if (!rest) continue;
      // "Can I take k2 with metformin" asks about combining them: a pharmacist's question.
      if (medicine && (COMBINING.test(rest) || DRUG_EFFECT.test(rest))) continue;
      const restResult = index.search(rest, boosts);
      if (
        restResult.ranked[0] &&
        restResult.hasAnchor &&
        restResult.confidence >= ANSWER_THRESHOLD &&
        (restResult.features.subjectMass >= CLEAR_SUBJECT || restResult.features.asksDefinition) &&
        outOfScopeClass(rest, true) === null
      ) {
        result = restResult;
        outOfScope = null;
        break;
      }
    }
  }
  const personal = isPersonal(normalized);
  // A K2 overdose is answered with the side-effect facts, not whatever else a count matched.
  const best =
    gate.kind === 'overdose'
      ? (result.ranked.find((r) => r.topic.category === 'safety') ?? result.ranked[0])
      : result.ranked[0];
  // A crisis message gets the crisis notice alone: no topic facts beside it.
  // A swallowed medicine that is not K2 ("kid swallowed grandma's warfarin pills") gets the
  // urgent notice alone: K2 facts fit only when K2 or a supplement is what was swallowed.
  const otherMedicine = gate.kind === 'overdose' && !K2_SWALLOWED.test(normalized.replace(/'/g, ''));
  const answerable = gate.kind !== 'self-harm' && gate.kind !== 'pet' && !otherMedicine;

  let answer: Answer;
  if (best && answerable && !outOfScope && result.confidence >= ANSWER_THRESHOLD) {
    // In an emergency the matching facts still help the people around the patient.
    // The raw confidence decides; the reported one is calibrated to the chance of being right.
    const confidence = calibratedConfidence(result.features, result.confidence, ANSWER_THRESHOLD);
    answer = topicAnswer(best.topic, byId, confidence, warningFirst);
    if (!gate.urgent) {
      answer.suggestions = result.ranked
        .slice(1, 4)
        .filter((r) => r.score >= best.score * SUGGESTION_RATIO)
        .map((r) => toRef(r.topic));
    }
  } else {
    // An emergency with no matching topic is not "outside what I know": the notice says what to do.
    const urgentBody = gate.kind === 'self-harm' ? CRISIS_BODY : gate.kind === 'pet' ? PET_BODY : URGENT_BODY;
    const declineBody = DECLINE_TEXTS[outOfScope?.cls ?? 'general'];
    // The crisis notice leads alone: the blood-thinner warning is not put in front of it.
    const leadWithWarning = warningFirst && gate.kind !== 'self-harm';
    answer = bareAnswer('decline', gate.urgent ? urgentBody : declineBody, leadWithWarning);
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
      answer.suggestions = result.ranked
        .slice(0, 3)
        .filter((r, i) =>
          anchoredOnly ? r.score > 0 : relativeConfidence(result, i) >= DECLINE_SUGGESTION_FLOOR,
        )
        .filter((r) => r.score >= best.score * SUGGESTION_RATIO)
        .map((r) => toRef(r.topic));
      // Close topics to offer: the question is unclear, not outside what the bot knows.
      if (answer.suggestions.length > 0) answer.body = UNSURE_TEXT;
    }
    // A declined question always reports less than the answer threshold.
    answer.confidence = outOfScope ? 0 : Math.min(result.confidence, DECLINED_MAX_CONFIDENCE);
  }

  // Several questions in one message ("1) dose? 2) mk7 or mk4? 3) with food?"): the best one is
  // answered and the others' topics lead the suggestions.
  const parts = gate.urgent || !answerable || outOfScope ? [] : questionParts(normalized);
  if (parts.length >= 2) {
    const partTopics: Array<{ topic: Topic; confidence: number; result: SearchResult }> = [];
    for (const part of parts) {
      // A part without a K2 word shares the message's ("k2 dose? and with food?").
      const r = index.search(result.hasAnchor ? `${part} k2` : part, boosts);
      const top = r.ranked[0];
      if (top && r.confidence >= ANSWER_THRESHOLD && !partTopics.some((p) => p.topic === top.topic)) {
        partTopics.push({ topic: top.topic, confidence: r.confidence, result: r });
      }
    }
    const fullTopic = answer.kind === 'answer' ? answer.topic?.id : undefined;
    if (partTopics.length > 0 && !partTopics.some((p) => p.topic.id === fullTopic)) {
      // The whole message's topic answers none of the parts: the most confident part is
      // answered instead (the earliest on a tie).
      const first = partTopics.reduce((a, b) => (b.confidence > a.confidence ? b : a));
      result = first.result;
      const confidence = calibratedConfidence(first.result.features, first.confidence, ANSWER_THRESHOLD);
      answer = topicAnswer(first.topic, byId, confidence, warningFirst);
    }
    if (answer.kind === 'answer') {
      const others = partTopics.filter((p) => p.topic.id !== answer.topic?.id).map((p) => toRef(p.topic));
      const merged = [...others, ...answer.suggestions].filter(
        (r, i, all) => all.findIndex((x) => x.id === r.id) === i,
      );
      answer.suggestions = merged.slice(0, MAX_SUGGESTIONS);
    }
  }

  if (gate.urgent) {
    answer.urgent = true;
    answer.urgentNotice = gate.notice;
    // An emergency may be a bleed on a blood thinner, so the warning follows the urgent notice,
    // except after a crisis message, which stands alone.
    answer.safety = safetyTexts(gate.kind !== 'self-harm');
  }
  if (answer.kind === 'answer') {
    const notice = personalNoticeFor(normalized, byId.get(answer.topic?.id ?? ''), personal);
    if (notice) {
      answer.personal = true;
      answer.personalNotice = notice;
    }
  }
  return { answer, result };
}
