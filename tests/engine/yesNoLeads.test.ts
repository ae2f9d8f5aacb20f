import { describe, expect, it } from 'vitest';
import { sharedEngine } from '../sharedEngine.ts';

// A fact's yes or no answers the question it was written for. Asked the other way round ("safe?"
// against "risky?", "fine now and then?" against "should I avoid?"), the same fact needs the
// opposite word, so no reply may open with a bare "Yes." or "No." taken from the fact.
const questionsAskedBothWays = [
  'im on coumadin, is a spoon of natto once in a while alright?',
  'on coumadin - should i stay away from natto completely?',
  'is mk-7 something a pregnant woman can take?',
  'would k2 be harmful while expecting a baby?',
  'can k2 pull calcium back out of hardened arteries?',
  'is it a myth that k2 clears calcium from arteries?',
  'does k2 pile up in the body if you take it every day?',
  'is it fine to take k2 every single day long term?',
  'does k2 upset the stomach?',
];

describe('yes/no questions', () => {
  it.each(questionsAskedBothWays)('%s: the body does not open with a bare yes or no', (question) => {
    const answer = sharedEngine().ask(question);
    expect(answer.body).not.toMatch(/^(Yes|No)\.(\s|$)/);
  });
});
