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

// Blind round 20: "even at like 500 mcg a day?" after "does k2 have side effects" got the intake figures.
describe('an amount stated with nothing else named asks the point before at that amount', () => {
  it('"what about 900 mcg per day then?" asks no amount of its own', () => {
    expect(focusesOf('what about 900 mcg per day then?')).not.toContain('amount');
  });

  it('as a follow-up of a safety question, the safety facts answer', () => {
    const conversation = engine.startConversation();
    conversation.ask('is mk7 safe to take long-term?');
    const a = conversation.ask('what about 900 mcg per day then?');
    expect(a.facts).toContain('safety-side-effects/no-upper-limit');
  });
});
