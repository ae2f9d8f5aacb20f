import type { Answer } from '../engine/index.ts';
import type { QuestionReason } from '../store/learningStore.ts';
import { coverageOf } from './feedback.ts';

/**
 * Below this calibrated confidence an answer is kept for review even though it was given: on the
 * development set, answers from 0.7 up were right most of the time, below it barely half.
 */
export const LOW_CONFIDENCE_BELOW = 0.7;

/**
 * Why a question is worth the operator's review, or null. Urgent messages are never kept: what
 * someone writes in an emergency is the most private thing the bot sees.
 */
export function reviewReason(answer: Answer): QuestionReason | null {
  if (answer.urgent) return null;
  if (answer.kind === 'decline') return 'declined';
  if (answer.kind !== 'answer') return null;
  if (coverageOf(answer) === 'partial') return 'partial';
  if (answer.confidence < LOW_CONFIDENCE_BELOW) return 'low-confidence';
  return null;
}
