import { language } from '../kb/language.ts';
import { ANTICOAGULANT } from './anticoagulants.ts';
import { alternation, anyOf, phraseRegex, phraseSource } from './phrasePattern.ts';
import { wordPattern } from './wordPattern.ts';

/**
 * What the rules of the emergency gate share: who a message is about, counts of pills, a
 * proximity helper, and whether a symptom is happening (reported) or only asked about.
 */

export type UrgentKind =
  | 'bleeding'
  | 'clot'
  | 'overdose'
  | 'chest-pain'
  | 'racing-heart'
  | 'stroke'
  | 'allergy'
  | 'self-harm'
  | 'baby-bleeding'
  | 'blood-pressure'
  | 'collapse'
  | 'head-injury'
  | 'low-blood-sugar'
  | 'pet';

/** One rule of the gate: a kind of emergency and a test on normalised text without apostrophes. */
export interface GateRule {
  kind: UrgentKind;
  test: (t: string) => boolean;
}

export { ANTICOAGULANT };

/** The named word lists and wordings of knowledge/lexicon/gate.json. */
const words = language().gate;
export const wordings = words.wordings;

/**
 * A regular expression for `a` followed within `gap` characters of the same sentence by `b`:
 * `near(BLEEDING, ANTICOAGULANT, 40)`. Both are alternations of words; the gap never crosses
 * ".", "?" or "!".
 */
export function near(a: RegExp | string, b: RegExp | string, gap: number): RegExp {
  const src = (x: RegExp | string) => (typeof x === 'string' ? x : x.source);
  return new RegExp(`${src(a)}[^.?!]{0,${gap}}${src(b)}`);
}

/** Someone the message is about: a pronoun or a family member (lexicon/gate.json `person`). */
export const PERSON = wordPattern(words.person);

/** A child, by word (lexicon/gate.json `child`) or by age ("3 year old", "2-year-old", "18 months old", "2yo"). */
export const CHILD = new RegExp(
  `\\b(${words.child.join('|')}|(${alternation(wordings.childAges)})[ -]?(year|yr|month|mo|week|wk)s?[ -]?old|\\d+ ?yo)\\b`,
);

/** What pills are called or come in (lexicon/gate.json `pills`), as a group for larger patterns. */
export const PILLS = `(${words.pills.join('|')})`;
/** A count of ten or more; a number followed by a unit ("100 mcg", "10 am") is a dose or a time, not a count. */
export const MANY = anyOf(wordings.many);
/** Words between a count and "pills" that make it an amount instead ("10 000 iu vitamin d"). */
export const NOT_UNIT = '(?!(\\d+|mcg|mg|ug|iu|micrograms?|milligrams?|grams?|g|units?)\\b)';
/**
 * Hedges between "took" and a count ("took about 40", "took like maybe 25", "took all of the 30").
 * The group repeats, so no hedge may be spelled by others ("all the" is "all" + "the"): a run of
 * hedges must have one reading only, or a message of repeated hedges backtracks exponentially.
 */
export const ABOUT = `(${anyOf(wordings.hedges)} )*`;

/** Every anticoagulant the text names, each in turn. */
const EVERY_ANTICOAGULANT = new RegExp(ANTICOAGULANT.source, 'g');
/** Right before a name: "what does", "what is", "define" (gate.json `wordAskedBefore`), a quote mark allowed. */
const WORD_ASKED_BEFORE = new RegExp(`${phraseSource(wordings.wordAskedBefore)} ?['"]?$`);
/** "…put me on it", "im on it": the medicine asked about is taken after all (gate.json `askedWordTaken`). */
const ASKED_WORD_TAKEN = phraseRegex(wordings.askedWordTaken);
/** Right after it: "mean", "stand for" (gate.json `wordAskedAfter`) or the end of its clause. */
const WORD_ASKED_AFTER = new RegExp(`^['"]? ?(${phraseSource(wordings.wordAskedAfter)}|[.,;:?!]|$)`);

