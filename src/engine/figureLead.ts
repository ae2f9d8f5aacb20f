import { language } from '../kb/language.ts';
import type { IndexedFact } from './factIndex.ts';
import { STOP_WORDS } from './lexicon.ts';
import { mapPacked } from './packedArray.ts';
import { PhraseSet, stemmedWords } from './phraseSet.ts';
import type { QuestionFocus } from './questionFocus.ts';

/**
 * An amount question is answered with the figure first ("About 3 days."): the figure, its unit
 * and its basis, taken from the fact that answers it. Words, not one regular expression per
 * wording: a figure is a number followed (within one word) by a unit, with the words before it
 * that qualify it and the words after it that give its basis.
 */

const UNITS: ReadonlySet<string> = new Set(language().focus.figureUnits);
const QUALIFIERS: ReadonlySet<string> = new Set([
  'about',
  'around',
  'under',
  'over',
  'up',
  'to',
  'at',
  'least',
  'only',
  'above',
  'below',
]);
/** Words that can start a figure's basis: "per 100 g", "a day", "daily". */
const BASIS_START: ReadonlySet<string> = new Set(['per', 'a', 'daily', 'each']);

const isNumber = (word: string) => /^\d[\d,.–-]*%?$/.test(word);
/**
 * A figure is a word that starts with a digit, or with "(" and a digit. Before spacedFigures a digit
 * also starts a word after "?", "!" or a quotation mark (they become spaces). A text with no digit
 * in any of those places ("is k2 safe?": most messages) states no figure, and is not split into words.
 */
