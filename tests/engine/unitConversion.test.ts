import { describe, expect, it } from 'vitest';
import { normalizeText } from '../../src/engine/normalize.ts';
import { conversionVerdict } from '../../src/engine/unitConversion.ts';
import { sharedEngine } from '../sharedEngine.ts';

// Blind round 36: two letters stated a conversion between micrograms and milligrams beside their
// question ("… is just 0.6 mg. Is that correct?") and got no word on it. 1 mg is 1,000 mcg
// (expected values worked out by hand).
const verdict = (q: string) => conversionVerdict(normalizeText(q));

describe('a conversion between micrograms and milligrams the message states', () => {
  it.each([
    ['my softgel has 200 mcg, that is 0.2 mg?', 'Yes: 200 mcg is 0.2 mg, since 1 mg is 1,000 mcg.'],
    ['so 1,500 mcg equals 1.5 mg right', 'Yes: 1,500 mcg is 1.5 mg, since 1 mg is 1,000 mcg.'],
    ['so 45 mg = 45,000 μg then?', 'Yes: 45,000 mcg is 45 mg, since 1 mg is 1,000 mcg.'],
    ['15 mg is 15,000 micrograms, correct?', 'Yes: 15,000 mcg is 15 mg, since 1 mg is 1,000 mcg.'],
    ['is 90 mcg the same as 9 mg', 'No: 90 mcg is 0.09 mg, not 9 mg, since 1 mg is 1,000 mcg.'],
    ['45 mg means 4,500 mcg doesnt it', 'No: 4,500 mcg is 4.5 mg, not 45 mg, since 1 mg is 1,000 mcg.'],
  ])('%j → %j', (q, expected) => {
    expect(verdict(q)).toBe(expected);
  });

  it.each([
    [
      "label: vitamin k2 (as mk-7) 0.1 mg, am i in the article's range?",
      '0.1 mg is 100 mcg, since 1 mg is 1,000 mcg.',
    ],
    ['each softgel has .045 mg of mk7', '0.045 mg is 45 mcg, since 1 mg is 1,000 mcg.'],
  ])('a dose under 1 mg, %j, is said in micrograms', (q, expected) => {
    expect(verdict(q)).toBe(expected);
  });

  it.each([
    'i take 100 mcg of k2 and 5 mg of something else',
    'how many mcg are in a mg',
    'is 100 mcg enough?',
  ])('%j states no conversion', (q) => {
    expect(verdict(q)).toBeNull();
  });

  it('opens the reply, before the rest of the answer', () => {
    const a = sharedEngine().ask('the label says 300 mcg which is 3 mg, is that a high dose of mk7?');
    expect(a.kind).toBe('answer');
    expect(a.body.startsWith('No: 300 mcg is 0.3 mg, not 3 mg, since 1 mg is 1,000 mcg.')).toBe(true);
  });
});
