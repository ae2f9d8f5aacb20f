import { language } from '../kb/language.ts';
import { activeSymptom, type GateRule, PILLS } from './gateWords.ts';

/** Gate: an animal that swallowed rat poison, pills or supplements (an emergency vet). */

const PET_INGESTION = new RegExp(
  `\\b(${language().gate.animals.join('|')})\\b[^.?!]{0,40}\\b(ate|eaten|eats|swallowed|got into|chewed|licked|has eaten|just ate|consumed)\\b[^.?!]{0,40}\\b(${PILLS.slice(1, -1)}|rat poison|rodenticide|poison|mouse bait|bait|warfarin|k2|mk7|medication|medicine|meds)\\b`,
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
