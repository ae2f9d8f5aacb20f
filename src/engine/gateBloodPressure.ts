import { type GateRule, has } from './gateWords.ts';

/** Gate: a blood pressure of 180/120 or more (a hypertensive crisis). */

export const bloodPressure: GateRule = {
  kind: 'blood-pressure',
  // A blood pressure of 180/120 or more is a hypertensive crisis.
  test: has(
    /\b(1[89]\d|2\d\d) ?\/ ?(1[2-9]\d|\d{3})\b|\b(blood pressure|bp)( is| was| of| at| reads| reading| reading of| went up to| shot up to| hit| spiked to| now)?:? (1[89]\d|2\d\d)\b(?! ?mcg)/,
  ),
};
