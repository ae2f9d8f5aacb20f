import { describe, expect, it } from 'vitest';
import { normalizeText } from '../../../src/engine/normalize.ts';
import { withoutFormRequest } from '../../../src/engine/replyForm.ts';
import { sharedEngine } from '../../sharedEngine.ts';

// "what is osteoporosis in plain words" was declined with "which part of vitamin K2 do you mean":
// "plain" was read as a word of the question ("pain"). A request for the form of the reply beside
// a question of its own is set aside, and the question is answered.
describe('a request for the form of the reply beside a question', () => {
  const engine = sharedEngine();

  it.each([
    ['what is osteoporosis in plain words', 'osteoporosis/what-is-osteoporosis'],
    ["what's an INR in layman's terms", 'clotting-function/inr-test'],
    ['short answer: is k2 safe', 'safety-side-effects/no-upper-limit'],
    ['tldr which foods have the most k2', 'food-plan/food-ranking'],
  ])('%j answers the question', (q, fact) => {
    const a = engine.ask(q);
    expect(a.kind).toBe('answer');
    expect(a.facts?.[0]).toBe(fact);
  });

  it('keeps a request that asks nothing else for the follow-up to read', () => {
    for (const q of [
      'tl;dr the article',
      'in simple words pls',
      "what's the bottom line on k2",
      'whats the gist of k2',
    ]) {
      expect(withoutFormRequest(normalizeText(q))).toBe(normalizeText(q));
    }
  });

  it('sets the request aside when a question stands beside it', () => {
    expect(withoutFormRequest(normalizeText('explain like im 5: what does k2 do?'))).toBe('what does k2 do?');
  });
});
