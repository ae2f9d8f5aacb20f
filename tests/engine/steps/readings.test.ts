import { describe, expect, it } from 'vitest';
import { normalizeText } from '../../../src/engine/normalize.ts';
import {
  questionClause,
  questionParts,
  withoutIncidentalClauses,
  withoutIncidentalWords,
  withoutNegated,
  withoutOtherNutrients,
} from '../../../src/engine/readings.ts';
import { sharedEngine } from '../../sharedEngine.ts';

const n = normalizeText;

describe('readings: a side word read across a clause break sets aside the clauses it touches', () => {
  it('a calcium score split by a colon and a statin in the next sentence', () => {
    expect(
      withoutIncidentalClauses(
        n('my calcium score: 300. on lipitor too. how does k2 keep calcium in bones and not arteries?'),
      ),
    ).toBe('how does k2 keep calcium in bones and not arteries');
  });
});

describe('readings: the question clause after a backstory', () => {
  it.each([
    [
      'my mum is 70 and has been eating natto every morning for years now, she swears by it. how much k2 is in it?',
      { clause: 'how much k2 is in it', pointsBack: true, embedded: false },
    ],
    [
      'i started lifting last year and my diet is mostly chicken and rice right now, what foods could i add to get more k2',
      { clause: 'what foods could i add to get more k2', pointsBack: false, embedded: false },
    ],
    // A question inside a statement, as letters to a column put it.
    [
      'my doctor mentioned vitamin k2 at my last checkup but we ran out of time. i would love to know how much k2 an adult should get.',
      { clause: 'how much k2 an adult should get', pointsBack: false, embedded: true },
    ],
    [
      'my sister takes natto for her bones and swears by it, and i am wondering whether it helps arteries too',
      { clause: 'whether it helps arteries too', pointsBack: true, embedded: true },
    ],
    // The sentence that ends with "?" holds the question, whatever opens it ("would", "has"…),
    // not a clause of the story that starts with "which".
    [
      'my coach found i was under-eating, which we are now fixing with a nutritionist. would taking k2 help my shin heal faster?',
      { clause: 'would taking k2 help my shin heal faster', pointsBack: false, embedded: false },
    ],
    // "its" is "it's" without its apostrophe: it points back at what the story named (blind round 14).
    [
      'my uncle keeps saying vitamin k3 is basically toxic and i have never taken it, just wondering why its still sold',
      { clause: 'why its still sold', pointsBack: true, embedded: true },
    ],
    // A letter that asks with "would" and ends in a full stop (blind round 14: a valve patient's post).
    [
      'my question is simple. for someone on coumadin, would taking k2 keep calcium out of the heart valves. since my valve surgery i want to stop that.',
      { clause: 'would taking k2 keep calcium out of the heart valves', pointsBack: false, embedded: false },
    ],
    // A question asked of a condition earlier in its sentence reads from the condition (blind
    // round 19: "…what would actually happen?" lost the whole month of tablets before it).
    [
      'we were talking about supplements at lunch today. if someone swallowed a whole jar of mk7 at once, like 60 softgels, what would happen to them?',
      {
        clause:
          'if someone swallowed a whole jar of mk7 at once , like 60 softgels , what would happen to them',
        pointsBack: true,
        embedded: false,
      },
    ],
    // A pointer in an alternative the clause offers itself is its own claim, not the story's
    // (blind round 19: "…or is that a myth" made the question lean on the story).
    [
      'my cousin takes hers with black coffee and says it works fine for her. does k2 need a fatty meal or is that a myth?',
      { clause: 'does k2 need a fatty meal or is that a myth', pointsBack: false, embedded: false },
    ],
    [
      'my cousin eats natto every morning with rice and says it works fine for her. is it better than cheese or not?',
      { clause: 'is it better than cheese or not', pointsBack: true, embedded: false },
    ],
    // A "so" that stresses what follows joins no clauses (blind round 19: "so much bigger").
    [
      'my dad takes the mk4 one three times a day and i take mk7 once. why is his dose so much bigger than mine?',
      { clause: 'why is his dose so much bigger than mine', pointsBack: true, embedded: false },
    ],
    // …only within its sentence: a condition told in the sentence before is not the question's.
    [
      'if i keep eating natto every day my levels should be fine. but how long does mk7 stay in the blood?',
      { clause: 'how long does mk7 stay in the blood', pointsBack: false, embedded: false },
    ],
    // A question that points back at the question right before it asks of what that one names
    // (blind round 41: "…anyway unrelated q: is k2 fat soluble, do i need to eat it with something"
    // was read whole, its headache story and all).
    [
      'worst week at work and barely slept lol anyway random q: does mk7 need fat, should i take it with dinner',
      { clause: 'does mk7 need fat , should i take it with dinner', pointsBack: false, embedded: false },
    ],
    // A dash between spaces ends the story's clause (blind round 41: "my grandad had a stroke back in
    // 2015 (…) – does k2 do anything for memory…" was read whole and got the stroke facts).
    [
      'my mum broke her wrist last winter (healed fine, she gardens every day) – does k2 help bones in women her age?',
      { clause: 'does k2 help bones in women her age', pointsBack: true, embedded: false },
    ],
    // …not at a clause of the story.
    [
      'my aunt has been swearing by natto for years, does she need to keep eating it daily',
      { clause: 'does she need to keep eating it daily', pointsBack: true, embedded: false },
    ],
    // A condition is no question ("if" opens one only inside a statement: "wondering if…").
    ['my dad has been on k2 for two years now and feels fine, if he keeps taking it every single day', null],
    // Too short to have a backstory.
    ['i eat cheese, how much k2 is in it?', null],
    // Long, but nothing after the story asks.
    ['i have been eating natto every day for a year and my bones feel great and my teeth too honestly', null],
  ])('%s', (text, expected) => {
    expect(questionClause(n(text))).toEqual(expected);
  });
});

