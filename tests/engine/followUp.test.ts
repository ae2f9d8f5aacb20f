import { describe, expect, it } from 'vitest';
import {
  followUpKind,
  MAX_FOLLOW_UP_WORDS,
  MAX_POINTING_FOLLOW_UP_WORDS,
  subjectPart,
} from '../../src/engine/followUp.ts';
import type { Answer } from '../../src/engine/index.ts';
import {
  ANTICOAGULANT_WARNING,
  ANTIPLATELET_NOTICE,
  DISCLAIMER,
  HELP_ARRIVED_NOTICE,
  HELP_ON_THE_WAY_BODY,
  PREGNANCY_NOTICE,
  urgentNoticeOf,
} from '../safetyTexts.ts';
import { sharedEngine } from '../sharedEngine.ts';

const engine = sharedEngine();

/** The topic (or kind) of each turn of a conversation, each read after the ones before it. */
function topicsOf(turns: readonly string[]): string[] {
  const conversation = engine.startConversation();
  return turns.map((q) => {
    const a = conversation.ask(q);
    return a.urgent ? 'urgent' : a.kind === 'answer' ? (a.topic?.id ?? 'answer') : a.kind;
  });
}

describe('an aside that says it changes the subject, or asks about the bot, is not read with K2', () => {
  it.each([
    [['is gouda a good k2 source', 'random question but whats a good playlist for the gym'], 'decline'],
    [['how does k2 help arteries', 'thx! whats ur favorite food lol'], 'decline'],
  ])('%j → the last turn is %s', (turns, kind) => {
    expect(topicsOf(turns).at(-1)).toBe(kind);
  });
});

// Blind round 32: "different q: is goose liver pate a good source?" was declined as unplaced: read
// with its break words, the question matched nothing well.
// Blind round 42: "different q: does it help nerve pain" after Alzheimer's got the "which part" menu;
// the break sets the last topic aside, not the vitamin the conversation is about.
// Blind round 42: "wait what does that mean, the ucOC thing" after the diabetes facts got them again.
describe('"what does that mean, the X bit" names the term to define', () => {
  it('gets the definition of the term the message names', () => {
    const [, defined] = answersOf([
      'is k2 any use for type 2 diabetes',
      'sorry what does that mean, the ucoc part',
    ]);
    expect(defined?.facts[0]).toBe('bone-proteins/ucoc-marker');
  });
});

describe('"it" after a break is still the vitamin', () => {
  it('is answered as a question about K2', () => {
    const [, after] = answersOf([
      'is k2 good for the heart',
      'new question: can it help with tingling nerves',
    ]);
    expect(after?.kind).toBe('answer');
    expect(after?.topic?.id).toBe('peripheral-neuropathy');
  });

  it('not when an unknown word may be what "it" is', () => {
    const [, after] = answersOf([
      'is k2 good for bones',
      'random q, is ashwagandha good for sleep, does it work',
    ]);
    expect(after?.topic?.id ?? null).not.toBe('peripheral-neuropathy');
    expect(after?.kind).not.toBe('answer');
  });
});

describe('a new question opened with a break', () => {
  it.each([
    ['is k2 good for wrinkles', 'new question: is chicken liver a good source?', 'meat-liver-chicken'],
    ['how much k2 in natto', 'another topic - are egg yolks a good source?', 'egg-yolks'],
  ])('after "%s", "%s" is answered on its own', (first, next, topic) => {
    const [, after] = answersOf([first, next]);
    expect(after?.kind).toBe('answer');
    expect(after?.topic?.id).toBe(topic);
  });
});

// Blind round 32: "how much of that per day tho" after natto was named got natto's figure per
// tablespoon alone: how much a day is weighed against the daily intake.
describe('how much of a food a day', () => {
  it.each([
    ['which food has the most k2', 'how much of it a day?'],
    ['is gouda high in k2', 'ok how much of that daily'],
  ])('after "%s", "%s" carries the daily intake', (first, next) => {
    const [, after] = answersOf([first, next]);
    expect(after?.facts).toContain('daily-intake/adequate-intake-adults');
  });
});

describe('a food the question before did not name is the new subject in its frame', () => {
  it.each([
    [['which foods are best for k2', 'how much is in gouda then'], 'cheese'],
    [['what has the most k2', 'and how much in an egg yolk tho'], 'egg-yolks'],
  ])('%j → the last turn is %s', (turns, topic) => {
    expect(topicsOf(turns).at(-1)).toBe(topic);
  });
});

describe('a point that needs facts to compare with brings them', () => {
  it('"is that more than i need in a day" after a food figure carries the daily intake figures', () => {
    const [, need] = answersOf(['how much k2 is in a spoon of natto', 'is that more than i need in a day']);
    expect(need?.facts).toContain('daily-intake/adequate-intake-adults');
  });
});

describe('a decline with nothing to offer keeps the conversation going', () => {
  it('a story the bot declines does not end the context of the question before it', () => {
    const last = topicsOf([
      'is k2 safe for kids?',
      'my son is 11 and plays basketball, broke his wrist twice this year',
      'which foods then, he really likes cheese and eggs',
    ]).at(-1);
    expect(['cheese', 'egg-yolks', 'food-plan']).toContain(last);
  });
});

describe('follow-up questions are read with the previous question', () => {
  it.each([
    [['how much k2 is in natto', 'what about gouda?'], 'cheese'],
    [['does cheese have k2', 'how much?'], 'cheese'],
    [['is mk7 better than mk4', 'why?'], 'mk7-vs-mk4'],
    [['how much vitamin k do adults need per day', 'and for kids?'], 'daily-intake'],
    [['does k2 reduce artery calcification', 'how is it supposed to work?'], 'vascular-calcification'],
    [['does vitamin k help blood clot', 'which proteins?'], 'clotting-function'],
    [['k2 for osteoporosis?', 'what dose do they use in japan?'], 'osteoporosis'],
  ])('%j → the last turn is %s', (turns, topic) => {
    expect(topicsOf(turns).at(-1)).toBe(topic);
  });

  it('a follow-up on its own is not answered from that topic', () => {
    // The same words without the previous question: nothing ties them to cheese or to mk7.
    expect(engine.ask('how much?').topic?.id).not.toBe('cheese');
    expect(engine.ask('why?').kind).toBe('decline');
  });

  it('"source?" repeats the previous answer, with its facts and source', () => {
    const first = engine.askInContext('does k2 help the heart', null);
    const again = engine.askInContext('source?', first.context);
    expect(first.answer.topic?.id).toBe('heart-health');
    expect(again.followUp).toBe(true);
    expect(again.answer.topic?.id).toBe('heart-health');
    expect(again.answer.facts).toEqual(first.answer.facts);
    expect(again.answer.source).not.toBeNull();
  });

  it('a context chains: the third turn still knows the first turn’s subject', () => {
    expect(topicsOf(['does cheese have k2', 'how much?', 'which kind of k2 is it?'])).toEqual([
      'cheese',
      'cheese',
      'cheese',
    ]);
  });

  it('ask with { previous } is the same as a conversation', () => {
    const first = engine.askInContext('does cheese have k2', null);
    expect(engine.ask('how much?', { previous: first.context }).topic?.id).toBe('cheese');
    expect(engine.ask('how much?', { previous: null }).topic?.id).toBe(engine.ask('how much?').topic?.id);
  });
});

/** Each turn's answer, each read after the ones before it. */
function answersOf(turns: readonly string[]): Answer[] {
  const conversation = engine.startConversation();
  return turns.map((q) => conversation.ask(q));
}

