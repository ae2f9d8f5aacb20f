import { describe, expect, it } from 'vitest';
import { normalizeText } from '../../../src/engine/normalize.ts';
import { readFocus } from '../../../src/engine/questionFocus.ts';
import { sharedEngine } from '../../sharedEngine.ts';

const engine = sharedEngine();
const uncoveredOf = (text: string) => readFocus(normalizeText(text)).uncovered.map((u) => u.point.id);

describe('a subject named only in the story is not what the question asks', () => {
  it.each([
    // A surgery told as the story, and a question about something else.
    'my brother had knee surgery in the spring and is fine now. is there good evidence k2 helps bones in older people?',
    'the surgeon who fixed my ankle mentioned bone remodeling. what does k2 do for osteoblasts?',
    // Several ages in the story: who is asked about is not known from it.
    "i'm 68 and my son got me some mk7 for christmas. what dose have the studies used?",
  ])('%j names no uncovered point', (text) => {
    expect(uncoveredOf(text)).toEqual([]);
  });

  it.each([
    // The question asks about the time around the surgery: the story's surgery is what is asked.
    ['having my gallbladder surgery next month, do i need to stop my k2 beforehand?', 'surgery'],
    // One age in the story, and a question that needs it.
    ['my daughter is 9, how much k2 a day?', 'children'],
  ])('%j asks %s', (text, point) => {
    expect(uncoveredOf(text)).toContain(point);
  });

  it('cooking told in a story does not decline the K2 question beside it', () => {
    const a = engine.ask(
      'i do all the cooking at home and my wife takes warfarin. should her natto be cut out or just kept steady?',
    );
    expect(a.kind).toBe('answer');
    expect(a.facts).toContain('warfarin-interaction/steady-intake');
  });

  it("a blood thinner in a clause set aside stays the asker's situation", () => {
    const a = engine.ask('i cook for my mum who takes jantoven. is it fine for her to eat gouda every day?');
    expect(a.kind).toBe('answer');
    expect(a.facts).toContain('warfarin-interaction/steady-intake');
  });
});

describe('a question the writer marks inside a statement decides, beside side words in the story', () => {
  it('"it would help to know how much K2…" after a letter about calcium, vitamin D and magnesium', () => {
    const a = engine.ask(
      'i read that k2 belongs with magnesium, calcium and d3 for strong bones, and that doctors only hand out calcium with vitamin d. could you write about it? it would help to know how much k2 to take each day.',
    );
    expect(a.topic?.category).toBe('dosage');
    expect(a.topic?.id).not.toBe('d3-k2-cosupplementation');
  });
});
