import { language, texts } from '../kb/language.ts';
import type { Topic } from '../kb/schema.ts';
import { topicAnswer } from './composeAnswer.ts';
import { composeFactBody, MAX_BODY_WORDS, wordCount } from './composeBody.ts';
import { CONCEPT_WEIGHTS, CONCEPTS, GENERIC_TERMS } from './lexicon.ts';
import { mapPacked } from './packedArray.ts';
import { anyOf, phraseRegex, phraseSource } from './phrasePattern.ts';
import { clausesOpeningAQuestion, opensAQuestion } from './questionFocus.ts';
import { ANSWER_THRESHOLD } from './rawConfidence.ts';
import { lastSentence, questionParts } from './readings.ts';
import type { TopicIndex } from './topicIndex.ts';
import type { Answer } from './types.ts';

/**
 * The other questions of a multi-question message ("how long does mk7 stay in the blood vs mk4?
 * and do people really take 15000 mcg of mk4?"), each answered after the first with its own best
 * fact. Blind readers graded replies that answered one part and dropped the rest as not answering
 * the message. A part whose facts the reply already shows, or that no topic answers with
 * confidence, adds nothing; the body stays within its word limit.
 */

/** At most this many other parts are answered: a long list of questions gets the first ones. */
const MAX_OTHER_PARTS = 2;

