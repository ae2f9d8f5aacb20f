import type { FocusId } from '../kb/focusSchema.ts';
import { language } from '../kb/language.ts';
import {
  anticoagulantsNamed,
  drugsNamed,
  withoutAnticoagulants,
  withoutDeniedAnticoagulants,
} from './anticoagulantFacts.ts';
import { meantPart } from './foodCorrection.ts';
import type { UrgentKind } from './gateWords.ts';
import { tokenize } from './normalize.ts';
import { alternation, anyOf, phraseRegex } from './phrasePattern.ts';
import {
  clausesOpeningAQuestion,
  namesVitamin,
  onlyTells,
  readFocus,
  THE_VITAMIN,
  withoutGroupsReplaced,
} from './questionFocus.ts';
import { withoutPurposePointers } from './readings.ts';
import type { Answer } from './types.ts';

/**
 * Follow-up questions: a short message that points back at the previous answer ("is that ok with
 * warfarin?", "what about mk4?", "and for kids?", "why?", "source?") is read together with the
 * previous question. Pure functions over normalised text; the engine (createEngine.ts) decides
 * with them and callers keep the context between messages (how long is theirs to say).
 */

/**
 * What the next message needs of the previous exchange. Compact on purpose: callers keep it in
 * memory per conversation, and it carries no more of the asker's words than the reading itself.
 */
export interface FollowUpContext {
  /**
   * The question as it was read: the previous message, with its own context when it was a
   * follow-up too ("source?" after "how much of it did they use?" after "does k2 help bones").
   */
  reading: string;
  /** The topic the previous answer showed, if any. */
  topicId: string | null;
  /** Full ids of the facts the previous answer showed, in order. */
  facts: string[];
  /**
   * What the previous question asked about its subject: "what about mk4?" after "how much mk7 a
   * day?" asks the same of MK-4. Absent in contexts kept before it existed.
   */
  focus?: { focuses: FocusId[]; figure: boolean };
  /**
   * An emergency told in the conversation: the next messages keep its notice first ("ok we're
   * heading to A&E now, should we bring her pill bottles?"), for `turnsLeft` more messages.
   */
  emergency?: { kind: UrgentKind; turnsLeft: number };
  /** The previous answer's body as shown, for "shorter" and "as a list". */
  body?: string;
  /**
   * The previous message asked about an animal and was declined: the next message's pronouns may
   * stand for it ("what about natto in his food"); nothing else is read with it.
   */
  animalAsked?: true;
  /**
   * The previous message was declined for its point ("can k2 help long covid"): only the vitamin
   * stays the subject, and "why not?" still asks why the bot could not answer.
   */
  declined?: true;
  /**
   * The conversation's last yes/no question as it was read ("is natto ok with warfarin"), for "so
   * yes or no?" a few messages later. Absent when none was asked.
   */
  yesNoQuestion?: string;
}

/** How many messages after an emergency keep its notice first. */
export const EMERGENCY_TURNS = 2;

/** Longer messages carry their own question: they are never read as follow-ups. */
export const MAX_FOLLOW_UP_WORDS = 12;
/** …unless they point back and name neither K2 nor the article: then up to this many words. */
export const MAX_POINTING_FOLLOW_UP_WORDS = 20;
/**
 * A message that points nowhere and has at least this many words the knowledge base does not
 * know is about a subject of its own, not a follow-up ("anyone watching the match tonight").
 */
export const MIN_ASIDE_UNKNOWN_WORDS = 2;
/** A reading keeps at most this many characters: three short turns, never a whole chat log. */
export const MAX_READING_CHARS = 300;

