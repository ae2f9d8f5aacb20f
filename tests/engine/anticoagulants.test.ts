import { describe, expect, it } from 'vitest';
import {
  ANTICOAGULANT,
  ANTIPLATELET,
  DOAC_OR_HEPARIN,
  mentionsAnticoagulant,
} from '../../src/engine/anticoagulants.ts';
import { anticoagulantSpellings } from '../../src/kb/language.ts';
import { sharedEngine } from '../sharedEngine.ts';

describe('the one anticoagulant list', () => {
  it.each([
    ['my warfarin dose', true, false],
    ['started eliquis last week', true, true],
    ['on blood thinners', true, false],
    ['my inr is 2.5', true, false],
    ['taking fragmin after surgery', false, true],
    ['baby aspirin daily', false, true],
    ['brilinta and k2', false, true],
    ['vitamin k2 and cheese', false, false],
  ])('%s: gate %s, a DOAC, heparin or antiplatelet notice %s', (text, gate, notice) => {
    expect(ANTICOAGULANT.test(text)).toBe(gate);
    expect(mentionsAnticoagulant(text)).toBe(gate);
    expect(DOAC_OR_HEPARIN.test(text) || ANTIPLATELET.test(text)).toBe(notice);
  });

  it('marks vitamin K antagonists apart from DOACs', () => {
    const vkas = anticoagulantSpellings({ kinds: ['vka'] });
    expect(vkas).toEqual(expect.arrayContaining(['warfarin', 'coumadin', 'acenocoumarol', 'phenprocoumon']));
    expect(vkas).not.toContain('eliquis');
    for (const vka of vkas) expect(DOAC_OR_HEPARIN.test(vka) || ANTIPLATELET.test(vka)).toBe(false);
  });

  it('matches whole words only', () => {
    expect(ANTICOAGULANT.test('inrange')).toBe(false);
    expect(ANTICOAGULANT.test('heparinized')).toBe(false);
  });
});

describe('a blood thinner the asker says they do not take', () => {
  const engine = sharedEngine();
  const interaction = (facts: readonly string[]) =>
    facts.filter((id) => id.startsWith('warfarin-interaction/'));

  it.each([
    'double dosed my mk7 today by accident, no blood thinners or anything, should i worry',
    'not taking warfarin, so how much k2 can i have a day',
    // Blind round 24, in non-native English: "He not take blood thinner, only pill for pressure."
    'my father has calcium in his heart arteries. he not take blood thinner. k2 can remove it?',
    // Blind round 29: a couple said "neither of us takes any blood thinners" and got the warfarin facts.
    'my wife and i both eat a spoon of natto at breakfast, is that too much k2? none of us are on blood thinners',
  ])('%j is not answered with the interaction facts, and still carries the warning', (q) => {
    const a = engine.ask(q);
    expect(a.kind).toBe('answer');
    expect(interaction(a.facts)).toEqual([]);
    expect(a.safety.warning).toContain('warfarin');
  });

  // Blind round 22: "not on any blood thinners or aspirin" got the antiplatelet note and the
  // warfarin facts; the list after the denial is denied too.
  it('a list of them denied is denied whole: no interaction facts and no antiplatelet note', () => {
    const a = engine.ask('im not on blood thinners or clopidogrel, does k2 make blood clot more?');
    expect(interaction(a.facts)).toEqual([]);
    expect(a.body).not.toMatch(/Antiplatelet/);
    expect(a.safety.warning).toContain('warfarin');
  });

  // Blind round 43: "What dose of MK-7 do studies suggest for older people? He isn't on any blood
  // thinners." got the warfarin facts: "isn't on" was not read as a denial.
  it('"isn\'t on any" denies them too', () => {
    const a = engine.ask('what mk7 dose is used for older women? my mum isnt on any blood thinners');
    expect(interaction(a.facts)).toEqual([]);
    expect(a.safety.warning).toContain('warfarin');
  });

  it('someone who is on one still gets them', () => {
    expect(
      interaction(engine.ask('i take warfarin, how much k2 can i have a day').facts).length,
    ).toBeGreaterThan(0);
  });
});

