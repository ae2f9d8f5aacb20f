import { activeSymptom, type GateRule, wordings } from './gateWords.ts';
import { phraseRegex } from './phrasePattern.ts';

/**
 * Gate: a knock to the head with a warning sign after it ("bumped his head when he fell and now
 * he's thrown up twice and is really sleepy"). A bump alone is no emergency, and on a blood
 * thinner any head injury is already the bleeding rule's.
 */

const HEAD_INJURY = phraseRegex(wordings.headInjury);
const WARNING_SIGNS = phraseRegex(wordings.headInjuryWarningSigns);

export const headInjury: GateRule = {
  kind: 'head-injury',
  test: (t) => activeSymptom(t, HEAD_INJURY) && activeSymptom(t, WARNING_SIGNS),
};
