import { anticoagulantSpellings, language } from '../kb/language.ts';
import {
  ABOUT,
  activeSymptom,
  CHILD,
  type GateRule,
  MANY,
  NOT_UNIT,
  near,
  PERSON,
  PILLS,
  toldAsPast,
  wordings,
} from './gateWords.ts';
import { alternation, phraseRegex, phraseSource, unionOf } from './phrasePattern.ts';
import { rememberLast } from './rememberLast.ts';
import { wordPattern } from './wordPattern.ts';

/** Gate: an overdose or poisoning (a handful of pills, a child in the supplements, signs after an extra dose). */

/** The named anticoagulants of anticoagulants.json, as a pattern source. */
const ANTICOAGULANT_DRUG = wordPattern(
  anticoagulantSpellings({ kinds: ['vka', 'doac', 'heparin', 'antiplatelet'], gateOnly: true }),
).source;

// Built once: a child got into supplements; a handful or a whole pack was taken.
const CHILD_INGESTION = new RegExp(
  `${CHILD.source}[^.?!]{0,60}\\b(ate|eaten|swallowed|got into|chewed|downed|drank|consumed|found and ate|has eaten|got hold of|took|taken)\\b[^.?!]{0,50}\\b${PILLS}`,
);
/**
 * A child got into a blood thinner or the family's medicines ("my 4 year old got into the medicine
 * cabinet and ate some of my warfarin"). "Took" is left out: a child takes their own medicine.
 */
const CHILD_DRUG_INGESTION = new RegExp(
  `${CHILD.source}[^.?!]{0,60}\\b(ate|eaten|swallowed|chewed|drank|has eaten|got hold of)\\b[^.?!]{0,40}\\b(${ANTICOAGULANT_DRUG}|medicines?|medications?|meds)\\b`,
);
/** "Swallowed her warfarin": the child's own medicine, as given. */
const OWN_DRUG = /\b(his|her|their)\s+(own\s+)?\S+$/;
/** Others who took it, named between the child and the taking (lexicon/gate.json `otherTakers`). */
const OTHER_TAKERS = phraseRegex(wordings.otherTakers);

/** A pill swallowed by someone called only "she" or "he" ("then, somehow, she swallowed the pill"). */
const PRONOUN_INGESTION = new RegExp(
  `\\b(she|he)\\b[^.?!]{0,40}\\b(ate|swallowed|chewed|consumed|got into)\\b[^.?!]{0,50}\\b${PILLS}`,
);
/** The child's doctor, a child's words or places (lexicon/gate.json `childSigns`). */
const CHILD_SIGNS = phraseRegex(wordings.childSigns);

/**
 * A child got into supplements: not food, and not others (a study's people) who took them. A
 * parent's story may call the child by name or "she" only; the child's doctor or a child's words
 * in it say who she is.
 */
function childIngestion(t: string): boolean {
  const m = CHILD_INGESTION.exec(t) ?? (CHILD_SIGNS.test(t) ? PRONOUN_INGESTION.exec(t) : null);
  if (m !== null && !isFood(t, m) && !OTHER_TAKERS.test(m[0]) && !ownSingleDose(m[0])) return true;
  const drug = CHILD_DRUG_INGESTION.exec(t);
  return drug !== null && !OTHER_TAKERS.test(drug[0]) && !OWN_DRUG.test(drug[0]);
}

/** A word between a count and "pills", however spelt ("k2+d3", "d3/k2"): anything up to a space. */
const FILLER_WORD = '[^\\s.?!]+';
/** "Swallowed his vitamin pill": one pill of the child's own, with no one else's name before it. */
const OWN_PILL = new RegExp(
  `\\b(ate|swallowed|chewed|consumed|took|taken)\\s+(his|her|their)\\s+((${FILLER_WORD}\\s+){0,2})${PILLS}$`,
);

/** The child's own pill, one of it, as given ("my son swallowed his vitamin pill fine"): no poisoning. */
function ownSingleDose(span: string): boolean {
  const own = OWN_PILL.exec(span);
  if (own === null || /s$/.test(own[5] as string)) return false;
  // "her sister's vitamin": someone else's pill, whoever's possessive ("sisters") names them.
  const owners = (own[3] as string).replace(/(\w)s\b/g, '$1');
  return !PERSON.test(owners) && !CHILD.test(owners) && !MANY_RE.test(span);
}

