import type { Topic } from '../kb/schema.ts';
import { calibratedConfidence } from './calibration.ts';
import type { MessageContext } from './chooseReading.ts';
import { topicAnswer, toRef } from './composeAnswer.ts';
import { mapPacked } from './packedArray.ts';
import { ANSWER_THRESHOLD } from './rawConfidence.ts';
import { numbersItsQuestions, questionParts } from './readings.ts';
import type { SearchResult } from './search.ts';
import type { Answer } from './types.ts';

/**
 * Several questions in one message ("1) dose? 2) mk7 or mk4? 3) with food?"): each part is
 * scored on its own; the whole message's topic is kept when it answers one of the parts,
 * otherwise the most confident part is answered (the earliest on a tie). The other parts'
 * topics lead the suggestions.
 */

/** At most this many "did you mean" topics (Discord shows them as buttons). */
const MAX_SUGGESTIONS = 3;

export function answerEachPart(
  ctx: MessageContext,
  answer: Answer,
  result: SearchResult,
  warningFirst: boolean,
  byId: ReadonlyMap<string, Topic>,
): { answer: Answer; result: SearchResult } {
  const parts = questionParts(ctx.normalized);
  if (parts.length < 2) return { answer, result };
  const partTopics: Array<{ topic: Topic; confidence: number; result: SearchResult }> = [];
  for (const part of parts) {
    // A part without a K2 word shares the message's ("k2 dose? and with food?").
    const r = ctx.index.search(result.hasAnchor ? `${part} k2` : part, ctx.boosts);
    const top = r.ranked[0];
    if (top && r.confidence >= ANSWER_THRESHOLD && !partTopics.some((p) => p.topic === top.topic)) {
      partTopics.push({ topic: top.topic, confidence: r.confidence, result: r });
    }
  }
  let chosen = answer;
  let chosenResult = result;
  const fullTopic = answer.kind === 'answer' ? answer.topic?.id : undefined;
  // Questions numbered by the asker are answered in their order: the first one leads.
  const numbered = numbersItsQuestions(ctx.normalized);
  const leadsFirst = numbered && partTopics[0] !== undefined && partTopics[0].topic.id !== fullTopic;
  if (partTopics.length > 0 && (leadsFirst || !partTopics.some((p) => p.topic.id === fullTopic))) {
    const first = numbered
      ? (partTopics[0] as (typeof partTopics)[number])
      : partTopics.reduce((a, b) => (b.confidence > a.confidence ? b : a));
    chosenResult = first.result;
    const confidence = calibratedConfidence(first.result.features, first.confidence, ANSWER_THRESHOLD);
    chosen = topicAnswer(first.topic, byId, confidence, warningFirst);
  }
  if (chosen.kind === 'answer') {
    const others = mapPacked(
      partTopics.filter((p) => p.topic.id !== chosen.topic?.id),
      (p) => toRef(p.topic),
    );
    const merged = [...others, ...chosen.suggestions].filter(
      (r, i, all) => all.findIndex((x) => x.id === r.id) === i,
    );
    chosen.suggestions = merged.slice(0, MAX_SUGGESTIONS);
  }
  return { answer: chosen, result: chosenResult };
}
