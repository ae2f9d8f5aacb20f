/**
 * Anticoagulant names: one list for the emergency gate, the order of the blood-thinner warning and
 * the personal notices.
 */

/** Anticoagulants and antiplatelets by generic and brand name, for the gate and the warning. */
export const ANTICOAGULANT =
  /\b(warfarin|warfrin|warafin|warfarine|coumadin|jantoven|marevan|sintrom|acenocoumarol|phenprocoumon|marcoumar|blood ?thinn?ers?|blood ?thinning|anti ?coagulants?|anticoagulation|anticoagulated|eliquis|apixaban|xarelto|rivaroxaban|pradaxa|dabigatran|edoxaban|lixiana|savaysa|heparin|clexane|lovenox|enoxaparin|plavix|clopidogrel|vkas?|doacs?|inr)\b/;

/** Anticoagulants that are not vitamin K antagonists, and antiplatelets. */
export const DOAC =
  /\b(eliquis|apixaban|xarelto|rivaroxaban|pradaxa|dabigatran|edoxaban|lixiana|savaysa|heparin|clexane|lovenox|enoxaparin|fragmin|dalteparin|plavix|clopidogrel|brilinta|ticagrelor|prasugrel|effient|aspirin|doacs?|noacs?)\b/;

/** True when the text names an anticoagulant: the warning then comes first. */
export function mentionsAnticoagulant(normalized: string): boolean {
  return ANTICOAGULANT.test(normalized.replace(/'/g, ''));
}
