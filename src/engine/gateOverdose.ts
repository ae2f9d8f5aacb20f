import { anticoagulantSpellings } from '../kb/language.ts';
import {
  ABOUT,
  activeSymptom,
  CHILD,
  type GateRule,
  MANY,
  NOT_UNIT,
  near,
  PILLS,
  wordings,
} from './gateWords.ts';
import { alternation, phraseRegex, phraseSource } from './phrasePattern.ts';
import { wordPattern } from './wordPattern.ts';

/** Gate: an overdose or poisoning (a handful of pills, a child in the supplements, signs after an extra dose). */

// Built once: a child got into supplements; a handful or a whole pack was taken.
const CHILD_INGESTION = new RegExp(
  `${CHILD.source}[^.?!]{0,60}\\b(ate|eaten|swallowed|got into|chewed|downed|drank|consumed|found and ate|has eaten|got hold of|took|taken)\\b[^.?!]{0,50}\\b${PILLS}`,
);
/** A word between a count and "pills", however spelt ("k2+d3", "d3/k2"): anything up to a space. */
const FILLER_WORD = '[^\\s.?!]+';
const MANY_PILLS = new RegExp(
  `\\b(took|taken|swallowed|ate|downed|chugged|popped|had)\\s+${ABOUT}${MANY}\\s+((${NOT_UNIT}${FILLER_WORD}\\s+){0,3}${PILLS}|of (them|those|these)\\b)`,
);
/** A dose taken twice, doubled or one too many, in the past. */
const EXTRA_DOSE = phraseRegex(wordings.extraDose);
/** Signs of poisoning after a dose: vomiting, confusion, a racing heart, fainting. */
const POISONING_SIGNS = near(phraseSource(wordings.poisoningCue), phraseSource(wordings.poisoningSigns), 30);

/** A count spread over time ("10 of them over the last month", "20 a month") is a habit, not an overdose. */
const OVER_TIME = new RegExp(`^[^.?!]{0,30}${phraseSource(wordings.overTime)}`);

/** A handful of pills swallowed at once. */
export function manyPills(t: string): boolean {
  const m = MANY_PILLS.exec(t);
  if (m === null || OVER_TIME.test(t.slice(m.index + m[0].length))) return false;
  // "ate 12 of them" after talking about eggs is food; after pills or K2 it is pills.
  return !/\bof (them|those|these)$/.test(m[0]) || !FOOD_COUNT.test(t);
}

/** Foods that are counted ("12 of those eggs"): "of them" then means food, not pills. */
const FOOD_COUNT =
  /\b(eggs?|yolks?|cheese|slices?|servings?|portions?|meals?|cups?|glasses|bites?|natto|pieces?|sardines|chicken|wings|drumsticks|snacks?)\b/;

const CHILD_FOUND_PILLS = new RegExp(
  `${CHILD.source}[^.?!]{0,40}\\b(found|got into|opened|got hold of|got)\\b[^.?!]{0,25}\\b${PILLS}\\b[^.?!]{0,30}\\b(ate|eaten|swallowed|chewed|drank|took|taken|had)\\b`,
);
export const WHOLE_PACK = new RegExp(
  `\\b(took|swallowed|swallows|ate|eats|downed|popped|chugged|finished)\\s+(a |the |my |her |his |their |our )?(whole|entire|full) ${PILLS}`,
);
/** A count of pills ("40 of them", "a handful"), not of micrograms or minutes. */
const MANY_RE = new RegExp(
  `\\b${MANY}\\s+((${NOT_UNIT}${FILLER_WORD}\\s+){0,3}${PILLS}|of (them|those|these|it|my|the|her|his|their)\\b)|\\b(too many|way too many|a handful|handful|a whole|the whole|an entire|the entire|a bunch|lots|a lot)\\b`,
);
export const OVERDOSED =
  /\b(i|he|she|they|we|my \w+) (have |has |just |think i |think he |think she |may have |might have |accidentally |accidently )*(overdosed|od d|odd|oded)\b/;

/**
 * An anticoagulant overdose, taken or only asked about ("signs of too much warfarin", "took an
 * extra xarelto by mistake", "symptoms of a coumadin overdose"): unlike an extra K2 pill, an extra
 * blood-thinner dose is for poison control or a pharmacist however calmly it is asked. Named drugs
 * only: "too much blood thinning" asks about anticoagulation, not about a dose.
 */
const ANTICOAGULANT_DRUG = wordPattern(
  anticoagulantSpellings({ kinds: ['vka', 'doac', 'heparin', 'antiplatelet'], gateOnly: true }),
).source;
const ANTICOAGULANT_OVERDOSE = new RegExp(
  [
    `${phraseSource(wordings.anticoagulantOverdoseBefore)} (of )?(my |his |her |their |the |a |some )?${ANTICOAGULANT_DRUG}`,
    `${ANTICOAGULANT_DRUG} ${phraseSource(wordings.anticoagulantOverdoseAfter)}`,
    `\\b(took|taken|had|swallowed|popped)\\b[^.?!]{0,20}${ANTICOAGULANT_DRUG}[^.?!]{0,25}(${alternation(wordings.anticoagulantTakenTwice)})`,
  ].join('|'),
);

/** The drug may be named in one sentence and the extra pills told in the next. */
const ANTICOAGULANT_NAMED = new RegExp(ANTICOAGULANT_DRUG);
const ANTICOAGULANT_EXTRA_TAKEN = phraseRegex(wordings.anticoagulantExtraTaken);

export const overdose: GateRule = {
  kind: 'overdose',
  test: (t) =>
    ANTICOAGULANT_OVERDOSE.test(t) ||
    (ANTICOAGULANT_EXTRA_TAKEN.test(t) && ANTICOAGULANT_NAMED.test(t)) ||
    CHILD_INGESTION.test(t) ||
    CHILD_FOUND_PILLS.test(t) ||
    manyPills(t) ||
    WHOLE_PACK.test(t) ||
    OVERDOSED.test(t) ||
    // A small extra dose is no emergency, unless it is followed by symptoms of poisoning.
    (EXTRA_DOSE.test(t) && activeSymptom(t, POISONING_SIGNS)) ||
    // An accidental extra pill is not an emergency; an accidental handful is.
    ((/\b(took|taken|swallowed|ate|had)\b[^.?!]{0,40}\b(by mistake|by accident|accidentally|accidently)\b/.test(
      t,
    ) ||
      /\b(by mistake|by accident|accidentally|accidently) (took|taken|swallowed|ate|had|gave)\b/.test(t)) &&
      MANY_RE.test(t)) ||
    /\bpoison control\b/.test(t) ||
    /\b(took|taken|take|had) an? overdose\b/.test(t) ||
    /\b(gave|given|give) (my |our |the )?(baby|child|kid|son|daughter|toddler|infant)\b[^.?!]{0,30}\b(\d+|ten|too much|too many|times the|double|triple|way too)/.test(
      t,
    ),
};
