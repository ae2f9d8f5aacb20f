/**
 * The one owner of the fixed safety texts (their words are in knowledge/texts.json, "safety").
 * Every output path (answer, decline, urgent notice, error, button follow-up, terminal line)
 * takes them from here, word for word, and never shortens them: renderers shorten the answer
 * body instead.
 */

import { texts } from '../kb/language.ts';
import { fillText } from '../kb/languageSchema.ts';

const SAFETY = texts().safety;
const REPLIES = texts().replies;

export const DISCLAIMER = SAFETY.disclaimer;

export const ANTICOAGULANT_WARNING = SAFETY.anticoagulantWarning;

export interface SafetyTexts {
  disclaimer: string;
  warning: string;
  /** True when the question mentions an anticoagulant: the warning is then shown before the answer. */
  warningFirst: boolean;
}

export function safetyTexts(warningFirst: boolean): SafetyTexts {
  return { disclaimer: DISCLAIMER, warning: ANTICOAGULANT_WARNING, warningFirst };
}

/** Shown first whenever a message sounds like an emergency. */
export const URGENT_NOTICE = SAFETY.urgentNotice;

/** The body of an urgent reply when no topic matches: the notice above it says what to do. */
export const URGENT_BODY = SAFETY.urgentBody;

/**
 * The whole urgent notice when a message talks about self-harm. It stands alone: no poison
 * control, no medicine instructions, nothing that reads like a procedure.
 */
export const CRISIS_NOTICE = SAFETY.crisisNotice;

/** The urgent notice for a swallowed overdose or poisoning: poison control comes first. */
export const OVERDOSE_NOTICE = SAFETY.overdoseNotice;

/** The urgent notice when an animal swallowed poison or medicine. */
export const PET_NOTICE = SAFETY.petNotice;

/**
 * The urgent notice for a bleeding or bruised baby: a bleed in a young baby can be vitamin K
 * deficiency bleeding. The birth shot is only something to tell the emergency team about.
 */
export const BABY_NOTICE = SAFETY.babyNotice;

/** The body of a self-harm reply: the notice above it is what matters. */
export const CRISIS_BODY = SAFETY.crisisBody;

/** The body of a reply about an animal emergency. */
export const PET_BODY = SAFETY.petBody;

/** Shown with answers to questions about the asker's own doses, medicines or results. */
export const PERSONAL_NOTICE = SAFETY.personalNotice;

/** The personal notice when the question or its topic is about anticoagulants. */
export const PERSONAL_ANTICOAGULANT_NOTICE = SAFETY.personalAnticoagulantNotice;

/** Shown with answers that name a DOAC, heparin or an antiplatelet beside K2. */
export const DOAC_NOTICE = SAFETY.doacNotice;

/** Shown with pregnancy answers about natto, supplements or doses. */
export const PREGNANCY_NOTICE = SAFETY.pregnancyNotice;

/** What the bot can talk about, listed when it declines. */
export const SCOPE_AREAS: readonly string[] = REPLIES.scopeAreas;

/** "I can tell you about: …", the sentence every decline ends with. */
export const CAN_ANSWER = fillText(REPLIES.canAnswer, { scopeAreas: SCOPE_AREAS.join('; ') });

export const DECLINE_TEXT = fillText(REPLIES.decline, { canAnswer: CAN_ANSWER });

/**
 * A decline that still has close topics to offer: the question is probably about K2, just not
 * clear enough to pick one topic, so it is not "outside what I know".
 */
export const UNSURE_TEXT = fillText(REPLIES.unsure, { canAnswer: CAN_ANSWER });

export const EMPTY_TEXT = REPLIES.empty;

export type UrgentKind =
  | 'bleeding'
  | 'clot'
  | 'overdose'
  | 'chest-pain'
  | 'stroke'
  | 'allergy'
  | 'self-harm'
  | 'baby-bleeding'
  | 'blood-pressure'
  | 'collapse'
  | 'pet';

export interface GateResult {
  urgent: boolean;
  kind: UrgentKind | null;
  /** The notice to show first, or null. */
  notice: string | null;
}

/** Anticoagulants and antiplatelets by generic and brand name, for the gate and the warning. */
export const ANTICOAGULANT =
  /\b(warfarin|warfrin|warafin|warfarine|coumadin|jantoven|marevan|sintrom|acenocoumarol|phenprocoumon|marcoumar|blood ?thinn?ers?|blood ?thinning|anti ?coagulants?|anticoagulation|anticoagulated|eliquis|apixaban|xarelto|rivaroxaban|pradaxa|dabigatran|edoxaban|lixiana|savaysa|heparin|clexane|lovenox|enoxaparin|plavix|clopidogrel|vkas?|doacs?|inr)\b/;

