import { describe, expect, it } from 'vitest';
import { MAX_INPUT_CHARS } from '../../src/engine/normalize.ts';
import { adversarialMessage, parseRule, sweepMessages } from './adversarial.ts';

// The run over the engine's own rules (tests/engine/adversarialRun.ts) is in regexSafety.test.ts,
// which has collected them already.

describe('adversarial messages', () => {
  // The hedge group that once froze the bot, as it was: the sweep must rebuild the message that did it.
  const oldHedges = parseRule({
    source:
      '\\b(took|taken)\\s+((about|like|maybe|like maybe|all|all of|all the|all of the|the|my) )*(\\d{2,}|ten)\\s+(pills?|tablets?)',
    flags: '',
    where: 'old hedge group',
  });

  it('pump each word of a repeated word list up to the length cap', () => {
    const messages = sweepMessages([oldHedges]);
    const allThe = messages.find((m) => m.includes('all the all the all the'));
    expect(allThe).toMatch(/^(took|taken) +(all the ){100,}/);
    expect(allThe?.length).toBe(MAX_INPUT_CHARS);
  });

  it('are reproducible from their seed', () => {
    expect(adversarialMessage(oldHedges, 7, 0, 6, '!', 300)).toBe(
      adversarialMessage(oldHedges, 7, 0, 6, '!', 300),
    );
    expect(adversarialMessage(oldHedges, 7, 0, 6, '!', 300)).toHaveLength(300);
  });
});
