import { describe, expect, it } from 'vitest';
import {
  ASK_AWAY_TEXT,
  DECLINE_TEXTS,
  GREETING_TEXT,
  THANKS_TEXT,
  WHO_TO_ASK_TEXT,
} from '../../src/engine/declines.ts';
import { normalizeText } from '../../src/engine/normalize.ts';
import { withoutNegated } from '../../src/engine/readings.ts';
import { SCOPE_AREAS, UNSURE_TEXT } from '../../src/engine/safety.ts';
import {
  ANTIPLATELET_NOTICE,
  DOAC_NOTICE,
  PERSONAL_ANTICOAGULANT_NOTICE,
  PERSONAL_NOTICE,
  PREGNANCY_NOTICE,
  PRESCRIPTION_NOTICE,
} from '../safetyTexts.ts';
import { sharedEngine } from '../sharedEngine.ts';

const engine = sharedEngine();
const topicOf = (q: string) => {
  const a = engine.ask(q);
  return a.kind === 'answer' ? a.topic?.id : a.kind;
};

describe('friendly non-answers', () => {
  it.each(['hi', 'hello bot 👋', 'hey there', 'good morning', 'Hiya!', '<@1> hello'])(
    '%j is greeted',
    (q) => {
      const a = engine.ask(q);
      expect(a.kind).toBe('decline');
      expect(a.matched).toBe(false);
      expect(a.body).toBe(GREETING_TEXT);
    },
  );

  it.each([
    'thanks!',
    'ty',
    'thank you bot',
    'ok thanks',
    'thanks a lot for the help',
    'thank you, that helped',
    // Blind round 17: two leads and a tail with "that's" got the previous answer again.
    'haha ok thanks',
    'ok, thank you, that was useful',
    'hmm alright, thx, thats clear',
    // Blind round 32: a shrug before the thanks and a laugh after it got the decline.
    'fine, cheers haha',
    // Blind round 33: thanks for someone else's sake repeated the cancer facts.
    'ok ta, ill pass it on to my mum',
    'gotcha, thank u xx',
    // Blind round 34: thanks with who the asker will see next got the previous topic again.
    'great, thank you, will run it by my cardiologist',
    'cheers, ill speak to the anticoagulation clinic first',
    // Blind round 39: "ok thanks anyway" after a partly covered answer got the previous facts again.
    'alright, thank you all the same',
    'thx anyways',
    // Blind round 42: "ok thanks, thats clearer now" and "thanks, will ask the pharmacist tmrw" got
    // more facts.
    'cool thank you, much clearer',
    'ta, ill check with the gp next week',
  ])('%j is thanked', (q) => {
    const a = engine.ask(q);
    expect(a.kind).toBe('decline');
    expect(a.body).toBe(THANKS_TEXT);
  });

  // Someone who says a question is coming is invited to ask it, not told it is out of scope
  // ("hey quick one" got "Sorry, that's outside what I know").
  it.each([
    'hey, quick one',
    'can I ask you something?',
    'hi everyone! I have a question about vitamin K2',
    'another question',
    'Help please',
    'question for the bot:',
  ])('%j is invited to ask its question', (q) => {
    const a = engine.ask(q);
    expect(a.kind).toBe('decline');
    expect(a.urgent).toBe(false);
    expect(a.body).toBe(ASK_AWAY_TEXT);
    expect(a.body).toMatch(/^Go ahead/);
  });

  it.each([
    ['quick question, does k2 help bones?', 'bone-health'],
    ['can I ask something about natto?', 'natto'],
  ])('%j: an announcement with its question is answered', (q, id) => {
    expect(topicOf(q)).toBe(id);
  });

  // Blind round 27: "ok so who do i even ask" after a cancer answer got that answer again.
  it.each(['so who should I talk to about it then?', 'who can i ask'])('%j is told who can answer', (q) => {
    const conversation = engine.startConversation();
    conversation.ask('does k2 help with cancer');
    const a = conversation.ask(q);
    expect(a.body).toBe(WHO_TO_ASK_TEXT);
    expect(a.body).toMatch(/doctor/);
    expect(a.body).toMatch(/pharmacist/);
  });

  it('a question about K2 that names whom to ask is still answered', () => {
    expect(engine.ask('who should i ask about k2 and my warfarin').body).not.toBe(WHO_TO_ASK_TEXT);
  });

  it('still answers a greeting with a question in it', () => {
    expect(topicOf('hey, what is vitamin k2?')).toBe('k2-overview');
  });

  it("reads a letter's salutation as a greeting, not as words of the question (blind round 17)", () => {
    // "Dear Terry," made an unknown word of the name, and the letter was declined.
    const a = engine.ask(
      'Dear Harold, I saw a piece on vitamin K for healthy arteries in a waiting room. Should I be on it?',
    );
    expect(a.kind).toBe('answer');
    expect(['calcium-direction', 'heart-health', 'vascular-calcification']).toContain(a.topic?.id);
  });

  it('a value in the story is set aside when only the story, not the question, says "that"', () => {
    // Blind round 17: "I keep reading that K2 helps bones" made "that" point at a DEXA score.
    const a = engine.ask(
      "I'm 61 and my bone scan t-score was -2.1 last spring. Everyone online says that K2 builds bone. What did the trials in older women actually find?",
    );
    expect(a.kind).toBe('answer');
    expect(a.topic?.id).toMatch(/^(bone-health|bone-human-studies|osteoporosis)$/);
  });

  it.each([
    ['does k2 interact with my statin', 'medicine', /pharmacist/],
    ['can i take k2 with antibiotics', 'medicine', /pharmacist/],
    ['what does my dexa t score mean', 'lab', /clinician who ordered the test/],
    ['blood test for vitamin k levels, which one do doctors use', 'lab', /clinician who ordered the test/],
    // Blind round 16: "can u look at my bloods and tell me if im low in k?" got "not sure which part".
    ['could you go over my bloods? PT 12.8, platelets 250', 'lab', /clinician who ordered the test/],
    ['tell me if im deficient, my vit k came back at 0.3', 'lab', /clinician who ordered the test/],
    ['how much magnesium should i take', 'nutrient', /NIH Office of Dietary Supplements/],
    ['where can i buy mk7 cheapest', 'product', /doesn't rate products/],
    ['is vitamin k2 ok for my dog', 'pet', /a vet/],
    ['should my newborn get the vitamin k shot', 'newborn', /pediatrician or midwife/],
    ['does k2 help erectile dysfunction', 'condition', /not covered by the article/],
    // Blind round 22: both kinds got "not sure which part of vitamin K2 you mean".
    ['whats good for heartburn after dinner', 'condition', /not covered by the article/],
    ['is mk7 fine alongside my armour thyroid', 'medicine', /pharmacist/],
    [
      'my ct scan says mild aortic calcification, is that normal at 65?',
      'lab',
      /clinician who ordered the test/,
    ],
    ['what is the capital of peru', 'general', /outside what I know/],
    [
      'is there a herbal substitute for my eliquis',
      'prescriber',
      /don't stop, skip or swap a prescribed blood thinner/,
    ],
    [
      'thinking of quitting warfarin and trying natto instead',
      'prescriber',
      /only the doctor who prescribed it/,
    ],
  ] as const)('%j declines naming the right resource (%s)', (q, cls, resource) => {
    const a = engine.ask(q);
    expect(a.kind).toBe('decline');
    expect(a.body).toBe(DECLINE_TEXTS[cls]);
    expect(a.body).toMatch(resource);
    // Every decline ends with what the bot can answer.
    expect(a.body).toContain(SCOPE_AREAS[0]);
  });
});

describe('the newborn vitamin K shot: what is done, not what to decide', () => {
  // Why or when newborns get the shot is the article's fact; whether one's own baby should get it,
  // skip it or swap it for drops is the pediatrician's or midwife's call.
  it.each([
    'why do newborns get a vitamin k shot',
    'when do babies get their vitamin k shot',
    'the hospital gave the baby a vitamin k injection at birth, why?',
    // Blind round 22: what the shot is, asked out of curiosity, was declined for the pediatrician.
    'is the vitamin k injection they give newborns the same as k2?',
    'what kind of vitamin k is in the newborn injection?',
    'k1 or k2 in the newborn shot?',
  ])('%j is answered with the newborn fact', (q) => {
    const a = engine.ask(q);
    expect(a.kind).toBe('answer');
    expect(a.facts).toContain('pregnancy-breastfeeding/newborn-vitamin-k');
  });

  it.each([
    'should my newborn get the vitamin k shot',
    'can we refuse the vitamin k shot for our baby',
    'newborn vitamin k injection yes or no',
  ])('%j still declines, naming the pediatrician or midwife', (q) => {
    const a = engine.ask(q);
    expect(a.kind).toBe('decline');
    expect(a.body).toMatch(/pediatrician or midwife|clinician/);
  });

  // Blind round 23: the shot told in the story declined a mother's question about her own K2 and
  // her milk, "him" in the question being the baby the story names.
  it("a shot told in the story does not decline the mother's own K2 question about her milk", () => {
    const a = engine.ask(
      'our little girl got her vitamin k injection in hospital. now im nursing her, does the mk7 i take end up in my breast milk for her?',
    );
    expect(a.kind).toBe('answer');
    expect(a.topic?.id).toBe('pregnancy-breastfeeding');
    expect(a.body).toMatch(/^The article doesn't say whether K2 passes into breast milk/);
  });
});

describe('off-topic words around a clear K2 question', () => {
  it.each([
    ["<@1> **MK4 vs MK7** which one should I get?? my gym bro says mk4 is the 'real' form", 'mk7-vs-mk4'],
    ['chest day at the gym tomorrow, unrelated but is k2 good for bone strength', 'bone-health'],
    ['watching football rn. anyway how much k2 is in natto', 'natto'],
    ['i have arthritis and osteoporosis, does k2 help my bones', 'bone-health'],
    ["i'm doing keto, what foods have k2", 'food-plan'],
    // Blind round 27: "where am i getting my k2 from" names no food word, and the diet declined it.
    ['paleo for a year now. where would i get k2 then?', 'food-plan'],
    // "chemistry" is K2 the chemical unless the vitamin is named, however MK-7 is spelled.
    ['for my chem class: is mk-7 made by fermentation or by chemistry?', 'mk7-production'],
  ])('%j → %s', (q, topic) => {
    expect(topicOf(q)).toBe(topic);
  });

  it.each([
    'who first climbed k2',
    'how tall is k2 compared to everest',
    'k2 summit expedition deaths',
    // Blind round 31: the mountain's death zone got how long MK-4 stays in the blood.
    'how long can a body last in the k2 death zone with no bottled oxygen',
    'k2 for bodybuilding',
    'k2 chemistry formula, is it potassium?',
  ])('%j declines', (q) => {
    expect(engine.ask(q).kind).toBe('decline');
  });

  // Blind round 27: the vitamin named only to say it is not meant, a TV drama, a crypto token got
  // K2 facts or "which part of vitamin K2 do you mean".
  it.each([
    'not talking about the vitamin here: is the k2 summit harder than everest?',
    "i don't mean the vitamin one, how high is k2 in metres",
    'anyone seen the k-drama called the k2? is it worth watching',
    'thoughts on the k2 token, is it gonna pump this week',
    // Blind round 28: a rifle in a video game, and chemistry homework on dyes that met vitamin K.
    'whats the best loadout for the k2 in warzone, recoil is awful',
    'for my lab report: why are naphthoquinones good pigments for dyes? vitamin k showed up in my search',
    // Blind round 30: a tool for Kubernetes clusters got "which part of vitamin K2 do you mean".
    'is the k2 repo on github dead? need something for k8s provisioning',
  ])('%j gets the out-of-scope decline', (q) => {
    const a = engine.ask(q);
    expect(a.kind).toBe('decline');
    expect(a.body).toBe(DECLINE_TEXTS.general);
  });

  it.each([
    [
      'my climbing coach says the supplement is a scam, not the vitamin in food: does k2 from natto help bones?',
      'bone-health',
    ],
    ['is k2 a vitamin or not? what does it do', 'k2-overview'],
    ['is the mk7 in my multivitamin dyed or natural', 'choosing-mk7-supplement'],
  ])('%j: a vitamin denied only in passing still asks about K2 (%s)', (q, topic) => {
    expect(topicOf(q)).toBe(topic);
  });

  // A condition the article never mentions, asked about K2, is partly covered: the reply says
  // first that the article does not cover it, then what the article does say (issue 7 §2).
  it.each([
    ['does k2 help arthritis', 'arthritis'],
    ['k2 for hair loss', 'hair'],
    ['k2 for thyroid and bones', 'thyroid'],
    // Gains at the gym are muscle, which the article never covers: said, not declined whole.
    ['does k2 help with gym gains', 'muscle'],
  ])('%j says first that the article does not cover %s', (q, word) => {
    const a = engine.ask(q);
    expect(a.kind).toBe('answer');
    expect(a.coverage).toBe('partial');
    expect(a.body).toMatch(new RegExp(`^The article doesn't cover [^.]*${word}`));
  });
});

describe('negation', () => {
  it.each([
    ['i dont eat natto, how can i get enough k2 from food', 'food-plan'],
    ['I hate cheese, what other foods have k2', 'food-plan'],
    ["i can't stand natto, which foods give k2 then", 'food-plan'],
    ['are there other kinds of k2 besides mk4 and mk7', 'menaquinone-forms'],
    ["i don't take warfarin, is natto safe", 'natto'],
    ["i don't use supplements, which foods have k2", 'food-plan'],
  ])('%j → %s', (q, topic) => {
    expect(topicOf(q)).toBe(topic);
  });

  it('drops only the negated words', () => {
    expect(withoutNegated(normalizeText("I don't eat natto, how do I get k2"))).toBe('i , how do i get k2');
    expect(withoutNegated(normalizeText('how much k2 is in natto'))).toBeNull();
  });
});

describe('DOACs, antiplatelets and pregnancy', () => {
  it.each(['can i take k2 with eliquis', 'im on xarelto, is natto ok', 'k2 and apixaban'])(
    '%j → warfarin-interaction with the DOAC notice',
    (q) => {
      const a = engine.ask(q);
      expect(a.topic?.id).toBe('warfarin-interaction');
      expect(a.personal).toBe(true);
      expect(a.personalNotice).toBe(DOAC_NOTICE);
    },
  );

  // An antiplatelet is named as what it is, not as a DOAC (blind round 18: "hes on clopidogrel not
  // warfarin if that matters" got the warfarin facts).
  it.each([
    'does mk7 interact with plavix',
    'i take aspirin as a blood thinner, can i take k2',
    'hes on clopidogrel not warfarin, can he take k2 for his arteries',
  ])('%j → the antiplatelet notice', (q) => {
    const a = engine.ask(q);
    expect(a.personalNotice).toBe(ANTIPLATELET_NOTICE);
    expect(a.body).not.toMatch(/No dose is known to be safe with warfarin-type drugs/);
  });

  // Blind round 21: "does that apply to my clopidogrel and aspirin, or only to warfarin?" got the
  // note on apixaban and rivaroxaban, and "baby aspirin" brought a line on children.
  it.each([
    'my meds are plavix and a baby aspirin. does the vitamin k warning apply to them or only to warfarin?',
    'is the k2 thing only for warfarin or for aspirin too',
  ])('%j, warfarin named beside an antiplatelet → the antiplatelet notice, no children', (q) => {
    const a = engine.ask(q);
    expect(a.personalNotice).toBe(ANTIPLATELET_NOTICE);
    expect(a.body).not.toMatch(/children/);
  });

  // Blind round 21: "can u check if that's the right dose for her" (a friend's prescription MK-4)
  // got the Japanese regimen with no notice, as if confirming her dose.
  it.each([
    'my aunt takes 3 glakay a day, could you check whether that dosage is right',
    'is this the right amount for my grandad, 200 mcg mk7?',
  ])('%j, a dose checked for someone, is personal', (q) => {
    const a = engine.ask(q);
    expect(a.personal).toBe(true);
    expect(a.personalNotice).toBe(PERSONAL_NOTICE);
  });

  it('names the anticoagulation clinic only when the question or topic is about anticoagulants', () => {
    expect(engine.ask('can i take k2 with my warfarin').personalNotice).toBe(PERSONAL_ANTICOAGULANT_NOTICE);
    expect(PERSONAL_ANTICOAGULANT_NOTICE).toMatch(/anticoagulation clinic/);
    const bones = engine.ask('should i take mk7 for my osteopenia');
    expect(bones.personalNotice).toBe(PERSONAL_NOTICE);
    expect(PERSONAL_NOTICE).not.toMatch(/anticoagulation/);
  });

  it.each([
    'summarize the article for me in two lines',
    'explain the calcium paradox for me',
    'gouda or brie, which should i eat for k2?',
  ])('%j is not personal: it asks the bot to do something or picks a food', (q) => {
    const a = engine.ask(q);
    expect(a.kind).toBe('answer');
    expect(a.personal).toBe(false);
  });

  it('offers close topics with the "not sure which part" text, not "outside what I know"', () => {
    const a = engine.ask('k2 remodeling thing?');
    if (a.kind === 'decline' && a.suggestions.length > 0) expect(a.body).toBe(UNSURE_TEXT);
    const far = engine.ask('who won the football game last night');
    expect(far.body).not.toBe(UNSURE_TEXT);
  });

  it.each([
    ['hi all, first time here. what is vitamin k2?', 'k2-overview'],
    ['hello, new member here, how much k2 is in natto', 'natto'],
  ])('%j: a greeting and introduction before the question do not change the topic', (q, id) => {
    expect(engine.ask(q).topic?.id).toBe(id);
  });

  it.each(['how does k2 rank in general'])(
    '%j: a K2 question the bot cannot place offers the closest topics',
    (q) => {
      const a = engine.ask(q);
      expect(a.kind).toBe('decline');
      expect(a.body).toBe(UNSURE_TEXT);
      expect(a.suggestions.length).toBeGreaterThan(0);
    },
  );

  it.each(['k2 for gout', 'does vitamin k2 help with tinnitus'])(
    '%j: a condition the article never mentions is answered as partly covered, not declined',
    (q) => {
      const a = engine.ask(q);
      expect(a.coverage).toBe('partial');
      expect(a.body).toMatch(/^The article doesn't cover /);
    },
  );

  it.each(['what is the k2-18b exoplanet', 'cholestyramine and vitamin k absorption'])(
    '%j: out of scope declines keep their own text and offer nothing',
    (q) => {
      const a = engine.ask(q);
      expect(a.kind).toBe('decline');
      expect(a.body).not.toBe(UNSURE_TEXT);
      expect(a.suggestions).toEqual([]);
    },
  );

  it.each(['pregnant, is natto ok at high dose', 'can i take 200 mcg k2 while pregnant'])(
    '%j → pregnancy with the OB/midwife notice',
    (q) => {
      const a = engine.ask(q);
      expect(a.topic?.id).toBe('pregnancy-breastfeeding');
      expect(a.personalNotice).toBe(PREGNANCY_NOTICE);
    },
  );
});

describe('another supplement beside a K2 question', () => {
  it.each([
    ['on vitamin b6 for my nerves. how long does mk-7 stay in the blood?', 'mk7-vs-mk4', 'vitamin b6'],
    ['i use creatine and whey after lifting. is gouda a k2 cheese?', 'cheese', 'creatine'],
    // A stack written with "+": the supplement listed beside D3 and K2 is set aside, not the
    // question (blind round 19: a D3 + K2 + magnesium stack was declined whole).
    [
      'taking d3 2000 iu + mk7 200 mcg + zinc 15 mg every morning, is that combo any good',
      'd3-k2-cosupplementation',
      'zinc',
    ],
  ])('%j answers the K2 part (%s) and says the article does not cover %s', (q, topic, subject) => {
    const a = engine.ask(q);
    expect(a.kind).toBe('answer');
    expect(a.topic?.id).toBe(topic);
    expect(a.body).toContain(`The article doesn't cover ${subject}`);
    expect(a.body).toMatch(/this answer is about vitamin K2 only\.$/);
  });

  // Blind round 19: "fish oil + k2 same time ok?" was declined whole; a point about the
  // supplement itself answers it as partly covered, and says so once.
  it('a supplement the point is about is answered as partly covered, named once', () => {
    const a = engine.ask('is it ok to have fish oil and k2 together in the morning');
    expect(a.kind).toBe('answer');
    expect(a.coverage).toBe('partial');
    expect(a.body.match(/fish oil/g)).toHaveLength(1);
  });

  it.each([
    'is zinc better than k2 for immunity',
    'should i stack k2 with magnesium',
    // Listed with "+", but its own amount is what is asked.
    'd3 + k2 + magnesium: how much magnesium should go with it?',
  ])('%j, about the other supplement itself, is declined as another nutrient', (q) => {
    const a = engine.ask(q);
    expect(a.kind).toBe('decline');
    expect(a.body).toBe(DECLINE_TEXTS.nutrient);
  });
});

// Blind round 30: K2 with allopurinol or methotrexate got "which part of vitamin K2 do you mean" or
// the blood-thinner facts.
describe('K2 with a gout or arthritis medicine', () => {
  const engine = sharedEngine();

  it.each([
    'can i combine mk7 with colchicine during a gout attack',
    'does vitamin k2 clash with my hydroxychloroquine',
  ])('%j is a drug interaction for a pharmacist', (q) => {
    const a = engine.ask(q);
    expect(a.kind).toBe('decline');
    expect(a.body).toBe(DECLINE_TEXTS.medicine);
  });
});

// Found probing follow-ups: "is k2 ok with heart meds" got the Rotterdam study and "can i take k2
// with my blood pressure tablets" the arterial-stiffness trial: a medicine named by what it treats.
describe('K2 with a medicine named by what it treats', () => {
  const engine = sharedEngine();

  it.each([
    'does vitamin k2 clash with my blood pressure pills',
    'is mk7 safe alongside his heart medication',
    'can k2 be taken with diuretics',
    'any problem mixing k2 and cholesterol tablets',
  ])('%j is a drug interaction for a pharmacist', (q) => {
    const a = engine.ask(q);
    expect(a.kind).toBe('decline');
    expect(a.body).toBe(DECLINE_TEXTS.medicine);
  });

  it('beside a clear K2 question it is background', () => {
    const a = engine.ask('i take beta blockers. how much k2 is in a spoon of natto?');
    expect(a.kind).toBe('answer');
    expect(a.facts).toContain('natto/natto-amount');
  });
});

// Blind round 19: "Is It OK to take Krill Oil along with Eliquis?" was answered with K2 and Eliquis.
describe('another supplement with a blood thinner and no word for vitamin K', () => {
  const engine = sharedEngine();

  it.each(['my dad is on warfarin, can he take turmeric capsules too', 'is krill oil safe with xarelto'])(
    '%j is a drug interaction for a pharmacist',
    (q) => {
      const a = engine.ask(q);
      expect(a.kind).toBe('decline');
      expect(a.body).toBe(DECLINE_TEXTS.medicine);
    },
  );

  it('a food beside it keeps the K2 question', () => {
    expect(engine.ask('on warfarin, is natto ok? i also take magnesium').kind).toBe('answer');
  });
});

describe('a test value of the asker beside a clear K2 question', () => {
  it.each([
    [
      'my fasting glucose was 112 last month, can vitamin k2 do anything for blood sugar control?',
      'diabetes',
    ],
    ['hip bmd came back -1.9. what do the studies say about k2 and bone loss', 'bone-health'],
    // Blind round 34: "it" doing the helping is the vitamin the story named, not the value.
    [
      'my z-score was -2.2 at my last scan. my sister swears by vitamin k2. is there proof it does anything for bones?',
      'bone-human-studies',
    ],
  ])('%j answers the K2 part and says the value is not read', (q, topic) => {
    const a = engine.ask(q);
    expect(a.kind).toBe('answer');
    expect(a.topic?.id).toBe(topic);
    expect(a.body).toContain("I can't read test results");
  });

  it.each([
    'my osteocalcin result was 3.1, which k2 amount suits that',
    'coronary calcium score 300, i read k2 can bring it down, true?',
    'my t score came out at -2.6, will mk7 fix that?',
  ])('%j asks about the value itself and is declined for the clinician', (q) => {
    const a = engine.ask(q);
    expect(a.kind).toBe('decline');
    expect(a.body).toBe(DECLINE_TEXTS.lab);
  });
});

describe('surgery or a procedure beside a K2 question', () => {
  it.each([
    'my knee replacement is next month, do i need to stop k2 before the operation?',
    'having hip surgery in 3 weeks, should i stop taking my mk7 beforehand',
    'got a colonoscopy friday, do i pause my mk-7 a few days before?',
  ])('%j is answered as partly covered, sending to the surgeon', (q) => {
    const a = engine.ask(q);
    expect(a.kind).toBe('answer');
    expect(a.coverage).toBe('partial');
    expect(a.body).toMatch(/^The article doesn't cover K2 around surgery[^.]*ask your surgeon\./);
    // The nearest facts: clotting, and the advice for people on blood thinners.
    expect(a.body).toMatch(/clotting factors are already fully activated|talk to their doctor/);
  });

  it('keeps a surgery question without K2, and wound healing, declined', () => {
    expect(topicOf('should i stop eating leafy greens before surgery')).toBe('decline');
    expect(topicOf('does k2 help wound healing after surgery')).toBe('decline');
  });

  it('does not read a surgery in the past as the point asked', () => {
    const a = engine.ask(
      'had gastric bypass surgery years ago and now i bruise easily, could i be low on vitamin k',
    );
    expect(a.topic?.id).toBe('deficiency-risk');
    expect(a.body).not.toMatch(/surgeon/);
  });
});

describe('a side condition or supplement in the same sentence as the K2 question', () => {
  it.each([
    'i have arthritis and ive read that vitamin k keeps arteries healthy, worth taking?',
    'my cholesterol is high and i read k2 helps arteries, should i take some',
    'i use magnesium and heard mk7 keeps arteries clear, should i add it',
  ])('%j answers the K2 part', (q) => {
    const a = engine.ask(q);
    expect(a.kind).toBe('answer');
    expect(['calcium-direction', 'heart-health', 'vascular-calcification']).toContain(a.topic?.id);
  });

  it.each([
    'my arthritis flares every winter and i read turmeric helps, should i take it',
    'i take magnesium and read it helps sleep, is that right',
  ])('%j, with no K2 question, stays declined', (q) => {
    expect(topicOf(q)).toBe('decline');
  });
});

describe('a shop named beside a K2 question is where the asker shops, not what is asked', () => {
  it.each([
    'costco k2 brands all look the same, how do i choose a good mk7 supplement',
    'buying mk7 off walmart, does it matter if its from natto or synthetic',
  ])('%j answers the supplement question', (q) => {
    const a = engine.ask(q);
    expect(a.kind).toBe('answer');
    // Titled by the topic of the facts shown: where supplement MK-7 comes from is how it is made.
    expect(['choosing-mk7-supplement', 'mk7-production']).toContain(a.topic?.id);
    expect(a.facts.every((id) => /^(choosing-mk7-supplement|mk7-production)\//.test(id))).toBe(true);
  });

  it.each(['is k2 cheaper at costco or walmart', 'amazon or iherb for mk7?'])(
    '%j, asking where to shop, stays the shop decline',
    (q) => {
      const a = engine.ask(q);
      expect(a.kind).toBe('decline');
      expect(a.body).toMatch(/doesn't rate products/);
    },
  );
});

describe('a cost told in a story, and cooking asked of the K2 in a food', () => {
  it('what a supplement cost, said beside a K2 question, does not decline it', () => {
    const a = engine.ask('the one my mum buys costs loads, but does mk7 stay in the blood longer than mk4?');
    expect(a.kind).toBe('answer');
    expect(a.topic?.id).toMatch(/mk7-vs-mk4|menaquinone-forms/);
  });

  // Blind round 33: the food named only in the clause with the price ("…the price of natto at the
  // asian shop. is one of those little tubs enough…?") is what the question left asks about; "the
  // cheapest k2 food" beside "are eggs any good" is a food question, not a shopping one.
  it.each([
    [
      'nearly fainted at the price of jarlsberg at the deli. is a couple of slices enough k2 for the day?',
      'cheese',
    ],
    ['skint student here, cheapest k2 food? is egg yolk decent?', 'egg-yolks'],
  ])('%j is answered from %s', (q, topic) => {
    const a = engine.ask(q);
    expect(a.kind).toBe('answer');
    expect(a.topic?.id).toBe(topic);
  });

  it('the vitamin named in a clause set aside still heads the question left (blind round 25)', () => {
    // The clause asking for a translation is chatter; the question after it asks about K2.
    const a = engine.ask("hola, k2 is 'menaquinona' in spanish right? what kind of food has the most of it");
    expect(a.kind).toBe('answer');
  });

  it('a dementia medicine beside K2 is a pharmacist question (blind round 26: donepezil was ignored)', () => {
    const a = engine.ask('my mum takes aricept, is k2 ok alongside it?');
    expect(a.body).toMatch(/another medicine or a drug interaction/);
  });

  it('a cost told before an emoji is a sentence of its own (blind round 25)', () => {
    const a = engine.ask('mk7 prices these days 💸 does natto have more k2 than cheese');
    expect(a.kind).toBe('answer');
    expect(a.topic?.id).toMatch(/natto|cheese|food-plan/);
  });

  it.each(['how much does mk7 cost', 'what does a bottle of k2 cost in the uk'])(
    '%j stays the product decline',
    (q) => {
      const a = engine.ask(q);
      expect(a.kind).toBe('decline');
      expect(a.body).toMatch(/doesn't rate products/);
    },
  );

  it('cooking asked of the K2 in a food says the article does not cover it, instead of declining', () => {
    const a = engine.ask('does cooking natto destroy its vitamin k?');
    expect(a.kind).toBe('answer');
    expect(a.coverage).toBe('partial');
    expect(a.body).toMatch(/^The article doesn't say whether cooking/);
  });

  it('a recipe stays declined', () => {
    expect(engine.ask('whats a tasty way to cook natto, any recipe?').kind).toBe('decline');
  });
});

describe('a side word that is not what is asked does not decline a K2 question', () => {
  it.each([
    // A medicine in a sentence of its own; the combination asked about is D3 with K2.
    [
      'my uncle takes metformin every day and would never stop it. was d3 together with k2 ever tested in type 2 diabetics?',
      'd3-k2-cosupplementation',
    ],
    // A medicine in a story whose 'with' joins nothing to it (blind round 10).
    [
      'my aunt has been on metformin for years and mailed me a newsletter with the headline this vitamin beats diabetes. does k2 actually help with insulin?',
      'diabetes',
    ],
    // Medicines in the story, and "and that it …" joining what a friend said (blind round 14).
    [
      'my dad takes lisinopril and atorvastatin. his friend says k2 protects the heart and that it clears calcium from arteries. is there any proof k2 reduces artery calcification?',
      'vascular-calcification',
    ],
    // Medicines in the story, and "that k2 reduces …": what K2 does, not what a drug does to it.
    [
      'my mum takes sertraline and omeprazole. is there good evidence that k2 reduces fracture risk in older women?',
      'bone-human-studies',
    ],
    // An animal in a story about a person the question is about (blind round 14: "walks the dog").
    [
      'my mum is 80 and still walks her dog every morning. her bone scan showed thinning. what dose of mk7 have studies used in older people?',
      'supplement-dosage',
    ],
    // A price suspected as the other answer, beside the K2 question (blind round 10).
    ['do free range eggs really have more k2 or is it just a price thing', 'egg-yolks'],
    // Another vitamin named only as what people say about it (blind round 11).
    [
      'can k2 accumulate in you like they say about vitamin a? how does your body clear it',
      'absorption-excretion',
    ],
    // A climbing gym beside the vitamin is no mountain (blind round 10).
    ['my rock climbing coach says vitamin k from spinach is useless, is k1 the same as k2?', 'k1-vs-k2'],
    // A name that holds a shop word.
    ['the weston price crowd says k2 is great for teeth, is that backed up', 'calcium-direction'],
    // Warfarin's history, not an animal that ate poison.
    ['i heard coumadin started out as rat poison, how does it act on vitamin k', 'warfarin-interaction'],
    // A diet, not a product's label.
    ['been eating gluten free for years, which foods still give me k2', 'food-plan'],
    // A product description read, not one to write (blind round 27).
    ['the product description of my mk7 says it keeps arteries clear, does k2 do that?', 'calcium-direction'],
    // A long story whose question is its last clause, with a condition set aside in the first.
    [
      'for ages doctors called my stomach problems ibs. then i was told i have ulcerative colitis and that it hurts fat absorption. so does ulcerative colitis make low vitamin k more likely?',
      'deficiency-risk',
    ],
  ])('%j is answered (%s)', (q, topic) => {
    const a = engine.ask(q);
    expect(a.kind).toBe('answer');
    expect(a.topic?.id).toBe(topic);
  });

  it.each([
    ['i take metformin. does k2 interact?', /pharmacist/],
    ['on metformin for years, does it lower my vitamin k', /pharmacist/],
    ['is it fine with my metformin, the k2 i mean', /pharmacist/],
    ['is this mk7 brand gluten-free', /doesn't rate products/],
    ['whats the price of a month of mk7', /doesn't rate products/],
    // An osteoporosis drug taken together with K2 (blind round 10: "would it clash w my alendronate").
    ['does mk7 clash with my risedronate', /pharmacist/],
    ['is it safe to take k2 together with fosamax', /pharmacist/],
    // The animal is what is asked about, with or without a person beside it.
    ['is vitamin k2 safe for dogs with arthritis?', /vet/],
    ['my dad wants to give our dog some of his k2, is that ok?', /vet/],
  ])('%j stays declined (%s)', (q, resource) => {
    const a = engine.ask(q);
    expect(a.kind).toBe('decline');
    expect(a.body).toMatch(resource);
  });
  // Blind round 31: a dog that got into a tub of vitamin D tablets was declined as "vitamin K for
  // animals", a reason that was not true.
  it('an animal asked about another vitamin is declined without calling it vitamin K', () => {
    const a = engine.ask('is it ok to give my dog a little vitamin d with his dinner?');
    expect(a.kind).toBe('decline');
    expect(a.body).toMatch(/vet/);
    expect(a.body).not.toMatch(/vitamin K for animals/);
  });
  it('an animal that ate rat poison still gets the vet notice', () => {
    const a = engine.ask('my cat chewed a rat poison pellet, can vitamin k help her');
    expect(a.urgent).toBe(true);
    expect(a.body).toMatch(/cannot assess an animal/);
  });
});

describe('a medicine beside a K2 question', () => {
  it('set aside, is named as not covered after the answer', () => {
    const a = engine.ask('been taking amlodipine a while, which cheeses carry the most k2');
    expect(a.kind).toBe('answer');
    expect(a.body).toMatch(
      /The article doesn't cover amlodipine: a pharmacist can say whether it matters with K2\.$/,
    );
  });

  // Blind round 24: "does metformin mess with k2 at all? (i know it does b12)" got the warfarin
  // facts with only "doesn't cover b12": the nutrient, met first, hid the medicine.
  it('asked about in the question, is named as not covered first, even beside a nutrient', () => {
    const a = engine.ask(
      'six years on metformin here. does metformin mess with vitamin k2 too? my b12 dropped on it',
    );
    expect(a.kind).toBe('answer');
    expect(
      a.body.startsWith(
        "The article doesn't cover metformin: a pharmacist can say whether it matters with K2.",
      ),
    ).toBe(true);
  });

  it('asked about, is the pharmacist question even when another side word comes first', () => {
    const a = engine.ask('my cholesterol runs high and i take simvastatin. is it ok to combine k2 with it?');
    expect(a.kind).toBe('decline');
    expect(a.body).toMatch(/pharmacist/);
  });

  // Blind round 20: "the nurse is fine with it" told that someone approves; it asks nothing.
  it('a statement pointing back at it ("his GP is happy with it") asks nothing about the medicine', () => {
    const a = engine.ask(
      'my granddad takes amlodipine and got a k2 supplement from my aunt. his GP is happy with it. does k2 keep his arteries clear?',
    );
    expect(a.kind).toBe('answer');
    expect(a.body).toMatch(/calcium out of arteries/);
  });

  it('a question pointing back at it, even before a closing remark, still asks about the medicine', () => {
    const a = engine.ask('i take amlodipine every morning. is it fine to take k2 with it? just wondering.');
    expect(a.kind).toBe('decline');
    expect(a.body).toMatch(/pharmacist/);
  });
});

// Blind rounds 7–10: a calm question about why newborns get vitamin K was declined as the
// baby's pediatrician's decision. Asked why, or what the shot is for, the clotting facts answer;
// a decision about one's own baby stays with the pediatrician.
describe('the newborn vitamin K shot', () => {
  it.each([
    'in our nursing lecture today they said infants get vitamin k right after birth, is this why babies bleed less?',
    "my brother's newborn had a vitamin k jab, what is that jab for",
  ])('%j is answered with why newborns get it', (q) => {
    const a = engine.ask(q);
    expect(a.kind).toBe('answer');
    expect(a.facts).toContain('pregnancy-breastfeeding/newborn-vitamin-k');
  });

  it.each([
    'should i let them give my newborn the vitamin k shot',
    'can i refuse the vitamin k jab for my baby',
  ])('%j stays with the pediatrician', (q) => {
    const a = engine.ask(q);
    expect(a.kind).toBe('decline');
    expect(a.body).toMatch(/pediatrician/);
  });
});

// Blind round 11 (J058): a pregnant woman's question about D3 + K2 drops was declined as the
// newborn shot ("home birth … drops") and then as reading her test results ("because my levels
// were low"): neither is what she asks.
describe('a pregnancy question told beside a birth and a past result', () => {
  it.each([
    'the birth centre gave me d3 k2 drops, are those ok in pregnancy',
    'my gp put me on d3 because my levels were low, can i add k2 while pregnant?',
  ])('%j is answered from the pregnancy facts', (q) => {
    const a = engine.ask(q);
    expect(a.kind).toBe('answer');
    expect(a.topic?.id).toBe('pregnancy-breastfeeding');
  });
});

describe('decline words only in the story, before a question complete on its own (blind round 18)', () => {
  const engine = sharedEngine();

  it('a newborn shot told as a memory does not decline a question about adults', () => {
    const a = engine.ask(
      'my first baby was born at home in the 90s and the midwife gave him the vitamin k shot. i still wonder: do grown-ups get bleeding problems from low vitamin k?',
    );
    expect(a.kind).toBe('answer');
    expect(a.topic?.id).toBe('deficiency-risk');
  });

  it('a question that points back at the shot is still declined', () => {
    const a = engine.ask('my baby got the vitamin k shot yesterday. is that safe?');
    expect(a.kind).toBe('decline');
    expect(a.body).toMatch(/pediatrician or midwife/);
  });
});

describe('a food the asker will not have, said after it (blind round 18)', () => {
  const engine = sharedEngine();

  it('"natto is gross" sets natto aside and the rest is still about K2', () => {
    const a = engine.ask('natto tastes awful. if i just take a supplement instead what dose');
    expect(a.topic?.id).toBe('supplement-dosage');
  });

  // Blind round 19: "what foods besides natto have k2?? natto is literally snot beans" got natto.
  it.each([
    ['what foods apart from natto have k2?? natto is like eating slime', 'natto'],
    ['which foods other than liver have k2? liver is just too much for me', 'meat-liver-chicken'],
  ])('%j keeps %s aside wherever the message names it', (q, topic) => {
    const a = engine.ask(q);
    expect(a.topic?.id).toBe('food-plan');
    expect(a.topic?.id).not.toBe(topic);
  });

  // Round 29's leftover: "natto smells like feet tho" after a natto answer got natto again.
  it.each([
    'i really cant stand natto, where else could i get some k2 from',
    'natto smells like wet socks, what else is there for k2',
    'cheese aside, any other options for k2?',
    'are there k2 foods that arent natto',
    'whats plan b for k2 if i cant stomach natto',
    // Blind round 33: "natto tastes like feet… any way to get the k2 without eating it?" got natto.
    'natto tastes like old socks, can i get my k2 without eating it',
  ])('%j asks for other K2 foods, not the one set aside', (q) => {
    const a = engine.ask(q);
    expect(a.topic?.id).toBe('food-plan');
    expect(a.facts).toContain('food-plan/food-ranking');
  });

  // Found running the terminal chat as a newcomer: after a Gouda answer the rejection got cheese.
  it('a follow-up rejecting another food than the one answered asks for the others too', () => {
    const conversation = engine.startConversation();
    conversation.ask('how much k2 is in jarlsberg');
    expect(conversation.ask('natto is gross though, what else is there').facts).toContain(
      'food-plan/food-ranking',
    );
  });

  it('a follow-up rejecting the food just answered asks for the others', () => {
    const conversation = engine.startConversation();
    conversation.ask('which food has the most k2');
    expect(conversation.ask('ugh natto stinks, anything else?').topic?.id).toBe('food-plan');
  });

  // Blind round 30: "this k2 price is killing me lol but worth it? any side effects i should know"
  // was declined as a price question.
  it.each([
    'mk7 costs a fortune, worth it? any side effects tho',
    'the price of k2 is mad. any risks i should know about',
  ])('%j answers the side-effect question beside the price', (q) => {
    const a = engine.ask(q);
    expect(a.kind).toBe('answer');
    expect(a.topic?.id).toBe('safety-side-effects');
  });

  // Blind round 30: a reader asking about "taking vitamin K2 and magnesium" for osteoporosis was
  // declined as another nutrient's question.
  it.each([
    ['does taking mk7 and boron help bone density?', 'boron'],
    ['zinc and vitamin k2 for my osteopenia, worth it?', 'zinc'],
  ])('%j answers the K2 part and says the article does not cover %s', (q, nutrient) => {
    const a = engine.ask(q);
    expect(a.kind).toBe('answer');
    expect(a.body).toContain(
      `The article doesn't cover ${nutrient}, so this answer is about vitamin K2 only.`,
    );
  });

  it('the other supplement asked about with K2 is still its own question', () => {
    expect(engine.ask('do i need magnesium with my k2').kind).toBe('decline');
  });

  it('the vitamin itself set aside is not read back in', () => {
    expect(engine.ask('what are the symptoms of not having enough vitamin k').topic?.id).toBe(
      'deficiency-risk',
    );
  });
});

// Blind round 20: "I'm not asking you to read my scan" was declined as asking to read the scan.
describe('a request the message denies is not made', () => {
  const engine = sharedEngine();

  it.each([
    "my dexa came back low last month. i don't need you to interpret my results, i only want to know: does mk7 slow bone loss?",
    'not asking you to pick a brand for me, but how much mk7 is in a typical capsule dose in the studies?',
  ])('%j is answered', (q) => {
    const a = engine.ask(q);
    expect(a.kind).toBe('answer');
  });

  it('the same request made is still declined', () => {
    const a = engine.ask('my dexa came back low last month. can you interpret my results?');
    expect(a.kind).toBe('decline');
    expect(a.body).toMatch(/read tests/);
  });
});

// Blind round 20: a shop's request for website copy ("says it cleans arteries") and a supplier's
// wholesale price got the calcium-direction facts.
describe('selling K2 is declined as a product request', () => {
  const engine = sharedEngine();

  it.each([
    'we sell mk7 softgels online. can you draft the product listing and say it keeps arteries clean?',
    'write an advert for my k2 drops that says they build strong bones',
    'which natto extract wholesale deal is best for a small brand like ours?',
  ])('%j', (q) => {
    const a = engine.ask(q);
    expect(a.kind).toBe('decline');
    expect(a.facts).toEqual([]);
  });

  it('a question about what K2 does to arteries is still answered', () => {
    expect(engine.ask('does k2 keep arteries clean').kind).toBe('answer');
  });
});

// Blind round 24: "my doctor looked at my bloodwork and said take D3 with K2... is this even safe?"
// was declined as a request to read results. What a doctor did is the story, not a request.
describe('a test result someone else read, told in the story', () => {
  const engine = sharedEngine();

  it('is not a request to read it: the K2 question is answered', () => {
    const a = engine.ask(
      'last spring my GP looked at my bloodwork and started me on D3 with K2. is that combination safe to take?',
    );
    expect(a.kind).toBe('answer');
  });

  it('asking the bot to look at the results is still the clinician’s question', () => {
    expect(engine.ask('can you look at my bloodwork and tell me if my k2 is ok').kind).toBe('decline');
  });
});

// Blind round 31: a letter about intermittent fasting whose question points back at the K2 ("does
// taking it while fasted waste it, and…") was declined as a diet question. Set aside, the diet
// leaves a clause about "it": read with the vitamin the letter names, it is an absorption question.
describe('a diet beside a question that points back at K2', () => {
  it('is answered from how K2 is absorbed, with the fat it needs', () => {
    const a = sharedEngine().ask(
      "I do 16:8 intermittent fasting, eating only between 1 pm and 9 pm. I've been having my K2 capsule with black tea at 6 am because that's when I'm up. Does having it while fasted waste it, and does fasting change how K2 gets absorbed?",
    );
    expect(a.kind).toBe('answer');
    expect(a.topic?.id).toBe('absorption-excretion');
    expect(a.facts).toContain('absorption-excretion/fat-helps-absorption');
  });
});

// Blind round 35: "is grass-fed butter really worth the extra price for vitamin K2?" got the
// product decline, though the article says grass-fed butter has more K2 than regular butter.
describe('worth its price for K2', () => {
  it('asks what the article says of the food, not its price', () => {
    const a = engine.ask(
      'are pasture-raised eggs worth the higher price for k2 or are normal ones the same?',
    );
    expect(a.kind).toBe('answer');
    expect(a.topic?.id).toBe('egg-yolks');
  });

  it('a price asked alone is still declined', () => {
    expect(engine.ask('what does a bottle of mk7 cost these days').kind).toBe('decline');
  });
});

// Blind round 36: a cheese "binge" was declined as a TV binge; a tax form called "K-2" was taken
// for the vitamin; a past DVT was unknown words; a nursing mother's baby, named by age, made her
// intake question about children; an osteoporosis drug taken "alongside" was declined whole though
// the message also asked to stop it for K2.
describe('blind round 36: declines with false reasons, and a true one missed', () => {
  it('a food binge is food, and a TV binge is still declined', () => {
    const a = engine.ask('went on a brie binge at the weekend, 200 g maybe, how much k2 did i get');
    expect(a.kind).toBe('answer');
    expect(a.topic?.id).toBe('cheese');
    expect(engine.ask('is k2 worth a binge watch this weekend').kind).toBe('decline');
  });

  it('a K-2 tax schedule is declined as outside what it knows', () => {
    const a = engine.ask('is schedule k-2 needed for a small llc with two owners?');
    expect(a.kind).toBe('decline');
    expect(a.body).toBe(DECLINE_TEXTS.general);
  });

  it('a past deep vein thrombosis is read as a clot', () => {
    const a = engine.ask('had a dvt two years ago, is mk7 ok for someone like me?');
    expect(a.kind).toBe('answer');
    expect(
      a.facts.some((f) => f.startsWith('clotting-function/') || f.startsWith('safety-side-effects/')),
    ).toBe(true);
  });

  it("a nursing mother's intake question is hers, whatever age her baby is", () => {
    const a = engine.ask('nursing my 2 month old daughter, do i need more vitamin k than 90 mcg?');
    expect(a.kind).toBe('answer');
    expect(a.facts).toContain('pregnancy-breastfeeding/pregnancy-intake');
  });

  it('stopping an osteoporosis drug for K2, beside taking them together, gets the prescriber first', () => {
    const a = engine.ask(
      'my mum takes risedronate. can she take k2 together with it, or would it be better to quit the risedronate and use k2 instead?',
    );
    expect(a.kind).toBe('answer');
    expect(a.topic?.id).toBe('osteoporosis');
    expect(a.personalNotice).toMatch(/prescribed medicine/);
  });
});

// Blind round 36: "i'm on fosamax tho, should i just switch to k2" got the general personal notice;
// switching to K2 with a prescribed medicine named is replacing it, the prescriber's decision.
describe('switching to K2 from a prescribed medicine', () => {
  it.each([
    'taking risedronate weekly, would it be ok to just change over to mk7?',
    'been on prolia two years, can i try k2 instead?',
    // Blind round 39: "she's on fosamax. could she just swap it for k2?" got no prescriber notice.
    'my husband takes alendronate, could he trade it for mk7?',
  ])('%j gets the prescriber notice', (q) => {
    expect(engine.ask(q).personalNotice).toBe(PRESCRIPTION_NOTICE);
  });

  it('in a conversation, the same', () => {
    const conversation = engine.startConversation();
    conversation.ask('can k2 help osteoporosis');
    expect(conversation.ask('my mum is on alendronate, should she swap to k2?').personalNotice).toBe(
      PRESCRIPTION_NOTICE,
    );
  });

  it('switching between forms of K2 is no prescribed medicine replaced', () => {
    expect(engine.ask('should i switch to mk7 from mk4?').personalNotice).not.toBe(PRESCRIPTION_NOTICE);
  });
});

// Blind round 37: "k2, p2" in a knitting pattern was taken for the vitamin ("not sure which part").
describe('knitting', () => {
  it('"k2" in a knitting pattern is declined as outside what it knows', () => {
    const a = engine.ask('my pattern row says k2 p2 k2, then purl back. is that a rib?');
    expect(a.kind).toBe('decline');
    expect(a.body).toBe(DECLINE_TEXTS.general);
  });
});

// Blind round 39: "Is it better to take vitamin K2 in the morning or at night? I take my D3 with
// breakfast and my magnesium at bedtime." was declined as a question about other nutrients.
describe('another supplement told beside a K2 question the article covers only partly', () => {
  it('answers the K2 part, says what is not covered, and names the other supplement', () => {
    const a = engine.ask('is k2 better in the morning or at night? i have my magnesium before sleep');
    expect(a.kind).toBe('answer');
    expect(a.coverage).toBe('partial');
    expect(a.body).toMatch(/magnesium/);
  });
});

// Blind round 43: "cat knocked my k2 bottle off the shelf… found + counted all 60 so nobody ate any. but
// does mk7 go bad if its been sitting in a hot kitchen?" was sent to a vet.
describe('an animal that took nothing, before a question of the asker’s own', () => {
  it('is not a vet’s question; the storage point is said to be uncovered', () => {
    const a = engine.ask(
      'my dog knocked my mk7 bottle over, i counted them all and nothing missing. do the capsules go off if left somewhere warm?',
    );
    expect(a.kind).toBe('answer');
    expect(a.body).toMatch(/^The article doesn't say how to store K2 supplements/);
  });

  it('a question about the animal is still a vet’s', () => {
    expect(engine.ask('the cat got into my k2 but we found all of them, can cats take k2 though?').kind).toBe(
      'decline',
    );
  });
});

// Blind round 38: a K2 ski question was answered "not sure which part of vitamin K2 you mean", and
// a K2 tank question got how MK-7 is made.
describe('skis, a tank and a router called K2', () => {
  it.each([
    'what length k2 mindbender for an intermediate skier',
    'k2 black panther vs leopard 2, which tank has better armour',
    // Blind round 40: a K2 wifi router got how MK-7 is made.
    'my k2 router drops the wifi at night, any firmware fix?',
    // Blind round 41: the K2 board game got the evidence summary.
    'thinking of buying the k2 tabletop game, is the solo mode any good',
  ])('%s is declined as outside what it knows', (question) => {
    const a = engine.ask(question);
    expect(a.kind).toBe('decline');
    expect(a.body).toBe(DECLINE_TEXTS.general);
  });

  it('fermentation tanks stay how MK-7 is made', () => {
    expect(engine.ask('are fermentation tanks how they make mk7').topic?.id).toBe('mk7-production');
  });
});

// Blind round 37: "My DEXA report says osteoporosis of the spine. Will vitamin K2 actually stop me
// breaking a bone…?" was declined as a request to read the report.
describe('a report that says a diagnosis, told before a K2 question', () => {
  it('is answered from the bone facts', () => {
    const a = engine.ask(
      'my dxa report says osteoporosis at the hip. is k2 going to prevent me breaking it?',
    );
    expect(a.kind).toBe('answer');
    expect(a.topic?.id).toMatch(/^(bone-health|bone-human-studies|osteoporosis)$/);
  });

  it('asking what the report means is still declined', () => {
    expect(engine.ask('my dexa report says -2.7, what does that mean').kind).toBe('decline');
  });
});

// Blind round 44 (seen before fixing): "schedule k-2 and k-3" for a partnership return got "not
// sure which part of vitamin K2 you mean": the hyphen kept the tax schedule from matching, and the
// "k2" in it read as the vitamin named.
describe('the tax schedule K-2 written with a hyphen', () => {
  it.each([
    'does my llc have to file schedule k-2 this year',
    'schedule k-1 vs k-2 for an s corp, which one applies',
  ])('%j is outside the bot', (q) => {
    const a = sharedEngine().ask(q);
    expect(a.kind).toBe('decline');
    expect(a.body).toMatch(/^Sorry, that's outside what I know/);
  });
});

// Blind round 45 (seen before fixing): a street drug "his friends called 'K2'" that a teenager had
// smoked, and a Keychron K2 keyboard, got "not sure which part of vitamin K2 you mean".
describe('the street drug and the keyboard called K2', () => {
  it.each([
    'my flatmate was smoking some stuff they called k2 and now hes paranoid, how long does it last',
    'are the synthetic drugs sold as k2 dangerous',
    'is the k2 keyboard good for typing or should i get a k8',
    'k2 vs k4 keychron for a small desk?',
  ])('%j is outside the bot', (q) => {
    const a = sharedEngine().ask(q);
    expect(a.kind).toBe('decline');
    expect(a.body).toMatch(/^Sorry, that's outside what I know/);
  });

  it('a smoker asking about the vitamin is still answered', () => {
    expect(sharedEngine().ask('i smoke a pack a day, can k2 help keep my arteries clear?').kind).toBe(
      'answer',
    );
  });
});

// Blind round 46 (seen before fixing): "random but do u know any good baby name sites lol" after a
// pregnancy answer got "not sure which part of vitamin K2 you mean", a false reason.
it('baby names asked after a pregnancy answer are outside the bot', () => {
  const conversation = sharedEngine().startConversation();
  conversation.ask('can i take mk7 while expecting?');
  const a = conversation.ask('totally unrelated, any baby name ideas for a girl?');
  expect(a.kind).toBe('decline');
  expect(a.body).toMatch(/^Sorry, that's outside what I know/);
});
