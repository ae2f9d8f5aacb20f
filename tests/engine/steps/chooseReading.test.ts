import { beforeAll, describe, expect, it } from 'vitest';
import {
  type MessageContext,
  preferQuestionClause,
  preferWithoutNegated,
  scoreWholeMessage,
  setIncidentalAside,
  urgentCategoryBoosts,
} from '../../../src/engine/chooseReading.ts';
import { normalizeText } from '../../../src/engine/normalize.ts';
import { outOfScopeClass } from '../../../src/engine/outOfScope.ts';
import { ANSWER_THRESHOLD } from '../../../src/engine/rawConfidence.ts';
import type { TopicIndex } from '../../../src/engine/topicIndex.ts';
import { sharedEngine, sharedTopicIndex } from '../../sharedEngine.ts';

let index: TopicIndex;
beforeAll(() => {
  index = sharedTopicIndex();
});

function context(text: string): MessageContext {
  const normalized = normalizeText(text);
  return { index, normalized, analysis: index.analyzer.analyze(normalized), boosts: undefined };
}
const topicOf = (r: { ranked: Array<{ topic: { id: string } }> }) => r.ranked[0]?.topic.id;

describe('choose: the whole message', () => {
  it('reads a dose taken twice as the side-effect question', () => {
    const ctx = context('i took my k2 twice today because i forgot');
    expect(topicOf(scoreWholeMessage(ctx, false))).toBe('safety-side-effects');
  });

  it('reads several pills at once, asked about calmly, as the side-effect question', () => {
    const ctx = context('just curious, what if a person ate eight k2 softgels in one go');
    expect(topicOf(scoreWholeMessage(ctx, false))).toBe('safety-side-effects');
  });
});

describe('choose: without what the message negates', () => {
  it.each([
    ["i don't eat natto, how can i get k2 from food", 'food-plan'],
    ['how much k2 is in natto', 'natto'],
  ])('%s → %s', (text, topic) => {
    const ctx = context(text);
    expect(topicOf(preferWithoutNegated(ctx, scoreWholeMessage(ctx, false)))).toBe(topic);
  });
});

describe('choose: the question clause after a backstory', () => {
  it('lets the asked clause decide over foods in the story', () => {
    const ctx = context(
      'i eat yogurt and some cheese most days and an egg or two at breakfast, is there any evidence k2 prevents fractures?',
    );
    const chosen = preferQuestionClause(ctx, scoreWholeMessage(ctx, false));
    expect(chosen.ranked[0]?.topic.category).toBe('bones');
  });

  it('lets a question what something is decide over what the story compared it with (blind round 14)', () => {
    const a = sharedEngine().ask(
      'a podcast host called vitamin k the next vitamin d and said everyone is low in it. what is vitamin k anyway?',
    );
    expect(a.topic?.id).toBe('k2-overview');
  });

  it('keeps the whole message when there is no backstory', () => {
    const ctx = context('how much k2 is in natto');
    const whole = scoreWholeMessage(ctx, false);
    expect(preferQuestionClause(ctx, whole)).toBe(whole);
  });
});

describe('choose: incidental words set aside', () => {
  it('answers the K2 part beside a diet', () => {
    const ctx = context('carnivore diet k2 - do steaks have it');
    const scope = outOfScopeClass(ctx.normalized, true);
    expect(scope?.incidental).toBe(true);
    const chosen = setIncidentalAside(ctx, scoreWholeMessage(ctx, false), scope as NonNullable<typeof scope>);
    expect(chosen.outOfScope).toBeNull();
    expect(topicOf(chosen.result)).toBe('meat-liver-chicken');
  });

  it('keeps a medicine combined with K2 out of scope (a pharmacist question)', () => {
    const ctx = context('can i take k2 with metformin');
    const scope = outOfScopeClass(ctx.normalized, true);
    expect(scope?.cls).toBe('medicine');
    const chosen = setIncidentalAside(ctx, scoreWholeMessage(ctx, false), scope as NonNullable<typeof scope>);
    expect(chosen.outOfScope?.cls).toBe('medicine');
  });
});

describe('choose: category boosts from the emergency kind', () => {
  it.each([
    ['overdose', false, [['safety', 0.5]]],
    ['allergy', true, [['safety', 0.5]]],
    ['bleeding', true, [['interactions', 0.5]]],
    ['bleeding', false, undefined],
    ['stroke', true, undefined],
  ] as const)('%s (anticoagulant %s)', (kind, anticoagulant, expected) => {
    const boosts = urgentCategoryBoosts(kind, anticoagulant);
    expect(boosts ? [...boosts] : undefined).toEqual(expected);
  });
});

describe('choose: a question pointing back at a subject named sentences before', () => {
  it('reads "is it something i should take?" with the earlier sentence that names vitamin K', () => {
    const ctx = context(
      "Last week I was leafing through a newspaper at the clinic and read a bit about vitamin K for supple arteries. Frankly, I don't know anything about vitamin K. Is it something I need to take?",
    );
    const whole = scoreWholeMessage(ctx, false);
    const chosen = preferQuestionClause(ctx, whole);
    expect(whole.confidence).toBeLessThan(ANSWER_THRESHOLD);
    expect(chosen.confidence).toBeGreaterThanOrEqual(ANSWER_THRESHOLD);
    expect(['heart-health', 'vascular-calcification', 'calcium-direction']).toContain(topicOf(chosen));
  });
});
