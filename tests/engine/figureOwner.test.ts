import { describe, expect, it } from 'vitest';
import { statedOwnerOfFigure } from '../../src/engine/figureOwner.ts';
import { sharedEngine } from '../sharedEngine.ts';

// Blind round 30: a bone formula's label (calcium, D3, magnesium, K2 45 mcg) and then "is 45 mcg
// enough?" got the D3-with-K2 trial. The figure asked is the one the label gives to K2: the K2
// dose facts answer it.
describe('a figure asked that the story gives to K2', () => {
  const engine = sharedEngine();
  const DOSE_FACTS = [
    'supplement-dosage/key-takeaway-dose-range',
    'supplement-dosage/ninety-to-200-trials',
    'supplement-dosage/mk7-100mcg',
  ];

  it.each([
    'The softgel label lists vitamin D3 2,000 IU and menaquinone-7 60 mcg. Is 60 mcg too little?',
    'each gummy: calcium 500 mg, vitamin d 25 mcg, k2 as mk-7 80 mcg. is 80 mcg a decent amount or should i take two?',
  ])('%j gets the K2 supplement dose facts', (q) => {
    const a = engine.ask(q);
    expect(a.topic?.id).toBe('supplement-dosage');
    expect(a.facts.some((id) => DOSE_FACTS.includes(id))).toBe(true);
  });

  it('reads the owner from the item that states the same figure, not from another nutrient', () => {
    const story = 'my chews have calcium 500 mg, vitamin d3 25 mcg and mk-7 80 mcg. is 80 mcg ok?';
    expect(statedOwnerOfFigure(story, 'is 80 mcg ok')).toMatch(/mk-7 80 mcg/);
    expect(statedOwnerOfFigure(story, 'is 25 mcg ok')).toBeNull();
    expect(statedOwnerOfFigure(story, 'is 500 mg ok')).toBeNull();
  });

  it('a question that names the vitamin itself needs no owner', () => {
    expect(
      statedOwnerOfFigure('k2 45 mcg on the label. is 45 mcg of k2 enough?', 'is 45 mcg of k2 enough'),
    ).toBeNull();
  });

  it('a figure the story gives to K2 beside a condition keeps the reading of the whole message', () => {
    // "45mg of K2 for osteoporosis" in Japan: the Japanese prescription answers, not a K2 supplement dose.
    const a = engine.ask(
      'My aunt heard that doctors in Japan prescribe 45mg of K2 for weak bones. She is 80. Is 45 mg the right amount at her age?',
    );
    expect(a.topic?.id).not.toBe('supplement-dosage');
  });
});
