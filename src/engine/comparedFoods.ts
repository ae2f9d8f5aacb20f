import { language } from '../kb/language.ts';
import type { Topic } from '../kb/schema.ts';
import { SENTENCE_END, sentencesWithin } from './answerOtherParts.ts';
import { mentionsAnticoagulant } from './anticoagulants.ts';
import { topicAnswer } from './composeAnswer.ts';
import { composeFactBody, MAX_BODY_WORDS } from './composeBody.ts';
import { foodsNamed, GENERIC_FOOD } from './lexicon.ts';
import { phraseRegex } from './phrasePattern.ts';
import { askingPart, sentenceOf, THE_VITAMIN } from './questionFocus.ts';
import { ANSWER_THRESHOLD } from './rawConfidence.ts';
import { withoutNegated } from './readings.ts';
import type { TopicIndex } from './topicIndex.ts';
import type { Answer } from './types.ts';

/**
 * Two foods compared that the knowledge keeps in different topics ("natto or eel, which has more
 * k2?", "butter vs cheese for k2"): the reply shows what the article says of each, in the order
 * they were named, each within its share of the body. Answered from one topic, the reply gave one
 * food's figures and left the asker nothing to compare them with. Foods of one topic ("gouda or
 * brie") are already answered by that topic's facts, which name both.
 */

/** One food asked about, and its topic's answer to the question asked of that food alone. */
interface FoodPart {
  topic: Topic;
  answer: Answer;
}

/**
 * What a comparison of foods asks of each food: how much K2 it has. The message's own words would
 * bring its comparison along, and a food's facts that compare it with something else ("grass-fed
 * butter has more K2 than regular butter") would answer "does yogurt have k2 or only cheese?".
 */
function amountAskedOf(food: string): string {
  return `how much ${THE_VITAMIN} in ${food}`;
}

/** The words that ask for a comparison (lexicon/focus.json, focus `comparison`). */
const COMPARISON_CUES = phraseRegex(
  { words: language().focus.focuses.find((f) => f.id === 'comparison')?.asked ?? [] },
  'g',
);

/**
 * A comparison word stands between the first food named and the last: "natto or eel", "is
 * sauerkraut enough k2 or do i need natto". "eggs, butter and cheese, is that enough k2 or should
 * i supplement" compares the diet with a supplement, not its foods.
 */
function comparesBetween(text: string, foodsInOrder: readonly string[]): boolean {
  const first = foodsInOrder[0] ?? '';
  const from = text.indexOf(first) + first.length;
  const to = text.lastIndexOf(foodsInOrder[foodsInOrder.length - 1] ?? '');
  return [...text.matchAll(COMPARISON_CUES)].some((m) => m.index >= from && m.index < to);
}

/** What may stand between two foods of a list: "butter + eggs", "cheese, eggs and butter". */
const LIST_JOINS = new Set([',', '+', '&', 'and', 'plus', 'n', 'or', 'with']);

/**
 * The foods stand side by side as one list ("eating tons of butter + eggs every day, am i getting
 * k2 from that"): each is asked about as a comparison's foods are. Not beside a blood thinner, whose
 * interaction facts the answer must keep.
 */
function listsTogether(text: string, foodsInOrder: readonly string[]): boolean {
  if (mentionsAnticoagulant(text)) return false;
  let from = text.indexOf(foodsInOrder[0] ?? '');
  for (const food of foodsInOrder.slice(1)) {
    const prev = text.slice(from);
    const end = from + (foodsInOrder.find((f) => prev.startsWith(f))?.length ?? 0);
    const at = text.indexOf(food, end);
    if (at < 0) return false;
    const between = text
      .slice(end, at)
      .replace(/,/g, ' , ')
      .trim()
      .split(/\s+/)
      .filter((w) => w !== '');
    // Nothing between is one name ("egg yolk", "gouda cheese", "chicken liver"), not a list.
    if (between.length === 0 || between.length > 2 || !between.every((w) => LIST_JOINS.has(w))) return false;
    from = at;
  }
  return true;
}

function namesNoFood(sentence: string): boolean {
  return foodsNamed(sentence.toLowerCase()).size === 0;
}

export function answerComparedFoods(
  answer: Answer,
  normalized: string,
  index: TopicIndex,
  byId: ReadonlyMap<string, Topic>,
): Answer {
  if (answer.kind !== 'answer' || answer.coverage === 'none' || !answer.topic) return answer;
  // The whole sentence: "do curd and kefir give any k2, or is that only cheese?" compares after the
  // comma that ends its asking part.
  const sentence = sentenceOf(normalized, askingPart(normalized));
  // Most questions name fewer than two foods: the sentence alone says so, before any other reading.
  if (foodsNamed(sentence).size < 2) return answer;
  // "i dont eat natto or cheese, what else has k2??" compares nothing it asks about.
  const asking = withoutNegated(sentence) ?? sentence;
  const foods = [...foodsNamed(asking)].filter((f) => !GENERIC_FOOD.has(f));
  if (foods.length < 2) return answer;
  const inOrder = [...foods].sort((a, b) => asking.indexOf(a) - asking.indexOf(b));
  if (!comparesBetween(asking, inOrder) && !listsTogether(asking, inOrder)) return answer;
  const parts: FoodPart[] = [];
  for (const food of inOrder) {
    const part = amountAskedOf(food);
    const result = index.search(part);
    const top = result.ranked[0];
    if (top?.topic.category !== 'food' || result.confidence < ANSWER_THRESHOLD) continue;
    if (parts.some((p) => p.topic.id === top.topic.id)) continue;
    const own =
      top.topic.id === answer.topic.id
        ? answer
        : composeFactBody(
            topicAnswer(top.topic, byId, result.confidence, answer.safety.warningFirst),
            part,
            index,
            byId,
            result.ranked,
          );
    if (own.facts.length > 0) parts.push({ topic: top.topic, answer: own });
  }
  // The reply must be about food: a comparison answered from another category ("is natto or
  // cheese better for my bones?") asks about the effect, not the foods' K2.
  if (parts.length < 2 || byId.get(answer.topic.id)?.category !== 'food') return answer;
  const share = Math.floor(MAX_BODY_WORDS / parts.length);
  const bodies: string[] = [];
  const facts: string[] = [];
  for (const { answer: own } of parts) {
    // "The article doesn't give a K2 figure for eggs" may open both the reply and the eggs' part.
    const sentences = own.body
      .split(SENTENCE_END)
      .filter((sentence) => !bodies.some((b) => b.includes(sentence)));
    // Beside another food, a figure opening that names no food ("About 28 mcg/100 g.") does not
    // say whose it is: the part's own sentence that names its food gives the figure.
    if (sentences.length > 1 && namesNoFood(sentences[0] ?? '')) sentences.shift();
    const unsaid = sentences.join(' ');
    const kept = sentencesWithin(unsaid, share);
    if (!kept) continue;
    bodies.push(kept);
    // A cut body keeps its first sentences, which show its first fact.
    facts.push(...(kept === unsaid ? own.facts : own.facts.slice(0, 1)));
  }
  if (bodies.length < 2) return answer;
  // The food named first leads and titles the reply ("does yogurt have k2 or is it only cheese?"
  // is about yogurt first), with the whole message's coverage and confidence.
  const [first] = parts;
  const lead = first?.answer ?? answer;
  return { ...lead, body: bodies.join(' '), facts, coverage: answer.coverage, confidence: answer.confidence };
}