/** Anticoagulants that are not vitamin K antagonists, and antiplatelets. */
export const DOAC =
  /\b(eliquis|apixaban|xarelto|rivaroxaban|pradaxa|dabigatran|edoxaban|lixiana|savaysa|heparin|clexane|lovenox|enoxaparin|fragmin|dalteparin|plavix|clopidogrel|brilinta|ticagrelor|prasugrel|effient|aspirin|doacs?|noacs?)\b/;

const PERSON =
  /\b(i|im|ive|id|me|my|mine|myself|he|she|hes|shes|his|her|him|they|their|them|we|our|us|mom|mum|dad|husband|wife|son|daughter|grandma|grandpa|grandmother|grandfather|friend|partner|brother|sister)\b/;

const CHILD =
  /\b(toddler|toddlers|kid|kids|child|children|son|daughter|baby|infant|little one|grandkid|grandson|granddaughter|niece|nephew|\d+ ?(year|yr|month|mo|week|wk) ?old|\d+ ?yo)\b/;

const PILLS =
  '(pills?|capsules?|caps|tablets?|tabs|gummies|gummy|softgels?|bottle|jar|pack|packet|box|container|vitamins?|supplements?)';
/** A count of ten or more; a number followed by a unit ("100 mcg", "10 am") is a dose or a time, not a count. */
const MANY =
  '(\\d{2,}(?! ?(mcg|mg|ug|iu|micrograms?|milligrams?|g|grams?|x|%|mins?|minutes?|hours?|hrs?|h|days?|weeks?|months?|years?|yrs?|yo|kg|lbs?|pounds?|am|pm)\\b)|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|(twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)([ -](one|two|three|four|five|six|seven|eight|nine))?|hundred|a hundred|(a|one|two|three|four|five) dozen|dozen|dozens of|too many|way too many|a lot of|lots of|a bunch of|a handful of|handful of|a whole|the whole|an entire|the entire|half (a|the))';
/** Words between a count and "pills" that make it an amount instead ("10 000 iu vitamin d"). */
const NOT_UNIT = '(?!(\\d+|mcg|mg|ug|iu|micrograms?|milligrams?|grams?|g|units?)\\b)';
/**
 * Hedges between "took" and a count ("took about 40", "took like maybe 25", "took all of the 30").
 * The group repeats, so no hedge may be spelled by others ("all the" is "all" + "the"): a run of
 * hedges must have one reading only, or a message of repeated hedges backtracks exponentially.
 */
const ABOUT =
  '((about|around|like|maybe|roughly|nearly|almost|over|at least|more than|close to|probably|approx|approximately|some|another|all|all of|the|my|her|his) )*';

const CHEST =
  /\b(chest\b[^.?!]{0,25}\b(pain|pains|tightness|tight|pressure|hurts|hurting|heavy|heaviness|discomfort|squeez\w*|crushing|elephant)|(pain|tightness|pressure|squeezing) in (my |the |his |her )?chest|tight chest|crushing chest|(having|think im having|i think i am having|is having|hes having|shes having) a heart attack|heart attack right now|my heart is racing and)\b/;

// Built once: a child got into supplements; a handful or a whole pack was taken.
const CHILD_INGESTION = new RegExp(
  `${CHILD.source}[^.?!]{0,60}\\b(ate|eaten|swallowed|got into|chewed|downed|drank|consumed|found and ate|has eaten|got hold of|took|taken)\\b[^.?!]{0,50}\\b${PILLS}`,
);
const MANY_PILLS = new RegExp(
  `\\b(took|taken|swallowed|ate|downed|chugged|popped|had)\\s+${ABOUT}${MANY}\\s+((${NOT_UNIT}[\\w-]+\\s+){0,3}${PILLS}|of (them|those|these)\\b)`,
);
/** A dose taken twice, doubled or one too many, in the past. */
const EXTRA_DOSE =
  /\b(took|taken|had|swallowed|ate|popped)\b[^.?!]{0,40}\b(by mistake|by accident|accidentally|accidently|twice|two times|double|doubled|extra|too many|too much|two doses|2 doses|instead of)\b|\b(by mistake|by accident|accidentally|accidently|double dosed|doubled up) (took|taken|had|swallowed)\b|\b(doubled up|doubled|double dosed|double-dosed)\b/;
