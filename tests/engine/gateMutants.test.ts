import { describe, expect, it } from 'vitest';
import { checkEmergency } from '../../src/engine/gate.ts';
import { correctGateTypos } from '../../src/engine/gateTypos.ts';
import { activeSymptom, near, type UrgentKind } from '../../src/engine/gateWords.ts';
import { normalizeText } from '../../src/engine/normalize.ts';

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
    ['bleadimg', 'bleeding'],
    // An apostrophe is dropped before the words are read.
    ["i'm vomitting blod", 'im vomiting blood'],
    ['my todler ate gumies', 'my toddler ate gummies'],
    // A four-letter gate word with a letter dropped.
    ['i want to kil myself', 'i want to kill myself'],
    ['end my lfe', 'end my life'],
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
    // Three letters that are not a four-letter gate word with one letter dropped, or no gate
    // word starts with the letter.
    ['blo', []],
    ['bla', []],
    ['xyz', []],
    // Two edits in a word under eight letters that are not the target's letters.
    ['swelled', []],
    // Known to the knowledge base, however close to a gate word.
    ['blod', ['blod']],
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
    ['can k2 cause black stools, i want to start it right now', false],
    // A time word earlier in the same clause.
    ['can k2 since yesterday cause black stools', true],
    // Someone's own, right before it; not someone named earlier.
    ['can k2 cause my dads black stools', true],
    ['my doctor asked: can k2 cause black stools', false],
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

/** The kind the gate gives a message, or null. */
const kindOf = (message: string) => checkEmergency(normalizeText(message)).kind;

describe('the rules, one wording at a time: each message fires through one expression only', () => {
  it.each<[string, UrgentKind | null]>([
    // A young baby: a bleed, blood, vomit or floppiness anywhere in the sentence.
    ['my newborn has a cut that keeps bleeding', 'baby-bleeding'],
    ['my baby seems to bleed a lot from the cord', 'baby-bleeding'],
    ['my baby has some blood on her nappy', 'baby-bleeding'],
    ['our 10 day old is bleeding from the belly button', 'baby-bleeding'],
    ['my 2wk old seems to bleed from the cord', 'baby-bleeding'],
    ['a 3 week old who has some blood on the nappy', 'baby-bleeding'],
    ['there is blood in the nappy of our newborn', 'baby-bleeding'],
    ['newborn is very floppy and wont feed', 'baby-bleeding'],
    ['10 day old is very floppy and wont feed', 'baby-bleeding'],
    ['2wk old is lethargic today', 'baby-bleeding'],
    ['my baby has green vomit', 'baby-bleeding'],
    // Bleeding that will not stop, in each order of words.
    ['it wont stop the bleed', 'bleeding'],
    ['the bleed wont stop', 'bleeding'],
    ['the bleeding from my gum wont stop', 'bleeding'],
    ['the bleeding wont slow down', 'bleeding'],
    ['my nosebleed wont stop', 'bleeding'],
    ['bleeding for a day now', 'bleeding'],
    ['i cant get it to stop and the bleeding is bad', 'bleeding'],
    ['the bleeding, i cant get it to stop', 'bleeding'],
    // Blood coming up, in chat spelling too.
    ['keeps puking up blood', 'bleeding'],
    ['keeps throwin up blood', 'bleeding'],
    ['keeps vomitting blood', 'bleeding'],
    ['he coughed blood this morning', 'bleeding'],
    ['blood coming from his ear after a fall', 'bleeding'],
    // From the back passage; soaking pads.
    ['bleeding from my bum since this morning', 'bleeding'],
    ['it bleeds from anus when i go', 'bleeding'],
    ['i soak a pad every hour', 'bleeding'],
    ['soaking pads in less than an hour', 'bleeding'],
    // A sign only asked about is not urgent; on an anticoagulant it is.
    ['natto and black stools', null],
    ['i hit my head this morning', null],
    ['i hit my head this morning and i take warfarin', 'head-injury'],
    // Chest pain someone says they have, after a question.
    ['can k2 cause this? im having chest pain', 'chest-pain'],
    // A clot: a sore calf with K2 and someone who has it; a sore calf alone is a sprain.
    ['my calf is swollen and sore after natto', 'clot'],
    ['my calf is swollen and sore', null],
    ['swollen calf after starting k2', null],
    // Pills counted after food: "of those" still means pills when pills are named.
    ['had 3 eggs for breakfast and took 12 of those k2 pills', 'overdose'],
    ['i took a lot by mistake', 'overdose'],
    ['gave baby 3 times the dose', 'overdose'],
    ['gave my son a dose 10 times the label', 'overdose'],
    ['gave my son some juice', null],
    ['the dog found the rat poison', 'pet'],
  ])('%s → %s', (message, kind) => {
    expect(kindOf(message)).toBe(kind);
  });
});
