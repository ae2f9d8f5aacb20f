import { language } from '../kb/language.ts';

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
]);
/** Words that can start a figure's basis: "per 100 g", "a day", "daily". */
const BASIS_START: ReadonlySet<string> = new Set(['per', 'a', 'daily', 'each']);

const isNumber = (word: string) => /^\d[\d,.–-]*%?$/.test(word);
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
}

/** Every figure in a text, in order. */
export function figuresIn(text: string): Figure[] {
  const words = text.split(/\s+/).filter((w) => w.length > 0);
  const found: Figure[] = [];
  for (let i = 0; i < words.length; i++) {
    const number = clean(words[i] as string);
    if (!isNumber(number)) continue;
    // A percentage is written on the number ("43%").
    // A range ("90 to 120 mcg") is one figure.
    let last = i;
    if (RANGE_WORDS.has(words[i + 1] ?? '') && isNumber(clean(words[i + 2] ?? ''))) last = i + 2;
    let unitAt = -1;
    if (clean(words[last] as string).endsWith('%')) unitAt = last;
    else if (UNITS.has(unitOf(words[last + 1] ?? ''))) unitAt = last + 1;
    else if (UNITS.has(unitOf(words[last + 2] ?? ''))) unitAt = last + 2;
    if (unitAt < 0) continue;
    let start = i;
    while (start > 0 && QUALIFIERS.has((words[start - 1] as string).toLowerCase()) && i - start < 3) start--;
    let end = unitAt + 1;
    const unitWord = words[unitAt] as string;
    if (unitWord.includes('/')) {
      // "mcg/100 g": the basis's own unit follows.
      if (!endsClause(unitWord) && UNITS.has(unitOf(words[end] ?? ''))) end++;
    } else if (!endsClause(unitWord) && BASIS_START.has(clean(words[end] ?? '').toLowerCase())) {
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
    });
    i = end - 1;
  }
  return found;
}

/** Whether a sentence already starts with a figure (within its first few words). */
export function startsWithFigure(text: string): boolean {
  const head = text.split(/\s+/).slice(0, 5).join(' ');
  return figuresIn(head).length > 0;
}

/**
 * The figure a question asks for, from a fact: the first whose unit the question names ("in
 * days" → "about 3 days"), else the first; null when the fact has none.
 */
export function askedFigure(factText: string, questionWords: readonly string[]): string | null {
  const figures = figuresIn(factText);
  if (figures.length === 0) return null;
  const asked = new Set(questionWords.map((w) => w.toLowerCase()));
  const wanted = figures.find(
    (f) => asked.has(f.unit) || asked.has(`${f.unit}s`) || asked.has(f.unit.replace(/s$/, '')),
  );
  const figure = (wanted ?? (figures[0] as Figure)).text;
  return `${figure.charAt(0).toUpperCase()}${figure.slice(1)}.`;
}