/** Signs of poisoning after a dose: vomiting, confusion, a racing heart, fainting. */
const POISONING_SIGNS =
  /\b(now|and|since|after|then|im|i am|feel|feeling|started)\b[^.?!]{0,30}\b(vomit\w*|throwing up|threw up|puking|confus\w*|dizzy|dizziness|faint\w*|passing out|heart (is )?(racing|pounding)|racing heart|palpitations|seizure\w*|drowsy|very sleepy|hard to wake|cant stay awake|shaking|tremors?)\b/;

/** A count spread over time ("10 of them over the last month", "20 a month") is a habit, not an overdose. */
const OVER_TIME =
  /^[^.?!]{0,30}\b((over|in|during|across|for) (the |a )?(last |past |few |couple of )*(days?|weeks?|months?|years?)|this (week|month|year)|(a|per|each|every) (day|week|month|year)|daily|weekly|monthly|so far)\b/;

/** A handful of pills swallowed at once. */
function manyPills(t: string): boolean {
  const m = MANY_PILLS.exec(t);
  if (m === null || OVER_TIME.test(t.slice(m.index + m[0].length))) return false;
  // "ate 12 of them" after talking about eggs is food; after pills or K2 it is pills.
  return !/\bof (them|those|these)$/.test(m[0]) || !FOOD_COUNT.test(t);
}

/** Foods that are counted ("12 of those eggs"): "of them" then means food, not pills. */
const FOOD_COUNT =
  /\b(eggs?|yolks?|cheese|slices?|servings?|portions?|meals?|cups?|glasses|bites?|natto|pieces?|sardines|chicken|wings|drumsticks|snacks?)\b/;

/** Saying it was meant: an overdose taken on purpose is a crisis (the crisis notice). */
const ON_PURPOSE =
  /\b(on purpose|intentionally|intentional|deliberately|deliberate|to end it|to end (my|it all)|end it all|so i (wouldnt|wont|would not|will not|dont|do not|never) wake( up)?|to not wake up|to never wake up|to die|to kill myself|to hurt myself|wanted to die|want to die)\b/;
const CHILD_FOUND_PILLS = new RegExp(
  `${CHILD.source}[^.?!]{0,40}\\b(found|got into|opened|got hold of|got)\\b[^.?!]{0,25}\\b${PILLS}\\b[^.?!]{0,30}\\b(ate|eaten|swallowed|chewed|drank|took|taken|had)\\b`,
);
const WHOLE_PACK = new RegExp(
  `\\b(took|swallowed|ate|downed|popped|chugged|finished)\\s+(a |the |my |her |his |their |our )?(whole|entire|full) ${PILLS}`,
);
/** A count of pills ("40 of them", "a handful"), not of micrograms or minutes. */
const MANY_RE = new RegExp(
  `\\b${MANY}\\s+((${NOT_UNIT}[\\w-]+\\s+){0,3}${PILLS}|of (them|those|these|it|my|the|her|his|their)\\b)|\\b(too many|way too many|a handful|handful|a whole|the whole|an entire|the entire|a bunch|lots|a lot)\\b`,
);
const OVERDOSED =
  /\b(i|he|she|they|we|my \w+) (have |has |just |think i |think he |think she |may have |might have |accidentally |accidently )*(overdosed|od d|odd|oded)\b/;
const PET_INGESTION = new RegExp(
  `\\b(dog|dogs|doggo|puppy|pup|cat|kitty|kitten|pet|ferret|rabbit|parrot|hamster|beagle|lab|labrador|retriever|terrier|poodle|spaniel|shepherd|chihuahua|dachshund|husky|pug|collie|bulldog|corgi)\\b[^.?!]{0,40}\\b(ate|eaten|eats|swallowed|got into|chewed|licked|has eaten|just ate|consumed)\\b[^.?!]{0,40}\\b(${PILLS.slice(1, -1)}|rat poison|rodenticide|poison|mouse bait|bait|warfarin|k2|mk7|medication|medicine|meds)\\b`,
);

interface Rule {
  kind: UrgentKind;
  test: (t: string) => boolean;
}

const has = (re: RegExp) => (t: string) => re.test(t);
/** Like `has`, but not when the symptom is only asked about ("does k2 cause swelling?"). */
const active = (re: RegExp) => (t: string) => activeSymptom(t, re);

/** The symptom is only asked about ("can k2 cause X?"), not happening. */
const HYPOTHETICAL =
  /\b(can|could|does|will|would|might|may|is it|risk of|chance of|cause|causes|causing|prevent|avoid|lead to|what happens|what if|what to do if|if a|if your|if someone|how long should|in case|signs of|symptoms of|what are|what is|such as|symptoms like|signs like|things like|including)\b/;
