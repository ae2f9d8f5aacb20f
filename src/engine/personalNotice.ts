import { anticoagulantSpellings, language } from '../kb/language.ts';
import type { Topic } from '../kb/schema.ts';
import { withoutDeniedAnticoagulants } from './anticoagulantFacts.ts';
import {
  ANTICOAGULANT_ONLY,
  ANTIPLATELET,
  DOAC,
  DOAC_OR_HEPARIN,
  HEPARIN,
  mentionsAnticoagulant,
} from './anticoagulants.ts';
import { PERSONAL_PATTERNS } from './lexicon.ts';
import { anyOf, phraseRegex, phraseSource, unionOf } from './phrasePattern.ts';
import {
  ANTIPLATELET_NOTICE,
  DOAC_NOTICE,
  HEPARIN_NOTICE,
  otherVkaNotice,
  PERSONAL_ANTICOAGULANT_NOTICE,
  PERSONAL_NOTICE,
  PREGNANCY_NOTICE,
  PRESCRIPTION_NOTICE,
} from './safety.ts';
import { wordPattern } from './wordPattern.ts';

/**
 * The notice shown beside an answer when the question is about the asker's own intake,
 * medicines or results, or when the topic asks for one (its `notice` field).
 */

/** The personal patterns as one expression: one scan costs less than 17. */
const ANY_PERSONAL = unionOf(PERSONAL_PATTERNS);

