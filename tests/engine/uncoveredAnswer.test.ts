import { describe, expect, it } from 'vitest';
import { ANTICOAGULANT_WARNING } from '../safetyTexts.ts';
import { sharedEngine } from '../sharedEngine.ts';

// A K2 question about a point the article never covers is partly covered: the reply says so
// first and gives the nearest facts, instead of declining the K2 question whole.
describe('a K2 question about a condition the article never mentions', () => {
  const engine = sharedEngine();

  it.each([
    ['is k2 any use for lupus', "The article doesn't cover lupus."],
    ['does k2 help with gout', "The article doesn't cover gout."],
  ])('%s: says so first, then what the evidence on K2 is', (question, opening) => {
    const answer = engine.ask(question);
    expect(answer.kind).toBe('answer');
    expect(answer.coverage).toBe('partial');
    expect(answer.body.startsWith(opening)).toBe(true);
    expect(answer.facts).toContain('evidence-summary/promise-conditions');
  });

  it('a condition asked about its own topic keeps that topic’s facts', () => {
    const answer = engine.ask('k2 for type 1 diabetes any use?');
    expect(answer.coverage).toBe('partial');
    expect(answer.facts.every((id) => id.startsWith('diabetes/'))).toBe(true);
  });

  it.each([
    'k2 and thyroid pills, any issue?', // a medicine: a pharmacist's question
    'does k2 help erectile dysfunction', // a condition the article never discusses: still declined
    'k2 mountain height', // not the vitamin
  ])('%s: still declined', (question) => {
    expect(engine.ask(question).kind).toBe('decline');
  });
});

