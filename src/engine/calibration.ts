import type { MatchFeatures } from './search.ts';

/**
 * Turns an answered match into the probability that the reply shows what was asked: the facts a
 * right reply must show, not only the right topic (a right topic with the wrong facts is wrong).
 *
 * The raw confidence (rawConfidence.ts) decides answer vs decline, but it saturates:
 * almost every answered question scores 0.99+, right or wrong. What separates right from wrong
 * is how clearly the best topic beats the runner-up and how much of the question it explains, so
 * the score below combines the margin (best − second raw score) with the best topic's raw score
 * (its weighted coverage of the question). An isotonic (pool-adjacent-violators) fit of "did the
 * body show the expected facts" on that score over the development question set gives the step
 * table below.
 */

/** Weight of the best topic's raw score (how much of the question it explains) beside the margin. */
export const EXPLAINED_WEIGHT = 0.1;

/** The calibration score of a match: margin over the runner-up plus a little of the raw score. */
export function calibrationScore(f: Pick<MatchFeatures, 'top' | 'second'>): number {
  return f.top - f.second + EXPLAINED_WEIGHT * f.top;
}

/**
 * [lowest score of the step, observed accuracy with a Laplace (+1/+2) correction].
 * Produced by `npx tsx scripts/calibrate.ts --write` (isotonic fit over the answered,
 * non-urgent cases of tests/fixtures/questions.dev.jsonl that name their facts, labelled right
 * when the body shows them; steps of at least 25 cases). The dev
 * set is also what the engine was tuned on, so these figures are on the optimistic side.
 */
// CALIBRATION-TABLE-START
export const CALIBRATION_TABLE: ReadonlyArray<readonly [number, number]> = [
  [0, 0.867],
  [0.173, 0.883],
  [0.249, 0.897],
  [0.342, 0.954],
  [0.496, 0.961],
  [0.629, 0.974],
  [1.217, 0.974],
];
// CALIBRATION-TABLE-END

/** The probability of being right for a calibration score (a step function, non-decreasing). */
export function accuracyForScore(score: number): number {
  let p = CALIBRATION_TABLE[0]?.[1] ?? 0;
  for (const [from, acc] of CALIBRATION_TABLE) {
    if (score >= from) p = acc;
    else break;
  }
  return p;
}

/**
 * The confidence reported with an answer: the table's accuracy, never above the raw confidence
 * (a weak raw match stays weak) and never below `floor` (the answer threshold: an answered
 * question always reports at least the threshold, a declined one less).
 */
export function calibratedConfidence(
  f: Pick<MatchFeatures, 'top' | 'second'>,
  raw: number,
  floor: number,
): number {
  const p = Math.min(raw, accuracyForScore(calibrationScore(f)));
  return Math.round(Math.max(floor, p) * 1000) / 1000;
}
