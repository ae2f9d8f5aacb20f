import { describe, expect, it } from 'vitest';
import { normalizeText } from '../../../src/engine/normalize.ts';
import { readFocus } from '../../../src/engine/questionFocus.ts';
import { sharedEngine } from '../../sharedEngine.ts';

const engine = sharedEngine();
const focusesOf = (text: string) => readFocus(normalizeText(text)).focuses;

describe('an amount the message states is what another point is asked of', () => {
  it.each([
    ['is 1000 mcg of mk7 too much?', 'side-effect'],
    ['is 45 mg of mk4 daily too much?', 'side-effect'],
    ['is 100mcg a day ok with warfarin', 'interaction'],
  ])('%j asks %s, not an amount', (text, point) => {
    expect(focusesOf(text)).toEqual([point]);
  });

  it.each([
    // Asked an amount in words besides the stated one.
    'is 100 mcg enough or do i need more?',
    'how much is 100 mcg in mg',
    // Only an amount: nothing else is asked of it.
    '45 mg of mk4 daily?',
  ])('%j still asks an amount', (text) => {
    expect(focusesOf(text)).toContain('amount');
  });

  it('"too much?" of a stated dose is answered with the toxicity fact, not the dose range', () => {
    const a = engine.ask('would 800 mcg of mk-7 each day be too much?');
    expect(a.kind).toBe('answer');
    expect(a.facts).toContain('safety-side-effects/no-upper-limit');
  });
});
