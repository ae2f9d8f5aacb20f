import { describe, expect, it } from 'vitest';
import { sharedEngine } from '../sharedEngine.ts';

const engine = sharedEngine();
const topicOf = (q: string) => {
  const a = engine.ask(q);
  return a.kind === 'answer' ? a.topic?.id : a.kind;
};

describe('routing by meaning', () => {
  it.each([
    ['how do they make mk7', 'mk7-production'],
    ['solid state vs liquid state fermentation', 'mk7-production'],
    ['how is it produced, the natto-derived kind', 'mk7-production'],
    ['are there other kinds of k2 besides mk4 and mk7', 'menaquinone-forms'],
    ['any other types of k2 apart from mk-7', 'menaquinone-forms'],
    ['is k2 just regular vitamin k or a different thing', 'k2-overview'],
    ['vitamin k = koagulation? is that where the K comes from', 'clotting-function'],
    ['the article says bone results are mixed, which studies?', 'bone-human-studies'],
    ['k2 pros vs cons', 'evidence-summary'],
    ['what are the downsides and upsides of k2', 'evidence-summary'],
    ['any downsides to taking mk7 every day', 'safety-side-effects'],
    ['drawbacks of k2 supplements?', 'safety-side-effects'],
    ['stroke risk and k2, any studies', 'heart-health'],
    ['mk7 or nah', 'mk7-vs-mk4'],
    ['mk4 or mk7 for bones?', 'mk7-vs-mk4'],
  ])('%j → %s', (q, topic) => {
    expect(topicOf(q)).toBe(topic);
  });

  it.each([
    'blood test for vitamin k levels, which one do doctors use',
    'who first climbed k2',
    'k2 expedition season',
  ])('%j declines', (q) => {
    expect(topicOf(q)).toBe('decline');
  });
});

describe('pasted article quotes', () => {
  it('a quote pasted into a question routes to a topic whose facts carry it', () => {
    const carriers = new Map<string, Set<string>>();
    for (const t of engine.knowledge.topics) {
      for (const f of t.facts) carriers.set(f.quote, new Set([...(carriers.get(f.quote) ?? []), t.id]));
    }
    let right = 0;
    let total = 0;
    for (const [quote, ids] of carriers) {
      if (quote.split(' ').length < 6) continue;
      total++;
      const a = engine.ask(`the article says "${quote}" is that accurate?`);
      expect(a.kind).toBe('answer');
      if (a.topic && ids.has(a.topic.id)) right++;
    }
    // A few quotes sit in an overview topic while a more specific topic answers them better.
    expect(right / total).toBeGreaterThanOrEqual(0.95);
  });

  it.each([
    [
      '"cook with butter, especially grass-fed types, to boost your intake naturally" really?',
      'butter-dairy',
    ],
    ['The n refers to how many isoprenyl units are in the side chain, translate please', 'menaquinone-forms'],
  ])('%j → %s', (q, id) => {
    expect(topicOf(q)).toBe(id);
  });
});

