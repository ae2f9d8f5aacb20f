import { describe, expect, it } from 'vitest';
import type { Analysis } from '../../src/engine/analyze.ts';
import { gateMessage, type UrgentKind, urgentNoticeFor } from '../../src/engine/gate.ts';
import { normalizeText } from '../../src/engine/normalize.ts';
import { isPersonal, personalNoticeFor } from '../../src/engine/personalNotice.ts';
import * as safety from '../../src/engine/safety.ts';
import type { Category, Topic } from '../../src/kb/schema.ts';
import {
  BABY_NOTICE,
  CRISIS_NOTICE,
  DOAC_NOTICE,
  HEPARIN_NOTICE,
  OVERDOSE_NOTICE,
  PERSONAL_ANTICOAGULANT_NOTICE,
  PERSONAL_NOTICE,
  PET_NOTICE,
  PREGNANCY_NOTICE,
  urgentNoticeOf,
} from '../safetyTexts.ts';

// The safety-text path at the level of its functions, for mutation testing (npm run test:mutation --
// safety): which notice each kind of emergency gets, the gate's typo passes, and which personal
// notice an answer carries. Expected texts are the literals of tests/safetyTexts.ts.

describe('urgentNoticeFor: one notice per kind of emergency', () => {
  it.each<[UrgentKind, string]>([
    ['self-harm', CRISIS_NOTICE],
    ['overdose', OVERDOSE_NOTICE],
    ['pet', PET_NOTICE],
    ['baby-bleeding', BABY_NOTICE],
    ['bleeding', urgentNoticeOf('bleeding')],
    ['clot', urgentNoticeOf('clot')],
    ['chest-pain', urgentNoticeOf('chest-pain')],
    ['stroke', urgentNoticeOf('stroke')],
    ['allergy', urgentNoticeOf('allergy')],
    ['blood-pressure', urgentNoticeOf('blood-pressure')],
    ['collapse', urgentNoticeOf('collapse')],
    ['head-injury', urgentNoticeOf('head-injury')],
    ['low-blood-sugar', urgentNoticeOf('low-blood-sugar')],
    ['racing-heart', urgentNoticeOf('racing-heart')],
  ])('%s', (kind, notice) => {
    expect(urgentNoticeFor(kind)).toBe(notice);
  });
});

describe('the decline texts end with the scope the bot can talk about', () => {
  it('lists the areas separated by semicolons', () => {
    expect(safety.CAN_ANSWER).toContain(safety.SCOPE_AREAS.join('; '));
    expect(safety.SCOPE_AREAS.length).toBeGreaterThan(1);
    expect(safety.CAN_ANSWER).not.toMatch(/\{\w+\}/);
  });
  it.each([
    ['DECLINE_TEXT', safety.DECLINE_TEXT],
    ['UNSURE_TEXT', safety.UNSURE_TEXT],
  ])('%s ends with it, filled in', (_name, text) => {
    expect(text.endsWith(safety.CAN_ANSWER)).toBe(true);
    expect(text.length).toBeGreaterThan(safety.CAN_ANSWER.length);
    expect(text).not.toMatch(/\{\w+\}/);
  });
  it('the two declines differ', () => {
    expect(safety.DECLINE_TEXT).not.toBe(safety.UNSURE_TEXT);
  });
  it('safetyTexts carries both texts and where the warning goes', () => {
    expect(safety.safetyTexts(true)).toEqual({
      disclaimer: safety.DISCLAIMER,
      warning: safety.ANTICOAGULANT_WARNING,
      warningFirst: true,
    });
    expect(safety.safetyTexts(false).warningFirst).toBe(false);
  });
});

/** An analysis with nothing of interest but the typo-corrected text. */
function analysisWith(correctedText: string | null): Analysis {
  return { terms: [], unknown: [], fuzzyTerms: new Set(), surface: [], correctedText };
}
const knowsNothing = { isKnown: () => false };
const knowsEverything = { isKnown: () => true };

describe('gateMessage: the message, its gate typos restored and every typo corrected', () => {
  it('fires on the message as written', () => {
    const gate = gateMessage(normalizeText('i am vomiting blood'), knowsEverything, analysisWith(null));
    expect(gate).toEqual({ urgent: true, kind: 'bleeding', notice: urgentNoticeOf('bleeding') });
  });
  it('restores misspelt gate words the knowledge does not know', () => {
    const gate = gateMessage(normalizeText('i am vomitting blod'), knowsNothing, analysisWith(null));
    expect(gate).toEqual({ urgent: true, kind: 'bleeding', notice: urgentNoticeOf('bleeding') });
  });
  it('leaves words the knowledge knows as they are', () => {
    const gate = gateMessage(normalizeText('i am vomitting blod'), knowsEverything, analysisWith(null));
    expect(gate).toEqual({ urgent: false, kind: null, notice: null });
  });
  it('falls back on the analysis with every typo corrected', () => {
    const gate = gateMessage(
      normalizeText('my todlr ate my gumis'),
      knowsEverything,
      analysisWith('my toddler ate my gummies'),
    );
    expect(gate).toEqual({ urgent: true, kind: 'overdose', notice: OVERDOSE_NOTICE });
  });
  it('a crisis in a corrected reading comes before a bleed spelt right in the message', () => {
    const gate = gateMessage(
      normalizeText('i want to kill mysef, vomiting blood'),
      knowsEverything,
      analysisWith('i want to kill myself, vomiting blood'),
    );
    expect(gate).toEqual({ urgent: true, kind: 'self-harm', notice: CRISIS_NOTICE });
  });
  it('takes the kind first in priority over all readings, not the first reading that fires', () => {
    // The restored reading is a bleed, the corrected one an overdose: the overdose notice
    // (poison control) is the more specific one, whichever reading it came from.
    const gate = gateMessage(
      normalizeText('i am vomitting blod'),
      knowsNothing,
      analysisWith('my toddler ate my gummies'),
    );
    expect(gate.kind).toBe('overdose');
  });
  it('is not urgent when no reading fires', () => {
    const gate = gateMessage(
      normalizeText('how much natto is in a serving'),
      knowsNothing,
      analysisWith(null),
    );
    expect(gate).toEqual({ urgent: false, kind: null, notice: null });
  });
});

