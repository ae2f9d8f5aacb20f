import { describe, expect, it } from 'vitest';
import type { IndexedFact } from '../../src/engine/factIndex.ts';
import { askedFigure, figureOpening, figuresQuotedIn } from '../../src/engine/figureLead.ts';
import { normalizeText } from '../../src/engine/normalize.ts';
import { stemmedWords } from '../../src/engine/phraseSet.ts';
import { readFocus } from '../../src/engine/questionFocus.ts';
import { sharedEngine } from '../sharedEngine.ts';

const words = (question: string) => stemmedWords(normalizeText(question));

// Fact texts written here, so each expectation reads on its own: which figure a question asks for.
describe('the figure a question asks for', () => {
  it.each([
    [
      '"to" before a figure that is not "up to" (a destination, not a limit)',
      'In a 1-year trial, adding D3 and calcium to 90 mcg/day MK-7 gave no extra bone benefit.',
      'how much mk7 was used in the trial',
      '90 mcg/day.',
    ],
    [
      'asked per day, the daily figure, not the single dose that comes first (blind round 10)',
      'The usual schedule is 10 mg (10,000 mcg) four times daily, 40,000 mcg a day.',
      'so how much would i need daily then',
      '40,000 mcg a day.',
    ],
    [
      'what the amount is of, when its basis follows (blind round 14: "45 mg." alone)',
      'In one country clinics prescribe 30 mg of MK-4 a day for brittle bones.',
      'what dose do they prescribe',
      '30 mg of MK-4 a day.',
    ],
    [
      'a lower bound keeps its word (blind round 14: "100 mcg." for "above 100 mcg")',
      'For teenagers one guide mentions MK-7 doses above 50 mcg.',
      'how much mk7 for teenagers',
      'Above 50 mcg.',
    ],
    [
      '"at" before a number is a preposition, not a qualifier ("At 150 mcg per tablespoon." led)',
      'The guide lists miso at 20 mcg per serving among fermented foods.',
      'how much is in miso',
      '20 mcg per serving.',
    ],
    [
      '"at least" qualifies the figure',
      'Adults should get at least 60 mcg a day from food.',
      'how much should adults get',
      'At least 60 mcg a day.',
    ],
    [
      'asked per dose, the first figure still',
      'The usual schedule is 10 mg (10,000 mcg) four times daily, 40,000 mcg a day.',
      'how much is in each dose',
      '10 mg.',
    ],
    [
      '"up to" qualifies the figure',
      'The article says MK-4 needs up to 15,000 mcg a day.',
      'how much mk4 does the article say',
      'Up to 15,000 mcg a day.',
    ],
    [
      'a figure said of the group asked',
      '90 mcg a day for women and 120 mcg for men: the US Adequate Intakes for total vitamin K.',
      'how much vitamin k do men need',
      '120 mcg.',
    ],
    [
      'the first of two figures said of the group asked',
      '90 mcg a day for women and 120 mcg for men: the US Adequate Intakes for total vitamin K.',
      'how much vitamin k do women need',
      '90 mcg a day.',
    ],
    [
      'a figure named by who set it',
      'The AI in pregnancy is 90 mcg (age 19+) and 75 mcg (age 14–18); EFSA sets 70 mcg a day for adults.',
      'how much does efsa set for adults',
      '70 mcg a day.',
    ],
    [
      'a duration in the unit asked',
      'MK-7 stays in circulation for up to about 96 hours, with a half-life of about 3 days.',
      'how many days does mk7 stay in the blood',
      'About 3 days.',
    ],
    [
      'a share when a change is asked, not the head count',
      'In data from 325 older adults, higher brain MK-4 was associated with 17–20% lower odds of dementia.',
      'how much did dementia odds drop with more brain mk-4',
      '17–20%.',
    ],
    [
      'a head count when the size of a study is asked',
      'A 1-year trial of 90 mcg/day MK-7 (311 people) found less bone loss.',
      'how many people were in the 1 year trial',
      '311 people.',
    ],
  ])('%s', (_what, fact, question, figure) => {
    expect(askedFigure(fact, words(question))).toBe(figure);
  });

  it.each([
    [
      'an amount asked of a fact that counts people',
      'In the largest menatetrenone trial (4,378 people), new vertebral fractures did not differ.',
      'how much k2 for osteoporosis',
    ],
    [
      'an amount of the vitamin, not the serving it is in',
      'Rotisserie chicken breast: 3 oz is a serving.',
      'how much k2 in rotisserie chicken',
    ],
    [
      'a duration asked of a fact with only doses',
      'Trials used 90 and 180 mcg a day of MK-7.',
      'how long does mk7 last',
    ],
  ])('none for %s', (_what, fact, question) => {
    expect(askedFigure(fact, words(question))).toBeNull();
  });
});

it('never leads with the basis after "per": "what about gouda?" after an amount question', () => {
  const conversation = sharedEngine().startConversation();
  conversation.ask('how much k2 is in natto');
  const answer = conversation.ask('what about gouda?');
  expect(answer.topic?.id).toBe('cheese');
  expect(answer.body).not.toMatch(/^100 g/);
  expect(answer.body).toMatch(/^About 50 to 90 mcg/);
});

