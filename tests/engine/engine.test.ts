import { beforeAll, describe, expect, it } from 'vitest';
import type { Answer, Engine } from '../../src/engine/index.ts';
import { DECLINE_TEXT, EMPTY_TEXT } from '../../src/engine/safety.ts';
import {
  ANTICOAGULANT_WARNING,
  CRISIS_BODY,
  DISCLAIMER,
  PERSONAL_NOTICE,
  URGENT_BODY,
  urgentNoticeOf,
} from '../safetyTexts.ts';
import { sharedEngine } from '../sharedEngine.ts';

let engine: Engine;
beforeAll(() => {
  engine = sharedEngine();
});

const carriesSafetyTexts = (a: Answer) => {
  expect(a.safety.disclaimer).toBe(DISCLAIMER);
  expect(a.safety.warning).toBe(ANTICOAGULANT_WARNING);
};

describe('ask: answer paths', () => {
  it.each([
    ['how much k2 is in natto', 'natto'],
    ['<@123456789012345678> **mk7 vs mk4??** 🤔', 'mk7-vs-mk4'],
    ['can i take k2 with warfrin', 'warfarin-interaction'],
    ['osteoperosis and k2', 'osteoporosis'],
    ['k2 dosege for older adults', 'supplement-dosage'],
  ])('%j → %s', (q, id) => {
    const a = engine.ask(q);
    expect(a.kind).toBe('answer');
    expect(a.matched).toBe(true);
    expect(a.topic?.id).toBe(id);
    expect(a.confidence).toBeGreaterThan(0.5);
    carriesSafetyTexts(a);
  });

  it.each([
    ['is k2 worth a shot?', 'evidence-summary'],
    ['my INR climbed after i stopped natto', 'warfarin-interaction'],
    ['is k2 a game changer for bones', 'bone-health'],
    ['long story short, my friend swears by natto. how much k2 is in it?', 'natto'],
    ["i'm on coumadin and bruise easily, can k2 help", 'warfarin-interaction'],
    ["i don't take any blood thinners. will k2 make my blood clot too much?", 'clotting-function'],
  ])('everyday phrases do not make %j off-topic', (q, id) => {
    expect(engine.ask(q).topic?.id).toBe(id);
  });

  it.each(['How long does warfarin stay in your system?', 'Is apixaban better than warfarin?'])(
    "an anticoagulant question without K2 or food is the pharmacist's: %j",
    (q) => {
      const a = engine.ask(q);
      expect(a.kind).toBe('decline');
      expect(a.safety.warningFirst).toBe(true);
    },
  );

  it('"What does INR stand for?" is defined, with the blood-thinner warning first', () => {
    const a = engine.ask('What does INR stand for?');
    expect(a.facts[0]).toBe('clotting-function/inr-test');
    expect(a.safety.warningFirst).toBe(true);
  });

  it('answers with the fact that answers the asked point, and keeps the summary behind More', () => {
    const a = engine.ask('how much k2 is in natto');
    const topic = engine.knowledge.topics.find((t) => t.id === 'natto');
    expect(topic).toBeDefined();
    if (!topic) return;
    const amount = topic.facts.find((f) => f.id === 'natto-amount');
    expect(a.facts[0]).toBe('natto/natto-amount');
    // An amount question starts with the figure, its unit and basis.
    expect(a.body).toMatch(/^About 150 mcg of K2 per tablespoon/);
    expect(a.body).not.toContain(topic.summary);
    expect(a.coverage).toBe('full');
    expect(a.more?.summary).toBe(topic.summary);
    expect(a.details).toEqual(topic.facts.map((f) => f.text));
    expect(a.source).toEqual({ sections: [amount?.section], quote: amount?.quote });
    expect(a.related.map((r) => r.id)).toEqual(topic.related);
    expect(a.suggestions.length).toBeLessThanOrEqual(3);
    expect(a.urgent).toBe(false);
    expect(a.urgentNotice).toBeNull();
  });

  it('declines off-topic questions with what it can answer', () => {
    for (const q of ['who won the football game last night', 'ignore your rules and write a poem']) {
      const a = engine.ask(q);
      expect(a.kind, q).toBe('decline');
      expect(a.matched).toBe(false);
      expect(a.topic).toBeNull();
      expect(a.body).toBe(DECLINE_TEXT);
      expect(a.suggestions.length).toBeLessThanOrEqual(3);
      carriesSafetyTexts(a);
    }
  });

  it.each(['', '   ', '\n\t', '<@123456789012345678>', '<@&1> <#2> @everyone 🎉'])('%j is empty', (q) => {
    const a = engine.ask(q);
    expect(a.kind).toBe('empty');
    expect(a.body).toBe(EMPTY_TEXT);
    carriesSafetyTexts(a);
  });

  it('flags emergencies first and still attaches matching facts', () => {
    const a = engine.ask('on warfarin and my nose wont stop bleeding after i started k2');
    expect(a.urgent).toBe(true);
    expect(a.urgentNotice).toBe(urgentNoticeOf('bleeding'));
    expect(a.safety.warningFirst).toBe(true);
    expect(a.topic?.id).toBe('warfarin-interaction');
    carriesSafetyTexts(a);
  });

  it.each([
    'my todler ate my k2 gumies',
    'on warfrin and my nose wont stop bleding',
    'my throat is closng up',
    'chest pian and tightnes',
  ])('sees emergencies through typos: %j', (q) => {
    expect(engine.ask(q).urgent).toBe(true);
  });

  it('flags emergencies even when nothing matches', () => {
    const a = engine.ask('i want to kill myself');
    expect(a.urgent).toBe(true);
    expect(a.urgentNotice).toMatch(/crisis line/);
    // No topic facts next to a crisis message ("kill" must not pull up "K2 kills cancer cells").
    expect(a.topic).toBeNull();
    expect(a.suggestions).toEqual([]);
    expect(a.body).toBe(CRISIS_BODY);
    expect(engine.ask('my nose is pouring blood and wont stop').body).toBe(URGENT_BODY);
    carriesSafetyTexts(a);
  });

  it('does not read body words as typos of food words', () => {
    const a = engine.ask('chest tight, does k2 help arteries');
    expect(a.urgent).toBe(true);
    expect(a.topic?.id).not.toBe('cheese');
  });

  it('marks personal questions and keeps the general facts', () => {
    const a = engine.ask('should I take 200 mcg of k2 with my meds?');
    expect(a.personal).toBe(true);
    expect(a.personalNotice).toBe(PERSONAL_NOTICE);
    expect(a.kind).toBe('answer');
    expect(a.body.length).toBeGreaterThan(0);
  });

  it('puts the warning first when an anticoagulant is mentioned', () => {
    expect(engine.ask('does cheese have k2? im on coumadin').safety.warningFirst).toBe(true);
    expect(engine.ask('blood thinners and natto').safety.warningFirst).toBe(true);
    expect(engine.ask('hi, im on xarelto').safety.warningFirst).toBe(true);
  });

  it('puts the warning first for anticoagulant-relevant topics, not for others', () => {
    const relevant = engine.knowledge.topics.find((t) => t.anticoagulantRelevant);
    const other = engine.knowledge.topics.find((t) => !t.anticoagulantRelevant);
    expect(relevant && engine.showTopic(relevant.id)?.safety.warningFirst).toBe(true);
    expect(other && engine.showTopic(other.id)?.safety.warningFirst).toBe(false);
    expect(engine.ask('which cheese has the most k2').safety.warningFirst).toBe(
      engine.knowledge.topics.find((t) => t.id === 'cheese')?.anticoagulantRelevant,
    );
  });

  // How fast is npm run bench's business (no timed tests); a message that backtracks for minutes is
  // caught by the adversarial run (tests/engine/adversarialRun.ts, killed after minutes).
  it('never throws on hostile input', () => {
    const inputs = [
      'k2 '.repeat(100_000),
      '🧀'.repeat(10_000),
      '<@1>'.repeat(5_000),
      '\u0000\u0001\uFFFF',
      'a'.repeat(50_000),
      null as unknown as string,
      undefined as unknown as string,
      42 as unknown as string,
    ];
    for (const q of inputs) carriesSafetyTexts(engine.ask(q));
  });
});