/** Where one sentence of a reply's body ends and the next begins. */
export const SENTENCE_END = /(?<=[.!?])\s+(?=[A-Z0-9"“(])/;

/** The leading sentences of `body` that fit in `budget` words ("" when not even the first fits). */
export function sentencesWithin(body: string, budget: number): string {
  let kept = '';
  for (const sentence of body.split(SENTENCE_END)) {
    const next = kept ? `${kept} ${sentence}` : sentence;
    if (wordCount(next) > budget) break;
    kept = next;
  }
  return kept;
}

const DIGITS = /^\d+$/;
/**
 * Words that say what is asked, not about what: the concepts of lexicon/words.json
 * `conceptWeights` ("how much" is a dose, "safe" is safety) and the mechanism focus's own words
 * ("mechanism", "reason"; focus.json), so "…, like what's the mechanism" names no subject.
 */
const ASKING_TERMS: ReadonlySet<string> = new Set([
  ...Object.keys(CONCEPT_WEIGHTS),
  ...(language()
    .focus.focuses.find((f) => f.id === 'mechanism')
    ?.asked.filter((w) => !w.includes(' ')) ?? []),
]);

/** A message longer than this is not split at its commas: its clauses are one question's parts. */
const MAX_SPLIT_WORDS = 30;
/** A sentence ends and another follows (normalised text has single spaces). */
const SENTENCE_BREAK = /[.!?] \S/;
/** A clause this short is not a question of its own ("is it", "and why"). */
const MIN_CLAUSE_WORDS = 3;

/**
 * Questions joined by a comma, "and" or "also" in one sentence ("how does the body get rid of k2,
 * does it stress the kidneys?"): each clause opens a question of its own. Empty unless there are two.
 */
function clauseQuestions(normalized: string, index: TopicIndex): string[] {
  // A story of several sentences has clauses that open like questions without asking one
  // ("..., is that why?"); only a message of one short sentence is split at its commas.
  if (SENTENCE_BREAK.test(normalized) || normalized.split(/\s+/).length > MAX_SPLIT_WORDS) return [];
  const asking = clausesOpeningAQuestion(normalized).filter((c) => c.split(/\s+/).length >= MIN_CLAUSE_WORDS);
  // "How does k2 keep calcium out of arteries, like what's the mechanism": a clause with no subject
  // of its own says more of the same question.
  if (asking.length < 2 || !asking.every((c) => namesOwnSubject(c, index))) return [];
  return asking;
}

/**
 * "…It is true this? And if yes how much of MK-7 is for the heart, because…": a letter whose one
 * question mark is followed by a sentence that opens another question without one. The two
 * questions, or none.
 */
function unmarkedLastQuestion(normalized: string, index: TopicIndex): string[] {
  const at = normalized.lastIndexOf('?');
  if (at < 0 || normalized.indexOf('?') !== at) return [];
  const next = (
    normalized
      .slice(at + 1)
      .trim()
      .split(/(?<=[.!])\s/)[0] ?? ''
  ).trim();
  // "does it matter" after "morning or night?" adds to that question: only a longer sentence asks
  // its own, or a short one that opens like an added question and names a subject of this
  // knowledge base ("…vegan? and any side effects").
  const words = next.split(/\s+/).length;
  if (words >= MIN_ADDED_WORDS && ADDED_QUESTION.test(next) && namesKnownSubject(next, index)) {
    return [lastSentence(normalized.slice(0, at)), next];
  }
  if (words < MIN_UNMARKED_WORDS) return [];
  const opening = (next.split(',')[0] ?? '').replace(CONDITIONAL_LEAD_IN, ' ');
  return opensAQuestion(opening) ? [lastSentence(normalized.slice(0, at)), next] : [];
}

/** Words of a sentence after the last question mark before it can be a question of its own. */
const MIN_UNMARKED_WORDS = 8;
/** Fewest words of a short added question after the question mark: "and dose" adds a subject. */
const MIN_ADDED_WORDS = 2;
/** A tail opening like an added question (phrases.json `addedQuestionOpeners`). */
const ADDED_QUESTION = new RegExp(
  `^${anyOf(language().phrases.lists.addedQuestionOpeners, { capture: false })}\\b`,
);
/** "…and if yes, how much…": the question hangs on the one before (phrases.json `conditionalLeadIns`). */
const CONDITIONAL_LEAD_IN = phraseRegex(language().phrases.lists.conditionalLeadIns);

/**
 * A demonstrative ending the part, or "like that" in it (phrases.json `storyDemonstratives`,
 * `likeTheStory`): what it asks about was said before it.
 */
const POINTS_AT_STORY = new RegExp(
  `${phraseSource(language().phrases.lists.likeTheStory)}|\\b${anyOf(language().phrases.lists.storyDemonstratives, { capture: false })}[\\s?.!]*$`,
);

/**
 * A subject this knowledge base has a word for: a lexicon concept ("side effects", "kids", "d3";
 * synonyms.json) or a title or keyword word, not a plain word of the question ("does it matter").
 */
function namesKnownSubject(part: string, index: TopicIndex): boolean {
  return index.analyzer
    .analyze(part)
    .terms.some((t) => !GENERIC_TERMS.has(t) && (CONCEPTS.has(t) || index.isSpecific(t)));
}

function namesOwnSubject(part: string, index: TopicIndex): boolean {
  return index.analyzer
    .analyze(part)
    .terms.some((t) => !GENERIC_TERMS.has(t) && !DIGITS.test(t) && !ASKING_TERMS.has(t));
}

/**
 * The body without its last fact's text, when it ends with that text and shows another fact
 * before it; else null. Only a fact said as written can be told apart from the rest of the body.
 */
function withoutLastFact(
  body: string,
  facts: readonly string[],
  byId: ReadonlyMap<string, Topic>,
): string | null {
  if (facts.length < 2) return null;
  const [topicId, factId] = (facts[facts.length - 1] as string).split('/');
  const text = byId.get(topicId as string)?.facts.find((f) => f.id === factId)?.text;
  if (!text || !body.endsWith(` ${text}`)) return null;
  return body.slice(0, body.length - text.length - 1);
}

export function answerOtherParts(
  answer: Answer,
  normalized: string,
  hasAnchor: boolean,
  index: TopicIndex,
  byId: ReadonlyMap<string, Topic>,
  /**
   * A follow-up's answer was read for its first question with the conversation ("is the cancer part
   * real? and the diabetes part?"): only the questions after it are other parts.
   */
  firstAnswered = false,
): Answer {
  if (answer.kind !== 'answer' || answer.coverage === 'none') return answer;
  // A part is answered for the sentence its question mark ends, not the story before it: in a
  // letter "… only tell their patients to take calcium supplements. If you could shed some light
  // on this?" the calcium supplements are the story's, and "this" names nothing of its own.
  // A part of a word or two ("… for bone density. weeks?") is the story's own question.
  const parts = mapPacked(questionParts(normalized), (part) => {
    const asked = lastSentence(part);
    return asked.split(/\s+/).length >= MIN_CLAUSE_WORDS ? asked : part;
  });
  if (parts.length < 2) parts.push(...unmarkedLastQuestion(normalized, index));
  if (parts.length < 2) parts.push(...clauseQuestions(normalized, index));
  if (parts.length < 2) return answer;
  let body = answer.body;
  const facts = [...answer.facts];
  let added = 0;
  for (const part of firstAnswered ? parts.slice(1) : parts) {
    if (added >= MAX_OTHER_PARTS) break;
    // "is eel rich in k2? how much does it have?": a part that names nothing but K2 and what it asks
    // ("and how much k2") is about the first part's subject, which a reading of the part alone
    // would lose (it answered "how much" with supplement doses).
    if (!namesOwnSubject(part, index)) continue;
    // "Where does a number like that come from? What study says that?": a part that ends on, or
    // compares with, something said before asks about the story, which the main answer covers; read
    // alone it named fermentation ("come from") and a fracture study.
    if (POINTS_AT_STORY.test(part)) continue;
    // A part without a K2 word shares the message's ("k2 dose? and with food?").
    const reading = hasAnchor ? `${part} k2` : part;
    const result = index.search(reading);
    const top = result.ranked[0];
    if (!top || result.confidence < ANSWER_THRESHOLD) continue;
    const partAnswer = composeFactBody(
      topicAnswer(top.topic, byId, result.confidence, answer.safety.warningFirst),
      reading,
      index,
      byId,
      result.ranked,
    );
    // "does k2 help blood clot? and can it give me a clot if i take too much": the part's own fact
    // leads it; its facts the reply already shows are not said twice. A part whose first fact is
    // shown already adds nothing.
    const [own] = partAnswer.facts;
    if (own === undefined || facts.includes(own)) continue;
    const unsaid = partAnswer.body
      .split(SENTENCE_END)
      .filter((sentence) => !body.includes(sentence))
      .join(' ');
    const intro = texts().replies.otherQuestion;
    // "does cheese have k2? also any risks of too much": the first answer's later facts give way
    // so another question is answered at all; each question keeps its leading fact.
    const needed = wordCount(intro) + wordCount(unsaid.split(SENTENCE_END)[0] ?? '');
    while (added === 0 && MAX_BODY_WORDS - wordCount(body) < needed) {
      const shorter = withoutLastFact(body, facts, byId);
      if (!shorter) break;
      body = shorter;
      facts.pop();
    }
    const budget = MAX_BODY_WORDS - wordCount(body) - wordCount(intro);
    const kept = sentencesWithin(unsaid, budget);
    if (!kept) break;
    body = `${body} ${intro} ${kept}`;
    // A cut body keeps its first sentences, which show the part's first fact.
    const news = partAnswer.facts.filter((id) => !facts.includes(id));
    facts.push(...(kept === unsaid ? news : [own]));
    added++;
  }
  if (added === 0) return answer;
  return { ...answer, body, facts };
}
