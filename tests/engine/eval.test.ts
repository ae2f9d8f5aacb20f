import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { evaluate, loadCases, showsExpectedFacts, THRESHOLDS } from '../../scripts/evaluate.ts';
import { createEngine } from '../../src/engine/index.ts';
import { loadKnowledge } from '../../src/kb/load.ts';

const cases = loadCases(join(import.meta.dirname, '..', 'fixtures', 'questions.dev.jsonl'));

describe('development question set', () => {
  it('is large and covers every topic, off-topic, urgent and false-alarm probes', () => {
    const kb = loadKnowledge();
    expect(cases.length).toBeGreaterThanOrEqual(220);
    const count = (e: string) => cases.filter((c) => c.expect === e).length;
    for (const t of kb.topics) expect(count(t.id), t.id).toBeGreaterThanOrEqual(4);
    expect(count('decline')).toBeGreaterThanOrEqual(40);
    expect(count('urgent')).toBeGreaterThanOrEqual(20);
    const ids = new Set(kb.topics.map((t) => t.id));
    for (const c of cases) {
      if (c.expect !== 'decline' && c.expect !== 'urgent') expect(ids.has(c.expect), c.expect).toBe(true);
      for (const id of c.also ?? []) expect(ids.has(id), id).toBe(true);
    }
    const probes = cases.filter(
      (c) => c.expect !== 'urgent' && /warfarin|coumadin|blood|bleed|thinner|xarelto|eliquis|inr/i.test(c.q),
    );
    expect(probes.length).toBeGreaterThanOrEqual(20);
  });

  it('names only fact ids that exist, as <topic-id>/<fact-id>', () => {
    const known = new Set(loadKnowledge().topics.flatMap((t) => t.facts.map((f) => `${t.id}/${f.id}`)));
    const unknown = cases
      .flatMap((c) => [...(c.facts ?? []), ...(c.anyFacts ?? [])])
      .filter((id) => !known.has(id));
    expect(unknown).toEqual([]);
  });

  it('counts a reply right only when it shows every listed fact and one of the alternatives', () => {
    const c = {
      q: 'x',
      expect: 'natto',
      facts: ['natto/natto-amount'],
      anyFacts: ['natto/natto-mk7', 'natto/highest-k2-food'],
    };
    expect(showsExpectedFacts(c, ['natto/natto-amount', 'natto/highest-k2-food'])).toBe(true);
    expect(showsExpectedFacts(c, ['natto/natto-amount'])).toBe(false);
    expect(showsExpectedFacts(c, ['natto/natto-mk7'])).toBe(false);
    expect(
      showsExpectedFacts({ q: 'x', expect: 'natto', anyFacts: ['natto/natto-mk7'] }, ['natto/natto-mk7']),
    ).toBe(true);
  });

  it("does not copy the topics' own sample questions (it must measure generalisation)", () => {
    const norm = (q: string) =>
      q
        .toLowerCase()
        .replace(/[^\p{L}\p{N}]+/gu, ' ')
        .trim();
    const own = new Set(loadKnowledge().topics.flatMap((t) => t.questions.map(norm)));
    expect(cases.filter((c) => own.has(norm(c.q))).map((c) => c.q)).toEqual([]);
  });

  it('meets the accuracy, decline, urgent and false-alarm targets', () => {
    const m = evaluate(createEngine(loadKnowledge()), cases);
    const detail = JSON.stringify(m.failures.slice(0, 20), null, 1);
    expect(m.inScope.accuracy, detail).toBeGreaterThanOrEqual(THRESHOLDS.inScopeAccuracy);
    expect(m.offTopic.rate, detail).toBeGreaterThanOrEqual(THRESHOLDS.offTopicDeclineRate);
    expect(m.urgent.recall, detail).toBeGreaterThanOrEqual(THRESHOLDS.urgentRecall);
    expect(m.falseAlarms.rate, detail).toBeLessThanOrEqual(THRESHOLDS.falseAlarmRate);
  });
});
