import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { factIndexOf } from '../../src/engine/factIndex.ts';
import { normalizeText } from '../../src/engine/normalize.ts';
import { prepareIndexTexts } from '../../src/engine/prepareIndex.ts';
import { TopicIndex } from '../../src/engine/topicIndex.ts';
import { sharedKnowledge } from '../sharedEngine.ts';

const questions = readFileSync(new URL('../fixtures/questions.dev.jsonl', import.meta.url), 'utf8')
  .split('\n')
  .filter((line) => line.trim() !== '')
  .map((line) => normalizeText((JSON.parse(line) as { q: string }).q))
  .filter((_, i) => i % 5 === 0);

/** What a search gives, as plain data. */
function searched(index: TopicIndex, q: string) {
  const result = index.search(q);
  return {
    ranked: result.ranked.map((r) => [r.topic.id, r.score]),
    confidence: result.confidence,
    features: result.features,
    terms: result.analysis.terms,
  };
}

describe('an index built from the prepared texts of the build (knowledge snapshot)', () => {
  const kb = sharedKnowledge();
  const prepared = prepareIndexTexts(kb);

  it('holds every knowledge text the indexes read', () => {
    const normalized = new Map(prepared.normalized);
    for (const topic of kb.topics) {
      expect(normalized.get(topic.title)).toBe(normalizeText(topic.title));
      for (const fact of topic.facts) expect(normalized.get(fact.quote)).toBe(normalizeText(fact.quote));
    }
    expect(prepared.analyses.length).toBeGreaterThan(kb.topics.length);
  });

  it('ranks every question and indexes every fact exactly as an index that works them out', () => {
    const fresh = new TopicIndex(kb.topics);
    const fromPrepared = new TopicIndex(kb.topics, prepared);
    for (const q of questions) expect(searched(fromPrepared, q), q).toEqual(searched(fresh, q));
    const facts = (index: TopicIndex) =>
      [...factIndexOf(index).byId.values()].map((f) => [f.fullId, [...f.terms], [...f.focuses], f.lead]);
    expect(facts(fromPrepared)).toEqual(facts(fresh));
  });

  it('leaves the analyses aside when the knowledge gives the analyzer other typo aliases', () => {
    const natto = normalizeText('natto');
    const wrong = {
      ...prepared,
      aliases: [...prepared.aliases, ['nattto', 'natto']] as Array<[string, string]>,
      analyses: [[natto, ['cheese'], []]] as Array<[string, string[], string[]]>,
    };
    expect(new TopicIndex(kb.topics, wrong).analyzer.analyze(natto, false).terms).toEqual(
      new TopicIndex(kb.topics).analyzer.analyze(natto, false).terms,
    );
    const same = { ...wrong, aliases: prepared.aliases };
    expect(new TopicIndex(kb.topics, same).analyzer.analyze(natto, false).terms).toEqual(['cheese']);
  });
});
