/**
 * The one owner of the fixed safety texts. Every output path (answer, decline, urgent notice,
 * error, button follow-up, terminal line) takes them from here, word for word, and never
 * shortens them: renderers shorten the answer body instead.
 */

export const DISCLAIMER =
  'General information from one article, checked against published research. Not medical advice: ' +
  'ask your doctor or pharmacist before changing your diet, supplements or medicines.';

export const ANTICOAGULANT_WARNING =
  'Blood thinners: vitamin K2 (including natto and K2 supplements) can weaken warfarin and other ' +
  'vitamin K antagonists, even in small amounts. If you take one, do not start, stop or change K2 ' +
  'without your anticoagulation clinic or doctor.';

export interface SafetyTexts {
  disclaimer: string;
  warning: string;
  /** True when the question mentions an anticoagulant: the warning is then shown before the answer. */
  warningFirst: boolean;
}

export function safetyTexts(warningFirst: boolean): SafetyTexts {
  return { disclaimer: DISCLAIMER, warning: ANTICOAGULANT_WARNING, warningFirst };
}