// A blood thinner taken only in the past is not the asker's situation now: the body answers what
// is asked, and the fixed warning stays on every reply.
describe('a blood thinner the asker took only in the past', () => {
  const engine = sharedEngine();
  const interaction = (id: string) => id.startsWith('warfarin-interaction/');

  it.each([
    'i completed my warfarin last spring, is natto alright for me these days?',
    'used to take xarelto, nothing now. is k2 any good for my bones',
  ])('%j gets no interaction facts', (q) => {
    const a = engine.ask(q);
    expect(a.facts.length).toBeGreaterThan(0);
    expect(a.facts.some(interaction)).toBe(false);
    expect(a.safety.warning).toBeTruthy();
  });

  // Blind round 19: "my uncle died of a stroke in 2015, he was on warfarin and ate spinach like
  // every day… was that why" got the "not sure which part" menu: without the drug nothing was left.
  it('a question about the time someone was on it keeps them', () => {
    const a = engine.ask('my grandad was on warfarin for years and had kale every day, was that a bad idea?');
    expect(a.kind).toBe('answer');
    expect(a.facts).toContain('warfarin-interaction/steady-intake');
  });

  it('one still taken keeps them: "still on warfarin, finished my antibiotics, is natto ok"', () => {
    expect(
      engine.ask('still on warfarin, finished my antibiotics, is natto ok').facts.some(interaction),
    ).toBe(true);
  });
});

// Blind round 37: "medicine that is supposed to thin the blood" was not read as a blood thinner.
describe('a blood thinner told by what it does, not by name', () => {
  it.each([
    'my aunt is on tablets meant to thin the blood, can she have k2 gummies',
    'he takes something to thin his blood since the stent, is k2 ok for him',
  ])('%s', (question) => {
    expect(sharedEngine().ask(question).facts).toContain('warfarin-interaction/steady-intake');
  });

  it('a question whether K2 itself thins the blood names no blood thinner', () => {
    const answer = sharedEngine().ask('does vitamin k2 thin your blood');
    expect(answer.facts[0]).toBe('clotting-function/clotting-proteins');
    expect(answer.facts).not.toContain('warfarin-interaction/steady-intake');
  });
});

// Blind round 40: on coumadin, then "my inr was 1.6 last week… is it the k2?", then "should i just
// stop the k2 then?" got where K2 sends calcium: the INR test read as a blood thinner of the message's
// own and replaced the asker's coumadin.
describe('the INR named in a follow-up', () => {
  it("keeps the asker's blood thinner told before", () => {
    const conversation = sharedEngine().startConversation();
    conversation.ask('been on jantoven for years and just started mk7');
    conversation.ask('my inr came back low this time, could the mk7 do that?');
    const answer = conversation.ask('ok so do i just quit the mk7?');
    expect(answer.facts[0]).toBe('warfarin-interaction/inr-effects');
  });
});

// Blind round 38: "ok well he already started it 2 weeks ago, 100mcg a day" after a question about
// a father on warfarin got the same facts again, without what to do now.
/** How a reply to K2 already taken on a warfarin-type drug opens (texts.json `k2AlreadyTakenOnVka`). */
const TELL_THE_CLINIC_NOW =
  /^K2 already taken with a warfarin-type drug is something to tell the anticoagulation clinic/;