// Whether K2 is safe and how it is taken are the vitamin's own points: a dose or a habit told
// around them chose the dose or food topic, which never says it.
describe("a point of the vitamin's own is answered by the facts that say it", () => {
  it.each([
    ['been on 180mcg of mk7 for six weeks now, any side effects to watch for?', 'safety-side-effects/'],
    [
      'i have my pills at 7 with tea and only eat at noon. does it matter if k2 goes in on an empty stomach?',
      'absorption-excretion/fat-helps-absorption',
    ],
  ])('%j leads with %s', (q, fact) => {
    expect(engine.ask(q).facts[0]).toContain(fact);
  });

  it('"which foods give me k2" still asks for foods, though "give me" also asks what K2 causes', () => {
    expect(engine.ask('which foods give me the most k2').facts[0]).not.toMatch(/^safety-side-effects\//);
  });
});

describe('an overdose asked about anyone is a question of how much is too much', () => {
  it('a character in a novel who swallowed a dozen softgels gets the safety facts, not the emergency notice', () => {
    const a = engine.ask(
      'hypothetically, what would happen to a character in my novel who swallowed 12 k2 softgels at once?',
    );
    expect(a.urgent).toBe(false);
    expect(a.facts.some((id) => id.startsWith('safety-side-effects/'))).toBe(true);
  });
});

// Blind round 10: a letter about MK-7 and an upset stomach got the vitamin K3 fact, because the
// side-effect fact names the Japanese MK-4 drug and MK-4 counted as MK-7's rival.
describe('the side effects of K2 supplements are not MK-4 only', () => {
  it('an MK-7 user asking about an upset stomach gets the stomach-upset fact first', () => {
    const a = engine.ask(
      '57 here, began an mk-7 softgel last week for my hips and my stomach has been a bit unsettled after lunch, could also be nerves about my sons exams. is a mildly upset stomach a recognised thing with vitamin k pills?',
    );
    expect(a.facts[0]).toBe('safety-side-effects/side-effects');
  });
});

// Blind round 10: "how much k2 should i aim for just from food, no pills" got the personal-dose
// notice and the supplement doses: the supplements it sets aside were read as what it asks about.
describe('supplements set aside by a food question', () => {
  it('"… a good daily goal from my diet, no capsules" is not answered with supplement doses', () => {
    const a = engine.ask('how much k2 is a good daily goal from my diet, no capsules');
    expect(a.topic?.id).not.toBe('supplement-dosage');
    expect(a.facts.some((id) => id.startsWith('supplement-dosage/'))).toBe(false);
  });
});

// Review of blind round 12: "read somewhere mk4 needs like 15000 mcg a day split into doses. legit?"
// was read for "legit?" alone, and the reply never named the real regimen.
describe('a verdict of a word or two asks about the sentence before it', () => {
  it.each([
    'a guy on a forum said mk4 is dosed at 15000 mcg daily in split doses. true?',
    'someone wrote that mk4 needs 15000 mcg a day split up. legit?',
  ])('%j leads with the corrected MK-4 regimen', (q) => {
    const a = engine.ask(q);
    expect(a.facts[0]).toMatch(/^(mk7-vs-mk4\/mk4-dose|mk4-high-dose-japan\/split-dose)$/);
    expect(a.body).toMatch(/45 mg of MK-4 a day|45,000 mcg\)? (of MK-4 )?a day/);
  });
});

// Blind round 16: a question half in French ("c'est bon pour les os ou pas?") got "not sure which
// part", its "c'est" corrected to "chest"; "going back to the k2 part, which form…" was declined,
// "part" corrected to "past" and "back" read as a subject.
describe('words that are no subject: other languages’ function words, a return to an earlier point', () => {
  it.each([
    ["vitamine k2 c'est bon pour les os ou pas? mon doc a juste dit oui oui lol", 'bone-health'],
    ['returning to k2, which form is in most supplements', 'supplement-dosage'],
    ['going back to the natto part, how much k2 does it have', 'natto'],
    // A plate is no pâté, nor a game "gave" (blind round 25: a snack plate got goose-liver pâté).
    ['piled sauerkraut on my plate at the game, does it have k2', 'fermented-veg'],
    // "Same like" and "vitamin k regular" as non-native writers put them (blind round 25).
    ['my english is not good, k2 is same like vitamin k regular or different?', 'k1-vs-k2'],
    // To live on a food is no liver (blind round 26: vending-machine food got chicken liver).
    ['students basically live on instant noodles, which everyday foods give k2', 'food-plan'],
    // "wats" is "whats" (blind round 26: "wats the 7 in mk-7 stand for" got the half-life).
    ['wut does the 7 in mk-7 stand for', 'menaquinone-forms'],
  ])('%s → %s', (q, topic) => {
    const a = engine.ask(q);
    expect(a.kind).toBe('answer');
    expect([a.topic?.id, ...(a.facts ?? []).map((id) => id.split('/')[0])]).toContain(topic);
  });
});