/** A topic with only what decides its notice; the rest is filler. */
function topic(category: Category, notice?: 'doac' | 'pregnancy'): Topic {
  return {
    id: 'test-topic',
    title: 'Test topic',
    category,
    sections: ['Section'],
    summary: 'Summary.',
    facts: [],
    corrections: [],
    keywords: ['test'],
    questions: ['a', 'b', 'c'],
    related: [],
    anticoagulantRelevant: false,
    popular: false,
    ...(notice ? { notice } : {}),
  } as Topic;
}
const notice = (question: string, about: Topic | undefined, personal: boolean) =>
  personalNoticeFor(normalizeText(question), about, personal);

describe('isPersonal reads a contraction without its apostrophe', () => {
  it.each(["it's fine if i do", 'its fine if i do'])('%s', (question) => {
    expect(isPersonal(normalizeText(question))).toBe(true);
  });
});

describe('personalNoticeFor', () => {
  it('a DOAC named beside a "doac" topic: the DOAC notice, personal or not', () => {
    expect(notice('is k2 ok with eliquis', topic('interactions', 'doac'), false)).toBe(DOAC_NOTICE);
    expect(notice("can i take k2 with my xarelto, it's fine?", topic('interactions', 'doac'), true)).toBe(
      DOAC_NOTICE,
    );
  });
  // Blind round 24: someone on enoxaparin injections after a hip replacement was told about
  // apixaban and rivaroxaban. A heparin alone is named as what it is.
  it('a heparin named without a DOAC: the heparin notice; beside a DOAC, the DOAC notice', () => {
    expect(
      notice('on enoxaparin shots after surgery, can i start k2', topic('interactions', 'doac'), true),
    ).toBe(HEPARIN_NOTICE);
    expect(notice('on heparin and eliquis, is k2 ok', topic('interactions', 'doac'), false)).toBe(
      DOAC_NOTICE,
    );
  });
  it('a "doac" topic asked about warfarin only: not the DOAC notice', () => {
    expect(notice('is k2 ok with warfarin', topic('interactions', 'doac'), false)).toBeNull();
    expect(notice('should i take k2 with warfarin', topic('interactions', 'doac'), true)).toBe(
      PERSONAL_ANTICOAGULANT_NOTICE,
    );
  });
  it('a DOAC named beside another topic: no DOAC notice', () => {
    expect(notice('is k2 ok with eliquis', topic('interactions'), false)).toBeNull();
  });
  it('pregnancy and a dose or natto: the pregnancy notice', () => {
    expect(notice('is natto ok in pregnancy', topic('safety', 'pregnancy'), false)).toBe(PREGNANCY_NOTICE);
    expect(notice('how many mcg while pregnant', topic('safety', 'pregnancy'), false)).toBe(PREGNANCY_NOTICE);
    expect(notice('what does k2 do in pregnancy', topic('safety', 'pregnancy'), true)).toBe(PREGNANCY_NOTICE);
  });
  it.each([
    'is one supplement ok while pregnant',
    'is a pill ok while pregnant',
    'is a capsule ok while pregnant',
    'what dose while pregnant',
    'is one microgram ok while pregnant',
  ])('pregnancy and a dose word, singular or plural: %s', (question) => {
    expect(notice(question, topic('safety', 'pregnancy'), false)).toBe(PREGNANCY_NOTICE);
  });
  // Blind round 19: a pregnancy told beside a dose on another topic had only the general notice.
  it('a pregnancy told beside a dose on any topic: the pregnancy notice; a nursing student: none', () => {
    expect(notice('is the 45 mg mk4 dose ok? im pregnant', topic('dosage'), false)).toBe(PREGNANCY_NOTICE);
    expect(notice('im not pregnant, is the 45 mg mk4 dose ok', topic('dosage'), false)).toBeNull();
    expect(notice('nursing student here, what is the 45 mg mk4 dose for', topic('dosage'), false)).toBeNull();
  });
  it('pregnancy asked in general: no notice', () => {
    expect(notice('what does k2 do in pregnancy', topic('safety', 'pregnancy'), false)).toBeNull();
  });
  it('a pregnancy word beside another topic: no pregnancy notice', () => {
    expect(notice('is natto ok in pregnancy', topic('food'), false)).toBeNull();
  });
  it('not personal: no notice', () => {
    expect(notice('what is k2', topic('basics'), false)).toBeNull();
    expect(notice('what is k2', undefined, false)).toBeNull();
  });
  it('personal: the general notice', () => {
    expect(notice('should i take k2', topic('supplements'), true)).toBe(PERSONAL_NOTICE);
    expect(notice('should i take k2', undefined, true)).toBe(PERSONAL_NOTICE);
  });
  it('personal about an anticoagulant, in the question or the topic: the clinic is named', () => {
    expect(notice("should i take k2, i'm on warfarin", topic('supplements'), true)).toBe(
      PERSONAL_ANTICOAGULANT_NOTICE,
    );
    expect(notice('should i take k2', topic('interactions'), true)).toBe(PERSONAL_ANTICOAGULANT_NOTICE);
  });
});
