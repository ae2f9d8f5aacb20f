import { language } from '../kb/language.ts';
import type { Analysis } from './analyze.ts';
import type { FactIndex, IndexedFact } from './factIndex.ts';
import { GENERIC_TERMS } from './lexicon.ts';
import { PhraseSet, stemmedWords } from './phraseSet.ts';

/**
 * "how many women were in the 3-year mk7 bone trial", "did the 360 mcg a day mk-7 study improve
 * bone density": a question about one study the article cites. The topic search weighs "mk7" and
 * "dose" and lands on doses, whose facts never describe the trial; the study's own fact sits in
 * another topic. A message that points at one study ("the" a few words before a study noun, or
 * "that"/"this" with words of its own between) is matched against the facts that report a study,
 * by the figures, study names and rare words the two share.
 */

/** Facts that report a study (schema `evidence`), as opposed to mechanisms, claims and guidance. */
const STUDY_EVIDENCE: ReadonlySet<string> = new Set([
  'trial',
  'small-trial',
  'observational',
  'meta-analysis',
  'lab-or-animal',
]);

const lists = language().phrases.lists;
const STUDY_NOUNS = new PhraseSet(lists.studyNouns.words ?? []);
const POINTERS: ReadonlySet<string> = new Set(lists.studyPointers.words ?? []);
/** How many words a pointer may stand before the study noun ("the 3 year mk7 bone density trial"). */
const POINTER_REACH = 7;
/** A figure the message and a fact both give counts as much as this many shared rare words. */
const FIGURE_WEIGHT = 3;
/**
 * The best study must lead the next by this much (about one rare shared word): a tie names no one
 * study ("what did the studies show about k2 and bones").
 */
const CLEAR_LEAD = 1;
/** Fewest shared words (by weight) a study must have beside a figure, or without one. */
const MIN_SCORE_WITH_FIGURE = 3;
const MIN_SCORE_WITHOUT_FIGURE = 4;

const NUMBER = /\d+(?:,\d{3})*(?:\.\d+)?/g;
/** What stands before a digit that names a form, not a figure: "MK-7", "mk 4", "K2", "D3". */
const FORM_NAME_BEFORE = /(?:mk[\s-]?|[a-z])$/i;

/** The figures a text gives, without thousands separators ("4,378" is 4378), not form names. */
function numbersIn(text: string): Set<string> {
  const out = new Set<string>();
  for (const m of text.matchAll(NUMBER)) {
    const at = m.index ?? 0;
    if (FORM_NAME_BEFORE.test(text.slice(Math.max(0, at - 3), at))) continue;
    out.add(m[0].replace(/,/g, ''));
  }
  return out;
}

const factNumbers = new WeakMap<IndexedFact, Set<string>>();
function numbersOf(f: IndexedFact): Set<string> {
  let numbers = factNumbers.get(f);
  if (!numbers) {
    numbers = numbersIn(f.fact.text);
    factNumbers.set(f, numbers);
  }
  return numbers;
}

/** A word of a study's name ("Rotterdam", "AVADEC", "Dutch") is one at most this many study facts use. */
const MAX_NAME_FACTS = 2;
/** A study's name said in the message counts as much as this many shared rare words. */
const NAME_WEIGHT = 3;
/** Shorter words are never a study's name. */
const MIN_NAME_LETTERS = 4;
const LETTERS = /[a-z]+/g;
/** A capitalised word inside a sentence: a name ("Rotterdam", "AVADEC", "Dutch"), not a word that opens one. */
const NAME_IN_SENTENCE = /(?<=[a-z0-9,;:()] )[A-Z][A-Za-z]+/g;

/** The message's words, lower case. */
function wordsOf(text: string): Set<string> {
  const out = new Set<string>();
  for (const m of text.toLowerCase().matchAll(LETTERS)) if (m[0].length >= MIN_NAME_LETTERS) out.add(m[0]);
  return out;
}

/** The names a fact's text gives, lower case. */
function namesIn(text: string): Set<string> {
  const out = new Set<string>();
  for (const m of text.matchAll(NAME_IN_SENTENCE))
    if (m[0].length >= MIN_NAME_LETTERS) out.add(m[0].toLowerCase());
  return out;
}

/** Each study fact's words, and the words that name few of them: built once per fact index. */
const studyNames = new WeakMap<FactIndex, { words: Map<IndexedFact, Set<string>>; rare: Set<string> }>();
function namesOf(facts: FactIndex): { words: Map<IndexedFact, Set<string>>; rare: Set<string> } {
  let names = studyNames.get(facts);
  if (names) return names;
  const words = new Map<IndexedFact, Set<string>>();
  const count = new Map<string, number>();
  for (const f of facts.byId.values()) {
    if (!reportsAStudy(f)) continue;
    const own = namesIn(f.fact.text);
    words.set(f, own);
    for (const w of own) count.set(w, (count.get(w) ?? 0) + 1);
  }
  const rare = new Set([...count].filter(([, n]) => n <= MAX_NAME_FACTS).map(([w]) => w));
  names = { words, rare };
  studyNames.set(facts, names);
  return names;
}