// Blind round 16: "any side effects from k2?? been on it 4 days and my stomach feels kinda off" got
// only "K2 rarely causes side effects": the story's stomach was not read.
describe("a story beside the question chooses among the chosen topic's facts", () => {
  it('the symptom told picks the fact that names it', () => {
    const a = engine.ask('what side effects does k2 have? started it monday and ive felt nauseous since');
    expect(a.facts).toContain('safety-side-effects/side-effects');
  });

  it('but never brings another topic: the side effects asked stay the answer beside a dose told', () => {
    const a = engine.ask('a month into mk-7 at 200 a day, what side effects should i watch for?');
    expect(a.topic?.id).toBe('safety-side-effects');
  });
});

// "is k2 safe?" was answered but "is mk7 safe?" got the "which part" menu: the safety topic does not
// say "mk7", so the form's name counted as a part of the question left unmatched. The vitamin's own
// names (focus.json vitaminNames) are what is asked about, like "k2".
describe('a form of K2 named with a generic question', () => {
  it.each([
    ['is mk7 safe?', 'safety-side-effects'],
    ['is it safe to take mk-7 every day', 'safety-side-effects'],
  ])('%j is answered from %s', (q, topic) => {
    expect(topicOf(q)).toBe(topic);
  });
});

// Blind rounds 23 and 24: "why?" after "mk7 lasts longer than mk4 right?" restated the half-life.
// MK-7's half-life facts name their reason (`because`): the longer side chain.
describe('why MK-7 stays longer', () => {
  it('"why?" after the half-life gives the side chain', () => {
    const conversation = engine.startConversation();
    conversation.ask('does mk-7 stay in the blood for days?');
    const why = conversation.ask('why?');
    expect(why.facts[0]).toBe('menaquinone-forms/chain-and-half-life');
    expect(why.body).toMatch(/side chain/);
  });
});

// Blind round 24: a podcast's "half the risk of dying from heart disease… what study says that?" got
// the 2019 meta-analysis, which found no link with deaths. The figure is the Rotterdam study's
// (its fact's keywords: "half the risk", "dying", "which study").
describe('the study behind "half the risk of dying"', () => {
  it('is the Rotterdam study', () => {
    const a = engine.ask(
      'someone online said the biggest k2 eaters had half the risk of dying of heart disease. which study is that from?',
    );
    expect(a.facts[0]).toBe('heart-health/rotterdam-study');
  });
});

// Blind rounds 26 and 27: "k2 good for brain?" and "would k2 help his memory" got one fact (the
// speculative inflammation line, or the observational link) and never what the article claims
// for thinking and that no trial has shown it.
describe('whether K2 is good for the brain', () => {
  it.each([
    'is vitamin k2 any good for your brain',
    'my mum keeps forgetting things, is k2 worth a try for that',
  ])('%j: the article’s claim for thinking, and that no trial has shown it', (q) => {
    const a = engine.ask(q);
    expect(a.facts).toContain('brain-alzheimers/alzheimers-claim');
    expect(a.body).toMatch(/no clinical trial has shown/);
  });
});

// Blind round 30: Australian and British chat words. "mate" was read as a typo of "made" (how
// MK-7 is made), "bloke" as "broke"; "big pharma push" was declined as off-topic.
describe('chat words of British and Australian English', () => {
  it.each([
    ['oi mate, is k2 legit or just hype', 'evidence-summary'],
    ['reckon k2 is a cash grab, mate?', 'evidence-summary'],
    ['how much vitamin k does a bloke need a day', 'daily-intake'],
  ])('%j is answered from %s', (q, topic) => {
    expect(topicOf(q)).toBe(topic);
  });

  it('a doubt about marketing after an answer asks what the evidence shows', () => {
    const conversation = engine.startConversation();
    conversation.ask('is k2 worth taking at all');
    expect(conversation.ask('sounds like a pharma push to me tbh').topic?.id).toBe('evidence-summary');
  });

  it('a bloke and his missus get the Adequate Intakes for men and women', () => {
    const a = engine.ask('does a bloke need more k2 than his missus');
    expect(a.body).toMatch(/120 mcg/);
    expect(a.body).toMatch(/90 mcg/);
  });
});