const { lists } = language().phrases;
/** Pronouns (lexicon/phrases.json `followUpPointers`). */
const POINTER = phraseRegex(lists.followUpPointers);
/** "oh i should mention…", "forgot to say…" (`followUpAddenda`): the message adds to the question before. */
const ADDENDUM = phraseRegex(lists.followUpAddenda);
/** Ellipsis words: "what about …", "and …" (`followUpEllipsis`). */
const ELLIPSIS = phraseRegex(lists.followUpEllipsis);
/** "Different topic: …", "unrelated, …" (`followUpBreaks`). */
const BREAK = phraseRegex(lists.followUpBreaks);
/** Every word that says how something is asked rather than what about, to strip. */
const FRAME_WORDS = [
  // Longest first: "that much" is a degree, not the pointer "that".
  lists.followUpDegreeWords,
  lists.followUpPointers,
  lists.followUpEllipsis,
  lists.followUpAspects,
  lists.followUpSourceRequests,
].map((list) => phraseRegex(list, 'g'));
/** "tl;dr?", "sum it up" (`followUpSummaryRequests`). */
const SUMMARY_REQUESTS = phraseRegex(lists.followUpSummaryRequests, 'g');
/** The article itself or a figure of its own (`articleAnchor`): "tl;dr the article" is about it. */
const ARTICLE_NAMED = phraseRegex(lists.articleAnchor);
/** "in simple words pls", "explain like im 10" (`followUpPlainRequests`). */
const PLAIN_REQUESTS = phraseRegex(lists.followUpPlainRequests, 'g');
/** "shorter pls", "as a list" (`followUpShorterRequests`, `followUpListRequests`): the same answer in another form. */
const FORM_REQUESTS: ReadonlyArray<readonly ['shorter' | 'list', RegExp]> = [
  ['shorter', phraseRegex(lists.followUpShorterRequests, 'g')],
  ['list', phraseRegex(lists.followUpListRequests, 'g')],
];
/** "Source?", "where does it say that?" (`followUpSourceRequests`). */
const SOURCE_REQUEST = phraseRegex(lists.followUpSourceRequests);
const ASPECTS = phraseRegex(lists.followUpAspects, 'g');

