import { describe, expect, it } from 'vitest';
import { sharedEngine } from '../sharedEngine.ts';

// Blind round 30: "how much gouda a day to hit 90 mcg then" got the 50–90 mcg per 100 g figure
// again; the asker wanted the grams. Expected portions are worked out by hand from the article's
// figures: 90 mcg at 50–90 mcg per 100 g is 100–180 g; 75 mcg at 150 mcg per tablespoon is half a
// tablespoon.
describe('the portion of a food that gives an amount asked', () => {
  const engine = sharedEngine();

  it('works out grams of hard cheese from the article’s range', () => {
    const a = engine.ask('how many grams of jarlsberg would get me to 90 mcg of k2');
    expect(a.body).toMatch(
      /^At the article's 50–90 mcg per 100 g, 90 mcg of K2 takes about 100–180 g of jarlsberg\./,
    );
  });

  it('works out tablespoons of natto', () => {
    const a = engine.ask('how much natto do i need to hit 75 mcg');
    expect(a.body).toMatch(
      /^At the article's 150 mcg per tablespoon, 75 mcg of K2 takes about 0\.5 tablespoon of natto\./,
    );
  });

  // Blind round 43: "so how much gouda would i need to eat to hit 120" (no unit) led with a soft
  // cheese's 500 mcg/100 g; 120 mcg at 50–90 mcg per 100 g is about 130–240 g (rounded to tens).
  it('reads a target with no unit at the end of the question as micrograms', () => {
    const a = engine.ask('how much jarlsberg would i have to eat to get to 120');
    expect(a.body).toMatch(
      /^At the article's 50–90 mcg per 100 g, 120 mcg of K2 takes about 130–240 g of jarlsberg\./,
    );
  });

  // Found running the terminal chat as a newcomer: "how much would i need to eat to hit 100" after
  // "is gouda good for k2" led with the soft cheeses' figure; the food is the one asked about before.
  it('works out the portion of the food the question before named', () => {
    const conversation = engine.startConversation();
    conversation.ask('is jarlsberg any good for k2');
    const a = conversation.ask('how much would i have to eat to reach 90');
    expect(a.body).toMatch(
      /^At the article's 50–90 mcg per 100 g, 90 mcg of K2 takes about 100–180 g of jarlsberg\./,
    );
  });

  it('not a number followed by another unit', () => {
    expect(engine.ask('how much natto to hit 2 tablespoons').body).not.toMatch(/^At the article's/);
  });

  it('a Gouda question gets the hard cheeses’ figure first, not the soft cheeses’', () => {
    expect(engine.ask('how much gouda should a person eat each day').facts[0]).toBe(
      'cheese/hard-cheese-amount',
    );
  });

  // Found running the terminal chat as a newcomer: without a word for the vitamin, the question
  // was declined with "which part of vitamin K2 do you mean".
  it('is answered without a word for the vitamin', () => {
    const a = engine.ask('how much jarlsberg to reach 90 mcg');
    expect(a.kind).toBe('answer');
    expect(a.body).toMatch(
      /^At the article's 50–90 mcg per 100 g, 90 mcg of K2 takes about 100–180 g of jarlsberg\./,
    );
  });

  // A word between the verb and the amount, and micrograms written "ug": 60 at 150 per tablespoon is 0.4.
  it('reads "to reach about 60 ug"', () => {
    const a = engine.ask('how much natto would i eat to reach about 60 ug of k2');
    expect(a.body).toMatch(
      /^At the article's 150 mcg per tablespoon, 60 mcg of K2 takes about 0\.4 tablespoon of natto\./,
    );
  });

  // Blind round 38: "…to get like 100mcg" gave the per-100 g figure without the grams.
  it('reads a loose filler before the amount ("to get like 45 mcg")', () => {
    const a = engine.ask('roughly how much jarlsberg should i eat to get like 45 mcg');
    expect(a.body).toMatch(
      /^At the article's 50–90 mcg per 100 g, 45 mcg of K2 takes about 50–90 g of jarlsberg\./,
    );
  });

  it('no amount asked, no portion', () => {
    expect(engine.ask('how much k2 is in gouda').body).not.toMatch(/takes about/);
  });

  it('a food the article gives no figure for gets none', () => {
    expect(engine.ask('how many egg yolks to reach 90 mcg of k2').body).not.toMatch(/takes about/);
  });
});

// Blind rounds 34 and 35: "I eat about 50 grams most days" (Gouda) and "how much is that for like a
// 200g portion" (after eel) got the figure per 100 g only. The K2 in the portion, worked out by hand:
// 30 g at 50–90 mcg per 100 g is 15–27 mcg; 150 g at 63 mcg per 100 g is about 95 mcg.
describe('the K2 in a portion given in grams', () => {
  const engine = sharedEngine();

  it('is worked out for a food with a figure', () => {
    expect(engine.ask('i have about 30g of jarlsberg on toast daily, how much k2 is that?').body).toMatch(
      /^At the article's 50–90 mcg per 100 g, 30 g of jarlsberg gives about 15–27 mcg of K2\./,
    );
  });

  it('is worked out for the food of the answer before', () => {
    const conversation = engine.startConversation();
    conversation.ask('does eel have k2 in it');
    expect(conversation.ask('and if i eat a 150 g fillet?').body).toMatch(
      /^At the article's 63 mcg per 100 g, 150 g of eel gives about 95 mcg of K2\./,
    );
  });

  it('not for the food before when the message names another', () => {
    const conversation = engine.startConversation();
    conversation.ask('whats the k2 in jarlsberg');
    expect(conversation.ask('ok and 40 g of camembert?').body).not.toMatch(/gives about/);
  });

  it('not for the basis of the figure itself, nor a body weight', () => {
    expect(engine.ask('how much k2 per 100g of gouda').body).not.toMatch(/gives about/);
    expect(engine.ask('i weigh 70 kg, how much k2 in gouda?').body).not.toMatch(/gives about/);
  });
});

// Blind round 37: a story that leans elsewhere ("heart racing bc i tried natto", "my arteries are
// all jarlsberg lol") took the amount asked of its food to the heart or to supplement doses.
describe('an amount asked of the food a joking story names', () => {
  it.each([
    [
      'my heart was pounding with joy when i finally tried natto lol. how much k2 was in that little 40g tub?',
      'natto',
    ],
    ['my arteries must be half gouda by now haha. how much k2 per 100g though', 'cheese'],
  ])('%j is about that food', (q, topic) => {
    const a = sharedEngine().ask(q);
    expect(a.urgent).toBe(false);
    expect(a.topic?.id).toBe(topic);
  });
});

// Blind round 45 (seen before fixing): "how many grams of that for 90mcg?" after "which cheese has
// the most k2" repeated the cheese figure: "cheese" is a kind of food with no figure of its own,
// and the reply before had named the one that has ("hard cheese such as Gouda").
it('a portion asked of "that" after a kind of food is worked for the food the reply named', () => {
  const conversation = sharedEngine().startConversation();
  conversation.ask('what cheese is highest in k2');
  const a = conversation.ask('ok how much of that to reach 120 mcg?');
  // At 50–90 mcg per 100 g (the article's figure), 120 mcg takes about 130–240 g.
  expect(a.body).toMatch(
    /^At the article's 50–90 mcg per 100 g, 120 mcg of K2 takes about 130–240 g of hard cheese\./,
  );
});
