import { beforeAll, describe, expect, it } from 'vitest';
import { normalizeText } from '../../src/engine/normalize.ts';
import { SuggestIndex } from '../../src/engine/suggestIndex.ts';
import { loadKnowledge } from '../../src/kb/load.ts';
import type { Topic } from '../../src/kb/schema.ts';

// The fuzzy tier of autocomplete on its own: what it finds here no other tier helped with.
let topics: readonly Topic[];
let index: SuggestIndex;
beforeAll(() => {
  topics = loadKnowledge().topics;
  index = new SuggestIndex(topics);
});

const rank = (text: string, exclude?: ReadonlySet<number>) =>
  index.rank(normalizeText(text), exclude).map((i) => topics[i]?.id);

describe('SuggestIndex (autocomplete word index)', () => {
  it.each([
    ['osteoper', 'osteoporosis'],
    ['osteoperosis', 'osteoporosis'],
    ['warfrin', 'warfarin-interaction'],
    ['pregnent', 'pregnancy-breastfeeding'],
    ['alzhiemer', 'brain-alzheimers'],
    ['sourkraut', 'fermented-veg'],
    ['nueropathy', 'peripheral-neuropathy'],
    ['natot', 'natto'],
    ['gouda chese', 'cheese'],
    ['diabetis', 'diabetes'],
    ['mk-7 vs mk-4', 'mk7-vs-mk4'],
    ['mk7 vs mk4', 'mk7-vs-mk4'],
  ])('%j ranks %s first', (text, id) => {
    expect(rank(text)[0]).toBe(id);
  });

  it('reads the last word as the start of a word until punctuation ends it', () => {
    expect(rank('pregn')).toContain('pregnancy-breastfeeding');
    expect(rank('pregn.')).toEqual([]);
    expect(rank('calci')).toContain('vascular-calcification');
    expect(rank('calci?')).toEqual([]);
  });

  it('finds nothing for nothing, for unknown letters and for a single stray word', () => {
    expect(rank('')).toEqual([]);
    expect(rank('   ')).toEqual([]);
    expect(rank('zzzz')).toEqual([]);
    expect(rank('xq')).toEqual([]);
  });

  it('skips the topics another tier already offered', () => {
    const natto = topics.findIndex((t) => t.id === 'natto');
    expect(rank('natto')).toContain('natto');
    expect(rank('natto', new Set([natto]))).not.toContain('natto');
  });

  it('lists each topic once, in a stable order', () => {
    const ids = rank('how much k2');
    expect(new Set(ids).size).toBe(ids.length);
    expect(rank('how much k2')).toEqual(ids);
  });

  it('takes very long text', () => {
    expect(rank(`${'natto '.repeat(2000)}x`)[0]).toBe('natto');
  });
});
