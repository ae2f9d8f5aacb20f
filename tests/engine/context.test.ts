import { describe, expect, it } from 'vitest';
import { DECLINE_TEXTS } from '../../src/engine/declines.ts';
import { normalizeText } from '../../src/engine/normalize.ts';
import { questionParts } from '../../src/engine/readings.ts';
import { ANTICOAGULANT_WARNING, DISCLAIMER } from '../safetyTexts.ts';
import { sharedEngine } from '../sharedEngine.ts';

const engine = sharedEngine();
const topicOf = (q: string) => {
  const a = engine.ask(q);
  return a.kind === 'answer' ? a.topic?.id : a.kind;
};

describe('context around a clear K2 question does not decline it', () => {
  it.each([
    ['type 1 diabetic on insulin and metformin, is k2 any use for blood sugar', 'diabetes'],
    ['is k2 stored in the body like vitamin a is', 'absorption-excretion'],
    ['carnivore diet here - does beef have any k2', 'meat-liver-chicken'],
    ['vitamina k2 sirve para la osteoporosis?', 'osteoporosis'],
    ['my gym coach keeps saying k2, what is it', 'k2-overview'],
  ])('%j → %s', (q, id) => {
    expect(topicOf(q)).toBe(id);
  });

  it.each([
    ['side efects of k2', 'safety-side-effects'],
    ['k2 efect on bones', 'bone-health'],
    ['efectos secundarios de la vitamina k2', 'safety-side-effects'],
  ])('an English typo is corrected to English, other languages match as typed: %j → %s', (q, id) => {
    expect(topicOf(q)).toBe(id);
  });

  it.each(['can i take k2 with my metformin', 'keto diet k2?', 'does k2 interact with prednisone'])(
    '%j still declines',
    (q) => {
      expect(engine.ask(q).kind).toBe('decline');
    },
  );
});

describe("the article's own figures anchor a question", () => {
  it.each([
    ['what did the 6,425-women meta-analysis show', 'bone-human-studies'],
    ['the article says 150 mcg per tablespoon of natto, true?', 'natto'],
    ['does vk2 help the heart', 'heart-health'],
  ])('%j → %s', (q, id) => {
    expect(topicOf(q)).toBe(id);
  });
});

describe('lab values (R-20)', () => {
  it.each([
    'my ucoc is 2.9 ng/ml, good or bad?',
    'my t score is -2.9 which k2 dose',
    'cac of 310, how much mk7',
  ])('%j declines with the lab text', (q) => {
    const a = engine.ask(q);
    expect(a.kind).toBe('decline');
    expect(a.body).toBe(DECLINE_TEXTS.lab);
    expect(a.safety.disclaimer).toBe(DISCLAIMER);
    expect(a.safety.warning).toBe(ANTICOAGULANT_WARNING);
  });

  it('keeps an INR value on the warfarin topic with the anticoagulation-clinic notice (R-03)', () => {
    const a = engine.ask('my inr is 2.8, can i keep my k2 the same');
    expect(a.topic?.id).toBe('warfarin-interaction');
    expect(a.personalNotice).toMatch(/anticoagulation clinic/);
  });
});

describe('several questions in one message', () => {
  it('splits numbered lists and question marks', () => {
    expect(questionParts(normalizeText('1) dose? 2) mk7 or mk4? 3) with food?'))).toEqual([
      'dose',
      'mk7 or mk4',
      'with food',
    ]);
    expect(questionParts(normalizeText('what is k2?? i never heard of it'))).toEqual([]);
  });

  it('answers one and offers the others first as suggestions', () => {
    const a = engine.ask('how much k2 a day? and mk7 or mk4?');
    expect(a.kind).toBe('answer');
    const offered = [a.topic?.id, ...a.suggestions.map((s) => s.id)];
    expect(offered).toContain('mk7-vs-mk4');
    expect(offered.some((id) => id === 'daily-intake' || id === 'supplement-dosage')).toBe(true);
    expect(a.suggestions.length).toBeLessThanOrEqual(3);
  });
});