/**
 * Whether the text names an anticoagulant as something taken, not only as a word asked about:
 * "what does 'anticoagulant' even mean, it keeps coming up" is a reader's question about a word,
 * and its "it keeps coming" no bleed on a blood thinner.
 */
export function namesAnticoagulantTaken(t: string): boolean {
  // "what is warfarin? the doctor put me on it and my nose keeps bleeding": asked and taken.
  if (ASKED_WORD_TAKEN.test(t)) return ANTICOAGULANT.test(t);
  for (const m of t.matchAll(EVERY_ANTICOAGULANT)) {
    const before = t.slice(Math.max(0, m.index - 40), m.index);
    const after = t.slice(m.index + m[0].length);
    if (!(WORD_ASKED_BEFORE.test(before) && WORD_ASKED_AFTER.test(after))) return true;
  }
  return false;
}

export const has = (re: RegExp) => (t: string) => re.test(t);
/** Like `has`, but not when the symptom is only asked about ("does k2 cause swelling?"). */
export const active = (re: RegExp) => (t: string) => activeSymptom(t, re);

/** Words right before the symptom that say it is not happening ("not anaphylaxis, just hives"). */
const DENIED_BEFORE = new RegExp(`\\b(${phraseSource(wordings.deniedBefore)})\\s+$`);
/** The symptom is only asked about ("can k2 cause X?"), not happening. */
const HYPOTHETICAL = phraseRegex(wordings.hypothetical);
/**
 * …or named as a kind of thing after the fact ("is sudden weakness a side effect of k2"), or
 * asked about as a subject ("rectal bleeding causes?": an information question, not a report).
 */
const HYPOTHETICAL_AFTER =
  /^\W*(causes?|reasons?)\W*$|^[^.?!]{0,25}\b((a |an )?(side effects?|symptoms? of|signs? of|normal|prevention)|once|last (year|month)|years ago|months ago|in the past|previously|a while ago|long ago)\b/;

/** A time in the past that opens the story of a symptom ("last year…", "back in 2019…"). */
const PAST_DATE = phraseRegex(wordings.pastDate);
/** The same right after the symptom is named ("had rectal bleeding in 2019, is k2 safe now"). */
const PAST_AFTER = new RegExp(`^[^.?!]{0,12}${phraseSource(wordings.pastDate)}`);
/** Words that bring the story back to now ("…and now it is bleeding again", "my nose is bleeding"). */
const NOW = phraseRegex(wordings.backToNow);
/**
 * Whether a sentence is dated in the past and nothing after the date brings it back to now ("last
 * month my 2yo got into my gummies, poison control said she'd be fine"): a story, not an event.
 */
export function toldAsPast(sentence: string): boolean {
  const date = PAST_DATE.exec(sentence);
  return date !== null && !NOW.test(sentence.slice(date.index + date[0].length));
}

/**
 * True when the symptom's sentence dates it in the past after naming it, and no word anywhere in
 * that sentence is of now: "my grandad bled loads after a tooth was pulled back in 2019, he was on
 * warfarin" is history; "my nose is bleeding like back in 2019" is not.
 */
function datedLaterInSentence(t: string, start: number, end: number): boolean {
  const [from, to] = sentenceBounds(t, start, end);
  return PAST_DATE.test(t.slice(end, to)) && !NOW.test(t.slice(from, to));
}

/** How far past the symptom the sentence may still bring it back to now. */
const NOW_AFTER_CHARS = 40;

/** Where the sentence around `start`..`end` begins and ends ("." "?" "!" close a sentence). */
function sentenceBounds(t: string, start: number, end: number): [number, number] {
  let from = start;
  while (from > 0 && !'.?!'.includes(t[from - 1] as string)) from--;
  let to = end;
  while (to < t.length && !'.?!'.includes(t[to] as string)) to++;
  return [from, to];
}

/** The sentence around a match: a stated cause or a habit counts only there. */
export function sentenceAround(t: string, start: number, end: number): string {
  return t.slice(...sentenceBounds(t, start, end));
}