/**
 * …or named as a kind of thing after the fact ("is sudden weakness a side effect of k2"), or
 * asked about as a subject ("rectal bleeding causes?": an information question, not a report).
 */
const HYPOTHETICAL_AFTER =
  /^\W*(causes?|reasons?)\W*$|^[^.?!]{0,25}\b((a |an )?(side effects?|symptoms? of|signs? of|normal|prevention)|once|last (year|month)|years ago|months ago|in the past|previously|a while ago|long ago)\b/;

/** A symptom dated in the past right after it is named. */
const PAST_AFTER =
  /^[^.?!]{0,12}\b(in (19|20)\d\d|back in|years ago|a year ago|last (year|month)|months ago|as a (kid|child|teen|teenager)|when i was (a )?(kid|child|young|younger|teen|teenager|pregnant))\b/;

function activeSymptom(t: string, symptom: RegExp): boolean {
  const m = symptom.exec(t);
  if (!m) return false;
  const before = t.slice(Math.max(0, m.index - 45), m.index);
  // "since", "now", "right now", "for two days" make a question about a real, ongoing symptom.
  const ongoing =
    /\b(since|right now|now|currently|today|this morning|tonight|for (\d+ |two |three |four |five |several |a few |a couple (of )?|many )?(hours|days)|keeps?|started|again)\b/.test(
      t,
    );
  const after = t.slice(m.index + m[0].length);
  // Dated in the past ("had rectal bleeding in 2019, is k2 safe now"): history, not an event.
  if (PAST_AFTER.test(after)) return false;
  // "is it bad that my poop is black?" is a question about someone's own symptom.
  const owned =
    /\b(my|his|her|our|their)\s+(\S+\s*)?$/.test(before) || /^(my|his|her|our|their)\b/.test(m[0]);
  return ongoing || owned || (!HYPOTHETICAL.test(before) && !HYPOTHETICAL_AFTER.test(after));
}

/** A bleed that has gone on for a long time ("nosebleed for an hour", "bleeding for 40 minutes"). */
const LONG_BLEED =
  /\b(nose ?bleed\w*|bleed\w*|nose (is |has been |keeps )?bleeding)\b[^.?!]{0,25}\b(for|over|lasted|lasting|going on( for)?|more than|longer than)\s+(over |more than |about |almost |nearly |like )?(an? (hour|half hour)|half an hour|(an|\d+|two|three|four|several|a few|a couple of?) ?(hours?|hrs?)|(1[5-9]|[2-9]\d|\d{3}) ?(minutes?|mins?)|(fifteen|twenty|thirty|forty|forty five|fifty) (minutes?|mins?))\b/;

/** Words that say a symptom is going on now ("since yesterday", "for two hours", "again"). */
const ONGOING =
  /\b(since|right now|currently|today|this morning|tonight|for (\d+ |two |three |four |five |several |a few |a couple (of )?|many )?(hours|days)|again)\b/;

