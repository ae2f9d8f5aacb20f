import { describe, expect, it } from 'vitest';
import { normalizeText } from '../../src/engine/normalize.ts';
import { stemmedWords } from '../../src/engine/phraseSet.ts';
import { agesIn, askedSubjects, readFocus } from '../../src/engine/questionFocus.ts';
import { sharedEngine } from '../sharedEngine.ts';

const words = (text: string) => stemmedWords(normalizeText(text));

describe('ages a message names', () => {
  it.each([
    ['how much for my 10 year old', [10]],
    ['my 16yo son', [16]],
    ['aged 15, is k2 ok', [15]],
    ["i'm 52, what about me", [52]],
    ["i'm 5 foot tall", []],
    ['explain k2 like im 10', [10]],
    ['i take 100 mcg', []],
    // The asker's own past age (blind round 19: "on Coumadin… since I was 6 years old").
    ['on warfarin since i was 9 years old', []],
    ['had eczema since age 12', []],
    ['my daughter is 9 years old', [9]],
    // Blind round 24: "my mother 80 years, she can take also?"
    ['my father 82 years, can he take it', [82]],
    ['took it for 3 years', []],
  ])('%s', (text, ages) => {
    expect(agesIn(words(text))).toEqual(ages);
  });
});

describe('subjects a question names', () => {
  it('MK-4 named alone makes MK-7 a rival', () => {
    const s = askedSubjects(words('what is the half-life of mk-4'));
    expect([...s.named]).toEqual(['mk4']);
    expect(s.rivals.has('mk7')).toBe(true);
  });
  it('both forms named: neither is a rival, the first is the subject', () => {
    const s = askedSubjects(words('does mk7 last longer than mk4'));
    expect(s.rivals.has('mk4') || s.rivals.has('mk7')).toBe(false);
    expect(s.first).toBe('mk7');
  });
  it('an age selects the population', () => {
    expect(askedSubjects(words('my 8 year old')).named.has('child')).toBe(true);
    expect(askedSubjects(words('my 15 yo')).named.has('teen')).toBe(true);
    expect(askedSubjects(words('i am 45 years old')).named.has('adult')).toBe(true);
    expect(askedSubjects(words('dad is aged 75')).named.has('older-adult')).toBe(true);
  });
});