describe('a figure leads only from the fact about what was asked', () => {
  const firstSentence = (question: string) =>
    sharedEngine()
      .ask(question)
      .body.split(/(?<=\.)\s/)[0] ?? '';

  it.each([
    // A head count from a heart study is no dose.
    ['how much k2 should i take for heart health', /^[\d,]+ people/],
    // The general supplement dose is not a dose for diabetes.
    ['how much k2 for diabetes', /^[\d–]+ mcg/],
  ])('%s', (question, notInFirst) => {
    expect(firstSentence(question)).not.toMatch(notInFirst);
  });

  it('a dose asked for a condition leads with the dose used for it (blind round 14)', () => {
    expect(firstSentence('what amount of vitamin k2 is given to people with osteoporosis?')).toMatch(
      /^45 mg\b/,
    );
  });

  // Blind round 21 (and four earlier sets): "mk7 half life??" opened "Up to about 96 hours.", how
  // long MK-7 stays in circulation, though the same sentence gives its half-life.
  it.each(['what is the half-life of mk7', 'mk 7 half life pls'])('%j leads with the half-life', (q) => {
    expect(firstSentence(q)).toBe('About 3 days.');
  });

  // The artery dose fact gives the article's 180–200 mcg, then a trial's 180 mcg "dose": the word
  // "dose" asks for a figure, it does not pick the trial's, and "arteries" is the question's "artery".
  it("a dose asked for arteries opens with the article's range, not a trial's figure after it", () => {
    expect(firstSentence('which dose of mk-7 is used for calcification of the arteries')).toMatch(
      /^About 180–200 mcg of MK-7 a day/,
    );
  });

  it('leads with the figure of the group asked', () => {
    expect(firstSentence('how much vitamin k do men need')).toBe('120 mcg.');
  });
});

describe('figures a message quotes to be checked', () => {
  it('are those of its question and those its story reports someone saying', () => {
    const message = 'the tub says 100mcg, and a forum claims 10-45 mcg a day. who do i believe';
    expect(figuresQuotedIn('who do i believe', message)).toEqual([
      { numbers: ['100'], unit: 'mcg' },
      { numbers: ['10', '45'], unit: 'mcg' },
    ]);
  });

  it('not the asker’s own dose told in the story', () => {
    expect(figuresQuotedIn('is that ok', 'i have 200 mcg of mk7 with lunch. is that ok')).toEqual([]);
  });

  // Blind round 16: "i saw '10 grams of k2 lowers risk by 7%'" quoted nothing (the quote mark, and "saw").
  it('a figure in quotation marks after "saw" or "wrote" is reported', () => {
    expect(
      figuresQuotedIn('thoughts', "a friend wrote '20 grams of k2 is ideal' on facebook. thoughts"),
    ).toEqual([{ numbers: ['20'], unit: 'g' }]);
    expect(figuresQuotedIn('real?', 'i saw "500mcg" on a tiktok. real?')).toEqual([
      { numbers: ['500'], unit: 'mcg' },
    ]);
  });

  it('not the asker’s own amount after the report, past a comma or "my"', () => {
    expect(
      figuresQuotedIn(
        'which is right',
        'the blog said so, yet my 200mcg capsule says otherwise. which is right',
      ),
    ).toEqual([]);
  });

  it('the fact stating a reported figure leads its topic, though the topic’s core has more of the words', () => {
    const answer = sharedEngine().ask(
      "diabetes and k2?? my uncle saw '10 grams of k2 cuts the risk 7%', sounds like a lot",
    );
    expect(answer.facts[0]).toBe('diabetes/ten-gram-error');
  });
});

// Blind round 16: "so how much mk4 would someone take in a day" opened "Up to 15,000 mcg daily.", the
// article's figure that the fact's text reports and its answer-first wording corrects.
it("a fact said answer-first gives its figure from that wording alone, never the article's it reports", () => {
  const text = 'The article says people need up to 900 mcg daily; no study sets a dose.';
  const answer = 'No study sets a dose for this; the article gives a daily figure of its own.';
  const fact = {
    topic: { title: 'Doses' },
    fact: { id: 'dose', text, answer, quote: text, section: 'Doses' },
    subjects: new Set<string>(),
  } as unknown as IndexedFact;
  expect(figureOpening(fact, answer, readFocus('how much do people need daily'))).toBeNull();
});

// Blind round 33: "mk4 vs mk7 half life?? need actual numbers" gave MK-4's hours and a claim about
// MK-7 with no number: a figure asked of two forms shows each form's own.
describe('a figure asked of two forms', () => {
  it('shows a fact with the figure for each form', () => {
    const answer = sharedEngine().ask('half life numbers please, mk-4 versus mk-7');
    expect(answer.body).toMatch(/MK-4[^.]*\d+[–-]?\d* hours|\d+ hours[^.]*MK-4/);
    expect(answer.body).toMatch(/MK-7[^.]*(96 hours|3 days)/);
  });
});

// Blind round 34: "so how many grams should i eat" after the diabetes study opened with
// "38,094 adults." ("how many" read as a count of people). Asked in a measure of food no fact
// gives a figure in, no figure of the fact leads.
describe('a figure asked in grams, ounces or cups', () => {
  it.each([
    'the 38,094 adults study: how many grams of k2 per day does that mean?',
    'how many ounces of k2 did the rotterdam people eat?',
  ])('%j opens with no figure of people or percent', (q) => {
    const body = sharedEngine().ask(q).body;
    expect(body).not.toMatch(/^[\d,.]+ ?(adults|people|%)/);
  });
});
