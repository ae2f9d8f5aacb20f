import type { FocusId, UncoveredPoint } from '../kb/focusSchema.ts';
import { language } from '../kb/language.ts';
import { figuresIn } from './figureLead.ts';
import { STOP_WORDS } from './lexicon.ts';
import { mapPacked } from './packedArray.ts';
import { phraseRegex, phraseSource } from './phrasePattern.ts';
import { firstPhraseAt, PhraseLists, PhraseSet, stemmedWords } from './phraseSet.ts';
import { questionClause } from './readings.ts';
import { rememberLast } from './rememberLast.ts';
import { verbOnObjectSource } from './verbOnObject.ts';
import { wordPattern } from './wordPattern.ts';

/**
 * What a question asks about its subject (its focus: an amount, the timing, the mechanism…),
 * whether it is a yes/no question, and which points it asks that the article never covers. All
 * of it from the word lists in knowledge/lexicon/focus.json.
 */

const FOCUS = language().focus;
/** Words that point back at what an earlier clause named (phrases.json `followUpPointers`). */
const POINTERS: ReadonlySet<string> = new Set(language().phrases.lists.followUpPointers.words);
/** A question clause this short has no subject of its own beside a pointer ("which one is best"). */
const SHORT_QUESTION_WORDS = 4;
/** Words that add nothing to a question's length (phrases.json `additiveWords`): "would it help her too?". */
const ADDITIVE_WORDS: ReadonlySet<string> = new Set(language().phrases.lists.additiveWords.words);
/** Whether a question clause is short enough to have no subject of its own, its additive words aside. */
const isShortQuestion = (question: readonly string[]) =>
  question.filter((w) => !ADDITIVE_WORDS.has(w)).length <= SHORT_QUESTION_WORDS;
const COMPARISON = FOCUS.focuses.findIndex((f) => f.id === 'comparison');
/** Pointers that can be a yes/no question's subject (phrases.json `subjectPointers`). */
const SUBJECT_POINTERS: ReadonlySet<string> = new Set(language().phrases.lists.subjectPointers.words);
/**
 * "I drink 5 coffees a day, does that cancel out my k2?": a pointer right after the verb that opens
 * a yes/no question is what it asks about, however long the rest.
 */
const pointerIsTheSubject = (question: readonly string[]) =>
  SUBJECT_POINTERS.has(question[1] ?? '') && opensWithYesNo(question);
/**
 * "I take 10000 iu d3, how much k2 with it?": what K2 goes with is a pointer at the clause before
 * (phrases.json `companionPointers`), so that clause is asked about too.
 */
const COMPANION_POINTERS = new PhraseSet(language().phrases.lists.companionPointers.words ?? []);
const AMOUNT = FOCUS.focuses.findIndex((f) => f.id === 'amount');
/**
 * The words without the figures they state ("1000 mcg daily", "45 mg of mk4 a day"): what
 * figureLead.ts reads as a figure, its basis included, is said rather than asked.
 */
function withoutStatedAmounts(words: readonly string[]): string[] {
  const stated = figuresIn(words.join(' '));
  return words.filter((_, i) => !stated.some((f) => i >= f.start && i < f.end));
}

/** The mass units of focus.json `figureKinds` and the one-word amount words ("daily", "dose"). */
const AMOUNT_WORDS: ReadonlySet<string> = new Set([
  ...(FOCUS.figureKinds.find((kind) => kind.id === 'mass')?.units ?? []),
  ...(FOCUS.focuses.find((f) => f.id === 'amount')?.asked ?? []).filter((w) => !w.includes(' ')),
]);

/** Words that say a message corrects the one before ("no i meant mk4"; phrases.json `correctionWords`). */
export const CORRECTION_WORDS: ReadonlySet<string> = new Set(language().phrases.lists.correctionWords.words);

/** At most this many words, filler aside, make a message that is only a name ("mk 4", "menatetrenone?"). */
const NAME_ONLY_WORDS = 2;

/**
 * Whether a message is only the name of a form of the vitamin (a subject with rivals) and filler:
 * "mk4?" after a dose answer asks the same of MK-4.
 */
export function namesOnlyAForm(normalized: string): boolean {
  const words = withoutDeniedForms(stemmedWords(normalized));
  const own = words.filter((w) => !STOP_WORDS.has(w) && !CORRECTION_WORDS.has(w));
  if (own.length === 0 || own.length > NAME_ONLY_WORDS) return false;
  const subjects = askedSubjects(words);
  if (subjects.named.size === 0 || subjects.rivals.size === 0) return false;
  // "is mk4 better?" asks a point of its own: every word but filler must be the form's name.
  const nameWords = new Set([...subjects.named].flatMap((id) => (SUBJECT_NAMES.get(id) ?? []).flat()));
  return own.every((w) => nameWords.has(w)) && readFocus(normalized).focuses.length === 0;
}

/** Words before a form's name that say it is not the one meant ("mk7 not mk4", "rather than mk4"). */
const DENIES_FORM: ReadonlySet<string> = new Set(language().phrases.lists.formDenials.words);

/**
 * The words without a form the message says it does not mean ("no i meant mk7, not mk4"): left
 * in, the correction named both forms and the reply stayed on the one denied.
 */
function withoutDeniedForms(words: readonly string[]): string[] {
  const out: string[] = [];
  for (let i = 0; i < words.length; i++) {
    const w = words[i] as string;
    const name = DENIES_FORM.has(w)
      ? firstPhraseAt(words, i + 1 + (words[i + 1] === 'of' ? 1 : 0), FORM_NAMES)
      : null;
    if (name) {
      i += name.length + (words[i + 1] === 'of' ? 1 : 0);
      continue;
    }
    out.push(w);
  }
  return out;
}

/** Each subject's naming words, as word lists (focus.json `subjects[].asked`). */
const SUBJECT_NAMES: ReadonlyMap<string, ReadonlyArray<readonly string[]>> = new Map(
  FOCUS.subjects.map((subject) => [subject.id, subject.asked.map((phrase) => stemmedWords(phrase))]),
);
/** The names of the forms of the vitamin (the subjects with rivals), as word lists. */
const FORM_NAMES: ReadonlyArray<readonly string[]> = FOCUS.subjects
  .filter((subject) => (subject.rivals ?? []).length > 0)
  .flatMap((subject) => SUBJECT_NAMES.get(subject.id) ?? []);

/**
 * The previous question with the form a name-only follow-up names in place of its rivals ("mk4?"
 * after "how much mk7 a day" → "how much mk4 a day"), or of the vitamin's general name when it
 * names no rival ("how much k2 a day" → "mk7?"); null when it names neither.
 */