describe('the subject selects the facts', () => {
  const engine = sharedEngine();
  it("MK-4's half-life is answered with MK-4's clearance, not MK-7's half-life", () => {
    const answer = engine.ask('what is the half-life of mk-4');
    expect(answer.facts[0]).toBe('mk7-vs-mk4/mk4-clearance');
    expect(answer.body).not.toMatch(/96 hours/);
  });
  it("a child's amount gets the children's figures, saying the article has none", () => {
    const answer = engine.ask('how much vitamin k does my 9 year old need a day');
    expect(answer.coverage).toBe('partial');
    expect(answer.body).toMatch(/^The article doesn't give vitamin K figures for children/);
    expect(answer.body).toContain('60 mcg at 9–13');
    expect(answer.body).not.toMatch(/120 mcg/);
  });
  it("an adult's age is not read as a figure or as a child", () => {
    const answer = engine.ask("i'm 45 years old, how much vitamin k a day");
    expect(answer.body).not.toMatch(/children|ages 1–3/);
    expect(answer.body).not.toMatch(/^10 to 45/);
  });
});

describe('the asker’s own past names no child', () => {
  const engine = sharedEngine();
  it('"as a kid" in a backstory does not make the question about children', () => {
    const answer = engine.ask(
      'i broke my wrist as a kid and again last year at 50, can k2 lower my fracture risk',
    );
    expect(answer.body).not.toMatch(/children|teenagers/);
  });
  it('a teenager named in the backstory makes the reply say the article does not discuss them', () => {
    const answer = engine.ask('my 13 year old daughter has weak bones, could k2 help her');
    expect(answer.coverage).toBe('partial');
    expect(answer.body).toMatch(/^The article doesn't discuss K2 for children or teenagers\./);
  });
  // Blind round 19: how much K2 is in the eggs a 15-year-old eats is a question about eggs.
  it('what a food holds is asked of the food, whoever eats it', () => {
    const answer = engine.ask('my 14 year old eats cheese every day, is gouda a good k2 source?');
    expect(answer.body).not.toMatch(/children or teenagers/);
    expect(answer.topic?.id).toBe('cheese');
  });
});

// Blind round 42: "I had bleeding gums years ago when I was pregnant… I'm now 60 and would like to
// eat more foods with vitamin K2" got the pregnancy intake and the obstetrician notice.
describe('a pregnancy long past is the asker’s past, not who is asked about', () => {
  it('names no pregnancy', () => {
    const focus = readFocus(
      normalizeText(
        'i had gum trouble when i was pregnant decades ago. now 64, which foods with k2 help bones',
      ),
    );
    expect(focus.subjects.named.has('pregnancy')).toBe(false);
  });
});

describe('people named who are not asked about (blind round 18)', () => {
  const engine = sharedEngine();
  const uncoveredIds = (q: string) => engine.ask(q).body;

  it.each([
    ['a guy at my gym said k2 does nothing for fractures. true?', /men's bones/],
    [
      'my son, who is really into health blogs, swears k2 keeps calcium out of arteries. is that right?',
      /children|teenagers/,
    ],
    ['can you explain how k2 and warfarin interact like im 5', /children|teenagers/],
  ])('%j: no point about them', (q, notSaid) => {
    expect(uncoveredIds(q)).not.toMatch(notSaid);
  });

  it('what a label says is no speaker: its words stay', () => {
    expect(
      askedSubjects(words('her bottle is mk7 and says one a day, why does mine say three?')).named.has('mk7'),
    ).toBe(true);
    expect(
      askedSubjects(words('grandma bought her kids gummies that say k2 on them')).named.has('child'),
    ).toBe(true);
  });

  it('a speaker who speaks of themselves is still asked about', () => {
    expect(
      askedSubjects(words('my son says he wants k2 for his bones, ok for a kid?')).named.has('child'),
    ).toBe(true);
    expect(engine.ask('my daughter says she wants k2 gummies, is that ok for her?').body).toMatch(/children/);
  });
});

// Blind round 24: "is kefir a good k2 source" led with grass-fed butter: kefir is read as dairy, and
// the kefir fact did not count as a food-source fact. Kefir and yogurt are subjects (focus.json).
describe('a dairy food named', () => {
  const engine = sharedEngine();

  it.each(['is yogurt a good k2 food', 'is kefir a good k2 food'])('%j leads with its own fact', (q) => {
    expect(engine.ask(q).facts[0]).toBe('butter-dairy/yogurt-kefir');
  });
});

// Blind round 34: "what is actually the difference between the two?" (MK-4 and MK-7) got only the
// Key Takeaways' line naming both, without either form's hours.
describe('two forms compared for their difference', () => {
  it('show a fact of each form', () => {
    const a = sharedEngine().ask('how do menaquinone-4 and menaquinone-7 differ from each other?');
    expect(a.facts).toContain('mk7-vs-mk4/mk4-clearance');
    expect(a.facts).toContain('mk7-vs-mk4/mk7-half-life');
  });

  // Found probing: "which one hangs around longer" got the "more effective" claim with no hours.
  it.each(['of mk4 and mk7 which lingers in the body longer', 'which k2 form sticks around longest'])(
    '%j shows how long each form stays',
    (q) => {
      const a = sharedEngine().ask(q);
      expect(a.facts).toContain('mk7-vs-mk4/mk4-clearance');
      expect(
        a.facts.some((f) => f === 'mk7-vs-mk4/mk7-half-life' || f === 'mk7-vs-mk4/key-takeaway-longer'),
      ).toBe(true);
      expect(a.facts[0]).not.toBe('mk7-vs-mk4/more-effective-claim');
    },
  );

  it('which one wins asks the verdict, not each form (the reason comes with "why?")', () => {
    const a = sharedEngine().ask('mk4 vs mk7, which one is better?');
    expect(a.facts).toContain('mk7-vs-mk4/more-effective-claim');
    expect(a.facts).not.toContain('mk7-vs-mk4/mk4-clearance');
  });
});