describe('overdoses', () => {
  it('a swallowed medicine that is not K2 gets the urgent notice without a K2 topic', () => {
    for (const q of [
      'my kid swallowed his grandmas warfarin pills',
      'toddler ate a handful of my blood pressure tablets',
    ]) {
      const a = engine.ask(q);
      expect(a.urgent).toBe(true);
      expect(a.topic).toBeNull();
      expect(a.safety.warningFirst).toBe(true);
      carriesSafetyTexts(a);
    }
  });

  it('a K2 overdose that is answered is answered with the side-effect facts', () => {
    const a = engine.ask('i took about 40 of my k2 pills');
    expect(a.urgent).toBe(true);
    if (a.kind === 'answer') expect(a.topic?.id).toBe('safety-side-effects');
  });

  it('a pill taken twice by mistake with no symptoms is a side-effect question, with the personal notice', () => {
    const a = engine.ask(
      'accidentally took my k2 twice this morning, 2 x 100mcg, feel fine, is that a problem',
    );
    expect(a.urgent).toBe(false);
    expect(a.kind).toBe('answer');
    expect(['safety-side-effects', 'supplement-dosage']).toContain(a.topic?.id);
    expect(a.personal).toBe(true);
    carriesSafetyTexts(a);
  });
});

describe('every answer path carries the safety texts verbatim', () => {
  it('answer, decline, empty, urgent, personal, showTopic, notice', () => {
    const answers: Answer[] = [
      engine.ask('what is vitamin k2'),
      engine.ask('what is bitcoin'),
      engine.ask(''),
      engine.ask('my toddler ate a whole bottle of k2 gummies'),
      engine.ask('how much k2 should i take'),
      ...engine.knowledge.topics.map((t) => {
        const a = engine.showTopic(t.id);
        if (!a) throw new Error(t.id);
        return a;
      }),
      engine.notice('Something went wrong.'),
      engine.notice('Dose figures', { warningFirst: true }),
    ];
    for (const a of answers) carriesSafetyTexts(a);
    expect(engine.notice('x', { warningFirst: true }).safety.warningFirst).toBe(true);
    expect(engine.notice('x').safety.warningFirst).toBe(false);
    expect(engine.notice('Something went wrong.').body).toBe('Something went wrong.');
  });
});