export function withFormReplaced(normalized: string, previous: string): string | null {
  const message = withoutDeniedForms(stemmedWords(normalized)).filter(
    (w) => !STOP_WORDS.has(w) && !CORRECTION_WORDS.has(w),
  );
  const rivals = [...askedSubjects(message).named].flatMap((id) =>
    (FOCUS.subjects.find((s) => s.id === id)?.rivals ?? []).flatMap((r) => SUBJECT_NAMES.get(r) ?? []),
  );
  const words = stemmedWords(previous);
  return phrasesReplaced(words, rivals, message) ?? phrasesReplaced(words, GENERAL_VITAMIN_NAMES, message);
}

/**
 * The words with the phrases of `phrases` taken out and `by` put where the first of them stood, or
 * null when none is there.
 */
function phrasesReplaced(
  words: readonly string[],
  phrases: ReadonlyArray<readonly string[]>,
  by: readonly string[],
): string | null {
  const out: string[] = [];
  let replaced = false;
  for (let i = 0; i < words.length; i++) {
    const phrase = firstPhraseAt(words, i, phrases);
    if (phrase) {
      if (!replaced) out.push(...by);
      replaced = true;
      i += phrase.length - 1;
    } else out.push(words[i] as string);
  }
  return replaced ? out.join(' ') : null;
}

/** The vitamin's names that are no form of it ("k2", "vitamin k2"): focus.json `vitaminNames` less the subjects'. */
const GENERAL_VITAMIN_NAMES: ReadonlyArray<readonly string[]> = (() => {
  const formNames = new Set([...SUBJECT_NAMES.values()].flat().map((words) => words.join(' ')));
  return FOCUS.vitaminNames
    .map((name) => stemmedWords(name))
    .filter((words) => !formNames.has(words.join(' ')));
})();

/** A number, or a word glued to one ("10yo"): ages and amounts start with a digit. */
const startsWithDigit = (word: string) => word.charCodeAt(0) >= 48 && word.charCodeAt(0) <= 57;

/** "Even at like 500 mcg a day?": numbers, units, amount words and filler, nothing named ("mk4"). */
function namesNothingButAnAmount(words: readonly string[]): boolean {
  return words.every((w) => STOP_WORDS.has(w) || AMOUNT_WORDS.has(w) || startsWithDigit(w));
}

/** The words that ask each focus, all read in one pass (PhraseLists): focus i is `FOCUS.focuses[i]`. */
const ASKED = new PhraseLists(
  FOCUS.focuses.map((f) => f.asked),
  { longestAtEachPlace: true },
);
const YES_NO_STARTS = new PhraseSet(FOCUS.yesNoStarts);
const FIGURE_ASKED = new PhraseSet(FOCUS.figureAsked);
const FIGURE_VERDICTS = new PhraseSet(FOCUS.figureVerdicts);
const NOT_KNOWN = new PhraseSet(FOCUS.hedges['not-known']);
const DEPENDS = new PhraseSet(FOCUS.hedges.depends);
const SUBJECTS = FOCUS.subjects.map((subject) => ({
  id: subject.id,
  rivals: subject.rivals ?? [],
  ages: subject.ages,
}));
type Subject = (typeof SUBJECTS)[number];
/** Whether one of `ages` falls in a subject's age range (`ages` of focus.json `subjects`). */
function ofAge(range: readonly [number, number] | undefined, ages: readonly number[]): boolean {
  if (range === undefined) return false;
  for (const a of ages) if (a >= range[0] && a <= range[1]) return true;
  return false;
}
/** The words that name each subject, in one pass: subject i is `SUBJECTS[i]`. */
const SUBJECTS_ASKED = new PhraseLists(FOCUS.subjects.map((subject) => subject.asked));

/** Each subject's place in SUBJECTS (and in SUBJECTS_ASKED's lists), by id. */
const SUBJECT_AT: ReadonlyMap<string, number> = new Map(SUBJECTS.map((s, i) => [s.id, i]));

/**
 * The words a message names a subject with ("vegan" for plant-based), or its id when an age named
 * it. The message's subject words are read once per message, at the first point that needs them.
 */
function subjectWord(id: string | undefined, story: StoryRead): string | undefined {
  if (id === undefined) return undefined;
  story.subjectPhrases ??= SUBJECTS_ASKED.firstPhrases(stemmedWords(story.normalized));
  return story.subjectPhrases[SUBJECT_AT.get(id) ?? -1] ?? id;
}

/** "I'm 5 foot", "I am 70 kg": a number after "I'm" that is not an age. */
const NOT_AN_AGE_AFTER: ReadonlySet<string> = new Set([
  'foot',
  'feet',
  'ft',
  'kg',
  'lb',
  'pound',
  'cm',
  'percent',
  'mcg',
  'mg',
  'week',
  'day',
  'month',
  'minute',
  'hour',
]);

/** Someone a message may give the age of (gate.json `person`: pronouns and family members). */
const PEOPLE: ReadonlySet<string> = new Set(language().gate.person);

/** "10 year old", "10 yr old", "aged 10", "age 10", "10yo", "10 yo", "I'm 52": the ages a message names. */
export function agesIn(words: readonly string[]): number[] {
  const ages: number[] = [];
  words.forEach((w, i) => {
    // An age is a word that starts with a digit: most words are not, and need no pattern.
    if (!startsWithDigit(w)) return;
    const glued = /^(\d{1,3})(yo|yr|yrs)$/.exec(w);
    if (glued) ages.push(Number(glued[1]));
    if (!/^\d{1,3}$/.test(w)) return;
    const next = words[i + 1] ?? '';
    const before = words[i - 1] ?? '';
    // "On warfarin since I was 6 years old", "since age 12": the asker's own past age, not whom
    // the question is about (like focus.json pastSelf "since i was a kid").
    const since = (at: number) => words[at] === 'since' || words[at] === 'when';
    if ((before === 'was' && words[i - 2] === 'i' && since(i - 3)) || (before === 'age' && since(i - 2)))
      return;
    const iAm = before === 'im' || (before === 'am' && words[i - 2] === 'i');
    // "my dad is 74", "shes 17": someone (gate.json `person`) said to be that old. The word lists
    // read "shes" as the plural of "she".
    const someoneIs =
      before === 'hes' ||
      before === 'shes' ||
      before === 'she' ||
      (before === 'is' && PEOPLE.has(words[i - 2] ?? ''));
    if (
      ((next === 'year' || next === 'yr') && words[i + 2] === 'old') ||
      next === 'yo' ||
      before === 'aged' ||
      before === 'age' ||
      // "my mother 80 years, she can take also?": a person followed by their years.
      (PEOPLE.has(before) && (next === 'year' || next === 'yr')) ||
      ((iAm || someoneIs) && !NOT_AN_AGE_AFTER.has(next))
    )
      ages.push(Number(w));
  });
  return ages;
}

