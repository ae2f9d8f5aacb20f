import { describe, expect, it } from 'vitest';
import { loadKnowledge } from '../../src/kb/load.ts';
import { findInstructionWording } from '../../src/kb/wording.ts';
import { KNOWLEDGE_DIR } from './knowledgePaths.ts';

const kb = loadKnowledge(KNOWLEDGE_DIR);
const topicIds = new Set(kb.topics.map((topic) => topic.id));

/** The 37 topics of fact-check.md Part 2, in its order. */
const PLANNED_TOPICS = [
  'k2-overview',
  'menaquinone-forms',
  'mk7-production',
  'clotting-function',
  'deficiency-risk',
  'calcium-direction',
  'bone-health',
  'bone-proteins',
  'bone-lab-and-animal-studies',
  'bone-human-studies',
  'osteoporosis',
  'heart-health',
  'vascular-calcification',
  'cancer-claims',
  'diabetes',
  'd3-k2-cosupplementation',
  'brain-alzheimers',
  'peripheral-neuropathy',
  'k1-vs-k2',
  'natto',
  'cheese',
  'egg-yolks',
  'meat-liver-chicken',
  'eel',
  'butter-dairy',
  'fermented-veg',
  'food-plan',
  'absorption-excretion',
  'daily-intake',
  'pregnancy-breastfeeding',
  'supplement-dosage',
  'mk7-vs-mk4',
  'mk4-high-dose-japan',
  'choosing-mk7-supplement',
  'warfarin-interaction',
  'safety-side-effects',
  'evidence-summary',
];

/** Topics about clotting or anticoagulants: the anticoagulant warning must lead their answers. */
// The warning leads only where the anticoagulant interaction is the heart of the topic: leading it
// everywhere (eggs, pregnancy, osteoporosis) would teach people to skip it. It is shown on every
// reply regardless; this list only decides its place.
const ANTICOAGULANT_TOPICS = [
  'clotting-function',
  'natto',
  'warfarin-interaction',
  'safety-side-effects',
  'supplement-dosage',
  'd3-k2-cosupplementation',
  'mk4-high-dose-japan',
];