describe('K2 already being taken with a warfarin-type drug', () => {
  it("opens with telling the clinic now and not stopping on one's own, then what stopping does", () => {
    const conversation = sharedEngine().startConversation();
    conversation.ask('my gran is on coumadin, would mk7 be ok for her hips?');
    const answer = conversation.ask('thing is she has been taking it since january, 90mcg');
    expect(answer.body).toMatch(TELL_THE_CLINIC_NOW);
    expect(answer.facts[0]).toBe('warfarin-interaction/inr-effects');
  });

  // Blind round 42: "my mum (82) is on warfarin… is it ok for her to take?", then "ok so she actually
  // started a d3+k2 from the chemist 2 weeks ago… what now" got the D3 rationale: the question before
  // told her blood thinner without asking for the asker, and "a d3+k2" was not read as K2 taken.
  it('a relative told of before, spoken of again ("she"), keeps their blood thinner', () => {
    const conversation = sharedEngine().startConversation();
    conversation.ask('my uncle (80) is on coumadin and read about k2 for his knees. is it safe for him?');
    const answer = conversation.ask('well he actually began a k2+d3 from the pharmacy 2 weeks ago, what now');
    expect(answer.body).toMatch(TELL_THE_CLINIC_NOW);
  });

  // Found before blind round 45: "started taking a D3/K2 combination (5000 IU D3, 100 mcg K2 MK-7)
  // last month" was not read as K2 taken: the slash, and the label between K2 and "last month".
  it.each([
    'I began a D3/K2 softgel (2000 IU D3, 90 mcg MK-7) a few weeks back, recently. I am on warfarin. Is that a problem?',
    'on jantoven here. started a d3/k2 combo last month, is that bad',
  ])('%j opens with telling the clinic now', (q) => {
    expect(sharedEngine().ask(q).body).toMatch(TELL_THE_CLINIC_NOW);
  });

  // Blind round 46 (seen before fixing): "he already had some last week tbh. his INR was 1.6 on
  // monday" after natto on warfarin repeated the answer before: "some" natto had was not read as K2
  // already taken.
  it('natto already had, told after a natto-on-warfarin answer, opens with telling the clinic now', () => {
    const conversation = sharedEngine().startConversation();
    conversation.ask('can my mum have natto, she takes coumadin?');
    expect(conversation.ask('oh she already had a bowl on sunday').body).toMatch(TELL_THE_CLINIC_NOW);
  });

  it('not for someone who only started the blood thinner', () => {
    const answer = sharedEngine().ask('my dad started warfarin last week, can he eat natto');
    expect(answer.body).not.toMatch(/tell the anticoagulation clinic or doctor now/);
  });
});

// Blind round 16: a daughter asking whether her mother's Sintrom is "like warfarin" was never told.
describe('a vitamin K antagonist other than warfarin is named as one', () => {
  it.each([
    ['can my dad eat natto, he is on sintrom', 'Acenocoumarol (Sintrom)'],
    ['i take marcoumar, is a k2 supplement ok', 'Phenprocoumon (Marcoumar)'],
  ])('%s', (question, drug) => {
    const answer = sharedEngine().ask(question);
    expect(answer.personalNotice).toContain(`${drug} is a vitamin K antagonist, like warfarin`);
  });

  it('not for warfarin itself, nor for a DOAC', () => {
    expect(sharedEngine().ask('can i eat natto on warfarin').personalNotice ?? '').not.toContain(
      'is a vitamin K antagonist, like warfarin',
    );
    expect(sharedEngine().ask('can i eat natto on eliquis').personalNotice ?? '').not.toContain(
      'is a vitamin K antagonist, like warfarin',
    );
  });
});

