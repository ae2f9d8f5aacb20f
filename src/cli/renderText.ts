import { styleText } from 'node:util';
import type { Answer, TopicRef } from '../engine/index.ts';
import { amountText } from '../kb/amountText.ts';
import { texts } from '../kb/language.ts';
import type { Dose, Food } from '../kb/schema.ts';
import { fillText } from '../kb/templates.ts';

type Style = Parameters<typeof styleText>[0];

export interface TextStyle {
  paint(style: Style, text: string): string;
}

export const plainStyle: TextStyle = { paint: (_style, text) => text };
export const colorStyle: TextStyle = { paint: (style, text) => styleText(style, text) };

/** Colours only for a person at a terminal: never in pipes, files or when NO_COLOR is set. */
export function chooseStyle(stream: { isTTY?: boolean }, env: NodeJS.ProcessEnv = process.env): TextStyle {
  const noColor = env.NO_COLOR !== undefined && env.NO_COLOR !== '';
  return stream.isTTY === true && !noColor && env.TERM !== 'dumb' ? colorStyle : plainStyle;
}

// Texts are read when called, not when this module loads: `npm run ask` imports it before it
// installs the language of KNOWLEDGE_DIR.
function listTopics(topics: readonly TopicRef[]): string {
  return topics.map((t) => `${t.title} (${t.id})`).join(', ');
}

/**
 * The whole message as a person reads it. The safety texts are appended whole, never cut:
 * the warning leads when the question is about anticoagulants, the disclaimer always closes.
 */
export function renderAnswerText(answer: Answer, style: TextStyle = plainStyle): string {
  const TERMINAL_TEXTS = texts().terminal;
  const lines: string[] = [];
  const warning = style.paint(['bold', 'yellow'], `${TERMINAL_TEXTS.warningLabel} ${answer.safety.warning}`);
  if (answer.urgent && answer.urgentNotice) {
    lines.push(style.paint(['bold', 'red'], `${TERMINAL_TEXTS.urgentLabel} ${answer.urgentNotice}`), '');
  }
  const warningLeads = answer.safety.warningFirst;
  if (warningLeads) lines.push(warning, '');
  // Said before the facts, so nobody reads general facts as a dose meant for them.
  if (answer.personal && answer.personalNotice) lines.push(style.paint('cyan', answer.personalNotice), '');
  // The confidence stays in --json: as "97% match" it would read as certainty about health facts.
  if (answer.topic) lines.push(style.paint('bold', answer.topic.title));
  lines.push(answer.body);
  // Short and scannable: the correction's references, the article's words and the topic's
  // summary wait behind "More" (renderMoreText, /more in the chat, `details` in JSON).
  for (const correction of answer.corrections) {
    lines.push('', `${style.paint(['bold', 'magenta'], TERMINAL_TEXTS.correctionLabel)} ${correction.note}`);
  }
  if (answer.source) {
    lines.push(
      '',
      style.paint(
        'dim',
        fillText(TERMINAL_TEXTS.sourceSection, { sections: answer.source.sections.join('", "') }),
      ),
    );
  }
  if (answer.related.length > 0) {
    lines.push(fillText(TERMINAL_TEXTS.related, { topics: answer.related.map((t) => t.id).join(', ') }));
  }
  if (answer.suggestions.length > 0) {
    lines.push(fillText(TERMINAL_TEXTS.didYouMean, { topics: listTopics(answer.suggestions) }));
  }
  lines.push('');
  if (!warningLeads) lines.push(warning);
  lines.push(style.paint('dim', `${TERMINAL_TEXTS.disclaimerLabel} ${answer.safety.disclaimer}`));
  return lines.join('\n');
}

/**
 * "More" for a topic answer: the topic's summary, every fact, every correction with its
 * references and the article's words the answer came from, then the safety texts.
 */
export function renderMoreText(answer: Answer, style: TextStyle = plainStyle): string {
  const TERMINAL_TEXTS = texts().terminal;
  const lines: string[] = [];
  if (answer.topic) lines.push(style.paint('bold', answer.topic.title));
  if (answer.more) lines.push(answer.more.summary, '');
  for (const fact of answer.details) lines.push(`- ${fact}`);
  for (const correction of [...answer.corrections, ...(answer.more?.corrections ?? [])]) {
    lines.push(
      '',
      `${style.paint(['bold', 'magenta'], TERMINAL_TEXTS.correctionLabel)} ${correction.note}`,
      style.paint('dim', `  ${TERMINAL_TEXTS.referenceLabel} ${correction.references.join('; ')}`),
    );
  }
  if (answer.source) {
    const { sections, quote } = answer.source;
    lines.push(
      '',
      style.paint('dim', fillText(TERMINAL_TEXTS.source, { sections: sections.join('", "'), quote })),
    );
  }
  lines.push('', style.paint(['bold', 'yellow'], `${TERMINAL_TEXTS.warningLabel} ${answer.safety.warning}`));
  lines.push(style.paint('dim', `${TERMINAL_TEXTS.disclaimerLabel} ${answer.safety.disclaimer}`));
  return lines.join('\n');
}

/** The stable machine-readable shape for `--json` and `--jsonl`. */
export function toJsonRecord(answer: Answer) {
  return {
    matched: answer.matched,
    urgent: answer.urgent,
    personal: answer.personal,
    kind: answer.kind,
    topic: answer.topic?.id ?? null,
    title: answer.topic?.title ?? null,
    confidence: Number(answer.confidence.toFixed(4)),
    answer: answer.body,
    facts: [...answer.facts],
    coverage: answer.coverage,
    urgentNotice: answer.urgentNotice,
    personalNotice: answer.personalNotice,
    corrections: answer.corrections.map((c) => ({ note: c.note, references: c.references })),
    // What "More" shows: the topic summary, its facts and the corrections not in the main reply.
    details: answer.more
      ? {
          summary: answer.more.summary,
          facts: [...answer.details],
          corrections: answer.more.corrections.map((c) => ({ note: c.note, references: c.references })),
        }
      : null,
    source: answer.source,
    related: answer.related.map((t) => t.id),
    suggestions: answer.suggestions.map((t) => t.id),
    disclaimer: answer.safety.disclaimer,
    warning: answer.safety.warning,
    warningFirst: answer.safety.warningFirst,
    text: renderAnswerText(answer),
  };
}

function formatAmount(amount: Food['amount']): string {
  return amount ? amountText(amount) : texts().terminal.noFigure;
}

export function renderFoodsText(foods: readonly Food[]): string {
  const TERMINAL_TEXTS = texts().terminal;
  return [
    TERMINAL_TEXTS.foodsLead,
    ...foods.map((food) => {
      const figure = food.amount ? `${formatAmount(food.amount)} per ${food.basis}` : food.articleSays;
      const note = food.correction ? `\n    ${TERMINAL_TEXTS.correctionLabel} ${food.correction.note}` : '';
      return `  - ${food.name}: ${figure}${note}`;
    }),
  ].join('\n');
}

export function renderDosesText(doses: readonly Dose[]): string {
  const TERMINAL_TEXTS = texts().terminal;
  return [
    TERMINAL_TEXTS.dosesLead,
    ...doses.map((dose) => {
      const note = dose.correction ? `\n    ${TERMINAL_TEXTS.correctionLabel} ${dose.correction.note}` : '';
      return `  - ${dose.group} (${dose.form}, ${formatAmount(dose.amount)}): ${dose.text}${note}`;
    }),
  ].join('\n');
}