/** What a question must say for a point's subject named in the story to make it asked (`storyNeeds`). */
const STORY_NEEDS = new PhraseLists(FOCUS.uncovered.map((point) => point.storyNeeds ?? []));
/** The words that ask each uncovered point, in one pass: point i is `FOCUS.uncovered[i]`. */
const UNCOVERED_ASKED = new PhraseLists(FOCUS.uncovered.map((point) => point.asked));

/** For each point with `stopAsked`: its pattern of someone stopping K2 (see the schema). */
const STOP_ASKED_OF: ReadonlyArray<RegExp | null> = FOCUS.uncovered.map(({ stopAsked }) =>
  stopAsked
    ? new RegExp(
        `${wordPattern(stopAsked.by).source}( [a-z]+)? ${verbOnObjectSource(FOCUS.vkaTakeAsked.stopVerbs, stopAsked.of, true)}`,
      )
    : null,
);
/**
 * The word groups that ask a point together (`together`), all read in one pass: point i's groups
 * are the lists `TOGETHER_OF[i]` of `TOGETHER_ASKED` (none for most points).
 */
const TOGETHER_OF: ReadonlyArray<readonly number[]> = (() => {
  let next = 0;
  return FOCUS.uncovered.map((point) => (point.together ?? []).map(() => next++));
})();
const TOGETHER_ASKED = new PhraseLists(FOCUS.uncovered.flatMap((point) => point.together ?? []));

/**
 * Each uncovered point with what the focus step reads of it, every record of one shape: the points
 * as loaded each have only the optional fields they set, so the loop over all of them, run for
 * every message, read each field through a generic (megamorphic) lookup.
 */
const UNCOVERED_POINTS = FOCUS.uncovered.map((point, i) => ({
  point,
  focus: point.focus,
  /** The focuses that make it give way (`unlessFocus`, one or several), as a list. */
  unlessFocus: point.unlessFocus === undefined ? [] : [point.unlessFocus].flat(),
  /** Words that make it give way (`unlessSaid`), or null. */
  unlessSaid: point.unlessSaid === undefined ? null : phraseRegex({ words: point.unlessSaid }),
  /** Its pattern of someone stopping K2 (`stopAsked`), or null. */
  stopAsked: STOP_ASKED_OF[i] ?? null,
  /** Its word groups in TOGETHER_ASKED (none for most points). */
  groups: TOGETHER_OF[i] ?? [],
  subjects: point.subjects,
  /** Its words that, right before a food name, only describe the food when an amount is asked. */
  describesFood: new Set(point.describesFood ?? []),
  hasStoryNeeds: point.storyNeeds !== undefined,
  inStory: point.inStory === true,
}));
const EFFECT_INDEX = FOCUS.focuses.findIndex((f) => f.id === 'effect');
/** Words that set what came before aside (phrases.json `followUpBreaks`: "unrelated, but…"). */
const SETS_STORY_ASIDE = phraseRegex(language().phrases.lists.followUpBreaks);

/** Whether the words ask only whether K2 helps: the effect focus and no other. */
function asksOnlyWhetherItHelps(words: readonly string[]): boolean {
  const counts = ASKED.counts(words);
  return counts.every((n, i) => (i === EFFECT_INDEX ? n > 0 : n === 0));
}
/** A question whether K2 helps this short names nothing of its own for it to help with ("will k2 help keep mine away"). */
const SHORT_HELP_QUESTION_WORDS = 7;
type UncoveredRead = (typeof UNCOVERED_POINTS)[number];

/** Whether any of `ids` is among `focuses`. */
function includesAny(ids: readonly FocusId[], focuses: readonly FocusId[]): boolean {
  for (let k = 0; k < ids.length; k++) if (focuses.includes(ids[k] as FocusId)) return true;
  return false;
}

/** What the focus step knows of the subjects of one message, for {@link subjectAsked}. */
interface StoryRead {
  /** The whole message. */
  normalized: string;
  /** SUBJECTS_ASKED's first phrase of each subject in the whole message: read at the first point that needs it. */
  subjectPhrases: ReadonlyArray<string | null> | null;
  /** The subjects the asking words name. */
  askedNamed: ReadonlySet<string>;
  /** The subjects the whole message names, its story included. */
  storyNamed: ReadonlySet<string>;
  /** The asking words. */
  asked: readonly string[];
  /** STORY_NEEDS' first phrase of each point in the asking words: read at the first point that needs it. */
  storyNeedsSaid: ReadonlyArray<string | null> | null;
  /** The groups of people by age that the message names. */
  agesNamed: readonly string[];
}

/** Whether the message names an age group (of `agesNamed`) that is none of a point's subjects. */
function namesAnotherAge(agesNamed: readonly string[], subjects: readonly string[]): boolean {
  for (const age of agesNamed) if (!subjects.includes(age)) return true;
  return false;
}

/**
 * The first subject of uncovered point `i` that the question names, or that only its story names
 * when the point allows it: its `storyNeeds` words asked, and no other age named than the point's.
 */
function subjectAsked(point: UncoveredRead, i: number, story: StoryRead): string | undefined {
  const subjects = point.subjects;
  if (subjects === undefined) return undefined;
  for (const id of subjects) {
    if (story.askedNamed.has(id)) return id;
    if (!story.storyNamed.has(id)) continue;
    if (point.hasStoryNeeds) {
      story.storyNeedsSaid ??= STORY_NEEDS.firstPhrases(story.asked);
      if (story.storyNeedsSaid[i] === null) continue;
    }
    if (POPULATIONS.has(id) && namesAnotherAge(story.agesNamed, subjects)) continue;
    return id;
  }
  return undefined;
}

/**
 * The words that asked a point by its word groups ("how long … works"), or undefined. `found` is
 * TOGETHER_ASKED's first phrase of each group in the asked words.
 */
/** Between the words of each group in a point asked by words together ("magnesium … k2 or"). */
export const TOGETHER_JOIN = ' … ';

function askedTogether(groups: readonly number[], found: ReadonlyArray<string | null>): string | undefined {
  if (groups.length === 0) return undefined;
  // A loop rather than map, every and join: no array per point of every message.
  let words = '';
  for (let k = 0; k < groups.length; k++) {
    const word = found[groups[k] as number] ?? null;
    if (word === null) return undefined;
    words = k === 0 ? word : `${words}${TOGETHER_JOIN}${word}`;
  }
  return words;
}

