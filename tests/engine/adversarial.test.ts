import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { MAX_INPUT_CHARS } from '../../src/engine/normalize.ts';
import { adversarialMessage, parseRule, sweepMessages } from './adversarial.ts';

const root = join(import.meta.dirname, '..', '..');

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

describe('engine.ask on adversarial messages built from every engine rule', () => {
  // Its own process, killed after 4 minutes: an exponential rule would otherwise hang the run.
  // The bound is far above the 50 ms target on purpose (the machine is shared); `npm run bench`
  // prints the measured worst case against the target.
  it('answers each one in under a second, with the safety texts', () => {
    const run = spawnSync(
      process.execPath,
      ['--import', 'tsx', 'tests/engine/adversarialRun.ts', '--runs', '300', '--bound', '1000'],
      { cwd: root, encoding: 'utf8', timeout: 240_000 },
    );
    expect(run.signal, 'killed: a message took minutes').toBeNull();
    const result = JSON.parse(run.stdout) as { messages: number; worstMs: number; failure: string | null };
    expect(result.failure).toBeNull();
    expect(result.messages).toBeGreaterThan(500);
    expect(result.worstMs).toBeLessThan(1000);
    expect(run.status).toBe(0);
  }, 250_000);
});
