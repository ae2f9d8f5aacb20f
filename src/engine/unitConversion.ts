import { language, texts } from '../kb/language.ts';
import { fillText } from '../kb/templates.ts';
import { anyOf } from './phrasePattern.ts';

const LISTS = language().phrases.lists;
/** Micrograms and milligrams, however written (phrases.json `microgramWords`, `milligramWords`). */
const MICROGRAMS = anyOf(LISTS.microgramWords, { capture: false });
const MILLIGRAMS = anyOf(LISTS.milligramWords, { capture: false });
/** A figure, not inside a longer one; bounded, so no run of digits is scanned from each of its places. */
const FIGURE = '(?<![\\d.,])(\\d{1,3}(?:,\\d{3}){1,3}|\\d{1,7}(?:\\.\\d{1,4})?|\\.\\d{1,4})';
/** Words that state two figures are one ("is", "equals", "the same as": phrases.json `conversionStated`), or "=". */
const SAME = `(?:\\b${anyOf(LISTS.conversionStated, { capture: false })}\\b|=)`;
/** Between a figure and the word that says it is the other: a few words, no sentence end (bounded). */
const GAP = '[^.?!\\d]{0,25}?';

const MCG_THEN_MG = new RegExp(`${FIGURE} ?${MICROGRAMS}\\b${GAP}${SAME}${GAP}${FIGURE} ?${MILLIGRAMS}\\b`);
const MG_THEN_MCG = new RegExp(`${FIGURE} ?${MILLIGRAMS}\\b${GAP}${SAME}${GAP}${FIGURE} ?${MICROGRAMS}\\b`);

const numberOf = (figure: string) => Number(figure.replace(/,/g, ''));

/** A figure in milligrams as people write it: up to three decimals, thousands with commas. */
function written(mg: number): string {
  return mg.toLocaleString('en-US', { maximumFractionDigits: 3 });
}

/**
 * "600 mcg is just 0.6 mg, is that correct?", "45 mg (45,000 mcg)": a conversion between
 * micrograms and milligrams the message states, checked. Two letters in blind round 36 asked it
 * beside their question and got no word on it. The sentence says yes with the figures, or no with
 * the right one; null when the message states no conversion.
 */
export function conversionVerdict(normalized: string): string | null {
  const forward = MCG_THEN_MG.exec(normalized);
  const backward = forward ? null : MG_THEN_MCG.exec(normalized);
  if (!forward && !backward) return fractionOfAMilligram(normalized);
  const [mcgFigure, mgFigure] = forward
    ? [forward[1] as string, forward[2] as string]
    : [(backward as RegExpExecArray)[2] as string, (backward as RegExpExecArray)[1] as string];
  const mcg = numberOf(mcgFigure);
  const mg = numberOf(mgFigure);
  if (!Number.isFinite(mcg) || !Number.isFinite(mg) || mcg === 0) return null;
  const actual = mcg / 1000;
  const replies = texts().replies;
  if (Math.abs(actual - mg) <= 1e-9 * Math.max(1, mg))
    return fillText(replies.unitConversionRight, { mcg: mcgFigure, mg: mgFigure });
  return fillText(replies.unitConversionWrong, { mcg: mcgFigure, mg: mgFigure, actual: written(actual) });
}

/** A dose under 1 mg, as labels write MK-7 ("0.1 mg", ".18mg"): K2 figures are given in micrograms. */
const FRACTION_OF_A_MILLIGRAM = new RegExp(`(?<![\\d.,])(0?\\.\\d{1,3}) ?${MILLIGRAMS}\\b`);

/**
 * "Vitamin K2 (as MK-7) …… 0.1 mg. article says 90-200 mcg for mk7. am i in range?": a dose under
 * 1 mg said in the micrograms the article's figures use, so the reply's figures can be compared
 * with it; null when the message gives none.
 */
function fractionOfAMilligram(normalized: string): string | null {
  const m = FRACTION_OF_A_MILLIGRAM.exec(normalized);
  if (!m) return null;
  const written = m[1] as string;
  const mg = written.startsWith('.') ? `0${written}` : written;
  const mcg = Math.round(Number(mg) * 1000);
  return fillText(texts().replies.unitConversionGiven, { mg, mcg: mcg.toLocaleString('en-US') });
}
