import { createHmac } from 'node:crypto';
import type { Answer } from '../engine/index.ts';
import type { Coverage, FeedbackVote } from '../store/learningStore.ts';

/** What a vote says about the reply it rates: never who voted or what they asked. */
export type RatedReply = Pick<FeedbackVote, 'topicId' | 'factIds' | 'coverage' | 'replyKind'>;

/** How much of the question the reply covered, as the engine judged it when composing the body. */
export function coverageOf(answer: Answer): Coverage {
  return answer.kind === 'answer' ? answer.coverage : 'none';
}

/** Answers and declines can be rated; urgent replies, notices and empty input cannot. */
export function canBeRated(answer: Answer): boolean {
  return !answer.urgent && (answer.kind === 'answer' || answer.kind === 'decline');
}

export function describeRatedReply(answer: Answer): RatedReply {
  return {
    topicId: answer.topic?.id ?? null,
    factIds: [...answer.facts],
    coverage: coverageOf(answer),
    replyKind: answer.kind,
  };
}

/**
 * The key under which one voter's vote on one answer is kept, so a second click replaces the
 * first. A keyed hash (HMAC-SHA256 with the database's own random secret) of voter and answer:
 * the voter's id is never stored, and the key cannot be turned back into it without the secret.
 */
export function voteKey(secret: string, voterId: string, answerId: string): string {
  return createHmac('sha256', secret).update(`${voterId}\u0000${answerId}`).digest('hex');
}