/**
 * True when the symptom's sentence dates it in the past before naming it, and nothing in that
 * sentence after the date brings it back to now: "last year on warfarin I had one awful nosebleed
 * that took 40 minutes to stop" is history told before a question, not an event.
 */
function datedEarlierInSentence(t: string, start: number, end: number): boolean {
  const [from, to] = sentenceBounds(t, start, end);
  // A reading without punctuation runs on into the next sentences: only the words near the
  // symptom are its sentence there.
  return (
    PAST_DATE.test(t.slice(from, start)) && toldAsPast(t.slice(from, Math.min(to, end + NOW_AFTER_CHARS)))
  );
}

/**
 * Words that say a symptom is going on (lexicon/gate.json `ongoing`, and "for two days"): they
 * count only in the symptom's own clause.
 */
const TIME_WORDS = new RegExp(
  `\\b(${words.ongoing.join('|')}|for (\\d+ |two |three |four |five |several |a few |a couple (of )?|many )?(hours|days))\\b`,
);

const CLAUSE_END = ',.;?!';

/** A later clause that says the asker has the symptom: "…? i have had it since monday". */
const HAVING_IT = /\b(had|have|having|got|noticed|seeing|seen)\b[^.?!]{0,15}\b(it|this|that|them)\b/;

/**
 * True when a time word qualifies the symptom matched at `start`..`end`: it sits in the
 * symptom's own clause, or in a later clause that says the asker has it. A time word elsewhere
 * qualifies something else ("can k2 cause rectal bleeding, i want to start it now").
 */
function ongoingSymptom(t: string, start: number, end: number): boolean {
  let from = start;
  while (from > 0 && !CLAUSE_END.includes(t[from - 1] as string)) from--;
  let to = end;
  while (to < t.length && !CLAUSE_END.includes(t[to] as string)) to++;
  if (TIME_WORDS.test(t.slice(from, to))) return true;
  return t
    .slice(to)
    .split(/[,.;?!]/)
    .some((clause) => TIME_WORDS.test(clause) && HAVING_IT.test(clause));
}

/**
 * True when a symptom is reported, not only asked about: someone has it ("my", "his"), a time
 * word in its clause says it is going on ("since", "right now", "for two days"), or nothing
 * around it makes it a question about the symptom in general ("can k2 cause X?").
 */
export function activeSymptom(t: string, symptom: RegExp): boolean {
  const m = symptom.exec(t);
  if (!m) return false;
  // Only the sign's own sentence: "ok will ask. she just threw up…" is told, whatever the sentence
  // before it plans or supposes.
  const window = t.slice(Math.max(0, m.index - 45), m.index);
  const before = window.slice(
    Math.max(window.lastIndexOf('.'), window.lastIndexOf('?'), window.lastIndexOf('!')) + 1,
  );
  // "not anaphylaxis, just hives": read on past the denied mention, the same length kept so that
  // the sentence bounds of a later mention stay where they were.
  if (DENIED_BEFORE.test(before)) {
    return activeSymptom(
      t.slice(0, m.index) + ' '.repeat(m[0].length) + t.slice(m.index + m[0].length),
      symptom,
    );
  }
  const ongoing = ongoingSymptom(t, m.index, m.index + m[0].length);
  const after = t.slice(m.index + m[0].length);
  // Dated in the past ("had rectal bleeding in 2019, is k2 safe now"): history, not an event.
  if (PAST_AFTER.test(after)) return false;
  if (!ongoing && datedEarlierInSentence(t, m.index, m.index + m[0].length)) return false;
  if (!ongoing && datedLaterInSentence(t, m.index, m.index + m[0].length)) return false;
  // "is it bad that my poop is black?" is a question about someone's own symptom.
  const owned =
    /\b(my|his|her|our|their)\s+(\S+\s*)?$/.test(before) || /^(my|his|her|our|their)\b/.test(m[0]);
  return ongoing || owned || (!HYPOTHETICAL.test(before) && !HYPOTHETICAL_AFTER.test(after));
}
