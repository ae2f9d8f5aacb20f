import { describe, expect, it } from 'vitest';
import { Analyzer, stem } from '../../src/engine/analyze.ts';
import { editDistance, prefixEditDistance } from '../../src/engine/editDistance.ts';
import { MAX_INPUT_CHARS, normalizeText, tokenize } from '../../src/engine/normalize.ts';
import { readFocus } from '../../src/engine/questionFocus.ts';
import { sharedEngine } from '../sharedEngine.ts';

describe('normalizeText', () => {
  it.each([
    ['<@123456789012345678> what is k2', 'what is k2'],
    ['<@!123456789012345678> hi', 'hi'],
    ['<@&987654321> <#555> k2?', 'k2?'],
    ['@everyone @here natto', 'natto'],
    ['**bold** __under__ ||spoiler|| `code` ~~gone~~', 'bold under spoiler code gone'],
    ['> quoted question\n> second line', 'quoted question second line'],
    ['> quoted line\n\n>   more k2?', 'quoted line more k2?'],
    ['hi\n \n  > quote\nbody', 'hi quote body'],
    ['# Heading\n\n  ## sub\ntext', 'heading sub text'],
    ['look https://example.com/x?y=1 and www.test.org here', 'look and here'],
    ['<:natto:123456> <a:dance:99> yum', 'yum'],
    ['is k2 safe 🤰🏽 in pregnancy? 👍', 'is k2 safe in pregnancy?'],
    // Blind round 28: a question that opened with a question word ends at emoji before a sentence
    // about someone; a yes/no question's emoji before a preposition stay inside it.
    ['what does mk4 do 🤔 my mum takes it', 'what does mk4 do. my mum takes it'],
    ['how much natto 😅 i hate the smell', 'how much natto. i hate the smell'],
    ['does k2 help 🦴 in old age', 'does k2 help in old age'],
    ['“Curly” ‘quotes’ don’t', "\"curly\" 'quotes' don't"],
    ['ＦＵＬＬ　ＷＩＤＴＨ k２', 'full width k2'],
    ['nattō and crème', 'natto and creme'],
    ['100µg or 100μg', '100mcg or 100mcg'],
    ['  lots   of\t\tspace\n\n', 'lots of space'],
    ['MK‐7 – MK−4', 'mk-7 - mk-4'],
    ['!ask what is k2', 'what is k2'],
    ['NATTTTOOOO pleeeease', 'nattoo pleease'],
    ['/k2 natto?', 'natto?'],
    // Invisible format characters go; look-alike letters fold to Latin where they pose as English.
    ['na\u200Btto\u00AD and war\u2060farin\uFEFF', 'natto and warfarin'],
    ['\u202Ehow much k2\u202C', 'how much k2'],
    ['w\u0430rf\u0430rin \u0441heese', 'warfarin cheese'],
    ['\u03BAnown \u03BFsteoporosis', 'known osteoporosis'],
    // Text in Russian or Greek keeps its letters.
    ['Витамин К2 для сердца', 'витамин к2 для сердца'],
    ['Τι κάνει η βιταμίνη K2;', 'τι κανει η βιταμινη k2;'],
  ])('%j → %j', (input, expected) => {
    expect(normalizeText(input)).toBe(expected);
  });

  it('caps huge input', () => {
    const out = normalizeText('vitamin k2 and natto '.repeat(50_000));
    expect(out.length).toBeLessThanOrEqual(MAX_INPUT_CHARS);
  });

  it('reads emoji between two sentences as the end of the first', () => {
    expect(normalizeText('that cost a fortune 😭 is it worth it')).toBe(
      'that cost a fortune. is it worth it',
    );
    expect(normalizeText('natto 🤢')).toBe('natto');
  });

  it('turns input made only of mentions and emoji into nothing', () => {
    expect(normalizeText('<@123> <@&456> 🎉🎉 @everyone')).toBe('');
  });
});

describe('tokenize', () => {
  it('splits units from numbers and drops apostrophes', () => {
    expect(tokenize("don't take 100mcg or 45mg of mk-7")).toEqual([
      'dont',
      'take',
      '100',
      'mcg',
      'or',
      '45',
      'mg',
      'of',
      'mk',
      '7',
    ]);
  });
});

