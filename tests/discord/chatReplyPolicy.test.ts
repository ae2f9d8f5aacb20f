import { describe, expect, it } from 'vitest';
import { looksLikeK2Question, shouldAutoAnswer } from '../../src/discord/chatReplyPolicy.ts';
import { STUB, stubAnswer } from './stubEngine.ts';

describe('auto-answer screening', () => {
  it.each([
    ['Does vitamin K2 help bones?', true],
    ['how much k2 is in natto', true],
    ['I had natto for breakfast', false],
    ['what time is the meeting?', false],
  ])('%j looks like a K2 question: %s', (text, expected) => {
    expect(looksLikeK2Question(text)).toBe(expected);
  });

  it('answers a K2 question matched with a confidence of 0.9 or more, and stays out below', () => {
    const text = 'Does vitamin K2 help bones?';
    const answer = stubAnswer(text);
    expect(shouldAutoAnswer(text, { ...answer, confidence: 0.9 })).toBe(true);
    expect(shouldAutoAnswer(text, { ...answer, confidence: 0.89 })).toBe(false);
  });

  it('stays out of a confident answer to a message that is not a K2 question, and of a decline', () => {
    expect(shouldAutoAnswer('I had natto for breakfast', stubAnswer('I had natto for breakfast'))).toBe(
      false,
    );
    const declined = `Does vitamin K2 help bones ${STUB.decline}?`;
    expect(shouldAutoAnswer(declined, { ...stubAnswer(declined), confidence: 0.95 })).toBe(false);
  });

  it('always answers an urgent message, even one that is not phrased as a K2 question', () => {
    const text = `${STUB.urgent} my nose has been bleeding for an hour`;
    expect(looksLikeK2Question(text)).toBe(false);
    expect(shouldAutoAnswer(text, stubAnswer(text))).toBe(true);
  });
});
