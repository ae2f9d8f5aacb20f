import { activeSymptom, type GateRule, wordings } from './gateWords.ts';
import { phraseRegex } from './phrasePattern.ts';

/**
 * Gate: low blood sugar with a sign of it now ("took my insulin and skipped lunch, now shaky and
 * confused"). Diabetes questions are common here (the article has a section), so insulin alone,
 * or a sign alone, is no emergency: the two together are, unless told as past or asked about.
 */

const LOW_SUGAR_CAUSE = phraseRegex(wordings.lowSugarCause);
const LOW_SUGAR_SIGNS = phraseRegex(wordings.lowSugarSigns);

export const lowBloodSugar: GateRule = {
  kind: 'low-blood-sugar',
  test: (t) => LOW_SUGAR_CAUSE.test(t) && activeSymptom(t, LOW_SUGAR_SIGNS),
};
