import { z } from 'zod';
import { namedPhraseLists } from './languageSchema.ts';

/**
 * The schema of `knowledge/lexicon/gate.json`: the named word lists the emergency gate's rules
 * are built from (src/engine/gateWords.ts). Each list is plain words or phrases, lower case,
 * without punctuation: the code turns them into patterns.
 */

const word = z
  .string()
  .regex(/^[a-z0-9]+( [a-z0-9]+)*$/, 'lower-case words separated by single spaces, no punctuation');

function wordList(what: string) {
  return z
    .array(word)
    .min(1)
    .superRefine((list, ctx) => {
      const seen = new Set<string>();
      list.forEach((w, i) => {
        if (seen.has(w)) ctx.addIssue({ code: 'custom', path: [i], message: `"${w}" is listed twice` });
        seen.add(w);
      });
    })
    .describe(what);
}

export const GATE_WORDING_NAMES = [
  'many',
  'hedges',
  'softeners',
  'hypothetical',
  'deniedBefore',
  'allergy',
  'bleedWords',
  'bleedLastedFor',
  'bleedDuration',
  'bloodInPassed',
  'coffeeGroundVomit',
  'bleedingSigns',
  'anticoagulantBleeding',
  'chestPain',
  'chestBenignCause',
  'chestAlarm',
  'racingHeart',
  'racingHeartAlarm',
  'racingHeartHabit',
  'extraDose',
  'poisoningCue',
  'poisoningSigns',
  'overTime',
  'foods',
  'foodMeasures',
  'pillWords',
  'countedMedicines',
  'hypotheticalThirdParty',
  'otherTakers',
  'childSigns',
  'childAges',
  'fictionFrame',
  'pastDate',
  'backToNow',
  'petSwallowed',
  'petPoisons',
  'anticoagulantOverdoseBefore',
  'anticoagulantOverdoseAfter',
  'anticoagulantTakenTwice',
  'anticoagulantOwners',
  'timeUnits',
  'overdoseIdioms',
  'anticoagulantExtraTaken',
  'onPurpose',
  'selfHarm',
  'accusedOf',
  'takeAllPills',
  'takingTogether',
  'hopeless',
  'crisisMeans',
  'stroke',
  'collapsed',
  'unresponsive',
  'collapsedStructure',
  'afterJourney',
  'clotUnderCare',
  'clotWorsening',
  'headInjury',
  'headInjuryWarningSigns',
  'lowSugarCause',
  'lowSugarSigns',
  'wordAskedBefore',
  'wordAskedAfter',
  'askedWordTaken',
] as const;

export const gateLexiconSchema = z.strictObject({
  person: wordList('Words that make a message about someone: pronouns and family members.'),
  child: wordList('Words for a child (ages like "3 year old" are matched in code).'),
  pills: wordList('What pills come in or are called: pills, gummies, a bottle, a pack.'),
  animals: wordList('Pets and dog breeds, for an animal that swallowed something.'),
  realWords: wordList(
    'Real words one or two letters from a word the gate looks for ("felt" and "fell", "lift" and "left", "heat" and "heart"): the gate\'s typo pass never restores them.',
  ),
  ongoing: wordList(
    'Time words that make a symptom ongoing when they are in its clause ("for two days" is matched in code).',
  ),
  /**
   * The wordings of the gate's rules (src/engine/gate<Kind>.ts), one named list each: whole
   * `words` or `patterns` (see "Phrase lists" in knowledge/README.md).
   */
  wordings: namedPhraseLists(GATE_WORDING_NAMES),
});
export type GateLexicon = z.infer<typeof gateLexiconSchema>;

export const gateLexiconFileSchema = gateLexiconSchema.extend({ $schema: z.string().optional() });