const FIGURE_START = /(?:^|[\s(?!'"‘’“”])\d/;
const PUNCTUATION = new Set([',', ';', ':', '.', '(', ')']);
/** The word without the punctuation that ends it ("hours," → "hours"). */
function trimPunctuation(word: string): string {
  let end = word.length;
  while (end > 0 && PUNCTUATION.has(word[end - 1] as string)) end--;
  return word.slice(word.startsWith('(') ? 1 : 0, end);
}
const endsClause = (word: string) => PUNCTUATION.has(word[word.length - 1] ?? '');
/** "mcg/day" and "mcg/100" are a unit with their basis glued on. */
const unitOf = (word: string) => trimPunctuation(word.split('/')[0] ?? '').toLowerCase();
const clean = trimPunctuation;
const RANGE_WORDS: ReadonlySet<string> = new Set(['to', '-', '–', 'and', 'or']);

export interface Figure {
  text: string;
  unit: string;
  /** Where it is in the text, in words (whitespace-separated): its first word and the word after it. */
  start: number;
  end: number;
}

/** Every figure in a text, in order. */
export function figuresIn(text: string): Figure[] {
  if (!FIGURE_START.test(text)) return [];
  const words = text.split(/\s+/).filter((w) => w.length > 0);
  const found: Figure[] = [];
  for (let i = 0; i < words.length; i++) {
    const number = clean(words[i] as string);
    if (!isNumber(number)) continue;
    // "50 to 90 mcg of K2 per 100 g": what follows "per" is the basis of the figure before it.
    if (i > 0 && (words[i - 1] as string).toLowerCase() === 'per') continue;
    // A percentage is written on the number ("43%").
    // A range ("90 to 120 mcg") is one figure.
    let last = i;
    // So is a list ("90, 180, 360 and 720 mcg a day"), which its last number and unit end.
    while ((words[last] as string).endsWith(',') && isNumber(clean(words[last + 1] ?? ''))) last++;
    if (RANGE_WORDS.has(words[last + 1] ?? '') && isNumber(clean(words[last + 2] ?? ''))) last += 2;
    let unitAt = -1;
    if (clean(words[last] as string).endsWith('%')) unitAt = last;
    else if (UNITS.has(unitOf(words[last + 1] ?? ''))) unitAt = last + 1;
    else if (UNITS.has(unitOf(words[last + 2] ?? ''))) unitAt = last + 2;
    if (unitAt < 0) continue;
    let start = i;
    while (start > 0 && QUALIFIERS.has((words[start - 1] as string).toLowerCase()) && i - start < 3) {
      const word = (words[start - 1] as string).toLowerCase();
      // "up to 100 mcg" qualifies the figure; "adding calcium to 90 mcg MK-7" does not.
      if (word === 'to' && words[start - 2]?.toLowerCase() !== 'up') break;
      // "at least 90 mcg" does; "lists natto at 150 mcg per tablespoon" does not ("At 150 mcg…" led).
      if (word === 'at' && words[start]?.toLowerCase() !== 'least') break;
      start--;
    }
    let end = unitAt + 1;
    const unitWord = words[unitAt] as string;
    if (unitWord.includes('/')) {
      // "mcg/100 g": the basis's own unit follows.
      if (!endsClause(unitWord) && UNITS.has(unitOf(words[end] ?? ''))) end++;
    } else {
      // "45 mg of MK-4 a day": what the amount is of, when its basis follows.
      const ofWhat =
        !endsClause(unitWord) &&
        clean(words[end] ?? '').toLowerCase() === 'of' &&
        !endsClause(words[end + 1] ?? '.') &&
        BASIS_START.has(clean(words[end + 2] ?? '').toLowerCase());
      if (ofWhat) end += 2;
    }
    if (
      !unitWord.includes('/') &&
      !endsClause(words[end - 1] as string) &&
      BASIS_START.has(clean(words[end] ?? '').toLowerCase())
    ) {
      // "daily"; "a day", "per tablespoon"; "per 100 g", "per 3 oz".
      const opener = clean(words[end] as string).toLowerCase();
      if (opener === 'daily') end += 1;
      else if (!endsClause(words[end] as string) && words[end + 1] !== undefined) {
        end += isNumber(words[end + 1] as string) && !endsClause(words[end + 1] as string) ? 3 : 2;
      }
    }
    const phrase = trimPunctuation(words.slice(start, Math.min(end, words.length)).join(' '));
    found.push({
      text: phrase,
      unit: unitAt === last && clean(unitWord).endsWith('%') ? '%' : unitOf(unitWord),
      start,
      end: Math.min(end, words.length),
    });
    i = end - 1;
  }
  return found;
}

/** A figure a message quotes, as compared with the facts': its numbers and its unit's family. */
export interface QuotedFigure {
  numbers: readonly string[];
  unit: string;
}

/** Units that are one unit written another way ("micrograms", "µg" and "mcg"). */
const UNIT_FAMILY: Readonly<Record<string, string>> = {
  µg: 'mcg',
  μg: 'mcg',
  microgram: 'mcg',
  milligram: 'mg',
  gram: 'g',
};
const unitFamily = (unit: string) => {
  const key = unitKey(unit);
  return UNIT_FAMILY[key] ?? key;
};

/** A unit of focus.json `figureUnits` written on its number ("100mcg", "30g"), longest first. */
const GLUED_UNIT = new RegExp(
  `(\\d)(${[...UNITS]
    .filter((u) => /^\p{L}+$/u.test(u))
    .sort((a, b) => b.length - a.length)
    .join('|')})\\b`,
  'gu',
);

/**
 * "10-gram" and "100mcg" as two words, and "grams??" without its marks, so the figure reads; a
 * figure in quotation marks ("i saw '10 grams of k2…'") without them.
 */
const spacedFigures = (text: string) =>
  text
    .replace(/(\d)-(?=\p{L})/gu, '$1 ')
    .replace(GLUED_UNIT, '$1 $2')
    .replace(/[?!]+/g, ' ')
    .replace(/['"‘’“”](?=\d)|(?<=\p{L})['"‘’“”](?=\s|$)/gu, ' ');

/**
 * Units of an amount or a share: a figure in one of these names a claim ("10 grams", "7%"); a
 * duration or a head count ("3 days ago", "two kids") is the asker's own story.
 */
const QUOTABLE_UNITS: ReadonlySet<string> = new Set(['mcg', 'mg', 'g', '%', 'percent']);

/** Words that report what someone else says (phrases.json `reportingWords`). */
const REPORTING: ReadonlySet<string> = new Set(language().phrases.lists.reportingWords.words ?? []);
/** How many words before a figure a reporting word may stand in its sentence ("a blog says aiming for 10-45 mcg"). */
const REPORTED_WITHIN = 8;

/** "my 100mcg mk7", "our 2000 iu": the asker's own amount, never one reported to be checked. */
const OWNED_BY: ReadonlySet<string> = new Set(['my', 'our', 'mine']);

/**
 * Whether the figure starting at word `start` is reported: a reporting word shortly before it, in
 * its clause, and not the asker's own ("a blog said, seems insane next to my 100mcg" reports none).
 */
function reported(words: readonly string[], start: number): boolean {
  if (OWNED_BY.has((words[start - 1] ?? '').toLowerCase())) return false;
  for (let i = start - 1; i >= 0 && start - i <= REPORTED_WITHIN; i--) {
    const word = words[i] as string;
    if (/[.?!,;]$/.test(word)) return false;
    if (REPORTING.has(word.toLowerCase().replace(/[^a-z]/g, ''))) return true;
  }
  return false;
}

/**
 * The figures a message quotes to be checked: those of its question, and those its story reports
 * someone else saying ("my label says 100mcg but a blog says 10-45 mcg. which one is right?"),
 * not the asker's own ("i take 100 mcg").
 */
export function figuresQuotedIn(question: string, message: string): QuotedFigure[] {
  return [...quotedFigures(question), ...figuresReportedIn(message)];
}

/** The figures a message's story reports someone else saying ("a blog says 10-45 mcg"). */
export function figuresReportedIn(message: string): QuotedFigure[] {
  if (!FIGURE_START.test(message)) return [];
  const spaced = spacedFigures(message);
  const words = spaced.split(/\s+/).filter((w) => w.length > 0);
  return toQuoted(figuresIn(spaced).filter((f) => reported(words, f.start)));
}

const toQuoted = (figures: readonly Figure[]): QuotedFigure[] =>
  mapPacked(figures, (f) => {
    const numbers = f.text.match(/\d[\d,.]*/g);
    return {
      numbers: numbers ? mapPacked(numbers, (n) => n.replace(/,/g, '')) : [],
      unit: unitFamily(f.unit),
    };
  }).filter((q) => q.numbers.length > 0 && QUOTABLE_UNITS.has(q.unit));

/** The figures a text states: "10-45 mcg a day" is 10 and 45 in micrograms. */
export function quotedFigures(text: string): QuotedFigure[] {
  if (!FIGURE_START.test(text)) return [];
  return toQuoted(figuresIn(spacedFigures(text)));
}

/** Each fact's own figures, read once: every answer that quotes a figure compares them. */
const STATED = new WeakMap<IndexedFact, QuotedFigure[]>();
function figuresStatedBy(f: IndexedFact): QuotedFigure[] {
  let stated = STATED.get(f);
  if (!stated) {
    stated = quotedFigures(`${f.fact.text} ${f.fact.quote}`);
    STATED.set(f, stated);
  }
  return stated;
}

/** Units an amount of the vitamin is given in: "is that a lot?" after one asks about that amount. */
const AMOUNT_UNITS: ReadonlySet<string> = new Set(['mcg', 'mg']);

/** Whether a fact states an amount of something in micrograms or milligrams. */
export function statesAnAmount(f: IndexedFact): boolean {
  return figuresStatedBy(f).some((o) => AMOUNT_UNITS.has(o.unit));
}

/** Whether a fact (its text or the article's words) states one of the quoted figures: the same numbers in the same unit. */
export function statesFigure(f: IndexedFact, quoted: readonly QuotedFigure[]): boolean {
  if (quoted.length === 0) return false;
  const own = figuresStatedBy(f);
  return quoted.some((q) =>
    own.some(
      (o) =>
        o.unit === q.unit &&
        o.numbers.length === q.numbers.length &&
        q.numbers.every((n, i) => o.numbers[i] === n),
    ),
  );
}

/** Whether a sentence already starts with a figure (within its first few words). */
export function startsWithFigure(text: string): boolean {
  const head = text.split(/\s+/).slice(0, 5).join(' ');
  return figuresIn(head).length > 0;
}

/** A unit as compared: "days" and "day" alike; "%" as written. */
const unitKey = (unit: string) => (unit === '%' ? '%' : (stemmedWords(unit.toLowerCase())[0] ?? unit));

interface Kind {
  id: string;
  units: ReadonlySet<string>;
  asked: PhraseSet;
  changes: { asked: PhraseSet; words: PhraseSet } | null;
}
const KINDS: readonly Kind[] = language().focus.figureKinds.map((k) => ({
  id: k.id,
  units: new Set(k.units.map(unitKey)),
  asked: new PhraseSet(k.asked),
  changes: k.changes
    ? { asked: new PhraseSet(k.changes.asked), words: new PhraseSet(k.changes.words) }
    : null,
}));
/** Measures of food no fact gives a figure in (focus.json `foodMeasures`), as compared. */
const FOOD_MEASURES: ReadonlySet<string> = new Set(language().focus.foodMeasures.map(unitKey));
/**
 * "How many grams should I eat": asked in a measure of food that no fact gives a figure in, the
 * question asks for no figure of theirs (not a count of people after "how many", not a share).
 */
function asksInFoodMeasure(questionWords: readonly string[]): boolean {
  for (let i = 1; i < questionWords.length; i++) {
    if (
      ASKS_IN_UNIT.has(questionWords[i - 1] as string) &&
      FOOD_MEASURES.has(unitKey(questionWords[i] as string))
    )
      return true;
  }
  return false;
}

/** "how many days", "in hours": the word before a unit that the question asks in. */
const ASKS_IN_UNIT: ReadonlySet<string> = new Set(['many', 'in', 'what']);

/**
 * The kind of figure a question asks for: a unit it asks in ("how many days"), a change asked
 * ("how much did the odds drop": a share), else the first kind whose words it
 * uses; null when it names none.
 */
export function askedFigureKind(questionWords: readonly string[]): Kind | null {
  for (let i = 1; i < questionWords.length; i++) {
    if (!ASKS_IN_UNIT.has(questionWords[i - 1] as string)) continue;
    const key = unitKey(questionWords[i] as string);
    const kind = KINDS.find((k) => k.units.has(key));
    if (kind) return kind;
  }
  const change = KINDS.find(
    (k) => k.changes?.asked.matches(questionWords) && k.changes.words.matches(questionWords),
  );
  if (change) return change;
  return KINDS.find((k) => k.asked.matches(questionWords)) ?? null;
}

/** A word that ends a clause: the figures on either side of it belong to different statements. */
const closesClause = (word: string) => /[;:.]$/.test(word) && !/\d\.$/.test(word);

/**
 * The words that say what a figure is about: after it up to the next figure or the end of its
 * clause, and before it back to the start of its clause when no other figure stands between
 * ("EFSA sets 70 mcg a day for adults", "90 mcg (age 19+)").
 */
function contextOf(words: readonly string[], figures: readonly Figure[], k: number): readonly string[] {
  const f = figures[k] as Figure;
  const next = figures[k + 1]?.start ?? words.length;
  const around: string[] = [];
  // A figure that closes its clause with a comma is not described by what follows: "up to about
  // 96 hours, with a half-life of about 3 days" gives the half-life of the 3 days.
  if (!(words[f.end - 1] ?? '').endsWith(','))
    for (let i = f.end; i < next; i++) {
      around.push(words[i] as string);
      if (closesClause(words[i] as string)) break;
    }
  const previousEnd = figures[k - 1]?.end ?? 0;
  for (let i = f.start - 1; i >= previousEnd; i--) {
    if (closesClause(words[i] as string)) break;
    around.push(words[i] as string);
  }
  return stemmedWords(around.join(' ').toLowerCase());
}

/**
 * The figure a question asks for, from a fact: of the kind asked (a duration for "how long", an
 * amount of the vitamin for "how much"; none when the fact has none of that kind), in the unit
 * the question names ("in days"), and said of what the question names ("for adults", "EFSA");
 * else the first. Null when the fact has no such figure.
 */
export function askedFigure(factText: string, questionWords: readonly string[]): string | null {
  const figure = pickFigure(factText, questionWords);
  return figure ? asSentence(figure) : null;
}

const asSentence = (f: Figure) => `${f.text.charAt(0).toUpperCase()}${f.text.slice(1)}.`;

/** What a figure can be per, as asked ("a day", "daily", "per tablespoon"): stop words, so looked for apart. */
const BASIS_WORDS: ReadonlySet<string> = new Set(['day', 'week', 'tablespoon', 'spoon', 'serving', 'dose']);
const basisKey = (word: string) => (word === 'daily' ? 'day' : word);

/**
 * The single words that ask for an amount (focus.json `amount`: "dose", "amount"…): they say a
 * figure is asked, not which one, so they never tell figures apart by the words around them.
 */
const AMOUNT_WORDS: ReadonlySet<string> = new Set(
  (language().focus.focuses.find((f) => f.id === 'amount')?.asked ?? []).filter((w) => !w.includes(' ')),
);

/** The figure {@link askedFigure} gives, with its place in the text. */
function pickFigure(factText: string, questionWords: readonly string[]): Figure | null {
  const figures = figuresIn(factText);
  if (figures.length === 0 || asksInFoodMeasure(questionWords)) return null;
  const kind = askedFigureKind(questionWords);
  const ofKind = kind ? figures.filter((f) => kind.units.has(unitKey(f.unit))) : figures;
  if (ofKind.length === 0) return null;
  const asked = new Set(questionWords.map((w) => w.toLowerCase()));
  const inUnit = ofKind.filter(
    (f) => asked.has(f.unit) || asked.has(`${f.unit}s`) || asked.has(f.unit.replace(/s$/, '')),
  );
  const pool = inUnit.length > 0 ? inUnit : ofKind;
  const content = new Set(
    questionWords.filter((w) => w.length > 2 && !STOP_WORDS.has(w) && !AMOUNT_WORDS.has(w) && !/^\d/.test(w)),
  );
  const basisAsked = new Set(questionWords.map(basisKey).filter((w) => BASIS_WORDS.has(w)));
  let best = pool[0] as Figure;
  if (pool.length > 1 && (content.size > 0 || basisAsked.size > 0)) {
    const words = factText.split(/\s+/).filter((w) => w.length > 0);
    let bestShared = 0;
    for (const f of pool) {
      // The figure's own basis counts too: "how much mk4 a day" asks for "45,000 mcg a day", not
      // for the single dose "15 mg" that comes first.
      const own = stemmedWords(f.text.toLowerCase())
        .map(basisKey)
        .filter((w) => basisAsked.has(w));
      const around = contextOf(words, figures, figures.indexOf(f)).filter((w) => content.has(w));
      const shared = around.length + own.length;
      if (shared > bestShared) {
        best = f;
        bestShared = shared;
      }
    }
  }
  return best;
}

/** Each condition a figure can be asked for, alone: every one the question names is looked for. */
const CONDITIONS: readonly PhraseSet[] = language().focus.figureConditions.map((c) => new PhraseSet([c]));

/**
 * Whether a fact's figure answers who or what the question asks about: not when the fact is about
 * a rival of a subject the question names (adults when a child is asked, MK-7 when MK-4 is), nor
 * when the question names a condition the fact does not ("how much k2 for diabetes?" is not
 * answered by the general supplement dose).
 */
function figureIsAbout(
  fact: IndexedFact,
  subjects: QuestionFocus['subjects'],
  questionWords: readonly string[],
): boolean {
  for (const s of subjects.named) {
    if (fact.subjects.has(s)) continue;
    for (const r of subjects.rivals) if (fact.subjects.has(r)) return false;
  }
  const asked = CONDITIONS.filter((c) => c.matches(questionWords));
  if (asked.length === 0) return true;
  const own = stemmedWords(`${fact.topic.title} ${fact.fact.text} ${fact.fact.answer ?? ''}`.toLowerCase());
  return asked.every((c) => c.matches(own));
}

/**
 * The opening of an answer to a figure question whose first fact does not start with the figure:
 * the figure asked, from that fact (its corrected wording first: where the article is wrong, its
 * figure never leads), or null when the fact has no figure of the kind asked or is about someone
 * or something else than what the question names.
 */
export function figureOpening(first: IndexedFact, firstText: string, focus: QuestionFocus): string | null {
  if (!focus.figure || !figureIsAbout(first, focus.subjects, focus.words)) return null;
  // The article's own figure, which the fact goes on to question ("10 to 45 mcg daily."), must not
  // open a reply as if it were the answer: such a fact leads with its own words or its `answer`.
  if (first.fact.evidence === 'article-claim') return null;
  // "How much do men need?" of "90 mcg a day for women and 120 mcg for men…": the men's figure
  // leads, though the fact starts with another.
  if (startsWithFigure(firstText)) {
    const asked = pickFigure(firstText, focus.words);
    return asked && asked.start !== figuresIn(firstText)[0]?.start ? asSentence(asked) : null;
  }
  // A fact said answer-first (its `answer`, which is `firstText`) gives its figure from that
  // wording alone: its text reports the article's own figure ("up to 15,000 mcg daily"), which must
  // never open the reply.
  return (
    askedFigure(firstText, focus.words) ??
    (first.fact.answer ? null : askedFigure(first.fact.text, focus.words))
  );
}
