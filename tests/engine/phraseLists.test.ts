import { describe, expect, it } from 'vitest';
import { normalizeText } from '../../src/engine/normalize.ts';
import { PhraseLists, stemmedWords } from '../../src/engine/phraseSet.ts';
import { readFocus } from '../../src/engine/questionFocus.ts';

// Three small lists read in one pass; the expected counts and first phrases are written by hand
// (plurals count as the singular: "doses" is "dose").
const lists = new PhraseLists([
  ['how much', 'dose', 'how many'],
  ['when', 'time of day', 'how long'],
  ['side effect', 'doses'],
]);
const words = (text: string) => stemmedWords(text);

describe('several phrase lists in one pass', () => {
  it.each([
    ['how much k2 and how many doses', [3, 0, 1]],
    ['when is the best time of day, and how long does it last', [0, 3, 0]],
    ['any side effects of a high dose', [1, 0, 2]],
    ['nothing asked here', [0, 0, 0]],
  ])('counts the places each list matches: %s', (text, counts) => {
    expect(lists.counts(words(text))).toEqual(counts);
  });

  it('counts one place once per list, even when two phrases of the list start there', () => {
    const overlapping = new PhraseLists([['how', 'how much']]);
    expect(overlapping.counts(words('how much'))).toEqual([1]);
  });

  it('finds each list its first phrase and where it starts, in the list order at one place', () => {
    const found = new PhraseLists([['how much', 'how'], ['dose']]);
    expect(found.firstPhrases(words('so how much is a dose'))).toEqual(['how much', 'dose']);
    expect(found.firstPlaces(words('so how much is a dose'))).toEqual([1, 5]);
  });

  it('gives null and -1 for a list with no phrase in the words', () => {
    expect(lists.firstPhrases(words('cheese'))).toEqual([null, null, null]);
    expect(lists.firstPlaces(words('cheese'))).toEqual([-1, -1, -1]);
  });
});

describe('plural "s" and contractions of "is"', () => {
  it('drops a plural s but keeps "whats" and "thats": "whats" is "what is", not more than one "what"', () => {
    expect(stemmedWords('doses kidneys')).toEqual(['dose', 'kidney']);
    expect(stemmedWords('whats thats')).toEqual(['whats', 'thats']);
  });

  it('reads "-ies" and a final "-ie" as "-y", so both numbers of a word read the same', () => {
    expect(stemmedWords('arteries artery')).toEqual(['artery', 'artery']);
    expect(stemmedWords('veggies veggie')).toEqual(['veggy', 'veggy']);
    // Short words keep their own spelling: "lies" is no "ly".
    expect(stemmedWords('lies does')).toEqual(['lie', 'doe']);
  });

  it('"what" alone does not ask for a definition; "what is" and "whats" do', () => {
    expect(readFocus(normalizeText('what dose should i take')).focuses).not.toContain('definition');
    expect(readFocus(normalizeText('what foods have k2')).focuses).not.toContain('definition');
    expect(readFocus(normalizeText('whats menatetrenone')).focuses).toContain('definition');
    expect(readFocus(normalizeText('what is mk7')).focuses).toContain('definition');
  });
});