function reportsAStudy(f: IndexedFact): boolean {
  return f.fact.evidence !== undefined && STUDY_EVIDENCE.has(f.fact.evidence);
}

/** Whether the message points at one study: a pointer a few words before a study noun. */
export function pointsAtAStudy(normalized: string): boolean {
  // "…good for the heart, any studies?": a pointer in another clause points at something else.
  for (const clause of normalized.split(CLAUSE_BREAK)) {
    const words = stemmedWords(clause);
    const at = STUDY_NOUNS.firstIndex(words);
    if (at < 0) continue;
    // "a big 2022 analysis": a year names one study, whatever article comes before it.
    if (words.slice(Math.max(0, at - YEAR_REACH), at).some((w) => YEAR.test(w))) return true;
    for (let i = Math.max(0, at - POINTER_REACH); i < at; i++) {
      if (!POINTERS.has(words[i] as string)) continue;
      const between = words.slice(i + 1, at);
      // "was that a small study": "that" is the verb's, and "a" names no study. A bare "that study"
      // points back at one said before, which the conversation knows, not the message.
      if (between.some((w) => INDEFINITE.has(w))) continue;
      if (between.length === 0 && words[i] !== DEFINITE_ARTICLE) continue;
      return true;
    }
  }
  return false;
}

const CLAUSE_BREAK = /[,.;:!?()]/;
/** A year among the words right before a study noun ("the 2019 meta-analysis", "a 2022 analysis"). */
const YEAR = /^(19|20)\d\d$/;
const YEAR_REACH = 2;
/** "was that a small study": no one study is meant (phrases.json `studyIndefinites`). */
const INDEFINITE: ReadonlySet<string> = new Set(lists.studyIndefinites.words ?? []);
const DEFINITE_ARTICLE = 'the';

/**
 * The fact reporting the study the message points at, when one clearly fits and `shown` (the
 * fact the reply leads with) is not already as good a fit; else null. `analysis` is the message's
 * own (its terms weigh by their rarity among facts). A study told in two topics (AVADEC is a D3
 * trial and a calcification trial) is one study: a fact that names the same study never rivals it.
 */
export function studyAsked(
  normalized: string,
  analysis: Analysis,
  facts: FactIndex,
  shown?: IndexedFact,
): IndexedFact | null {
  if (!pointsAtAStudy(normalized)) return null;
  const figures = numbersIn(normalized);
  const terms = analysis.terms.filter((t) => !GENERIC_TERMS.has(t) && !/^\d/.test(t));
  const names = namesOf(facts);
  const named = [...wordsOf(normalized)].filter((w) => names.rare.has(w));
  const scored: Array<{ f: IndexedFact; score: number; figures: number; names: string[] }> = [];
  for (const [f, own] of names.words) {
    let shared = 0;
    for (const figure of figures) if (numbersOf(f).has(figure)) shared++;
    const itsNames = named.filter((w) => own.has(w));
    let score = shared * FIGURE_WEIGHT + itsNames.length * NAME_WEIGHT;
    for (const t of terms) if (f.terms.has(t)) score += facts.idf.get(t) ?? 0;
    if (score > 0) scored.push({ f, score, figures: shared, names: itsNames });
  }
  scored.sort((a, b) => b.score - a.score);
  // A figure the asker gives names the study ("the 2022 meta analysis"): a study without it is
  // another, however many of the message's words it shares.
  const mostFigures = Math.max(0, ...scored.map((x) => x.figures));
  // "what did the 2025 k2 trial find": figures no study of the article gives name another study.
  if (figures.size > 0 && mostFigures === 0) return null;
  const fitting = mostFigures > 0 ? scored.filter((x) => x.figures === mostFigures) : scored;
  const best = fitting[0];
  if (!best) return null;
  // Facts of one topic that give the year asked ("2022") tell of one study too: the 2022
  // meta-analysis, its size and what it found. Other figures ("in my 50s") name no study.
  const askedYear = figures.size > 0 && [...figures].every((f) => YEAR.test(f));
  const sameStudy = (x: (typeof scored)[number]) =>
    x.names.some((w) => best.names.includes(w)) ||
    (askedYear && best.figures > 0 && x.figures === best.figures && x.f.topic === best.f.topic);
  const rival = fitting.find((x) => x !== best && !sameStudy(x));
  const enough = best.figures > 0 || best.names.length > 0 ? MIN_SCORE_WITH_FIGURE : MIN_SCORE_WITHOUT_FIGURE;
  if (best.score < enough || best.score - (rival?.score ?? 0) < CLEAR_LEAD) return null;
  // The reply's own lead stands when it is as good a fit, or the same study told in its topic.
  const current = fitting.find((x) => x.f === shown);
  if (current && (sameStudy(current) || best.score - current.score < CLEAR_LEAD)) return null;
  return best.f;
}
