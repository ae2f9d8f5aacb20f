import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DOMAIN_ANCHORS } from '../../src/engine/lexicon.ts';
import { sharedTopicIndex } from '../sharedEngine.ts';

interface Group {
  from: string[];
  to: string[];
}

// Read from the file itself, not through the loader that enforces the same rule.
const { groups } = JSON.parse(
  readFileSync(join(import.meta.dirname, '..', '..', 'knowledge', 'lexicon', 'synonyms.json'), 'utf8'),
) as { groups: Group[] };

/** Each variant listed more than once in the whole file, whatever it stands for, with where. */
function repeatedVariants(list: readonly Group[]): string[] {
  const firstGroup = new Map<string, number>();
  const repeated: string[] = [];
  list.forEach((group, i) => {
    for (const variant of group.from) {
      const first = firstGroup.get(variant);
      if (first === undefined) firstGroup.set(variant, i);
      else repeated.push(`"${variant}" in groups ${first} and ${i}`);
    }
  });
  return repeated;
}

describe('lexicon/synonyms.json', () => {
  it('lists each variant once in the whole file, so one word cannot mean two things by accident', () => {
    expect(repeatedVariants(groups)).toEqual([]);
  });

  it('notices a variant planted in a second group with a different meaning', () => {
    const [first, second, ...rest] = groups as [Group, Group, ...Group[]];
    expect(first.to).not.toEqual(second.to);
    const variant = first.from[0] as string;
    const planted = [first, { ...second, from: [...second.from, variant] }, ...rest];
    expect(repeatedVariants(planted)).toEqual([`"${variant}" in groups 0 and 1`]);
  });

  it('notices a variant listed twice in one group', () => {
    const [first, ...rest] = groups as [Group, ...Group[]];
    const variant = first.from[0] as string;
    expect(repeatedVariants([{ ...first, from: [...first.from, variant] }, ...rest])).toEqual([
      `"${variant}" in groups 0 and 0`,
    ]);
  });

  // Blind round 37: "how do they even make mk7??…" was declined: "make mk7" read as how it is made
  // and no longer named MK-7, so the message named nothing of K2.
  it('a phrase that names K2 or a form of it still names it when read as the phrase', () => {
    const analyzer = sharedTopicIndex().analyzer;
    const anchorsOf = (text: string) => analyzer.analyze(text).terms.filter((t) => DOMAIN_ANCHORS.has(t));
    const lost = groups.flatMap((group) =>
      group.from
        .filter((variant) => /^[a-z0-9 ]+$/.test(variant) && variant.includes(' '))
        .filter((variant) => variant.split(' ').some((word) => anchorsOf(word).length > 0))
        .filter((variant) => anchorsOf(variant).length === 0),
    );
    expect(lost).toEqual([]);
  });
});
