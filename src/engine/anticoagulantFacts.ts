import { anticoagulantSpellings, language } from '../kb/language.ts';
import { ANTIPLATELET, DOAC_OR_HEPARIN } from './anticoagulants.ts';
import { anyOf, phraseRegex } from './phrasePattern.ts';
import { ANTICOAGULANT_FACTS } from './questionFocus.ts';
import { verbOnObjectSource } from './verbOnObject.ts';
import { wordPattern } from './wordPattern.ts';

/** Which blood-thinner facts a message calls for: the anticoagulants it names, and what it asks besides. */

const VKA = wordPattern(anticoagulantSpellings({ kinds: ['vka'] }));
/** Every anticoagulant name, to read what else a message asks about. */
const EVERY_ANTICOAGULANT = wordPattern(anticoagulantSpellings(), 'g');
const OTHER_ANTICOAGULANT = wordPattern(
  anticoagulantSpellings({ kinds: ['doac', 'heparin', 'antiplatelet'] }),
);
const ANY_ANTICOAGULANT = wordPattern(anticoagulantSpellings({ kinds: ['any'] }));

/** The message without the anticoagulants it names: what else it asks about ("on warfarin, cheese?"). */
export function withoutAnticoagulants(normalized: string): string {
  return normalized.replace(/'/g, '').replace(EVERY_ANTICOAGULANT, ' ').replace(/\s+/g, ' ').trim();
}

/**
 * A blood thinner the asker does not take now (phrases.json `anticoagulantNotTaken`), with the
 * others listed after it: "not on any blood thinners or aspirin" denies the aspirin too.
 */
const DENIED_ANTICOAGULANT = new RegExp(
  `\\b${anyOf(language().phrases.lists.anticoagulantNotTaken)}( any| my| a| the| the course of| my course of)? ${EVERY_ANTICOAGULANT.source}(,? (or|and|nor|like) (any |a |the )?${EVERY_ANTICOAGULANT.source})*`,
  'g',
);

/**
 * The message without the anticoagulants the asker says they do not take: "not on any blood
 * thinners, took my mk7 twice, am i ok?" asks about the double dose, not about blood thinners.
 */
export function withoutDeniedAnticoagulants(normalized: string): string {
  const text = normalized.replace(/'/g, '');
  const out = text.replace(DENIED_ANTICOAGULANT, ' ').replace(/\s+/g, ' ').trim();
  return out === text.trim() ? normalized : out;
}

/** Every blood thinner's spellings, without the INR test's. */
const EVERY_DRUG = wordPattern(
  language()
    .anticoagulants.filter((drug) => drug.kind !== 'test')
    .flatMap((drug) => drug.spellings),
  'g',
);

/**
 * The blood thinners a message names, as written, not the INR test: "my inr was 1.6" names no drug
 * of its own, so the asker's warfarin told before is still theirs.
 */
export function drugsNamed(normalized: string): string[] {
  return [...new Set(normalized.replace(/'/g, '').match(EVERY_DRUG) ?? [])];
}

/** The anticoagulants a message names, as written ("warfarin", "xarelto"). */
export function anticoagulantsNamed(normalized: string): string[] {
  return [...new Set(normalized.replace(/'/g, '').match(EVERY_ANTICOAGULANT) ?? [])];
}

/** What someone who may be on a warfarin-type drug learns first when they ask an amount. */
export const VKA_AMOUNT = new Set(ANTICOAGULANT_FACTS.vkaAmount);

/** What someone who may be on a warfarin-type drug learns first when they ask about stopping K2. */
export const VKA_STOP = new Set(ANTICOAGULANT_FACTS.vkaStop);

/** A blood thinner with the verb that says it is taken ("takes warfarin", "on coumadin"). */
const ANTICOAGULANT_TAKEN = new RegExp(
  `\\b((take|takes|taking|took|on|started|starting|prescribed|uses|using)( (a|the|my|his|her|their))? )?${EVERY_ANTICOAGULANT.source}`,
  'g',
);
const TAKE_ASKED = language().focus.vkaTakeAsked;
/** A verb with K2 or a word for it after it ("start his k2"); with `orAlone`, also one ending its clause. */
const verbOnK2 = (verbs: readonly string[], orAlone = false) =>
  new RegExp(verbOnObjectSource(verbs, TAKE_ASKED.objects, orAlone));
const TAKE_K2_ASKED = verbOnK2(TAKE_ASKED.verbs);
const TAKE_K2_SAID = wordPattern(TAKE_ASKED.statements);
const STOP_K2_ASKED = verbOnK2(TAKE_ASKED.stopVerbs, true);

/**
 * Whether a message asks whether to take, start or keep taking K2 (focus.json `vkaTakeAsked`), read
 * without the blood thinner it says is taken: "my dad takes warfarin, can he eat cheese?" does not.
 */
export function asksToTakeK2(normalized: string): boolean {
  const rest = withoutAnticoagulantTaken(normalized);
  return (TAKE_K2_ASKED.test(rest) || TAKE_K2_SAID.test(rest)) && !STOP_K2_ASKED.test(rest);
}

/** Whether a message asks about stopping K2 ("and if he stops it later?"), its blood thinner aside. */
export function asksToStopK2(normalized: string): boolean {
  return STOP_K2_ASKED.test(withoutAnticoagulantTaken(normalized));
}

/** The message without the blood thinner it says is taken: "takes warfarin" starts no K2. */
function withoutAnticoagulantTaken(normalized: string): string {
  return normalized.replace(/'/g, '').replace(ANTICOAGULANT_TAKEN, ' ');
}

/** Facts about people who are not on a warfarin-type drug, never shown to someone who may be on one. */
export const NOT_FOR_VKA = new Set(ANTICOAGULANT_FACTS.notForVka);

/** Facts about people on a blood thinner, shown only when the message names or asks about one. */
export const ONLY_FOR_ANTICOAGULANTS = new Set(ANTICOAGULANT_FACTS.onlyForAnticoagulants);

/** Facts about warfarin-type drugs alone (focus.json anticoagulantFacts `vka`, `vkaAmount`, `vkaStop`, `onlyForVka`). */
export const ONLY_FOR_VKA = new Set([
  ...ANTICOAGULANT_FACTS.vka,
  ...ANTICOAGULANT_FACTS.vkaAmount,
  ...ANTICOAGULANT_FACTS.vkaStop,
  ...(ANTICOAGULANT_FACTS.onlyForVka ?? []),
]);

/**
 * Only blood thinners that do not work through vitamin K named ("on xarelto", "im on eliquis"):
 * what warfarin users are told (no dose is safe, INR shifts) is not theirs.
 */
export function namesOnlyOtherAnticoagulants(normalized: string): boolean {
  return anticoagulantsNamed(normalized).length > 0 && !mayTakeVitaminKAntagonist(normalized);
}

/** Facts about DOACs and heparins (focus.json anticoagulantFacts `doac`). */
export const ONLY_FOR_DOAC = new Set(ANTICOAGULANT_FACTS.doac);

/** Only antiplatelet medicines named ("plavix", "aspirin"): what DOAC users are told is not theirs. */
export function namesOnlyAntiplatelets(normalized: string): boolean {
  const text = normalized.replace(/'/g, '');
  return ANTIPLATELET.test(text) && !DOAC_OR_HEPARIN.test(text) && !mayTakeVitaminKAntagonist(text);
}

/** A warfarin-type drug named, or a blood thinner not named ("us blood thinner people"): it may be one. */
export function mayTakeVitaminKAntagonist(normalized: string): boolean {
  const text = normalized.replace(/'/g, '');
  return VKA.test(text) || (!OTHER_ANTICOAGULANT.test(text) && ANY_ANTICOAGULANT.test(text));
}

/** focus.json anticoagulantFacts.vkaSubjects, compiled once. */
const VKA_SUBJECTS = ANTICOAGULANT_FACTS.vkaSubjects.map(({ asked, mayWords, facts }) => ({
  re: phraseRegex({ words: asked }),
  may: phraseRegex({ words: mayWords }),
  facts,
}));

/**
 * The interaction facts that apply to the anticoagulants a message names, in order. Asked an amount
 * ("how much K2 is ok on warfarin?") or whether to take K2 at all ("can she start it?": the caller
 * reads that, see asksToTakeK2), someone who may be on a warfarin-type drug first learns that no
 * dose is known to be safe: the doses that answer everyone else are not theirs. Asked whether they
 * may have a subject ("on warfarin, can i eat natto"), its own blood-thinner fact comes first
 * (focus.json `vkaSubjects`).
 */
export function anticoagulantFactIds(normalized: string, asksAmount = false): string[] {
  const text = normalized.replace(/'/g, '');
  const ids: string[] = [];
  if (asksAmount && mayTakeVitaminKAntagonist(text)) ids.push(...ANTICOAGULANT_FACTS.vkaAmount);
  if (VKA.test(text)) {
    for (const { re, may, facts } of VKA_SUBJECTS) if (re.test(text) && may.test(text)) ids.push(...facts);
    ids.push(...ANTICOAGULANT_FACTS.vka);
  }
  if (DOAC_OR_HEPARIN.test(text)) ids.push(...ANTICOAGULANT_FACTS.doac);
  if (ANTIPLATELET.test(text)) ids.push(...ANTICOAGULANT_FACTS.antiplatelet);
  if (!VKA.test(text) && !OTHER_ANTICOAGULANT.test(text) && ANY_ANTICOAGULANT.test(text))
    ids.push(...ANTICOAGULANT_FACTS.any);
  return [...new Set(ids)];
}
