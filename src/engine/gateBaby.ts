import { activeSymptom, type GateRule } from './gateWords.ts';

/** Gate: a bleeding, bruised or unusually sleepy young baby (possible vitamin K deficiency bleeding). */

/**
 * "Important for the baby's blood", "what K does to a newborn's blood": after a preposition the
 * baby's blood is a thing talked about, not a bleed ("baby's" is read "baby"). "My baby's blood is
 * on the sheets" keeps its subject and is still read.
 */
const BABY_BLOOD_TALKED_ABOUT =
  /\b(for|of|to|about|on|in) (my|our|the|her|his|a) (new ?born|baby|infant)s? blood\b/g;

/**
 * A word every pattern below needs ("newborn", "new born", "baby", "infant", "little one", "6 week
 * old"): most messages have none, and then nothing more is read. Setting a span aside (the
 * replace below) only puts a space where it was, so it makes none of these words.
 */
const YOUNG_CHILD_WORD = /baby|born|infant|little|old/;

export const babyBleeding: GateRule = {
  kind: 'baby-bleeding',
  test: (text) => {
    if (!YOUNG_CHILD_WORD.test(text)) return false;
    const t = text.replace(BABY_BLOOD_TALKED_ABOUT, ' ');
    return (
      /\b(my|our|the|her|his) (new ?born|baby|infant|little one)\b[^.?!]{0,60}\b(bleed\w*|bled|blood\w*|bruis\w*)/.test(
        t,
      ) ||
      /\b\d+ ?(day|week|wk|month|mo) old\b[^.?!]{0,60}\b(bleed\w*|bled|blood\w*|bruis\w*)/.test(t) ||
      /\b(bleeding|blood)\b[^.?!]{0,40}\b(my|our) (new ?born|baby|infant)\b/.test(t) ||
      /\b(new ?born|baby|infant)s? (is |has been |keeps |started |has )?(bleed\w*|bled|blood in|bloody|bruis\w* everywhere)/.test(
        t,
      ) ||
      // Bruising, vomiting or unusual sleepiness in a young baby can be a bleed.
      activeSymptom(
        t,
        /\b(new ?born|baby|infant|\d+ ?(day|week|wk) old)\b[^.?!]{0,40}\b(bruis\w*|vomit\w*|unusually sleepy|very sleepy|lethargic|floppy|wont wake)/,
      )
    );
  },
};