const RULES: readonly Rule[] = [
  {
    kind: 'self-harm',
    // A handful of pills taken on purpose is a crisis before it is a poisoning.
    test: (t) => ON_PURPOSE.test(t) && (manyPills(t) || WHOLE_PACK.test(t) || OVERDOSED.test(t)),
  },
  {
    kind: 'self-harm',
    test: has(
      /\b(kill myself|killing myself|kms|unalive (myself|me)|off myself|end myself|end (my life|it all)|(want|going|gonna|ready|wanna|plan|planning) to end it|(feel like|thinking about|thinking of|think about) end(ing)? it( all)?\b|ending my life|suicid\w*|(?<!(dont|do not|never|not) )(want to|wanna) die(?! laughing)|dont want to (live|be alive|wake up)|self ?harm\w*|hurt(ing)? myself|harm(ing)? myself|take my own life|(overdose|od) on purpose|(?<!(dont|do not|never|not) )(going to|gonna|want to|wanna|plan to|planning to|about to) (overdose|od)\b|on purpose overdose|take (them|it|the pills) all|take the whole bottle|cutting myself|not worth living|no reason to live|nothing to live for|better off dead|ending it all|(take|taking|swallow|swallowing) (all|every one) (of )?(my|the|these|those) (pills|tablets|meds|medication|medicine|capsules)|(want|wanna|going|gonna|plan|planning|about|ready) to (take|swallow) (all|every one) (of )?(my|the|these|those) ([\w-]+ ){0,2}(pills|tablets|meds|medication|medicine|capsules)|(want|wanna|going|gonna|plan|planning|about|ready) to\b[^.?!]{0,60}\b(and|then) end it( all)?(?=\s*($|[.!?,])))\b/,
    ),
  },
  {
    kind: 'baby-bleeding',
    test: (t) =>
      /\b(my|our|the|her|his) (new ?born|baby|infant|little one)\b[^.?!]{0,60}\b(bleed\w*|bled|blood\w*|bruis\w*)/.test(
        t,
      ) ||
      /\b\d+ ?(day|week|wk|month|mo) old\b[^.?!]{0,60}\b(bleed\w*|bled|blood\w*|bruis\w*)/.test(t) ||
      /\b(bleeding|blood)\b[^.?!]{0,40}\b(my|our) (new ?born|baby|infant)\b/.test(t) ||
      /\b(new ?born|baby|infant)s? (is |has been |keeps |started |has )?(bleed\w*|bled|blood in|bloody|bruis\w* everywhere)/.test(
        t,
      ) ||
      // bruising, vomiting or unusual sleepiness in a young baby can be a bleed.
      activeSymptom(
        t,
        /\b(new ?born|baby|infant|\d+ ?(day|week|wk) old)\b[^.?!]{0,40}\b(bruis\w*|vomit\w*|unusually sleepy|very sleepy|lethargic|floppy|wont wake)/,
      ),
  },
  {
    kind: 'pet',
    // 3B #9: an animal that swallowed rat poison, pills or supplements needs an emergency vet.
    test: (t) =>
      activeSymptom(t, PET_INGESTION) ||
      activeSymptom(
        t,
        /\b(my|our|the) (dog|dogs|puppy|cat|kitten|pet)\b[^.?!]{0,40}\b(rat poison|rodenticide|mouse poison|slug pellets|antifreeze)\b/,
      ),
  },
  {
    kind: 'overdose',
    test: (t) =>
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
  },
  {
    kind: 'chest-pain',
    // R-15: chest pain counts when someone has it, even in a question ("does k2 help my chest
    // pain"), not when it is only asked about ("can k2 cause chest pain").
    test: (t) => {
      const m = CHEST.exec(t);
      if (!m) return false;
      const before = t.slice(Math.max(0, m.index - 20), m.index);
      return (
        /\b(my|i have|ive got|i got|im having|having|been having)\s*$/.test(before) || activeSymptom(t, CHEST)
      );
    },
  },
  {
    kind: 'stroke',
    test: active(
      /\b((face|mouth|smile) (is |went |started )?(drooping|droopy|drooped|droops|sagging|numb on one side|lopsided)|drooping (face|mouth|eyelid|smile)|droopy (face|mouth)|slurr?e?d speech|slurring (my |his |her )?(words|speech)|speech\b[^.?!]{0,15}\bslurr\w*|words (are |is )?(suddenly )?slurr\w*|(cant|cannot|can not) feel (my|his|her|their) (left |right )?(arm|leg|face|hand|side)|(face|mouth) (feels|looks|went) (numb|droopy|lopsided)|(cant|can not|cannot) (speak|talk) (properly|clearly|right)|trouble (speaking|talking)|(cant|cannot|can not) (lift|raise|move) (my |his |her )?(arm|left arm|right arm)|(arm|left arm|right arm) (went |is |feels |suddenly )?(weak|numb|dead)|weakness (in|on) (one|my left|my right|the left|the right) (side|arm)|one side of (my|his|her) (body|face) (is |went |feels )?(numb|weak|drooping)|(having|is having|im having|hes having|shes having) a stroke|stroke symptoms|sudden (weakness|numbness|confusion|vision loss|blindness|severe headache)|(cant|cannot|can not|unable to) (feel|move|use) (the |my |his |her |their )?(left|right|one) side|(cant|cannot|can not) (feel|move) (my|his|her|their) (left |right )?(body|side|arm|leg|face|hand)|(numb|numbness|weak|weakness|tingling|paralys\w*|paralyzed|dead|heavy)\b[^.?!]{0,25}\b(on|down|in) (one|the left|the right|my left|my right|his left|his right|her left|her right|left|right) side|(one|left|right) side of (my|his|her|their|the) (body|face)\b[^.?!]{0,20}\b(numb|weak|drooping|droopy|dead|heavy|paralyzed|tingling|cant move|went)|(face|mouth|smile) (is |has )?(drooping|droopy|drooped|sagging)|(left|right|one) side (of (my|his|her|their|the) (body|face) )?(is |went |feels |has gone |has been |suddenly )*(numb|weak|dead|paralyzed|heavy|tingling|limp)|(suddenly|sudden) (confused|disoriented|cant see|blind|lost (my |his |her )?(vision|sight))|(lost|losing) (my |his |her )?(vision|sight) (suddenly|all of a sudden)|worst headache of (my|his|her|their) life|(on|down) (the|my|his|her) (left|right)( side)? ((went|go|is|are|feels|feel|suddenly|has gone|have gone|got) )+(weak|numb|dead|limp|heavy|floppy)|(lost|losing|no) (feeling|sensation) (in|on|down) (my|his|her|the|their) (left|right|one) (side|arm|leg|hand|face)|(face|mouth|lip|lips|cheek) (is|went|feels|has gone) (droopy|drooping|lopsided)|vision (went|is|has gone|suddenly went) (blurry|blurred|double|dark|black) (suddenly|all of a sudden|out of nowhere)|sudden(ly)? (blurry|blurred|double) vision|(sudden|suddenly)\b[^.?!]{0,20}\b(numb\w*|weak\w*|paralys\w*) (in|on|down) (my|his|her|the) (left|right) (arm|leg|hand|face|side)|(numb\w*|weak\w*|paralys\w*) (in|on|down) (my|his|her|the) (left|right) (arm|leg|hand|face|side)\b[^.?!]{0,20}\b(sudden|suddenly|all of a sudden|out of nowhere)|thunderclap headache)\b/,
    ),
  },
  {
    kind: 'allergy',
    test: active(
      /\b((throat|tongue|lips?|face|mouth|eyes?|eyelids?)\b[^.?!]{0,25}\b(tight|tightening|closing|closing up|swelling|swollen|swelled|puffy|puffing up|puffed up)|(cant|cannot|can not) catch (my|his|her|their) breath|swollen (throat|tongue|lips?|face)|(cant|cannot|can not|struggling to|hard to|trouble|difficulty|difficult to|hard time|unable to) (breathe|breathing|breath|swallow|swallowing)|\b(sudden(ly)?|now|right now|after (taking|my|the|a|k2|natto|mk7))\b[^.?!]{0,30}\bshort(ness)? of breath|\bshort(ness)? of breath\b[^.?!]{0,30}\b(after (taking|my|the|a|k2|natto|mk7)|since|now|suddenly)|anaphyla\w*|epipen|wheezing)\b/,
    ),
  },
  {
    kind: 'bleeding',
    test: (t) => {
      // Bleeding that will not stop, or blood coming up, is urgent however it is phrased.
      if (
        /\b(wont|will not|doesnt|does not|cant|cannot|can not|not|isnt|hasnt|never|wouldnt) (stop|stopping|stopped|quit|quitting) (the )?(bleed\w*|blood)/.test(
          t,
        ) ||
        /\b(bleed\w*|nose ?bleed|blood)\b[^.?!]{0,40}\b(wont|will not|doesnt|does not|cant|cannot|can not|isnt|hasnt|not|wouldnt) (stop|stopping|stopped|quit|quitting|clot|clotting|slow\w*)\b/.test(
          t,
        ) ||
        /\bbleeding (for|since) (\d+|an?|over|hours|half|the last|two|three|ages)\b/.test(t) ||
        /\b(cant|cannot|can not|couldnt|unable to)\b[^.?!]{0,25}\bstop\b[^.?!]{0,15}\bbleed\w*/.test(t) ||
        /\bbleed\w*\b[^.?!]{0,30}\b(cant|cannot|can not|couldnt|unable to)\b[^.?!]{0,15}\bstop/.test(t) ||
        /\b(im|i am|been|is|are|keep|keeps|started) (vomit\w*|throw\w* up|puk\w*|cough\w*|spit\w*)( up)? (blood|bloody)/.test(
          t,
        ) ||
        /\b(vomited|threw up|puked|coughed up|coughing|coughed|spat|spitting) (up )?(blood|bloody)/.test(t) ||
        /\b(bleeding|gushing|pouring) (heavily|badly|a lot|everywhere|nonstop|non stop|profusely)\b/.test(
          t,
        ) ||
        /\bblood (is )?(coming|pouring|gushing|running) (out of|from)\b/.test(t) ||
        activeSymptom(
          t,
          /\b(gushing|pouring|streaming|spurting|squirting|dripping) (out )?(blood|bloody)\b/,
        ) ||
        activeSymptom(
          t,
          /\b(throwing up|vomiting|puking|coughing up|coughing|spitting up) (blood|bloody)\b/,
        ) ||
        activeSymptom(t, /\b(vomited|threw up|puked|coughed up|just vomited)\b[^.?!]{0,25}\bblood\b/) ||
        activeSymptom(
          t,
          /\b(peeing|pissing|pooping|shitting|passing|weeing) (out )?((lots of|a lot of|so much|loads of|some|clots of|big clots of) )?((bright|dark|fresh|deep) )?(red )?(blood|bloody|blood clots|clots)\b/,
        ) ||
        // Bleeding from the back passage is a bleed whatever the cause.
        activeSymptom(
          t,
          /\b(rectal (bleed\w*|blood)|bleed\w* (from|out of) (my |the |his |her |their )?(rectum|bum|butt|anus|bottom|back passage)|(rectum|bum|butt|anus|bottom) (is |keeps |has been |started )?bleeding)\b/,
        ) ||
        // A lot of blood where it should not be.
        /\b(a lot of|lots of|so much|loads of|tons of|too much|heaps of) (bright red |red |fresh )?blood\b[^.?!]{0,30}\b(toilet|stool|stools|poop|poo|wipe|wiping|urine|pee|bowl|rectum|bum|butt)\b/.test(
          t,
        ) ||
        // Blood in what someone passed ("my poop has blood in it").
        activeSymptom(
          t,
          /\b(poop|poo|stool|stools|pee|urine|wee|vomit|sick|diarrhea|diarrhoea) (has|had|with|contains|containing|is full of|full of|has got|covered in) (some |a lot of |lots of |bright red |red |fresh )?(blood|bloody)\b/,
        ) ||
        // Soaking a pad or tampon every hour is heavy bleeding.
        /\bsoak(ing|ed|s)? (through )?(a |one |my )?(pad|pads|tampon|tampons)\b[^.?!]{0,20}\b(every|an|each|in an|within an) hour\b/.test(
          t,
        ) ||
        // A nosebleed or other bleed that has lasted 15 minutes or more.
        activeSymptom(t, LONG_BLEED) ||
        // Vomit like coffee grounds is a stomach bleed, with or without an anticoagulant.
        activeSymptom(
          t,
          /\b(vomit\w*|threw up|throw\w* up|puk\w*|sick|spew\w*|brought up)\b[^.?!]{0,45}\b(coffee grounds?|ground coffee|coffee ground)\b|\bcoffee grounds? (vomit|sick|puke|like vomit)\b|\b(black|dark brown|brown|dark) (grainy |gritty )?(vomit|puke|sick)\b|\b(vomit\w*|puk\w*|threw up|throw\w* up)\b[^.?!]{0,30}\b(grainy|gritty|granular)\b/,
        )
      ) {
        return true;
      }
      const onAnticoagulant = ANTICOAGULANT.test(t);
      const personal = PERSON.test(t) || onAnticoagulant;
      // Symptoms that may only be asked about ("does natto cause black stools?"): urgent when
      // they are someone's own and happening, or on an anticoagulant.
      const symptom =
        /\b(blood|bloody|bleeding)\b[^.?!]{0,25}\b(in|from) (my |the |his |her |their )?(urine|pee|wee|stool|stools|poop|poo|feces|faeces|vomit|spit|bum|butt|rectum)\b|\bblood (when|whenever|every time|each time) (i|he|she|we|they) (pee|poop|poo|wee|urinate|go|wipe)\b|\bblood (in|on) the (toilet|bowl|toilet paper|tissue)\b|\b(peeing|pissing|pooping|shitting|passing|weeing) (out )?(blood|bloody)|\b(bloody|red|pink) (urine|pee|stool|stools|poop|diarrhea)\b|\b(peeing|pissing|weeing) (red|pink|brown)\b|\b(urine|pee|wee|stool|poop|poo) (is |looks |has turned |turned )?(dark |bright |all )?(bloody|red|pink|brown|cola|full of blood)\b|\b(vomit\w*|throw\w* up|puk\w*|cough\w*|spit\w*) (up )?(blood|bloody)|\b(vomit\w*|puk\w*|throw\w* up|sick)\b[^.?!]{0,40}\bcoffee grounds?\b|\b(stool|stools|poop|poo|poops|bowel movements?|feces|faeces)\b[^.?!]{0,30}\b(black|tarry|tar|like tar)\b|\b(black|tarry|tar like|tarlike|jet black) (and tarry |tarry )?(stool|stools|poop|poo|poops|feces|faeces|bowel movements?|diarrhea|shit)\b|\b(pooping|shitting) (black|tarry)\b|\b(heavy|massive|severe|uncontrolled|uncontrollable|huge) (bleed\w*|blood loss|nose ?bleeds?)\b/;
      if ((personal || ONGOING.test(t)) && activeSymptom(t, symptom)) return true;
      // on an anticoagulant, bleeding or bruising that is happening now is an emergency.
      if (onAnticoagulant) {
        const anticoagSymptom =
          /\b((im|i am|been|keep|keeps|kept|started|is|are|still|currently|now|started) (bleeding|bruising)|nose ?bleeds? (again|every|all|that|on and off)|(huge|large|big|massive|unexplained|weird|dark|purple|spreading)\b[^.?!]{0,15}\bbruis\w*|bruis\w*\b[^.?!]{0,25}\b(spreading|growing|getting bigger)|bruises (everywhere|all over)|(bleeding|bleed) gums|(heavy|heavier|very heavy) (period|periods|menstrual bleeding|bleeding)|gums (are |keep |have been )?bleeding|(a lot of|lots of|so much|too much) blood|(blood|bleeding) (everywhere|all over)|(blood|bleeding|it) keeps (going|coming)|keeps? bleeding|(severe|worst|terrible|splitting|sudden|pounding|bad) headache|(hit|bumped|bumping|banged|knocked|struck|hitting|banging) (my|his|her|their) head|head (injury|injuries|wound|trauma)|concussion|fell (and|down|over|off)|(had|took) a (bad )?fall|after a fall|(i|he|she|they|mom|mum|dad) fell\b(?! (asleep|for|behind|off the wagon|in love|short|apart|ill|sick|out))|head (is pounding|is killing me)|(short of breath|shortness of breath|breathless|cant breathe|cant catch (my|his|her) breath))/;
        if (activeSymptom(t, anticoagSymptom)) return true;
      }
      return false;
    },
  },
  {
    kind: 'clot',
    test: (t) => {
      const leg =
        /\b(calf|calves|leg|legs|thigh|ankle)\b[^.?!]{0,45}\b(swollen|swelling|swelled|puffy|painful|sore|hurts|hurting|red and (hot|warm)|hot and red|warm|throbbing|tender|bigger than the other|larger than the other)\b|\b(swollen|painful|sore|puffy|tender|red) (left |right |lower )?(calf|leg|thigh)\b/;
      const context =
        ANTICOAGULANT.test(t) || /\b(k2|vitamin k|natto|mk7|mk 7|one (leg|side|calf))\b/.test(t);
      if (activeSymptom(t, leg) && context && (PERSON.test(t) || ANTICOAGULANT.test(t))) return true;
      return /\b(i think|might|may|could) (i |he |she )?(have|has|got|ve got) (a )?(blood clot|clot|dvt|pulmonary embolism)\b|\b(sudden|suddenly) (short of breath|shortness of breath|breathless)\b/.test(
        t,
      );
    },
  },
  {
    kind: 'blood-pressure',
    // a blood pressure of 180/120 or more is a hypertensive crisis.
    test: has(
      /\b(1[89]\d|2\d\d) ?\/ ?(1[2-9]\d|\d{3})\b|\b(blood pressure|bp)( is| was| of| at| reads| reading| reading of| went up to| shot up to| hit| spiked to| now)?:? (1[89]\d|2\d\d)\b(?! ?mcg)/,
    ),
  },
  {
    kind: 'collapse',
    test: has(
      /\b(passed out|unconscious|unresponsive|fainted|fainting|having a seizure|had a seizure|not breathing|collapsed)\b/,
    ),
  },
];

