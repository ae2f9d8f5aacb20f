import { describe, expect, it } from 'vitest';
import { ANTICOAGULANT, DOAC, mentionsAnticoagulant } from '../../src/engine/anticoagulants.ts';
import { anticoagulantSpellings } from '../../src/kb/language.ts';

describe('the one anticoagulant list', () => {
  it.each([
    ['my warfarin dose', true, false],
    ['started eliquis last week', true, true],
    ['on blood thinners', true, false],
    ['my inr is 2.5', true, false],
    ['taking fragmin after surgery', false, true],
    ['baby aspirin daily', false, true],
    ['brilinta and k2', false, true],
    ['vitamin k2 and cheese', false, false],
  ])('%s: gate %s, DOAC notice %s', (text, gate, doac) => {
    expect(ANTICOAGULANT.test(text)).toBe(gate);
    expect(mentionsAnticoagulant(text)).toBe(gate);
    expect(DOAC.test(text)).toBe(doac);
  });

  it('marks vitamin K antagonists apart from DOACs', () => {
    const vkas = anticoagulantSpellings({ kinds: ['vka'] });
    expect(vkas).toEqual(expect.arrayContaining(['warfarin', 'coumadin', 'acenocoumarol', 'phenprocoumon']));
    expect(vkas).not.toContain('eliquis');
    for (const vka of vkas) expect(DOAC.test(vka)).toBe(false);
  });

  it('matches whole words only', () => {
    expect(ANTICOAGULANT.test('inrange')).toBe(false);
    expect(ANTICOAGULANT.test('heparinized')).toBe(false);
  });
});
