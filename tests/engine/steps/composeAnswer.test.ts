import { beforeAll, describe, expect, it } from 'vitest';
import { composeReply, topicMayBeShown } from '../../../src/engine/composeAnswer.ts';
import { DECLINE_TEXTS } from '../../../src/engine/declines.ts';
import type { GateResult } from '../../../src/engine/gate.ts';
import { normalizeText } from '../../../src/engine/normalize.ts';
import { outOfScopeClass } from '../../../src/engine/outOfScope.ts';
import { personalNoticeFor } from '../../../src/engine/personalNotice.ts';
import { UNSURE_TEXT } from '../../../src/engine/safety.ts';
import { TopicIndex } from '../../../src/engine/topicIndex.ts';
import { loadKnowledge } from '../../../src/kb/load.ts';
import type { Topic } from '../../../src/kb/schema.ts';
import {
  ANTICOAGULANT_WARNING,
  CRISIS_BODY,
  DISCLAIMER,
  DOAC_NOTICE,
  PERSONAL_ANTICOAGULANT_NOTICE,
  PERSONAL_NOTICE,
  PREGNANCY_NOTICE,
  PRESCRIPTION_NOTICE,
} from '../../safetyTexts.ts';

let index: TopicIndex;
let byId: Map<string, Topic>;
beforeAll(() => {
  const kb = loadKnowledge();
  index = new TopicIndex(kb.topics);
  byId = new Map(kb.topics.map((t) => [t.id, t]));
});

const calm: GateResult = { urgent: false, kind: null, notice: null };
const urgent = (kind: GateResult['kind']): GateResult => ({ urgent: true, kind, notice: 'notice' });

describe('compose: which replies may show a topic', () => {
  it.each([
    ['my toddler ate a bottle of k2 gummies', urgent('overdose'), true],
    ["kid swallowed grandma's warfarin pills", urgent('overdose'), false],
    ['i want to kill myself', urgent('self-harm'), false],
    ['my dog ate my k2 pills', urgent('pet'), false],
    ['how much k2 is in natto', calm, true],
  ])('%s', (text, gate, expected) => {
    expect(topicMayBeShown(normalizeText(text), gate)).toBe(expected);
  });
});

describe('compose: the reply', () => {
  it('answers a confident in-scope match with its topic and both safety texts', () => {
    const result = index.search(normalizeText('how much k2 is in natto'));
    const a = composeReply(result, null, calm, true, false, byId);
    expect(a.kind).toBe('answer');
    expect(a.topic?.id).toBe('natto');
    expect(a.confidence).toBeGreaterThanOrEqual(0.5);
    expect(a.safety).toEqual({ disclaimer: DISCLAIMER, warning: ANTICOAGULANT_WARNING, warningFirst: true });
  });

  it('declines an out-of-scope message with its class text and confidence 0', () => {
    const text = normalizeText('how much vitamin c should i take');
    const result = index.search(text);
    const a = composeReply(result, outOfScopeClass(text, result.hasAnchor), calm, true, false, byId);
    expect(a.kind).toBe('decline');
    expect(a.body).toBe(DECLINE_TEXTS.nutrient);
    expect(a.confidence).toBe(0);
  });

  it('gives the crisis body, without the warning first, for self-harm', () => {
    const result = index.search(normalizeText('i want to end it all, on warfarin'));
    const a = composeReply(result, null, urgent('self-harm'), false, true, byId);
    expect(a.body).toBe(CRISIS_BODY);
    expect(a.safety.warningFirst).toBe(false);
  });

  it('offers close topics for an unclear K2 question instead of "outside what I know"', () => {
    const result = index.search(normalizeText('k2 for gout'));
    const a = composeReply(result, null, calm, true, false, byId);
    expect(a.kind).toBe('decline');
    expect(a.body).toBe(UNSURE_TEXT);
    expect(a.suggestions.length).toBeGreaterThan(0);
    expect(a.confidence).toBeLessThan(0.5);
  });
});

describe('compose: the personal notice, from the topic `notice` field', () => {
  it.each([
    ['i take eliquis, can i take k2', 'warfarin-interaction', true, DOAC_NOTICE],
    ['is natto safe while pregnant', 'pregnancy-breastfeeding', false, PREGNANCY_NOTICE],
    ['should i take k2 with my warfarin', 'warfarin-interaction', true, PERSONAL_ANTICOAGULANT_NOTICE],
    ['should i take 200 mcg', 'supplement-dosage', true, PERSONAL_NOTICE],
    ['how much k2 is in natto', 'natto', false, null],
    // Stopping or replacing a prescribed medicine with K2: the prescriber decides, whoever asks.
    ['can k2 replace my fosamax?', 'osteoporosis', false, PRESCRIPTION_NOTICE],
    ['my dad wants to come off his statin and take mk7 instead', 'heart-health', false, PRESCRIPTION_NOTICE],
    ['could natto do the job of my warfarin', 'warfarin-interaction', true, PRESCRIPTION_NOTICE],
    // …with no "my" before the medicine (blind round 18, found reading replies in the review).
    ['thinking of switching from fosamax to mk4, good idea?', 'osteoporosis', false, PRESCRIPTION_NOTICE],
    ['should i stop prolia and just take k2', 'osteoporosis', true, PRESCRIPTION_NOTICE],
    ['should i take k2 instead of my usual cheese snack', 'cheese', true, PERSONAL_NOTICE],
    ['i stopped taking my k2 last week, will my bones suffer', 'bone-health', true, PERSONAL_NOTICE],
    // A plan denied is no plan (blind round 20: "I'm not about to drop my metformin").
    ['no plans to come off my statin, but does mk7 help arteries?', 'heart-health', true, PERSONAL_NOTICE],
    ['i would never ditch my fosamax, is k2 good for bones as well', 'osteoporosis', true, PERSONAL_NOTICE],
    // The medicine named first, then pointed at (blind round 22: "…stop that and just use k2 instead?").
    ['grandma takes prolia. can she drop it and try mk4 instead?', 'osteoporosis', true, PRESCRIPTION_NOTICE],
    ['natto is gross, can i quit it and use mk7 capsules instead?', 'natto', true, PERSONAL_NOTICE],
    // K2 asked to take its place, the medicine in its own spelling (blind round 25: "alendronato").
    [
      'my doctor gave me alendronat for my bones. could mk7 replace it?',
      'osteoporosis',
      true,
      PRESCRIPTION_NOTICE,
    ],
    ['natto is gross, could k2 pills replace it?', 'natto', true, PERSONAL_NOTICE],
    // Blind round 31: a switch to what the story told, the medicine named before it.
    [
      'im on fosamax every sunday. a blog says mk4 works as well. would it be silly to change over to that?',
      'osteoporosis',
      true,
      PRESCRIPTION_NOTICE,
    ],
    [
      'my gym buddy takes mk7 for his joints, should i switch to it too?',
      'supplement-dosage',
      true,
      PERSONAL_NOTICE,
    ],
    // A supplement named by what it comes in is no prescription (found reading the change again).
    [
      'i take fish oil tablets, could i stop them and take k2 instead?',
      'heart-health',
      true,
      PERSONAL_NOTICE,
    ],
  ])('%s', (text, topicId, personal, expected) => {
    expect(personalNoticeFor(normalizeText(text), byId.get(topicId), personal)).toBe(expected);
  });
});
