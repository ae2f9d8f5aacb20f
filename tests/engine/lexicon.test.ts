import { describe, expect, it } from 'vitest';
import { SYNONYM_GROUPS } from '../../src/engine/lexicon.ts';

describe('lexicon', () => {
  it('lists each variant once per meaning, so an edit to one copy cannot leave a stale twin', () => {
    const seen = new Set<string>();
    const repeated: string[] = [];
    for (const group of SYNONYM_GROUPS) {
      for (const variant of group.from) {
        const key = `${variant} → ${group.to.join('+')}`;
        if (seen.has(key)) repeated.push(key);
        seen.add(key);
      }
    }
    expect(repeated).toEqual([]);
  });
});