describe('readings: the parts of a multi-question', () => {
  it.each([
    ['1) dose? 2) mk7 or mk4? 3) with food?', ['dose', 'mk7 or mk4', 'with food']],
    ['how much k2 a day? and mk7 or mk4?', ['how much k2 a day', 'and mk7 or mk4']],
    ['what is k2?? i never heard of it', []],
    ['what is k2', []],
  ])('%s', (text, expected) => {
    expect(questionParts(n(text))).toEqual(expected);
  });
});

describe('readings: without what the message negates', () => {
  it.each([
    ["I don't eat natto, how do I get k2", 'i , how do i get k2'],
    ['i hate cheese what else has k2', 'i what else has k2'],
    ['not having liver, what else has k2', ', what else has k2'],
    ["i'm not eating eggs anymore. where else is k2", '. where else is k2'],
    ['is natto not for everyone', null],
    ['how much k2 is in natto', null],
    // "not" before pills sets them aside, like "no" and "instead of".
    ['i want k2 from cheese not pills, which cheese is best', 'i want k2 from cheese , which cheese is best'],
    // A food set aside stays aside wherever else the message names it (blind round 19).
    ['which foods other than liver have k2? liver is just too much for me', 'which foods have k2? for me'],
  ])('%s', (text, expected) => {
    expect(withoutNegated(n(text))).toBe(expected);
  });
});

describe('readings: without incidental clauses and words', () => {
  it('drops the clause that holds an incidental word', () => {
    expect(withoutIncidentalClauses(n('chest day at the gym tomorrow, but is k2 good for bones'))).toBe(
      'is k2 good for bones',
    );
    expect(withoutIncidentalClauses(n('is k2 good for bones'))).toBeNull();
  });

  it('drops incidental context words when enough of a question is left', () => {
    expect(withoutIncidentalWords(n('carnivore diet k2 - do steaks have it'))).toBe('k2 - do steaks have it');
    // "keto diet k2?" leaves only "k2": the diet was the subject.
    expect(withoutIncidentalWords(n('keto diet k2?'))).toBeNull();
    expect(withoutIncidentalWords(n('how much k2 is in natto'))).toBeNull();
  });
});

