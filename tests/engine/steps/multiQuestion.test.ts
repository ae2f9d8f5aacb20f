import { beforeAll, describe, expect, it } from 'vitest';
import { scoreWholeMessage } from '../../../src/engine/chooseReading.ts';
import { composeReply } from '../../../src/engine/composeAnswer.ts';
import { answerEachPart } from '../../../src/engine/multiQuestion.ts';
import { normalizeText } from '../../../src/engine/normalize.ts';
import type { TopicIndex } from '../../../src/engine/topicIndex.ts';
import type { Topic } from '../../../src/kb/schema.ts';
import { sharedKnowledge, sharedTopicIndex } from '../../sharedEngine.ts';

let index: TopicIndex;
let byId: Map<string, Topic>;
beforeAll(() => {
  const kb = sharedKnowledge();
  index = sharedTopicIndex();
  byId = new Map(kb.topics.map((t) => [t.id, t]));
});

function answerParts(text: string) {
  const normalized = normalizeText(text);
  const ctx = { index, normalized, analysis: index.analyzer.analyze(normalized), boosts: undefined };
  const result = scoreWholeMessage(ctx, false);
  const whole = composeReply(result, null, { urgent: false, kind: null, notice: null }, true, false, byId);
  return { whole, parts: answerEachPart(ctx, whole, result, false, byId).answer };
}

describe('multi-question: each part scored on its own', () => {
  it('offers the other parts first, at most three suggestions', () => {
    const { parts } = answerParts('how much k2 a day? and mk7 or mk4?');
    const offered = [parts.topic?.id, ...parts.suggestions.map((s) => s.id)];
    expect(offered).toContain('mk7-vs-mk4');
    expect(parts.suggestions.length).toBeLessThanOrEqual(3);
  });

  it('leaves a single question as it was', () => {
    const { whole, parts } = answerParts('how much k2 is in natto');
    expect(parts).toBe(whole);
  });
});