// Blind round 30: "does it help with inflammation at all" got "which part of vitamin K2 do you
// mean", though the article says K2 fights inflammation (a claim the reply marks as speculative).
describe('K2 and inflammation', () => {
  it.each(['is vitamin k2 an anti inflammatory', 'can vitamin k2 calm inflammation down'])(
    '%j gets the claim, marked',
    (q) => {
      const a = engine.ask(q);
      expect(a.facts).toContain('brain-alzheimers/inflammation-claim');
      expect(a.body).toMatch(/speculative/);
    },
  );
});

// Blind round 30: curd (Indian yogurt) was no food the bot knew, and "natokinase" was read as natto.
describe('food and supplement names as people spell them', () => {
  it('dahi and curd are dairy', () => {
    expect(engine.ask('any k2 in dahi?').facts[0]).toBe('butter-dairy/yogurt-kefir');
  });

  it('natokinase is nattokinase, which the article does not mention', () => {
    expect(engine.ask('is natokinase a form of vitamin k2').body).toMatch(
      /^The article doesn't mention nattokinase/,
    );
  });
});

// Found reading blind round 30's conversations: "is mk4 the same as k2?" got how fast MK-4 clears.
// The fact that defines MK-4 names K2 ("the common forms of vitamin K2"), so it answers.
describe('whether a form is the same as the vitamin it is a form of', () => {
  it.each([
    ['is menatetrenone the same thing as vitamin k2', 'menaquinone-forms/mk4-and-mk7'],
    ['is mk7 the same as k2 or something else', 'menaquinone-forms/mk4-and-mk7'],
  ])('%j is answered by what the form is', (q, fact) => {
    expect(engine.ask(q).facts[0]).toBe(fact);
  });

  it('two forms the knowledge defines apart are still compared', () => {
    expect(topicOf('is k1 the same as k2')).toBe('k1-vs-k2');
  });
});

// Blind round 31: "give me 3 reasons to take k2, need to convince my husband" got "which part of
// vitamin K2 do you mean": reasons to take it ask whether it is worth taking, and convincing someone
// is how it is asked, not what about.
describe('reasons to take K2', () => {
  it.each([
    'list a couple of reasons to take k2 pls',
    'trying to persuade my dad, any reasons for taking k2?',
  ])('%j gets what the evidence shows', (q) => {
    expect(topicOf(q)).toBe('evidence-summary');
  });
});