/** Pills, or medicines counted as taken (gate.json `countedMedicines`: "took a bunch of my meds"). */
const COUNTED = `(?:${PILLS}|${phraseSource(wordings.countedMedicines)})`;
const MANY_PILLS = new RegExp(
  `\\b(took|taken|swallowed|ate|consumed|chewed|downed|chugged|popped|had)\\s+${ABOUT}${MANY}\\s+((${NOT_UNIT}${FILLER_WORD}\\s+){0,4}${COUNTED}|of (them|those|these)\\b)`,
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
  if (isFood(t, m)) return false;
  // "ate 12 of them" after talking about eggs is food; after pills or K2 it is pills.
  return !/\bof (them|those|these)$/.test(m[0]) || !FOOD_COUNT.test(t);
}

/** Foods and the measures food is counted in (lexicon/gate.json `foods`, `foodMeasures`). */
const FOOD = phraseRegex(wordings.foods);
const FOOD_COUNT = new RegExp(`${FOOD.source}|${phraseSource(wordings.foodMeasures)}`);
/** Words that make a container or count pills whatever else is named ("a jar of k2 gummies"). */
const PILL_WORDS = new RegExp(`${phraseSource(wordings.pillWords)}|${ANTICOAGULANT_DRUG}`);

/** The last two words before `at`, in its clause (a bounded look back: the message may be long). */
function twoWordsBefore(t: string, at: number): string {
  const clause =
    t
      .slice(Math.max(0, at - 40), at)
      .split(/[.?!,;]/)
      .at(-1) ?? '';
  return `${clause.trim().split(/\s+/).slice(-2).join(' ')} `;
}

/**
 * The count or container matched by `m` is food, not pills: a food is named in the match, in the
 * four words after it in its clause ("ate a whole pack of natto", "a whole natto pack",
 * "accidentally ate a whole block of cheese") or in the two words before it ("our natto jar is
 * nearly empty"), and nothing there is a pill, a supplement or a medicine ("a whole bottle of k2
 * gummies", "the whole box of eliquis"). Eating a lot of a food is not an overdose.
 */
function isFood(t: string, m: RegExpExecArray): boolean {
  const rest = /^([^\s.?!,;]*\s+){0,4}[^\s.?!,;]*/.exec(t.slice(m.index + m[0].length))?.[0] ?? '';
  const before = twoWordsBefore(t, m.index);
  const span = `${before}${m[0]}${rest}`;
  return FOOD.test(span) && !PILL_WORDS.test(span);
}

/** Where the last match of a global `re` in `t` starts, or -1. */
function lastIndexOf(re: RegExp, t: string): number {
  let at = -1;
  for (const m of t.matchAll(re)) at = m.index;
  return at;
}

const EVERY_FOOD = new RegExp(FOOD.source, 'g');
const EVERY_PILL_WORD = new RegExp(PILL_WORDS.source, 'g');
/** A count or container of "it" or "them": what it holds is named elsewhere. */
const OF_POINTER = /\b(of|ate|had|eaten|finished) (it|them|that|those|these)\b/;

/**
 * A follow-up's "she had a whole pack of it" read with the food its previous question named last
 * ("my mum is on warfarin, is she allowed natto?"): eating a lot of a food is no overdose. Null
 * when the message names pills, a supplement or a blood thinner itself, or when the previous
 * question named one of them after its last food ("…natto and her warfarin"): "it" may be the pills.
 */
export function withFoodPointedAt(message: string, previousReading: string): string | null {
  const pointer = OF_POINTER.exec(message);
  if (!pointer || PILL_WORDS.test(message)) return null;
  const food = lastIndexOf(EVERY_FOOD, previousReading);
  if (food < 0 || lastIndexOf(EVERY_PILL_WORD, previousReading) > food) return null;
  const named = FOOD.exec(previousReading.slice(food))?.[0] ?? '';
  const at = pointer.index + (pointer[1] as string).length + 1;
  return `${message.slice(0, at)}${named}${message.slice(at + (pointer[2] as string).length)}`;
}

/** The first match of `re` in `t` that is not food. */
function pillsMatch(re: RegExp, t: string): boolean {
  const m = re.exec(t);
  return m !== null && !isFood(t, m);
}

const CHILD_FOUND_PILLS = new RegExp(
  `${CHILD.source}[^.?!]{0,40}\\b(found|got into|opened|got hold of|got)\\b[^.?!]{0,25}\\b${PILLS}\\b[^.?!]{0,30}\\b(ate|eaten|swallowed|chewed|drank|took|taken|had)\\b`,
);
export const WHOLE_PACK = new RegExp(
  `\\b(took|swallowed|swallows|ate|eats|downed|popped|chugged|finished)\\s+(a |the |my |her |his |their |our )?(whole|entire|full) ${PILLS}`,
);
/** Whose pills: "the", "my", "her"… or none. */
const OWNER = '(the |my |her |his |their |our )?';
/**
 * "Took every pill in the cabinet", "swallowed all the tablets in the bottle", "all my pills at
 * once", "swallowed all my vitamins", "took the rest of my sleeping pills": every pill there was.
 * "I took all my pills today" is a daily round, not this; "swallowed" all of them is not.
 */
