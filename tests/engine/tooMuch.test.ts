import { describe, expect, it } from 'vitest';
import { sharedEngine } from '../sharedEngine.ts';

// "Is 200 mcg a day too much?" asks whether an amount is safe: that no upper limit is set (and
// that this does not prove there is no risk) answers it before the doses trials used
// (focus.json referenceFacts with `leads`). Blind round 17 got the trial doses alone.
describe('an amount asked to be too much', () => {
  const engine = sharedEngine();
  const NO_UPPER_LIMIT = 'safety-side-effects/no-upper-limit';

  it.each([
    'my mk7 softgel is 300 mcg, is that too much to take daily?',
    'how many k2 capsules a day would be too many',
    // Asked whether an amount is toxic, safe or fine (blind round 18).
    'is mk7 toxic if i take 600 mcg',
    'would 1000 mcg a day be fine or is that dangerous',
    // An overdose asked about an amount, or a month's tablets taken at once (blind round 19).
    'could a person overdose on 2000 mcg of mk7',
    'just curious, if you swallowed a whole bottle of 100 mcg k2 tablets, what happens?',
    // The most one may take, asked in other words than "max dose" (blind round 25).
    'what is the max amount of mk7 per day',
    'highest dose of k2 a person can safely take?',
  ])('%j leads with there being no upper limit', (q) => {
    const a = engine.ask(q);
    expect(a.facts?.[0]).toBe(NO_UPPER_LIMIT);
    expect(a.body).toMatch(/does not prove there is no risk/);
  });

  it.each([
    // Not an amount: whether blood can clot too much is the clotting facts' question.
    'can taking k2 make my blood clot too much',
    // Another nutrient's amount.
    'is 5000 iu of d3 too much',
    // A group with its own facts: pregnancy's supplement safety answers it.
    'is 100 mcg of k2 safe in my second trimester',
  ])('%j does not', (q) => {
    expect(engine.ask(q).facts?.[0]).not.toBe(NO_UPPER_LIMIT);
  });

  it('a D3 dose told in the story does not make the K2 amount asked a D3 question', () => {
    const a = engine.ask(
      'The label on my new combo reads D3 2000 IU plus MK-7 150 mcg per softgel. Is 150 mcg of K2 every day too much?',
    );
    expect(a.facts?.[0]).toBe(NO_UPPER_LIMIT);
  });

  it('someone who may be on a warfarin-type drug never gets "no upper limit"', () => {
    const a = engine.ask('im on coumadin, is 45 mcg of k2 too much?');
    expect(a.facts).not.toContain(NO_UPPER_LIMIT);
  });
});

// Blind round 24: "how many is too many" after a question about gummies for kids got the children's
// intake figures. Asked whether an amount is too much for a child, the safety facts answer; the
// children's figures point (focus.json `children`) gives way to the side-effect focus.
describe('too much for a child', () => {
  const engine = sharedEngine();

  // The children's intake figures may follow (the gap's nearest facts), never lead.
  it('says the article does not discuss children, then the safety facts first', () => {
    const a = engine.ask('would 200 mcg of mk7 be too much for my 9 year old?');
    expect(a.body).toMatch(/^The article doesn't discuss K2 for children or teenagers\./);
    expect(a.facts[0]).toBe('safety-side-effects/no-upper-limit');
  });

  it('asked as a follow-up about kids, leads with there being no upper limit', () => {
    const conversation = engine.startConversation();
    conversation.ask('are k2 gummies ok for children');
    expect(conversation.ask('how many is too many').facts[0]).toBe('safety-side-effects/no-upper-limit');
  });

  it('a child’s amount asked plainly still gets the children’s figures', () => {
    expect(engine.ask('how much k2 should a 9 year old get').facts).toContain('daily-intake/children-ai');
  });
});

// Blind round 30: "is that a lot?" after a reply giving a dose got the warfarin facts. Pointing at an
// amount the last reply gave, it asks whether that amount is safe: no upper limit answers it first.
describe('an amount just given, asked to be a lot', () => {
  const engine = sharedEngine();
  const NO_UPPER_LIMIT = 'safety-side-effects/no-upper-limit';

  it.each([
    ['what dose of mk7 do supplements usually have', 'hm is this a lot to be taking?'],
    ['how much vitamin k do grown ups need daily', 'is it a lot?'],
  ])('%j then %j leads with there being no upper limit', (first, next) => {
    const conversation = engine.startConversation();
    conversation.ask(first);
    const a = conversation.ask(next);
    expect(a.facts[0]).toBe(NO_UPPER_LIMIT);
    expect(a.body).not.toMatch(/^The article doesn't say more/);
  });

  it('after a reply with no amount, "is that a lot?" is not read as a dose', () => {
    const conversation = engine.startConversation();
    conversation.ask('what does k2 do in the arteries');
    expect(conversation.ask('is that a lot?').facts[0]).not.toBe(NO_UPPER_LIMIT);
  });
});

// Blind round 31: "oops took my k2 twice this morning (2x 100mcg)" got the 100 mcg dose facts: the
// figure told drew the dose topic's facts, and nothing asked "too much" in words. More than a dose
// taken asks whether that much is harmful.
describe('a dose taken twice, with its figure', () => {
  const engine = sharedEngine();

  it.each([
    'whoops, swallowed my mk7 again at lunch, thats 2 x 90 mcg today, problem?',
    'accidentally took 2x 180mcg k2 softgels today',
  ])('%j leads with there being no upper limit', (q) => {
    expect(engine.ask(q).facts[0]).toBe('safety-side-effects/no-upper-limit');
  });

  it('a daily plan of two capsules is not a dose taken by mistake', () => {
    expect(engine.ask('i take 2x 100mcg k2 a day, is that normal').facts[0]).not.toBe(
      'safety-side-effects/no-upper-limit',
    );
  });
});

// Blind round 31: "do egg yolks give me enough K2, or am I kidding myself?" got the yolks' small
// amounts with nothing to weigh them against. Asked whether a food gives enough, the intake values
// come beside the food's facts (focus.json referenceFacts).
describe('whether a food gives enough', () => {
  it.each(['does kefir every morning give me enough k2?', 'are two eggs a day getting enough k2 into me'])(
    '%j shows the intake values beside the food',
    (q) => {
      expect(sharedEngine().ask(q).facts).toContain('daily-intake/adequate-intake-adults');
    },
  );
});

// Blind round 45 (seen before fixing): "I take 100 mcg of MK-7 each day… 'experts suggest 10 to 45
// micrograms'. Am I taking far too much?" got only the correction of the 10–45 figure: the dose the
// story told is the amount asked about.
it('a dose told in the story, then "am I taking too much?", leads with there being no upper limit', () => {
  const a = sharedEngine().ask(
    'My softgel is 180 mcg of MK-7 and I take one daily. A website quotes experts saying 10 to 45 micrograms. Am I taking way too much?',
  );
  expect(a.facts[0]).toBe('safety-side-effects/no-upper-limit');
});
