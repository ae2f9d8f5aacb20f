import { activeSymptom, type GateRule, namesAnticoagulantTaken, wordings } from './gateWords.ts';
import { phraseRegex } from './phrasePattern.ts';

/**
 * Gate: a knock to the head with a warning sign after it ("bumped his head when he fell and now
 * he's thrown up twice and is really sleepy"), or any knock to the head on a blood thinner, which
 * can bleed inside the skull. A bump alone is no emergency. Checked before the bleeding rule, which
 * also finds a head injury on a blood thinner, so the notice names the head injury.
 */

const HEAD_INJURY = phraseRegex(wordings.headInjury);
const WARNING_SIGNS = phraseRegex(wordings.headInjuryWarningSigns);

export const headInjury: GateRule = {
  kind: 'head-injury',
  test: (t) =>
    activeSymptom(t, HEAD_INJURY) && (activeSymptom(t, WARNING_SIGNS) || namesAnticoagulantTaken(t)),
};
