import type { Answer } from '../src/engine/index.ts';
import { ANTICOAGULANT_WARNING, DISCLAIMER } from './safetyTexts.ts';

/** The safety texts of a calm answer, warning after the body, as written in tests/safetyTexts.ts. */
export const CALM_SAFETY = { disclaimer: DISCLAIMER, warning: ANTICOAGULANT_WARNING, warningFirst: false };

/** A plain natto answer written by hand, for renderer tests that set only the parts they check. */
export function handWrittenAnswer(overrides: Partial<Answer> = {}): Answer {
  return {
    kind: 'answer',
    matched: true,
    urgent: false,
    urgentNotice: null,
    personal: false,
    personalNotice: null,
    topic: { id: 'natto', title: 'Natto', category: 'food' },
    confidence: 0.9,
    body: 'Natto is the richest K2 food.',
    facts: ['natto/natto-amount'],
    coverage: 'full',
    more: null,
    details: [],
    source: null,
    corrections: [],
    related: [],
    suggestions: [],
    safety: CALM_SAFETY,
    ...overrides,
  };
}
