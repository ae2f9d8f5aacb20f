import { beforeAll, describe, expect, it } from 'vitest';
import {
  AUTO_ANSWER_MIN_CONFIDENCE,
  looksLikeK2Question,
  shouldAutoAnswer,
} from '../../src/discord/chatReplyPolicy.ts';
import { createEngine, type Engine } from '../../src/engine/index.ts';
import { loadKnowledge } from '../../src/kb/load.ts';

let engine: Engine;
beforeAll(() => {
  engine = createEngine(loadKnowledge());
});

describe('auto-answer screening', () => {
  it.each([
    ['Does vitamin K2 help bones?', true],
    ['how much k2 is in natto', true],
    ['I had natto for breakfast', false],
    ['what time is the meeting?', false],
  ])('%j looks like a K2 question: %s', (text, expected) => {
    expect(looksLikeK2Question(text)).toBe(expected);
  });

  it('answers a confident K2 question and stays out of a merely plausible one', () => {
    const text = 'Does vitamin K2 help bones?';
    const answer = engine.ask(text);
    expect(answer.confidence).toBeGreaterThanOrEqual(AUTO_ANSWER_MIN_CONFIDENCE);
    expect(shouldAutoAnswer(text, answer)).toBe(true);
    expect(shouldAutoAnswer(text, { ...answer, confidence: AUTO_ANSWER_MIN_CONFIDENCE - 0.01 })).toBe(false);
  });

  it('always answers an urgent message, even one that is not phrased as a K2 question', () => {
    const text = 'on warfarin and my nose has been bleeding for an hour and wont stop';
    const answer = engine.ask(text);
    expect(answer.urgent).toBe(true);
    expect(shouldAutoAnswer(text, answer)).toBe(true);
  });
});