describe('someone on a warfarin-type drug asks whether to take K2 at all', () => {
  const engine = sharedEngine();
  // The fact-check: even 10 mcg a day of MK-7 shifts INR, so "no dose is known to be safe" answers
  // "can she start it?" before the general words on a steady intake.
  const NO_SAFE_DOSE = 'warfarin-interaction/low-dose-claim';

  it.each([
    'my gran is on coumadin, is she allowed to begin a k2 supplement',
    'been on warfarin 3 years, thinking of adding mk7 for my knees, good idea?',
    'my uncle takes warfarin. if he keeps the same dose of k2 every day does it matter?',
    'on jantoven, is k2 fine since it is a different vitamin k than k1?',
  ])('%j leads with no dose being known to be safe', (q) => {
    const a = engine.ask(q);
    expect(a.topic?.id).toBe('warfarin-interaction');
    expect(a.facts?.[0]).toBe(NO_SAFE_DOSE);
    expect(a.body).not.toMatch(/^The article doesn't cover/);
  });

  // Blind round 19: "and k2 supplements same deal?" after greens on warfarin got "the same facts".
  it('"same for supplements?" after a food question asks whether to take them', () => {
    const conv = engine.startConversation();
    conv.ask('im on warfarin, is broccoli ok to eat');
    expect(conv.ask('same for supplements?').facts?.[0]).toBe(NO_SAFE_DOSE);
  });

  it('a food asked about keeps its own facts: natto and greens are not a supplement started', () => {
    const a = engine.ask('my mum takes warfarin, can she still eat her spinach salads?');
    expect(a.facts?.[0]).not.toBe(NO_SAFE_DOSE);
  });

  it('a blood thinner someone started is not K2 started', () => {
    const a = engine.ask(
      'my doctor put me on warfarin after a clot and i just started it. which foods have the most vitamin k?',
    );
    expect(a.facts?.[0]).not.toBe(NO_SAFE_DOSE);
  });

  it('"and if he stops it later?" is answered by what stopping does to INR', () => {
    const conv = engine.startConversation();
    conv.ask('my father is on warfarin and wants to begin a d3 k2 capsule');
    const stop = conv.ask('what if he takes it for a while and then stops?');
    expect(stop.facts?.[0]).toBe('warfarin-interaction/inr-effects');
  });
});

// Blind round 27: "had my aortic valve replaced last month, on warfarin. can i eat natto" told what
// natto's K2 is and the general steady-intake facts, never that natto itself changes warfarin.
describe("a food's own blood-thinner fact when someone on warfarin asks whether they may have it", () => {
  const engine = sharedEngine();

  it.each([
    'my grandad takes coumadin, is it ok for him to have natto at breakfast?',
    'on warfarin since my stroke. am i allowed natto?',
  ])('%j shows how natto changes warfarin', (q) => {
    expect(engine.ask(q).facts).toContain('natto/natto-warfarin');
  });

  it('a question about how MK-7 is made keeps its own facts', () => {
    expect(engine.ask('on warfarin, is the mk-7 in supplements made from natto?').facts).not.toContain(
      'natto/natto-warfarin',
    );
  });
});

// Blind round 27 pairs: "i had a big bowl yesterday tbh" after "im on warfarin, can i eat natto
// sometimes" led with natto's amounts. Told, not asked, by someone whose blood thinner the
// conversation named: the interaction facts lead, as when the drug is told in that message.
describe('a statement after a blood-thinner question', () => {
  const engine = sharedEngine();

  it('the interaction facts lead what someone on warfarin tells next', () => {
    const conversation = engine.startConversation();
    conversation.ask('my mum is on coumadin, is cheese ok for her?');
    const a = conversation.ask('she ate half a block of gouda last night lol');
    expect(a.facts?.[0]?.startsWith('warfarin-interaction/') || a.facts?.[0] === 'natto/natto-warfarin').toBe(
      true,
    );
  });

  // Blind round 31: "he already had some last week tbh" got how long MK-4 and MK-7 stay in the
  // blood, read elsewhere as a question of its own.
  it('a time told ("last week") keeps the interaction facts, not how long a form stays', () => {
    const conversation = engine.startConversation();
    conversation.ask('my uncle takes warfarin, is natto off limits for him?');
    const a = conversation.ask('well he ate a pot of it on sunday');
    expect(
      a.facts.some((id) => id === 'natto/natto-warfarin' || id.startsWith('warfarin-interaction/')),
    ).toBe(true);
    expect(a.facts.some((id) => id.startsWith('mk7-vs-mk4/'))).toBe(false);
  });
});

// Blind round 28: a care-home nurse's letter about bones and natto on the menu, asking "what should
// staff be aware of for the residents on warfarin?", opened with fracture trials. A question that
// itself names the blood thinner, and that the story's facts do not answer in its own words, gets
// the interaction facts first.
describe('a question that names the blood thinner after a story', () => {
  it('leads with the interaction facts', () => {
    const a = sharedEngine().ask(
      'my book club says k2 is great for bones and wants to bring natto snacks. what do i need to know as someone on warfarin?',
    );
    expect(a.facts[0]?.startsWith('warfarin-interaction/')).toBe(true);
  });
});

// Found reading blind round 28's replies in the review: someone on warfarin asking whether the dose
// they take is low enough to be safe got the adult intake values (90 and 120 mcg) beside the
// steady-intake fact, as if an amount could be safe. No dose is known to be safe: that comes first.
describe('whether a stated K2 dose is safe on warfarin', () => {
  it('leads with: no dose is known to be safe', () => {
    const a = sharedEngine().ask(
      'on coumadin here and i take 30 mcg of mk7 every day, is that a safe amount?',
    );
    expect(a.body).toMatch(/^No dose is known to be safe with warfarin-type drugs/);
    expect(a.facts).not.toContain('daily-intake/adequate-intake-adults');
  });

  // Blind rounds 28 and 29: a letter asking whether 45 mcg counts as "low enough" for a father on
  // warfarin got the adult intake values.
  it('so does whether a stated amount is small enough', () => {
    const a = sharedEngine().ask(
      'My mother-in-law (79) has been on warfarin since her valve surgery. Someone told her K2 is fine on blood thinners if the dose is small. Would 25 mcg a day be low enough for her?',
    );
    expect(a.body).toMatch(/^No dose is known to be safe with warfarin-type drugs/);
    expect(a.facts).not.toContain('daily-intake/adequate-intake-adults');
  });

  // Blind round 30: "so 50mcg k2 fine with my warfarin?" asks the same without its verb.
  it.each(['25 mcg of mk7 alright alongside coumadin?', 'my dad is on warfarin. 40mcg k2 safe for him?'])(
    '%j leads with it too',
    (q) => {
      expect(sharedEngine().ask(q).body).toMatch(/^No dose is known to be safe with warfarin-type drugs/);
    },
  );
});

// Blind round 31: a dose question from someone who names no blood thinner ("my husband takes a 45
// mcg tablet, is that far too little?") got "even 10 mcg/day of MK-7 shifted INR" among its facts,
// and "how much did the studies use" led with it. Facts about people on a blood thinner are theirs
// (focus.json anticoagulantFacts.onlyForAnticoagulants).
describe('facts for people on a blood thinner, and everyone else', () => {
  const LOW_DOSE_ON_VKA = 'supplement-dosage/anticoagulant-low-dose';

  it.each([
    'how much mk7 did the studies use',
    'My wife takes a 45 mcg MK-7 tablet, would that be too little?',
  ])('%j does not show them', (q) => {
    const a = sharedEngine().ask(q);
    expect(a.facts).not.toContain(LOW_DOSE_ON_VKA);
    expect(a.body).not.toMatch(/INR/);
  });

  it('a dose asked on a blood thinner still leads with them', () => {
    expect(sharedEngine().ask('how much mk7 can i take on coumadin').body).toMatch(
      /^No dose is known to be safe with warfarin-type drugs/,
    );
  });

  it('a list of trial doses leads as one figure, not its last two numbers', () => {
    const a = sharedEngine().ask('how much mk7 did the studies use');
    expect(a.body).not.toMatch(/^360 and 720/);
    expect(a.body).toMatch(/^(Trials used )?90, 180, 360 and 720 mcg a day/);
  });
});

// Blind round 32: in a conversation about the blood-thinner topic, its title ("K2 with warfarin and
// other anticoagulants") made a Xarelto or Eliquis user a warfarin user: "no dose is safe with
// warfarin-type drugs… 10 mcg a day" answered "morning or night?" and "how much of that?".
describe('a follow-up from someone on a blood thinner that does not work through vitamin K', () => {
  const WARFARIN_ONLY = ['warfarin-interaction/low-dose-claim', 'warfarin-interaction/inr-effects'];

  it.each([
    ['im on apixaban, can i take k2 at all?', 'should it be with breakfast or with dinner?'],
    ['is k2 a problem with rivaroxaban', 'how much of it then?'],
  ])('after "%s", "%s" shows none of the warfarin-only facts', (first, next) => {
    const conversation = sharedEngine().startConversation();
    conversation.ask(first);
    const answer = conversation.ask(next);
    expect(answer.kind).toBe('answer');
    for (const id of WARFARIN_ONLY) expect(answer.facts).not.toContain(id);
  });

  // Blind round 38: "she says it's not warfarin tho, so it's fine right?" after clopidogrel read
  // "warfarin" as a subject of its own and answered what K2 is.
  it.each(["well plavix isn't warfarin, so no problem then?", 'but he is not on warfarin, so thats ok?'])(
    '"%s" after an antiplatelet question stays with it, without the warfarin facts',
    (next) => {
      const conversation = sharedEngine().startConversation();
      conversation.ask('dad is on plavix since his bypass, can he take k2 gummies?');
      const answer = conversation.ask(next);
      expect(answer.facts[0]).toBe('warfarin-interaction/antiplatelets-differ');
      for (const id of [...WARFARIN_ONLY, 'warfarin-interaction/steady-intake'])
        expect(answer.facts).not.toContain(id);
    },
  );

  it('on warfarin, "how much is safe?" does not open with a dose that shifted INR', () => {
    const conversation = sharedEngine().startConversation();
    conversation.ask('can vitamin k2 mess with coumadin');
    const answer = conversation.ask('so what amount is safe?');
    expect(answer.body).toMatch(/^No dose is known to be safe/);
  });
});

// Blind round 33: aspirin and clopidogrel got the DOAC fact or a heart trial, a question pointing at
// them ("would K2 interfere with either of them?") led with a heart fact, and "what about lixiana"
// after natto on warfarin led with natto.
describe('antiplatelets, and a blood thinner named in a follow-up', () => {
  it.each([
    'does vitamin k2 interact with plavix',
    'I had a stent last year and take aspirin and clopidogrel daily. Could K2 clash with either of those?',
  ])('%j leads with the antiplatelet fact', (q) => {
    expect(sharedEngine().ask(q).facts[0]).toBe('warfarin-interaction/antiplatelets-differ');
  });

  // Pair grading of round 32: the antiplatelet fact, reached by its sample questions, answered a
  // question about omeprazole, which is no antiplatelet.
  it('another medicine that is no blood thinner never gets the antiplatelet fact', () => {
    expect(sharedEngine().ask('on lansoprazole for years. does that mess with k2?').facts).not.toContain(
      'warfarin-interaction/antiplatelets-differ',
    );
  });

  it('a newly named blood thinner after a warfarin answer leads with its own fact', () => {
    const conversation = sharedEngine().startConversation();
    conversation.ask('im on warfarin, is cheese a problem');
    expect(conversation.ask('what about xarelto instead, my doctor mentioned it').facts[0]).toBe(
      'warfarin-interaction/doacs-differ',
    );
  });
});

// Blind round 33: someone on Marevan planning "a couple of slices [of Jarlsberg] with breakfast every
// day" got the steady-intake facts without the cheese's K2.
describe('a cheese someone on a warfarin-type drug plans to eat', () => {
  it('carries the cheese figure beside the steady-intake facts', () => {
    const answer = sharedEngine().ask(
      'on warfarin for years, INR steady. thinking of a few slices of gouda every day from now on, anything to know first?',
    );
    expect(answer.facts).toContain('cheese/hard-cheese-amount');
    expect(answer.facts).toContain('warfarin-interaction/steady-intake');
  });
});

// Blind round 34: "on pradaxa for afib, any k2 issue?" led with the ranking of K2 foods: "any k2"
// was read as a food question ("does chicken have any k2").
describe('"any k2 problems" beside a blood thinner', () => {
  it('asks about the interaction', () => {
    const a = sharedEngine().ask('on xarelto since my clot last year, any k2 problems?');
    expect(a.facts[0]).toBe('warfarin-interaction/doacs-differ');
    expect(a.facts).not.toContain('food-plan/food-ranking');
  });
});

// Blind round 34: "on plavix + baby aspirin since my stent" got the newborn vitamin K shot: the
// reading without the drug's name kept "baby". A drug named in more than one word is one name.
describe('a drug named in more than one word', () => {
  it.each([
    'grandad has a baby aspirin every morning, is mk7 alright for him?',
    'low dose aspirin and k2, fine together?',
  ])('%j is the antiplatelet, not a baby or a dose', (q) => {
    const a = sharedEngine().ask(q);
    expect(a.facts).toContain('warfarin-interaction/antiplatelets-differ');
    expect(a.facts).not.toContain('pregnancy-breastfeeding/newborn-vitamin-k');
    expect(a.facts.some((id) => id.startsWith('supplement-dosage/'))).toBe(false);
  });
});

// Blind round 46 (seen before fixing): a carer asking whether to "start giving it to him with his
// morning tablets" (a D3 + K2 for a father on warfarin) got "the article doesn't say whether
// morning or evening is better": giving K2 to someone is taking it, and on warfarin that decides.
it('giving K2 to someone on a warfarin-type drug is asked as taking it', () => {
  const a = sharedEngine().ask(
    'my mother has been on coumadin for years. a friend bought her k2 gummies. is it ok if i give them to her at breakfast?',
  );
  expect(a.body).not.toMatch(/morning or evening/);
  expect(a.facts[0]).toBe('warfarin-interaction/low-dose-claim');
});