// Blind round 31: "just took my first ever k2 capsule, anything i should know" got "which part of
// vitamin K2 do you mean". Asked what to know before or on starting it: the side effects and safety
// (or the doses, when starting is asked), and that it is absorbed with dietary fat.
describe('what to know on starting K2', () => {
  it.each(['starting mk7 tomorrow, what do i need to know?', 'first time on k2 supplements, any advice'])(
    '%j gets its safety or doses, and that fat helps absorb it',
    (q) => {
      const a = engine.ask(q);
      expect(a.kind).toBe('answer');
      expect(a.facts.some((id) => /^(safety-side-effects|supplement-dosage)\//.test(id))).toBe(true);
      expect(a.facts).toContain('absorption-excretion/fat-helps-absorption');
    },
  );
});

// Blind round 31: "and osteocalcin?" after what matrix Gla protein does got the ucOC marker and the
// diabetes section's error, never what osteocalcin does. The fact that defines it says so.
describe('what osteocalcin does', () => {
  it('is said after "what does MGP do": it binds calcium into the bone matrix', () => {
    const conversation = engine.startConversation();
    conversation.ask('what is the job of matrix gla protein');
    const a = conversation.ask('ok and osteocalcin?');
    expect(a.facts).toContain('bone-proteins/osteocalcin-carboxylation');
    expect(a.body).toMatch(/binds calcium into the bone matrix/);
  });
});

// Blind round 31: "whats the link between k2 and diabetes" got only that the article calls the link
// "strong" and that it is modest, never which way it goes.
describe('the link between K2 and diabetes', () => {
  it('says which way it goes: higher intake, lower risk', () => {
    const a = engine.ask('how are k2 and type 2 diabetes connected?');
    expect(a.facts).toContain('diabetes/type2-link');
    expect(a.body).toMatch(/higher K2 intake developed type 2 diabetes less often/);
  });
});

// Blind round 31: "is there any k2 heart study that's not just observational" and, in other words,
// "any randomized trials on k2 for the heart?" got the cohorts (Rotterdam, the 2019 meta-analysis of
// observational studies). Asked for trials, the trial facts come first; asked which kind the evidence
// is, both kinds answer.
describe('trials asked for', () => {
  it('a randomized trial on the heart leads with the stiffness trial, not a cohort', () => {
    const a = engine.ask('any randomised trials of k2 for heart disease');
    expect(a.facts[0]).toBe('heart-health/arterial-stiffness');
  });

  it('asked whether the evidence is trials or observational, the cohorts still answer', () => {
    const a = engine.ask('heart benefits of k2: proper trials or just observational data?');
    expect(a.facts.some((id) => /observational|rotterdam/.test(id))).toBe(true);
  });
});

// Blind round 32: a question asked first and its story after ("…with food? I swallow mine first
// thing with just a black coffee.") was declined as outside what the bot knows: only a clause
// after the first was looked at as the question.
describe('a question asked before its story', () => {
  it.each([
    [
      'Should vitamin K2 be taken alongside a meal? Right now I gulp it down at dawn with nothing but a cup of tea.',
      'absorption-excretion',
    ],
    [
      'Is gouda a decent source of k2? Asking because the deli near my flat sells a massive aged wheel for cheap.',
      'cheese',
    ],
  ])('%j → %s', (q, topic) => {
    expect(topicOf(q)).toBe(topic);
  });
});

// Blind round 32: "F, 34, not pregnant" got the pregnancy intake and its supplement safety.
describe('a group the asker says they are not in', () => {
  it.each([
    'whats the daily vitamin k need for a 30 year old woman, not pregnant',
    'how much k2 for a woman who isnt breastfeeding',
  ])('%j is not asked about pregnancy', (q) => {
    const answer = engine.ask(q);
    expect(answer.topic?.id).toBe('daily-intake');
    expect(answer.facts).not.toContain('pregnancy-breastfeeding/pregnancy-intake');
  });
});

// Blind round 32: "no i meant how much mk4 exactly, like the number" got what the "n" in MK-n
// counts: a number asked for is a figure, not the number in a form's name.
describe('"the exact number" asks for a figure', () => {
  it.each(['what is the usual mk4 dose, the actual number please', 'mk7 per day - i want the exact number'])(
    '%j gets a dose topic',
    (q) => {
      expect(['mk4-high-dose-japan', 'supplement-dosage']).toContain(topicOf(q));
    },
  );
});

// Blind round 33: "had bleeding gums ages ago (…dentist sorted it). unrelated but is k2 good for
// teeth?" got the signs of low vitamin K: the story set aside by the asker decided the topic.
describe('a story the asker sets aside', () => {
  it.each([
    [
      'nosebleeds as a kid, grew out of them years ago. different question though: is k2 good for teeth?',
      'calcium-direction',
    ],
    ['had a clot in my leg in 2015, long gone now. anyway, which cheese has k2?', 'cheese'],
  ])('%j → %s', (q, topic) => {
    expect(topicOf(q)).toBe(topic);
  });
});

// Blind round 34: "which foods are richest in vitamin K2? …would rather get it from my diet" got
// only natto's "highest of any common food": foods asked in the plural ask for the ranking.
describe('the richest foods, asked in the plural', () => {
  it('get the ranking of foods', () => {
    const a = engine.ask("which foods are richest in k2? i'd rather eat it than swallow capsules");
    expect(a.facts).toContain('food-plan/food-ranking');
  });
});

// Blind round 34: "eating tons of butter + eggs every day, am i getting k2 from that" got the eggs
// alone. Foods listed side by side are each answered, as compared foods are.
describe('foods listed side by side', () => {
  it('each get their facts', () => {
    const a = engine.ask('most mornings i have yogurt & eggs, does that give me any k2?');
    expect(a.facts.some((id) => id.startsWith('butter-dairy/'))).toBe(true);
    expect(a.facts.some((id) => id.startsWith('egg-yolks/'))).toBe(true);
  });

  it('beside a blood thinner keep the interaction facts', () => {
    const a = engine.ask('on warfarin, is yogurt and eggs for breakfast ok?');
    expect(a.facts.some((id) => id.startsWith('warfarin-interaction/'))).toBe(true);
  });
});

// Blind round 34: "side effects of k2?" showed only "K2 rarely causes side effects", so "the second
// thing you said" had nothing to point at; the uncommon side effects are what was asked.
describe('side effects asked plainly', () => {
  it('name the side effects, not only that they are rare', () => {
    const a = engine.ask('are there k2 side effects');
    expect(a.facts).toContain('safety-side-effects/side-effects');
  });
});

// Blind round 35: "whats the daily amount of k2" got only that the dose depends on age and the
// label's Daily Value; the adults' intakes (90 mcg women, 120 mcg men) are the daily amount.
describe('the daily amount asked plainly', () => {
  it('gives the adult intakes first', () => {
    expect(engine.ask('whats the usual daily amount of vitamin k2').body).toMatch(
      /^90 mcg a day for women and 120 mcg for men/,
    );
  });
});

// Blind round 35: "how does the body absorb k2" opened with a correction about storage; how it is
// absorbed (with dietary fat, unchanged in the small intestine) is what was asked.
describe('how K2 is absorbed, asked plainly', () => {
  it('leads with absorption, not storage', () => {
    const a = engine.ask('how does the body take up k2');
    expect(a.facts[0]).not.toBe('absorption-excretion/storage');
    expect(a.facts).toContain('absorption-excretion/fat-helps-absorption');
  });
});

// Blind round 42: "caring for my grandad (88), he barely eats, mostly toast n tea. would a k2
// supplement help his bones?" got "not sure which part": "his" was read as pointing the question
// back at the story, whose words left the whole message unsure.
describe('a question that points back only at a person of the story', () => {
  it('is answered from the topic its own words name', () => {
    const a = sharedEngine().ask(
      'caring for my gran (89), she barely eats, mostly porridge n tea. would a k2 pill help her bones?',
    );
    expect(a.kind).toBe('answer');
    expect(a.topic?.id).toBe('bone-health');
  });
});

// Blind round 42: "why do all the bone studies use postmenopausal women specifically?" got a trial,
// not the article's reason (lower estrogen raises their osteoporosis risk).
describe('why the bone trials are in women after menopause', () => {
  it('is answered with the reason the article gives', () => {
    const a = sharedEngine().ask('how come the k2 bone trials are always in women after menopause?');
    expect(a.facts[0]).toBe('osteoporosis/postmenopausal-risk');
    expect(a.body).toMatch(/estrogen/);
  });
});

// Blind round 44 (seen before fixing): "grass fed butter vs normal butter, is there actually more
// k2 or is it marketing" got whether K2 is worth it: the doubt offered as the other answer made the
// question clause a clause of its own.
describe('a comparison before a question that ends in a doubt', () => {
  it.each([
    ['grassfed butter or regular butter - is there honestly more k2, or is that all hype?', 'butter-dairy'],
    ['aged gouda vs young gouda, does one have more k2 or is it a myth', 'cheese'],
  ])('%j is about the foods compared', (q, topic) => {
    expect(sharedEngine().ask(q).topic?.id).toBe(topic);
  });
});

// Blind round 44 (seen before fixing): "had bleeding gums like 5 yrs ago (dentist sorted it…). does
// k2 do anything for teeth tho?" got the signs of low vitamin K: a story the message says is over
// is set aside, and the question clause decides.
describe('a story the message says is over', () => {
  it('leaves the question clause to decide', () => {
    const a = sharedEngine().ask(
      'years ago my gums used to bleed, cleared up after a scale and polish. is mk7 any use for teeth?',
    );
    expect(a.facts).toContain('calcium-direction/teeth-and-bones-claim');
    expect(a.body).toMatch(/^The article doesn't cover dental health/);
  });

  // Blind round 45 (seen before fixing): "yrs ago my gums used to bleed… (…long fixed). anyway is
  // k2 good for teeth? heard it stops cavities" got the signs of low vitamin K again: with the
  // cavities set aside as a side word, the rest was read whole before its question clause, and
  // "long fixed" and "anyway" did not say the story was over (phrases.json storyTurns).
  it('with a side word set aside too, "long gone" and "anyway" leave the question to decide', () => {
    const a = sharedEngine().ask(
      'my gums bled when brushing a few years back, long gone. anyway is mk7 good for teeth at all, my sister says it stops cavities',
    );
    expect(a.body).toMatch(/^The article doesn't cover dental health/);
  });

  it('a story still going on is still read with the question', () => {
    const a = sharedEngine().ask('my gums keep bleeding when i brush. could low vitamin k be why?');
    expect(a.topic?.id).not.toBe('calcium-direction');
  });
});

// Blind round 44 (seen before fixing): "taking 600mg calcium for my bones, heard it can end up in
// arteries. does adding k2 fix that" got the article's claim that K2 keeps calcium out of artery
// walls with no word that trials have not shown it (fact-check C-13: AVADEC was null).
describe('K2 keeping calcium out of the arteries', () => {
  it.each([
    'i take calcium pills, someone said it clogs arteries. will k2 stop that?',
    'k2 and calcium in the arteries',
  ])('%j says trials have not shown less artery calcification', (q) => {
    expect(sharedEngine().ask(q).body).toMatch(/trials have not shown less (artery )?calcification/);
  });
});

// Blind round 45 (seen before fixing): "…I keep reading that K2 is 'crucial' for osteoporosis. What
// does the research actually show about bone density?" got the osteoporosis claim: the question
// names no K2, and the research it asks about is the research on the story's K2.
describe('the research asked after a story about K2', () => {
  it('asked of a subject the question names, shows the human studies', () => {
    const a = sharedEngine().ask(
      'My sister has osteopenia and is on Fosamax. She keeps hearing that K2 is essential for osteoporosis. What does the research really show on bone density?',
    );
    expect(a.topic?.id).toBe('bone-human-studies');
  });
});

// Found after blind round 45 (its letter asked whether K2 "also lower[s] the chance of breaking a
// hip"): "breaking a hip" named no fracture; "does k2 lower the chance of breaking a hip" got the
// diabetes facts ("lower the chance" as a risk) and "can vitamin k2 cut my odds of breaking a hip"
// was declined as unclear.
it.each(['does mk7 lower the chance of breaking a hip', 'can vitamin k2 cut my odds of breaking a hip'])(
  '%j is answered with what is known of fractures',
  (q) => {
    const a = sharedEngine().ask(q);
    expect(a.kind).toBe('answer');
    expect(a.body).toMatch(/fractures?\b/);
  },
);

// Found after blind round 45 ("what about my grandma, she has osteoporosis" after "should i take
// k2" got only the estrogen fact): whether someone should take K2 for a condition asks what K2
// does for it, and a fact that does not name K2 is context, not the answer.
it('"should she take k2" for osteoporosis leads with what is known of K2 for it', () => {
  const a = sharedEngine().ask('my grandmother was diagnosed with osteoporosis, should she take k2?');
  expect(a.facts[0]).not.toBe('osteoporosis/postmenopausal-risk');
  expect(a.body.split('. ')[0]).toMatch(/K2|mechanism|trials?/);
});