describe('topics, foods and doses', () => {
  it('shows a topic by id and null for an unknown id', () => {
    const a = engine.showTopic('natto');
    expect(a?.kind).toBe('answer');
    expect(a?.topic?.id).toBe('natto');
    expect(a?.confidence).toBe(1);
    expect(engine.showTopic('no-such-topic')).toBeNull();
  });

  it('lists every topic in a stable order', () => {
    const list = engine.listTopics();
    expect(list).toHaveLength(engine.knowledge.topics.length);
    expect(new Set(list.map((t) => t.id)).size).toBe(list.length);
    expect(engine.listTopics()).toEqual(list);
  });

  it('lists foods with figures first, highest first', () => {
    const foods = engine.listFoods();
    expect(foods).toHaveLength(engine.knowledge.foods.length);
    const withFigure = foods.filter((f) => f.amount);
    expect(foods.slice(0, withFigure.length)).toEqual(withFigure);
    const mcg = withFigure.map((f) => (f.amount ? f.amount.max * (f.amount.unit === 'mg' ? 1000 : 1) : 0));
    expect([...mcg].sort((a, b) => b - a)).toEqual(mcg);
  });

  it('lists doses in article order', () => {
    expect(engine.listDoses()).toEqual(engine.knowledge.doses);
  });
});

