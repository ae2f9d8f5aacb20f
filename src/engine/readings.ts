import { language } from '../kb/language.ts';
import { foodsNamed, OTHER_NUTRIENT_WITH_K2, OUT_OF_SCOPE_RULES } from './lexicon.ts';
import { mapPacked } from './packedArray.ts';
import { alternation, anyOf, phraseRegex, unionOf } from './phrasePattern.ts';
import { rememberLast } from './rememberLast.ts';

/**
 * The candidate readings of a message besides the whole text: the question clause after a
 * backstory, the text without what it negates, without its incidental clauses or words, and
 * each part of a multi-question. Pure text functions over normalised text; which reading wins
 * is decided by chooseReading.ts.
 */

/** Words a message must keep without its incidental words to still be a question of its own. */
const MIN_REST_WORDS = 4;

/** A message needs this many words before the part before its question counts as a backstory. */
const BACKSTORY_MIN_WORDS = 14;

/** Letters or digits: what a reading needs to hold to be worth reading. */
const hasContent = (text: string) => text.replace(/[^\p{L}\p{N}]/gu, '').length > 0;

/**
 * Where one clause ends and the next begins: punctuation, "but", "anyway", "and" or "so" when a
 * new subject or verb follows ("i have arthritis and ive read k2 helps arteries", "i take
 * magnesium and read that k2 …"), and "or" before the other answer the asker suspects ("more k2
 * or just a price thing"), so that the side word's clause is set aside without the K2 question
 * that shares its sentence.
 */
const CLAUSE_BREAK =
  /[.?!;,:]+|\s(?:but|also|anyway|btw|unrelated)\s|\s(?:and|so)\s(?=(?:i|ive|im|id|read|heard|saw|seen|someone|people|now|then)\s)|\sor\s(?=(?:just|only|merely|is it|is that|is this|its)\s)/;

const CLAUSE_BREAKS = new RegExp(CLAUSE_BREAK.source, 'g');
/** The incidental rules, global, to find where their words are in a whole message. */
const INCIDENTAL_RULES: readonly RegExp[] = OUT_OF_SCOPE_RULES.filter((r) => r.incidental).map(
  (r) => new RegExp(r.re.source, 'g'),
);

/** The clauses of a text (split at {@link CLAUSE_BREAK}) with where each starts and ends. */
function clausesOf(text: string): Array<{ clause: string; start: number; end: number }> {
  const out: Array<{ clause: string; start: number; end: number }> = [];
  let start = 0;
  for (const m of text.matchAll(CLAUSE_BREAKS)) {
    out.push({ clause: text.slice(start, m.index), start, end: m.index });
    start = m.index + m[0].length;
  }
  out.push({ clause: text.slice(start), start, end: text.length });
  return out;
}

/**
 * The message without its clauses that hold an incidental off-topic word ("chest day at the gym
 * tomorrow, but is k2 good for bones" → "is k2 good for bones"), or null when nothing is left.
 */
