import type { FocusId } from '../kb/focusSchema.ts';
import type { FactIndex, IndexedFact } from './factIndex.ts';
import type { QuestionFocus } from './questionFocus.ts';

/**
 * How well one fact answers the question (composeBody.ts chooses the best): its words weighted
 * by rarity across facts, the focuses and subjects asked, and its place in its topic.
 */

/** How much a fact that answers the asked focus gains, against term matches weighted by rarity. */
const FOCUS_WEIGHT = 1.6;
/** Second and later focuses of a question count this much of the first. */
const LATER_FOCUS = 0.6;
/** A fact about a subject the question names gains this much… */
const SUBJECT_WEIGHT = 1.2;
/**
 * …and a fact only about a rival of it (MK-7 when MK-4 is asked, adults when a child is) keeps
 * this share of its score, less the bonus: its words may match the question ("how long", "age")
 * as well as the right fact's do.
 */
const RIVAL_FACTOR = 0.5;
const RIVAL_PENALTY = 1.2;
/** The subject named first is what the question is about: its facts gain this much more. */
const FIRST_SUBJECT_WEIGHT = 0.6;
/**
 * Asked to compare subjects ("rats or people?", "mk4 or mk7?"), a fact that names every one of
 * them is the comparison itself and gains this much more than facts about one side.
 */
const COMPARED_WEIGHT = 1.0;
/** Asked what K2 does, a fact that does not name the vitamin keeps this share of its score. */
const CONTEXT_ONLY_FACTOR = 0.5;
/** The topic's first facts are its core: a small lead for them when nothing else decides. */
const POSITION_PRIOR = 0.6;
/** A word's written form counts this much of a term match. */
const SURFACE_FACTOR = 0.5;

/** A word of the question as every fact is scored by it: how much it is asked, its rarity, its form. */
export interface AskedTerm {
  term: string;
  asked: number;
  idf: number;
  /** A written form ("=rotterdam") mostly repeats its term: it only tips the balance. */
  form: number;
}

/** The question's words for scoreFact, looked up once per answer rather than once per fact. */
export const askedTerms = (terms: ReadonlyMap<string, number>, facts: FactIndex): AskedTerm[] =>
  Array.from(terms, ([term, asked]) => ({
    term,
    asked,
    idf: facts.idf.get(term) ?? 0,
    form: term.startsWith('=') ? SURFACE_FACTOR : 1,
  }));

export function scoreFact(
  f: IndexedFact,
  terms: readonly AskedTerm[],
  focus: QuestionFocus,
  topicSize: number,
  /** The question asks what K2 does to something the article covers ("does k2 help neuropathy?"). */
  effectAsked: boolean,
): number {
  let score = 0;
  for (const t of terms) {
    const w = f.terms.get(t.term);
    if (w) score += t.asked * w * t.idf * t.form;
  }
  for (let i = 0; i < focus.focuses.length; i++) {
    if (f.focuses.has(focus.focuses[i] as FocusId)) score += FOCUS_WEIGHT * (i === 0 ? 1 : LATER_FOCUS);
  }
  const { named, first } = focus.subjects;
  // "Rats or people?" is about both: neither named first leads.
  const compared = named.size >= 2 && focus.focuses.includes('comparison');
  if (first && f.subjects.has(first) && !compared) score += FIRST_SUBJECT_WEIGHT;
  let namedHere = 0;
  for (const s of named) if (f.subjects.has(s)) namedHere++;
  score += SUBJECT_WEIGHT * namedHere;
  if (compared && namedHere === named.size) score += COMPARED_WEIGHT;
  score += POSITION_PRIOR * (1 - f.position / topicSize);
  // "Does k2 help neuropathy?" asks what K2 does: a fact that only describes neuropathy is
  // context, though it says the condition's words more often than the facts about K2 do.
  if (effectAsked && !f.namesVitamin) score *= CONTEXT_ONLY_FACTOR;
  return aboutRivalOnly(f, focus.subjects) ? score * RIVAL_FACTOR - RIVAL_PENALTY : score;
}

/**
 * Whether a fact is about a rival of what the question names and not about the named subject
 * itself: the children's intake when a 74-year-old is asked about, MK-7's half-life when MK-4's is.
 * Loops rather than [...set].some(): this runs for every candidate fact of every answer.
 */
export function aboutRivalOnly(f: IndexedFact, subjects: QuestionFocus['subjects']): boolean {
  for (const s of subjects.named) if (f.subjects.has(s)) return false;
  for (const r of subjects.rivals) if (f.subjects.has(r)) return true;
  return false;
}