describe('readings: without the other supplements listed beside K2', () => {
  it.each([
    // Listed with "+" in a stack: the supplement, its salt and its amount go.
    [
      'd3 5000 iu + mk7 100 mcg + magnesium citrate 300 mg, worth taking together?',
      'd3 5000 iu + mk7 100 mcg + , worth taking together?',
    ],
    ['k2 & fish oil with dinner, is that fine', 'k2 & with dinner, is that fine'],
    // Its own amount asked, or compared or needed rather than listed: it is what is asked about.
    ['d3 + k2 + how much magnesium', null],
    ['k2 vs magnesium for bones', null],
    ['do i need magnesium with my d3/k2', null],
    // Nothing else named.
    ['how much k2 is in natto', null],
  ])('%s', (text, expected) => {
    expect(withoutOtherNutrients(n(text))).toBe(expected);
  });
});

// Blind round 28: "my gym coach swears k2 and d3 work together … what does each one actually do"
// set aside the clause with "gym", which held K2 and D3, and answered what K2 is. A question left
// that points back ("each of them", "it") is read with the message less the side word alone.
describe('readings: a question pointing back at the clause of a side word', () => {
  it('keeps what that clause named', () => {
    const a = sharedEngine().ask(
      'a guy at my gym says d3 and k2 are a team. what does each of them do exactly?',
    );
    expect(a.facts[0]).toBe('d3-k2-cosupplementation/rationale');
  });

  it('"each one" points back', () => {
    const a = sharedEngine().ask('my gym teacher says k2 and d3 are a team, what does each one do?');
    expect(a.facts[0]).toBe('d3-k2-cosupplementation/rationale');
  });
});

// Blind round 28: "i'd die for natto honestly 😋 how much k2 is in a whole 45g pack tho" got the
// daily intake: the question clause names no food, and its portion is the story's food.
describe('readings: a portion asked after a story that names a food', () => {
  it('is a portion of that food', () => {
    const a = sharedEngine().ask(
      'honestly i could live on natto. how much k2 is in one whole 50g pack though',
    );
    expect(a.topic?.id).toBe('natto');
    expect(a.body).toMatch(/150 mcg per tablespoon/);
  });
});

// Blind round 29: "…natto… The little tubs say 45 grams. How much vitamin K2 are we actually
// getting, and is one tub a day sensible?" got the daily intake values.
describe('readings: an amount received, with the portion told in the story', () => {
  it('is the amount in the story food', () => {
    const a = sharedEngine().ask(
      "we picked up natto at the asian grocery on a friend's advice. each tub holds about 50 grams. how much vitamin k2 are we actually getting?",
    );
    expect(a.topic?.id).toBe('natto');
    expect(a.body).toMatch(/150 mcg per tablespoon/);
  });

  it('so it is when the whole message reads as shopping', () => {
    const a = sharedEngine().ask(
      'our corner shop sells natto in 50g tubs. how much k2 am i actually getting?',
    );
    expect(a.topic?.id).toBe('natto');
  });

  it('a dose asked after the same story is still the dose', () => {
    const a = sharedEngine().ask('i eat a tub of natto most days. how much k2 should i take on top?');
    expect(a.topic?.id).not.toBe('natto');
  });
});

// Blind round 29: "…he says the eggs and butter give him k2. is grass fed butter actually better
// for that" got the eggs: "for that" names the purpose, and the clause names its own food.
describe('readings: a question naming its own food with "for that"', () => {
  it('is about that food', () => {
    const a = sharedEngine().ask(
      'my flatmate swears eggs and sauerkraut keep her k2 up. is natto any good for that?',
    );
    expect(a.topic?.id).toBe('natto');
  });
});
