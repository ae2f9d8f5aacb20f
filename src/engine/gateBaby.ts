import { activeSymptom, type GateRule } from './gateWords.ts';

/** Gate: a bleeding, bruised or unusually sleepy young baby (possible vitamin K deficiency bleeding). */

export const babyBleeding: GateRule = {
  kind: 'baby-bleeding',
  test: (t) =>
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
    ),
};
