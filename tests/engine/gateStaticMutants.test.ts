import { describe, expect, it } from 'vitest';
import { checkEmergency } from '../../src/engine/gate.ts';
import type { UrgentKind } from '../../src/engine/gateWords.ts';
import { activeSymptom } from '../../src/engine/gateWords.ts';
import { normalizeText } from '../../src/engine/normalize.ts';

// The gate's expressions built while its modules load ("static" mutants: npm run test:mutation --
// gate --static-only), one wording at a time, with hand-written expectations: each message here
// fires (or stays calm) through one part of one expression, which a sampled static mutant
// changed without any other test noticing.

const kindOf = (message: string) => checkEmergency(normalizeText(message)).kind;

describe('static expressions of the gate, one wording at a time', () => {
  it.each<[string, UrgentKind | null]>([
    // Hopelessness around an overdose is a crisis first, not only a poisoning.
    ['whats even the point anymore, if i took the whole bottle would it be over', 'self-harm'],
    // A bleeding sign going on "for hours" or "for days", with no count and no person named.
    ['black stools for hours', 'bleeding'],
    ['passing black stools for days', 'bleeding'],
    // "Overdosed" after one word for who ("my husband"), after none or after several hedges.
    ['my husband overdosed', 'overdose'],
    ['i overdosed', 'overdose'],
    ['i think i may have overdosed', 'overdose'],
    // A reading of 180/120 or more: a systolic in the 200s, a diastolic of any three digits, or
    // a systolic of 180+ after "bp is".
    ['it read 210/130 this morning', 'blood-pressure'],
    ['my reading is 185/100', 'blood-pressure'],
    ['my bp is 190', 'blood-pressure'],
    // An extra dose of a DOAC is poison control's; of aspirin (not a gate drug) it is not.
    ['i took an extra eliquis by mistake', 'overdose'],
    ['i took a double dose of xarelto', 'overdose'],
    ['i took an extra aspirin by mistake', null],
    ['took 2 brilinta by mistake', null],
    ['black stools for a couple days', 'bleeding'],
    // A reading after "bp" with no verb between; a clot suspected without "a".
    ['bp 195 and a pounding headache', 'blood-pressure'],
    ['i think i have dvt', 'clot'],
    // An extra dose of a vitamin K antagonist or a heparin.
    ['i took an extra warfarin by mistake', 'overdose'],
    ['i took an extra clexane by mistake', 'overdose'],
    // A food counted is no overdose; a pet that ate something that is no poison is no emergency.
    ['my son ate 20 of those cheese sticks', null],
    ['my dog ate some grass', null],
    // Chest pain from the gym, named twice: a chest phrase's own words ("pressure") are no alarm,
    // in the second mention either; an alarm outside them still is.
    ['chest pain after the gym. chest pressure after lifting too.', null],
    ['chest pain after the gym. chest pressure after lifting too, and dizzy', 'chest-pain'],
    // Someone hypothetical, pointed back at with "he", "her" or "hes": nobody is present.
    ['what if someone took 50 k2 pills, would he die', null],
    ['what if someone took 50 k2 pills, would her heart stop', null],
    ['if somebody swallowed a whole bottle of k2, hes going to be fine right', null],
    ['what if someone took 50 k2 pills, would she die', null],
    ['what if someone took 50 k2 pills, would they die', null],
    ['what if someone took 50 k2 pills, would it hurt him', null],
    ['what if someone took 50 k2 pills, would it kill them', null],
  ])('%s → %s', (message, kind) => {
    expect(kindOf(message)).toBe(kind);
  });
});

describe('activeSymptom: a symptom asked about as a subject or as a kind of thing', () => {
  const symptom = /\bblack stools?\b/;
  it.each([
    ['black stools reason?', false],
    ['black stools reasons?', false],
    ['is black stool a symptom of k2 overdose', false],
    ['are black stools symptoms of liver trouble', false],
    ['black stools, is that a side effect of k2', false],
    // Asked about only right after it is named: later words do not make it a question.
    ['black stools and dizzy, reason?', true],
    ['black stools and dizzy after starting k2, is that a side effect', true],
    // A later clause that says the asker has it, a few words apart ("seen a few of them").
    ['can k2 cause black stools? seen a few of them for two days', true],
    // Dated in the past a few words after it is named, even when it is someone's own.
    ['my black stools two years ago, is k2 ok', false],
  ])('%s → %s', (text, reported) => {
    expect(activeSymptom(text, symptom)).toBe(reported);
  });
});
