import { language } from '../kb/language.ts';
import { activeSymptom, type GateRule, PILLS, wordings } from './gateWords.ts';
import { alternation, phraseSource } from './phrasePattern.ts';

/** Gate: an animal that swallowed rat poison, pills or supplements (an emergency vet). */

const PET_INGESTION = new RegExp(
  `\\b(${language().gate.animals.join('|')})\\b[^.?!]{0,40}${phraseSource(wordings.petSwallowed)}[^.?!]{0,40}\\b(${PILLS.slice(1, -1)}|${alternation(wordings.petPoisons)})\\b`,
);

export const pet: GateRule = {
  kind: 'pet',
  // An animal that swallowed rat poison, pills or supplements needs an emergency vet.
  test: (t) =>
    activeSymptom(t, PET_INGESTION) ||
    activeSymptom(
      t,
      /\b(my|our|the) (dog|dogs|puppy|cat|kitten|pet)\b[^.?!]{0,40}\b(rat poison|rodenticide|mouse poison|slug pellets|antifreeze)\b/,
    ),
};