/** Openers before the question proper ("so", "ok quick question"): skipped to find its first word. */
const OPENERS: ReadonlySet<string> = new Set(FOCUS.openers.flatMap((o) => stemmedWords(o)));

/** Words that open a question that is not yes/no (phrases.json `questionWords`). */
const QUESTION_WORDS: ReadonlySet<string> = new Set(language().phrases.lists.questionWords.words);

/** Whether a clause asks a question of its own: it opens (after openers) with a question word or a yes/no start. */
export function opensAQuestion(clause: string): boolean {
  const words = stemmedWords(clause);
  return opensWithQuestionWord(words) || opensWithYesNo(words);
}

/** Whether a message only tells ("oh i should mention i take warfarin"): no question mark, no clause opening a question. */
export function onlyTells(normalized: string): boolean {
  return !normalized.includes('?') && clausesOpeningAQuestion(normalized).length === 0;
}

/**
 * The clauses of one sentence, split at commas, semicolons, colons, "and", "also" and "plus", that
 * each open a question of their own ("how long does mk-4 last, and is there a max dose?", "i just
 * want to know: is that a real finding?"), without their end marks.
 */
export function clausesOpeningAQuestion(sentence: string): string[] {
  return sentence
    .split(/[,;:]|\s(?:and|also|plus)\s/)
    .map((c) => c.replace(/[?!.]+/g, ' ').trim())
    .filter(opensAQuestion);
}

/** Whether a clause's first word after its openers starts a yes/no question ("is", "can", "does"). */
function opensWithYesNo(clause: readonly string[]): boolean {
  let first = 0;
  while (first < clause.length && OPENERS.has(clause[first] as string)) first++;
  return YES_NO_STARTS.matches(clause.slice(first, first + 1));
}

/** Each confirmation tag as its words read ("is that right"), and the most words one has. */
const CONFIRMATION_TAGS: ReadonlySet<string> = new Set(
  FOCUS.confirmationTags.map((t) => stemmedWords(t).join(' ')),
);
const LONGEST_TAG = Math.max(...FOCUS.confirmationTags.map((t) => stemmedWords(t).length));
/** Fewest words a statement has before its tag: "right?" or "ok?" alone confirms nothing said. */
const MIN_CONFIRMED_WORDS = 3;

/**
 * "so k2 thins blood right", "mk7 lasts longer, correct": a statement asked to be confirmed. The
 * tag is its last words exactly ("…right now?" has none).
 */
function endsWithConfirmationTag(words: readonly string[]): boolean {
  if (QUESTION_WORDS.has(words[0] as string)) return false;
  for (let n = 1; n <= LONGEST_TAG && words.length - n >= MIN_CONFIRMED_WORDS; n++) {
    if (CONFIRMATION_TAGS.has(words.slice(words.length - n).join(' '))) return true;
  }
  return false;
}

/**
 * "k2 thins your blood?? is that right", "article says k2 repairs nerves. legit?": a last sentence
 * that is only a confirmation tag asks about the sentence before it, so it is joined to that one
 * ("k2 thins your blood , is that right"); read apart, the tag was a second question of its own.
 */
export function withConfirmationJoined(normalized: string): string {
  let end = normalized.length;
  while (end > 0 && '.?! '.includes(normalized[end - 1] as string)) end--;
  let start = end;
  while (start > 0 && !'.?!'.includes(normalized[start - 1] as string)) start--;
  if (start === 0) return normalized;
  const tag = normalized.slice(start, end).trim();
  const words = stemmedWords(tag);
  if (words.length === 0 || words.length > LONGEST_TAG || !CONFIRMATION_TAGS.has(words.join(' ')))
    return normalized;
  let before = start;
  while (before > 0 && '.?! '.includes(normalized[before - 1] as string)) before--;
  if (before === 0) return normalized;
  return `${normalized.slice(0, before)} , ${tag}`;
}

function opensWithQuestionWord(clause: readonly string[]): boolean {
  let first = 0;
  while (first < clause.length && (OPENERS.has(clause[first] as string) || clause[first] === 'but')) first++;
  return QUESTION_WORDS.has(clause[first] ?? '');
}

export type YesNoLead = 'yes' | 'no' | 'not-known' | 'depends' | 'mixed';

export interface QuestionFocus {
  /** Focuses asked, most asked first. */
  focuses: FocusId[];
  yesNo: boolean;
  /** The question asks for a figure ("how many days…"). */
  figure: boolean;
  /** The words of the asking part, for picking the figure asked ("in days"). */
  words: readonly string[];
  /** Subjects the question names (MK-4, children…), and the rivals it is therefore not about. */
  subjects: { named: Set<string>; rivals: Set<string>; first: string | null };
  /** Points asked that the article never covers, with the word that asked (filtered by topic later). */
  uncovered: Array<{ point: UncoveredPoint; word: string }>;
}

/** The part of a message that asks: the question clause after a backstory, else the last question. */
export const askingPart: (normalized: string) => string = rememberLast(findAskingPart);

/** Sentences that only doubt the last answer (phrases.json `challenges`), as their words read. */
const CHALLENGES: ReadonlySet<string> = new Set(
  (language().phrases.lists.challenges.words ?? []).map((c) => stemmedWords(c).join(' ')),
);
/** A sentence that only doubts the last answer ("are you sure?", "really??"), with openers allowed. */
function isChallenge(sentence: string): boolean {
  return CHALLENGES.has(
    stemmedWords(sentence)
      .filter((w) => !OPENERS.has(w))
      .join(' '),
  );
}

/** Someone disagreeing with the last answer (phrases.json `disagreement`). */
const DISAGREEMENT = phraseRegex(language().phrases.lists.disagreement);

/**
 * "are you sure?", "my cardiologist says that's nonsense tho": a message that only doubts the last
 * answer. Read with it, it asks what the evidence for that answer is.
 */