describe('stem and editDistance', () => {
  it.each([
    ['bones', 'bone'],
    ['studies', 'study'],
    ['osteoporosis', 'osteoporosis'],
    ['eggs', 'egg'],
  ])('stem(%s) = %s', (word, expected) => {
    expect(stem(word)).toBe(expected);
  });

  it('counts a swap as one edit and stops early above the limit', () => {
    expect(editDistance('nueropathy', 'neuropathy', 2)).toBe(1);
    expect(editDistance('vitamn', 'vitamin', 1)).toBe(1);
    expect(editDistance('besides', 'diabetes', 2)).toBeGreaterThan(2);
  });

  it.each([
    ['nat', 'natto', 0],
    ['natto', 'natto', 0],
    ['osteoper', 'osteoporosis', 1],
    ['vitamn k', 'vitamin k2', 1],
    ['nuero', 'neuropathy', 1],
    ['sauerkarut', 'sauerkraut', 1],
    ['nattoes', 'natto', 2],
  ])('a started word: prefixEditDistance(%s, %s) = %i', (partial, word, expected) => {
    expect(prefixEditDistance(partial, word, 2)).toBe(expected);
  });

  it('stops early above the limit for a started word too', () => {
    expect(prefixEditDistance('cheddar', 'cheese', 1)).toBeGreaterThan(1);
    expect(prefixEditDistance('warfarin', 'war', 2)).toBeGreaterThan(2);
  });
});

describe('Analyzer', () => {
  const analyzer = new Analyzer(['warfarin', 'osteoporosis', 'dosage', 'vitamin', 'natto', 'bones']);

  it.each([
    ['coumadin', 'warfarin'],
    ['blood thinners', 'warfarin'],
    ['mk-7', 'mk7'],
    ['menaquinone 7', 'mk7'],
    ['vit k2', 'k2'],
    ['vitamin k 2', 'k2'],
    ['menatetrenone', 'mk4'],
    ['jarlsberg', 'cheese'],
    ['brittle bones', 'osteoporosis'],
    ['preggo', 'pregnancy'],
    ['how much', 'dose'],
    ['t2d', 'diabetes'],
    ['nerve pain', 'neuropathy'],
    ['d3 k2 combo', 'combine'],
    ['does it interfere with my meds', 'interact'],
    ['is there a max', 'sideeffect'],
    ['with or without food', 'absorb'],
    ['45 mg', 'menatetrenone'],
    ['daily amount', 'intake'],
    ['overview', 'define'],
  ])('maps %j to the term %j', (text, term) => {
    expect(analyzer.analyze(normalizeText(text)).terms).toContain(term);
  });

  it.each([
    ['warfrin', 'warfarin'],
    ['osteoperosis', 'osteoporosis'],
    ['dosege', 'dose'],
    ['vitamn k2', 'k2'],
  ])('corrects the typo %j to %j', (text, term) => {
    const a = analyzer.analyze(normalizeText(text));
    expect(a.terms).toContain(term);
  });

  it('corrects into lexicon words but never into listed misspellings or filler', () => {
    expect(analyzer.analyze('chest').terms).not.toContain('cheese');
    expect(analyzer.analyze('cold').terms).toEqual([]);
    expect(analyzer.analyze('vitamn k2').terms).toEqual(['k2']);
    expect(analyzer.analyze('vitamn k2').fuzzyTerms.size).toBe(0);
  });

  it('consumes chat phrases without a subject', () => {
    const a = analyzer.analyze('i keep hearing about it in the body');
    expect(a.terms).toEqual([]);
    expect(a.unknown).toEqual([]);
  });

  it('drops filler and keeps unknown content words apart', () => {
    const a = analyzer.analyze(normalizeText('hey guys lol so quick question about quantum physics'));
    expect(a.terms).toEqual([]);
    expect(a.unknown).toEqual(['quantum', 'physics']);
  });
});

describe('chat spellings in the phrase lists', () => {
  it('read as the words they stand for', () => {
    expect(readFocus('is k2 ok w food').focuses).toEqual(readFocus('is k2 ok with food').focuses);
    expect(readFocus('how does it leave ur body').focuses).toContain('storage-excretion');
  });
});

// Blind round 29: "is forty five milligrams of mk4 a normal dose or is that a typo?" got the
// supplement forms; "45 mg" gets the Japanese prescription dose.
describe('numbers written in words', () => {
  it.each([
    ['forty five milligrams of mk4', '45 milligrams of mk4'],
    ['about sixty-two mcg', 'about 62 mcg'],
    ['a hundred micrograms', '100 micrograms'],
    ['three hundred and sixty mcg', '360 mcg'],
    ['my fourteen year old', 'my 14 year old'],
  ])('%j reads as %j', (written, read) => {
    expect(normalizeText(written)).toBe(read);
  });

  it.each(['which one is better', 'no one told me', 'take one a day'])('%j keeps its words', (text) => {
    expect(normalizeText(text)).toBe(text);
  });
});

describe('a figure in words is answered as the figure', () => {
  it('"forty-five milligrams of mk4" is the Japanese prescription dose', () => {
    const a = sharedEngine().ask(
      'someone online takes forty five milligrams of mk4 daily, surely thats a typo? my capsule is 100mcg',
    );
    expect(a.body).toMatch(/45 mg of MK-4/);
  });
});
