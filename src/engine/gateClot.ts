import { ANTICOAGULANT, activeSymptom, type GateRule, near, PERSON, wordings } from './gateWords.ts';
import { phraseRegex } from './phrasePattern.ts';

/** Gate: signs of a blood clot (a swollen, painful calf on an anticoagulant or K2; sudden breathlessness). */

const LEG = /\b(calf|calves|leg|legs|thigh|ankle)\b/;
const LEG_SIGN =
  /\b(swollen|swelling|swelled|puffy|painful|sore|hurts|hurting|red and (hot|warm)|hot and red|warm|throbbing|tender|bigger than the other|larger than the other)\b/;
const SORE_LEG = /\b(swollen|painful|sore|puffy|tender|red) (left |right |lower )?(calf|leg|thigh)\b/;
/** A leg sign within a few words of the leg, or a sore leg named as such. */
const CLOT_LEG = new RegExp(`${near(LEG, LEG_SIGN, 45).source}|${SORE_LEG.source}`);
/** K2 or one leg named: a leg sign is about a clot, not a sprain. */
const CLOT_CONTEXT = /\b(k2|vitamin k|natto|mk7|mk 7|one (leg|side|calf))\b/;
/**
 * One side's calf or leg swollen or warm ("my left calf has been swollen and warm since
 * yesterday"): a clot sign whatever cause the writer guesses. Soreness alone is not, after exercise.
 */
const ONE_SIDE_SWOLLEN = near(
  /\b(left|right) (calf|leg|thigh)\b/,
  /\b(swollen|swelling|swelled|puffy|warm|hot|red and (hot|warm))\b/,
  45,
);
/** A long journey just made (gate.json `afterJourney`): a clot sign for one leg, not for both. */
const AFTER_JOURNEY = phraseRegex(wordings.afterJourney);
const ONE_LEG = /\b(calf|leg|thigh)\b/;
/** A clot already found and treated, told with its signs (gate.json `clotUnderCare`), and signs changing (`clotWorsening`). */
const UNDER_CARE = phraseRegex(wordings.clotUnderCare);
const WORSENING = phraseRegex(wordings.clotWorsening);
const SUSPECTED_CLOT =
  /\b(i think|might|may|could) (i |he |she )?(have|has|got|ve got) (a )?(blood clot|clot|dvt|pulmonary embolism)\b|\b(sudden|suddenly) (short of breath|shortness of breath|breathless)\b/;

export const clot: GateRule = {
  kind: 'clot',
  test: (t) => {
    // The context is read only for a leg sign that is happening: most messages name none.
    const context = () =>
      ANTICOAGULANT.test(t) || CLOT_CONTEXT.test(t) || (AFTER_JOURNEY.test(t) && ONE_LEG.test(t));
    // "The diagnosis indicated DVT and the doctor recommended warfarin… can he take nattokinase
    // instead?": the swollen calf is the clot being treated, not a new one.
    const treatedAsBefore = () => UNDER_CARE.test(t) && !WORSENING.test(t);
    if (
      activeSymptom(t, CLOT_LEG) &&
      context() &&
      (PERSON.test(t) || ANTICOAGULANT.test(t)) &&
      !treatedAsBefore()
    )
      return true;
    if (activeSymptom(t, ONE_SIDE_SWOLLEN) && PERSON.test(t) && !treatedAsBefore()) return true;
    return SUSPECTED_CLOT.test(t);
  },
};