/** True for first-person decisions about one's own intake, medicines or results. */
export function isPersonal(normalized: string): boolean {
  const t = normalized.replace(/'/g, '');
  return ANY_PERSONAL.test(t) || ON_MEDICINE_SUBJECT_LEFT_OUT.test(t);
}

/** Vitamin K antagonists other than warfarin (anticoagulants.json `shownAs`), each with its spellings. */
const OTHER_VKAS = language()
  .anticoagulants.filter((drug) => drug.shownAs !== undefined)
  .map((drug) => ({ shownAs: drug.shownAs as string, named: wordPattern(drug.spellings) }));

/** Pregnancy questions about natto, supplements or doses are about the asker's own intake. */
const PREGNANCY_DOSE =
  /\b(natto|supplements?|pills?|capsules?|doses?|dosage|high|mcg|mg|micrograms?|take|taking|safe)\b/;

/**
 * A pregnancy or breastfeeding the message tells of ("i'm 31 weeks pregnant", "my wife is
 * pregnant", "this pregnancy"), not one it asks about in general ("is natto ok in pregnancy?") or
 * denies (phrases.json `pregnancyTold`, `pregnancyDenied`).
 */
export function pregnancyTold(t: string): boolean {
  return PREGNANT.test(t) && !NOT_PREGNANT.test(t);
}
const PREGNANT = phraseRegex(language().phrases.lists.pregnancyTold);
const NOT_PREGNANT = phraseRegex(language().phrases.lists.pregnancyDenied);

/** A prescribed medicine: the general words given, every blood thinner and the pharmacist's drugs, each from its one list. */
function medicineAlternatives(generalWords: readonly string[]): string {
  return [
    generalWords.join('|'),
    wordPattern(anticoagulantSpellings()).source,
    ...language()
      .declines.rules.filter((rule) => rule.class === 'medicine')
      .flatMap((rule) => rule.words ?? []),
  ].join('|');
}
const PRESCRIPTION_WORDS = language().phrases.lists.prescriptionWords.words ?? [];
const PRESCRIBED_MEDICINE = medicineAlternatives(PRESCRIPTION_WORDS);

/**
 * A sentence that opens with the medicine, the "I'm" left out as chat leaves it ("on pradaxa for
 * afib, any k2 issue?"): the asker's own medicine, as "im on pradaxa" is.
 */
const ON_MEDICINE_SUBJECT_LEFT_OUT = new RegExp(
  `(?:^|[.!?;] )(?:${anyOf(language().phrases.lists.medicineOpeners, { capture: false })} )?on (?:${PRESCRIBED_MEDICINE})\\b`,
);

/** Stopping or replacing a prescribed medicine with K2, the asker's own or a relative's. */
const REPLACE_PRESCRIPTION = new RegExp(
  `(?:${phraseSource(language().phrases.lists.replacePrescription)})(${PRESCRIBED_MEDICINE})\\b`,
);

/**
 * A medicine named before a pointer, by the same words but not what any pill comes in (gate.json
 * `pills`): "my fish oil tablets… could i stop them and take k2 instead?" names a supplement.
 */
const PILL_WORDS: ReadonlySet<string> = new Set(language().gate.pills);
const MEDICINE_NAMED = new RegExp(
  `\\b(${medicineAlternatives(PRESCRIPTION_WORDS.filter((w) => !PILL_WORDS.has(w)))})\\b`,
);
/** "…could she stop that and just use k2 instead?": the medicine named before, pointed at (phrases.json `replacePointedAt`). */
const REPLACE_POINTED_AT = phraseRegex(language().phrases.lists.replacePointedAt);

/** Words right before the plan that say the asker will not (phrases.json `planDenied`). */
const PLAN_DENIED = new RegExp(`(?:${phraseSource(language().phrases.lists.planDenied)})\\s*$`);
/** How far before the plan its denial may start. */
const DENIAL_REACH = 24;

/** A plan told to stop or replace a prescribed medicine, not one denied ("I'm not about to drop my metformin"). */
function replacesPrescription(t: string): boolean {
  const m = REPLACE_PRESCRIPTION.exec(t) ?? pointedAtMedicine(t);
  return m !== null && !PLAN_DENIED.test(t.slice(Math.max(0, m.index - DENIAL_REACH), m.index));
}

/** "…on alendronate. could she stop that and use k2 instead?": the pointer stands for a medicine named before it. */
function pointedAtMedicine(t: string): RegExpExecArray | null {
  const m = REPLACE_POINTED_AT.exec(t);
  return m !== null && MEDICINE_NAMED.test(t.slice(0, m.index)) ? m : null;
}

/**
 * The personal notice that fits: stopping or replacing a prescribed medicine with K2 gets the
 * prescriber notice whoever asks (it is the one decision the facts must not seem to settle); a
 * vitamin K antagonist other than warfarin gets the note that it is one, with the clinic notice; an
 * antiplatelet with no anticoagulant proper, on any topic, the note that the article does not cover
 * it; a topic with `notice: "doac"` named beside a DOAC or heparin the note that the article's
 * caution is about warfarin-type drugs, and beside an antiplatelet (warfarin named too) the
 * antiplatelet note; a topic with `notice: "pregnancy"` asked about natto or a dose points to the
 * OB or midwife; other personal questions get the general notice.
 */
export function personalNoticeFor(
  normalized: string,
  topic: Topic | undefined,
  personal: boolean,
): string | null {
  const t = normalized.replace(/'/g, '');
  if (replacesPrescription(t)) return PRESCRIPTION_NOTICE;
  // "Is K2 safe with the Sintrom? I think it's like warfarin but I'm not sure": say that it is one.
  const otherVka = OTHER_VKAS.find((drug) => drug.named.test(t));
  if (otherVka) return `${otherVkaNotice(otherVka.shownAs)} ${PERSONAL_ANTICOAGULANT_NOTICE}`;
  // "hes on clopidogrel not warfarin": an antiplatelet alone is named as what it is, whatever the topic.
  if (ANTIPLATELET.test(t) && !ANTICOAGULANT_ONLY.test(withoutDeniedAnticoagulants(t)))
    return ANTIPLATELET_NOTICE;
  // "Does that apply to my clopidogrel and aspirin, or only to warfarin?": the note on apixaban
  // answered a question about antiplatelets. Beside warfarin they are still what the note names.
  // "on enoxaparin injections after my hip": a heparin alone is named as what it is, not as a DOAC.
  if (topic?.notice === 'doac' && HEPARIN.test(t) && !DOAC.test(t)) return HEPARIN_NOTICE;
  if (topic?.notice === 'doac' && DOAC_OR_HEPARIN.test(t)) return DOAC_NOTICE;
  if (topic?.notice === 'doac' && ANTIPLATELET.test(t)) return ANTIPLATELET_NOTICE;
  // "what about the high dose mk4 like the japanese use? i am pregnant": a pregnancy told beside a
  // dose or a supplement points to the OB or midwife whatever the topic.
  if ((topic?.notice === 'pregnancy' || pregnancyTold(t)) && (personal || PREGNANCY_DOSE.test(t)))
    return PREGNANCY_NOTICE;
  if (!personal) return null;
  // The anticoagulation clinic is named only when the question or its topic is about anticoagulants.
  return mentionsAnticoagulant(t) || topic?.category === 'interactions'
    ? PERSONAL_ANTICOAGULANT_NOTICE
    : PERSONAL_NOTICE;
}