export function doubtsLastAnswer(normalized: string): boolean {
  const text = normalized.replace(/'/g, '');
  return isChallenge(text) || DISAGREEMENT.test(text);
}

/**
 * The statement after a doubt of the last answer ("are you sure? my aunt said it reverses
 * osteoporosis" → "my aunt said it reverses osteoporosis"), or null when the message opens with no
 * doubt or says nothing after it.
 */
export function claimAfterChallenge(normalized: string): string | null {
  const sentences = normalized.split(SENTENCE_END).filter((s) => /[\p{L}\p{N}]/u.test(s));
  if (sentences.length < 2 || !isChallenge(sentences[0] as string)) return null;
  return sentences.slice(1).join(' ').trim();
}

/** A sentence shorter than this is no question of its own. */
export const MIN_ASKING_WORDS = 3;

function findAskingPart(normalized: string): string {
  const clause = questionClause(normalized);
  if (clause && !clause.pointsBack) return clause.clause;
  const sentences = normalized.split(SENTENCE_END).filter((s) => /[\p{L}\p{N}]/u.test(s));
  const marked = sentences.filter((s) => s.includes('?'));
  // "…a claim that vitamin K2 'repairs myelin'. I'd like to know what it is supposed to do": a
  // letter without a question mark asks its embedded question, about what the sentence before names.
  if (clause?.embedded && marked.length === 0) {
    const at = sentences.findIndex((s) => s.includes(clause.clause));
    if (at > 0) return `${sentences[at - 1]} ${clause.clause}`;
  }
  // "…for bones? weeks? months? years??": a word or two with a "?" after a question only narrows it
  // ("any truth?" after a story is the question).
  const whole = marked.filter((s) => s.split(/\s+/).length >= MIN_ASKING_WORDS);
  const asked = whole.length > 0 ? whole : marked;
  if (asked.length === 0 || sentences.length < 2) return normalized;
  const last = asked[asked.length - 1] as string;
  // "read somewhere mk4 needs 15000 mcg a day. legit?": a verdict of a word or two asks about the
  // sentence before it, which says what is to be judged.
  const at = sentences.lastIndexOf(last);
  // "are you sure? my sister says it doesnt prevent fractures": a doubt asks about the claim after it.
  const after = sentences.slice(at + 1);
  if (after.length > 0 && isChallenge(last)) return [last, ...after].join(' ');
  return whole.length === 0 && at > 0 ? `${sentences[at - 1]} ${last}` : last;
}

/**
 * The last message read: the steps of one answer (compose, the uncovered point, the conversation
 * context) read the same message's focus, and work it out once. Callers never change what they get.
 */
let lastRead: { normalized: string; focus: QuestionFocus } | null = null;

/** Reads the focus of a normalised message. */
export function readFocus(normalized: string): QuestionFocus {
  if (lastRead?.normalized === normalized) return lastRead.focus;
  const focus = workOutFocus(normalized);
  lastRead = { normalized, focus };
  return focus;
}

/** Words a stated question needs before its "?": a verb that says something of its subject (phrases.json `statedQuestionVerbs`). */
const STATED_VERBS: ReadonlySet<string> = new Set(language().phrases.lists.statedQuestionVerbs.words);
/** At least this many words make a statement asked as a question ("natto?" is a topic, not a claim). */
const MIN_STATED_WORDS = 3;

/**
 * "mk7 needs fat to absorb??": a statement with a question mark asks whether it is so, as
 * "does mk7 need fat…?" does, when it opens with no question word and says something with a verb.
 */
function statedAsQuestion(part: string, lastClause: readonly string[]): boolean {
  const marked = part.trimEnd().endsWith('?');
  if (!marked || lastClause.length < MIN_STATED_WORDS || opensWithQuestionWord(lastClause)) return false;
  return lastClause.some((w) => STATED_VERBS.has(w));
}

/** A food word (gate.json `foods`) at the start of a text. */
const FOOD_FIRST = new RegExp(`^${phraseSource(language().gate.wordings.foods)}\\b`);

/**
 * "how much k2 in a boiled egg?": the word that would ask the point stands right before a food name,
 * and the question asks an amount: it names which food, not whether cooking changes it.
 */
function asksAmountOfDescribedFood(word: string, part: string, focuses: readonly FocusId[]): boolean {
  if (!focuses.includes('amount')) return false;
  const at = ` ${part} `.indexOf(` ${word} `);
  return at >= 0 && FOOD_FIRST.test(part.slice(at + word.length + 1));
}

/** The point a question word asks when it is the whole message (focus.json `soleWords`). */
const SOLE_WORDS: ReadonlyMap<string, FocusId> = new Map(FOCUS.soleWords.map((s) => [s.word, s.focus]));

/** "how?", "ok but when?": the point its one question word asks, or undefined. */
function soleWordFocus(words: readonly string[]): FocusId | undefined {
  const own = words.filter((w) => !OPENERS.has(w));
  return own.length === 1 ? SOLE_WORDS.get(own[0] as string) : undefined;
}

function workOutFocus(normalized: string): QuestionFocus {
  const asking = askingPart(normalized);
  const part = withoutMomentsAndToldHabits(asking);
  const words = stemmedWords(part);
  // "baby aspirin", "when i was a kid": words that name no one asked about ask no population either.
  const askedCounts = ASKED.counts(withoutPastSelf(words));
  let counted = FOCUS.focuses
    .map((f, i) => ({ id: f.id, n: askedCounts[i] as number }))
    .filter((f) => f.n > 0);
  counted.sort((a, b) => b.n - a.n);
  if (counted.length === 0) {
    const sole = soleWordFocus(words);
    if (sole) counted = [{ id: sole, n: 1 }];
  }
  // "Is 1000 mcg too much?": an amount the message states is what another point is asked of, not
  // an amount asked; with no other word asking one, the other point is the question.
  // "Even at like 500 mcg a day?": a stated amount with nothing else but filler asks no amount
  // either; a follow-up asks the point before at that amount.
  if (counted.some((f) => f.id === 'amount')) {
    const amountLeft = ASKED.counts(withoutStatedAmounts(words))[AMOUNT] as number;
    if (amountLeft === 0 && (counted.length > 1 || namesNothingButAnAmount(words)))
      counted = counted.filter((f) => f.id !== 'amount');
  }
  // "What's the best form of k2 for bones?" asks to choose between forms, not what a form is.
  if (counted.some((f) => f.id === 'definition') && asksToChoose(words))
    counted = counted.filter((f) => f.id !== 'definition');
  // The question proper starts after openers ("so", "ok quick question"), or after a condition
  // or an aside set off by a comma ("if im healthy, will extra k2 …").
  const clauses = mapPacked(part.split(/[,;:]/), (c) => stemmedWords(c));
  const yesNo =
    opensWithYesNo(words) ||
    opensWithYesNo(clauses[clauses.length - 1] ?? []) ||
    (part.includes('?') && endsWithConfirmationTag(stemmedWords(part.slice(0, part.lastIndexOf('?'))))) ||
    statedAsQuestion(part, clauses[clauses.length - 1] ?? []);
  // Points the article does not cover count only in the question itself, not in an aside before
  // it ("i get leg cramps at night, unrelated, but does k2 help arteries?").
  let asks = clauses.length - 1;
  while (
    asks > 0 &&
    !opensWithYesNo(clauses[asks] as string[]) &&
    !opensWithQuestionWord(clauses[asks] as string[])
  )
    asks--;
  // A question that points back asks about what the clause before it names when it is short
  // ("k2 vs strontium for bones, which one's better?") or compares (a comparison needs both
  // things: "my doc offered fosamax, is k2 as good as that?"); a longer one names its own subject
  // ("i have ibs, does sauerkraut have k2 in it?").
  const question = clauses[asks] as string[];
  if (
    asks > 0 &&
    (choosesAmongBefore(question) ||
      (question.some((w) => POINTERS.has(w)) &&
        (isShortQuestion(question) ||
          (ASKED.counts(question)[COMPARISON] as number) > 0 ||
          pointerIsTheSubject(question) ||
          COMPANION_POINTERS.matches(question))))
  )
    asks--;
  const pointedAt = asks > 0 ? [] : sentencePointedAt(normalized, asking, question);
  const asked = asks > 0 ? clauses.slice(asks).flat() : [...pointedAt, ...words];
  // "…she says I should take it with a meal. Which of us is right?": a question of who is right
  // (phrases.json whoIsRight) that asks no point of its own asks the point of the sentence before.
  if (counted.length === 0 && pointedAt.length > 0 && WHO_IS_RIGHT.matches(words)) {
    const pointedCounts = ASKED.counts(withoutStatedAmounts(withoutPastSelf(pointedAt)));
    counted = FOCUS.focuses
      .map((f, i) => ({ id: f.id, n: pointedCounts[i] as number }))
      .filter((f) => f.n > 0)
      .sort((a, b) => b.n - a.n);
  }
  const focuses = mapPacked(counted, (f) => f.id);
  const subjects = askedSubjects(withoutPastSelf(part === normalized ? words : stemmedWords(normalized)));
  // A subject named only in the story ("after his valve surgery… does he have to cut these foods
  // out?") makes a point with `storyNeeds` asked only when the question says one of those words
  // ("having hip surgery in 3 weeks, should i stop my mk7 beforehand?").
  const askedOfSomeone = withoutPastSelf(asked);
  const story: StoryRead = {
    normalized,
    subjectPhrases: null,
    askedNamed: askedSubjects(askedOfSomeone).named,
    storyNamed: subjects.named,
    asked,
    storyNeedsSaid: null,
    // Who the question is about, when the story also names other ages than a point's ("I'm 70…
    // my daughter bought me MK-7… what dose?"), is not known from the story: only the question says it.
    agesNamed: [...subjects.named].filter((id) => POPULATIONS.has(id)),
  };
  const uncovered: QuestionFocus['uncovered'] = [];
  const askedUncovered = UNCOVERED_ASKED.firstPhrases(askedOfSomeone);
  let foundTogether: ReadonlyArray<string | null> | undefined;
  // Plain loops and helpers with arguments, no closure per point: a closure made in this loop,
  // run for all 69 points of every message, was the largest allocation of an answer.
  for (let i = 0; i < UNCOVERED_POINTS.length; i++) {
    const point = UNCOVERED_POINTS[i] as UncoveredRead;
    if (point.focus && !focuses.includes(point.focus)) continue;
    if (includesAny(point.unlessFocus, focuses)) continue;
    if (point.unlessSaid?.test(part)) continue;
    const groups = point.groups;
    if (askedUncovered[i] === null && groups.length > 0)
      foundTogether ??= TOGETHER_ASKED.firstPhrases(askedOfSomeone);
    const word =
      askedUncovered[i] ??
      (groups.length > 0 ? askedTogether(groups, foundTogether ?? []) : undefined) ??
      point.stopAsked?.exec(part)?.[0] ??
      subjectWord(subjectAsked(point, i, story), story);
    if (word && !(point.describesFood.has(word) && asksAmountOfDescribedFood(word, part, focuses)))
      uncovered.push({ point: point.point, word });
  }
  // "Varicose veins run in my family, will k2 help keep mine away?": asked only whether it helps,
  // the question is about the condition its story names.
  // A longer question says what it is about itself.
  // Not when the message sets its story aside ("i get leg cramps at night, unrelated, but does k2
  // help arteries?").
  if (
    uncovered.length === 0 &&
    asked.length <= SHORT_HELP_QUESTION_WORDS &&
    asksOnlyWhetherItHelps(asked) &&
    !SETS_STORY_ASIDE.test(normalized)
  ) {
    const told = UNCOVERED_ASKED.firstPhrases(withoutPastSelf(stemmedWords(normalized)));
    for (let i = 0; i < UNCOVERED_POINTS.length; i++) {
      const point = UNCOVERED_POINTS[i] as UncoveredRead;
      const word = told[i];
      if (word && point.inStory) uncovered.push({ point: point.point, word });
    }
  }
  return {
    focuses,
    yesNo,
    figure: (!yesNo && FIGURE_ASKED.matches(words)) || FIGURE_VERDICTS.matches(words),
    words,
    subjects,
    uncovered,
  };
}

/**
 * "so breakfast or dinner, which is better?", "Of Gouda, mature cheddar and parmesan, which has the
 * most K2?": a "which" that is short or has no noun of its own ("which foods have…" has one)
 * chooses among what the clause or sentence before it names.
 */
function choosesAmongBefore(question: readonly string[]): boolean {
  return question[0] === 'which' && (isShortQuestion(question) || STOP_WORDS.has(question[1] ?? ''));
}

/** A question sentence this short that points back has no subject of its own ("is that worse?"). */
const SHORT_POINTING_SENTENCE_WORDS = 6;
/** Words that open a reason ("…because bodybuilders use it"): what follows is why, not what. */
const REASON_OPENERS: ReadonlySet<string> = new Set(language().phrases.lists.reasonOpeners.words);

/** Where a sentence of a normalised message ends. */
const SENTENCE_END = /(?<=[.!?])\s+/;

/** The sentence right before the asking part of a message, or "" when the message is all question. */
export function sentenceBefore(normalized: string, asking: string): string {
  return sentencesBefore(normalized, asking)[0] ?? '';
}

/**
 * The whole sentence of a message the asking part stands in: "do curd and kefir give any k2, or is
 * that only cheese?" asks on after the comma that ends its asking part.
 */
export function sentenceOf(normalized: string, asking: string): string {
  return normalized.split(SENTENCE_END).find((s) => s.includes(asking)) ?? asking;
}

/**
 * "my k2 says 'from fermented chickpeas' instead of natto. is that worse or just different?": a
 * short question sentence that points back asks about what the sentence before it names, as a
 * clause does after a comma; the reason that sentence gives is not what it names. A pointer at what
 * K2 goes with points back whatever the question's length ("…how much k2 should i take alongside it?").
 */
function sentencePointedAt(
  normalized: string,
  asking: string,
  question: readonly string[],
): readonly string[] {
  const points =
    question.some((w) => POINTERS.has(w)) || choosesAmongBefore(question) || WHO_IS_RIGHT.matches(question);
  const short = question.length <= SHORT_POINTING_SENTENCE_WORDS;
  if (!points || !(short || COMPANION_POINTERS.matches(question))) return [];
  const before = sentenceBefore(normalized, asking);
  if (before === '') return [];
  const words = stemmedWords(before);
  const reason = words.findIndex((w) => REASON_OPENERS.has(w));
  return reason === -1 ? words : words.slice(0, reason);
}

const CHOICE = new PhraseSet(language().phrases.lists.choiceAfterWhat.words ?? []);
/** "Which of us is right?", "who's correct": a verdict on the claims told before the question. */
const WHO_IS_RIGHT = new PhraseSet(language().phrases.lists.whoIsRight.words ?? []);

/** Whether a question asks who is right about the claims told before it ("who's closer to the truth?"). */
export function asksWhoIsRight(question: string): boolean {
  return WHO_IS_RIGHT.matches(stemmedWords(question));
}

/** The sentences before the asking part, the nearest first: where the claims it asks about were told. */
export function sentencesBefore(normalized: string, asking: string): string[] {
  const at = normalized.lastIndexOf(asking);
  if (asking === normalized || at <= 0) return [];
  return normalized
    .slice(0, at)
    .split(SENTENCE_END)
    .filter((s) => /[\p{L}\p{N}]/u.test(s))
    .reverse();
}
/** How far after "what" a choice word makes the question one of choosing. */
const CHOICE_WITHIN = 3;

/** "What's the best…", "what is the right one": a choice word within a few words of "what". */
function asksToChoose(words: readonly string[]): boolean {
  for (let i = 0; i < words.length; i++) {
    if (words[i] !== 'what' && words[i] !== 'whats') continue;
    if (CHOICE.matches(words.slice(i + 1, i + 1 + CHOICE_WITHIN))) return true;
  }
  return false;
}

const HABITS = phraseRegex({ words: FOCUS.habits }, 'g');
/** A comma before a yes/no question (", is that…", ", should i…"): what comes before it is told. */
const YES_NO_QUESTION_AFTER_COMMA = new RegExp(`,(?= (?:${FOCUS.yesNoStarts.join('|')})\\b)`);
const MOMENTS = phraseRegex({ words: FOCUS.moments }, 'g');

/**
 * The text without the moments it names ("this morning") and the habits its statements tell ("i
 * eat like 30g of jarlsberg every morning. is that enough k2"): a sentence that ends in a full stop
 * or a dash and comes before another says what the asker does; the question's own "every morning
 * or every night?" stays.
 */
function withoutMomentsAndToldHabits(text: string): string {
  const withoutMoments = text.replace(MOMENTS, ' ');
  // A dash between spaces ends what is told too ("kefir every morning - any k2 in there?").
  const sentences = withoutMoments.split(' - ').flatMap((part) => part.split(/(?<=[.!])\s+/));
  // "taking d3 + mk7 every morning, is that combo any good?", "i take d3 every morning, should i add
  // k2?": the clause before a yes/no question after a comma tells too.
  const last = sentences.pop() ?? '';
  const question = YES_NO_QUESTION_AFTER_COMMA.exec(last);
  if (question) sentences.push(last.slice(0, question.index + 1), last.slice(question.index + 1));
  else sentences.push(last);
  if (sentences.length < 2) return withoutMoments;
  return sentences.map((s, i) => (i < sentences.length - 1 ? s.replace(HABITS, ' ') : s)).join(' ');
}

/**
 * The asker's own past and the figures of speech that name no one asked about, as words, by
 * first word (list order kept within each).
 */
const PAST_SELF_BY_FIRST: ReadonlyMap<string, ReadonlyArray<readonly string[]>> = (() => {
  const map = new Map<string, Array<readonly string[]>>();
  for (const words of [...FOCUS.pastSelf, ...FOCUS.noOneAsked].map((phrase) => stemmedWords(phrase))) {
    const list = map.get(words[0] as string) ?? [];
    list.push(words);
    map.set(words[0] as string, list);
  }
  return map;
})();

const SPEECH_VERBS: ReadonlySet<string> = new Set(FOCUS.claimSpeakers.verbs.flatMap((v) => stemmedWords(v)));
const SPEAKER_OPENERS: ReadonlySet<string> = new Set(FOCUS.claimSpeakers.openers);
const ABOUT_THEMSELVES: ReadonlySet<string> = new Set(FOCUS.claimSpeakers.aboutThemselves);
const SPEAKER_BREAKS: ReadonlySet<string> = new Set(FOCUS.claimSpeakers.breaks);
const SPEAKER_CLAUSE_OPENERS: ReadonlySet<string> = new Set(
  FOCUS.claimSpeakers.clauseOpeners.flatMap((w) => stemmedWords(w)),
);
/** Words between a speaker's opener and the speech verb: "a guy on reddit said". */
const SPEAKER_WORDS = 6;
/** …or with a clause about the speaker: "my daughter who is into wellness stuff is horrified and says". */
const SPEAKER_WITH_CLAUSE_WORDS = 10;

/** How many words from `i` make a speaker of a claim ("a guy on reddit said"), or 0. */
function speakerAt(words: readonly string[], i: number): number {
  if (!SPEAKER_OPENERS.has(words[i] as string)) return 0;
  let limit = SPEAKER_WORDS;
  for (let k = i + 1; k < words.length && k <= i + limit + 1; k++) {
    const w = words[k] as string;
    if (SPEAKER_CLAUSE_OPENERS.has(w)) limit = SPEAKER_WITH_CLAUSE_WORDS;
    else if (limit === SPEAKER_WORDS && SPEAKER_BREAKS.has(w)) return 0;
    if (!SPEECH_VERBS.has(w)) continue;
    if (k === i + 1 || ABOUT_THEMSELVES.has(words[k + 1] as string)) return 0;
    return k - i + 1;
  }
  return 0;
}

/**
 * The words without the asker's own past ("had eczema since i was a kid"), figures of speech
 * ("explain it like im 5") and the speakers of claims ("a guy on reddit said"): no one they name
 * is asked about.
 */
function withoutPastSelf(words: readonly string[]): string[] {
  const out: string[] = [];
  for (let i = 0; i < words.length; i++) {
    const past = firstPhraseAt(words, i, PAST_SELF_BY_FIRST.get(words[i] as string));
    const skip = past ? past.length : speakerAt(words, i);
    if (skip > 0) i += skip - 1;
    else out.push(words[i] as string);
  }
  return out;
}

/**
 * The subjects a question names and their rivals that it does not name: "the half-life of MK-4"
 * names mk4, so facts about MK-7 alone are not about it.
 */
export function askedSubjects(words: readonly string[]): QuestionFocus['subjects'] {
  const ages = agesIn(words);
  const namedAt = SUBJECTS_ASKED.firstPlaces(words);
  // Plain loops over the subjects, no closure or array per subject: this runs about twice for
  // every message.
  const named = new Set<string>();
  for (let i = 0; i < SUBJECTS.length; i++) {
    const s = SUBJECTS[i] as Subject;
    if ((namedAt[i] as number) >= 0 || ofAge(s.ages, ages)) named.add(s.id);
  }
  const rivals = new Set<string>();
  for (const s of SUBJECTS) {
    if (!named.has(s.id)) continue;
    for (const r of s.rivals) if (!named.has(r)) rivals.add(r);
  }
  // The subject named first is what the question is about ("does mk7 last longer than mk4?").
  let first: string | null = null;
  let firstAt = Number.POSITIVE_INFINITY;
  for (let i = 0; i < SUBJECTS.length; i++) {
    const s = SUBJECTS[i] as Subject;
    const at = named.has(s.id) ? (namedAt[i] as number) : -1;
    if (at >= 0 && at < firstAt) {
      first = s.id;
      firstAt = at;
    }
  }
  return { named, rivals, first };
}

/** The subjects that are groups of people by age (focus.json `subjects` with `ages`): who is asked about. */
const POPULATIONS: ReadonlySet<string> = new Set(SUBJECTS.filter((s) => s.ages).map((s) => s.id));
/** The words naming the groups of people by age, for removal ("and for kids" → "and for"). */
const POPULATION_WORDS = phraseRegex(
  { words: FOCUS.subjects.filter((s) => s.ages).flatMap((s) => s.asked) },
  'g',
);
/** The text without the words naming groups of people by age ("and for men?" → "and for?"). */
export function withoutPopulations(normalized: string): string {
  return normalized.replace(/'/g, '').replace(POPULATION_WORDS, ' ').replace(/\s+/g, ' ').trim();
}

/** Groups without ages (pregnancy), each with its words and the age groups that replace it. */
const REPLACEABLE_GROUPS = FOCUS.subjects
  .filter((s) => s.replacedBy)
  .map((s) => ({ words: phraseRegex({ words: s.asked }, 'g'), by: new Set(s.replacedBy) }));

/** The groups of people a message names by age, by their words or an age ("my dad is 74"). */
function populationsNamed(normalized: string): string[] {
  const { named } = askedSubjects(stemmedWords(normalized));
  return [...named].filter((id) => POPULATIONS.has(id));
}

/** Whether a message names a group of people by age ("and for men?", "my husband is 65"). */
export function namesPopulation(normalized: string): boolean {
  return populationsNamed(normalized).length > 0;
}

/**
 * A previous text without the groups of people a follow-up names others instead of: every group
 * by age, and a group such as pregnancy when one of those it lists is named ("and my husband? hes
 * 40"). The text is unchanged when the follow-up names no group.
 */
export function withoutGroupsReplaced(normalized: string, previous: string): string {
  const named = populationsNamed(normalized);
  if (named.length === 0) return previous;
  let text = previous.replace(/'/g, '').replace(POPULATION_WORDS, ' ');
  for (const group of REPLACEABLE_GROUPS)
    if (named.some((id) => group.by.has(id))) text = text.replace(group.words, ' ');
  return text.replace(/\s+/g, ' ').trim();
}

/** The words that put a fact on each subject, in one pass: subject i is `SUBJECTS[i]`. */
const SUBJECTS_IN_FACT = new PhraseLists(FOCUS.subjects.map((subject) => subject.facts));
/** The words that let a fact answer each focus, in one pass: focus i is `FOCUS.focuses[i]`. */
const FOCUSES_IN_FACT = new PhraseLists(FOCUS.focuses.map((f) => f.facts));

/** The subjects a fact is about, from its own words. */
export function factSubjects(text: string): Set<string> {
  const at = SUBJECTS_IN_FACT.firstPlaces(stemmedWords(text));
  return new Set(SUBJECTS.filter((_, i) => (at[i] as number) >= 0).map((s) => s.id));
}

/** The focuses a fact can answer, from its own words. */
export function factFocuses(text: string): Set<FocusId> {
  const at = FOCUSES_IN_FACT.firstPlaces(stemmedWords(text));
  return new Set(FOCUS.focuses.filter((_, i) => (at[i] as number) >= 0).map((f) => f.id));
}

const VITAMIN_NAMES = new PhraseSet(FOCUS.vitaminNames);
/**
 * The vitamin itself, as a follow-up's reading names it when what is asked is the vitamin's own
 * ("is it safe?" asked of K2) or a food has nothing else to be asked about: focus.json
 * `vitaminNames`, the first.
 */
export const THE_VITAMIN: string = FOCUS.vitaminNames[0] as string;

/** Whether a fact names vitamin K itself, not only what it may act on ("neuropathy causes tingling"). */
export function namesVitamin(text: string): boolean {
  return VITAMIN_NAMES.matches(stemmedWords(text));
}

/** "not-known" or "depends" when a fact's words say the evidence is missing or mixed. */
export function hedgeOf(text: string): YesNoLead | null {
  const words = stemmedWords(text);
  if (NOT_KNOWN.matches(words)) return 'not-known';
  if (DEPENDS.matches(words)) return 'depends';
  return null;
}

/** The facts a reply carries for each kind of anticoagulant named. */
/** Points that are the vitamin's own, and the topic that answers each (focus.json `vitaminOwnPoints`). */
export const VITAMIN_OWN_POINTS: ReadonlyMap<FocusId, string> = new Map(
  FOCUS.vitaminOwnPoints.map((point) => [point.focus, point.topic]),
);
/** Vitamin's own points that decide also beside other points asked (focus.json `besideOtherPoints`). */
export const OWN_POINTS_BESIDE_OTHERS: ReadonlySet<FocusId> = new Set(
  FOCUS.vitaminOwnPoints.filter((point) => point.besideOtherPoints).map((point) => point.focus),
);

export const ANTICOAGULANT_FACTS = FOCUS.anticoagulantFacts;
