import { describe, expect, it } from 'vitest';
import { correctGateTypos } from '../../src/engine/gateTypos.ts';
import { activeSymptom, near } from '../../src/engine/gateWords.ts';

// Rule-level edge cases of the emergency gate for mutation testing (npm run test:mutation -- gate):
// the gate's own typo pass and the helpers the rules share, with hand-written expectations. The
// rules' own tables are in safety.test.ts; the dev set checks the gate on whole questions.

const nothingKnown = () => false;
const typos = (text: string, known: readonly string[] = []) =>
  correctGateTypos(text, (w) => known.includes(w));

describe("correctGateTypos: the gate's own typo pass", () => {
  it.each([
    // One edit from a gate word, same first letter.
    ['vomitting blod', 'vomiting blood'],
    ['chest paim', 'chest pain'],
    ['swolen calf', 'swollen calf'],
    ['bleding gums', 'bleeding gums'],
    // A dropped letter ties with another target: the longer word wins.
    ['swallowd pills', 'swallowed pills'],
    // Letters moved around in a word of six or more.
    ['tounge swelling', 'tongue swelling'],
    // Two edits in a word of eight or more letters.
    ['nosbleedd', 'nosebleed'],
    // An apostrophe is dropped before the words are read.
    ["i'm vomitting blod", 'im vomiting blood'],
    ['my todler ate gumies', 'my toddler ate gummies'],
  ])('%s → %s', (text, restored) => {
    expect(typos(text)).toBe(restored);
  });

  it.each([
    // Already right, or known to the knowledge base.
    ['vomiting blood', []],
    ['natto cheese', []],
    ['fastng', ['fastng']],
    // Two edits in a short word whose letters are not the target's: "fasting" is not "fainting".
    ['fasting', []],
    // Too short to restore (3 letters), or no gate word starts with the letter.
    ['blo', []],
    ['zzzz', []],
    // Too long to be a typo of anything the gate looks for.
    ['bleedingbleedingbleeding', []],
  ] as [string, string[]][])('leaves %s alone', (text, known) => {
    expect(typos(text, known)).toBeNull();
  });

  it('returns the whole text with only the misspelt words changed', () => {
    expect(typos('my dad is vomitting blod since noon')).toBe('my dad is vomiting blood since noon');
  });

  it('asks whether each word is known before restoring it', () => {
    const asked: string[] = [];
    correctGateTypos('vomitting blod', (w) => {
      asked.push(w);
      return false;
    });
    expect(asked).toEqual(['vomitting', 'blod']);
    expect(correctGateTypos('vomitting', nothingKnown)).toBe('vomiting');
  });
});

describe('near: a word followed by another within a gap of one sentence', () => {
  const rule = near(/\b(nose|gum)\b/, 'bleed', 10);
  it.each([
    ['nose bleed', true],
    ['nose keeps on bleed', true],
    // The gap counts the space: ten characters at most.
    ['nose 123456789bleed', true],
    ['nose 1234567890bleed', false],
    ['nose. bleed', false],
    ['nose? bleed', false],
    ['nose! bleed', false],
    ['bleed nose', false],
  ])('%s → %s', (text, fires) => {
    expect(rule.test(text)).toBe(fires);
  });
});

describe('activeSymptom: a symptom reported, not only asked about', () => {
  const symptom = /\bblack stools?\b/;
  it.each([
    // Someone has it.
    ['my black stool worries me', true],
    ['is it bad that my black stools are back', true],
    ['his stools, black stools since monday', true],
    // Going on: a time word in its clause, or a later clause saying the asker has it.
    ['can k2 cause black stools since yesterday', true],
    ['can k2 cause black stools? i have had it for two days', true],
    // Only asked about.
    ['can k2 cause black stools', false],
    ['does natto give you black stools', false],
    ['is black stool a side effect of k2', false],
    ['black stools causes?', false],
    // A time word in another clause qualifies something else.
    ['can k2 cause black stools, i want to start it now', false],
    // Dated in the past right after it is named.
    ['had black stools in 2019, is k2 safe now', false],
    ['black stools years ago, can i take k2', false],
    ['black stools as a kid, is k2 ok', false],
    ['black stools when i was pregnant, is k2 ok', false],
    // Not named at all.
    ['natto every day', false],
    // Plainly reported, with nothing that makes it a question.
    ['black stools and dizzy', true],
  ])('%s → %s', (text, reported) => {
    expect(activeSymptom(text, symptom)).toBe(reported);
  });
});