describe('a follow-up answers what the new message asks about the previous subject', () => {
  it('"how much of it?" after a mechanism answer gives the figure the studies used', () => {
    // "How does…" asks the mechanism ("does k2 help bones" now opens with the mixed trial evidence).
    const [first, amount] = answersOf(['how does k2 help bones', 'how much of it did the studies use?']);
    expect(first?.body).not.toMatch(/\bmcg\b/);
    expect(amount?.topic?.id).toBe('bone-health');
    expect(amount?.body).toMatch(/^\d+ mcg\/day\./);
    expect(amount?.facts).toContain('bone-health/postmenopausal-90mcg-trial');
  });

  it('"and for kids?" after the adult intake says first that the article gives no children’s figure', () => {
    const [, kids] = answersOf(['how much vitamin k do adults need per day', 'and for kids?']);
    expect(kids?.coverage).toBe('partial');
    expect(kids?.body).toMatch(/^The article doesn't (give|discuss) [^.]*children/);
    // The children's Adequate Intakes (NIH), not the adults' figures again.
    expect(kids?.facts).toContain('daily-intake/children-ai');
    expect(kids?.body).not.toMatch(/120 mcg/);
  });

  it('"source?" shows the article’s own words for the facts just shown, not the same body again', () => {
    const first = engine.askInContext('does k2 help the heart', null);
    const source = engine.askInContext('source?', first.context);
    expect(source.answer.body).not.toBe(first.answer.body);
    expect(source.answer.body).toMatch(/^The article, under "[^"]+": “/);
    const quote = source.answer.source?.quote ?? '';
    expect(quote.length).toBeGreaterThan(0);
    expect(source.answer.body).toContain(quote);
    expect(first.answer.facts).toContain(source.answer.facts[0]);
  });

  // Blind round 41: "wait isnt that contradictory?" after how K2 is absorbed got "the article
  // doesn't say more about that than my last answer", though the article says it two ways.
  it('"doesnt that contradict itself?" says yes where the article states a fact shown two ways', () => {
    const first = engine.askInContext('how is k2 absorbed by the body', null);
    const asked = engine.askInContext('hold on, doesnt that contradict itself?', first.context);
    expect(asked.answer.body).toMatch(/^Yes: the article says this two ways\. /);
    expect(asked.answer.body).toContain('absorbs more slowly');
  });

  // Blind round 42: "you just said two different things, which is it" after fractures got a trial.
  it('"so which is it?" after the fracture claims says the article says it two ways', () => {
    const first = engine.askInContext('is k2 proven to prevent broken bones or not', null);
    const asked = engine.askInContext('wait you said two different things there, which is it', first.context);
    expect(asked.answer.body).toMatch(/^Yes: the article says this two ways\. /);
    expect(asked.answer.body).toMatch(/fracture/);
  });

  // Pair grading of blind round 41: "but another part says 10 to 45 mcg?? which is it" after the RDA
  // got the RDA-name inconsistency; the figures it quotes name the statement it means.
  it('figures the message quotes must be in the inconsistency it is told', () => {
    const first = engine.askInContext('what is the rda of vitamin k2', null);
    const asked = engine.askInContext('but elsewhere it says 10 to 45 mcg, which is it', first.context);
    expect(asked.answer.body).not.toMatch(/^Yes: the article says this two ways/);
    expect(asked.answer.body).toMatch(/10 to 45/);
  });

  it('asked of facts the article states one way, it is read as usual, with no "yes"', () => {
    const first = engine.askInContext('what foods have k2', null);
    const asked = engine.askInContext('isnt that contradictory', first.context);
    expect(asked.answer.body).not.toMatch(/^Yes/);
  });

  // Blind round 41: "source?" after the chemotherapy claim quoted the article's line and left it
  // there, as if a study stood behind it. The line names none, and no published study checks it.
  it('"source?" for a line that names no study says the article cites none', () => {
    const first = engine.askInContext('could k2 ease the side effects of chemo', null);
    const source = engine.askInContext('link?', first.context);
    expect(source.answer.body).toMatch(/^The article, under "[^"]+": “/);
    expect(source.answer.body).toContain('The article cites no study for this.');
  });

  it('"source?" for a line a published study checks names that study, not "no study"', () => {
    const first = engine.askInContext('did the 2019 study show k2 lowers heart deaths', null);
    const source = engine.askInContext('source?', first.context);
    expect(source.answer.body).toMatch(/Published research on this: /);
    expect(source.answer.body).not.toContain('cites no study');
  });

  // Blind round 27: "proof?" after "k2 good for brain?" got the article's own words for the
  // claim. Proof asks what the evidence shows, not where the article says it.
  it('"proof?" gets the evidence for the point just discussed, not the article\'s words', () => {
    const first = engine.askInContext('does k2 help memory', null);
    const proof = engine.askInContext('got any proof of that?', first.context);
    expect(proof.answer.body).not.toMatch(/^The article, under "/);
    expect(proof.answer.topic?.id).toBe('brain-alzheimers');
    expect(proof.answer.body).toMatch(/observational|no clinical trial|trial/i);
  });

  it.each([
    ['does k2 help bones', 'how much of it did the studies use?', 'why?'],
    ['is mk7 better than mk4', 'why?', 'really?'],
    ['how much vitamin k do adults need per day', 'and for kids?', 'and for men?'],
    ['does cheese have k2', 'how much?', 'which kind of k2 is it?'],
    ['does k2 build up', 'why?', 'how long does it stay?'],
    ['is k2 safe', 'any side effects?', 'tell me more'],
  ])('%s → %s → %s: no follow-up repeats the reply before it word for word', (...turns) => {
    const answers = answersOf(turns);
    for (let i = 1; i < answers.length; i++) {
      if (answers[i]?.kind === 'answer') expect(answers[i]?.body).not.toBe(answers[i - 1]?.body);
    }
  });

  it('a whole question opened with "ok and" is a new question, not a follow-up', () => {
    const first = engine.askInContext('how much k2 in gouda', null);
    const next = engine.askInContext('ok and does k2 thin your blood?', first.context);
    expect(next.followUp).toBe(false);
    expect(next.answer.topic?.id).not.toBe('cheese');
  });

  // Blind round 25: "ok back to k2, does it need d3" after a bone answer got a bone trial.
  it('"does it…" after the vitamin named in the same message asks about the vitamin', () => {
    const first = engine.askInContext('does k2 do anything for bones', null);
    const next = engine.askInContext('anyway about k2 again, is it better taken with d3', first.context);
    expect(next.followUp).toBe(false);
    expect(next.answer.topic?.id).toBe('d3-k2-cosupplementation');
  });
});

describe('a follow-up answers its own point, not the previous reply again', () => {
  const dose = 'how much mk-7 should i take';

  it('"is that safe long term?" after a dose gets the safety facts, none of the dose facts', () => {
    const [first, safe] = answersOf([dose, 'is that safe long term?']);
    expect(first?.topic?.id).toBe('supplement-dosage');
    expect(safe?.topic?.id).toBe('safety-side-effects');
    for (const id of first?.facts ?? []) expect(safe?.facts).not.toContain(id);
  });

  // "Fracture risk" in a bone fact is a benefit, not a harm: read as the side-effect point, it
  // kept "side effects?" after a bone dose in the bone topic. "Downsides" asks the harms too.
  it.each([
    ['what dose of k2 do bones need', 'side effects?'],
    ['k2 dose for stronger bones', 'are there downsides to that'],
    ['does k2 lower heart disease risk', 'any drawbacks?'],
  ])('after "%s", "%s" gets the safety facts', (first, harms) => {
    const [before, after] = answersOf([first, harms]);
    expect(before?.topic?.id).not.toBe('safety-side-effects');
    expect(after?.topic?.id).toBe('safety-side-effects');
  });

  // A session-start leftover: "mk4?" after an MK-7 dose was read as a question of its own and got
  // how fast MK-4 clears. A form's name alone asks the question before of that form.
  it.each([
    ['what dose of mk7 per day', 'mk4?', 'mk4-high-dose-japan'],
    // The terminal chat at the end of this session: "mk4?" after a K2 question named no rival form
    // to replace, and got how fast MK-4 clears; the vitamin's general name takes the form's place.
    ['how much k2 a day', 'mk7?', 'supplement-dosage'],
    // Blind round 33: a correction naming the form ("no i meant mk4") got the MK-n naming.
    ['how much mk7 do people take daily', 'sorry, i meant mk4', 'mk4-high-dose-japan'],
    ['what time of day is best for mk7', 'mk4', 'absorption-excretion'],
    // Blind round 35: the form denied beside the one meant ("mk7 not mk4") kept the reply on MK-4.
    [
      'what dose of k2 do people with osteoporosis use',
      'sorry i meant menaquinone-7, not mk4',
      'supplement-dosage',
    ],
  ])('after "%s", "%s" asks the same of the form it names', (first, form, topic) => {
    const [, after] = answersOf([first, form]);
    expect(after?.topic?.id).toBe(topic);
  });

  // How K2 is taken is the vitamin's own point, whatever the subject was: the D3, calcium or artery
  // facts never say it, and repeating them was the reply.
  it.each([
    ['why do people combine vitamin d with k2', 'do i swallow the capsule with a meal then'],
    ['is mk7 any use for the arteries', 'do i have to have it with food'],
  ])('after "%s", "%s" gets that dietary fat helps absorption', (first, withFood) => {
    const [before, after] = answersOf([first, withFood]);
    expect(before?.facts).not.toContain('absorption-excretion/fat-helps-absorption');
    expect(after?.facts[0]).toBe('absorption-excretion/fat-helps-absorption');
    expect(after?.body).toMatch(/fat/i);
  });

  // Blind round 22: "what about allergies" after side effects said the article doesn't cover
  // allergies; it says K2 rarely causes allergic reactions. Hay fever is what it doesn't cover.
  it('"and allergies?" after side effects is the reactions the article names, not an uncovered condition', () => {
    const [, allergies] = answersOf(['any downsides to taking mk7?', 'and allergies?']);
    expect(allergies?.topic?.id).toBe('safety-side-effects');
    expect(allergies?.body).not.toMatch(/doesn't cover/);
    const [hayFever] = answersOf(['can k2 help my allergies in spring']);
    expect(hayFever?.body).toMatch(/^The article doesn't cover seasonal allergies\./);
  });

  // Blind round 22: "what dose for that" after artery calcification opened "45 mg/day.", the
  // figure of an MK-4 trial in which calcium still rose, shown the turn before.
  it('"what dose would you need for that?" asks the dose for the subject, not a figure of the fact just shown', () => {
    const [first, dose] = answersOf([
      'is it true k2 clears calcium out of arteries',
      'what dose would you need for that?',
    ]);
    expect(first?.facts).toContain('vascular-calcification/mk4-open-study');
    expect(dose?.facts[0]).toBe('vascular-calcification/arteries-dose');
    expect(dose?.body).not.toMatch(/^45 mg/);
  });

  // Blind round 22: "are you sure? my sister says it doesnt actually prevent fractures" after a
  // dose answer repeated the doses; the doubt asks about the claim that follows it.
  it.each([
    'are you sure? my aunt says it doesnt actually stop fractures',
    'u sure? my aunt says k2 doesnt stop fractures',
  ])('after a dose, %j gets the fracture evidence', (doubt) => {
    const [, reply] = answersOf(['how much k2 is best for bones', doubt]);
    expect(reply?.facts).toContain('bone-health/fracture-claim');
  });

  // Blind round 22: "where in the gut does it get absorbed" after K1 against K2 repeated the K1/K2
  // absorption facts; the gut is the message's own subject, in the topic on how K2 is absorbed.
  it('"which part of the gut absorbs it" after K1 against K2 gets where MK-7 is absorbed', () => {
    const [first, where] = answersOf([
      'k1 or k2, which one does the body absorb better',
      'ok and which part of the gut absorbs it',
    ]);
    expect(first?.topic?.id).toBe('k1-vs-k2');
    expect(where?.facts[0]).toBe('absorption-excretion/mk7-absorbed-unchanged');
  });

  // Blind round 22 (found after this session's "which meal" point): a child asked about after two
  // answers with the same fat fact got "The article doesn't say more about that than my last answer."
  it('a point the article does not cover is said first even when no new fact answers', () => {
    const [, , child] = answersOf([
      'i take d3 and k2 at 7am with only coffee, is that ok?',
      'right, with food then, but what meal of the day? i only have toast in the morning',
      'and my daughter, shes 10, can she have the same capsule?',
    ]);
    expect(child?.body).toMatch(/^The article doesn't discuss K2 for children or teenagers\./);
    expect(child?.coverage).toBe('partial');
  });

  it('"where do i get it?" after an MK-7 dose gets where MK-7 comes from', () => {
    const [, where] = answersOf(['what daily dose of mk7 is recommended', 'where do i get it?']);
    expect(where?.topic?.id).not.toBe('supplement-dosage');
    // Natto, whose K2 is MK-7 (the knowledge base's natto topic).
    expect(where?.body).toMatch(/\bnatto\b/i);
    expect(where?.body).toMatch(/MK-7/);
  });

  it('"and why that much?" after a dose never leads with a dose fact just shown without saying so', () => {
    const [first, why] = answersOf([dose, 'and why that much?']);
    const lead = why?.facts[0] ?? '';
    if (first?.facts.includes(lead)) expect(why?.body).toMatch(/^The article doesn't say more about that/);
    else expect(why?.body).not.toBe(first?.body);
  });

  it('"why?" after a claim gives the reason the knowledge names for it: MK-7 better → its half-life', () => {
    const [first, why] = answersOf(['mk-7 or mk-4, which one works better', 'why?']);
    expect(first?.facts).not.toContain('mk7-vs-mk4/mk7-half-life');
    expect(why?.facts[0]).toBe('mk7-vs-mk4/mk7-half-life');
    expect(why?.body).toMatch(/half-life of about 3 days/);
  });

  it('"why?" gives a reason in another topic: chicken has K2 → vitamin K in animal feed', () => {
    const [first, why] = answersOf(['does chicken have any k2', 'why?']);
    expect(first?.facts).toContain('meat-liver-chicken/chicken-amount');
    expect(why?.body).toMatch(/animal feed/);
  });

  it('of two reasons, the one about what was asked comes first: arteries → matrix Gla protein', () => {
    const [, why] = answersOf(['does k2 keep calcium out of my arteries', 'why?']);
    expect(why?.body.split('. ')[0]).toMatch(/matrix Gla protein|MGP/);
  });

  // Blind round 41: "how?" after the nerve-repair claim got "the same facts answer this".
  it('"how?" alone asks the mechanism, as "why?" does: nerve repair → Gas6 and myelin', () => {
    const [first, how] = answersOf(['is k2 supposed to fix nerve damage', 'how??']);
    expect(first?.facts).not.toContain('peripheral-neuropathy/gas6-myelin');
    expect(how?.body).toMatch(/Gas6/);
    expect(how?.body).not.toMatch(/same facts/);
  });

  // Blind round 42: "why?" after "is that safe with my eliquis tho?" got the same facts again.
  it('"why?" after the newer blood thinners gives how warfarin works, which they do not share', () => {
    const [, , why] = answersOf([
      'does k2 have side effects',
      'would that be ok with my xarelto tho?',
      'why?',
    ]);
    expect(why?.body).toMatch(/blocking vitamin K recycling/);
    expect(why?.body).not.toMatch(/same facts/);
  });

  it('"why" with a subject of its own is not the reason of the last answer', () => {
    const [, why] = answersOf(['is there k2 in chicken', 'why is liver listed then?']);
    expect(why?.facts[0]).not.toBe('meat-liver-chicken/animal-feed');
  });

  it('"which foods is it in?" after "what is mk-4" names a food with MK-4', () => {
    const [, foods] = answersOf(['what is mk-4', 'which foods is it in?']);
    expect(foods?.body).toMatch(/egg|chicken|liver|meat/i);
    expect(foods?.body).toMatch(/MK-4/);
  });

  it('who a follow-up asks about replaces who the question before asked about', () => {
    const [, , grandma] = answersOf([
      'how much vitamin k does a grown-up need each day',
      'and toddlers?',
      'what about my grandma, shes 81?',
    ]);
    expect(grandma?.facts).not.toContain('daily-intake/children-ai');
    expect(grandma?.coverage).toBe('full');
    const [, husband] = answersOf([
      'whats the daily vitamin k figure for teenagers',
      'and for my husband? hes 45',
    ]);
    expect(husband?.facts).not.toContain('daily-intake/children-ai');
  });

  it('a point the two messages ask together is said to be uncovered: men’s bones', () => {
    const [, men] = answersOf(['can k2 prevent osteoporosis', 'what about in men?']);
    expect(men?.coverage).toBe('partial');
    expect(men?.body).toMatch(/^The article doesn't cover bone trials in men/);
  });

  it('"is there proof it actually works?" asks for the evidence, not the source quote', () => {
    const [, proof] = answersOf([
      'what does k2 actually do for my body',
      'is there proof it actually works?',
    ]);
    expect(proof?.body).not.toMatch(/^The article, under/);
    expect(proof?.topic?.id).toBe('evidence-summary');
  });

  it('a figure follow-up gets the fact with the figure asked: a head count, a duration', () => {
    const [, people] = answersOf(['k2 for old people memory', 'how many ppl were studied?']);
    expect(people?.body).toMatch(/^325 older adults\./);
    const [, , length] = answersOf([
      'does k2 help with calcification in arteries',
      'what was the AVADEC trial?',
      'how long did it run?',
    ]);
    // The trial's length was in the last answer: said first, and said to be the same facts.
    expect(length?.body).toMatch(/^2 years\. The same facts answer this as your last question:/);
  });

  it('a figure asked about what the last answer showed ("in it") is that fact’s figure', () => {
    // Another study with more people (and the word "people") must not answer for the one shown.
    const [, count] = answersOf(['tell me what the rotterdam study found', 'how many people did it follow?']);
    expect(count?.body).toMatch(/^4,807 adults\./);
    expect(count?.facts).toEqual(['heart-health/rotterdam-study']);
  });

  it('a yes/no about the size of the study shown ("was that a large trial?") is answered with its head count', () => {
    const [, size] = answersOf(['what was the rotterdam study', 'was it a small study?']);
    expect(size?.body).toMatch(/^4,807 adults\./);
    expect(size?.facts[0]).toBe('heart-health/rotterdam-study');
  });

  it('a blood thinner the follow-up names replaces the one named before', () => {
    const [, eliquis] = answersOf([
      "is natto off limits if i'm on warfarin",
      "and if i'm on eliquis instead?",
    ]);
    expect(eliquis?.facts[0]).toBe('warfarin-interaction/doacs-differ');
    expect(eliquis?.facts).not.toContain('warfarin-interaction/steady-intake');
  });

  it('a blood thinner named earlier stays the asker’s situation: "and natto?" on xarelto', () => {
    const [, , natto] = answersOf(['k2 and warfarin', 'what about xarelto?', 'and natto?']);
    // The DOAC fact (xarelto is rivaroxaban, a DOAC), carried from the turn before.
    expect(natto?.facts).toContain('warfarin-interaction/doacs-differ');
  });
});

describe('a new subject overrides the context', () => {
  it.each([
    [
      ['how much k2 in egg yolk', 'different topic: whats the half life of mk7'],
      ['menaquinone-forms', 'mk7-vs-mk4'],
    ],
    [['does k2 help osteoporosis', 'thanks. unrelated, how much k2 in natto?'], ['natto']],
    [['does k2 help osteoporosis', 'does natto have k2'], ['natto']],
    [
      [
        'what foods have k2',
        'can k2 help people with type 2 diabetes keep their blood sugar in a healthy range',
      ],
      ['diabetes'],
    ],
  ])('%j → one of %j', (turns, topics) => {
    expect(topics).toContain(topicsOf(turns).at(-1));
  });

  it('"and chicken?" after an egg answer is about chicken, even when the old frame cannot place it', () => {
    const [, , chicken] = answersOf(['do eggs contain any k2 at all', 'what form?', 'and chicken?']);
    expect(chicken?.topic?.id).toBe('meat-liver-chicken');
    expect(chicken?.facts).toContain('meat-liver-chicken/chicken-amount');
  });

  it('a greeting or thanks after an answer is not a follow-up', () => {
    const first = engine.askInContext('does cheese have k2', null);
    const thanks = engine.askInContext('thanks!', first.context);
    expect(thanks.followUp).toBe(false);
    expect(thanks.answer.kind).toBe('decline');
  });
});

describe('emergencies are gated on the new message alone', () => {
  it('a follow-up that is an emergency is flagged, whatever the context', () => {
    expect(topicsOf(['can i take k2 with warfarin', 'my nose wont stop bleeding and i am on it'])).toEqual([
      'warfarin-interaction',
      'urgent',
    ]);
  });

  // Blind round 11: "ok we're heading to A&E now, should we bring her pill bottles?" after a
  // bleed on warfarin got "Sorry, that's outside what I know."
  it('an emergency keeps its notice first for the next two messages, which are still answered', () => {
    const urgent = engine.askInContext('my nose wont stop bleeding, i take warfarin', null);
    expect(urgent.answer.urgent).toBe(true);
    const logistics = engine.askInContext(
      'we are driving to the hospital now, do we take her tablets along',
      urgent.context,
    );
    expect(logistics.answer.urgent).toBe(true);
    expect(logistics.answer.urgentNotice).toBe(urgent.answer.urgentNotice);
    expect(logistics.answer.body).not.toMatch(/outside what I know/);
    const calm = engine.askInContext('how much k2 is in natto', logistics.context);
    expect(calm.answer.urgent).toBe(true);
    expect(calm.answer.topic?.id).toBe('natto');
    const later = engine.askInContext('and in gouda?', calm.context);
    expect(later.answer.urgent).toBe(false);
  });
});

describe('followUpKind', () => {
  const answered = { kind: 'answer', urgent: false } as Answer;
  const declined = { kind: 'decline', urgent: false } as Answer;
  const hasSubject = (text: string) => /\b(gouda|natto|mk4|warfarin|proteins)\b/.test(text);
  const kind = (q: string, alone: Answer = answered, anchored = false) =>
    followUpKind(q, alone, false, hasSubject, anchored);

  it('reads aspect-only and pronoun messages together with the previous question', () => {
    expect(kind('how much?')).toBe('together');
    expect(kind('why?', declined)).toBe('together');
    expect(kind('is that ok with warfarin?')).toBe('together');
    expect(kind('which proteins?')).toBe('together');
  });

  it('leaves alone a whole question that names K2, a subject and what it asks, whatever opens it', () => {
    expect(kind('and does natto thin warfarin users blood?', answered, true)).toBe('alone');
    expect(kind('also how much natto a day?', answered, true)).toBe('alone');
    // Without what it asks, the same opener asks the previous question about the new subject.
    expect(kind('and natto?', answered, true)).toBe('instead');
  });

  it('asks the previous question again about a new subject after an ellipsis word', () => {
    expect(kind('what about gouda?')).toBe('instead');
    expect(kind('and mk4?')).toBe('instead');
  });

  it('repeats the previous answer for a source request', () => {
    expect(kind('source?')).toBe('again');
    expect(kind('citation?')).toBe('again');
    expect(kind('where does it say that?')).toBe('again');
  });

  it('reads "proof" with a point of its own as a question, not a source request', () => {
    expect(kind('is there proof it actually works?')).toBe('together');
  });

  it('leaves alone a question with its own anchored subject, a new-subject marker, small talk, an emergency, a long message', () => {
    expect(kind('does natto have k2', answered, true)).toBe('alone');
    expect(kind('different topic: what about natto')).toBe('alone');
    expect(followUpKind('thanks', declined, true, hasSubject, false)).toBe('alone');
    expect(kind('why?', { kind: 'decline', urgent: true } as Answer)).toBe('alone');
    const long = Array.from({ length: MAX_FOLLOW_UP_WORDS + 1 }, () => 'why').join(' ');
    expect(kind(long)).toBe('alone');
  });

  it('reads a longer message that points back and names neither K2 nor the article with the answer before', () => {
    expect(kind('so if i took a lot of it at once it would stay in me a while?')).toBe('together');
    const rambling = `so ${Array.from({ length: MAX_POINTING_FOLLOW_UP_WORDS }, () => 'well').join(' ')} is it ok`;
    expect(kind(rambling)).toBe('alone');
  });

  it('strips pronouns, ellipsis and aspect words to find the subject', () => {
    expect(subjectPart('how much of it did the studies use?')).not.toMatch(/\b(how much|it|studies)\b/);
    expect(subjectPart('what about gouda?')).toContain('gouda');
  });
});

describe('chatter inside a conversation', () => {
  it('a short off-topic message is declined, not answered with the previous K2 subject', () => {
    const [, chatter, back] = answersOf([
      'how much k2 does gouda have',
      'who do you think wins the cup final',
      'and brie?',
    ]);
    expect(chatter?.kind).toBe('decline');
    expect(chatter?.facts).toEqual([]);
    // The conversation goes on: the next follow-up is still read with the cheese question.
    expect(back?.topic?.id).toBe('cheese');
  });
});

describe('the asker’s blood thinner stays theirs', () => {
  it('a later question of its own, from someone who said they are on warfarin, carries the interaction facts', () => {
    const [, later] = answersOf([
      'i am on warfarin, is k2 ok for me',
      'what about eating natto just on sundays',
    ]);
    expect(later?.facts).toContain('warfarin-interaction/steady-intake');
  });

  it('a general question about warfarin does not make the next question the asker’s', () => {
    const [, later] = answersOf(['how does warfarin interact with k2 in general', 'how much k2 is in gouda']);
    expect(later?.facts).not.toContain('warfarin-interaction/steady-intake');
  });
});

// Blind rounds 9 and 10: "btw anyone watching the match tonight" and an F1 aside got the previous
// K2 answer again. Chatter of its own is declined, and the conversation goes on after it.
describe('chatter in a conversation is not a follow-up', () => {
  it.each([
    'anybody seen the new batman movie yet',
    'btw did anyone catch the grand prix yesterday, that final lap was mad',
  ])('after a K2 answer, %j is declined and the next turn is still read in context', (aside) => {
    const [, chatter, next] = answersOf(['how much k2 is in natto', aside, 'ok and what about gouda']);
    expect(chatter?.kind).toBe('decline');
    expect(chatter?.facts).toEqual([]);
    expect(next?.topic?.id).toBe('cheese');
    expect(next?.body).toMatch(/mcg/);
  });
});

describe('a message answered on its own with the facts just shown says so', () => {
  it('"and when nursing?" after a letter asking the pregnancy figure: the same facts, said to be the same', () => {
    const conversation = engine.startConversation();
    const first = conversation.ask(
      "Hi all, I'm 34 and about 22 weeks pregnant with twins. My obstetrician went through my supplements last week and mentioned that my prenatal has no vitamin K in it at all, which surprised me. I do eat some cheese and eggs but I'm not big on salads. My cousin swore by a K2 capsule in her pregnancy. Is vitamin K something I should think about now, and what amount?",
    );
    const next = conversation.ask('and when nursing?');
    expect(next.facts).toEqual(first.facts);
    expect(next.body.startsWith('The same facts answer this as your last question:')).toBe(true);
  });
});

// Blind round 14: "ok back to me - if i take it should it be with d3?" after the diabetes facts got
// the diabetes trial a third time ("The same facts answer this…"), never naming D3.
describe('a follow-up with a subject of its own that the reply in context never names', () => {
  it('"if i start it should i add d3 too?" after the heart facts answers D3 with K2', () => {
    const [, d3] = answersOf(['does k2 do anything for the heart', 'if i start it should i add d3 too?']);
    expect(d3?.topic?.id).toBe('d3-k2-cosupplementation');
    expect(d3?.body).toMatch(/\bD3\b/);
  });

  it('a bare ellipsis still asks the previous question of its subject ("and for arteries?" after doses)', () => {
    const [, , arteries] = answersOf([
      'what dose of mk7 do studies use',
      'for bones specifically?',
      'and for arteries?',
    ]);
    expect(arteries?.body).toMatch(/\bmcg\b/);
  });
});

// Blind round 14: "how does that compare to cheese" after eel got "The article doesn't say more
// about that than my last answer." and the eel figure again, though the cheese figures are there.
describe('a comparison with a food the conversation has not named', () => {
  it.each(['is chicken a decent source of k2', 'are egg yolks a good k2 food'])(
    '"how does that compare to cheese" after %j gives the cheese figures',
    (first) => {
      const [, cheese] = answersOf([first, 'how does that compare to cheese']);
      expect(cheese?.topic?.id).toBe('cheese');
      expect(cheese?.body).toMatch(/\d+ mcg/);
      expect(cheese?.body).not.toMatch(/doesn't say more/);
    },
  );
});

// The README's terminal walk-through: "how much is in it?" after "whats the best food for k2?" gave the
// supplement doses; "it" is the food the answer named (natto), which the question did not.
describe('a pronoun after an answer that named a food points at that food', () => {
  it('"how much is in it?" after "whats the best food for k2?" gives natto\'s amount', () => {
    const [first, amount] = answersOf(['whats the best food for k2?', 'how much is in it?']);
    expect(first?.topic?.id).toBe('natto');
    expect(amount?.topic?.id).toBe('natto');
    expect(amount?.body).toMatch(/150 mcg per tablespoon/);
  });
});

describe('a count or container of "it" in a follow-up is what the previous question named last', () => {
  it('a whole jar of the food asked about is no overdose', () => {
    expect(
      topicsOf(['my dad takes warfarin, can he eat sauerkraut?', 'he finished a whole jar of it last night']),
    ).not.toContain('urgent');
  });

  it.each([
    // Pills named last, or nothing but pills named: "it" may be the pills.
    ['can my son eat natto? he sometimes gets into my k2 pills', 'he had a whole pack of it'],
    ['my dad takes warfarin and k2 gummies', 'he finished a whole jar of them last night'],
  ])('after %j, %j is still urgent', (first, second) => {
    expect(topicsOf([first, second])[1]).toBe('urgent');
  });
});

describe('the MK-4 amount asked after a comparison', () => {
  it('opens with the daily total, not one of its three doses', () => {
    const conversation = engine.startConversation();
    conversation.ask('is mk4 or mk7 better for bone health?');
    conversation.ask('and mk4?');
    expect(conversation.ask('how much of that tho').body).toMatch(/^45 mg of MK-4 a day/);
  });
});

describe('a follow-up that quotes a figure, or asks for the source', () => {
  it('is answered by the fact that states that figure', () => {
    const conversation = engine.startConversation();
    conversation.ask('does k2 help with type 2 diabetes');
    expect(conversation.ask('hmm it said 10 grams?? for a vitamin?').facts[0]).toBe(
      'diabetes/ten-gram-error',
    );
  });

  it('names the published study behind the article words it quotes', () => {
    const conversation = engine.startConversation();
    conversation.ask('is k2 linked with a lower risk of type 2 diabetes?');
    expect(conversation.ask('any source for that?').body).toMatch(/Published research on this: Beulens/);
  });
});

// Found running the terminal chat: "my mum takes sintrom, can she eat natto?" after a definition was
// read as a follow-up of it ("she" pointing back) and titled by the bone studies.
describe('a pronoun for a person the message names does not point back', () => {
  it('"can he…" after "my dad…" is a question of its own', () => {
    const conversation = engine.startConversation();
    conversation.ask('what is osteocalcin');
    expect(conversation.ask('my dad is on warfarin, can he have natto?').topic?.id).toBe(
      'warfarin-interaction',
    );
  });

  it('"she" with no person named still points back', () => {
    const conversation = engine.startConversation();
    conversation.ask('is natto safe in pregnancy');
    expect(conversation.ask('and once she is breastfeeding?').topic?.id).toBe('pregnancy-breastfeeding');
  });
});

describe('a follow-up that names an adult after a pregnancy answer', () => {
  const engine = sharedEngine();

  it('"and her partner, hes 38?" gets the adult figures, not the pregnancy ones (blind round 17)', () => {
    const conv = engine.startConversation();
    conv.ask('how much vitamin k should a pregnant woman get each day');
    const partner = conv.ask('and her partner, hes 38?');
    expect(partner.topic?.id).toBe('daily-intake');
    expect(partner.facts?.[0]).toBe('daily-intake/adequate-intake-adults');
    expect(partner.body).toMatch(/120 mcg/);
  });

  it('a baby after a pregnancy answer stays with the newborn facts', () => {
    const conv = engine.startConversation();
    conv.ask('my sister is expecting, how much vitamin k does she need?');
    const baby = conv.ask('and once the baby is born, does it need vitamin k?');
    expect(baby.topic?.id).toBe('pregnancy-breastfeeding');
  });
});

describe('thanks after an answer to someone on a blood thinner', () => {
  it('is thanked, not read with the asker’s warfarin (found running the terminal chat)', () => {
    const conv = sharedEngine().startConversation();
    conv.ask('im on warfarin, can i take a k2 supplement for my hips');
    const thanks = conv.ask('haha ok thanks');
    expect(thanks.kind).toBe('decline');
    // The literal reply (knowledge/texts.json replies.thanks), not the engine's own constant.
    expect(thanks.body).toBe("You're welcome! Ask me anything else about vitamin K2 whenever you like.");
  });
});

// Blind round 44 (seen before fixing): "ok will ask the health visitor. thanks!" got the pregnancy
// answer again, and "👍" the invitation to ask something. Literal replies from knowledge/texts.json.
describe('closing a conversation', () => {
  const THANKED = "You're welcome! Ask me anything else about vitamin K2 whenever you like.";
  const ACKNOWLEDGED = 'Glad that helps. Ask me anything else about vitamin K2 whenever you like.';

  it.each([
    ['right, i will speak to the paediatrician. thank you', THANKED],
    ["alright i'll run it by my pharmacist, ty", THANKED],
    ['got it, will call the gp tomorrow', ACKNOWLEDGED],
    ['ok', ACKNOWLEDGED],
    ['👌🏻', ACKNOWLEDGED],
  ])('%j after an answer gets a short close', (closing, reply) => {
    const conv = sharedEngine().startConversation();
    conv.ask('can kids take mk7');
    const a = conv.ask(closing);
    expect(a.kind).toBe('decline');
    expect(a.body).toBe(reply);
    expect(a.facts).toEqual([]);
  });

  it('a question after the close is still answered in the conversation', () => {
    const conv = sharedEngine().startConversation();
    conv.ask('how much k2 is in natto');
    conv.ask('👍');
    expect(conv.ask('and gouda?').topic?.id).toBe('cheese');
  });
});

// A follow-up naming only who is asked about asks the whole previous question of them, whichever
// of its parts named the point (blind round 18: "and for men? my husband is 65" after a question on
// fracture trials in postmenopausal women got the adult intake figures).
describe('a follow-up that names only who is asked about', () => {
  const engine = sharedEngine();

  it.each([['and for men? my husband is 67'], ['my brother is 70, same for him?']])(
    '%j after a bone trial question in women gets the point about men',
    (follow) => {
      const conversation = engine.startConversation();
      conversation.ask('did k2 lower fractures in women after menopause');
      conversation.ask('what dose was used in those trials');
      const a = conversation.ask(follow);
      expect(a.body).toMatch(/^The article doesn't cover bone trials in men/);
    },
  );
});

// A side word of chatter (a sport) does not make a follow-up chatter when more is said (blind round 18).
describe('a follow-up with a side word of chatter', () => {
  const engine = sharedEngine();

  it('is read in context when the rest names someone or something', () => {
    const conversation = engine.startConversation();
    conversation.ask('should k2 go with a calcium pill');
    const a = conversation.ask(
      'what about for my daughter, shes 15 and plays soccer, broke her wrist twice this year',
    );
    expect(a.kind).toBe('answer');
    expect(a.body).toMatch(/children or teenagers/);
  });

  it('is still declined when the rest is only thanks', () => {
    const conversation = engine.startConversation();
    conversation.ask('k1 vs k2 for clotting which matters more');
    expect(conversation.ask('cool thx. anyway how do u make kimchi at home').kind).toBe('decline');
  });
});

// Found running the terminal chat: the blood thinner a message denies ("on clopidogrel not
// warfarin") was carried into the next question as the asker's own.
describe('a blood thinner denied earlier in the conversation', () => {
  const engine = sharedEngine();

  it('is not read with the next question as theirs', () => {
    const conversation = engine.startConversation();
    conversation.ask('my mum takes plavix, not warfarin. is k2 ok for her?');
    const a = conversation.ask('how much k2 is in gouda');
    expect(a.body).not.toMatch(/No dose is known to be safe with warfarin-type drugs/);
    expect(a.personalNotice).toBe(ANTIPLATELET_NOTICE);
  });
});

// Blind round 19: "how much i take per day" after how a chickpea MK-7 is made got "the same facts
// answer this" and the fermentation fact. An amount asked after a reply with no figure, which the
// previous subject cannot answer either, is asked of K2 itself.
describe('an amount asked after a reply that has no figure', () => {
  const engine = sharedEngine();

  it('is answered with a figure', () => {
    const conversation = engine.startConversation();
    conversation.ask(
      'Hello, I am vegetarian from Brazil, I eat cheese, yogurt and milk daily but no meat. My doctor said my bones are a little thin at age 50. Natto is impossible to buy here. I saw a brand online selling MK-7 made with chickpea fermentation. My question: yogurt and cheese, they have K2 or not?',
    );
    conversation.ask('and the chickpea one is good same like natto one?');
    const a = conversation.ask('how much i take per day');
    expect(a.body).not.toMatch(/same facts/);
    expect(a.body).toMatch(/\d+ mcg/);
  });

  it('still says it is the same when the fact shown before gives the figure', () => {
    const conversation = engine.startConversation();
    conversation.ask('how much k2 is in a tablespoon of natto');
    expect(conversation.ask('how much is in it?').body).toMatch(/150 mcg/);
  });
});

// Blind round 19: "I'm 31 weeks pregnant… Is K2 recommended in pregnancy?", then "what about the high
// dose mk4 like the japanese use?" lost the pregnancy, and the OB or midwife notice with it.
describe("the asker's pregnancy told in the previous question", () => {
  const engine = sharedEngine();

  it('is still theirs when the next question names no one else', () => {
    const conversation = engine.startConversation();
    conversation.ask("I'm 20 weeks pregnant and my midwife never mentioned K2. should I be taking it?");
    const a = conversation.ask('and the big 45 mg mk4 dose they use in japan?');
    expect(a.personalNotice).toBe(PREGNANCY_NOTICE);
  });

  it('is not carried to someone else', () => {
    const conversation = engine.startConversation();
    conversation.ask("I'm 20 weeks pregnant and my midwife never mentioned K2. should I be taking it?");
    expect(conversation.ask('and for my husband, hes 40?').personalNotice).not.toBe(PREGNANCY_NOTICE);
  });
});

// Blind round 19: "tl;dr?" after two bone answers repeated the first one without saying so.
describe('a request for the short version', () => {
  const engine = sharedEngine();

  it.each(['tldr?', 'short version pls', 'can you sum it up'])(
    '%j gets the summary of the topic just discussed',
    (q) => {
      const conversation = engine.startConversation();
      conversation.ask('is mk7 better than mk4');
      const a = conversation.ask(q);
      expect(a.topic?.id).toBe('mk7-vs-mk4');
      // The topic's summary, written by hand in knowledge/, not the facts of the answer before.
      expect(a.body).toMatch(/^MK-7 stays in the blood much longer than MK-4: its half-life is about 3 days/);
      expect(a.safety.disclaimer).toBe(DISCLAIMER);
      expect(a.safety.warning).toBe(ANTICOAGULANT_WARNING);
    },
  );

  it('a translation with chatter of its own is not a request for plain words', () => {
    const conversation = engine.startConversation();
    conversation.ask('how does k2 differ from k1');
    expect(conversation.ask('in english pls, and who won the cup final last night').kind).toBe('decline');
  });

  it('with a question of its own, that question is answered', () => {
    const conversation = engine.startConversation();
    conversation.ask('is mk7 better than mk4');
    expect(conversation.ask('tldr how much natto has k2').topic?.id).toBe('natto');
  });

  it('"tl;dr the whole article" asks for the article in short, not the topic just discussed', () => {
    const conversation = engine.startConversation();
    conversation.ask('is mk7 better than mk4');
    expect(conversation.ask('tl;dr on the article').facts).toEqual(['evidence-summary/article-in-short']);
  });
});

// Blind round 25: "shorter", "as a list" and "explain like I'm 5" after an answer got other facts.
describe('a request for the same answer in another form', () => {
  const engine = sharedEngine();

  it.each(['make it shorter', 'in one line pls'])(
    '%j gives the first sentence of the answer just shown',
    (q) => {
      const conversation = engine.startConversation();
      const before = conversation.ask('can k2 do anything for blood sugar in diabetes');
      const a = conversation.ask(q);
      const firstSentence = before.body.split(/(?<=[.!?])\s+(?=[A-Z0-9])/)[0];
      expect(before.body.length).toBeGreaterThan(firstSentence?.length ?? 0);
      expect(a.body).toBe(firstSentence);
      // Written by hand from the knowledge: the trial the diabetes answer leads with, one sentence.
      expect(a.body).toMatch(/^A small trial \(40 people with type 2 diabetes, 3 months\)[^.]*\.$/);
      expect(a.facts).toEqual(before.facts.slice(0, 1));
      expect(a.safety.disclaimer).toBe(DISCLAIMER);
      expect(a.safety.warning).toBe(ANTICOAGULANT_WARNING);
    },
  );

  it('"bullet points?" gives the answer just shown, one sentence per line', () => {
    const conversation = engine.startConversation();
    const before = conversation.ask('which foods are good for k2');
    const a = conversation.ask('bullet points?');
    const lines = a.body.split('\n');
    expect(lines.length).toBeGreaterThan(1);
    for (const line of lines) expect(line).toMatch(/^- \S/);
    // Written by hand from the knowledge: the ranking first, the conclusion's foods last.
    expect(lines[0]).toMatch(/^- The article says natto has the most K2/);
    expect(lines.at(-1)).toBe(
      "- The article's conclusion mentions adding K2-rich foods like egg yolks and fermented foods.",
    );
    // One line a sentence, or a part of one between semicolons, in the order said.
    expect(lines.map((line) => line.slice(2).toLowerCase()).join(' ')).toBe(
      before.body.toLowerCase().replace(/; (?:and |but )?/g, ' '),
    );
    expect(a.facts).toEqual(before.facts);
  });

  it('the form asked after a follow-up is of what that follow-up showed, not of its question again', () => {
    const conversation = engine.startConversation();
    conversation.ask('does mk-7 stay in the blood longer than mk-4');
    const why = conversation.ask('why?');
    expect(conversation.ask('shorter please').body).toBe(why.body.split(/(?<=[.!?])\s+(?=[A-Z0-9])/)[0]);
  });

  it('with a subject of its own it is a question', () => {
    const conversation = engine.startConversation();
    conversation.ask('which foods are good for k2');
    expect(conversation.ask('list the side effects of k2').topic?.id).toBe('safety-side-effects');
  });
});

// Blind round 20: "how" after "can k2 help nerve pain" repeated the claim instead of the mechanism.
describe('a follow-up asking how, in a few words', () => {
  const engine = sharedEngine();

  it.each(['how so?', 'ok but how exactly', 'how tho'])('%j gets the mechanism facts', (q) => {
    const conversation = engine.startConversation();
    conversation.ask('does k2 do anything for tingling nerves');
    const a = conversation.ask(q);
    expect(a.facts[0]).toBe('peripheral-neuropathy/gas6-myelin');
  });
});

// Blind round 20: "oh and he takes warfarin too" after a D3 + K2 answer opened with "the article
// doesn't say more about that than my last answer", and the interaction facts came last.
describe('a blood thinner told after an answer, nothing else asked', () => {
  const engine = sharedEngine();

  it('leads with the interaction facts, not with "nothing more"', () => {
    const conversation = engine.startConversation();
    conversation.ask(
      'my mother has osteoporosis, her doctor gave her calcium and she added vitamin d3 with k2 herself. is that combination alright?',
    );
    const a = conversation.ask('forgot to say she is on coumadin as well');
    expect(a.body.startsWith("The article doesn't say more")).toBe(false);
    expect(a.facts[0]?.startsWith('warfarin-interaction/')).toBe(true);
  });
});

// Blind round 20: "and ibuprofen when my back flares?" after an aspirin answer repeated the aspirin
// notice and never named ibuprofen.
describe('another medicine asked about in a follow-up', () => {
  const engine = sharedEngine();

  it('is the pharmacist question, not the previous drug again', () => {
    const conversation = engine.startConversation();
    conversation.ask('is k2 fine with the low dose aspirin i take');
    const a = conversation.ask('and naproxen when my knee acts up?');
    expect(a.kind).toBe('decline');
    expect(a.body).toMatch(/another medicine or a drug interaction/);
  });
});

// Blind round 20: "which of those is highest" after "what foods have k2 besides natto" answered natto.
describe('a food set aside in the question before stays aside', () => {
  const engine = sharedEngine();

  it('the ranking answers, not the food set aside', () => {
    const conversation = engine.startConversation();
    conversation.ask('what other foods apart from natto contain k2');
    const a = conversation.ask('which of these is the richest');
    expect(a.topic?.id).not.toBe('natto');
    expect(a.facts).toContain('food-plan/food-ranking');
  });
});

// Found running the terminal chat: after "my dad takes warfarin", "and ibuprofen when his back
// hurts?" got the warfarin facts again, read as the asker's blood thinner's question.
describe('another medicine asked about by someone on a blood thinner', () => {
  const engine = sharedEngine();

  it('is still the pharmacist question', () => {
    const conversation = engine.startConversation();
    conversation.ask('can k2 make my blood clot');
    conversation.ask('oh and my dad takes warfarin too');
    const a = conversation.ask('and naproxen when his back hurts?');
    expect(a.kind).toBe('decline');
    expect(a.body).toMatch(/another medicine or a drug interaction/);
  });

  it('a K2 question beside a medicine she takes is still read as hers', () => {
    const conversation = engine.startConversation();
    conversation.ask('my mum is on warfarin, can she have natto?');
    const a = conversation.ask('and how much k2 is in gouda, she takes metformin too');
    expect(a.kind).toBe('answer');
    expect(a.facts.some((id) => id.startsWith('warfarin-interaction/'))).toBe(true);
  });
});

// Blind round 21: "in simple words pls, all the mcg stuff confuses me" and "simpler pls, explain
// like im 10" got the same jargon again (and "like im 10" a line on children).
describe('a request for the answer in simple words', () => {
  const engine = sharedEngine();

  it.each([
    [
      'how many micrograms of vitamin k does a woman need',
      'plain english please, i got lost',
      'daily-intake',
    ],
    ['what does matrix gla protein do', 'can you dumb it down, too technical', 'bone-proteins'],
    ['what is the mk-7 half life', 'explain like im ten', 'mk7-vs-mk4'],
    // Blind round 31: "in english" alone reads as a translation request, declined as chatter.
    ['how does k2 differ from k1', 'huh?? english please', 'k1-vs-k2'],
    ['what does matrix gla protein do', 'in english pls', 'bone-proteins'],
  ])('after %j, %j gets the topic in plain words', (first, request, topicId) => {
    const conversation = engine.startConversation();
    conversation.ask(first);
    const a = conversation.ask(request);
    const plain = engine.knowledge.topics.find((topic) => topic.id === topicId)?.plain;
    expect(a.topic?.id).toBe(topicId);
    expect(plain).toBeDefined();
    expect(a.body).toBe(plain);
    expect(a.body).not.toMatch(/children/);
    expect(a.safety.disclaimer).toBe(DISCLAIMER);
    expect(a.safety.warning).toBe(ANTICOAGULANT_WARNING);
  });

  it('with a question of its own, that question is answered', () => {
    const conversation = engine.startConversation();
    conversation.ask('is mk7 better than mk4');
    expect(conversation.ask('in simple words, how much natto has k2?').topic?.id).toBe('natto');
  });
});

// Blind round 28: "for a 10 year old?" after what carboxylation means, or after why MK-7 lasts
// longer, got "the article doesn't discuss K2 for children" and the same jargon. After a question
// of what something is, how it works or how two differ, it asks for the answer in a child's words;
// after a dose, it still asks the children's figures.
describe('"for a 10 year old?" after an explanation', () => {
  const engine = sharedEngine();

  it.each([
    ['what is osteocalcin', 'now for an 8 year old', 'bone-proteins'],
    ['how is mk7 different from mk4', 'for a beginner?', 'mk7-vs-mk4'],
  ])('after %j, %j gets the topic in plain words', (first, request, topicId) => {
    const conversation = engine.startConversation();
    conversation.ask(first);
    const a = conversation.ask(request);
    expect(a.topic?.id).toBe(topicId);
    expect(a.body).toBe(engine.knowledge.topics.find((topic) => topic.id === topicId)?.plain);
    expect(a.safety.disclaimer).toBe(DISCLAIMER);
    expect(a.safety.warning).toBe(ANTICOAGULANT_WARNING);
  });

  it('after a dose question it asks the figure for a child', () => {
    const conversation = engine.startConversation();
    conversation.ask('how many mcg of vitamin k per day do people need');
    const a = conversation.ask('for a 7 year old?');
    expect(a.facts).toContain('daily-intake/children-ai');
  });
});

// Blind round 21: "oh i should mention i take warfarin, had a clot in my leg last year" after a
// bone question got "I'm not sure which part of vitamin K2 you mean".
describe('a message that adds to the question before', () => {
  const engine = sharedEngine();

  it('is read with it, and the blood thinner is in the body', () => {
    const conversation = engine.startConversation();
    conversation.ask('does d3 with k2 help bone density after menopause?');
    const a = conversation.ask('forgot to mention, im on warfarin since a clot in my leg two years ago');
    expect(a.kind).toBe('answer');
    // Told, the blood thinner is what is new: its facts lead, before any bone trial.
    expect(a.facts[0]).toMatch(/^warfarin-interaction\//);
  });

  it('a question about the blood thinner keeps its own answer first', () => {
    const conversation = engine.startConversation();
    conversation.ask('is natto the best k2 food');
    expect(conversation.ask('is that ok with warfarin?').facts[0]).not.toMatch(
      /^warfarin-interaction\/steady/,
    );
  });
});

// Blind round 21: a statement after an answer ("asking bc my uncle had a DVT like 5 yrs ago while
// he was taking k2, he's totally fine now") got the "not sure which part" menu, and "sounds scary,
// is it a disease? my lab report… nobody explained" after ucOC was declined as chatter.
describe('a statement or a plain-spoken question after an answer', () => {
  const engine = sharedEngine();

  it('a statement naming K2 and asking nothing is read with the question before', () => {
    const conversation = engine.startConversation();
    conversation.ask('does vitamin k2 make blood clot more?');
    const a = conversation.ask(
      'asking cuz my grandpa had a dvt like 10 yrs back when he was on k2, hes ok now',
    );
    expect(a.kind).toBe('answer');
    expect(a.topic?.id).toBe('clotting-function');
  });

  it('everyday words are no sign of chatter', () => {
    const conversation = engine.startConversation();
    conversation.ask('what is ucOC');
    const a = conversation.ask('sounds scary, is it an illness? nobody explained my results');
    expect(a.kind).toBe('answer');
    expect(a.topic?.id).toBe('bone-proteins');
  });

  it('chatter that names no K2 stays declined', () => {
    const conversation = engine.startConversation();
    conversation.ask('does vitamin k2 make blood clot more?');
    expect(conversation.ask('lol unrelated but is anyone watching the match tonight').kind).toBe('decline');
  });
});

// Blind rounds 20 and 21: "and kefir?" opened with the US figure for yogurt; the article's own
// words on kefir come first now (the fact no longer reads as an article claim corrected).
describe('kefir asked after another food', () => {
  it('opens with what the article says of kefir', () => {
    const conversation = sharedEngine().startConversation();
    conversation.ask('is kimchi a good k2 source');
    expect(conversation.ask('and what about kefir').body).toMatch(
      /^Full-fat yogurt and kefir carry moderate amounts/,
    );
  });
});

// Blind round 21: "im on metformin and gliclazide, any issue with k2?" after diabetes answers was
// read with them and got the warfarin dose facts; asked alone it is the pharmacist's question.
describe('a follow-up asking whether another medicine is a problem with K2', () => {
  it('is declined for a pharmacist, as it is alone', () => {
    const conversation = sharedEngine().startConversation();
    conversation.ask('can k2 help with blood sugar in type 2 diabetes?');
    const a = conversation.ask('i take sitagliptin and metformin, any problems with k2?');
    expect(a.kind).toBe('decline');
    expect(a.body).toMatch(/pharmacist/);
  });
});

// Found running the terminal chat in a fresh clone: "is µg the same as mcg?" after a warfarin
// answer opened "The article doesn't say more about that than my last answer." and, asked by
// someone on warfarin, put the definition after the interaction facts.
describe('a word asked about by someone on a blood thinner', () => {
  it('gets the definition first, as something new', () => {
    const conversation = sharedEngine().startConversation();
    conversation.ask('how does k2 keep calcium out of arteries');
    conversation.ask('oh i should mention im on warfarin');
    const a = conversation.ask('is µg the same as mcg?');
    expect(a.facts[0]).toBe('supplement-dosage/units-mcg-mg');
    expect(a.body).not.toMatch(/doesn't say more about that/);
  });

  it('asked right after telling the blood thinner, too', () => {
    const conversation = sharedEngine().startConversation();
    conversation.ask('i take warfarin');
    expect(conversation.ask('is µg the same thing as mcg').facts[0]).toBe('supplement-dosage/units-mcg-mg');
  });
});

describe('a subject of its own, with no word for K2, in a conversation about K2', () => {
  // Blind round 23: "and nerves? i have neuropathy in my hands from chemo…" after a brain answer
  // matched the nerve topic but, naming no vitamin, got the "which part" menu.
  it.each([
    [
      [
        'what does k2 do in the brain',
        'and nerves? ive had neuropathy in my hands since chemo ended last spring',
      ],
      'peripheral-neuropathy',
    ],
  ])('%j → the last turn is %s', (turns, topic) => {
    expect(topicsOf(turns).at(-1)).toBe(topic);
  });

  it.each([
    [['what does k2 do in the brain', 'unrelated but is ginkgo any good for memory'], 'decline'],
    [['is natto high in k2', 'off topic, whats a good beer with cheese'], 'decline'],
  ])('%j → the last turn is %s: it says it leaves the conversation', (turns, kind) => {
    expect(topicsOf(turns).at(-1)).toBe(kind);
  });
});

describe('a figure opening names whose figure it is', () => {
  // Blind round 23: "ok thanks, and d3?" after the daily K2 amount opened "90 mcg/day.", a figure
  // of MK-7 in a D3 trial, which read as a D3 dose.
  it('a D3 follow-up after a K2 amount does not open with an MK-7 figure', () => {
    const conversation = engine.startConversation();
    conversation.ask('how much k2 do men need a day');
    const answer = conversation.ask('and what about d3?');
    expect(answer.body).not.toMatch(/^\d/);
  });

  it('a figure said of the subject asked and another still leads', () => {
    // "reviews give 8–24 hours for K1 and MK-4": MK-4's figure too.
    expect(engine.ask('how many hours does mk4 last in the blood?').body).toMatch(/^8–24 hours\./);
  });
});

describe('an age told with "shes"', () => {
  // Blind round 23: "what about my little sister shes 9" after a bones answer got the
  // postmenopausal trial: the word lists read "shes" as the plural of "she", so no age was read.
  it('makes the follow-up about a child', () => {
    const conversation = engine.startConversation();
    conversation.ask('does k2 make bones stronger');
    const answer = conversation.ask('and my niece? shes 7');
    expect(answer.body).toMatch(/^The article doesn't (discuss|give)[^.]*children/);
  });
});

// Blind round 25: "why not?" after "k2 for kidney stones?" was declined (the article does not
// cover them) got "that's outside what I know. I only answer questions about vitamin K2".
describe('"why?" with no answer before it', () => {
  const engine = sharedEngine();

  it.each(['how come?', 'why not'])('%j after a decline says why the bot could not answer', (q) => {
    const first = engine.askInContext('can k2 help with fertility', null);
    expect(first.answer.kind).toBe('decline');
    const why = engine.askInContext(q, first.context).answer;
    expect(why.body).toMatch(/^I answer only from one article about vitamin K2/);
    expect(why.body).not.toMatch(/outside what I know/);
    expect(why.safety.disclaimer).toBe(DISCLAIMER);
  });

  it('after an answer, "why?" still asks the reason for it', () => {
    const first = engine.askInContext('does mk7 last longer than mk4', null);
    const why = engine.askInContext('why?', first.context).answer;
    expect(why.kind).toBe('answer');
  });
});

// Blind round 27: "so how often would i take mk4 then" after the MK-4 clearance answer got the
// clearance again: how often asks the dosing regimen (synonyms.json, focus.json amount).
describe('how often a form is taken', () => {
  const engine = sharedEngine();

  it('after how long MK-4 lasts, "how often" gets the split daily regimen', () => {
    const conversation = engine.startConversation();
    conversation.ask('mk4 half life?');
    const a = conversation.ask('ok and how often would someone take it');
    expect(a.facts?.[0]).toBe('mk7-vs-mk4/mk4-dose');
    expect(a.body).toMatch(/three times daily/);
  });

  it('alone, "how often" of MK-4 is its regimen, not its half-life', () => {
    expect(engine.ask('how often is mk-4 taken?').body).toMatch(/three times/);
  });
});

// Found running the terminal chat: "who first climbed k2" after "im on warfarin, can i eat
// natto?" was read with the asker's warfarin and answered with its facts. Chatter stays declined;
// read with the blood thinner only when that makes it urgent.
describe("chatter after a blood-thinner question is not read with the asker's drug", () => {
  const engine = sharedEngine();

  it.each(['whats the tallest mountain after everest, k2?', 'anyone watching the k-drama called the k2?'])(
    '%j is declined',
    (q) => {
      const conversation = engine.startConversation();
      conversation.ask('my dad takes warfarin, is natto ok for him?');
      const a = conversation.ask(q);
      expect(a.kind).toBe('decline');
      expect(a.facts ?? []).toEqual([]);
    },
  );

  it('an emergency told with a word of chatter is still read with the drug', () => {
    const conversation = engine.startConversation();
    conversation.ask('i take coumadin, is cheese ok?');
    expect(conversation.ask('had a mountain of brie and now my nose has bled for an hour').urgent).toBe(true);
  });
});

// Blind round 28: "with or without food" after "morning or night" (whose answer gave the fat fact)
// got only the absorption-speed correction: "or" read as a comparison made a K1-vs-K2 fact fit as
// well as the fat fact. The focus asked most decides; a fact for another focus fits half.
describe('with or without food, after the fat fact was shown', () => {
  const engine = sharedEngine();

  it('shows the fat fact again', () => {
    const conversation = engine.startConversation();
    conversation.ask('does it matter if i take k2 morning or evening');
    const a = conversation.ask('and is it with or without food then');
    expect(a.facts[0]).toBe('absorption-excretion/fat-helps-absorption');
  });
});

// Blind round 28: "why though" after "MK-7 stays active longer than MK-4" got the half-life, which
// restates it. With one reason found, that reason's own reason (the longer side chain) follows.
describe('"why?" after a fact whose reason restates it', () => {
  it('gives the reason of the reason too', () => {
    const conversation = sharedEngine().startConversation();
    conversation.ask('is it true mk7 stays active longer than mk4');
    const a = conversation.ask('how come?');
    expect(a.facts).toContain('menaquinone-forms/chain-and-half-life');
  });
});

// Blind rounds 25, 26 and 28 each had "is that per day?" after a figure, answered with other facts
// of the topic. It asks what the figure is per: yes or no, and the figure again.
describe('"is that per day?" after a figure', () => {
  const engine = sharedEngine();

  it('a daily figure: yes', () => {
    const conversation = engine.startConversation();
    conversation.ask('what dose of mk4 do japanese doctors use');
    const a = conversation.ask('daily?');
    expect(a.body).toMatch(/^Yes, a day: /);
    expect(a.body).toMatch(/45 mg/);
    expect(a.safety.disclaimer).toBe(DISCLAIMER);
    expect(a.safety.warning).toBe(ANTICOAGULANT_WARNING);
  });

  it('a figure per tablespoon: no, and what it is per', () => {
    const conversation = engine.startConversation();
    conversation.ask('how much k2 does natto have');
    const a = conversation.ask('ok and is that a day?');
    expect(a.body).toMatch(/^No: that figure is per tablespoon, not a day: /);
  });

  it('a question besides the basis is read as usual', () => {
    const conversation = engine.startConversation();
    conversation.ask('how much k2 does natto have');
    expect(conversation.ask('is that per day and is it safe with warfarin').body).not.toMatch(
      /^(Yes|No)[,:]/,
    );
  });
});

// Blind round 28: "ok ambulance is here. what was the k2 amount again" after stroke signs got the
// "call your local emergency number now" notice again, which graders counted as a false alarm.
// Once help is with the person the notice says to follow the paramedics first; on the way it does not.
describe('help arrived after an emergency', () => {
  const engine = sharedEngine();
  const afterEmergency = () => {
    const conversation = engine.startConversation();
    conversation.ask('my wife suddenly cant lift her left arm and her face is drooping');
    return conversation;
  };

  it('the notice says to follow the paramedics, not to call', () => {
    const a = afterEmergency().ask('paramedics are here now, does k2 matter for them to know');
    expect(a.urgent).toBe(true);
    expect(a.urgentNotice).toBe(HELP_ARRIVED_NOTICE);
    expect(a.safety.disclaimer).toBe(DISCLAIMER);
    expect(a.safety.warning).toBe(ANTICOAGULANT_WARNING);
  });

  it('on the way, the call-now notice stays', () => {
    const a = afterEmergency().ask('driving her to the hospital now, should we bring her k2 bottle');
    expect(a.urgentNotice).toBe(urgentNoticeOf('stroke'));
  });

  // Blind round 38: "ok calling now" after blood in a father's urine on warfarin got the whole
  // notice again with no word for the call.
  it('help being called keeps the call-now notice and says to keep going', () => {
    const a = afterEmergency().ask('ok, ringing 999 now');
    expect(a.urgent).toBe(true);
    expect(a.urgentNotice).toBe(urgentNoticeOf('stroke'));
    expect(a.body).toBe(HELP_ON_THE_WAY_BODY);
  });

  it('news of the help keeps the emergency for the messages after it', () => {
    const conversation = afterEmergency();
    conversation.ask('ok calling an ambulance');
    conversation.ask('ambulance is on the way');
    const a = conversation.ask('paramedics have arrived');
    expect(a.urgentNotice).toBe(HELP_ARRIVED_NOTICE);
  });
});

// Blind round 39: "is the cancer part real? and the diabetes part?" answered only the cancer half:
// a follow-up's other questions were never answered.
describe('a follow-up that asks two questions', () => {
  it('answers the second one too', () => {
    const conversation = sharedEngine().startConversation();
    conversation.ask('does k2 help bones and the heart');
    const answer = conversation.ask('is the bone part proven? and the heart part?');
    expect(answer.body).toMatch(/On your next question: /);
    expect(answer.facts.some((id) => id.startsWith('heart-health/'))).toBe(true);
  });

  // The first question is the one the reply answers with the conversation: answered again as an
  // "other part", it took the second one's place.
  it('does not answer the first one twice in place of the second', () => {
    const conversation = sharedEngine().startConversation();
    conversation.ask('tl;dr is vitamin k2 worth it or not');
    const answer = conversation.ask('is the heart part real? and the diabetes part?');
    expect(answer.facts.some((id) => id.startsWith('diabetes/'))).toBe(true);
  });
});

// Blind round 38: "wait what does isoprenyl mean, plainer words pls" after the MK-n naming got the
// same jargon back: no fact said what an isoprenyl unit is.
describe('what a word of the reply before means', () => {
  it('"isoprenyl" is said in plain words', () => {
    const conversation = sharedEngine().startConversation();
    conversation.ask('why is it called mk-7');
    const answer = conversation.ask('sorry, what is an isoprenyl unit?');
    expect(answer.facts[0]).toBe('menaquinone-forms/isoprenyl-meaning');
    expect(answer.body).toMatch(/building block/);
  });
});

// Blind round 38: "why do u say the evidence is mixed" after "tl;dr is k2 worth taking or not"
// repeated that trials are mixed: the reply's own words read as a subject of the message's own, so
// the reasons the shown facts name were never given.
describe('"why do you say …" in the words of the reply before', () => {
  it('gives the reasons the shown facts name', () => {
    const conversation = sharedEngine().startConversation();
    conversation.ask('is mk7 more effective than mk4');
    const answer = conversation.ask('why do you say it stays active longer');
    expect(answer.facts[0]).toBe('mk7-vs-mk4/mk7-half-life');
    expect(answer.facts).not.toContain('mk7-vs-mk4/key-takeaway-longer');
  });
});

// Blind round 38: "ok what foods have it then" after K2 for a picky child got "intake values are
// easily met with food", which names no food.
describe('a list of foods asked after another subject', () => {
  it('lists the foods with K2', () => {
    const conversation = sharedEngine().startConversation();
    conversation.ask('is k2 worth it for my 7 year old son');
    const answer = conversation.ask('alright, which foods have it');
    expect(answer.topic?.id).toBe('food-plan');
    expect(answer.body).toMatch(/natto/i);
  });

  it('"which foods for that?" keeps the subject before', () => {
    const conversation = sharedEngine().startConversation();
    conversation.ask('can k2 help my arteries');
    const answer = conversation.ask('what foods should i eat for that');
    expect(answer.topic?.id).not.toBe('food-plan');
  });
});

// Blind round 38: "no i meant egg yolks specifically, not the whole egg" after "how much k2 is in
// eggs" gave the egg facts again without saying the article gives no figure.
describe('a correction that names another food', () => {
  it('asks the previous question of that food', () => {
    const conversation = sharedEngine().startConversation();
    conversation.ask('how much k2 does cheddar have');
    const answer = conversation.ask('sorry i meant brie, not cheddar');
    expect(answer.coverage).toBe('partial');
    expect(answer.body).toMatch(/^The article names Brie as a K2 source but gives no figure for it/);
  });

  it('the yolk, after the whole egg', () => {
    const conversation = sharedEngine().startConversation();
    conversation.ask('how many mcg of k2 in an egg');
    const answer = conversation.ask('no i meant just the yolks');
    expect(answer.body).toMatch(/^The article doesn't give a K2 figure for (egg )?yolks/);
  });
});

// Blind round 28: "are you sure? my aunt said it literally reverses osteoporosis" after a bone
// answer got more bone facts. A claim with a subject of its own after a doubt is checked as a
// claim about the vitamin ("it"), not read into the last answer's topic.
describe('a doubt followed by a claim of its own', () => {
  it('checks the claim', () => {
    const conversation = sharedEngine().startConversation();
    conversation.ask('is k2 good for bone strength');
    const a = conversation.ask('are you sure? a friend told me it reverses osteoporosis completely');
    expect(a.body.startsWith('No trial has shown that K2 reverses osteoporosis.')).toBe(true);
  });
});

// Blind round 29: "what ratio" after a D3-and-K2 answer got the uOC/cOC marker ratio; it asks how
// much K2 goes with the D3, which the article does not say.
describe('"what proportion?" after D3 with K2', () => {
  it('says the article gives no amount of K2 per D3', () => {
    const conversation = sharedEngine().startConversation();
    conversation.ask('does vitamin d3 work better together with k2');
    const a = conversation.ask('in what proportion though?');
    expect(a.coverage).toBe('partial');
    expect(a.body).toMatch(/^The article doesn't say how much K2 to take with D3\./);
  });
});

// Blind round 29: "what if i double it" after the nerve answer got "the same facts answer this".
// Doubling or tripling a dose asks whether more is safe (synonyms.json: side effects).
describe('"what if i double it" after an answer', () => {
  it('is answered with what is known about higher intakes', () => {
    const conversation = sharedEngine().startConversation();
    conversation.ask('can vitamin k2 help my memory');
    const a = conversation.ask('and what happens if i triple it');
    expect(a.topic?.id).toBe('safety-side-effects');
    expect(a.facts).toContain('safety-side-effects/no-upper-limit');
  });
});

// Blind round 29: "link?" after "the article doesn't say whether freezing changes the K2" quoted the
// nearest lines and called a fact sheet "published research on this".
describe('"source?" after a point the article does not cover', () => {
  it('says there is no source for it before the nearest lines, and cites no study as research on it', () => {
    const conversation = sharedEngine().startConversation();
    conversation.ask('does microwaving cheese destroy its vitamin k2');
    const a = conversation.ask('source?');
    expect(a.body).toMatch(
      /^The article doesn't cover that point, so it gives no source for it; its nearest lines are these\. The article, under "/,
    );
    expect(a.body).not.toMatch(/Published research on this/);
    expect(a.coverage).toBe('partial');
  });

  it('a covered point keeps its quotes and studies', () => {
    const conversation = sharedEngine().startConversation();
    conversation.ask('how much k2 in gouda');
    expect(conversation.ask('source?').body).toMatch(/^The article, under "/);
  });
});

// Blind round 29: "im on ozempic… am i even absorbing my k2" is rightly the pharmacist's question,
// but "ok what if i take it with a spoon of olive oil" after it was declined as off-topic: the
// conversation was still about K2 and how it is absorbed.
describe('after a K2 question declined for the medicine beside it', () => {
  it('the next message is read with the K2 question', () => {
    const conversation = sharedEngine().startConversation();
    expect(conversation.ask('been on omeprazole for years, does that stop me absorbing k2').kind).toBe(
      'decline',
    );
    const a = conversation.ask('and if i have it with some coconut oil?');
    expect(a.kind).toBe('answer');
    expect(a.facts).toContain('absorption-excretion/fat-helps-absorption');
  });

  // Blind round 34: "ok what about bones then, i lift heavy" after a K2 question declined for the
  // condition it named (muscle) got "I'm not sure which part of vitamin K2 you mean".
  it.each([
    ['can k2 help me get over long covid', 'fine, and for the heart then? i run a lot'],
    ['is k2 good for my fertility', 'whatever, how about bones then'],
  ])('after a condition declined (%j), %j is asked of K2', (first, next) => {
    const conversation = sharedEngine().startConversation();
    expect(conversation.ask(first).kind).toBe('decline');
    const a = conversation.ask(next);
    expect(a.kind).toBe('answer');
    expect(a.topic?.id).toMatch(/heart|bone/);
  });
});

// Blind round 30: "what about glucosamine?" after a K2 answer about arthritis was answered with
// the K2 evidence, as if it asked about K2; a supplement only told ("i take magnesium too") stays
// the asker's situation.
describe('another supplement asked about after a K2 answer', () => {
  it('is declined as another nutrient', () => {
    const conversation = sharedEngine().startConversation();
    conversation.ask('is k2 any good for stiff joints');
    const a = conversation.ask('and how about chondroitin?');
    expect(a.kind).toBe('decline');
    expect(a.body).toMatch(/other nutrients/);
  });

  // Blind round 44 (seen before fixing): "what protein powder should he use" after a K2 answer
  // about a teenager got "the same facts answer this".
  it.each(['right, and which whey should she buy', 'what about a protein shake after training?'])(
    '%j after an evidence answer is declined as another nutrient',
    (q) => {
      const conversation = sharedEngine().startConversation();
      conversation.ask('is mk7 worth taking for a 15 year old footballer');
      const a = conversation.ask(q);
      expect(a.kind).toBe('decline');
      expect(a.body).toMatch(/other nutrients/);
    },
  );

  it('told, not asked, it keeps the K2 question', () => {
    const conversation = sharedEngine().startConversation();
    conversation.ask('does k2 help bone density');
    expect(conversation.ask('i also take zinc every morning').kind).toBe('answer');
  });
});

// Blind round 30: "my cardiologist says that's nonsense tho" after the heart dose repeated the dose.
// A doubt of the last answer asks what the evidence for it is.
describe('a doubt of the last answer', () => {
  it.each(['my gp reckons thats all rubbish', 'hmm my doctor calls it a myth'])(
    '%j after the heart answer gets the evidence, not the dose again',
    (doubt) => {
      const conversation = sharedEngine().startConversation();
      conversation.ask('is k2 good for your heart and what dose do people take');
      const a = conversation.ask(doubt);
      expect(a.facts).toContain('heart-health/observational-meta-analysis');
      expect(a.body).not.toMatch(/^The same facts answer this/);
    },
  );
});

// Found running the terminal chat as a newcomer: "my gp says thats nonsense" after a Gouda portion
// got the bone trials. A doubt of an answer whose topic holds no evidence of its own stays with it.
describe('a doubt of a food figure', () => {
  it('stays with the food', () => {
    const conversation = sharedEngine().startConversation();
    conversation.ask('how many grams of gouda would give me 90 mcg');
    expect(conversation.ask('my doctor says thats rubbish').topic?.id).toBe('cheese');
  });
});

// Blind round 30: "so should I stop?" after asking whether to stop K2 on warfarin got the stopping
// point's "the article doesn't say what happens when K2 is stopped": read alone, "stop" found the
// calcium K2 is said to stop. On warfarin it is answered: stopping a K2 source raises INR.
describe('stopping asked again on warfarin', () => {
  it('keeps the warfarin facts', () => {
    const conversation = sharedEngine().startConversation();
    conversation.ask(
      'i take warfarin plus a vitamin d3 with k2 capsule every morning, should i stop the k2?',
    );
    const a = conversation.ask('so should i stop?');
    expect(a.topic?.id).toBe('warfarin-interaction');
    expect(a.body).toMatch(/stopping a K2 source after the warfarin dose was adjusted raises INR/);
  });
});

// Blind round 31: "what about a bit of natto in his food" after a question about a dog's bones got
// natto's K2 as if for a person. A decline about an animal leaves only that: a pronoun in the next
// message stands for the animal (declined again, with the vet), anything else is a first message.
describe('after a question about an animal', () => {
  const engine = sharedEngine();

  it.each(['and a spoon of cheese in her bowl?', 'is it ok if he just licks some natto'])(
    '%j is the animal’s question too',
    (next) => {
      const conversation = engine.startConversation();
      conversation.ask('our old cat has stiff joints, can cats take k2?');
      const a = conversation.ask(next);
      expect(a.kind).toBe('decline');
      expect(a.body).toMatch(/vet/);
    },
  );

  it('a question of the asker’s own is answered as a first message', () => {
    const conversation = engine.startConversation();
    conversation.ask('our old cat has stiff joints, can cats take k2?');
    const a = conversation.ask('ok and how much k2 should my husband take');
    expect(a.kind).toBe('answer');
  });

  // Blind round 31 pairs: "ok nvm. for me then, 30F, how much a day?" was then declined as outside
  // what the bot knows, for its unknown words: what it asks is asked of K2.
  it('a point asked with no subject is asked of K2, not declined', () => {
    const conversation = engine.startConversation();
    conversation.ask('our old cat has stiff joints, can cats take k2?');
    const a = conversation.ask('ok forget it. for me then, 41M, how much per day?');
    expect(a.kind).toBe('answer');
    expect(a.topic?.id).toBe('daily-intake');
  });
});

// Blind round 34: "and storage, fridge or no?" after the expiry answer got where MK-7 comes from.
describe('storage asked as a follow-up', () => {
  it('says the article does not cover it', () => {
    const conversation = sharedEngine().startConversation();
    conversation.ask('my mk7 bottle says best before last march, still ok?');
    const a = conversation.ask('ok and how should i store it, fridge or not?');
    expect(a.coverage).toBe('partial');
    expect(a.body).toMatch(/^The article doesn't say how to store K2 supplements/);
  });
});

// Blind round 36: "why do the numbers keep changing?" after two dose answers got the older adults'
// dose; the article gives different figures because they measure different things and because it
// contradicts itself.
describe('why the figures differ', () => {
  it('after a dose answer, says why the article gives so many', () => {
    const conversation = sharedEngine().startConversation();
    conversation.ask('what dose of mk7 do people take');
    const a = conversation.ask('ugh why are there so many different numbers');
    expect(a.facts[0]).toBe('supplement-dosage/figures-differ');
    expect(a.body).toMatch(/contradicts itself/);
  });

  it('asked alone, the same', () => {
    expect(sharedEngine().ask('why is the article inconsistent about the k2 dose').facts[0]).toBe(
      'supplement-dosage/figures-differ',
    );
  });
});

// Blind round 36: "explain like im 12" was no request for plain words (the list had 5 and 10).
describe('plain words asked for a child of any age', () => {
  it.each(['explain it like im 12 pls', 'like im 7?'])(
    '%j after an answer gets its plain-words text',
    (q) => {
      const conversation = sharedEngine().startConversation();
      const first = conversation.ask('what is vitamin k2');
      const plain = conversation.ask(q);
      expect(plain.topic?.id).toBe(first.topic?.id);
      expect(plain.facts).toEqual([]);
      expect(plain.body).not.toBe(first.body);
    },
  );
});

// Blind round 37: "plainer words pls" got the same facts again, and "ok forget that one, k1 vs k2
// which one matters for clotting" stayed on K3 ("that one" pointed back).
describe('plainer words, and forgetting the last subject', () => {
  it.each(['in plainer words?', 'less jargon please'])(
    '%j after an answer gets its plain-words text',
    (q) => {
      const conversation = sharedEngine().startConversation();
      const first = conversation.ask('how does k2 work in the arteries');
      const plain = conversation.ask(q);
      expect(plain.facts).toEqual([]);
      expect(plain.body).not.toBe(first.body);
    },
  );

  it('"scratch that" starts a new subject', () => {
    const conversation = sharedEngine().startConversation();
    conversation.ask('what is menadione');
    const next = conversation.ask('scratch that, does k2 help memory');
    expect(next.topic?.id).toBe('brain-alzheimers');
  });
});

// Blind round 37: "and he's on xarelto, does that change things?" after an older adult's dose got
// why the article's figures differ ("change" read as its keyword), then warfarin's INR doses.
describe('a DOAC named after a dose answer', () => {
  it('leads with what the article says of blood thinners that do not work through vitamin K', () => {
    const conversation = sharedEngine().startConversation();
    conversation.ask('my dad is 81, which dose of mk7 does the article suggest for older peoples bones?');
    const a = conversation.ask('he takes rivaroxaban btw, does that change things?');
    expect(a.facts[0]).toBe('warfarin-interaction/doacs-differ');
    expect(a.facts).not.toContain('supplement-dosage/anticoagulant-low-dose');
    expect(a.facts).not.toContain('supplement-dosage/figures-differ');
  });
});

// Blind round 37: "wait what does 'steady intake' mean" after a warfarin answer got the same facts
// again: the article has no definition of it, and "wait" hid the question word.
describe('what a steady intake means', () => {
  it.each(['hmm what does steady intake mean', 'wait what is a steady vitamin k intake'])(
    '%j after a warfarin answer gets what it means',
    (q) => {
      const conversation = sharedEngine().startConversation();
      conversation.ask('im on warfarin, is a bit of cheese ok?');
      expect(conversation.ask(q).facts[0]).toBe('warfarin-interaction/steady-intake-meaning');
    },
  );
});

// Blind round 44 (seen before fixing): "with or without food then?" after a time-of-day answer got
// what K2 is ("a fat-soluble vitamin"): the question before carried its "whats" into the reading
// looked for elsewhere, and the fat fact just shown was passed over for a new, weaker one.
describe('how K2 is taken, asked after a time-of-day answer', () => {
  it.each([
    ["what's a good time of day for my mk7", 'with a meal or not?'],
    ['whats the ideal time to take mk7', 'with a meal or not?'],
    ['whats the ideal time to take mk7', 'should that be alongside food?'],
  ])('%j then %j says fat helps absorption', (first, next) => {
    const conversation = sharedEngine().startConversation();
    conversation.ask(first);
    expect(conversation.ask(next).facts[0]).toBe('absorption-excretion/fat-helps-absorption');
  });
});

// Blind round 44 (seen before fixing): "does it just get peed out" was not read as excretion.
describe('how K2 leaves the body, in plain words', () => {
  it.each(['does k2 just get peed out', 'when you take mk7 does the extra get peed out'])(
    '%j gets the excretion fact',
    (q) => {
      expect(sharedEngine().ask(q).facts).toContain('absorption-excretion/excretion');
    },
  );

  it('"food or no food?" asks how K2 is taken', () => {
    expect(sharedEngine().ask('k2 pills, food or no food?').facts[0]).toBe(
      'absorption-excretion/fat-helps-absorption',
    );
  });
});

// Found while writing cases for the above: "what hour of the day is best for vitamin k2" got the
// 4-hour absorption peak of K1 and K2: an hour of the day asks the time of day.
describe('an hour of the day asked', () => {
  it('says the article gives no time of day', () => {
    const a = sharedEngine().ask('which hour of the day suits k2 best');
    expect(a.coverage).toBe('partial');
    expect(a.body.startsWith("The article doesn't say whether morning or evening is better.")).toBe(true);
  });
});

// Blind round 44 (seen before fixing): "no i meant for bones not heart" after the heart dose got the
// heart facts again: a correction naming another subject asks the question before of that subject.
describe('a correction to another subject', () => {
  it.each([
    ['how much k2 is suggested for artery health', 'no sorry, i meant for my bones, not arteries'],
    ['which mk7 amount is used for the heart', 'i meant bones'],
  ])('%j then %j gets a bone figure', (first, correction) => {
    const conversation = sharedEngine().startConversation();
    conversation.ask(first);
    const a = conversation.ask(correction);
    expect(
      a.facts.some((f) =>
        [
          'bone-health/postmenopausal-90mcg-trial',
          'supplement-dosage/older-adults',
          'bone-human-studies/postmenopausal-benefit',
        ].includes(f),
      ),
    ).toBe(true);
  });

  // Found re-running blind round 44 on the fix: "does that mean theres soy in it?" read as a
  // correction ("mean") and got the K3 toxicity facts.
  it('"does that mean…" asks what something means; it corrects nothing', () => {
    const conversation = sharedEngine().startConversation();
    conversation.ask('where does the mk7 in capsules come from');
    expect(conversation.ask('does that mean it has soy in it? allergic here').topic?.id).not.toBe(
      'safety-side-effects',
    );
  });

  it('a form meant is still put in the question before', () => {
    const conversation = sharedEngine().startConversation();
    conversation.ask('what daily mcg of mk-7 do people take');
    expect(conversation.ask('no, i meant mk4').facts.some((f) => f.includes('mk4'))).toBe(true);
  });
});

// Blind round 44 (seen before fixing): "the 2nd thing u said, how much in that" after a list of
// foods got the article's 10-45 mcg claim: an ordinal points at the food named in that place.
describe('a food pointed at by its place in the last answer', () => {
  it.each([
    ['second thing you listed - how much k2 does it have?', 'cheese'],
    ['and the 3rd one, how much?', 'meat-liver-chicken'],
  ])('%j after a list of foods is about that food', (pointer, topic) => {
    const conversation = sharedEngine().startConversation();
    conversation.ask("i can't stand natto, where else can i get k2");
    expect(conversation.ask(pointer).topic?.id).toBe(topic);
  });

  it('a place the last answer has no food for is no pointer', () => {
    const conversation = sharedEngine().startConversation();
    conversation.ask('how much k2 is in natto');
    expect(conversation.ask('the fifth one?').topic?.id).not.toBe('cheese');
  });
});

// Found before blind round 45: "how do we know that" read "how do" as a mechanism and showed the
// artery protein again; "is that proven?" after a cheese figure showed the heart's evidence summary.
describe('how something is known, asked after an answer', () => {
  it('"how do they know that?" after a claim about arteries opens with what a trial found', () => {
    const conversation = sharedEngine().startConversation();
    conversation.ask('does k2 keep calcium out of blood vessels');
    const a = conversation.ask('how do they know that?');
    expect(a.facts[0]).not.toBe('vascular-calcification/mgp-activation');
    expect(a.body.split('. ')[0]).toMatch(/\btrials?\b/);
  });

  it.each(['how do they know that?', 'is that proven'])(
    '%j after a cheese figure quotes the article line the figure comes from',
    (q) => {
      const conversation = sharedEngine().startConversation();
      conversation.ask("what's the k2 content of jarlsberg");
      const a = conversation.ask(q);
      // The article's own words (../shared/article.txt, "Foods High in Vitamin K2").
      expect(a.body).toContain('They offer 50 to 90 micrograms per 100 grams.');
    },
  );
});

// Found before blind round 45: 60 facts had no reason named (`because`), and "why?" after them fell
// back to a loose search ("why that much?" after Japan's osteoporosis dose got the prevention claim);
// "so high", "so much" (phrases.json `followUpDegreeWords`) were read as subjects of their own.
describe('"why?" after facts that now name their reason', () => {
  it.each([
    ['how much mk4 does the article suggest for osteoporosis', 'why so high?', 'mk7-vs-mk4/mk4-clearance'],
    ['how much k2 does one egg yolk give', 'how come?', 'meat-liver-chicken/animal-feed'],
    ['is butter from grass fed cows higher in k2', 'how come?', 'meat-liver-chicken/animal-feed'],
  ])('%j then %j gives %s', (first, next, reason) => {
    const conversation = sharedEngine().startConversation();
    conversation.ask(first);
    expect(conversation.ask(next).facts[0]).toBe(reason);
  });
});

// Found before blind round 45: "so yes or no?" two messages after a yes/no question was read with
// the message just before it, and its answer opened with no yes, no or verdict.
describe('"yes or no?" after a yes/no question', () => {
  it('answers the yes/no question asked two messages before, its verdict first', () => {
    const conversation = sharedEngine().startConversation();
    conversation.ask('is mk-7 superior to mk-4?');
    conversation.ask('how can they tell?');
    const a = conversation.ask('yes or no then?');
    expect(a.body.startsWith('No trial has shown that MK-7 is better than MK-4.')).toBe(true);
  });

  it('says plainly when the answer is not a yes or a no', () => {
    const conversation = sharedEngine().startConversation();
    conversation.ask('will k2 keep calcium out of my arteries');
    const a = conversation.ask('ok but yes or no');
    expect(a.body.startsWith('Not a plain yes or no:')).toBe(true);
    expect(a.body).toContain('trials have not shown');
  });

  it('a message that names a subject of its own is its own question', () => {
    const conversation = sharedEngine().startConversation();
    conversation.ask('is mk-7 superior to mk-4?');
    const a = conversation.ask('so no natto for me then?');
    expect(a.body.startsWith('No trial has shown that MK-7')).toBe(false);
  });
});

// Found while writing cases for the above: "where did they get that from" asked where K2 is got
// from (the other natural form), not for the source of the answer before.
it('"where did you get that" after a claim asks for its source', () => {
  const conversation = sharedEngine().startConversation();
  conversation.ask('can k2 undo calcified arteries');
  const a = conversation.ask('where did you get that?');
  expect(a.body.startsWith('The article, under "')).toBe(true);
});

// Found before blind round 45: an older person asked about after the daily intake got the adults'
// intake again; the article's figure for older adults is in another topic (focus.json situationFacts).
describe('an older person after the daily intake', () => {
  it('adds what the article says for older adults', () => {
    const conversation = sharedEngine().startConversation();
    conversation.ask("what's the daily k2 requirement");
    expect(conversation.ask('my nan is 85, same for her?').facts).toContain('supplement-dosage/older-adults');
  });

  // Blind round 46 (seen before fixing): "what about for my mum, she's 75?" after the daily intake
  // led "Above 100 mcg.", the article's bone-density figure for older adults, read as her intake; the
  // intake values apply at any adult age and come first.
  it('does not lead with the older adults’ bone-density figure as the intake', () => {
    const conversation = sharedEngine().startConversation();
    conversation.ask('how much k2 should a man get per day');
    const a = conversation.ask("and my father? he's 78");
    expect(a.facts).toContain('supplement-dosage/older-adults');
    expect(a.body).not.toMatch(/^Above 100 mcg/);
  });

  // Found running the terminal chat after round 45's fixes: "what about my nan, she is 85?" opened "The
  // article doesn't say more about that than my last answer." before the older adults' figure it then gave.
  it('says nothing of having nothing more to say', () => {
    const conversation = sharedEngine().startConversation();
    conversation.ask('how much k2 does a person need every day');
    const a = conversation.ask('what about my gran, she is 88?');
    expect(a.facts).toContain('supplement-dosage/older-adults');
    expect(a.body).not.toMatch(/doesn't say more/);
  });

  it('a single question naming an older age shows it too', () => {
    expect(sharedEngine().ask('k2 daily amount for a 75 year old').facts).toContain(
      'supplement-dosage/older-adults',
    );
  });
});