const plain = (normalized: string) => normalized.replace(/['’]/g, '');

/** The words that ask each focus ("how much", "why", "safe"), longest first. */
const FOCUS_WORDS = new Map<FocusId, RegExp>(
  language().focus.focuses.map((f) => [
    f.id,
    phraseRegex({ words: [...f.asked].sort((a, b) => b.length - a.length) }, 'g'),
  ]),
);

/** A text without the words that ask the given focuses: "how many women" asks an amount of women. */
export function withoutFocusWords(text: string, focuses: readonly FocusId[]): string {
  let out = text;
  for (const id of focuses) {
    const words = FOCUS_WORDS.get(id);
    if (words) out = out.replace(words, ' ');
  }
  return out.replace(/\s+/g, ' ').trim();
}

/** Pronouns that may stand for an animal asked about before (`animalPointers`). */
const ANIMAL_POINTER = phraseRegex(lists.animalPointers);

/**
 * Whether a message points at someone it does not name ("what about natto in his food"): after a
 * question about a pet, the pet. A person it names ("for my husband") is who it is about.
 */
export function pointsAtSomeoneUnnamed(normalized: string): boolean {
  const text = plain(normalized);
  return ANIMAL_POINTER.test(text) && !PEOPLE.test(text);
}

/** Whether the message says it starts a new subject. */
export function startsNewSubject(normalized: string): boolean {
  return BREAK.test(plain(normalized));
}

/** A break opening the message ("different q: …", "unrelated, …"), with the marks after it. */
const OPENING_BREAK = new RegExp(`^(?:${anyOf(lists.followUpBreaks, { capture: false })})\\b[\\s:,.!?-]*`);

/**
 * The message without the break it opens with: "different q: is goose liver pate a good source?"
 * asks whether goose liver pâté is a good source; the break only says it is a new question.
 */
export function withoutOpeningBreak(normalized: string): string {
  const text = plain(normalized);
  const rest = text.replace(OPENING_BREAK, '');
  return rest === text || rest.trim() === '' ? normalized : rest;
}

/** People a message may name (phrases.json `peopleNamed`), and the pointers that can stand for them. */
const PEOPLE = phraseRegex(lists.peopleNamed);
const PERSON_POINTERS = new RegExp(
  `\\b(${(lists.followUpPointers.words ?? []).filter((w) => language().gate.person.includes(w)).join('|')})\\b`,
  'g',
);

/**
 * Whether the message points back at the previous subject with a pronoun ("is that ok …"). "She"
 * in "my mum takes warfarin, can she eat natto?" stands for the mum the message names, not for
 * the previous answer's subject.
 */
export function pointsBack(
  normalized: string,
  /** Where a person the pronouns may stand for is named: the message itself, or the whole letter around it. */
  peopleFrom: string = normalized,
): boolean {
  let text = plain(normalized);
  const namesPeople = peopleFrom === normalized ? PEOPLE.test(text) : PEOPLE.test(plain(peopleFrom));
  if (namesPeople) text = text.replace(PERSON_POINTERS, ' ');
  return POINTER.test(withoutPointersAtTheVitamin(text));
}

/** The vitamin by its own name, not one of its forms (phrases.json `vitaminItself`). */
const THE_VITAMIN_NAMED = phraseRegex(lists.vitaminItself);
/** A question's subject pronoun after the verb that opens it (focus.json `yesNoStarts`: "does it", "are they"). */
const SUBJECT_POINTERS = new RegExp(
  `\\b(${alternation({ words: language().focus.yesNoStarts })}) (it|they)\\b`,
  'g',
);

/**
 * "ok back to k2, does it need d3": the subject of a question after the vitamin's own name in the
 * same message is the vitamin, not the previous answer's subject. An object pronoun may stand for
 * something else ("I take rivaroxaban. does vitamin k2 affect it…"), and a form ("what about mk4?
 * is it better?") is compared with what came before: their pronouns still point back.
 */
function withoutPointersAtTheVitamin(text: string): string {
  const named = THE_VITAMIN_NAMED.exec(text);
  if (!named) return text;
  const after = named.index + named[0].length;
  return text.slice(0, after) + text.slice(after).replace(SUBJECT_POINTERS, '$1');
}

/**
 * Whether the message points back at what the last answer showed: a pronoun that is not the
 * purpose a figure is asked for ("what dose for that?" asks the subject's dose, not the last fact's).
 */
export function pointsBackToShown(normalized: string): boolean {
  return pointsBack(withoutPurposePointers(plain(normalized)));
}

/** The message without its pronouns, ellipsis and aspect words: what is left may be a subject. */
export function subjectPart(normalized: string): string {
  let text = plain(normalized);
  for (const re of FRAME_WORDS) text = text.replace(re, ' ');
  return text.replace(/\s+/g, ' ').trim();
}

const ELLIPSIS_WORDS = phraseRegex(lists.followUpEllipsis, 'g');

/** The message without its ellipsis words ("what about pregnant women?" → "pregnant women?"). */
export function withoutEllipsis(normalized: string): string {
  return plain(normalized).replace(ELLIPSIS_WORDS, ' ').replace(/\s+/g, ' ').trim();
}

/** The aspect words of a reading ("how much", "per day"): the frame a new subject is asked in. */
export function aspectsOf(reading: string): string[] {
  return [...new Set(plain(reading).match(ASPECTS) ?? [])];
}

/**
 * How a message relates to the previous answer:
 * - `alone`: a question of its own (long, a new subject announced, an emergency, small talk, or a
 *   subject of its own with no word pointing back);
 * - `together`: no subject of its own ("how much?", "why?", "source?") or a pronoun pointing back
 *   ("is that ok with warfarin?"): read with the previous question;
 * - `instead`: a new subject in the previous question's frame ("what about gouda?" after "how much
 *   k2 is in natto"): read with the previous question's aspect words only;
 * - `again`: a request for the source of the previous answer ("source?"): the previous reading.
 *
 * `hasSubject` says whether text (the message without its frame words) names a subject;
 * `anchored` whether the message names K2 or the article itself (search.ts `hasAnchor`): a short
 * subject with neither ("which proteins?") is asked about the previous answer.
 */
export type FollowUpReadingKind =
  | 'alone'
  | 'together'
  | 'instead'
  | 'again'
  | 'summary'
  | 'plain'
  | 'shorter'
  | 'list';

/** The message without the words of a request (`requests`, a global pattern), or null when it makes none. */
function withoutRequest(normalized: string, requests: RegExp): string | null {
  const text = plain(normalized);
  const rest = text.replace(requests, ' ');
  return rest === text ? null : rest;
}

export function followUpKind(
  normalized: string,
  alone: Answer,
  isSmallTalk: boolean,
  hasSubject: (text: string) => boolean,
  anchored: boolean,
  /** The message alone is declined as off-topic chatter or a pet's question: never read with K2. */
  offTopic = false,
  /** How many of the message's words the knowledge base does not know ("f1", "race", "lap"). */
  unknownWords = 0,
  /** The message alone matched no topic well enough and was declined for no reason of scope. */
  unplacedAlone = false,
): FollowUpReadingKind {
  if (alone.urgent || isSmallTalk) return 'alone';
  // "huh? in english pls" asks for the answer just given in plainer words, though "in english"
  // alone reads as a translation request.
  const plainRest = withoutRequest(normalized, PLAIN_REQUESTS);
  if (
    offTopic &&
    plainRest !== null &&
    !hasSubject(subjectPart(plainRest)) &&
    unknownWords <= MIN_ASIDE_UNKNOWN_WORDS
  )
    return 'plain';
  if (offTopic) return 'alone';
  const words = tokenize(normalized).length;
  // A statement naming K2 that places nothing on its own, in words the knowledge base mostly knows, tells
  // more about the question before ("asking bc my uncle had a DVT like 5 yrs ago while he was
  // taking k2, he's fine now" after "can k2 cause blood clots?"): it is read with it.
  if (
    unplacedAlone &&
    anchored &&
    unknownWords <= MIN_ASIDE_UNKNOWN_WORDS + 1 &&
    words <= MAX_POINTING_FOLLOW_UP_WORDS &&
    onlyTells(normalized)
  )
    return 'together';
  // A longer message that points back and names neither K2 nor the article ("so if i took a
  // bunch it would just hang around a while?") still leans on the answer before it.
  // So does one that adds to the question before ("oh i should mention i take warfarin, had a clot
  // in my leg last year").
  const leansBack =
    !anchored &&
    (pointsBack(normalized) || ADDENDUM.test(plain(normalized))) &&
    words <= MAX_POINTING_FOLLOW_UP_WORDS;
  if (words > MAX_FOLLOW_UP_WORDS && !leansBack) return 'alone';
  if (startsNewSubject(normalized)) return 'alone';
  // "tl;dr?" asks for the short version and nothing else ("tldr" itself reads as "worth it").
  const summaryRest = withoutRequest(normalized, SUMMARY_REQUESTS);
  if (summaryRest !== null) {
    // "tl;dr the article" asks for the whole article in short, not the topic just discussed.
    if (ARTICLE_NAMED.test(summaryRest)) return 'alone';
    if (!hasSubject(subjectPart(summaryRest))) return 'summary';
  }
  // "shorter pls", "as a list": the answer just given, in another form, when nothing else is asked.
  for (const [form, requests] of FORM_REQUESTS) {
    const rest = withoutRequest(normalized, requests);
    if (rest !== null && !hasSubject(subjectPart(rest))) return form;
  }
  // "in simple words pls, all the mcg stuff confuses me": the same answer in everyday words,
  // unless the rest asks a question of its own.
  if (
    plainRest !== null &&
    (!hasSubject(subjectPart(plainRest)) || clausesOpeningAQuestion(plainRest).length === 0)
  )
    return 'plain';
  const ownSubject = hasSubject(subjectPart(normalized));
  if (!ownSubject && asksOnlyForSource(normalized)) return 'again';
  const back = pointsBack(normalized);
  // Chatter of its own ("anyone watching the match tonight"): declined alone, with words of a
  // subject the knowledge base does not know; one more of them when a word was read as one it
  // knows or as a pointer ("did anyone catch the f1 race, that last lap": "race" as "rare",
  // "that" pointing at the lap).
  const unknownNeeded = ownSubject || back ? MIN_ASIDE_UNKNOWN_WORDS + 1 : MIN_ASIDE_UNKNOWN_WORDS;
  if (alone.kind === 'decline' && unknownWords >= unknownNeeded) return 'alone';
  // A whole question of its own (K2 or the article named, a subject, and what is asked about it)
  // stands alone, whatever "and", "ok and" or "also" opens it: "ok and does k2 thin your blood?".
  if (ownSubject && anchored && !back && asksOwnPoint(normalized)) return 'alone';
  // "no i meant for bones, not the heart": the subject meant replaces the one before, in its frame
  // (a form meant, "nah i meant mk4", is put in the question before by its own step).
  const meant = meantPart(normalized);
  if (meant !== null && !namesVitamin(meant) && hasSubject(subjectPart(meant))) return 'instead';
  if (back || !ownSubject) return 'together';
  if (ELLIPSIS.test(plain(normalized))) return 'instead';
  return anchored ? 'alone' : 'together';
}

/** "for a 10 year old?", "for a beginner" (`explainForAudience`). */
const AUDIENCE = phraseRegex(lists.explainForAudience, 'g');
/** What a previous question asked that can be said again for a child or a beginner. */
const EXPLAINED_FOCUSES: ReadonlySet<FocusId> = new Set(['definition', 'mechanism', 'comparison']);

/**
 * Whether a message asks for the previous answer again for someone who needs it simply: "for a 10
 * year old?" after "what does carboxylation mean" wants it in a child's words; after "how much k2 a
 * day" it asks the dose for a child, which the population reading answers.
 */
export function explainsForAnAudience(
  normalized: string,
  previousFocuses: readonly FocusId[],
  hasSubject: (text: string) => boolean,
): boolean {
  if (!previousFocuses.some((f) => EXPLAINED_FOCUSES.has(f))) return false;
  const rest = withoutRequest(normalized, AUDIENCE);
  if (rest === null || hasSubject(subjectPart(rest))) return false;
  return readFocus(rest).focuses.every((f) => EXPLAINED_FOCUSES.has(f));
}

const SOURCE_REQUESTS = phraseRegex(lists.followUpSourceRequests, 'g');

/**
 * Whether a message asks for the source of the previous answer and nothing else: "source?",
 * "where does it say that?", but not "is there proof it actually works?", which asks whether it
 * works (a focus besides the evidence once the source words are set aside).
 */
export function asksOnlyForSource(normalized: string): boolean {
  const text = plain(normalized);
  if (!SOURCE_REQUEST.test(text)) return false;
  const rest = text.replace(SOURCE_REQUESTS, ' ');
  return readFocus(rest).focuses.every((id) => id === 'evidence');
}

/**
 * Whether a message asks only how something is known ("is that proven?", "how do they know?") and
 * names no subject of its own: after a figure, it asks where the figure comes from.
 */
export function asksOnlyForEvidence(normalized: string, hasSubject: (text: string) => boolean): boolean {
  const { focuses } = readFocus(normalized);
  return focuses.length === 1 && focuses[0] === 'evidence' && !hasSubject(subjectPart(normalized));
}

/** "so yes or no?", "straight answer pls" (`followUpYesOrNoRequests`). */
const YES_OR_NO_REQUESTS = phraseRegex(lists.followUpYesOrNoRequests, 'g');

/** Whether a message asks only for the yes or no of the question before ("so yes or no?"). */
export function asksForYesOrNo(normalized: string, hasSubject: (text: string) => boolean): boolean {
  const rest = withoutRequest(normalized, YES_OR_NO_REQUESTS);
  return rest !== null && !hasSubject(subjectPart(rest));
}

/** Whether a message says what it asks (a yes/no question, or a focus such as an amount). */
export function asksOwnPoint(normalized: string): boolean {
  const focus = readFocus(normalized);
  return focus.yesNo || focus.figure || focus.focuses.length > 0;
}

/**
 * The text a follow-up is answered from: the message first (its words say what is asked now),
 * then the previous reading (the subject) and the previous topic's title, so that a message with
 * no subject words of its own ("source?") stays with the topic just shown; or, for `instead`,
 * the message with the previous question's aspect words and the blood thinners it named.
 */
export function followUpReading(
  kind: Exclude<FollowUpReadingKind, 'alone'>,
  normalized: string,
  previous: FollowUpContext,
  topicTitle: string | null,
  /** The message names a food the previous question did not (createEngine's namesNewFood). */
  newFood = false,
): string {
  if (kind === 'again') return previous.reading;
  // A blood thinner named before is the asker's situation, not the subject a new one replaces:
  // "and natto?" after "k2 and warfarin" asks about natto on warfarin (unless it names its own).
  // A blood thinner the message names replaces the one named before ("and if i'm on eliquis instead?").
  // One it says is not the one taken ("but it's not warfarin") replaces nothing.
  const namesOwn = drugsNamed(withoutDeniedAnticoagulants(normalized)).length > 0;
  const situation = namesOwn ? [] : anticoagulantsNamed(previous.reading);
  const before = namesOwn ? withoutAnticoagulants : (text: string) => text;
  // A new food with no aspect words to carry ("is eel a good k2 source?" → "how does that compare
  // to cheese"): the vitamin itself is what the food is asked about.
  const aspects = aspectsOf(previous.reading).join(' ') || (newFood ? THE_VITAMIN : '');
  // "sorry i meant bones": what was meant, in the frame before, of the vitamin the conversation is about.
  const meant = meantPart(normalized);
  const parts =
    kind === 'instead'
      ? meant !== null
        ? [meant, aspects, situation.join(' '), THE_VITAMIN]
        : [normalized, aspects, situation.join(' ')]
      : [
          normalized,
          before(previousSubject(normalized, previous.reading)),
          before(previousSubject(normalized, topicTitle ?? '')),
        ];
  return parts.filter((p) => p.trim() !== '').join(' , ');
}

/**
 * The previous reading (or the previous topic's title) as the subject of a follow-up: who the
 * message asks about replaces who the previous question asked about ("my dad is 74, same for
 * him?" after "and for kids?"; "and my husband? hes 40" after the pregnancy figure).
 */
export function previousSubject(normalized: string, previousReading: string): string {
  return withoutGroupsReplaced(normalized, previousReading);
}

/**
 * The context another member reads when they reply to someone's answer or write in the same thread:
 * the subject carries over, an emergency does not. An emergency is its teller's ("my dad is
 * bleeding on warfarin"); a bystander's "is mk7 better than mk4?" is answered as their own
 * question, and their message still passes the emergency gate on its own.
 */
export function contextForAnotherMember(context: FollowUpContext): FollowUpContext | null {
  return context.emergency ? null : context;
}

/** Whether a reply leaves a context: not an emergency, an empty message or a decline with nothing to offer. */
export function leavesContext(answer: Answer): boolean {
  if (answer.urgent || answer.kind === 'empty') return false;
  // A decline with nothing to offer leaves nothing to follow up on.
  return answer.kind === 'answer' || answer.suggestions.length > 0;
}

/**
 * The context after an emergency reply: nothing to follow up on but the emergency itself, which
 * the next messages keep first (see {@link FollowUpContext.emergency}).
 */
export function contextAfterEmergency(
  reading: string,
  kind: UrgentKind,
  turnsLeft = EMERGENCY_TURNS,
): FollowUpContext | null {
  if (turnsLeft <= 0) return null;
  return {
    reading: reading.slice(0, MAX_READING_CHARS),
    topicId: null,
    facts: [],
    emergency: { kind, turnsLeft },
  };
}

/** The context after a question about an animal was declined (see {@link FollowUpContext.animalAsked}). */
export function contextAfterAnimal(reading: string): FollowUpContext {
  return { reading: reading.slice(0, MAX_READING_CHARS), topicId: null, facts: [], animalAsked: true };
}

/** The context the next message is read in, after `answer` was given to `reading`. */
export function contextAfter(
  reading: string,
  answer: Answer,
  focus?: { focuses: readonly FocusId[]; figure: boolean },
): FollowUpContext | null {
  if (answer.urgent && answer.urgentKind) return contextAfterEmergency(reading, answer.urgentKind);
  if (!leavesContext(answer)) return null;
  return {
    reading: reading.slice(0, MAX_READING_CHARS),
    topicId: answer.kind === 'answer' ? (answer.topic?.id ?? null) : null,
    facts: [...answer.facts],
    ...(focus ? { focus: { focuses: [...focus.focuses], figure: focus.figure } } : {}),
    ...(answer.kind === 'answer' ? { body: answer.body } : {}),
  };
}
