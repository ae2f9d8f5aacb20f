import { describe, expect, it } from 'vitest';
import { contentWords, similarQuestions } from '../../src/learning/review.ts';

describe('grouping questions by similarity', () => {
  it.each([
    ['does K2 help with gout?', 'k2 for gout??', true],
    ['can k2 help gout', 'Does K2 help with gout', true],
    ['will k2 stop my hair loss', 'does k2 help hair loss', true],
    ['is k2 ok with ozempic', 'ozempic and k2 together', true],
    ['k2 for tinnitis', 'is k2 good for tinnitus?', true],
    ['mk7 before gym?', 'mk7 dose', false],
    ['does k2 help gout', 'does k2 help bones', false],
    ['k2 and psoriasis?', 'k2 for tinnitus', false],
  ])('%s ~ %s: %s', (a, b, same) => {
    expect(similarQuestions(contentWords(a), contentWords(b))).toBe(same);
  });

  it('keeps only the words that carry the question', () => {
    expect(contentWords('Does vitamin K2 really help with GOUT, gout??')).toEqual(['gout']);
  });
});
