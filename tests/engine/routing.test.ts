import { describe, expect, it } from 'vitest';
import { createEngine } from '../../src/engine/index.ts';
import { loadKnowledge } from '../../src/kb/load.ts';

const engine = createEngine(loadKnowledge());
const topicOf = (q: string) => {
  const a = engine.ask(q);
  return a.kind === 'answer' ? a.topic?.id : a.kind;
};

describe('routing by meaning', () => {
  it.each([
    ['how do they make mk7', 'mk7-production'],
    ['solid state vs liquid state fermentation', 'mk7-production'],
    ['how is it produced, the natto-derived kind', 'mk7-production'],
    ['are there other kinds of k2 besides mk4 and mk7', 'menaquinone-forms'],
    ['any other types of k2 apart from mk-7', 'menaquinone-forms'],
    ['is k2 just regular vitamin k or a different thing', 'k2-overview'],
    ['vitamin k = koagulation? is that where the K comes from', 'clotting-function'],
    ['the article says bone results are mixed, which studies?', 'bone-human-studies'],
    ['k2 pros vs cons', 'evidence-summary'],
    ['what are the downsides and upsides of k2', 'evidence-summary'],
    ['stroke risk and k2, any studies', 'heart-health'],
    ['mk7 or nah', 'mk7-vs-mk4'],
    ['mk4 or mk7 for bones?', 'mk7-vs-mk4'],
  ])('%j → %s', (q, topic) => {
    expect(topicOf(q)).toBe(topic);
  });

  it.each([
    'blood test for vitamin k levels, which one do doctors use',
    'who first climbed k2',
    'k2 expedition season',
  ])('%j declines', (q) => {
    expect(topicOf(q)).toBe('decline');
  });
});