/**
 * The emergency gate, run before any matching. Takes normalised text (see normalizeText).
 * It fires on symptoms happening now (bleeding that will not stop, an overdose, chest pain,
 * stroke signs, a severe allergic reaction, self-harm, a bleeding baby, clot signs) and not on
 * questions that only mention warfarin, bleeding or clotting.
 */
export function checkEmergency(normalized: string): GateResult {
  const t = normalized.replace(/'/g, '');
  for (const rule of RULES) {
    if (rule.test(t)) return { urgent: true, kind: rule.kind, notice: urgentNoticeFor(rule.kind) };
  }
  return { urgent: false, kind: null, notice: null };
}

/**
 * One notice per kind of emergency: a crisis line alone for self-harm, poison control first for
 * an overdose, an emergency vet for an animal, emergency care for a bleeding baby (mentioning the
 * birth vitamin K shot only as something to tell the team), the emergency number for the rest.
 */
export function urgentNoticeFor(kind: UrgentKind): string {
  if (kind === 'self-harm') return CRISIS_NOTICE;
  if (kind === 'overdose') return OVERDOSE_NOTICE;
  if (kind === 'pet') return PET_NOTICE;
  if (kind === 'baby-bleeding') return BABY_NOTICE;
  return URGENT_NOTICE;
}

/** True when the text names an anticoagulant: the warning then comes first. */
export function mentionsAnticoagulant(normalized: string): boolean {
  return ANTICOAGULANT.test(normalized.replace(/'/g, ''));
}
