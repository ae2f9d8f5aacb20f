import { describe, expect, it } from 'vitest';
import {
  chooseStyle,
  colorStyle,
  plainStyle,
  renderAnswerText,
  renderDosesText,
  renderFoodsText,
  renderMoreText,
  type TextStyle,
  toJsonRecord,
} from '../../src/cli/renderText.ts';
import type { Answer } from '../../src/engine/index.ts';
import type { Dose, Food } from '../../src/kb/schema.ts';
import { CALM_SAFETY, handWrittenAnswer } from '../handWrittenAnswer.ts';
import { ANTICOAGULANT_WARNING, DISCLAIMER } from '../safetyTexts.ts';

// The terminal's rendering of hand-written answers, written out whole: where the safety texts go,
// what an urgent or personal reply leads with, and what is left out.

const safety = CALM_SAFETY;

// A hand-written answer with a long confidence, to show what the JSON rounds.
const answer = (overrides: Partial<Answer> = {}): Answer =>
  handWrittenAnswer({ confidence: 0.912345, ...overrides });

/** Marks each painted piece with its style, so the tests see what is coloured how. */
const tagStyle: TextStyle = { paint: (style, text) => `[${[style].flat().join('+')}|${text}]` };

describe('renderAnswerText', () => {
  it('a plain answer: title, body, then the warning and the disclaimer last', () => {
    expect(renderAnswerText(answer())).toBe(
      [
        'Natto',
        'Natto is the richest K2 food.',
        '',
        `Warning: ${ANTICOAGULANT_WARNING}`,
        `Disclaimer: ${DISCLAIMER}`,
      ].join('\n'),
    );
  });

  it('the warning leads on an anticoagulant question and is not repeated', () => {
    expect(renderAnswerText(answer({ safety: { ...safety, warningFirst: true } }))).toBe(
      [
        `Warning: ${ANTICOAGULANT_WARNING}`,
        '',
        'Natto',
        'Natto is the richest K2 food.',
        '',
        `Disclaimer: ${DISCLAIMER}`,
      ].join('\n'),
    );
  });

  it('urgent: the notice first, then the warning, then the personal notice', () => {
    const text = renderAnswerText(
      answer({
        urgent: true,
        urgentNotice: 'Call 112 now.',
        personal: true,
        personalNotice: 'Ask your doctor.',
        topic: null,
        body: 'Please act on the notice above first.',
        safety: { ...safety, warningFirst: true },
      }),
      tagStyle,
    );
    expect(text).toBe(
      [
        '[bold+red|URGENT: Call 112 now.]',
        '',
        `[bold+yellow|Warning: ${ANTICOAGULANT_WARNING}]`,
        '',
        '[cyan|Ask your doctor.]',
        '',
        'Please act on the notice above first.',
        '',
        `[dim|Disclaimer: ${DISCLAIMER}]`,
      ].join('\n'),
    );
  });

  it('no urgent notice unless urgent, no personal notice unless personal', () => {
    const text = renderAnswerText(
      answer({ urgentNotice: 'Call 112 now.', personalNotice: 'Ask your doctor.' }),
    );
    expect(text).not.toContain('Call 112 now.');
    expect(text).not.toContain('Ask your doctor.');
    expect(renderAnswerText(answer({ urgent: true, urgentNotice: null }))).not.toContain('URGENT');
  });

  it('corrections, the source, related topics and suggestions, each in its place', () => {
    const text = renderAnswerText(
      answer({
        corrections: [{ note: 'The article is wrong.', references: ['NIH ODS'], factCheckIds: ['C-01'] }],
        source: { sections: ['Food sources', 'Natto'], quote: 'Natto has the most.' },
        related: [
          { id: 'cheese', title: 'Cheese', category: 'food' },
          { id: 'liver', title: 'Liver', category: 'food' },
        ],
        suggestions: [
          { id: 'eggs', title: 'Eggs', category: 'food' },
          { id: 'gouda', title: 'Gouda', category: 'food' },
        ],
      }),
      tagStyle,
    );
    expect(text).toBe(
      [
        '[bold|Natto]',
        'Natto is the richest K2 food.',
        '',
        '[bold+magenta|Correction:] The article is wrong.',
        '',
        '[dim|Source: the article, "Food sources", "Natto"]',
        'Related: cheese, liver',
        'Did you mean: Eggs (eggs), Gouda (gouda)',
        '',
        `[bold+yellow|Warning: ${ANTICOAGULANT_WARNING}]`,
        `[dim|Disclaimer: ${DISCLAIMER}]`,
      ].join('\n'),
    );
  });
});

describe('renderMoreText', () => {
  it('summary, facts, every correction with references, the source, then both safety texts', () => {
    const text = renderMoreText(
      answer({
        more: {
          summary: 'Natto summary.',
          corrections: [{ note: 'Second note.', references: ['EFSA', 'NIH'], factCheckIds: ['C-02'] }],
        },
        details: ['Fact one.', 'Fact two.'],
        corrections: [{ note: 'First note.', references: ['NIH ODS'], factCheckIds: ['C-01'] }],
        source: { sections: ['Food sources'], quote: 'Natto has the most.' },
      }),
      tagStyle,
    );
    expect(text).toBe(
      [
        '[bold|Natto]',
        'Natto summary.',
        '',
        '- Fact one.',
        '- Fact two.',
        '',
        '[bold+magenta|Correction:] First note.',
        '[dim|  Reference: NIH ODS]',
        '',
        '[bold+magenta|Correction:] Second note.',
        '[dim|  Reference: EFSA; NIH]',
        '',
        '[dim|Source: the article, "Food sources": “Natto has the most.”]',
        '',
        `[bold+yellow|Warning: ${ANTICOAGULANT_WARNING}]`,
        `[dim|Disclaimer: ${DISCLAIMER}]`,
      ].join('\n'),
    );
  });

  it('without a topic or more: only the safety texts', () => {
    expect(renderMoreText(answer({ topic: null }))).toBe(
      ['', `Warning: ${ANTICOAGULANT_WARNING}`, `Disclaimer: ${DISCLAIMER}`].join('\n'),
    );
  });
});