const EVERY_PILL_THERE = new RegExp(
  `\\b(took|swallowed|ate|downed|popped|chugged|finished)\\s+(every (single )?${PILLS}|all (of )?${OWNER}${PILLS} (in|from|at once|left)\\b)`,
);
const SWALLOWED_ALL = new RegExp(`\\b(swallowed|downed|chugged) all (of )?${OWNER}${PILLS}`);
const THE_REST_OF = new RegExp(`\\b(took|swallowed|downed|popped) the rest of ${OWNER}([\\w-]+ )?${PILLS}`);
export const EVERY_PILL = unionOf([EVERY_PILL_THERE, SWALLOWED_ALL, THE_REST_OF]);
/**
 * "Found the bottle open and it's nearly empty, she's really sleepy and just threw up": a container
 * found emptied, with signs of poisoning after it, is a swallowed overdose whoever took it.
 */
/** A sign of poisoning on its own (gate.json `poisoningSigns`): after an emptied container it needs no cue. */
const POISONING_SIGN = phraseRegex(wordings.poisoningSigns);
const FOUND_EMPTIED = new RegExp(
  `\\b${PILLS}\\b[^.?!]{0,30}\\b(nearly|almost|half|mostly|completely|all but) empty\\b|\\b(emptied|empty) ${OWNER}${PILLS}\\b`,
);
/** A count of pills ("40 of them", "a handful"), not of micrograms or minutes. */
const MANY_RE = new RegExp(
  `\\b${MANY}\\s+((${NOT_UNIT}${FILLER_WORD}\\s+){0,3}${PILLS}|of (them|those|these|it|my|the|her|his|their)\\b)|\\b(too many|way too many|a handful|handful|a whole|the whole|an entire|the entire|a bunch|lots|a lot)\\b`,
);
export const OVERDOSED =
  /\b(i|he|she|they|we|my \w+) (have |has |just |think i |think he |think she |may have |might have |accidentally |accidently )*(overdosed|od d|odd|oded)\b/;
/** "I OD'd on netflix": overdosed on a show, a pastime or a treat (gate.json `overdoseIdioms`), said in jest. */
const OVERDOSED_IN_JEST = new RegExp(
  `\\b(overdosed|od d|odd|oded|od) on (all |the |some |too much |so much )?${phraseSource(wordings.overdoseIdioms)}`,
  'g',
);

/**
 * An anticoagulant overdose, taken or only asked about ("signs of too much warfarin", "took an
 * extra xarelto by mistake", "symptoms of a coumadin overdose"): unlike an extra K2 pill, an extra
 * blood-thinner dose is for poison control or a pharmacist however calmly it is asked. Named drugs
 * only: "too much blood thinning" asks about anticoagulation, not about a dose.
 */
const ANTICOAGULANT_OVERDOSE = new RegExp(
  [
    `${phraseSource(wordings.anticoagulantOverdoseBefore)} (of )?(my |his |her |their |the |a |some )?${ANTICOAGULANT_DRUG}`,
    `${ANTICOAGULANT_DRUG} ${phraseSource(wordings.anticoagulantOverdoseAfter)}`,
    `\\b(took|taken|had|swallowed|popped)\\b[^.?!]{0,20}${ANTICOAGULANT_DRUG}[^.?!]{0,25}(${alternation(wordings.anticoagulantTakenTwice)})`,
    // Someone else's: "i think i took my husbands warfarin instead of my k2".
    `\\b(took|taken|swallowed|popped)\\b[^.?!]{0,12}\\b(${alternation(wordings.anticoagulantOwners)}) ${ANTICOAGULANT_DRUG}(?! (to|back|in|into|out|along|with me|for (her|him|them))\\b)`,
    // A count of ten or more of it: "just took 10 warfarin", "swallowed about 20 of her eliquis".
    `\\b(took|taken|had|swallowed|popped|downed)\\s+${ABOUT}${MANY}\\s+(of\\s+)?(my |his |her |their |the |those |these )?${ANTICOAGULANT_DRUG}`,
    // A whole supply of it: "someone took a whole bottle of warfarin", "an entire pack of eliquis".
    `\\b(took|taken|take|takes|taking|swallowed|swallow|swallows|ate|eat|downed|down|popped|pop|finished) (a |an |the |my |his |her |their )?(whole|entire|full) ${PILLS} of (my |his |her |their |the |some )?${ANTICOAGULANT_DRUG}`,
  ].join('|'),
);

