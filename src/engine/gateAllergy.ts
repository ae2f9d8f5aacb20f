import { active, type GateRule, wordings } from './gateWords.ts';
import { phraseRegex } from './phrasePattern.ts';

/** Gate: a severe allergic reaction (throat or tongue swelling, trouble breathing or swallowing). */

export const allergy: GateRule = {
  kind: 'allergy',
  test: active(phraseRegex(wordings.allergy)),
};
