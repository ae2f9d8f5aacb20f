import { activeSymptom, type GateRule } from './gateWords.ts';
import { unionOf } from './phrasePattern.ts';

/** Gate: a bleeding, bruised or unusually sleepy young baby (possible vitamin K deficiency bleeding). */

/**
 * "Important for the baby's blood", "what K does to a newborn's blood": after a preposition the
 * baby's blood is a thing talked about, not a bleed ("baby's" is read "baby"). "My baby's blood is
 * on the sheets" keeps its subject and is still read.
 */
const BABY_BLOOD_TALKED_ABOUT =
  /\b(for|of|to|about|on|in) (my|our|the|her|his|a) (new ?born|baby|infant)s? blood\b/g;

/** A bleed, blood or bruising told of a young baby. */
const BABY_BLEEDS: readonly RegExp[] = [
  /\b(my|our|the|her|his) (new ?born|baby|infant|little one)\b[^.?!]{0,60}\b(bleed\w*|bled|blood\w*|bruis\w*)/,
  /\b\d+ ?(day|week|wk|month|mo) old\b[^.?!]{0,60}\b(bleed\w*|bled|blood\w*|bruis\w*)/,
  /\b(bleeding|blood)\b[^.?!]{0,40}\b(my|our) (new ?born|baby|infant)\b/,
  /\b(new ?born|baby|infant)s? (is |has been |keeps |started |has )?(bleed\w*|bled|blood in|bloody|bruis\w* everywhere)/,
];
/** Bruising, vomiting or unusual sleepiness in a young baby can be a bleed, when it is happening. */
const BABY_SIGNS =
  /\b(new ?born|baby|infant|\d+ ?(day|week|wk) old)\b[^.?!]{0,40}\b(bruis\w*|vomit\w*|unusually sleepy|very sleepy|lethargic|floppy|wont wake)/;
/** Whether any of them matches at all: most messages name no baby, and one scan costs less than five. */
const ANY_BABY_BLEED = unionOf([...BABY_BLEEDS, BABY_SIGNS]);

export const babyBleeding: GateRule = {
  kind: 'baby-bleeding',
  test: (text) => {
    const t = text.replace(BABY_BLOOD_TALKED_ABOUT, ' ');
    return ANY_BABY_BLEED.test(t) && (BABY_BLEEDS.some((re) => re.test(t)) || activeSymptom(t, BABY_SIGNS));
  },
};