/** The drug may be named in one sentence and the extra pills told in the next. */
const ANTICOAGULANT_NAMED = new RegExp(ANTICOAGULANT_DRUG);
const ANTICOAGULANT_EXTRA_TAKEN = phraseRegex(wordings.anticoagulantExtraTaken);

/**
 * Framing that makes it a question about anyone ("hypothetically, what would happen if someone
 * took a whole bottle of k2?"), in a message that names no one present: no first person, no
 * relative or child, nothing happening now. Such a question gets an answer, not the
 * poison-control notice; "I just took 10", "my son swallowed", "what if my toddler ate" stay
 * emergencies, and so does any anticoagulant overdose, however it is asked (issue 7 §3).
 */
const ABOUT_ANYONE = phraseRegex(wordings.hypotheticalThirdParty);
/** Pronouns that may point back at "someone" ("would they die") name no one present. */
const BACK_REFERENCE = new Set(['he', 'she', 'hes', 'shes', 'his', 'her', 'him', 'they', 'their', 'them']);
const SOMEONE_PRESENT = new RegExp(
  `${wordPattern(language().gate.person.filter((w) => !BACK_REFERENCE.has(w))).source}|${CHILD.source}|\\b(just|already|right now|now|tonight|today|this morning|a minute ago|an hour ago)\\b`,
);

function askedAboutAnyone(t: string): boolean {
  return ABOUT_ANYONE.test(t) && !SOMEONE_PRESENT.test(t.replace(ABOUT_ANYONE, ' '));
}

/** "For a short story im writing", "nobody did it": the writer's I and my, not someone present. */
const FICTION_FRAME = phraseRegex(wordings.fictionFrame, 'g');

/**
 * A hypothetical message without the words that frame it as a story or idle curiosity. Taken out
 * before the gate reads the message at all: its typo pass would otherwise turn "story" into a word
 * it knows, and the frame's own I and my would count as someone present.
 */
export function withoutFictionFrame(t: string): string {
  if (!ABOUT_ANYONE.test(t)) return t;
  return t.replace(FICTION_FRAME, ' ').replace(/\s+/g, ' ').trim();
}

/**
 * An anticoagulant overdose, taken or asked about: poison control however calmly it is asked.
 * Every wording of ANTICOAGULANT_OVERDOSE names the drug, so a message that names none (most) is
 * not read further. Remembered: the gate reads the message, and choosing its reading reads it
 * again (hypotheticalOverdose).
 */
const anticoagulantOverdose = rememberLast(
  (t: string): boolean =>
    ANTICOAGULANT_NAMED.test(t) && (ANTICOAGULANT_OVERDOSE.test(t) || ANTICOAGULANT_EXTRA_TAKEN.test(t)),
);

/**
 * Signs of an overdose or poisoning, whoever it is about (the self-harm rule reads these too:
 * hopelessness around a hypothetical overdose is still a crisis).
 */
export function overdoseSigns(t: string): boolean {
  return anticoagulantOverdose(t) || pillSigns(t);
}

/**
 * An overdose asked about anyone ("hypothetically, what if someone swallowed a whole bottle?"): not
 * an emergency, but a question of how much is too much.
 */
export function hypotheticalOverdose(t: string): boolean {
  const read = withoutFictionFrame(t);
  return !anticoagulantOverdose(read) && pillSigns(read) && askedAboutAnyone(read);
}

/** The message without its sentences told as past ("last month my toddler ate a few gummies…"). */
function withoutPastSentences(t: string): string {
  return t
    .split(/(?<=[.?!])/)
    .filter((sentence) => !toldAsPast(sentence))
    .join(' ');
}

/** A taking told as done ("swallowed", "took", "downed"), not planned or asked about. */
const TAKEN_VERB = /\b(took|taken|swallowed|downed|popped|chugged|ate|finished|overdosed)\b/;
/** "If I took the whole bottle", "would it work if i swallowed them": a taking that is only supposed. */
const SUPPOSED_TAKING =
  /\b(if|would|could|might|what if|thinking (about|of)|wondering)\b[^.?!]{0,30}\b(took|taken|swallowed|downed|popped|ate)\b/;