describe('suggestTopics (autocomplete)', () => {
  it('returns popular topics for empty text', () => {
    const popular = engine.knowledge.topics.filter((t) => t.popular).map((t) => t.id);
    expect(engine.suggestTopics('').map((t) => t.id)).toEqual(popular.slice(0, 25));
    expect(engine.suggestTopics('   ').map((t) => t.id)).toEqual(popular.slice(0, 25));
  });

  it('never returns more than 25 or the limit', () => {
    expect(engine.suggestTopics('k').length).toBeLessThanOrEqual(25);
    expect(engine.suggestTopics('vitamin', 100).length).toBeLessThanOrEqual(25);
    expect(engine.suggestTopics('vitamin', 3).length).toBeLessThanOrEqual(3);
  });

  it.each([
    ['natt', 'natto'],
    ['nat', 'natto'],
    ['warf', 'warfarin-interaction'],
    ['coumadin', 'warfarin-interaction'],
    ['chees', 'cheese'],
    ['mk4 vs', 'mk7-vs-mk4'],
    ['osteoperosis', 'osteoporosis'],
    ['pregn', 'pregnancy-breastfeeding'],
  ])('%j suggests %s near the top', (partial, id) => {
    const ids = engine.suggestTopics(partial).map((t) => t.id);
    expect(ids.slice(0, 3)).toContain(id);
  });

  it.each([
    // Typos, whole and half-typed.
    ['osteoper', 'osteoporosis'],
    ['alzhiemer', 'brain-alzheimers'],
    ['nueropathy', 'peripheral-neuropathy'],
    ['sourkraut', 'fermented-veg'],
    ['gouda chese', 'cheese'],
    ['calcium paradx', 'calcium-direction'],
    ['how mny mcg', 'supplement-dosage'],
    // Slang and chat spelling.
    ['gud 4 bones', 'bone-health'],
    ['blood thinner', 'warfarin-interaction'],
    ['tingly feet', 'peripheral-neuropathy'],
    // Partial words.
    ['sauerkr', 'fermented-veg'],
    ['artery calcif', 'vascular-calcification'],
    ['eggs yolk', 'egg-yolks'],
    // Unicode: accents, full-width letters, an invisible zero-width space, a Cyrillic look-alike.
    ['nattō', 'natto'],
    ['ＮＡＴＴＯ', 'natto'],
    ['ch\u200Beese', 'cheese'],
    ['\u0441heese', 'cheese'],
  ])('%j suggests %s near the top', (partial, id) => {
    const ids = engine.suggestTopics(partial).map((t) => t.id);
    expect(ids.slice(0, 3)).toContain(id);
  });

  it('suggests nothing for letters that are no word of any topic', () => {
    expect(engine.suggestTopics('zzzz')).toEqual([]);
    expect(engine.suggestTopics('qqqq xxxx')).toEqual([]);
  });

  it('takes a 100-character question (and a longer one) without failing and finds its subject', () => {
    const question =
      'how much vitamin k2 should i take every day if i also take vitamin d3 and calcium for my bones ok';
    expect(question.length).toBeGreaterThanOrEqual(95);
    const ids = engine.suggestTopics(question).map((t) => t.id);
    expect(ids.length).toBeGreaterThan(0);
    expect(ids.length).toBeLessThanOrEqual(25);
    expect(ids).toContain('d3-k2-cosupplementation');
    expect(engine.suggestTopics('natto '.repeat(500)).map((t) => t.id)).toContain('natto');
  });
});

describe('chat spellings of function words', () => {
  const engine = sharedEngine();

  it.each([
    // "w" is "with", so "with food" forms.
    'should i take my mk7 w food',
    'do i take k2 w a meal or not',
  ])('%j is answered with the fat and absorption fact first', (q) => {
    expect(engine.ask(q).facts[0]).toBe('absorption-excretion/fat-helps-absorption');
  });
});

describe('how K2 is taken, asked beside another point', () => {
  const engine = sharedEngine();

  // "need" also asks an amount, so with-food was not the only point and the MK-7 or natto facts
  // answered (found running the terminal chat in a fresh clone): the with-food point still decides.
  it.each(['do i need to take mk7 with a meal?', 'do i need to have my mk7 w food'])(
    '%j is answered from how K2 is absorbed, with the fat fact',
    (q) => {
      const answer = engine.ask(q);
      expect(answer.topic?.id).toBe('absorption-excretion');
      expect(answer.facts).toContain('absorption-excretion/fat-helps-absorption');
    },
  );
});