export function withoutIncidentalClauses(normalized: string): string | null {
  const text = normalized.replace(/'/g, '');
  const clauses = clausesOf(text);
  // Where the incidental words stand in the whole message: a side word read across a clause break
  // ("my calcium score: 150") sets aside every clause it touches, as one inside a clause sets aside that one.
  const spans = INCIDENTAL_RULES.flatMap((re) =>
    [...text.matchAll(re)].map((m) => [m.index, m.index + m[0].length]),
  );
  const kept = clauses
    .filter(
      ({ clause, start, end }) =>
        !OTHER_NUTRIENT_WITH_K2.test(clause) &&
        !spans.some(([from, to]) => (from as number) < end && (to as number) > start),
    )
    .map((c) => c.clause);
  if (kept.length === clauses.length) return null;
  const said = kept.filter(hasContent);
  const rest = said.join(' , ').replace(/\s+/g, ' ').trim();
  return hasContent(rest) ? rest : null;
}

/** The incidental context words (diets, the gym, a medicine), compiled once for removal. */
const INCIDENTAL_CONTEXT: readonly RegExp[] = OUT_OF_SCOPE_RULES.filter((r) => r.incidental && r.context).map(
  (r) => new RegExp(r.re.source, 'g'),
);

/**
 * The message without its incidental context words themselves ("carnivore diet k2 - do steaks
 * have it" → "k2 - do steaks have it"), or null when there were none or nothing is left.
 */
export function withoutIncidentalWords(normalized: string): string | null {
  let text = normalized.replace(/'/g, '');
  for (const re of INCIDENTAL_CONTEXT) text = text.replace(re, ' ');
  text = text.replace(/\s+/g, ' ').trim();
  if (text === normalized.replace(/'/g, '').trim()) return null;
  // A few words left ("keto diet k2?" → "k2?") mean the off-topic word was the subject.
  return text.split(/[^\p{L}\p{N}]+/u).filter((w) => w.length > 0).length >= MIN_REST_WORDS ? text : null;
}

/** Another supplement as written, with its salt and amount: "magnesium glycinate 400", "fish oil". */
const OTHER_NUTRIENT_NAMED = new RegExp(
  `${OTHER_NUTRIENT_WITH_K2.source}(?: [a-z]+ate)?(?: \\d+ ?(?:mg|mcg|iu|g)?\\b)?`,
  'g',
);

/** A list written with "+", "&" or "/" (a stack: "d3 + k2 + magnesium"), before or after an item. */
const LIST_SEPARATOR_BEFORE = /[+&/]\s*$/;
const LIST_SEPARATOR_AFTER = /^\s*[+&/]/;
/** How far before or after another nutrient "<the vitamin> and" is looked for. */
const AND_REACH = 20;
/** The vitamin's names (focus.json `vitaminNames`) as one group. */
const VITAMIN_NAME = `\\b(?:vitamin )?(?:${alternation({ words: language().focus.vitaminNames })})`;
/** "k2 and magnesium", "magnesium and vitamin k2": the two listed side by side. */
const VITAMIN_AND_BEFORE = new RegExp(`${VITAMIN_NAME} and\\s*$`);
const AND_VITAMIN_AFTER = new RegExp(`^\\s*and ${VITAMIN_NAME}\\b`);
/** Words that ask an amount of what follows them (phrases.json `amountOfBefore`). */
const AMOUNT_OF_BEFORE = new RegExp(`\\b(?:${alternation(language().phrases.lists.amountOfBefore)})\\s+$`);

/**
 * The message without the other supplements it names beside K2, when they share a clause with it
 * ("d3 5000iu + k2 mk7 100 + magnesium glycinate 400, good combo?" → the D3 and K2 combination),
 * or null when there were none or too little is left. The clause cannot be set aside whole: it
 * holds the K2 question too.
 */
export function withoutOtherNutrients(normalized: string): string | null {
  const t = normalized.replace(/'/g, '');
  for (const m of t.matchAll(OTHER_NUTRIENT_NAMED)) {
    // "How much magnesium should I take with k2?" asks the other supplement's amount: not K2's.
    if (AMOUNT_OF_BEFORE.test(t.slice(Math.max(0, m.index - 20), m.index))) return null;
    // Only a supplement listed beside K2 ("d3 + k2 + magnesium"): in "k2 vs magnesium" or "do i
    // need magnesium with my k2" it is what is asked about.
    // "k2 and magnesium for osteoporosis?" lists the two as well: the K2 part is answered.
    const listed =
      LIST_SEPARATOR_BEFORE.test(t.slice(Math.max(0, m.index - 3), m.index)) ||
      LIST_SEPARATOR_AFTER.test(t.slice(m.index + m[0].length, m.index + m[0].length + 3)) ||
      VITAMIN_AND_BEFORE.test(t.slice(Math.max(0, m.index - AND_REACH), m.index)) ||
      AND_VITAMIN_AFTER.test(t.slice(m.index + m[0].length, m.index + m[0].length + AND_REACH));
    if (!listed) return null;
  }
  const text = t.replace(OTHER_NUTRIENT_NAMED, ' ').replace(/\s+/g, ' ').trim();
  if (text === t.trim()) return null;
  return text.split(/[^\p{L}\p{N}]+/u).filter((w) => w.length > 0).length >= MIN_REST_WORDS ? text : null;
}

/** A number that opens an item of a list ("1. ", "2) ", "(3) "). */
const LIST_NUMBER = /(?:^|\s)\(?\d{1,2}[).]\s/g;

/** Whether a message numbers its questions ("1. what is k2? 2. is it in kale?"): at least two items. */
export function numbersItsQuestions(normalized: string): boolean {
  return (normalized.match(LIST_NUMBER)?.length ?? 0) >= 2;
}

/**
 * The separate questions of a message that asks several: a numbered list ("1) … 2) …") or two
 * or more sentences ending in "?". Fewer than two means one question. A part keeps the story told
 * before its question ("my friend says unagi is rich in k2. is that true?"): it names the subject.
 */
export function questionParts(normalized: string): string[] {
  const t = normalized.replace(/'/g, '');
  let parts: string[];
  if (numbersItsQuestions(t)) {
    parts = t.split(LIST_NUMBER);
  } else if (t.split(/\?+/).filter((part, i, all) => i < all.length - 1 && /\S/.test(part)).length >= 2) {
    // Sentences that end in "?", counted by splitting: a regex that looks for them from every
    // character would read a long line with no "?" once per character.
    parts = t.split(/\?+/);
  } else {
    return [];
  }
  return mapPacked(parts, (p) => p.replace(/[?]/g, ' ').trim()).filter(
    (p) => p.replace(/[^\p{L}\p{N}]/gu, '').length >= 2,
  );
}

/** The text after the last full stop or exclamation mark that ends a sentence. */
export function lastSentence(text: string): string {
  const at = Math.max(text.lastIndexOf('. '), text.lastIndexOf('! '));
  return at < 0 ? text : text.slice(at + 2);
}

/** The clause a long message asks in. */
export interface QuestionClause {
  clause: string;
  /** It points back with a pronoun at what the story named ("how much k2 is in it?"). */
  pointsBack: boolean;
  /** It was put inside a statement ("it would help to know how much…"): the writer marked it as the question. */
  embedded: boolean;
}

/**
 * The last clause that asks something, when the message is long and has a backstory before it;
 * otherwise null.
 */
export const questionClause: (normalized: string) => QuestionClause | null = rememberLast(findQuestionClause);

/** Words of text split at single spaces, counted without making the list. */
function spaceSeparatedWords(text: string): number {
  let n = 1;
  for (let at = text.indexOf(' '); at >= 0; at = text.indexOf(' ', at + 1)) n++;
  return n;
}

/** A pronoun in a question clause: it points back at what the story named (phrases.json `clausePointers`). */
const POINTS_BACK = phraseRegex(language().phrases.lists.clausePointers);

/** Whether a clause has a pronoun that points back at what the message said before it (`clausePointers`). */
export function clausePointsBack(clause: string): boolean {
  return POINTS_BACK.test(clause);
}

/**
 * Whether a clause points back at the story, read before an alternative it offers itself: in
 * "does k2 need food with fat to be absorbed or is that a myth" the "that" is the clause's own
 * claim; in "is it better than cheese or not" the "it" points back.
 */
function pointsBackBeforeAlternative(clause: string): boolean {
  const alternative = clause.search(/\sor\s/);
  const asked = alternative > 0 ? clause.slice(0, alternative) : clause;
  if (!POINTS_BACK.test(asked)) return false;
  // "is grass fed butter actually better for that": a food the clause names is its subject, and
  // "for that" only names the purpose (the K2 the story spoke of).
  return !(foodsNamed(asked).size > 0 && !POINTS_BACK.test(withoutPurposePointers(asked)));
}

/** A pointer naming the purpose ("for that"), not the subject (phrases.json `purposePointers`). */
const PURPOSE_POINTERS = phraseRegex(language().phrases.lists.purposePointers, 'g');

/** The text without its pointers at a purpose: "what dose for that?" asks the subject's dose. */
export function withoutPurposePointers(text: string): string {
  return text.replace(PURPOSE_POINTERS, ' ');
}

/** Words that put a question inside a statement: "(I'd like) to know how much…", "wondering whether…". */
const EMBEDDED_QUESTION =
  /\b(know|wondering|wonder|curious|find out|tell me|learn) (?=(how|what|whether|if|which|when|why|where)\b)/;

/** Words that open a yes/no question (focus.json `yesNoStarts`: "would", "has", "did"…). */
const YES_NO_OPENER = new RegExp(`^(${alternation({ words: language().focus.yesNoStarts })})\\b`);
const WH_OPENER = /^(what|which|how|where|why|when|whats|hows)\b/;
/** "Any…" opens a question too ("any reason k2 would…"). */
const ANY_OPENER = /^any\b/;

/** Whether a clause of the text opens with "any" ("worth it, any side effects?"): a question without its verb. */
export function asksWithAny(text: string): boolean {
  return text.split(/[,;:?]/).some((clause) => ANY_OPENER.test(clause.trim()));
}
/** Inside a statement a question may also open with "whether" or "if" ("wondering whether…"). */
const EMBEDDED_OPENER = /^(what|which|how|where|why|when|whether|if)\b/;

/**
 * The clauses of a text, each with whether the sentence it is in ends with a question mark
 * ("would adding k2 help it heal faster, or protect me?": both clauses are asked).
 */
/** Punctuation and the words that join clauses; "so" only when it does not stress what follows. */
// A dash between spaces ends a clause too ("had a stroke in 2015 (fine now) – does k2 help memory?").
const CLAUSE_MARKS = new RegExp(
  `([.?!;,:]+|\\s-+\\s|\\s(?:but|anyway|btw)\\s|\\sso\\s(?!(?:${alternation(language().phrases.lists.intensifiedAfterSo)})\\b))`,
);

function clausesWithMarks(t: string): Array<{ clause: string; asked: boolean; sentence: number }> {
  const parts = t.split(CLAUSE_MARKS);
  const out: Array<{ clause: string; asked: boolean; sentence: number }> = [];
  let sentence: string[] = [];
  let sentences = 0;
  for (let i = 0; i < parts.length; i += 2) {
    const clause = (parts[i] as string).trim();
    const stop = parts[i + 1] ?? '';
    if (clause.length > 0) sentence.push(clause);
    if (/[.?!]/.test(stop) || i + 1 >= parts.length) {
      const asked = stop.includes('?');
      for (const c of sentence) out.push({ clause: c, asked, sentence: sentences });
      sentence = [];
      sentences++;
    }
  }
  return out;
}

/** A clause that sets up a case for the question after it: "if someone took a whole bottle, …". */
const CONDITION_OPENER = /^(if|suppose|supposing|imagine|say if)\b/;

/**
 * "If someone took a month of tablets in one go, say 30, what would happen?": the question is
 * asked of its condition, so it reads from the condition opening its sentence (the nearest one
 * before it) to the question clause.
 */
function withItsCondition(marked: ReadonlyArray<{ clause: string; sentence: number }>, at: number): string {
  const question = marked[at] as { clause: string; sentence: number };
  for (let i = at - 1; i >= 0 && (marked[i] as { sentence: number }).sentence === question.sentence; i--) {
    if (CONDITION_OPENER.test((marked[i] as { clause: string }).clause)) {
      return marked
        .slice(i, at + 1)
        .map((c) => c.clause)
        .join(' , ');
    }
  }
  return withItsAlternatives(marked, at, question.clause);
}

/** At least this many words make the clause before a question one that asks on its own ("is k2 fat soluble"). */
const QUESTION_BEFORE_WORDS = 3;

/**
 * "…anyway unrelated q: is k2 fat soluble, do i need to eat it with something": a question clause
 * that points back ("it") at the question clause right before it, in the same sentence, asks of
 * what that one names; both are the question.
 */
function withQuestionBefore(
  marked: ReadonlyArray<{ clause: string; sentence: number }>,
  at: number,
  question: string,
): { clause: string; pointsBack: boolean } {
  const alone = { clause: question, pointsBack: pointsBackBeforeAlternative(question) };
  const before = marked[at - 1];
  if (!alone.pointsBack || !before || before.sentence !== (marked[at] as { sentence: number }).sentence)
    return alone;
  const opens = WH_OPENER.test(before.clause) || YES_NO_OPENER.test(before.clause);
  if (!opens || before.clause.split(' ').length < QUESTION_BEFORE_WORDS) return alone;
  // What "it" points at is now in the question; it points back only if the clause before does.
  return { clause: `${before.clause} , ${question}`, pointsBack: pointsBackBeforeAlternative(before.clause) };
}

/** At most this many words make a clause of alternatives that finishes a question ("morning or night?"). */
const ALTERNATIVES_WORDS = 5;

/**
 * "when do i take my k2, morning or night??": a short clause of alternatives after the question
 * clause, in the same sentence, is what it asks to choose between.
 */
function withItsAlternatives(
  marked: ReadonlyArray<{ clause: string; sentence: number }>,
  at: number,
  question: string,
): string {
  const next = marked[at + 1];
  if (!next || next.sentence !== (marked[at] as { sentence: number }).sentence) return question;
  const words = next.clause.split(' ');
  return words.length <= ALTERNATIVES_WORDS && words.includes('or')
    ? `${question} , ${next.clause}`
    : question;
}

function findQuestionClause(normalized: string): QuestionClause | null {
  const t = normalized.replace(/'/g, '');
  if (spaceSeparatedWords(t) < BACKSTORY_MIN_WORDS) return null;
  const marked = clausesWithMarks(t);
  const clauses = mapPacked(marked, (c) => c.clause);
  if (clauses.length < 2) return null;
  // A sentence that ends with "?" holds the question: its clause that opens one, last first
  // ("…which we're fixing with a dietitian. would k2 help it heal faster?"). The first clause too,
  // when the story follows the question ("Does K2 need to be taken with food? I swallow mine
  // first thing with just a black coffee.").
  for (let i = marked.length - 1; i >= 0; i--) {
    const { clause, asked } = marked[i] as { clause: string; asked: boolean };
    if (!asked || clause.split(' ').length < 4) continue;
    if (WH_OPENER.test(clause) || YES_NO_OPENER.test(clause)) {
      return { ...withQuestionBefore(marked, i, withItsCondition(marked, i)), embedded: false };
    }
  }
  for (let i = clauses.length - 1; i >= 1; i--) {
    const c = clauses[i] as string;
    // "It would help to know how much K2 to take each day": the question inside a statement.
    const embedded = EMBEDDED_QUESTION.exec(c);
    const asked = embedded ? c.slice(embedded.index + (embedded[1] as string).length).trim() : c;
    // "whether" and "if" open a question only inside a statement: a clause of its own starting
    // with "if" is a condition ("if i take it daily, …").
    const opens = embedded
      ? EMBEDDED_OPENER.test(asked)
      : WH_OPENER.test(asked) || YES_NO_OPENER.test(asked) || ANY_OPENER.test(asked);
    if (opens && asked.split(' ').length >= 4) {
      if (embedded) return { clause: asked, pointsBack: pointsBackBeforeAlternative(asked), embedded: true };
      return { ...withQuestionBefore(marked, i, asked), embedded: false };
    }
  }
  return null;
}

/** Words after which the next few words are what the asker does not want ("i don't eat natto"). */
const NEGATION_CUE = anyOf(language().phrases.lists.negationCue, { capture: false });
/** Words that end the negated object: the rest of the question starts there. */
const OBJECT_END = alternation(language().phrases.lists.negatedObjectEnd);
const NEGATED_OBJECT = new RegExp(
  `\\b${NEGATION_CUE} (?:any |the |much |a lot of )?[\\w-]+(?: (?!(?:${OBJECT_END})\\b)[\\w-]+){0,3}`,
  'g',
);

/** A word and what says the asker will not have it after it: "natto is gross". */
const REJECTED_OBJECT = new RegExp(
  `\\b[\\w-]+ ${anyOf(language().phrases.lists.rejectionAfter, { capture: false })}\\b`,
  'g',
);

/** Either of the two, without the global flag: whether the message sets anything aside at all. */
const NEGATED_OR_REJECTED = unionOf([NEGATED_OBJECT, REJECTED_OBJECT]);

/**
 * The question without what it negates: "i don't eat natto, how can i get k2 from food" is a
 * food question, not a natto one; "natto is gross. if i take a supplement instead what dose" is a
 * supplement one. Null when nothing is negated.
 */
export function withoutNegated(normalized: string): string | null {
  const t = normalized.replace(/'/g, '');
  // Most messages negate nothing: one scan says so, and only the spaces are tidied.
  if (!NEGATED_OR_REJECTED.test(t)) {
    const tidied = t.replace(/\s+/g, ' ').trim();
    return tidied === t ? null : tidied;
  }
  const setAside = mapPacked([...t.matchAll(NEGATED_OBJECT), ...t.matchAll(REJECTED_OBJECT)], (m) => m[0]);
  let out = t.replace(NEGATED_OBJECT, ' ').replace(REJECTED_OBJECT, ' ');
  // "what foods besides natto have k2?? natto is literally snot beans": a food set aside stays
  // aside wherever else the message names it.
  const foods = new Set(setAside.flatMap((span) => [...foodsNamed(span)]));
  if (foods.size > 0) {
    const named = mapPacked([...foods], (food) => food.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
    out = out.replace(new RegExp(`\\b(${named.join('|')})\\b`, 'g'), ' ');
  }
  out = out.replace(/\s+/g, ' ').trim();
  return out === t ? null : out;
}

/** How a message that tells of more than a dose taken is read: the words of the side-effect question. */
export const TOO_MUCH = 'too much';

/** A dose taken twice, doubled or one pill extra, in the past (phrases.json `doseTwice`). */
const DOSE_TWICE = phraseRegex(language().phrases.lists.doseTwice);

/**
 * Whether a message tells of more than one dose taken by mistake ("took my k2 twice this morning"):
 * it asks whether that much is harmful, the side-effect question, not a dosing plan.
 */
export function tookMoreThanADose(normalized: string): boolean {
  return DOSE_TWICE.test(normalized.replace(/'/g, ''));
}