// Points written by hand from the article: what it never says, and which of its facts come nearest.
describe('points the article does not cover, said first with the nearest facts', () => {
  const engine = sharedEngine();

  it.each([
    [
      'is taking k2 for years safe',
      "The article doesn't say how safe K2 is",
      'safety-side-effects/no-upper-limit',
    ],
    [
      'should i take k2 and d3 at the same time or apart',
      "The article doesn't say whether to take K2 at the same time",
      'absorption-excretion/fat-helps-absorption',
    ],
    ['how much k2 does salmon have', "The article doesn't give K2 for salmon", 'eel/seafood-lovers'],
    // Blind round 34: men asked about without a bone word in the question, gums beside teeth, a
    // dearer supplement against a cheaper one.
    [
      'the bone trials i read about were always women. has k2 been tested in men at all?',
      "The article doesn't cover bone trials in men",
      'bone-health/postmenopausal-90mcg-trial',
    ],
    [
      'good for teeth and gums as well?? k2 i mean',
      "The article doesn't cover gum health",
      'calcium-direction/teeth-and-bones-claim',
    ],
    [
      'is the pricier mk7 actually better than the cheap one from the supermarket',
      "The article doesn't compare prices",
      'choosing-mk7-supplement/label-content',
    ],
    [
      'which should i buy for mk7, the cis one or the trans one?',
      "The article doesn't mention all-trans or cis forms",
      'mk7-production/supplement-sources',
    ],
    [
      'jarlsberg or gouda for k2, which wins?',
      "The article doesn't say which of Gouda and Jarlsberg has more K2",
      'cheese/hard-cheese-amount',
    ],
    // Blind round 35: the smell of natto got where MK-7 comes from; making it taste better was
    // declined as making natto at home.
    [
      'the smell of natto is rank, what trick makes it edible?',
      "The article doesn't say how to serve or prepare natto",
      'natto/what-is-natto',
    ],
    [
      'how do i make natto taste better, i gag every time',
      "The article doesn't say how to serve or prepare natto",
      'natto/what-is-natto',
    ],
    // Blind round 35: softgels in the heat of a trip got the cooking point and the evidence summary.
    [
      'off to india for a month, will my mk7 capsules be ok in the heat in my backpack?',
      "The article doesn't say how to store K2 supplements",
      'choosing-mk7-supplement/label-content',
    ],
    // Blind round 34: "what about pork" got the salami figure as if pork were named.
    [
      'roast lamb on sundays, any k2 in that?',
      "The article doesn't mention lamb",
      'meat-liver-chicken/salami-dried-meats',
    ],
    // Vitamin K mixed up with potassium, the element K (blind round 19).
    [
      'wait is vitamin k just potassium',
      "The article doesn't mention potassium",
      'k2-overview/k1-other-form',
    ],
    // A soy allergy told in the story (blind round 19: "is mk7 made from soy? im kinda allergic").
    [
      'i get hives from soy. where does the mk7 in supplements come from?',
      "The article doesn't cover soy allergy",
      'mk7-production/supplement-sources',
    ],
    // Someone who has a soy allergy is no product that has soy (blind round 26: declined as a product).
    [
      'my dad has a soy allergy, so which k2 can he still have?',
      "The article doesn't cover soy allergy",
      'mk7-production/supplement-sources',
    ],
    // Kept away from another pill asks whether to take them apart (blind round 19).
    [
      'should my calcium pill be kept away from my k2',
      "The article doesn't say whether to take K2 at the same time as other supplements or apart from them.",
      'absorption-excretion/fat-helps-absorption',
    ],
    // The street drug sold as "K2" (blind rounds 15 and 19).
    [
      'my nephew says k2 is what people smoke to get high, is that this stuff',
      "The article is about vitamin K2, a vitamin; it doesn't cover the street drug",
      'k2-overview/what-is-k2',
    ],
    // Cooking destroys the K2 in food; warfarin "destroying" vitamin K is no cooking question.
    [
      'does boiling kale destroy the k2',
      "The article doesn't say whether cooking or storage",
      'k1-vs-k2/k1-sources',
    ],
    // "How long till" something changes asks how soon there is an effect (blind round 19).
    [
      'i take k2 daily now, how long til anything changes',
      "The article doesn't say how soon any effect can be noticed.",
      'bone-health/three-year-180mcg-trial',
    ],
    // …and so does how fast it acts on something (blind round 21: "how fast does k2 affect clotting?").
    [
      'how quickly does mk7 act on my blood clotting',
      "The article doesn't say how soon any effect can be noticed.",
      'bone-health/three-year-180mcg-trial',
    ],
    [
      'can k2 help with congestive heart failure',
      "The article doesn't cover heart failure",
      'heart-health/arteries-mechanism',
    ],
    // A benefit asked for sleep is not a side effect: the evidence on K2 comes nearest.
    [
      'can k2 help me sleep better',
      "The article doesn't cover sleep.",
      'evidence-summary/promise-conditions',
    ],
  ])('%s', (question, opening, nearest) => {
    const answer = engine.ask(question);
    expect(answer.coverage).toBe('partial');
    expect(answer.body.startsWith(opening)).toBe(true);
    expect(answer.facts).toContain(nearest);
  });

  it('poor sleep asked as a benefit ("k2 for sleep") is answered from what the evidence on K2 is', () => {
    const answer = engine.ask('k2 for a good night of sleep');
    expect(answer.body.startsWith("The article doesn't cover sleep.")).toBe(true);
    expect(answer.facts).toContain('evidence-summary/promise-conditions');
  });

  it('poor sleep asked as a side effect is answered from the side-effect facts', () => {
    const answer = engine.ask('does k2 cause insomnia');
    expect(answer.body.startsWith("The article doesn't list insomnia among K2's effects.")).toBe(true);
    expect(answer.facts).toContain('safety-side-effects/allergy-rare');
  });

  it('why K2 goes with calcium tablets is the mechanism the article gives, not an interaction it lacks', () => {
    // Blind round 14: "why does everyone say u need k2 if u take calcium pills" opened with "The
    // article doesn't say whether K2 interacts with calcium supplements".
    const why = engine.ask('why would anyone need k2 when they already take calcium tablets');
    expect(why.coverage).toBe('full');
    expect(why.facts).toContain('calcium-direction/bones-not-arteries');
    const together = engine.ask('can i take k2 with my calcium tablets');
    expect(together.coverage).toBe('partial');
  });

  it('calcium supplements and the heart: the article covers calcium in arteries, not the pills', () => {
    // Blind round 16: a letter on a daily 1,000 mg calcium supplement and a heart attack was
    // declined as "about other nutrients": a calcium amount told is no calcium dose asked, and
    // calcium with the heart is the article's subject even without a K2 word.
    const pills = engine.ask('are calcium tablets dangerous for your heart?');
    expect(pills.kind).toBe('answer');
    expect(pills.coverage).toBe('partial');
    expect(pills.body).toMatch(
      /^The article doesn't say whether calcium supplements raise the risk of heart attacks/,
    );
    expect(pills.facts).toContain('calcium-direction/calcium-in-arteries');
    const told = engine.ask(
      'been on 600 mg of calcium for years, could that be why my arteries are calcified?',
    );
    expect(told.kind).toBe('answer');
    expect(told.topic?.id).toBe('calcium-direction');
    // A calcium dose asked for is still another nutrient's question.
    expect(engine.ask('how much calcium should i take for my bones').kind).toBe('decline');
    // Calcium alone with a general word is not enough: the pair is what makes it the article's.
    expect(engine.ask('is calcium good for nails').kind).toBe('decline');
  });

  it('absorbing K2 after weight-loss surgery says what the article lacks, not surgery advice', () => {
    // Blind round 14: a sleeve gastrectomy told in the story and "after the surgery" in the question
    // got "The article doesn't cover K2 around surgery, such as stopping it beforehand".
    const absorb = engine.ask(
      'i had a gastric bypass two years ago and i cannot eat much fat now. will a k2 capsule even get absorbed after the surgery?',
    );
    expect(absorb.body).toMatch(/^The article doesn't cover weight-loss \(bariatric\) surgery/);
    expect(absorb.facts).toContain('absorption-excretion/fat-helps-absorption');
    // Low vitamin K after a bypass is the deficiency facts' question, which the article covers.
    const low = engine.ask('had a gastric bypass and now i bruise easily, could i be low on vitamin k?');
    expect(low.body).not.toMatch(/bariatric/);
  });

  // Blind round 38: "how long till it peaks in the blood" was read as how soon an effect shows
  // ("how long till" alone asked that point) and got a 3-year bone trial.
  it('how long until K2 peaks is the peak after intake, not how soon it works', () => {
    const answer = sharedEngine().ask('how long till vitamin k2 peaks after you swallow it');
    expect(answer.coverage).toBe('full');
    expect(answer.facts[0]).toBe('absorption-excretion/absorption-speed');
    expect(answer.body).toMatch(/4 hours/);
  });

  it('how long until it works is still not covered', () => {
    const answer = sharedEngine().ask('how long till k2 starts working on my bones');
    expect(answer.body).toMatch(/^The article doesn't say how soon any effect can be noticed/);
  });

  // Blind round 38: "is the 'k2' added to my fortified oat milk the same thing?" got dairy milk's
  // vitamin K figures.
  it('K2 added to a food says the article does not discuss fortified foods', () => {
    const answer = sharedEngine().ask('my vegan yoghurt says enriched with k2, is that as good as natto k2');
    expect(answer.coverage).toBe('partial');
    expect(answer.body).toMatch(/^The article doesn't discuss foods with K2 added/);
  });

  // Blind round 38: "no gallbladder since 2021 — does that mess w absorbing k2?" got absorption
  // facts without saying the article never mentions the gallbladder.
  it('absorbing K2 without a gallbladder says the article lacks it, then the fat facts', () => {
    const answer = sharedEngine().ask('gallstones runs in my family, would that stop me absorbing mk7?');
    expect(answer.coverage).toBe('partial');
    expect(answer.body).toMatch(/^The article doesn't cover the gallbladder or bile/);
    expect(answer.facts).toContain('absorption-excretion/fat-helps-absorption');
  });

  it('"is it ok to stay on it for years" asks how safe long use is (blind round 14)', () => {
    const a = engine.ask('ive taken mk7 with my d3 since spring, is it ok to stay on it for years?');
    expect(a.body).toMatch(/^The article doesn't say how safe K2 is over many years of use/);
    expect(a.facts).toContain('safety-side-effects/no-upper-limit');
  });

  it('a fresh cheese the article never names says so, with the cheeses it does name', () => {
    const a = engine.ask('is there k2 in feta');
    expect(a.coverage).toBe('partial');
    expect(a.body).toMatch(/^The article doesn't give K2 figures for fresh cheeses such as feta/);
    expect(a.facts).toContain('cheese/hard-cheese-amount');
  });

  it('a question about how long a trial ran is not a question about years of use', () => {
    expect(engine.ask('how many years did the mk7 bone trial last').body).not.toMatch(/many years of use/);
  });

  it('a drug said to destroy vitamin K is no question about cooking', () => {
    const a = engine.ask(
      'I have been on warfarin for ten years and my bones are thin now. Does the warfarin destroy vitamin K and if so does that mean I never get vitamin K even from foods that have it?',
    );
    expect(a.body).not.toMatch(/cooking/);
  });
});

// Things the article never names, asked beside K2: the reply names what is missing first.
describe('a comparison the article never makes, and foods and sources it never names', () => {
  const engine = sharedEngine();

  it.each([
    ['would strontium beat k2 for my spine', "The article doesn't compare K2 with strontium", 'bone'],
    // The question clause points back ("which is better of the two"): the things compared are
    // in the clause before it.
    [
      'risedronate and k2 for osteoporosis, which one is better',
      "The article doesn't compare K2 with risedronate",
      'osteoporosis',
    ],
    ['is there any k2 in ghee', "The article doesn't mention ghee", 'butter'],
    ['kombucha every day for k2?', "The article doesn't mention kombucha", 'fermented'],
  ])('%s', (question, opening, nearest) => {
    const answer = engine.ask(question);
    expect(answer.coverage).toBe('partial');
    expect(answer.body.startsWith(opening)).toBe(true);
    // The nearest facts are about the subject asked (bones, butter), whichever topic holds them.
    expect(answer.facts.some((id) => id.includes(nearest))).toBe(true);
  });

  it('a longer question after a backstory names its own subject: the backstory is not asked', () => {
    // "ibs" is a condition the article never covers, but the question is about sauerkraut.
    const answer = engine.ask('i have ibs, does sauerkraut have k2 in it?');
    expect(answer.body).not.toMatch(/doesn't cover ibs/i);
  });
});

describe('a K2 amount asked to go with D3', () => {
  const engine = sharedEngine();

  it('says the article gives none, then the dose range it quotes, not a trial’s dose as if advised', () => {
    const answer = engine.ask('how much mk7 should go with my vitamin d3?');
    expect(answer.body.startsWith("The article doesn't say how much K2 to take with D3.")).toBe(true);
    expect(answer.body).not.toMatch(/^90 mcg\/day\./);
  });

  // "When should I take mk7?" asks the time of day as much as "what time": it got how long the
  // forms stay in the blood.
  it.each(['when should you take mk7 supplements', 'when in the day is k2 best taken'])(
    '%j says the article gives no time of day, then that fat helps absorption',
    (question) => {
      const answer = engine.ask(question);
      expect(answer.body.startsWith("The article doesn't say whether morning or evening is better.")).toBe(
        true,
      );
      expect(answer.facts).toContain('absorption-excretion/fat-helps-absorption');
    },
  );

  // Blind round 32: "how long does a k2 bottle keep once its open?" got how long K2 stays in the
  // blood ("8–24 hours"), read as the bottle's life.
  it.each([
    'how long do k2 capsules keep once open',
    'my mk7 oil, how long does the bottle last once its open',
  ])('%j says the article gives no storage advice, not a time in the blood', (question) => {
    const answer = engine.ask(question);
    expect(answer.body.startsWith("The article doesn't say how to store K2 supplements")).toBe(true);
    expect(answer.body).not.toMatch(/hours/);
  });

  // Blind round 33: heart valves, a calcium score and how much K2 lowers blood pressure were answered
  // from artery facts without saying the article does not cover them.
  it.each([
    [
      'calcified aortic valve on my last echo, would k2 do anything for that',
      "The article doesn't cover heart valves",
    ],
    ['can k2 bring a high calcium score down', "The article doesn't explain calcium (CAC) scores"],
    [
      'if k2 lowers bp, by how much roughly?',
      'The article gives no figure for how much K2 changes blood pressure',
    ],
  ])('%j says first what the article does not cover', (question, opening) => {
    expect(engine.ask(question).body.startsWith(opening)).toBe(true);
  });

  // Blind round 33: "my dad is 81 and takes d3 + k2 for his bones, is that ok for older guys?" was
  // told the article doesn't cover men's bones, without its line for older adults.
  it("bones in older men get the older adults' MK-7 line", () => {
    const answer = engine.ask('is k2 worth it for an older man with weak bones');
    expect(answer.facts).toContain('supplement-dosage/older-adults');
  });

  // Blind round 33: "how much k2 in brie" opened with "About 500 mcg/100 g", a US figure for total
  // vitamin K in soft-ripened cheese, as if it were the article's figure for Brie.
  it('a Brie amount says the article gives no figure for Brie', () => {
    const answer = engine.ask('whats the k2 content of brie per 100g');
    expect(answer.body.startsWith('The article names Brie as a K2 source but gives no figure for it')).toBe(
      true,
    );
  });

  // Blind round 33: "why does literally every supplement brand stack d3 with k2?" got that the
  // article names no brands: why something is done asks its reason, not a brand.
  it('why brands do something is asked for the reason, not a brand', () => {
    const answer = engine.ask('why do all the supplement brands combine d3 with k2');
    expect(answer.body).not.toMatch(/name brands/);
    expect(answer.facts).toContain('d3-k2-cosupplementation/rationale');
  });

  // Blind round 33: "…I can throw my calcium tablets away, because K2 'puts the calcium where it
  // belongs'. Is that how it works?" got that the article doesn't compare supplement forms: "tablets"
  // and "works" in one question are no comparison of forms.
  it("another supplement's tablets and how K2 works are not a question of forms", () => {
    const answer = engine.ask('my friend says k2 means i can stop my calcium tablets. is that how it works?');
    expect(answer.body).not.toMatch(/supplement forms/);
  });

  // Blind round 32: someone who "can no longer swallow tablets" asking for a liquid or spray K2 was
  // declined as outside what the bot knows (the tablets read as a medicine), and "are there drops or
  // something?" got the calcium facts again.
  it.each([
    'dad cant swallow tablets anymore. is k2 sold as a liquid or spray?',
    'are there drops or something for k2? my gran has trouble swallowing pills',
  ])('%j says the article does not compare supplement forms', (question) => {
    expect(engine.ask(question).body.startsWith("The article doesn't compare supplement forms")).toBe(true);
  });

  // Blind round 32: "my gums used to bleed … could K2 help keep my gums healthy now?" got the signs
  // of low vitamin K: the bleeding is told, gum health is asked.
  it.each([
    'my gums bled a lot as a teen but not anymore - will k2 keep them healthy',
    'is vitamin k2 good against gingivitis',
  ])('%j says the article does not cover gum health', (question) => {
    expect(engine.ask(question).body.startsWith("The article doesn't cover gum health")).toBe(true);
  });

  // Blind round 32: "does k2 help muscle recovery or cramps?" got healing after an injury.
  it.each(['is k2 any good for sore muscles after lifting', 'mk7 for workout recovery?'])(
    '%j says the article does not cover K2 and muscle',
    (question) => {
      expect(engine.ask(question).body.startsWith("The article doesn't cover K2 and muscle.")).toBe(true);
    },
  );

  // Blind round 32: "we want a baby soon, is it fine to keep taking my k2 while trying?" opened
  // with children; trying to conceive is a point the article does not cover.
  it.each(['can i keep my mk7 going while we try to conceive', 'k2 when planning a pregnancy, yes or no'])(
    '%j says the article does not cover it, then what it says for pregnancy',
    (question) => {
      const answer = engine.ask(question);
      expect(answer.body.startsWith("The article doesn't cover K2 while trying to conceive")).toBe(true);
      expect(answer.facts).toContain('pregnancy-breastfeeding/pregnancy-intake');
    },
  );

  // Blind round 32: "does cheddar have k2? … its the only cheese my kids eat" said the article does
  // not discuss K2 for children: who eats the food is told, a food's K2 is asked.
  it.each([
    'is there any k2 in edam? its the only cheese my kids will touch',
    'do eggs have k2 in them? my teenage son eats four a day',
  ])('%j answers the food, not a point about children', (question) => {
    expect(engine.ask(question).body).not.toMatch(/children or teenagers/);
  });

  // Blind round 32: "can k2 make u jittery or keep u up at night?" got the time of day; it asks about
  // side effects the article does not list.
  it.each([
    ['can mk7 keep me up at night', 'poor sleep'],
    ['can vitamin k2 make you jittery', 'jitteriness'],
  ])('%j says the article does not list %s among its effects', (question, word) => {
    expect(engine.ask(question).body.startsWith(`The article doesn't list ${word} among K2's effects.`)).toBe(
      true,
    );
  });

  // Blind round 32: a habit told before a dash ("kefir every morning — any k2 in there or nah")
  // read as a time of day asked.
  it.each(['full fat yogurt every evening - does it have any k2', 'sauerkraut each night - any k2 in it?'])(
    '%j is about the food, not the time of day',
    (question) => {
      expect(engine.ask(question).body).not.toMatch(/morning or evening/);
    },
  );

  // A session-start leftover: the D3 told before a question that asks the K2 amount "with it" was
  // left out of what is asked, and its figure ("iu of d3") read as a D3 dose asked.
  it.each([
    'my doctor has me on 4000 iu of vitamin d3, what dose of k2 would go with that',
    'been on 2000iu d3 for a year. how many mcg of mk7 should i pair alongside it?',
    'how much k2 do people take with 6000 iu of d3',
  ])('%j: the D3 figure is told, the K2 amount with it is asked', (question) => {
    const answer = engine.ask(question);
    expect(answer.body.startsWith("The article doesn't say how much K2 to take with D3.")).toBe(true);
    expect(answer.body).toMatch(/90.200 mcg/);
  });

  // Blind round 32: "i take 10,000 IU of d3 every day. do i need k2 with it?" asks whether, not how
  // much: "need" asks no amount.
  it.each(['im on 4000 iu of d3. do i need k2 alongside it?', 'does my wife need k2 with her vitamin d?'])(
    '%j is answered with why the two are combined, not with a missing amount',
    (question) => {
      const answer = engine.ask(question);
      expect(answer.body).not.toMatch(/how much K2 to take with D3/);
      expect(answer.facts).toContain('d3-k2-cosupplementation/rationale');
    },
  );

  // Blind round 30: "…you should also take vitamin K2, but at what strength?" asks an amount.
  it('asked as the strength of K2 to take with D3', () => {
    const answer = engine.ask('which strength of vitamin k2 goes with my d3 tablets?');
    expect(answer.body.startsWith("The article doesn't say how much K2 to take with D3.")).toBe(true);
  });
});

// A supplement form named in passing is not asked about: "doesn't compare softgel forms" answered
// a tummy ache, a stroke and a hypothetical overdose in blind rounds 9 and 10.
describe('a supplement form is a point only when the question compares it', () => {
  const engine = sharedEngine();
  const says = "The article doesn't compare supplement forms";

  it.each(['are k2 gummies as good as capsules', 'is a k2 softgel better than a tablet'])(
    '%j says the article does not compare forms',
    (question) => {
      expect(engine.ask(question).body.startsWith(says)).toBe(true);
    },
  );

  it.each([
    'my belly has been off since the new k2 softgels, could that be it?',
    'been on d3 and k2 gummies for a while, are they safe long term?',
  ])('%j answers what is asked', (question) => {
    expect(engine.ask(question).body).not.toContain(says);
  });
});

// Blind round 10: "would like a spoon of peanut butter be enough fat" got the absorption facts as
// if they answered it; the article never says how much fat.
describe('how much fat K2 needs', () => {
  const engine = sharedEngine();
  it('is not in the article: the reply says so, then that fat helps absorption', () => {
    const a = engine.ask('is a teaspoon of olive oil enough fat for my k2 to absorb');
    expect(a.coverage).toBe('partial');
    expect(a.body).toMatch(/^The article doesn't say how much fat/);
    expect(a.facts).toContain('absorption-excretion/fat-helps-absorption');
  });
});

describe('a word inside a longer name or a told past is not the point asked', () => {
  const engine = sharedEngine();

  it('a stress fracture is a fracture the article does not cover, not the condition "stress"', () => {
    const a = engine.ask(
      'i run cross country and just got my second stress fracture in the shin, would k2 help it heal or stop the next one?',
    );
    expect(a.coverage).toBe('partial');
    expect(a.body).toMatch(/^The article doesn't cover stress fractures/);
  });

  it('"since i was a teenager" is the asker as a teenager, not a question about teenagers', () => {
    const a = engine.ask(
      'my family has eaten natto with rice since i was a teenager. now im on warfarin, why is natto suddenly a problem',
    );
    expect(a.body).not.toMatch(/children|teenagers/);
  });
});

// Points that blind round 15 showed missing, asked here in other words.
describe('cooking, shop-bought foods, missed doses, isomers and ratios', () => {
  const engine = sharedEngine();

  it.each([
    [
      'does baking cheese into a lasagne wreck the k2?',
      "The article doesn't say whether cooking or storage changes the K2 in food.",
      'cheese/',
    ],
    [
      'is tinned or pasteurised kimchi still a k2 source',
      "The article doesn't say whether store-bought or pasteurised versions keep their K2.",
      'fermented-veg/',
    ],
    [
      'i missed a dose of my mk7 yesterday, should i double up today?',
      "The article doesn't say what to do after a missed dose",
      'mk7-vs-mk4/mk7-half-life',
    ],
    [
      'my mk7 says 99% all trans, is that better than cis?',
      "The article doesn't mention all-trans or cis forms of MK-7",
      'mk7-production/supplement-sources',
    ],
    [
      'whats a sensible ratio d3 to k2 for a supplement stack',
      "The article doesn't say how much K2 to take with D3.",
      'supplement-dosage/key-takeaway-dose-range',
    ],
  ])('%s', (question, opening, nearest) => {
    const answer = engine.ask(question);
    expect(answer.coverage).toBe('partial');
    expect(answer.body.startsWith(opening)).toBe(true);
    expect(answer.facts.some((id) => id.startsWith(nearest))).toBe(true);
  });

  it('a grass-fed butter from the supermarket is no question about shop-bought food', () => {
    expect(engine.ask('is grass fed butter higher in k2 than plain supermarket butter').body).not.toMatch(
      /store-bought/,
    );
  });
});

describe('whether a food covers the day', () => {
  const engine = sharedEngine();

  it('the daily intake figures come with the food’s own', () => {
    const a = engine.ask('two slices of gouda daily, is that enough k2 to cover my needs?');
    expect(a.facts).toContain('daily-intake/adequate-intake-adults');
    expect(a.facts.some((id) => id.startsWith('cheese/'))).toBe(true);
  });

  // Blind round 16: "how much natto … to hit my k2 for the day" got natto's figure and nothing to compare it with.
  it.each([
    'how many tablespoons of natto to meet my daily target?',
    'how much gouda do i need to reach my daily k2',
  ])('%s: a daily target asked brings the intake figures', (question) => {
    expect(engine.ask(question).facts).toContain('daily-intake/adequate-intake-adults');
  });

  // Blind round 20: "is one spoon enough" got natto's figure and nothing to compare it with.
  it.each(['natto for k2: is a teaspoon enough?', 'is a single serving enough of natto for k2'])(
    '%s: a portion asked to be enough brings the intake figures',
    (question) => {
      expect(engine.ask(question).facts).toContain('daily-intake/adequate-intake-adults');
    },
  );
});

describe('how K2 leaves the body', () => {
  const engine = sharedEngine();

  it('is answered by the excretion fact first', () => {
    expect(engine.ask('how does k2 leave your body').facts[0]).toBe('absorption-excretion/excretion');
  });
});

describe('a habit told before the question', () => {
  const engine = sharedEngine();

  it('says when the asker does something, not when to take K2', () => {
    expect(engine.ask('i have a slice of gouda every evening. is that enough k2 for me').body).not.toMatch(
      /morning or evening/,
    );
  });

  it('asked in the question itself, the time of day is still the point', () => {
    expect(engine.ask('is it better to take k2 every morning or every evening?').body).toMatch(
      /^The article doesn't say whether morning or evening is better/,
    );
  });
});

// Blind round 16: "so breakfast or dinner?" after an absorption answer got the egg-yolk facts, and
// "what about athletes, do they need more" the egg yolks again.
describe('meal times offered as a choice, athletes, and a follow-up titled by its nearest facts', () => {
  const engine = sharedEngine();
  const MEAL_TIME = "The article doesn't say whether morning or evening is better.";

  it.each(['should i take my mk7 with lunch or with supper', 'k2 at breakfast or at dinner, which one'])(
    '%s: a time of day asked as a choice of meals',
    (question) => {
      const answer = engine.ask(question);
      expect(answer.coverage).toBe('partial');
      expect(answer.body.startsWith(MEAL_TIME)).toBe(true);
    },
  );

  it('after a food answer, the meal-time point is titled by the absorption facts it gives', () => {
    const conversation = engine.startConversation();
    conversation.ask('how much k2 is in egg yolks');
    const answer = conversation.ask('and lunch or dinner?');
    expect(answer.body.startsWith(MEAL_TIME)).toBe(true);
    expect(answer.topic?.id).toBe('absorption-excretion');
  });

  it('athletes are a population the article never discusses', () => {
    const answer = engine.ask('do endurance athletes need extra k2');
    expect(answer.coverage).toBe('partial');
    expect(answer.body).toMatch(/^The article doesn't discuss K2 for athletes or exercise\./);
  });
});

// A letter with no question mark asks its embedded question about what the sentence before it
// names; a time of day in the story is no timing asked (blind round 18).
describe('an embedded question that points back, in a letter without a question mark', () => {
  const engine = sharedEngine();

  it('is read with the sentence before it, not the whole story', () => {
    const a = engine.ask(
      "My mum has had nerve pain in her feet for years and it's worst at night. A friend sent her a post saying vitamin K2 repairs nerve damage. I would like to know what it does and whether there is any proof for it.",
    );
    expect(a.topic?.id).toBe('peripheral-neuropathy');
    expect(a.body).not.toMatch(/morning or evening/);
    expect(a.facts.some((id) => id.startsWith('peripheral-neuropathy/'))).toBe(true);
  });
});

describe('cheeses, multivitamins and stroke the article never names (blind round 18)', () => {
  const engine = sharedEngine();

  it.each([
    [
      'out of gouda, parmesan and cheddar, which has more k2?',
      "The article doesn't give K2 figures for parmesan",
    ],
    ['does the k2 in a multivitamin count?', "The article doesn't discuss multivitamins"],
    ['can k2 stop you having a stroke', "The article doesn't discuss stroke"],
  ])('%j says so first', (q, opening) => {
    const a = engine.ask(q);
    expect(a.coverage).toBe('partial');
    expect(a.body.startsWith(opening)).toBe(true);
  });

  it('a stroke asked about clotting gets the clotting facts', () => {
    const a = engine.ask(
      "i'm healthy, not on blood thinners. can k2 make my blood clot and give me a stroke?",
    );
    expect(a.body).not.toMatch(/doesn't discuss stroke/);
    expect(a.topic?.id).toBe('clotting-function');
  });
});

describe('a diet told before a question on where to get K2 (blind round 18)', () => {
  const engine = sharedEngine();

  it('says the article does not discuss it, in the asker’s word', () => {
    const a = engine.ask('vegetarian since forever, so where would i get k2 from?');
    expect(a.body.startsWith("The article doesn't discuss vegetarian diets")).toBe(true);
  });

  it('not when the question asks something else', () => {
    expect(engine.ask("I'm vegan. is the mk-7 in supplements made by bacteria?").body).not.toMatch(
      /vegan diets/,
    );
  });
});

describe('a diet told before a question on plant sources (found reading replies in the review)', () => {
  const engine = sharedEngine();

  it('says the article does not discuss it, then the plant sources', () => {
    const a = engine.ask('plant based for years now. is there any plant source of k2 or not?');
    expect(a.body).toMatch(
      /^The article doesn't discuss plant based diets; of its foods, natto and fermented vegetables/,
    );
  });
});

// Blind round 20: "is k2 only for old people or does it matter at 25" got the D3 + K2 rationale.
describe('young adults, a population the article never singles out', () => {
  const engine = sharedEngine();

  it.each([
    'does k2 matter for young adults or is it just an old people thing',
    'im 23, is k2 only for older folks or for young people too?',
  ])('%j says so, then the adult intake figures', (q) => {
    const a = engine.ask(q);
    expect(a.coverage).toBe('partial');
    expect(a.body.startsWith("The article doesn't discuss young adults separately")).toBe(true);
    expect(a.facts).toContain('daily-intake/adequate-intake-adults');
  });

  it('not when an effect is asked: the effect facts answer', () => {
    const a = engine.ask('does k2 help young adults with memory');
    expect(a.body.startsWith("The article doesn't discuss young adults separately")).toBe(false);
  });
});

// Blind round 20: "is there some conversion in the body which allows K2 to become K1?" got the K1
// and K2 roles without saying the article is silent, and without the fact-check's K1 → MK-4.
describe('conversion between K1 and K2, either way', () => {
  const engine = sharedEngine();

  it.each(['can k2 turn into k1 inside the body?', 'does my body make k2 out of k1 from greens'])(
    '%j says the article is silent, then that the body makes some MK-4 from K1',
    (q) => {
      const a = engine.ask(q);
      expect(a.body.startsWith("The article doesn't say whether the body converts one form")).toBe(true);
      expect(a.facts[0]).toBe('k1-vs-k2/k1-to-mk4');
    },
  );
});

// Blind round 20: halal cheese (animal rennet) was answered with the Gouda range as if covered.
describe('halal or kosher foods, which the article never discusses', () => {
  const engine = sharedEngine();

  it.each(['any halal sources of k2?', 'does cheese made with microbial rennet have less k2'])(
    '%j says so, then the K2 foods it names',
    (q) => {
      const a = engine.ask(q);
      expect(a.body.startsWith("The article doesn't discuss halal or kosher foods or rennet")).toBe(true);
      expect(a.facts).toContain('food-plan/food-ranking');
    },
  );
});

// Blind round 20: "k2 sources if i dont eat dairy?" listed cheeses and dairy first.
describe('a dairy-free diet, which the article never discusses', () => {
  const engine = sharedEngine();

  it.each([
    'no dairy for me, so where do i get k2',
    'lactose intolerant here. which foods still have k2?',
    'dairy-free k2 foods?',
  ])('%j says so, then the K2 foods without dairy', (q) => {
    const a = engine.ask(q);
    expect(a.coverage).toBe('partial');
    expect(a.body).toMatch(
      /^The article doesn't discuss dairy-free diets; its K2 foods without dairy are egg yolks/,
    );
  });

  it('not when the diet is only told and something else is asked', () => {
    expect(engine.ask("i'm lactose intolerant, does k2 help my bones?").body).not.toMatch(/dairy-free/);
  });

  it('a follow-up about a lactose-intolerant child is read in context, not declined', () => {
    const conversation = engine.startConversation();
    conversation.ask('which cheese has the most k2');
    const a = conversation.ask('my husband is lactose intolerant, what can he have instead');
    expect(a.kind).toBe('answer');
    expect(a.body).toMatch(/dairy-free diets/);
  });
});

// Blind round 21: a lacto-vegetarian asking for K2 foods was told only natto and fermented
// vegetables, the vegan answer, though cheese and yogurt are vegetarian.
describe('a vegetarian diet is not a vegan one', () => {
  const engine = sharedEngine();

  it('names the dairy and egg sources too', () => {
    const a = engine.ask('been vegetarian 10 years (eggs + milk ok). which foods give me k2?');
    expect(a.body).toMatch(
      /^The article doesn't discuss vegetarian diets; its K2 foods without meat or fish are/,
    );
    expect(a.body).toMatch(/cheeses/);
  });

  it('a vegan still gets the plant sources only', () => {
    expect(engine.ask('fully vegan, where can i get k2').body).toMatch(
      /^The article doesn't discuss vegan diets; of its foods, natto and fermented vegetables/,
    );
  });
});

// Blind round 21: "how much calcium tho" after K2 dose replies opened "360 and 720 mcg a day.", the
// MK-7 trial doses read as a calcium dose.
describe('a calcium dose, which the article never gives', () => {
  const engine = sharedEngine();

  it.each(['how much calcium should go with my mk7', 'whats the right calcium dose alongside k2'])(
    '%j says so first',
    (q) => {
      const a = engine.ask(q);
      expect(a.coverage).toBe('partial');
      expect(a.body.startsWith("The article doesn't give a calcium dose")).toBe(true);
    },
  );

  it('asked as a follow-up, no K2 figure opens the reply', () => {
    const conversation = engine.startConversation();
    conversation.ask('is 180 mcg of mk7 a normal dose?');
    const a = conversation.ask('and how much calcium?');
    expect(a.body).not.toMatch(/^\d/);
    expect(a.body).toMatch(/calcium dose/);
  });
});

// Blind round 21: "how much of it?" after a diabetes question opened "10 micrograms a day.", the
// cohort's per-10-micrograms step read as a dose.
describe('a dose asked in a follow-up of a condition the article gives no dose for', () => {
  const engine = sharedEngine();

  it('says the article gives no dose for it', () => {
    const conversation = engine.startConversation();
    conversation.ask('my blood sugar is creeping up (type 2). can vitamin k2 do anything for that?');
    const a = conversation.ask('ok how much would i need?');
    expect(a.body.startsWith("The article doesn't give a K2 dose for diabetes")).toBe(true);
  });

  it('a bare "how much of it?" asks it of the whole question before', () => {
    const conversation = engine.startConversation();
    conversation.ask('Diabetic here, on diet control. Read that K2 helps insulin. True?');
    expect(
      conversation.ask('how much of it?').body.startsWith("The article doesn't give a K2 dose for diabetes"),
    ).toBe(true);
  });
});

// Found from probes: "how much k2 for memory" and "how much would he need for that" after a memory
// question got the brain claim or the adult intake, as if either were a dose for it.
describe('a dose asked for a condition the article gives no dose for', () => {
  const engine = sharedEngine();

  it.each([
    ['what mk7 dosage is used for dementia', 'dementia'],
    ['how many mcg of k2 should someone with neuropathy take', 'neuropathy'],
    ['how much vitamin k2 helps against cancer', 'cancer'],
  ])('%j says the article gives no dose for it', (q, condition) => {
    const a = engine.ask(q);
    expect(a.coverage).toBe('partial');
    expect(a.body.startsWith(`The article doesn't give a K2 dose for ${condition}`)).toBe(true);
  });

  it('a follow-up asks it of the condition asked about before', () => {
    const conversation = engine.startConversation();
    conversation.ask('can vitamin k2 slow down memory loss');
    expect(
      conversation
        .ask('ok and how much should she take')
        .body.startsWith("The article doesn't give a K2 dose for memory"),
    ).toBe(true);
  });

  it('a count of a study about the condition is no dose asked', () => {
    expect(engine.ask('how many people were in the brain mk-4 study').body).not.toMatch(/give a K2 dose/);
  });
});

// Blind round 21: "is k2 the same as potassium?" was declined as another meaning of "K2" (the
// chemical K₂), though the potassium point says what the article is about.
describe('K2 mixed up with potassium', () => {
  const engine = sharedEngine();

  it.each(['is k2 the same as potassium?', 'k2 = potassium right?'])(
    '%j says the article is about vitamin K',
    (q) => {
      const a = engine.ask(q);
      expect(a.kind).toBe('answer');
      expect(a.body).toMatch(/^The article doesn't mention potassium .*: it is about vitamin K/);
    },
  );

  // Blind round 30: the K of fertiliser bags (NPK) asked about as vitamin K got "which part of K2".
  it.each([
    'is the k in npk plant food the same as vitamin k?',
    'is my k at 3.4 the same thing as vitamin k?',
  ])('%j says the article is about vitamin K, not potassium', (q) => {
    const a = engine.ask(q);
    expect(a.coverage).toBe('partial');
    expect(a.body).toMatch(/^The article doesn't mention potassium/);
  });

  it('low vitamin K levels are not potassium', () => {
    expect(engine.ask('what causes low vitamin k levels').body).not.toMatch(/potassium/);
  });

  it('a chemistry question is still declined', () => {
    expect(engine.ask('whats the chemical formula of k2 potassium oxide').kind).toBe('decline');
  });
});

// Blind rounds 20 and 21: "my wife has MS, would it help her too?" after a neuropathy answer gave
// the nerve facts as if MS were covered; "MS" read in lower case as "ms" was why it was left out.
describe('a condition named by its abbreviation', () => {
  const engine = sharedEngine();

  it.each([
    ['can k2 help with ms', 'MS (multiple sclerosis)'],
    ['is k2 good for adhd', 'ADHD'],
    ['does k2 help parkinsons at all', "Parkinson's"],
  ])('%j says the article does not cover it, written as %j', (q, shown) => {
    expect(engine.ask(q).body.startsWith(`The article doesn't cover ${shown}.`)).toBe(true);
  });

  it('"ms" as milliseconds or a unit is no condition', () => {
    expect(engine.ask('how many mcg of mk7 per day').body).not.toMatch(/multiple sclerosis/);
  });

  it('a follow-up naming someone with it says so too, "too" and all', () => {
    const conversation = engine.startConversation();
    conversation.ask('does k2 do anything for nerve damage in the feet?');
    const a = conversation.ask('my brother has MS, would it help him too?');
    expect(a.body).toMatch(/The article doesn't cover MS \(multiple sclerosis\)\./);
  });
});

// Blind rounds 20 and 21: "µg" against "mcg", and "is 100 mcg 0.1 mg?", were never said to be one
// unit; the units are now defined (a glossary fact), and two names of one defined thing are one.
describe('the units of the figures', () => {
  const engine = sharedEngine();

  it.each(['what does mcg stand for', 'is µg the same as mcg?', 'whats a milligram'])(
    '%j is defined',
    (q) => {
      const a = engine.ask(q);
      expect(a.facts[0]).toBe('supplement-dosage/units-mcg-mg');
      expect(a.body).toMatch(/1 mg \(milligram\) is 1,000 mcg/);
    },
  );

  it.each(['is k1 the same as k2', 'whats the difference between mk4 and mk7'])(
    '%j compares two things, not the units',
    (q) => {
      expect(engine.ask(q).facts[0]).not.toBe('supplement-dosage/units-mcg-mg');
      expect(engine.ask(q).topic?.id).not.toBe('supplement-dosage');
    },
  );
});

// Blind round 22: "how do i make it taste less gross" after natto repeated the natto fact as if it
// answered; how natto is made palatable is preparation, which the article never covers.
describe('preparing natto', () => {
  const engine = sharedEngine();

  it.each(['any tips to make natto taste better?', 'how can i mask the taste of natto'])(
    '%j says the article does not cover it, then the natto facts',
    (question) => {
      const answer = engine.ask(question);
      expect(answer.coverage).toBe('partial');
      expect(answer.body.startsWith("The article doesn't say how to serve or prepare natto.")).toBe(true);
    },
  );
});

// Blind round 22: "ok so with food, but which meal?" got the D3 rationale; which meal is best is a
// point the article never makes, and fat with the meal is its nearest fact.
describe('which meal', () => {
  const engine = sharedEngine();

  it.each([
    'what meal of the day is best for my k2 capsule',
    'which meal should mk7 go with, lunch or dinner',
  ])('%j says the article does not say, then that fat helps absorption', (question) => {
    const answer = engine.ask(question);
    expect(answer.coverage).toBe('partial');
    expect(answer.body.startsWith("The article doesn't say which meal is best.")).toBe(true);
    expect(answer.facts).toContain('absorption-excretion/fat-helps-absorption');
  });
});

describe('who asks, when the point asked is the same for everyone', () => {
  const engine = sharedEngine();

  // Blind round 23: a 17-year-old's school project on how MK-7 is made opened with "The article
  // doesn't discuss K2 for children or teenagers".
  it('a teenager asking how MK-7 is made gets how it is made, not the teenager point', () => {
    const answer = engine.ask('my son is 15 and wants to know how mk-7 is made in factories');
    expect(answer.topic?.id).toBe('mk7-production');
    expect(answer.coverage).toBe('full');
    expect(answer.body).not.toMatch(/children or teenagers/);
  });

  it('a teenager asking what K2 does for him still hears that the article does not discuss teenagers', () => {
    const answer = engine.ask('my son is 15, is k2 good for his bones?');
    expect(answer.body).toMatch(/^The article doesn't (discuss|give)[^.]*(children|teenagers)/);
  });
});

describe('stopping K2', () => {
  const engine = sharedEngine();

  // Blind round 23: "what happens if i just stop" was declined as outside what the bot knows,
  // and "and if I stop?" after a bones answer got the calcium facts.
  it.each([
    'on mk7 since spring, might quit soon. what would happen if i stopped?',
    'my mom wants to know what happens if she quits her k2',
  ])('%j says the article does not cover stopping, then how long K2 stays', (q) => {
    const answer = engine.ask(q);
    expect(answer.coverage).toBe('partial');
    expect(answer.body).toMatch(/^The article doesn't say what happens when K2 is stopped/);
    expect(answer.facts).toContain('mk7-vs-mk4/mk7-half-life');
  });

  it.each([
    // No one stops: the bleeding does.
    'can k2 help a nosebleed stop?',
    // A medicine is stopped, not K2.
    'he takes fosamax weekly, could he stop that and use mk7?',
  ])('%j is not the stopping point', (q) => {
    expect(engine.ask(q).body).not.toMatch(/what happens when K2 is stopped/);
  });
});

describe('food against a supplement', () => {
  const engine = sharedEngine();

  // Blind round 23: "natto or a k2 pill, which is actually better?" got how MK-7 is made, as if
  // the article answered it.
  it.each(['is a tablet as good as eating natto for k2?', 'are capsules as good as natto for getting k2?'])(
    '%j says the article does not compare them, then what it says of each',
    (q) => {
      const answer = engine.ask(q);
      expect(answer.coverage).toBe('partial');
      expect(answer.body).toMatch(
        /^The article doesn't compare getting K2 from food with taking a supplement/,
      );
      expect(answer.facts).toContain('food-plan/food-meets-needs');
    },
  );

  it('taking a capsule with food is not that comparison', () => {
    expect(engine.ask('do i need to take my k2 capsule with food or not?').body).not.toMatch(
      /compare getting K2 from food/,
    );
  });
});

// Blind round 24: "feet ... at night" and "took 3 pills this morning by mistake" were answered as
// a time-of-day question. A moment something happened (focus.json `moments`) asks no time of day.
describe('a moment told, not a time of day asked', () => {
  const engine = sharedEngine();

  it.each([
    'oops i swallowed three of my k2 pills this morning by mistake, is that bad?',
    'took a second mk7 capsule last night by accident, should i worry?',
  ])('%j: no time-of-day opening; an extra dose taken asks about side effects', (q) => {
    const a = engine.ask(q);
    expect(a.body).not.toMatch(/morning or evening/);
    expect(a.topic?.id).toBe('safety-side-effects');
    expect(a.facts.some((id) => id.startsWith('safety-side-effects/'))).toBe(true);
  });

  it('a time of day asked is still the uncovered point', () => {
    const a = engine.ask('is it better to take k2 in the morning or at night?');
    expect(a.body.startsWith("The article doesn't say whether morning or evening is better.")).toBe(true);
  });
});

// Blind round 24: a pacemaker and freezing natto were answered with confidence, without saying the
// article covers neither (focus.json uncovered `implanted-devices`, and `cooking` for storage).
describe('implanted devices and keeping food cold', () => {
  const engine = sharedEngine();

  it('a pacemaker: says the article does not cover it, then the safety facts', () => {
    const a = engine.ask(
      'my gran just got a pacemaker fitted, can she still take her mk7 or will it affect the device?',
    );
    expect(a.coverage).toBe('partial');
    expect(a.body).toMatch(/^The article doesn't cover K2 with a pacemaker/);
    expect(a.facts).toContain('safety-side-effects/anticoagulant-caution');
  });

  it('a stent beside an arteries question keeps the arteries answer', () => {
    const a = engine.ask('had a stent fitted in 2020. does mk7 keep arteries from calcifying?');
    expect(a.body).not.toMatch(/pacemaker/);
  });

  it('freezing a food: says the article does not say whether storage changes its K2', () => {
    const a = engine.ask('if i put natto in the freezer does it lose its k2');
    expect(a.coverage).toBe('partial');
    expect(a.body).toMatch(/^The article doesn't say whether cooking or storage changes the K2 in food\./);
  });
});

// Blind round 24: "which one is the purest and which you'd buy" was answered with the label facts
// as if the article compared products. More words for the brand point (focus.json uncovered).
describe('which product is purest', () => {
  const engine = sharedEngine();

  it('the article does not compare or name brands', () => {
    const a = engine.ask('of the three mk7 bottles i found, which one is purest?');
    expect(a.coverage).toBe('partial');
    expect(a.body).toMatch(/^The article doesn't compare or name brands/);
  });

  it.each(['which company makes the best mk7', 'what k2 companies can i trust'])(
    '%j asks for a brand',
    (q) => {
      expect(engine.ask(q).body).toMatch(/^The article doesn't compare or name brands/);
    },
  );

  // Blind round 25: "does it actually help bone density or is that just supplement company stuff"
  // asks whether the claim is marketing, not which company to buy from.
  it('a claim doubted as supplement-company talk is answered with the evidence', () => {
    const a = engine.ask('is the k2 bone density thing real or just what supplement companies say');
    expect(a.coverage).toBe('full');
    expect(a.body).not.toMatch(/brands/);
  });
});

// Blind round 24: "u NEED k2 if ur taking 5000iu d3 or the calcium goes into ur arteries. true??"
// got a bone trial: the D3-without-K2 point did not know "need k2" or "arteries". Its nearest facts
// now include the combination trial that did not slow calcification.
describe('vitamin D said to need K2', () => {
  const engine = sharedEngine();

  it('says the article does not call D3 alone dangerous, then the rationale and the calcification trial', () => {
    const a = engine.ask(
      'a coworker swears you have to take k2 with vitamin d or the calcium ends up in your arteries, is that right?',
    );
    expect(a.body).toMatch(/^The article doesn't say that vitamin D3 without K2 is dangerous/);
    expect(a.facts).toEqual([
      'd3-k2-cosupplementation/rationale',
      'd3-k2-cosupplementation/calcification-trial',
    ]);
  });
});

// Blind round 25: "mk7 vs mk4 for a cyclist" said athletes are not covered, then gave intake
// figures instead of the comparison asked; exercise timing had no point of its own.
describe('athletes and exercise', () => {
  const engine = sharedEngine();

  it('a covered question asked for an athlete gets its own facts after the opening', () => {
    const a = engine.ask('which is better for a bodybuilder, mk4 or mk7?');
    expect(a.body).toMatch(/^The article doesn't discuss K2 for athletes or exercise\./);
    expect(a.facts[0]).toMatch(/^mk7-vs-mk4\//);
  });

  it('before or after a workout is a timing the article does not give', () => {
    const a = engine.ask('should i take my mk7 before the gym or after?');
    expect(a.coverage).toBe('partial');
    expect(a.body).toMatch(/^The article doesn't say whether to take K2 before or after exercise\./);
    expect(a.facts).toContain('absorption-excretion/fat-helps-absorption');
  });
});

// Blind round 26: a night worker's "when do i take my k2, morning or night?? my 'breakfast' is at
// 6pm" was declined: the question clause was read without the alternatives after its comma.
describe('a question that ends with the alternatives it chooses between', () => {
  const engine = sharedEngine();

  it('keeps "morning or evening" with the question after a story', () => {
    const a = engine.ask(
      'my shifts run 10pm to 8am. what time should i take my mk7, morning or evening?? i only eat once at 4pm',
    );
    expect(a.body).toMatch(/^The article doesn't say whether morning or evening is better\./);
    expect(a.facts).toContain('absorption-excretion/fat-helps-absorption');
  });
});

// K2 in a D3 supplement named a fortified food ("why is k2 added to vitamin d supplements"), and
// men's bones led with the older adults' dose under the dose topic.
describe('K2 added to a supplement, and men’s bones', () => {
  const engine = sharedEngine();

  it('K2 in a D3 supplement is the combination, not a fortified food', () => {
    const a = engine.ask('how come my d3 pills have k2 added to them');
    expect(a.body).not.toMatch(/fortified/);
    expect(a.topic?.id).toBe('d3-k2-cosupplementation');
  });

  it('men’s bones lead with the bone trial, under bones, the older adults’ dose beside', () => {
    const a = engine.ask("does k2 do anything for an older man's thinning bones");
    expect(a.body).toMatch(/^The article doesn't cover bone trials in men/);
    expect(a.facts[0]).toBe('bone-health/postmenopausal-90mcg-trial');
    expect(a.topic?.id).toBe('bone-health');
  });
});

// Blind round 42: "how much of that would i have to eat a day then" after cheese got the adults' daily
// intake, with no word that the article gives no daily portion of any food.
describe('how much of a food to eat a day', () => {
  const engine = sharedEngine();
  const OPENING = "The article doesn't say how much of a food to eat a day;";

  it('says the article gives no daily portion, then the food’s figure', () => {
    const a = engine.ask('how much natto should someone eat every day');
    expect(a.coverage).toBe('partial');
    expect(a.body.startsWith(OPENING)).toBe(true);
    expect(a.facts.some((id) => id.startsWith('natto/'))).toBe(true);
  });

  it('in a follow-up, of the food just discussed', () => {
    const conversation = engine.startConversation();
    conversation.ask('whats the top k2 food');
    conversation.ask('ok and gouda?');
    const portion = conversation.ask('how much of it should i eat daily then');
    expect(portion?.body.startsWith(OPENING)).toBe(true);
    expect(portion?.topic?.id).toBe('cheese');
  });

  it('not for the vitamin’s own daily amount', () => {
    expect(engine.ask('how much k2 should i take a day').body.startsWith(OPENING)).toBe(false);
  });
});

// Blind round 42: "ok fair. what about natto while pregnant?" got the pregnancy intake again, with no
// word that the article never discusses natto in pregnancy.
describe('a K2 food in pregnancy', () => {
  it('says the article does not discuss it, then the intake in pregnancy', () => {
    const conversation = sharedEngine().startConversation();
    conversation.ask('can i take k2 while expecting');
    const a = conversation.ask('and sauerkraut during pregnancy?');
    expect(a.coverage).toBe('partial');
    expect(a.body).toMatch(
      /^The article doesn't discuss eating sauerkraut in pregnancy or while breastfeeding\./,
    );
  });
});

// Blind round 41: male rats in the bone studies got "the article doesn't cover bone trials in men",
// though it names orchidectomized male rats.
describe('male animals in the bone studies are no question about men', () => {
  it('names the male rats the article mentions, without saying men are not covered', () => {
    const a = sharedEngine().ask('were the k2 bone experiments on rodents done with males as well?');
    expect(a.body).not.toMatch(/doesn't cover bone trials in men/);
    expect(a.facts).toContain('bone-lab-and-animal-studies/orchidectomized-rats');
  });
});

// A cooked food named in an amount question is which food, not a cooking question ("how much k2 in a
// boiled egg" opened with the cooking point); an amount lost in cooking still asks it, and is no
// recipe question to decline ("is k2 lost when you cook natto" was declined as outside the bot).
describe('a cooked food asked for its amount, and K2 lost in cooking', () => {
  const engine = sharedEngine();
  const COOKING = "The article doesn't say whether cooking or storage changes the K2 in food.";

  it.each(['how much k2 does a hard boiled egg have', 'how many mcg of k2 in roast chicken'])(
    "%j: the food's figure, not the cooking point",
    (q) => {
      const a = engine.ask(q);
      expect(a.kind).toBe('answer');
      expect(a.body).not.toContain(COOKING);
    },
  );

  it.each([
    'is k2 lost when you cook natto',
    'how much of the k2 do you lose by cooking natto',
    'how much k2 is destroyed when frying cheese',
    // The meat topic has no cooking fact: frying meat is as uncovered as frying cheese.
    'does grilling chicken thighs wipe out their k2',
  ])('%j: the cooking point, not a decline', (q) => {
    const a = engine.ask(q);
    expect(a.kind).toBe('answer');
    expect(a.coverage).toBe('partial');
    expect(a.body.startsWith(COOKING)).toBe(true);
  });
});

// Blind rounds 25 and 26: softgels left in a hot car got the "which part" menu, and "got gouda and
// brie in the fridge. which has more k2" opened with the cooking-and-storage point.
describe('storing supplements, and a food that is only kept in the fridge', () => {
  const engine = sharedEngine();

  it('heat or an expiry date on supplements is a point the article does not cover', () => {
    const a = engine.ask('my mk7 capsules sat in a hot car for three days, have they gone bad?');
    expect(a.coverage).toBe('partial');
    expect(a.body).toMatch(/^The article doesn't say how to store K2 supplements/);
  });

  it('"in the fridge" in a story asks nothing about storage', () => {
    const a = engine.ask('cheddar and gouda sitting in the fridge, which has more k2');
    expect(a.body).not.toMatch(/cooking or storage/);
  });

  // Blind round 27: "should k2 be kept in the fridge" got the cooking-and-storage point of foods,
  // and "and how long is it good after opening" the evidence summary.
  it.each(['do my k2 gummies need to go in the refrigerator?', 'whats the shelf life of mk7 drops'])(
    '%j: supplement storage, which the article does not cover',
    (q) => {
      expect(engine.ask(q).body).toMatch(/^The article doesn't say how to store K2 supplements/);
    },
  );

  it('after a storage question, "how long is it ok once opened" is the same uncovered point', () => {
    const conversation = engine.startConversation();
    conversation.ask('can mk7 softgels be stored at room temperature');
    expect(conversation.ask('and how long is it ok once opened?').body).toMatch(
      /^The article doesn't say how to store K2 supplements/,
    );
  });

  it('a food kept in the fridge is no supplement storage', () => {
    expect(engine.ask('will the k2 in my natto survive a week in the fridge').body).not.toMatch(
      /store K2 supplements/,
    );
  });

  it('how long K2 is stored in the body is not supplement storage', () => {
    expect(engine.ask('k2 half-life and storage in the body').body).not.toMatch(/store K2 supplements/);
  });
});

// "how many IU is 100 mcg of k2" got the D3-dose point and the D3 rationale: the article gives K2
// only in micrograms, and a reply must say it has no IU figure, then the amounts it does give.
describe('K2 in international units', () => {
  const engine = sharedEngine();

  it.each([
    'what would 100 micrograms of mk-7 be in IU?',
    'my label says 90 ug of K2. is that equal to 90 IU?',
    'convert my 200mcg k2 to IU pls',
    // Blind round 28: an IU dose of K2 asked beside the asker's D3 in IU got the D3 point.
    'my d3 drops are 1000 iu, how many iu of vitamin k2 go with that',
    'how many iu of mk7 do adults take',
  ])('%j: says the article gives no IU figure, then the microgram amounts', (q) => {
    const a = engine.ask(q);
    expect(a.coverage).toBe('partial');
    expect(a.body).toMatch(/^The article doesn't give K2 amounts in IU: it uses micrograms/);
    expect(a.body).toMatch(/\b90\b.*mcg|mcg.*\b90\b/);
  });

  it('an IU question about vitamin D3 alone is still the D3 dose the article does not give', () => {
    const a = engine.ask('how many IU of vitamin D3 should an adult take with k2?');
    expect(a.body).toMatch(/^The article doesn't give a vitamin D3 dose/);
  });
});

// "morning or night for k2, does it matter at all" got the absorption-speed correction: the
// question clause "does it matter at all" points back at the choice before it, as "does it
// matter" does; "at all" adds nothing to its length (phrases.json additiveWords).
describe('a short question after the choice it asks about', () => {
  const engine = sharedEngine();

  it.each([
    'breakfast or bedtime for my mk7, is it really all that important?',
    'evening or morning dose of k2, is it even important lol',
  ])('%j: says the article gives no time of day, then the fat fact', (q) => {
    const a = engine.ask(q);
    expect(a.body).toMatch(/^The article doesn't say whether morning or evening is better\./);
    expect(a.facts).toContain('absorption-excretion/fat-helps-absorption');
  });
});

// Blind round 27: "k2 or magnesium, which actually matters more for bones" was declined as a
// question about other nutrients. Set beside K2 by "or"/"vs", the other nutrient is compared with
// K2: the reply says the article makes no such comparison, then gives K2's own facts.
describe('K2 compared with another supplement', () => {
  const engine = sharedEngine();

  it.each([
    ['zinc vs k2 for strong bones, which wins', 'zinc', 'bone-health/'],
    ['for my arteries, mk7 or vitamin e, which is more useful?', 'vitamin E', 'vascular-calcification/'],
  ])('%j: says the article does not compare K2 with %s, then K2 facts', (q, other, factPrefix) => {
    const a = engine.ask(q);
    expect(a.kind).toBe('answer');
    expect(a.coverage).toBe('partial');
    expect(a.body.startsWith(`The article doesn't compare K2 with ${other}`)).toBe(true);
    expect(a.facts?.some((id) => id.startsWith(factPrefix))).toBe(true);
  });

  it('a supplement taken with K2, not compared with it, is still another nutrient', () => {
    const a = engine.ask('should i take zinc together with my k2 for better absorption');
    expect(a.body).not.toMatch(/doesn't compare K2 with/);
  });
});

// Blind round 27: "is mk7 halal?? the softgels prob have gelatin" was declined as a request to
// rate a product. Whether a supplement is halal or kosher is a point the article does not cover;
// the reply says so and gives how MK-7 is made.
describe('halal or kosher supplements', () => {
  const engine = sharedEngine();

  it.each([
    'are mk-7 capsules kosher? worried about the gelatine',
    'my friend says k2 supplements are not halal, true?',
  ])('%j: says the article does not cover it, then how MK-7 is made', (q) => {
    const a = engine.ask(q);
    expect(a.kind).toBe('answer');
    expect(a.body).toMatch(
      /^The article doesn't say whether K2 supplements or their capsules are halal or kosher/,
    );
    expect(a.facts).toContain('mk7-production/supplement-sources');
  });

  it('an allergen check of a product is still a product question', () => {
    expect(engine.ask('does this k2 brand contain soy?').kind).toBe('decline');
  });
});

// Blind round 27: "…I take my K2 capsule with a black coffee… My daughter says I should take it
// with a meal. Which of us is right?" got food sources: a question of who is right asks the point
// of the claims told before it (phrases.json whoIsRight).
describe('who is right about a claim told before the question', () => {
  const engine = sharedEngine();

  it('the point of the sentence before is the point asked', () => {
    const a = engine.ask(
      'I take my mk7 on an empty stomach first thing. My wife says it should be taken with fatty food. Who is correct?',
    );
    expect(a.facts?.[0]).toBe('absorption-excretion/fat-helps-absorption');
  });

  it('an amount only stated in the story is not the point asked', () => {
    const a = engine.ask(
      'My son takes 200 mcg of mk7 and says it upsets his stomach. Who is right, him or me?',
    );
    expect(a.body).not.toMatch(/^No authority has set a K2 supplement dose/);
  });
});

// Blind round 27: "My son sent me a screenshot… should I be aiming for it?" got the children's
// intakes: someone who only sends or forwards a claim is its messenger, not who is asked about
// (focus.json claimSpeakers).
describe('the one who sent a claim is not asked about', () => {
  const engine = sharedEngine();

  it("a daughter who forwarded a post does not make the asker's question a child's", () => {
    const a = engine.ask(
      'my daughter forwarded me a post saying k2 lowers diabetes risk by 7% per 10 grams a day. how much should i be eating then?',
    );
    expect(a.body).not.toMatch(/children or teenagers/);
  });
});

// Blind rounds 26 and 27: nattokinase beside warfarin got "which part of vitamin K2 do you mean",
// the product decline, or warfarin facts with no word on nattokinase. The article never mentions
// it (focus.json nattokinase, a subject wherever the message names it).
describe('nattokinase', () => {
  const engine = sharedEngine();

  it.each([
    'is it safe to take nattokinase together with coumadin?',
    'My naturopath suggested nattokinase for my circulation. I also take warfarin and my INR keeps changing. Should I be worried?',
  ])('%j: says the article does not mention it, then natto and the blood thinner', (q) => {
    const a = engine.ask(q);
    expect(a.kind).toBe('answer');
    expect(a.body).toMatch(/The article doesn't mention nattokinase/);
    expect(a.facts).toContain('natto/natto-warfarin');
    expect(a.safety.warning).toBe(ANTICOAGULANT_WARNING);
  });
});

// Blind round 27: "if im taking calcium pills do i need k2 so it doesnt end up in my arteries"
// opened with what the article does not say about calcium supplements and heart attacks, and "fry
// up w eggs, butter…" with cooking. Calcium pills beside arteries ask the covered direction of
// calcium; the uncovered points need their own words (a risk, an interaction, a way of cooking).
describe('points the article covers are not opened with what it does not say', () => {
  const engine = sharedEngine();

  it('calcium tablets and arteries: the direction of calcium, not heart-attack risk', () => {
    const a = engine.ask('been taking calcium every day, need k2 too so it doesnt go to my arteries?');
    expect(a.body).not.toMatch(/^The article doesn't/);
    expect(a.facts?.some((id) => id.startsWith('calcium-direction/'))).toBe(true);
  });

  it('a fry-up is a breakfast, not a question about frying', () => {
    expect(engine.ask('sunday fry up with eggs and black pudding, any k2 in it?').body).not.toMatch(
      /cooking or storage/,
    );
  });
});

// Blind round 28: "what time should i take my k2" read no point at all ("what time" was not a
// timing word) and got the evidence summary. And a point's nearest facts from another topic were
// shown under the title of the topic the search had weakly matched ("K2 supplement doses" over
// the children's intake), which the next message was then read with.
describe('the time of day, and the title of an uncovered point', () => {
  const engine = sharedEngine();

  it.each(['what time should i take my k2', 'k2 am or pm?'])(
    '%j says the article does not say which time',
    (q) => {
      const a = engine.ask(q);
      expect(a.coverage).toBe('partial');
      expect(a.body.startsWith("The article doesn't say whether morning or evening is better.")).toBe(true);
    },
  );

  it.each([
    ['how much k2 can i give my 8 year old, she hates greens', 'daily-intake'],
    ['what time should i take my k2', 'absorption-excretion'],
  ])('%j is titled by the topic of the facts it shows', (q, topic) => {
    const a = engine.ask(q);
    expect(a.facts[0]?.split('/')[0]).toBe(topic);
    expect(a.topic?.id).toBe(topic);
  });
});

// Blind round 28: whether K2 "shortens the time bones take to heal" after a hip replacement got
// "the article doesn't cover K2 around surgery, such as stopping it beforehand" and clotting facts.
// Healing after an operation is the healing point; stopping before one is the surgery point.
describe('healing after an operation', () => {
  const engine = sharedEngine();

  it('says the article does not cover healing, then the bone facts', () => {
    const a = engine.ask('my dad had a knee replacement last month, does k2 help the bone heal quicker?');
    expect(
      a.body.startsWith("The article doesn't cover healing after a fracture, an injury or an operation."),
    ).toBe(true);
    expect(a.facts.some((id) => id.startsWith('bone-health/'))).toBe(true);
  });

  it('an operation named in the question itself does not make healing the surgery point', () => {
    const a = engine.ask('will mk7 help the bone knit back together after my shoulder operation');
    expect(
      a.body.startsWith("The article doesn't cover healing after a fracture, an injury or an operation."),
    ).toBe(true);
  });

  it('stopping K2 before an operation is still the surgery point', () => {
    const a = engine.ask('hip replacement in two weeks, should i stop my k2 beforehand?');
    expect(a.body).toMatch(/^The article doesn't cover K2 around surgery/);
  });
});

// Blind round 28: "worth starting k2 now or wait till after menopause?" got fracture facts with no
// word that the article never says when to start.
describe('when in life to start K2', () => {
  const engine = sharedEngine();

  it.each(['at what age should women start taking k2', 'is 25 too young to start k2?'])(
    '%j says the article does not say, then the nearest figures',
    (q) => {
      const a = engine.ask(q);
      expect(a.coverage).toBe('partial');
      expect(a.body.startsWith("The article doesn't say at what age or stage of life to start K2.")).toBe(
        true,
      );
    },
  );

  it('a blood thinner stopped, then asked whether to start K2 now, is not asked about age', () => {
    const a = engine.ask('finished my warfarin course last month, can i start k2 now?');
    expect(a.body).not.toMatch(/at what age/);
  });
});

// Blind round 28: a carer asked for "web resources, books, charts or cookbooks" for greens on
// Coumadin and got the INR facts with no word that the article lists none.
describe('books, charts and websites', () => {
  it.each(['any good cookbooks for eating more k2?', 'is there a printable chart of vitamin k in foods'])(
    '%j says the article lists none, then the foods it names',
    (q) => {
      const a = sharedEngine().ask(q);
      expect(a.coverage).toBe('partial');
      expect(a.body).toMatch(/^The article doesn't list books, charts or websites/);
      expect(a.facts).toContain('food-plan/food-ranking');
    },
  );
});

// Blind round 28: "how long till it helps" after nerve damage said the article does not say, then
// gave a bone trial and MK-7's half-life. For a condition whose own facts say what is known, those
// are nearer (focus.json `ownFactsIn`).
describe('how long until K2 works, for a condition with facts of its own', () => {
  const engine = sharedEngine();

  it.each([
    ['how long until k2 does anything for my heart', 'heart-health/'],
    ['how many weeks till k2 helps diabetic nerve pain', 'peripheral-neuropathy/'],
  ])('%j: says the article does not say, then that condition’s facts', (q, prefix) => {
    const a = engine.ask(q);
    expect(a.body.startsWith("The article doesn't say how soon any effect can be noticed.")).toBe(true);
    expect(a.facts[0]?.startsWith(prefix)).toBe(true);
  });

  it('for bones, the bone trial', () => {
    expect(engine.ask('how long before k2 does something for my bones').facts).toContain(
      'bone-health/three-year-180mcg-trial',
    );
  });
});

// Blind round 29: "and vitamin k2 in a banana?" after a potassium question got "which part do you
// mean": a plant food the article never lists is a partly covered food question.
describe('a plant food the article does not list', () => {
  const engine = sharedEngine();

  it.each(['does an avocado have any k2?', 'k2 in blueberries?'])(
    '%j: says the article does not list it, then where K2 comes from',
    (q) => {
      const a = engine.ask(q);
      expect(a.coverage).toBe('partial');
      expect(a.body).toMatch(/^The article doesn't list foods like \w+ among its K2 sources\./);
      expect(a.facts).toContain('food-plan/food-sources');
    },
  );

  it('natto eaten on rice is still natto', () => {
    expect(engine.ask('how much k2 do i get from natto on a bowl of rice').topic?.id).toBe('natto');
  });
});

// Blind round 29: a daughter asked whether K2 would help her mother, who keeps falling, stay on her
// feet; the reply gave a bone-density trial and never said the article does not cover falls.
describe('balance and falls', () => {
  it.each([
    'could vitamin k2 help my grandad with his balance',
    'is k2 any use for older people who keep falling',
  ])('%j: says the article does not cover them, then the fracture evidence', (q) => {
    const a = sharedEngine().ask(q);
    expect(a.coverage).toBe('partial');
    expect(a.body).toMatch(/^The article doesn't cover balance or falls/);
    expect(a.facts).toContain('bone-health/fracture-claim');
  });
});

// Blind round 30: a wisdom tooth out and a colonoscopy "prep sheet" ("prep" was read as a typo of
// "preg", pregnancy) asked whether to stop K2 before; neither said the article does not cover it.
describe('stopping K2 before a procedure', () => {
  const engine = sharedEngine();

  it.each([
    'having two teeth pulled on friday, should i pause my mk7 before?',
    'endoscopy on monday and they said no supplements for a week. does vitamin k2 count?',
  ])('%j says the article does not cover K2 around procedures', (q) => {
    const a = engine.ask(q);
    expect(a.coverage).toBe('partial');
    expect(a.body).toMatch(/^The article doesn't cover K2 around surgery/);
    expect(a.topic?.id).not.toBe('pregnancy-breastfeeding');
  });
});

// Blind round 30: "i already take a multivitamin every day. do i need k2 on top of that?" got
// "which part of vitamin K2 do you mean": the multivitamin was named in the story only.
describe('a multivitamin told before the question', () => {
  const engine = sharedEngine();

  it.each([
    'my gp has me on a daily multi vitamin. should i add k2 as well?',
    'been taking multivitamins for years. is extra k2 still needed?',
  ])('%j says the article does not discuss multivitamins', (q) => {
    const a = engine.ask(q);
    expect(a.body).toMatch(/^The article doesn't discuss multivitamins/);
  });
});

// Blind round 30: "is mk7 in supplements actually vegan?" and "mk7 or mk4 for a vegan?" got the
// vegan foods; they ask about supplements.
describe('whether a K2 supplement is vegan', () => {
  const engine = sharedEngine();

  it.each(['are k2 softgels ok for vegans', 'which mk7 capsules are plant based?'])(
    '%j says the article does not say, then where supplement MK-7 comes from',
    (q) => {
      const a = engine.ask(q);
      expect(a.body).toMatch(/^The article doesn't say which K2 supplements are vegan/);
      expect(a.facts).toContain('mk7-production/supplement-sources');
    },
  );

  it('vegan food sources are still the vegan diet point', () => {
    expect(engine.ask('vegan sources of vitamin k2?').body).toMatch(
      /^The article doesn't discuss vegan diets/,
    );
  });
});

// Blind round 31: whether K2 helps bruising or nosebleeds got the clotting facts as if it did;
// "varicose veins run in my family, will k2 help keep mine away" got rat bone studies; "5 coffees
// a day, does that cancel out my k2?" got dose figures; pints and smoking were declined whole.
describe('a short question whether K2 helps, about what its story names', () => {
  const engine = sharedEngine();

  it.each([
    ['I get nosebleeds a lot, could k2 help?', "The article doesn't say whether K2 helps nosebleeds"],
    [
      'my arms bruise so easily lately. would k2 fix that?',
      "The article doesn't say whether K2 helps easy bruising",
    ],
    ['restless legs keep me up at night, would k2 help?', "The article doesn't cover restless legs."],
  ])('%j says first that the article does not cover it', (q, opening) => {
    const a = engine.ask(q);
    expect(a.coverage).toBe('partial');
    expect(a.body.startsWith(opening)).toBe(true);
  });

  it('bruising and nosebleeds get the signs of low vitamin K as the nearest facts', () => {
    expect(engine.ask('I get nosebleeds a lot, could k2 help?').facts).toContain(
      'deficiency-risk/bleeding-signs',
    );
  });

  it('a story set aside ("unrelated, but") is not what the question asks', () => {
    const a = engine.ask('my knees ache with arthritis, unrelated, but does k2 help arteries?');
    expect(a.body).not.toMatch(/^The article doesn't cover arthritis/);
  });
});

describe('a drink told before a question that points at it', () => {
  const engine = sharedEngine();

  it.each([
    ['my partner drinks 6 espressos a day, does that stop k2 working?', 'coffee'],
    ['does a few beers on friday mess with my k2', 'beer'],
  ])('%j says the article does not mention %s', (q, drink) => {
    const a = engine.ask(q);
    expect(a.coverage).toBe('partial');
    expect(a.body.startsWith(`The article doesn't mention ${drink} with K2`)).toBe(true);
    expect(a.facts).toContain('absorption-excretion/fat-helps-absorption');
  });
});

// Blind round 31: "the natto-derived mk7 is killing my wallet, is the cheap synthetic one just as good?"
// got where MK-7 comes from, never that the article does not compare the two.
describe('natural against synthetic MK-7', () => {
  it('says first that the article does not compare them', () => {
    const a = sharedEngine().ask('theres a synthetic form of k2 now, is it as good?');
    expect(a.coverage).toBe('partial');
    expect(a.body).toMatch(/^The article doesn't compare natural \(natto-derived\) and synthetic MK-7/);
  });
});

// Blind rounds 30 and 31: "brie vs jarlsberg vs gouda, which has the most?", "hard vs soft cheese" and
// "is old gouda better than young?" got the figures without a verdict. The article gives one range for
// hard cheeses and names Brie without a figure; it compares neither kinds nor ages of cheese.
describe('cheeses compared', () => {
  const engine = sharedEngine();

  it.each([
    'camembert-style soft cheese or a hard one like jarlsberg, which gives more k2?',
    'is brie higher in k2 than gouda',
  ])('%j says the article does not compare them, then the figures it has', (q) => {
    const a = engine.ask(q);
    expect(a.coverage).toBe('partial');
    expect(a.body).toMatch(/^The article doesn't compare cheeses by K2/);
    expect(a.facts).toContain('cheese/brie-soft-cheese');
  });

  it('an aged cheese against a young one, asked after a cheese answer', () => {
    const conversation = engine.startConversation();
    conversation.ask('how much k2 does jarlsberg have');
    const a = conversation.ask('does a mature one have more than a young one?');
    expect(a.body).toMatch(/^The article doesn't compare aged and young cheese/);
    expect(a.facts).toContain('cheese/cheese-k2-varies');
  });
});

// Blind round 31: "ok but how many grams is a tablespoon" after natto's figure got the figure again.
describe('the weight of a tablespoon', () => {
  it('is not in the article: the reply says so, then natto’s figure per tablespoon', () => {
    const conversation = sharedEngine().startConversation();
    conversation.ask('how much k2 does natto have');
    const a = conversation.ask('and how many grams in a tbsp roughly?');
    expect(a.body).toMatch(/^The article doesn't say how many grams a tablespoon is/);
    expect(a.facts).toContain('natto/natto-amount');
  });
});

// Found reading the whole change again: "is there" after a comma was read as a pointer at the clause
// before (10e1144 took every follow-up pointer), so "my mum has arthritis, is there k2 in cheese?"
// opened with "The article doesn't cover arthritis." Only a pronoun or demonstrative is a question's
// subject pointing back (phrases.json subjectPointers).
describe('a yes/no question after a story clause', () => {
  const engine = sharedEngine();

  it('"is there…" asks its own point, not the story’s', () => {
    const a = engine.ask('my dad has gout, is there much k2 in gouda?');
    expect(a.body).not.toMatch(/^The article doesn't cover gout/);
    expect(a.topic?.id).toBe('cheese');
  });

  it('a habit told before it is not asked as a time of day; a time asked still is', () => {
    expect(engine.ask('i take fish oil every evening, should i add k2 as well?').body).not.toMatch(
      /^The article doesn't say whether morning or evening is better/,
    );
    expect(engine.ask('i take k2 every night, is that the right time for it?').body).toMatch(
      /^The article doesn't say whether morning or evening is better/,
    );
  });
});

// Found reading twenty replies of an earlier round in the review: "varicose veins getting worse
// after 2 kids. k2 good for veins??" opened with "The article doesn't discuss K2 for children".
// Children told as the asker's history name no one asked about (focus.json noOneAsked).
describe('children told as the asker’s history', () => {
  it('are not who the question is about', () => {
    const a = sharedEngine().ask('my back has ached since having kids, is k2 any use for back pain?');
    expect(a.body).not.toMatch(/children or teenagers/);
    expect(a.body).toMatch(/^The article doesn't cover back pain/);
  });
});

// Blind round 34: a K2 question from someone with kidney or liver disease ("…i have ckd stage 3",
// "on dialysis… arteries calcified") was declined whole as "not covered by the article", though
// the article says how K2 leaves the body and what it does in arteries (fact-check R-14 sends the
// disease itself to the specialist).
// Blind rounds 34 and 35: "would vitamin K2 lower my risk of another stone?" was declined whole;
// the article does not cover kidney stones, but it says where K2 sends calcium.
describe('kidney stones asked of K2', () => {
  const engine = sharedEngine();

  it.each([
    'does mk7 raise the risk of kidney stones?',
    'passed a stone last year. could k2 bring on more stones?',
  ])('%j says the article does not cover them, then where K2 sends calcium', (q) => {
    const a = engine.ask(q);
    expect(a.coverage).toBe('partial');
    expect(a.body).toMatch(/^The article doesn't cover kidney stones; a urologist or your doctor/);
    expect(a.facts.some((id) => id.startsWith('calcium-direction/'))).toBe(true);
  });

  it('kidney stones without K2 are still declined', () => {
    expect(engine.ask('what causes kidney stones').kind).toBe('decline');
  });
});

describe('kidney or liver disease beside a K2 question', () => {
  const engine = sharedEngine();
  const REFERRAL =
    "The article doesn't cover kidney or liver disease; with either, ask your specialist (nephrologist or hepatologist) about K2.";

  it.each([
    [
      'my mum has stage 4 kidney disease. does vitamin k2 get cleared through urine?',
      ['absorption-excretion/excretion'],
    ],
    // Calcium kept out of arteries: either topic that says so.
    [
      'been on dialysis 2 yrs, can k2 stop calcium building up in my arteries?',
      ['vascular-calcification/', 'calcium-direction/'],
    ],
    [
      'i have cirrhosis. where does mk7 end up after you swallow it, is it stored?',
      ['absorption-excretion/'],
    ],
  ])('%j: the specialist first, then the K2 part', (q, wanted) => {
    const a = engine.ask(q);
    expect(a.kind).toBe('answer');
    expect(a.coverage).toBe('partial');
    expect(a.body.startsWith(REFERRAL)).toBe(true);
    expect(a.body.split(REFERRAL).length).toBe(2);
    expect(a.facts.some((id) => wanted.some((w) => id.startsWith(w)))).toBe(true);
  });

  it('a question about the disease itself is still declined', () => {
    expect(engine.ask('what stage of kidney failure needs dialysis?').kind).toBe('decline');
  });
});

// Blind round 36: "is K2 only for women?" beside a brother's thinning bones got a women-only trial
// with no word that men were never studied; a carnivore's ribeye went unmentioned.
describe('blind round 36: men asked about, and meats the article never names', () => {
  const engine = sharedEngine();

  it('"just for women?" gets the missing trials in men first', () => {
    const a = engine.ask('k2 is only for ladies right? asking because my uncle has osteopenia');
    expect(a.coverage).toBe('partial');
    expect(a.body).toMatch(/^The article doesn't cover bone trials in men/);
  });

  it.each([
    ['do sirloin steaks give you much k2', 'sirloin'],
    ['is foie gras a k2 food', 'foie gras'],
  ])('%j: says which meat it never names', (q, word) => {
    const a = engine.ask(q);
    expect(a.coverage).toBe('partial');
    expect(a.body.startsWith(`The article doesn't mention ${word}`)).toBe(true);
  });
});

// Blind round 36: "does k2 actually send calcium to your teeth?" opened "The article doesn't cover
// dental health", though sending calcium to teeth is the article's own claim.
describe('calcium sent to teeth is covered; dental health is not', () => {
  const engine = sharedEngine();

  it('asked with calcium, it is the article claim, said first', () => {
    const a = engine.ask('so k2 gets calcium into my teeth as well as my bones?');
    expect(a.coverage).toBe('full');
    expect(a.body).not.toMatch(/doesn't cover/);
    expect(a.body.split('. ')[0]).toMatch(/calcium to bones and teeth/);
  });

  it('asked for teeth alone, it says what is not covered', () => {
    const a = engine.ask('will mk7 stop my kids getting cavities');
    expect(a.coverage).toBe('partial');
  });
});

// Blind round 37: "is the K2 research paid for by the companies that make it?" got supplement doses.
describe('who paid for the research', () => {
  it('says the article does not say, and what is known of one trial', () => {
    const a = sharedEngine().ask('are the vitamin k2 studies sponsored by supplement makers?');
    expect(a.coverage).toBe('partial');
    expect(a.body).toMatch(/^The article doesn't say who paid for the research/);
    expect(a.facts).toContain('heart-health/arterial-stiffness');
  });
});

// Blind round 44 (seen before fixing): a dictated letter whose feet "tingle at night" got "The
// article doesn't say whether morning or evening is better": when a symptom comes is no time of
// day asked for K2.
describe('a symptom told with the time it comes', () => {
  it.each([
    'so my toes ache at night from the neuropathy and a friend says k2 fixes nerves is that true',
    'my calves cramp at night, would k2 help with that?',
  ])('%j asks no time of day', (q) => {
    expect(sharedEngine().ask(q).body).not.toMatch(/morning or evening/);
  });

  it('a time asked for K2 still is', () => {
    expect(
      sharedEngine().ask('my feet ache at night. is k2 better taken at night or in the morning?').body,
    ).toMatch(/^The article doesn't say whether morning or evening is better/);
  });
});

// Blind round 44 (seen before fixing): "does k2 do anything for muscle or gym performance or is it
// just a bone thing" got bone facts without saying the article does not cover muscle.
describe('K2 asked for muscles', () => {
  it.each(['would mk7 help my muscles at all or is it only for bones', 'is k2 good for muscle function'])(
    '%j says the article does not cover muscle',
    (q) => {
      const a = sharedEngine().ask(q);
      expect(a.coverage).toBe('partial');
      expect(a.body).toMatch(/^The article doesn't cover K2 and muscle/);
    },
  );
});

describe('muscle words asked as side effects', () => {
  it('"can k2 give you achy muscles" asks a side effect the article does not list', () => {
    const a = sharedEngine().ask('can k2 give you achy muscles');
    expect(a.topic?.id).toBe('safety-side-effects');
    expect(a.coverage).toBe('partial');
  });
});

// Blind round 44 (seen before fixing): a breastfeeding mother asking whether to give her
// 3-month-old K2 drops got cow's-milk figures. Giving K2 to a baby is a point the article never
// covers; the pediatrician or health visitor is who can advise.
describe('K2 drops for a baby', () => {
  it.each(['is it ok to give my 5 month old some k2 drops?', 'should i give my two month old mk7 drops'])(
    '%j says the article does not cover it',
    (q) => {
      const a = sharedEngine().ask(q);
      expect(a.body).toMatch(
        /^The article doesn't cover giving K2 to babies; their pediatrician or health visitor can advise/,
      );
    },
  );
});

// Blind round 44 (seen before fixing): "I have rheumatoid arthritis … Would vitamin K2 help my
// joints or protect my bones?" got bone facts without saying the article does not cover joints;
// and "rheumatoid" alone was shown as the condition's name.
describe('joints and rheumatoid arthritis', () => {
  it('joints asked beside bones: the reply says joints are not covered, then the bone facts', () => {
    const a = sharedEngine().ask(
      'my mum takes steroids for years now, is k2 any good for her joints or bones?',
    );
    expect(a.body).toMatch(/^The article doesn't cover (joint health|arthritis)/);
    expect(a.topic?.id).toBe('bone-health');
  });

  it('"rheumatoid" is shown as rheumatoid arthritis', () => {
    expect(sharedEngine().ask('can mk7 help with rheumatoid')).toMatchObject({
      body: expect.stringMatching(/^The article doesn't cover rheumatoid arthritis\./),
    });
  });
});

describe('toxins flushed out', () => {
  it('a detox question with no K2 in it is outside the article', () => {
    const a = sharedEngine().ask('do cucumber slices pull toxins out of your liver?');
    expect(a.kind).toBe('decline');
    expect(a.body).toMatch(/^Sorry, that's outside what I know/);
  });
});

// Found before blind round 45: "is k2 ok for a 15 year old" said the article does not discuss
// children, then showed what menaquinones are; the nearest facts are the missing upper limit and
// the children's intake values.
describe('K2 for a child or a teenager', () => {
  it.each(['can a 14 year old take vitamin k2', 'is mk7 safe for my teenage son'])(
    '%j says the gap, then the missing upper limit and the intake by age',
    (q) => {
      const a = sharedEngine().ask(q);
      expect(a.coverage).toBe('partial');
      expect(a.facts).toEqual(['safety-side-effects/no-upper-limit', 'daily-intake/children-ai']);
      // The US Adequate Intake at ages 14–18 (NIH ODS vitamin K fact sheet).
      expect(a.body).toContain('75 mcg at 14–18');
    },
  );

  // The nearest facts that answer what is asked lead: after an amount, the intake by age.
  it('after an amount asked for adults, "what about children?" leads with the intake by age', () => {
    const conversation = sharedEngine().startConversation();
    conversation.ask('how much k2 does a grown man need daily');
    expect(conversation.ask('what about children?').facts[0]).toBe('daily-intake/children-ai');
  });
});

// Blind round 45 (seen before fixing): "someone said K2 strengthens veins, is that true?" after
// varicose veins told was declined whole as not covered; "veins" alone asked no point.
describe('K2 and veins', () => {
  it.each([
    'my ankles have spider veins now. a friend swears k2 makes veins stronger, true?',
    'is mk7 any good for vein health',
  ])('%j says veins are not covered, then what the article says of blood vessels', (q) => {
    const a = sharedEngine().ask(q);
    expect(a.kind).toBe('answer');
    expect(a.body).toMatch(/^The article doesn't cover veins or varicose veins/);
    expect(a.facts).toEqual(['vascular-calcification/mgp-activation']);
  });
});

// Found while writing cases for the above: "vitamin k2 pills" named a medicine, and a point the
// article does not cover asked of them was declined whole.
it('"k2 pills" are the vitamin, not another medicine', () => {
  const a = sharedEngine().ask('do vitamin k2 tablets do anything for my spider veins');
  expect(a.kind).toBe('answer');
  expect(a.body).toMatch(/^The article doesn't cover veins/);
});

// Found after blind round 45 ("label says: Vitamin K 25mcg (as phytonadione)… does my multi
// count?"): the article never names phytonadione, the supplement name of vitamin K1.
it('phytonadione is said to be K1, not K2', () => {
  const a = sharedEngine().ask('is the phytomenadione in my tablets the same thing as mk7?');
  expect(a.body).toMatch(/^The article doesn't mention phytonadione: it is vitamin K1 \(phylloquinone\)/);
  expect(a.facts).toContain('k1-vs-k2/k1-sources');
});

// Blind round 46 (seen before fixing): "how about seaweed?" after a vegan's question got the
// correction of the article's 10–45 mcg figure; seaweed, algae and mushrooms are foods the
// article never lists.
it.each(['do nori sheets give you any k2', 'mushrooms as a k2 source, any good?'])(
  '%j says the article does not list the food',
  (q) => {
    expect(sharedEngine().ask(q).body).toMatch(
      /^The article doesn't list foods like (nori|mushrooms?) among its K2 sources\./,
    );
  },
);