/**
 * Pills already swallowed, not planned or supposed ("i swallowed my whole bottle 20 min ago on
 * purpose", not "what if i took all of them"): the body needs poison control whatever else is said.
 */
export function pillsTakenAlready(t: string): boolean {
  return overdoseSigns(t) && TAKEN_VERB.test(t) && !SUPPOSED_TAKING.test(t);
}

export const overdose: GateRule = {
  kind: 'overdose',
  test: (t) => anticoagulantOverdose(t) || (pillSigns(withoutPastSentences(t)) && !askedAboutAnyone(t)),
};

/**
 * A handful of pills, a whole pack, a child in the supplements, an extra dose with symptoms.
 * Remembered, like anticoagulantOverdose: the gate and hypotheticalOverdose read the same message.
 */
const pillSigns = rememberLast(workOutPillSigns);

/** Taken by accident: an accidental handful is an emergency, one extra pill is not. */
const TAKEN_BY_ACCIDENT =
  /\b(took|taken|swallowed|ate|had)\b[^.?!]{0,40}\b(by mistake|by accident|accidentally|accidently)\b/;
const BY_ACCIDENT_TAKEN =
  /\b(by mistake|by accident|accidentally|accidently) (took|taken|swallowed|ate|had|gave)\b/;
const POISON_CONTROL = /\bpoison control\b/;
const TOOK_AN_OVERDOSE = /\b(took|taken|take|had) an? overdose\b/;
// A number that is an age or a time ("give my baby (due in 6 weeks) the vit k shot", gate.json
// `timeUnits`) is no count.
const GAVE_A_CHILD_TOO_MUCH = new RegExp(
  `\\b(gave|given|give) (my |our |the )?(baby|child|kid|son|daughter|toddler|infant)\\b[^.?!]{0,30}\\b(\\d+(?![\\d.]|\\s*(${alternation(wordings.timeUnits)})\\b)|ten|too much|too many|times the|double|triple|way too)`,
);

/**
 * Whether the pattern each sign of workOutPillSigns opens with matches at all: most messages tell
 * of no pills taken, and one scan of the union costs less than the eleven.
 */
const ANY_PILL_SIGN = unionOf([
  CHILD_INGESTION,
  CHILD_DRUG_INGESTION,
  PRONOUN_INGESTION,
  CHILD_FOUND_PILLS,
  MANY_PILLS,
  WHOLE_PACK,
  EVERY_PILL,
  FOUND_EMPTIED,
  OVERDOSED,
  EXTRA_DOSE,
  TAKEN_BY_ACCIDENT,
  BY_ACCIDENT_TAKEN,
  POISON_CONTROL,
  TOOK_AN_OVERDOSE,
  GAVE_A_CHILD_TOO_MUCH,
]);

/** "Too much" of pills: more than one extra dose, whatever the count. */
const TOO_MUCH = /\btoo much\b/;

/**
 * "I think I overdosed lol, took 2 instead of 1, feel fine": an "overdose" the message itself tells
 * as one extra dose (the extra-dose wordings, no handful, no "too much") with no sign of poisoning
 * is the calm extra dose the rule below answers, not the word's emergency.
 */
function toldAsOneExtraDose(t: string): boolean {
  return EXTRA_DOSE.test(t) && !MANY_RE.test(t) && !TOO_MUCH.test(t) && !activeSymptom(t, POISONING_SIGNS);
}

function workOutPillSigns(t: string): boolean {
  if (!ANY_PILL_SIGN.test(t)) return false;
  return (
    childIngestion(t) ||
    pillsMatch(CHILD_FOUND_PILLS, t) ||
    manyPills(t) ||
    pillsMatch(WHOLE_PACK, t) ||
    pillsMatch(EVERY_PILL, t) ||
    (OVERDOSED.test(t.replace(OVERDOSED_IN_JEST, ' ')) && !toldAsOneExtraDose(t)) ||
    (pillsMatch(FOUND_EMPTIED, t) && activeSymptom(t, POISONING_SIGN)) ||
    // A small extra dose is no emergency, unless it is followed by symptoms of poisoning.
    (EXTRA_DOSE.test(t) && activeSymptom(t, POISONING_SIGNS)) ||
    // An accidental extra pill is not an emergency; an accidental handful is.
    ((TAKEN_BY_ACCIDENT.test(t) || BY_ACCIDENT_TAKEN.test(t)) && pillsMatch(MANY_RE, t)) ||
    POISON_CONTROL.test(t) ||
    TOOK_AN_OVERDOSE.test(t) ||
    GAVE_A_CHILD_TOO_MUCH.test(t)
  );
}