describe('toJsonRecord', () => {
  it('the stable fields, with both safety texts and the rendered text', () => {
    const record = toJsonRecord(
      answer({
        more: {
          summary: 'Natto summary.',
          corrections: [{ note: 'Second note.', references: ['EFSA'], factCheckIds: ['C-02'] }],
        },
        details: ['Fact one.'],
        corrections: [{ note: 'First note.', references: ['NIH ODS'], factCheckIds: ['C-01'] }],
        related: [{ id: 'cheese', title: 'Cheese', category: 'food' }],
        suggestions: [{ id: 'eggs', title: 'Eggs', category: 'food' }],
      }),
    );
    expect(record).toStrictEqual({
      matched: true,
      urgent: false,
      personal: false,
      kind: 'answer',
      topic: 'natto',
      title: 'Natto',
      confidence: 0.9123,
      answer: 'Natto is the richest K2 food.',
      facts: ['natto/natto-amount'],
      coverage: 'full',
      urgentNotice: null,
      personalNotice: null,
      corrections: [{ note: 'First note.', references: ['NIH ODS'] }],
      details: {
        summary: 'Natto summary.',
        facts: ['Fact one.'],
        corrections: [{ note: 'Second note.', references: ['EFSA'] }],
      },
      source: null,
      related: ['cheese'],
      suggestions: ['eggs'],
      disclaimer: DISCLAIMER,
      warning: ANTICOAGULANT_WARNING,
      warningFirst: false,
      text: [
        'Natto',
        'Natto is the richest K2 food.',
        '',
        'Correction: First note.',
        'Related: cheese',
        'Did you mean: Eggs (eggs)',
        '',
        `Warning: ${ANTICOAGULANT_WARNING}`,
        `Disclaimer: ${DISCLAIMER}`,
      ].join('\n'),
    });
  });

  it('no topic and no more: nulls', () => {
    const record = toJsonRecord(answer({ topic: null, more: null }));
    expect(record.topic).toBeNull();
    expect(record.title).toBeNull();
    expect(record.details).toBeNull();
  });
});

describe('foods and doses', () => {
  const food = (over: Partial<Food>): Food => ({
    id: 'natto',
    name: 'Natto',
    amount: { min: 850, max: 1000, unit: 'mcg' },
    basis: '100 g',
    articleSays: 'about 1000 mcg',
    quote: 'q',
    section: 's',
    ...over,
  });
  it('a range, a single figure, no figure, and a correction', () => {
    expect(
      renderFoodsText([
        food({}),
        food({ name: 'Gouda', amount: { min: 75, max: 75, unit: 'mcg' } }),
        food({
          name: 'Eggs',
          amount: null,
          correction: { note: 'Less than that.', references: ['EFSA'], factCheckIds: ['C-03'] },
        }),
      ]),
    ).toBe(
      [
        'Foods the article names, by the K2 amount it gives:',
        '  - Natto: 850–1000 mcg per 100 g',
        '  - Gouda: 75 mcg per 100 g',
        '  - Eggs: about 1000 mcg\n    Correction: Less than that.',
      ].join('\n'),
    );
  });
  it('doses with their form and amount', () => {
    const dose: Dose = {
      id: 'adults',
      group: 'adults',
      amount: { min: 90, max: 120, unit: 'mcg' },
      form: 'MK-7',
      text: 'Adults take 90 to 120 mcg.',
      quote: 'q',
      section: 's',
      correction: { note: 'Not a recommendation.', references: ['NIH'], factCheckIds: ['C-04'] },
    };
    expect(renderDosesText([dose])).toBe(
      [
        'Dose figures as the article reports them (general information, not a dose for you):',
        '  - adults (MK-7, 90–120 mcg): Adults take 90 to 120 mcg.\n    Correction: Not a recommendation.',
      ].join('\n'),
    );
  });
});

describe('chooseStyle: colours only for a person at a terminal', () => {
  it.each([
    [{ isTTY: true }, {}, colorStyle],
    [{ isTTY: true }, { NO_COLOR: '1' }, plainStyle],
    [{ isTTY: true }, { NO_COLOR: '' }, colorStyle],
    [{ isTTY: true }, { TERM: 'dumb' }, plainStyle],
    [{ isTTY: true }, { TERM: 'xterm' }, colorStyle],
    [{ isTTY: false }, {}, plainStyle],
    [{}, {}, plainStyle],
  ])('%o with %o', (stream, env, style) => {
    expect(chooseStyle(stream, env as NodeJS.ProcessEnv)).toBe(style);
  });
  it('the plain style leaves text alone', () => {
    expect(plainStyle.paint('bold', 'x')).toBe('x');
  });
});