describe('topics', () => {
  it('has exactly the 37 planned topics', () => {
    expect([...topicIds].sort()).toEqual([...PLANNED_TOPICS].sort());
  });

  it.each(kb.topics.map((topic) => [topic.id, topic] as const))('%s is complete', (_id, topic) => {
    // Glossary facts (definitionOnly) answer only a request for their term, and facts about the
    // whole article (askedOnly) only a request for them: they are not the topic's.
    const answering = topic.facts.filter((fact) => !fact.definitionOnly && !fact.askedOnly);
    expect(answering.length).toBeGreaterThanOrEqual(3);
    expect(answering.length).toBeLessThanOrEqual(8);
    expect(topic.questions.length).toBeGreaterThanOrEqual(3);
    expect(topic.keywords.length).toBeGreaterThanOrEqual(1);
    expect(topic.related.length).toBeGreaterThanOrEqual(2);
    expect(topic.related.length).toBeLessThanOrEqual(4);
    expect(topic.related.filter((id) => !topicIds.has(id) || id === topic.id)).toEqual([]);
    expect(topic.questions[0]?.length ?? 0).toBeLessThanOrEqual(100);
    const sentences = topic.summary.split(/(?<=[.!?])\s+(?=[A-Z"])/);
    expect(sentences.length).toBeGreaterThanOrEqual(2);
    expect(sentences.length).toBeLessThanOrEqual(4);
    expect(topic.corrections.every((correction) => correction.note.length <= 400)).toBe(true);
  });

  it('leads with the anticoagulant warning on exactly the interaction topics', () => {
    const leading = kb.topics.filter((topic) => topic.anticoagulantRelevant).map((topic) => topic.id);
    expect(leading.sort()).toEqual([...ANTICOAGULANT_TOPICS].sort());
  });

  it('marks a handful of topics as popular for the empty autocomplete box', () => {
    const popular = kb.topics.filter((topic) => topic.popular).map((topic) => topic.id);
    expect(popular.length).toBeGreaterThanOrEqual(6);
    expect(popular.length).toBeLessThanOrEqual(12);
    expect(popular).toEqual(expect.arrayContaining(['k2-overview', 'warfarin-interaction', 'daily-intake']));
  });

  it('drops the editor $schema key when loading', () => {
    expect(kb.topics.filter((topic) => '$schema' in topic).map((topic) => topic.id)).toEqual([]);
  });
});

describe('wording', () => {
  const texts = [
    ...kb.topics.flatMap((topic) => [
      { where: `topics/${topic.id}.json summary`, text: topic.summary },
      ...topic.facts.map((fact, i) => ({
        where: `topics/${topic.id}.json facts[${i}].text`,
        text: fact.text,
      })),
      ...topic.corrections.map((c, i) => ({
        where: `topics/${topic.id}.json corrections[${i}]`,
        text: c.note,
      })),
    ]),
    ...kb.doses.map((dose, i) => ({ where: `doses.json doses[${i}].text`, text: dose.text })),
  ];

  it('never instructs the reader', () => {
    const instructions = texts
      .map(({ where, text }) => ({ where, instruction: findInstructionWording(text) }))
      .filter(({ instruction }) => instruction !== null);
    expect(instructions).toEqual([]);
  });

  // A fact may lead a reply on its own: "Other trials found no bone density effect…" opened a reply
  // to "what do you think of 45 mg a day for bones?" (blind round 37), pointing at trials never shown.
  it('has no fact that opens by leaning on a sentence before it', () => {
    const leaning =
      /^(Other|Also|And|But|It|Its|This|These|That|Those|They|Their|The same|Another|Both|Still|Yet|However|So)\b/;
    const facts = kb.topics.flatMap((topic) =>
      topic.facts.flatMap((fact) =>
        [fact.text, fact.answer ?? '']
          .filter((text) => leaning.test(text))
          .map((text) => `topics/${topic.id}.json ${fact.id}: ${text}`),
      ),
    );
    expect(facts).toEqual([]);
  });

  // Blind round 45: a diabetes fact ended "…and the authors concluded both may be." and a grader
  // read it as cut off. A sentence ends with what it says, not with a verb or word waiting for more.
  it('has no fact that ends on a word waiting for more', () => {
    const dangling = /\b(be|may|might|can|could|will|would|should|the|a|an|and|or|of|to|with|than)[.!?]?$/i;
    const facts = kb.topics.flatMap((topic) =>
      topic.facts.flatMap((fact) =>
        [fact.text, fact.answer ?? '']
          .filter((text) => text !== '' && dangling.test(text.trim()))
          .map((text) => `topics/${topic.id}.json ${fact.id}: ${text}`),
      ),
    );
    expect(facts).toEqual([]);
  });

  it('writes micrograms as mcg in summaries and fact texts', () => {
    const otherSpellings = texts.filter(
      ({ where, text }) => !where.includes('corrections') && /\d\s*(?:µg|μg|ug)\b/.test(text),
    );
    expect(otherSpellings).toEqual([]);
  });

  it.each([
    'Take 100 mcg of MK-7 every day.',
    'You should take K2 with D3.',
    'Natto is rich in K2. Eat a tablespoon daily.',
    'Aim for 10 to 45 micrograms daily.',
    'u need to take more k2',
    'Make sure you get enough vitamin K.',
  ])('flags the instruction %j', (text) => {
    expect(findInstructionWording(text)).not.toBeNull();
  });

  it.each([
    'The article says to aim for 10 to 45 mcg daily; no authority recommends this.',
    'Trials used 90–180 mcg of MK-7.',
    'The article says people on anticoagulants should only take low dosages; studies show this is unsafe.',
    'Anticoagulation clinics ask for a steady vitamin K intake.',
  ])('lets the reported sentence %j pass', (text) => {
    expect(findInstructionWording(text)).toBeNull();
  });
});

describe('foods and doses', () => {
  it('gives a figure for exactly the foods the article quantifies', () => {
    const quantified = kb.foods.filter((food) => food.amount !== null).map((food) => food.id);
    expect(quantified.sort()).toEqual(['eel', 'hard-cheese', 'natto']);
    expect(kb.foods.filter((food) => (food.amount === null) !== (food.basis === null))).toEqual([]);
  });

  it('flags the unverified eel figure and the contradictory chicken and egg wording', () => {
    for (const id of ['eel', 'chicken', 'egg-yolks']) {
      expect(kb.foods.find((food) => food.id === id)?.correction, id).toBeDefined();
    }
  });

  it.each([
    ['adult-men', 120, 120, 'I-03'],
    ['adult-women', 90, 90, 'I-03'],
    ['food-target', 10, 45, 'I-01'],
    ['mk4-frequent', 15000, 15000, 'I-05'],
    ['anticoagulants', null, null, 'I-12'],
    ['osteoporosis-japan', 45, 45, 'C-60'],
    ['heart-arteries', 180, 200, 'C-61'],
  ])('dose %s has its figure and correction', (id, min, max, factCheckId) => {
    const dose = kb.doses.find((entry) => entry.id === id);
    expect(dose?.amount?.min ?? null).toBe(min);
    expect(dose?.amount?.max ?? null).toBe(max);
    expect(dose?.correction?.factCheckIds).toContain(factCheckId);
  });
});

// A reply to "in simple words?" or "explain like im 10" is the topic's `plain` text: it must be
// short, without the jargon the asker could not follow, and never bring back an article error
// the corrections fix.
describe('plain-words versions of the topics', () => {
  const JARGON = /carboxyl|matrix gla|osteocalcin|\bINR\b|adequate intake|cofactor|menaquinone|\bRDA\b/i;
  const ARTICLE_ERRORS = /10 grams|15,000|10 to 45|10–45|reverses|prevents fractures/i;

  it.each(kb.topics.map((topic) => [topic.id, topic.plain ?? '']))('%s has one', (_id, plain) => {
    expect(plain.length).toBeGreaterThan(0);
    expect(plain.split(/\s+/).length).toBeLessThanOrEqual(45);
    expect(plain).not.toMatch(JARGON);
    expect(plain).not.toMatch(ARTICLE_ERRORS);
  });

  it('the blood-thinner topic keeps its safety point', () => {
    const plain = kb.topics.find((topic) => topic.id === 'warfarin-interaction')?.plain ?? '';
    expect(plain).toMatch(/warfarin/i);
    expect(plain).toMatch(/doctor or clinic/);
  });
});
