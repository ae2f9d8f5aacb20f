import { active, type GateRule, wordings } from './gateWords.ts';
import { phraseRegex } from './phrasePattern.ts';

/** Gate: signs of a stroke (a drooping face, slurred speech, one side numb or weak). */

export const stroke: GateRule = {
  kind: 'stroke',
  test: active(phraseRegex(wordings.stroke)),
};
