import { language } from '../kb/language.ts';
import { foodsNamed, STOP_WORDS } from './lexicon.ts';
import { anyOf } from './phrasePattern.ts';
import { stemmedWords } from './phraseSet.ts';
import { CORRECTION_WORDS } from './questionFocus.ts';

/**
 * "no i meant egg yolks specifically, not the whole egg" after "how much k2 is in eggs": a
 * correction that names only another food asks the previous question of that food. Read with the
 * previous question after a comma, its point (the amount, which the article gives for no egg) was
 * lost, and the reply gave the egg facts again without saying there is no figure.
 */

/** Words that add nothing to a corrected subject ("specifically", "just"; phrases.json `correctionFiller`). */
const FILLER: ReadonlySet<string> = new Set(language().phrases.lists.correctionFiller.words);
/** "…, not the whole egg": what the message says it did not mean. */
const DENIED = /,? \b(?:not|rather than|instead of)\b/;
/** A correction says it early: "no i meant…", "sorry, i meant…", "no sorry, i meant…". */
const CORRECTION_REACH = 4;
/** The words of a correction that say what was meant (phrases.json `correctionMeant`). */
const MEANT: ReadonlySet<string> = new Set(language().phrases.lists.correctionMeant.words);

/**
 * What a correction says was meant ("no i meant for bones, not the heart" → "no i meant for
 * bones"), or null when the message does not open by saying what it meant.
 */
export function meantPart(normalized: string): string | null {
  const meant = normalized.replace(/'/g, '').split(DENIED)[0] ?? '';
  const words = stemmedWords(meant).slice(0, CORRECTION_REACH);
  // "i mean…" corrects; "does that mean…" asks what something means.
  const says = words.some((w, i) => MEANT.has(w) && (w !== 'mean' || words[i - 1] === 'i'));
  return says ? meant : null;
}

/** The previous question asked of the food the message corrects it to, or null. */
export function withFoodReplaced(normalized: string, previous: string): string | null {
  const meant = meantPart(normalized);
  if (meant === null) return null;
  const words = stemmedWords(meant);
  // "egg yolks" is two food words, one food.
  const food = [...foodsNamed(meant)].join(' ');
  const before = [...foodsNamed(previous)];
  if (!food || before.length !== 1 || before[0] === food) return null;
  const foodWords = new Set(stemmedWords(food));
  const rest = words.filter(
    (w) => !STOP_WORDS.has(w) && !CORRECTION_WORDS.has(w) && !FILLER.has(w) && !foodWords.has(w),
  );
  if (rest.length > 0) return null;
  return previous.replace(/'/g, '').replace(before[0] as string, food);
}

/** The places ordinals point at (phrases.json `placeOrdinals`): entry i is place i. */
const PLACES: ReadonlyArray<RegExp> = (language().phrases.lists.placeOrdinals.words ?? []).map(
  (ordinal) => new RegExp(`\\b(the )?(${ordinal}) (${anyOf(language().phrases.lists.placeNouns)})\\b`),
);

/**
 * "the 2nd thing u said, how much in that": the message with the food the last answer named in
 * that place in place of the pointer, or null when it points at no place or the answer named too
 * few foods.
 */
export function withFoodAtPlace(normalized: string, previousBody: string): string | null {
  const text = normalized.replace(/'/g, '');
  for (let place = 0; place < PLACES.length; place++) {
    const pointer = (PLACES[place] as RegExp).exec(text);
    if (!pointer) continue;
    const food = [...foodsNamed(previousBody.toLowerCase())][place];
    return food === undefined
      ? null
      : `${text.slice(0, pointer.index)}${food}${text.slice(pointer.index + pointer[0].length)}`;
  }
  return null;
}
