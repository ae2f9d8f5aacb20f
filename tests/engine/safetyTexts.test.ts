import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import * as safety from '../../src/engine/safety.ts';
import * as written from '../safetyTexts.ts';

// The one place the literal safety texts (tests/safetyTexts.ts) meet the data and the module
// that serves them; every other test compares the bot's output with the literals.

const knowledgeTexts = JSON.parse(
  readFileSync(join(import.meta.dirname, '..', '..', 'knowledge', 'texts.json'), 'utf8'),
) as { safety: Record<string, string> };

describe('the safety texts', () => {
  it('knowledge/texts.json holds exactly the texts written in the tests', () => {
    expect(knowledgeTexts.safety).toEqual({
      disclaimer: written.DISCLAIMER,
      anticoagulantWarning: written.ANTICOAGULANT_WARNING,
      urgentAction: written.URGENT_ACTION,
      urgentUnnamed: written.URGENT_UNNAMED,
      urgentTail: written.URGENT_TAIL,
      urgentReasons: written.URGENT_REASONS,
      urgentBody: written.URGENT_BODY,
      crisisNotice: written.CRISIS_NOTICE,
      crisisBody: written.CRISIS_BODY,
      overdoseNotice: written.OVERDOSE_NOTICE,
      overdoseBody: written.OVERDOSE_BODY,
      petNotice: written.PET_NOTICE,
      petBody: written.PET_BODY,
      babyNotice: written.BABY_NOTICE,
      helpArrivedNotice: written.HELP_ARRIVED_NOTICE,
      helpOnTheWayBody: written.HELP_ON_THE_WAY_BODY,
      personalNotice: written.PERSONAL_NOTICE,
      personalAnticoagulantNotice: written.PERSONAL_ANTICOAGULANT_NOTICE,
      doacNotice: written.DOAC_NOTICE,
      heparinNotice: written.HEPARIN_NOTICE,
      antiplateletNotice: written.ANTIPLATELET_NOTICE,
      otherVkaNotice: written.OTHER_VKA_NOTICE,
      pregnancyNotice: written.PREGNANCY_NOTICE,
      prescriptionNotice: written.PRESCRIPTION_NOTICE,
    });
  });

  it.each([
    ['DISCLAIMER', safety.DISCLAIMER, written.DISCLAIMER],
    ['ANTICOAGULANT_WARNING', safety.ANTICOAGULANT_WARNING, written.ANTICOAGULANT_WARNING],
    ['URGENT_NOTICE', safety.URGENT_NOTICE, written.URGENT_NOTICE],
    ['URGENT_BODY', safety.URGENT_BODY, written.URGENT_BODY],
    ['CRISIS_NOTICE', safety.CRISIS_NOTICE, written.CRISIS_NOTICE],
    ['CRISIS_BODY', safety.CRISIS_BODY, written.CRISIS_BODY],
    ['OVERDOSE_NOTICE', safety.OVERDOSE_NOTICE, written.OVERDOSE_NOTICE],
    ['OVERDOSE_BODY', safety.OVERDOSE_BODY, written.OVERDOSE_BODY],
    [
      'CRISIS_AFTER_OVERDOSE_NOTICE',
      safety.CRISIS_AFTER_OVERDOSE_NOTICE,
      written.CRISIS_AFTER_OVERDOSE_NOTICE,
    ],
    ['PET_NOTICE', safety.PET_NOTICE, written.PET_NOTICE],
    ['PET_BODY', safety.PET_BODY, written.PET_BODY],
    ['BABY_NOTICE', safety.BABY_NOTICE, written.BABY_NOTICE],
    ['HELP_ARRIVED_NOTICE', safety.HELP_ARRIVED_NOTICE, written.HELP_ARRIVED_NOTICE],
    ['HELP_ON_THE_WAY_BODY', safety.HELP_ON_THE_WAY_BODY, written.HELP_ON_THE_WAY_BODY],
    ['PERSONAL_NOTICE', safety.PERSONAL_NOTICE, written.PERSONAL_NOTICE],
    [
      'PERSONAL_ANTICOAGULANT_NOTICE',
      safety.PERSONAL_ANTICOAGULANT_NOTICE,
      written.PERSONAL_ANTICOAGULANT_NOTICE,
    ],
    ['DOAC_NOTICE', safety.DOAC_NOTICE, written.DOAC_NOTICE],
    ['HEPARIN_NOTICE', safety.HEPARIN_NOTICE, written.HEPARIN_NOTICE],
    ['PREGNANCY_NOTICE', safety.PREGNANCY_NOTICE, written.PREGNANCY_NOTICE],
    ['PRESCRIPTION_NOTICE', safety.PRESCRIPTION_NOTICE, written.PRESCRIPTION_NOTICE],
  ])('src/engine/safety.ts serves %s word for word', (_name, served, text) => {
    expect(served).toBe(text);
  });

  it('serves the other-VKA notice word for word with the drug filled in', () => {
    expect(safety.otherVkaNotice('Acenocoumarol (Sintrom)')).toBe(
      written.OTHER_VKA_NOTICE.replace('{drug}', 'Acenocoumarol (Sintrom)'),
    );
  });

  it('hands both texts to every renderer, with the order asked for', () => {
    expect(safety.safetyTexts(true)).toEqual({
      disclaimer: written.DISCLAIMER,
      warning: written.ANTICOAGULANT_WARNING,
      warningFirst: true,
    });
    expect(safety.safetyTexts(false)).toEqual({
      disclaimer: written.DISCLAIMER,
      warning: written.ANTICOAGULANT_WARNING,
      warningFirst: false,
    });
  });

  it('ends every decline with the list of what the bot can answer', () => {
    const canAnswer =
      'I can tell you about: what vitamin K2 is (MK-4, MK-7, K1 vs K2); foods with K2 (natto, cheese, eggs, ' +
      'meat, dairy); daily intake figures and supplement doses used in studies; bones, osteoporosis, heart ' +
      'and arteries, diabetes, brain and nerves; K2 with warfarin and other blood thinners; side effects ' +
      'and safety, pregnancy.';
    expect(safety.CAN_ANSWER).toBe(canAnswer);
    expect(safety.DECLINE_TEXT).toBe(
      `Sorry, that's outside what I know. I only answer questions about vitamin K2, from one checked article. ${canAnswer}`,
    );
    expect(safety.UNSURE_TEXT).toBe(
      `I'm not sure which part of vitamin K2 you mean. Did you mean one of these topics? ${canAnswer}`,
    );
  });
});
