import { language, texts } from '../kb/language.ts';
import { fillText } from '../kb/templates.ts';
import { phraseRegex } from './phrasePattern.ts';

/**
 * "Is that per day?" after an answer that gave a figure: yes or no, what the figure is per, and the
 * figure's sentence again. Blind readers found "is that per day?" in three of four rounds of
 * conversations, answered with other facts of the topic.
 */

const { lists } = language().phrases;
/** The words around the basis that ask nothing else (phrases.json `basisAsked`). */
const FRAME: ReadonlySet<string> = new Set((lists.basisAsked.words ?? []).flatMap((w) => w.split(' ')));
/** The bases a question may ask, as the reply names them. */
const BASES = [
  {
    name: texts().replies.basisDayName,
    pattern: phraseRegex(lists.basisDay),
    every: phraseRegex(lists.basisDay, 'g'),
  },
  {
    name: texts().replies.basisWeekName,
    pattern: phraseRegex(lists.basisWeek),
    every: phraseRegex(lists.basisWeek, 'g'),
  },
] as const;
/**
 * A figure with its unit of mass: "45 mg", "90–200 mcg", "150 mcg". It starts where no digit stands
 * before it, so a long run of digits is tried once, not from each of its digits.
 */
export const MASS_FIGURE =
  /(?<![\d.,])\d[\d.,]*(?:\s?[–-]\s?\d[\d.,]*)?\s?(?:mcg|mg|µg|micrograms?|milligrams?)\b/;
/** What a figure is per when not a day or a week: "per tablespoon", "per 100 g". */
const PER = /\bper (\d+ ?(?:g|oz)\b|[a-z]+)/;
/** How far after the figure its basis is looked for, in characters. */
const BASIS_WINDOW = 50;
/** A figure's sentence shorter than this many words ("90 mcg/day.") is shown with the next one. */
const MIN_SENTENCE_WORDS = 8;

/** The reply's body for a question that only asks what the previous figure is per, or null. */
export function basisConfirmation(normalized: string, previousBody: string): string | null {
  const text = normalized.replace(/'/g, '');
  const asked = BASES.find((b) => b.pattern.test(text));
  if (!asked) return null;
  const rest = text
    .replace(asked.every, ' ')
    .split(/[^\p{L}\p{N}]+/u)
    .filter((w) => w.length > 0 && !FRAME.has(w));
  if (rest.length > 0) return null;
  const sentences = previousBody.split(/(?<=\.)\s+/);
  const at = sentences.findIndex((s) => MASS_FIGURE.test(s));
  if (at === -1) return null;
  const sentence = sentences[at] as string;
  const figure = MASS_FIGURE.exec(sentence) as RegExpExecArray;
  const after = sentence.slice(
    figure.index + figure[0].length,
    figure.index + figure[0].length + BASIS_WINDOW,
  );
  const given = BASES.find((b) => b.pattern.test(after));
  const shown =
    sentence.split(/\s+/).length < MIN_SENTENCE_WORDS && sentences[at + 1]
      ? `${sentence} ${sentences[at + 1]}`
      : sentence;
  if (given === asked) return `${fillText(texts().replies.basisYes, { basis: asked.name })} ${shown}`;
  const per = given ? null : PER.exec(after);
  const basis = given ? given.name : per ? `per ${per[1]}` : null;
  if (!basis) return null;
  return `${fillText(texts().replies.basisOther, { basis, asked: asked.name })} ${shown}`;
}
