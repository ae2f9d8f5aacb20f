import {
  activeSymptom,
  type GateRule,
  namesAnticoagulantTaken,
  near,
  PERSON,
  wordings,
} from './gateWords.ts';
import { anyOf, phraseRegex, phraseSource, unionOf } from './phrasePattern.ts';

/** Gate: bleeding that will not stop, blood where it should not be, and any bleed or bruising on an anticoagulant. */

/** A bleed that has gone on for a long time ("nosebleed for an hour", "bleeding for 40 minutes"). */
const LONG_BLEED = near(
  phraseSource(wordings.bleedWords),
  `\\b${anyOf(wordings.bleedLastedFor)}\\s+(over |more than |about |almost |nearly |like )?${anyOf(wordings.bleedDuration)}\\b`,
  25,
);

/** Words that say a symptom is going on now ("since yesterday", "for two hours", "again"). */
const ONGOING =
  /\b(since|right now|currently|today|this morning|tonight|for (\d+ |two |three |four |five |several |a few |a couple (of )?|many )?(hours|days)|again)\b/;

/** Blood in what someone passed ("my poop has blood in it"). */
const BLOOD_IN_PASSED = phraseRegex(wordings.bloodInPassed);
/** Vomit like coffee grounds is a stomach bleed, with or without an anticoagulant. */
const COFFEE_GROUND_VOMIT = phraseRegex(wordings.coffeeGroundVomit);
/** Signs of bleeding that may only be asked about ("does natto cause black stools?"). */
const BLEEDING_SIGNS = phraseRegex(wordings.bleedingSigns);
/** On an anticoagulant: bleeding, bruising, a head injury or breathlessness. */
const ANTICOAGULANT_BLEEDING = new RegExp(`\\b${anyOf(wordings.anticoagulantBleeding)}`);

/** Bleeding that will not stop, or blood coming up or passed: urgent however it is phrased. */
const URGENT_HOWEVER_PHRASED: readonly RegExp[] = [
  /\b(wont|will not|doesnt|does not|cant|cannot|can not|not|isnt|hasnt|never|wouldnt) (stop|stopping|stopped|quit|quitting) (the )?(bleed\w*|blood)/,
  /\b(bleed\w*|nose ?bleed|blood)\b[^.?!]{0,40}\b(wont|will not|doesnt|does not|cant|cannot|can not|isnt|hasnt|not|wouldnt) (stop|stopping|stopped|quit|quitting|clot|clotting|slow\w*)\b/,
  /\bbleeding (for|since) (\d+|an?|over|hours|half|the last|two|three|ages)\b/,
  /\b(cant|cannot|can not|couldnt|unable to)\b[^.?!]{0,25}\bstop\b[^.?!]{0,15}\bbleed\w*/,
  /\bbleed\w*\b[^.?!]{0,30}\b(cant|cannot|can not|couldnt|unable to)\b[^.?!]{0,15}\bstop/,
  /\b(im|i am|been|is|are|keep|keeps|started) (vomit\w*|throw\w* up|puk\w*|cough\w*|spit\w*)( up)? (blood|bloody)/,
  /\b(vomited|threw up|puked|coughed up|coughing|coughed|spat|spitting) (up )?(blood|bloody)/,
  /\b(bleeding|gushing|pouring) (heavily|badly|a lot|everywhere|nonstop|non stop|profusely)\b/,
  /\bblood (is )?(coming|pouring|gushing|running) (out of|from)\b/,
  // A lot of blood where it should not be.
  /\b(a lot of|lots of|so much|loads of|tons of|too much|heaps of) (bright red |red |fresh )?blood\b[^.?!]{0,30}\b(toilet|stool|stools|poop|poo|wipe|wiping|urine|pee|bowl|rectum|bum|butt)\b/,
  // Soaking a pad or tampon every hour is heavy bleeding.
  /\bsoak(ing|ed|s)? (through )?(a |one |my )?(pad|pads|tampon|tampons)\b[^.?!]{0,20}\b(every|an|each|in an|within an) hour\b/,
];

/** The same when it is happening, not only asked about (activeSymptom). */
const URGENT_WHEN_HAPPENING: readonly RegExp[] = [
  /\b(gushing|pouring|streaming|spurting|squirting|dripping) (out )?(blood|bloody)\b/,
  // A wound still soaking through what holds it is a bleed that has not stopped.
  /\b(still|keeps?|is|its|it is) soak(ing|s)? (through|thru) (the |a |my |his |her |their |another )?(paper )?(towels?|bandages?|cloth|gauze|dressings?|plasters?|tissues?|tea towel)\b/,
  /\b(throwing up|vomiting|puking|coughing up|coughing|spitting up) (blood|bloody)\b/,
  /\b(vomited|threw up|puked|coughed up|just vomited)\b[^.?!]{0,25}\bblood\b/,
  /\b(peeing|pissing|pooping|shitting|passing|weeing) (out )?((lots of|a lot of|so much|loads of|some|clots of|big clots of) )?((bright|dark|fresh|deep) )?(red )?(blood|bloody|blood clots|clots)\b/,
  // Bleeding from the back passage is a bleed whatever the cause.
  /\b(rectal (bleed\w*|blood)|bleed\w* (from|out of) (my |the |his |her |their )?(rectum|bum|butt|anus|bottom|back passage)|(rectum|bum|butt|anus|bottom) (is |keeps |has been |started )?bleeding)\b/,
  // Blood in what someone passed ("my poop has blood in it").
  BLOOD_IN_PASSED,
  // A nosebleed or other bleed that has lasted 15 minutes or more.
  LONG_BLEED,
  // Vomit like coffee grounds is a stomach bleed, with or without an anticoagulant.
  COFFEE_GROUND_VOMIT,
];

/**
 * Whether any pattern of the two lists matches at all: most messages name no bleed, and one scan
 * of the union costs less than the nineteen (activeSymptom is false where its pattern does not match).
 */
const ANY_URGENT_BLEED = unionOf([...URGENT_HOWEVER_PHRASED, ...URGENT_WHEN_HAPPENING]);

export const bleeding: GateRule = {
  kind: 'bleeding',
  test: (t) => {
    if (
      ANY_URGENT_BLEED.test(t) &&
      (URGENT_HOWEVER_PHRASED.some((re) => re.test(t)) ||
        URGENT_WHEN_HAPPENING.some((symptom) => activeSymptom(t, symptom)))
    ) {
      return true;
    }
    // Both checks below need a sign or a bleed named (activeSymptom is false where its pattern
    // does not match): most messages name neither, and then who takes what need not be read.
    const signNamed = BLEEDING_SIGNS.test(t);
    if (!signNamed && !ANTICOAGULANT_BLEEDING.test(t)) return false;
    const onAnticoagulant = namesAnticoagulantTaken(t);
    const personal = PERSON.test(t) || onAnticoagulant;
    // Symptoms that may only be asked about ("does natto cause black stools?"): urgent when
    // they are someone's own and happening, or on an anticoagulant.
    if (signNamed && (personal || ONGOING.test(t)) && activeSymptom(t, BLEEDING_SIGNS)) return true;
    // On an anticoagulant, bleeding or bruising that is happening now is an emergency.
    return onAnticoagulant && activeSymptom(t, ANTICOAGULANT_BLEEDING);
  },
};