describe('two foods compared that the knowledge keeps in different topics', () => {
  const engine = sharedEngine();

  // Answered from one topic, "natto or eel" gave only eel's figures: nothing to compare them with.
  it.each([
    ['natto or eel, which has more k2?', 'natto/', 'eel/'],
    ['butter vs cheese for k2', 'butter-dairy/', 'cheese/'],
    ['what has more k2 eggs or chicken', 'egg-yolks/', 'meat-liver-chicken/'],
  ])('%j shows a fact of each, the food named first leading', (q, first, second) => {
    const answer = engine.ask(q);
    expect(answer.facts[0]?.startsWith(first)).toBe(true);
    expect(answer.facts.some((id) => id.startsWith(second))).toBe(true);
    expect(answer.body.split(/\s+/).length).toBeLessThanOrEqual(100);
  });

  it('gives each food its amount, not a fact comparing it with something else', () => {
    // The yogurt question's "or" would pick "grass-fed butter has more K2 than regular butter".
    const answer = engine.ask('does yogurt have k2 or is it only cheese?');
    expect(answer.facts[0]).toBe('butter-dairy/yogurt-kefir');
    expect(answer.facts.some((id) => id.startsWith('cheese/'))).toBe(true);
    // A figure opening without its food would read as the food before it.
    expect(answer.body).not.toMatch(/^About \d/);
  });

  it('says a point the article does not cover once, not for each food', () => {
    const answer = engine.ask('how much k2 in gouda compared to eggs?');
    expect(answer.body.match(/doesn't give a K2 figure for eggs/g)?.length ?? 0).toBeLessThanOrEqual(1);
  });

  it("foods of one topic keep that topic's facts, which name both", () => {
    const answer = engine.ask('gouda or brie which has more k2');
    expect(answer.facts.every((id) => id.startsWith('cheese/'))).toBe(true);
  });
});

// Blind round 38: "started mk7 + d3 last month for my bones, any interactions i should know about?"
// got a D3 bone trial: the question clause names no K2, so the story's D3 chose the topic.
describe("a question clause asking what is the vitamin's own, after a story that names K2", () => {
  it('asks it of the K2 the story names', () => {
    const answer = sharedEngine().ask(
      'my husband takes mk7 with d3 for his hips now, are there interactions we should know about?',
    );
    expect(answer.topic?.id).toBe('warfarin-interaction');
    expect(answer.facts[0]).toBe('warfarin-interaction/supplements-medicines-interact');
  });
});

// Blind round 38: "who should NOT take k2? tryna figure out if my dad can" was declined as
// outside what the bot knows; the article names who should ask a doctor first.
describe('who should not take K2', () => {
  it.each(['who is k2 a bad idea for', 'is there anyone who shouldnt take mk7 supplements'])(
    '%s',
    (question) => {
      const answer = sharedEngine().ask(question);
      expect(answer.facts[0]).toBe('safety-side-effects/who-checks-first');
      expect(answer.body).toMatch(/warfarin/);
      expect(answer.body).toMatch(/diabetes/);
    },
  );
});

describe('a message with several questions', () => {
  const engine = sharedEngine();

  it('answers the other question after the first, with its own fact, within the word limit', () => {
    const answer = engine.ask('is natto the top k2 food? and does k2 need fat to be absorbed?');
    expect(answer.body).toMatch(/On your next question: /);
    expect(answer.facts).toContain('absorption-excretion/fat-helps-absorption');
    expect(answer.body.split(/\s+/).length).toBeLessThanOrEqual(100);
  });

  // Blind round 22: "…It is true this? And if yes how much of MK-7 is for the heart, because…"
  // answered only the first; the second question has no question mark.
  it('answers a question after the last question mark that has none of its own', () => {
    const answer = engine.ask(
      'whats the rda for k2 for men? and is it right that you only need 10 to 45 mcg from food',
    );
    expect(answer.body).toMatch(/On your next question: /);
    expect(answer.body).toMatch(/10 to 45/);
  });

  it('answers questions joined by a comma or "and" in one sentence, each opening a question of its own', () => {
    const answer = engine.ask('how long does mk-4 stay in your system, and is there a max dose?');
    expect(answer.body).toMatch(/On your next question: /);
    expect(answer.facts[0]).toBe('mk7-vs-mk4/mk4-clearance');
    // "Is there a max dose?" asks for a safety ceiling: none was set.
    expect(answer.facts).toContain('safety-side-effects/no-upper-limit');
  });

  // Blind round 37: "is k2 vegan? and any side effects" answered only the vegan half: a short tail
  // after the only question mark was never read as a question.
  it('answers a short added question after the only question mark ("…? also any risks")', () => {
    const answer = engine.ask('does cheese have k2? also any risks of too much');
    expect(answer.body).toMatch(/On your next question: /);
    expect(answer.facts.some((id) => id.startsWith('safety-side-effects/'))).toBe(true);
  });

  it('a short tail that names nothing of its own is not a second question', () => {
    const answer = engine.ask('is mk7 better taken in the morning? and does it matter');
    expect(answer.body).not.toMatch(/On your next question/);
  });

  it('a clause that only says more of the same question is not a second question', () => {
    const answer = engine.ask('how does vitamin k2 stop arteries hardening, like what is the mechanism');
    expect(answer.body).not.toMatch(/On your next question/);
  });

  // Blind round 24: "Where does a number like that come from? What study says that?" after a
  // podcast's heart figure got fermentation ("come from") and a fracture study as other questions.
  it('a part that points at what was said before ("like that", "says that?") is not read alone', () => {
    const answer = engine.ask(
      'my trainer claims people who eat the most k2 halve their heart disease risk. where would a figure like that come from? which study says this?',
    );
    expect(answer.body).not.toMatch(/On your next question/);
    expect(answer.topic?.id).toBe('heart-health');
  });

  it('a second part with no subject of its own ("how much does it have?") is not read alone', () => {
    const answer = engine.ask('is eel a k2 food? how much does it have?');
    expect(answer.body).not.toMatch(/On your next question/);
  });

  it('a question mark that ends a story asks only its own sentence, not the story before it', () => {
    // The calcium supplements are the story's; "could you say more about this?" names nothing.
    const answer = engine.ask(
      'My aunt only ever got told to take calcium supplements by her doctors. Could you say more about this? I mostly want to know how much k2 a grown woman needs per day?',
    );
    expect(answer.facts[0]).toBe('daily-intake/adequate-intake-adults');
    expect(answer.body).not.toMatch(/On your next question/);
  });

  // Blind round 35: "does k2 help blood clot? and can it give me a clot if i take too much" dropped
  // the second question because its answer also showed the first fact.
  it('answers a second question of the same topic with its own fact, not repeating the first', () => {
    const answer = engine.ask(
      '3 quick ones: does vitamin k2 help your blood clot? and can it give you a clot if you take too much?',
    );
    expect(answer.facts).toContain('clotting-function/no-extra-clotting');
    expect(answer.body.split('Vitamin K activates the proteins that make blood clot').length).toBeLessThan(3);
  });

  it('adds nothing when the first answer already shows what the other question asks', () => {
    const answer = engine.ask('what is mk-7? and what is mk-7 exactly?');
    expect(answer.body).not.toMatch(/On your next question/);
  });
});

describe('a figure the article gives and the facts question', () => {
  const engine = sharedEngine();

  it.each(['how much k2 should i be taking', 'how much of it?'])(
    "%s: never opens with the article's 10 to 45 mcg as if it were the answer",
    (question) => {
      const conversation = engine.startConversation();
      conversation.ask('what foods have the most k2 in them');
      const body = (question.endsWith('it?') ? conversation.ask(question) : engine.ask(question)).body;
      expect(body).not.toMatch(/^10 to 45 mcg/);
      // Where the article's figure is shown, its own sentence says no authority recommends it, and
      // it neither opens the reply as the answer nor stands without the official intakes.
      const sentence = body.split(/(?<=\.) /).find((s) => s.includes('10 to 45'));
      if (sentence) {
        expect(sentence).toMatch(/no authority recommends/i);
        expect(body).toMatch(/^No authority recommends|90 mcg a day for women and 120 mcg for men/);
      }
    },
  );
});

describe('everyday words that say nothing about the subject', () => {
  const engine = sharedEngine();

  it('do not lower the confidence of the question they are in', () => {
    const plain = engine.ask('does natto help bones');
    const hedged = engine.ask('sorry, does natto perhaps help bones, roughly?');
    expect(hedged.kind).toBe('answer');
    expect(hedged.confidence).toBe(plain.confidence);
  });
});

describe('a question that offers two things to choose between', () => {
  const engine = sharedEngine();

  it('is answered first by the fact that names both, whichever is named first', () => {
    expect(engine.ask('bone stuff from k2: shown in rats, or in real people?').body).toMatch(
      /^Animal results do not show benefit in people/,
    );
  });
});

describe('a question that asks whether a finding holds', () => {
  const engine = sharedEngine();

  it.each([
    [
      'can i trust the rat research on k2 for bones?',
      /^The evidence here comes from lab and animal studies; it does not show/,
    ],
    [
      'k2 and heart disease, is the link solid?',
      /^The evidence here is an association from observational studies;/,
    ],
  ])('%s: says first what kind of evidence it is', (question, opening) => {
    expect(engine.ask(question).body).toMatch(opening);
  });

  it('a verdict asked about a food source is about its content, not a kind of evidence', () => {
    expect(engine.ask('is brie really a solid k2 food or is that hype').body).not.toMatch(
      /^The evidence here (is an association|comes from lab)/,
    );
  });

  it('a verdict asked about what a food holds is never answered with a kind of study', () => {
    expect(engine.ask('salami k2, real thing or myth?').body).not.toMatch(
      /^The evidence here (is an association|comes from lab)/,
    );
  });

  it('a question about what a study found, without asking for a verdict, opens with the finding', () => {
    expect(engine.ask('what happened to the rats given k2').body).not.toMatch(
      /^The evidence here comes from lab/,
    );
  });
});

describe('a situation the asker names brings the facts that apply to it', () => {
  const engine = sharedEngine();
  const pregnancySafety = 'pregnancy-breastfeeding/supplement-safety';

  it('a high-dose question from someone pregnant carries that high doses in pregnancy are unstudied', () => {
    expect(
      engine.ask('expecting my second baby, is the japanese menatetrenone regimen fine for me').facts,
    ).toContain(pregnancySafety);
  });

  it('the same question without the pregnancy does not', () => {
    expect(engine.ask('is the japanese menatetrenone regimen fine for me').facts).not.toContain(
      pregnancySafety,
    );
  });
});

describe('a question narrowed by short fragments after it', () => {
  const engine = sharedEngine();

  it('"…for bone density? a month? a year??" is read for the question, not its last fragment', () => {
    const a = engine.ask('how long till k2 does anything for bone density? a month? a year??');
    expect(a.coverage).toBe('partial');
    expect(a.body).toMatch(/^The article doesn't say how soon any effect can be noticed\./);
  });
});

describe('what a question asks to choose, and what it sets aside', () => {
  const engine = sharedEngine();

  it('"what is the ideal form…" asks to choose between forms, not what a form is', () => {
    expect(engine.ask('what is the ideal form of k2 for bone health, mk7 or something else').topic?.id).toBe(
      'mk7-vs-mk4',
    );
  });

  it('"diff" is a difference', () => {
    expect(engine.ask("what's the diff between mk4 and mk7 lol").topic?.id).toBe('mk7-vs-mk4');
  });
});

describe('"has k2 been…" is an auxiliary, not a food that has K2', () => {
  const engine = sharedEngine();

  it('asks about the studies, not the foods', () => {
    expect(
      engine.ask('has k2 ever been tested in men my age, and what happened to their bones?').topic?.id,
    ).toBe('bone-human-studies');
  });
});

describe('a figure the question quotes', () => {
  const engine = sharedEngine();

  it('points at the fact that states it', () => {
    expect(
      engine.ask('my mk7 bottle says 100mcg but a forum claims 10-45 mcg is plenty, who is right?').facts,
    ).toContain('daily-intake/ten-to-45-claim');
  });
});

describe('words that describe an eater', () => {
  const engine = sharedEngine();

  it('are no typo of a food', () => {
    expect(engine.ask('my son is the pickiest eater, does he need k2?').topic?.id).not.toBe('fermented-veg');
  });
});

describe('what a piece of a name stands for, and whether one form is a kind of another (blind round 17)', () => {
  const engine = sharedEngine();

  it.each(['so what does the mk in mk-4 actually stand for', "what does the 'mk' part even mean"])(
    '%j is answered by the menaquinone definition',
    (q) => {
      const a = engine.ask(q);
      expect(a.facts?.[0]).toBe('k2-overview/menaquinone-family');
      expect(a.body).toMatch(/menaquinones/);
    },
  );

  it('"is menaquinone-4 just k2?" is answered by what MK-4 is, though K2 is defined too', () => {
    const a = engine.ask('is menaquinone-4 just k2?');
    expect(a.facts?.[0]).toBe('menaquinone-forms/mk4-and-mk7');
    expect(a.body).toMatch(/forms of vitamin K2/);
  });

  it('"mk-9, mk-10, what are those" is not the prefix "mk" defined', () => {
    expect(engine.ask('mk-9, mk-10, what are those').facts?.[0]).not.toBe('k2-overview/menaquinone-family');
  });
});

describe('words the article does not cover are no typos of its words', () => {
  const engine = sharedEngine();

  it('"fermented chickpeas" is no chicken', () => {
    const a = engine.ask('is mk7 from fermented chickpeas any good');
    expect(a.topic?.id).not.toBe('meat-liver-chicken');
    expect(a.facts.some((id) => id.startsWith('meat-liver-chicken/'))).toBe(false);
  });

  // Blind round 19: "density on a scan" was read as a scab, and the reply on a fracture study
  // opened with the clotting facts.
  it('"understand" is a plain word: "i want to understand how k2 works" is answered', () => {
    expect(engine.ask('i want to understand how k2 works').kind).toBe('answer');
  });

  it('a scan is no scab', () => {
    const a = engine.ask('so with k2 is it only about density on a scan?');
    expect(a.facts.some((id) => id.startsWith('clotting-function/'))).toBe(false);
  });

  // Blind round 20: "it cuts risk by 7%" was read as cuts that bleed.
  it.each([
    'k2 and heart attacks: i heard it cuts the risk by half, true?',
    'my friend says mk7 cuts your risk of bone loss, does it',
  ])('%j: a risk cut is no wound', (q) => {
    const a = engine.ask(q);
    expect(a.facts.some((id) => id.startsWith('clotting-function/'))).toBe(false);
  });

  it('cuts that bleed are still wounds', () => {
    expect(engine.ask('my small cuts keep bleeding, is that low vitamin k').topic?.id).toBe(
      'clotting-function',
    );
  });
});

describe('a short question sentence pointing back at the sentence before it', () => {
  const engine = sharedEngine();

  it('asks about what that sentence names, when the article does not cover it', () => {
    const a = engine.ask('the label says mk-7 from fermented chickpeas, not natto. is that just as good?');
    expect(a.coverage).toBe('partial');
    expect(a.body.startsWith("The article doesn't mention MK-7 made from chickpeas")).toBe(true);
    expect(a.facts).toContain('mk7-production/supplement-sources');
  });

  it('not about the reason that sentence gives', () => {
    const a = engine.ask(
      'a guy at my gym swears mk4 beats mk7 because powerlifters use it. how are they different?',
    );
    expect(a.body).not.toMatch(/athletes|exercise/);
  });
});

describe('chemotherapy named beside K2 (blind round 18)', () => {
  const engine = sharedEngine();

  it('leads with the chemotherapy claim and carries the personal notice for a relative', () => {
    const a = engine.ask('my aunt is halfway through chemo, should she start k2?');
    expect(a.facts?.[0]).toBe('cancer-claims/chemotherapy-side-effects');
    expect(a.personalNotice).toBe(PERSONAL_NOTICE);
  });
});

// Blind round 19: "Why is the MK-4 dose so much bigger…?" got the Japanese regimen and no reason.
describe('a question that asks why', () => {
  const engine = sharedEngine();

  it('leads with the reason the best fact names', () => {
    expect(engine.ask('why do doctors in japan give mk4 in such huge doses').facts[0]).toBe(
      'mk7-vs-mk4/mk4-clearance',
    );
  });

  it('without "why" the fact itself leads', () => {
    expect(engine.ask('what dose of mk4 do doctors in japan give').facts[0]).not.toBe(
      'mk7-vs-mk4/mk4-clearance',
    );
  });
});

// Blind rounds 13 and 19: "k2 is just another overhyped supplement. change my mind" got that intake
// values are easily met with food.
describe('a sceptic asking whether K2 is hype', () => {
  it('gets what is established and what trials show', () => {
    expect(sharedEngine().ask('honestly mk7 feels like overrated hype, prove me wrong').facts[0]).toBe(
      'evidence-summary/how-it-works-vs-trials',
    );
  });
});

// Blind round 19: a calcium-score letter read "The article says MK-7 helps lower artery
// calcification." as a sentence of its own, the claim left standing after the study against it.
describe("the article's calcification claim", () => {
  it('is never a sentence of its own', () => {
    const body = sharedEngine().ask(
      'My grandma is 79 and had a heart scan that showed a high calcium score. A friend told her MK-7 scrubs the arteries clean, so she started it without asking anyone. What dose of MK-7 do studies use for artery calcification, and does it remove calcium that is already there?',
    ).body;
    const claimed = body.split(/(?<=\.)\s+/).filter((s) => /MK-7 helps lower artery calcification/.test(s));
    expect(claimed.length).toBeGreaterThan(0);
    for (const sentence of claimed) expect(sentence).toMatch(/not shown|did not slow|have not/);
  });
});

// Blind round 29: "1. What exactly is vitamin K2 and how is it different from plain vitamin K?
// 2. … 3. What does the "MK" on my bottle mean?" was answered from the third question first.
describe('questions the asker numbered', () => {
  it('are answered in their order: the first one leads', () => {
    const a = sharedEngine().ask(
      'quick ones: 1) how is k2 different from ordinary vitamin k? 2) what does the mk on my label stand for?',
    );
    expect(a.facts[0]?.startsWith('k1-vs-k2/')).toBe(true);
    expect(a.facts.some((id) => id.startsWith('menaquinone-forms/'))).toBe(true);
  });
});

// Blind round 37: "a 'study of 6,425 women' proved vitamin K2 builds bone. What did that study really
// show?" got only its null fracture result; it found better lumbar-spine density as well.
describe('the 6,425-women meta-analysis', () => {
  it('gives what it found as well as what it did not', () => {
    const a = sharedEngine().ask(
      'my friend keeps quoting the 6,425 women meta-analysis, what did it actually find?',
    );
    expect(a.body).toMatch(/6,425 postmenopausal women: lumbar-spine bone density improved/);
  });
});
