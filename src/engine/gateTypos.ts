import { language } from '../kb/language.ts';
import { editDistance } from './editDistance.ts';

/**
 * The emergency gate's own typo pass: words that are one or two edits from a word the gate
 * looks for are restored before it looks again ("vomitting blod" → "vomiting blood").
 */

/** Words the emergency gate looks for, so that typos of them can be corrected before it looks. */
export const GATE_WORDS: readonly string[] =
  `bleeding bleed bleeds stopping nosebleed blood bloody vomiting vomit
  throwing coughing stool stools poop pooping urine peeing black tarry coffee grounds bruises bruising
  headache swollen swelling painful calf thigh chest pain tight tightness pressure heart attack drooping
  droopy slurred slurring speech weakness numbness stroke throat tongue closing breathe breathing
  breath swallow swallowed toddler gummies gummy pills tablets capsules softgels bottle overdose
  overdosed accidentally mistake poison control suicide suicidal myself newborn infant baby
  unconscious fainted seizure collapsed`
    .split(/\s+/)
    .filter((w) => w.length >= 4);

/**
 * Words the gate's own typo pass may restore (see {@link correctGateTypos}): the gate words and
 * a few short ones that matching never needs ("numb", "side", "head").
 */
const GATE_TYPO_TARGETS: readonly string[] = [
  ...new Set([
    ...GATE_WORDS,
    ...`numb numbness face side drooping droop confused confusion vision worst vomited threw
    puked grounds warfarin coumadin eliquis xarelto head fell poison passed stopping hemorrhage
    nosebleed nose gums bleeds clots clot dizzy fainting seizures suddenly sudden left right arm
    legs swollen swelling blood bloody bleeding kill killing life dying`
      .split(/\s+/)
      .filter((w) => w.length >= 4),
  ]),
];

/** Targets by first letter, so a word is only compared with a handful of candidates. */
const GATE_TARGETS_BY_INITIAL: ReadonlyMap<string, readonly string[]> = (() => {
  const map = new Map<string, string[]>();
  for (const w of GATE_TYPO_TARGETS) {
    const list = map.get(w[0] as string);
    if (list) list.push(w);
    else map.set(w[0] as string, [w]);
  }
  return map;
})();

function sameLetters(a: string, b: string): boolean {
  return a.length === b.length && [...a].sort().join('') === [...b].sort().join('');
}

/**
 * The gate's own typo pass: every word the knowledge base and lexicon do not know (`isKnown`)
 * that is one edit (two for words of 8+ letters, or letters moved around in 6+) from a gate word, with the same first letter,
 * becomes that word: "vomitting blod" → "vomiting blood", "chst", "numbb", "swolen", "bleding".
 * A three-letter word is only restored to a four-letter gate word it lacks one letter of ("kil",
 * "lfe"), since the phrase around it must still match a rule. Returns null when nothing changed.
 */
export function correctGateTypos(
  normalized: string,
  isKnown: (word: string) => boolean,
  /** Words already restored with the same `isKnown`, kept between messages (words recur). */
  restored?: Map<string, string>,
): string | null {
  let changed = false;
  const out = normalized.replace(/'/g, '').replace(/[\p{L}]+/gu, (w) => {
    let fixed = restored?.get(w);
    if (fixed === undefined) {
      fixed = restoreGateWord(w, isKnown);
      if (restored) {
        if (restored.size >= RESTORED_LIMIT) restored.clear();
        restored.set(w, fixed);
      }
    }
    if (fixed !== w) changed = true;
    return fixed;
  });
  return changed ? out : null;
}

/** Words remembered by a `restored` map before it starts again. */
const RESTORED_LIMIT = 5000;

/**
 * Words of everyday English the knowledge never uses, so the analyzer does not know them, that
 * are a letter or two from a gate word: "he felt fine" is no fall, "heat" no heart attack.
 */
export const REAL_WORDS: ReadonlySet<string> = new Set(language().gate.realWords);

/** One word of {@link correctGateTypos}: the gate word it is a typo of, or itself. */
function restoreGateWord(w: string, isKnown: (word: string) => boolean): string {
  if (w.length < 3 || w.length > 20 || isKnown(w) || REAL_WORDS.has(w)) return w;
  const candidates = GATE_TARGETS_BY_INITIAL.get(w[0] as string);
  if (!candidates) return w;
  // A three-letter word is only a four-letter gate word with a letter dropped ("kil", "lfe").
  const max = w.length >= 6 ? 2 : 1;
  let best: string | null = null;
  let bestD = max + 1;
  for (const c of candidates) {
    if (c === w) return w;
    let d = editDistance(w, c, max);
    // Two edits in a short word only when its letters are the target's, moved ("tounge"):
    // otherwise "fasting" would become "fainting".
    if (d === 2 && w.length < 8 && !sameLetters(w, c)) d = max + 1;
    if (w.length === 3 && c.length !== 4) d = max + 1;
    // On a tie the longer word wins: a dropped letter is the commonest typo ("swallowd").
    if (d < bestD || (d === bestD && best !== null && c.length > best.length)) {
      bestD = d;
      best = c;
    }
  }
  return best ?? w;
}
