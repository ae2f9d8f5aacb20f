import { describe, expect, it } from 'vitest';
import { isotonic, mergeSmall } from '../../scripts/calibrate.ts';
import { reliability } from '../../scripts/evaluate.ts';
import { accuracyForScore, CALIBRATION_TABLE, calibratedConfidence } from '../../src/engine/calibration.ts';
import { ANSWER_THRESHOLD } from '../../src/engine/rawConfidence.ts';
import { sharedEngine } from '../sharedEngine.ts';

const engine = sharedEngine();

describe('confidence calibration', () => {
  it('has a non-decreasing step table within 0..1', () => {
    for (let i = 1; i < CALIBRATION_TABLE.length; i++) {
      const [from, acc] = CALIBRATION_TABLE[i] as readonly [number, number];
      const [prevFrom, prevAcc] = CALIBRATION_TABLE[i - 1] as readonly [number, number];
      expect(from).toBeGreaterThan(prevFrom);
      expect(acc).toBeGreaterThanOrEqual(prevAcc);
      expect(acc).toBeLessThanOrEqual(1);
    }
    expect(accuracyForScore(-1)).toBe(CALIBRATION_TABLE[0]?.[1]);
  });

  it('never reports more than the raw confidence, nor less than the floor', () => {
    expect(calibratedConfidence({ top: 1, second: 0 }, 0.8, 0.5)).toBeLessThanOrEqual(0.8);
    expect(calibratedConfidence({ top: 1, second: 1 }, 1, 0.5)).toBeGreaterThanOrEqual(0.5);
  });

  it('answers report at least the threshold, declines less', () => {
    for (const q of ['how much k2 is in natto', 'k2 pros vs cons', 'is k2 good for bones']) {
      expect(engine.ask(q).confidence, q).toBeGreaterThanOrEqual(ANSWER_THRESHOLD);
    }
    for (const q of [
      'what is the capital of peru',
      'what does k2 mean in finance',
      'i want to end my life',
    ]) {
      expect(engine.ask(q).confidence, q).toBeLessThan(ANSWER_THRESHOLD);
    }
  });

  it('is less sure of a close call than of a clear question', () => {
    const clear = engine.ask('how much vitamin k2 is in natto').confidence;
    const close = engine.ask('which k2 form is best').confidence;
    // 0.9 is where auto-answer channels start answering (chatReplyPolicy.ts).
    expect(clear).toBeGreaterThanOrEqual(0.9);
    expect(close).toBeLessThan(0.9);
    expect(clear - close).toBeGreaterThan(0.1);
  });

  it('fits isotonic blocks and merges small ones', () => {
    const pts = [
      { score: 0.1, right: false },
      { score: 0.2, right: true },
      { score: 0.3, right: false },
      { score: 0.4, right: true },
      { score: 0.5, right: true },
    ];
    const blocks = isotonic(pts);
    const rates = blocks.map((b) => b.right / b.n);
    for (let i = 1; i < rates.length; i++) expect(rates[i]).toBeGreaterThanOrEqual(rates[i - 1] as number);
    expect(mergeSmall(blocks, 10)).toHaveLength(1);
  });

  it("reports per-band accuracy and an expected calibration error (the dev set's is checked in eval.test.ts)", () => {
    const r = reliability([
      { c: 0.6, ok: true },
      { c: 0.6, ok: false },
      { c: 0.95, ok: true },
    ]);
    expect(r.bands[0]?.accuracy).toBe(0.5);
    expect(r.ece).toBeGreaterThan(0);
  });
});
