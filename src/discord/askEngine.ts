import type { Answer, FollowUpContext } from '../engine/index.ts';
import { texts } from '../kb/language.ts';
import type { ReplySurface } from '../ops/metrics.ts';
import type { PooledAnswer } from './answerPool.ts';
import type { CommandOutcome } from './command.ts';
import { serverAnswerExtras } from './community.ts';
import type { BotContext } from './context.ts';
import { type AnswerRenderOptions, type RenderedReply, renderAnswer, renderNotice } from './renderEmbeds.ts';

const TEXTS = texts().discord;

/** Asking the engine from Discord: through the answer workers within the time budget, rendered as a reply. */

/** How a question reached the bot; logged with every answer. */
export type AskedVia = 'slash' | 'mention' | 'reply' | 'dm' | 'auto' | 'context-menu' | 'topic' | 'button';

/** What an event handler reports once it has replied, for metrics: where, and the engine's outcome. */
export interface RepliedEvent {
  surface: ReplySurface;
  outcome: CommandOutcome;
}

export interface AskRequest {
  question: string;
  userId: string;
  guildId: string | null;
  via: AskedVia;
  render?: AnswerRenderOptions;
  /** Precomputed answer (auto-channel screening already asked the engine). */
  answer?: Answer;
}

/** Why the engine gave no answer: see `PooledAnswer`. */
export type Unanswered = Exclude<PooledAnswer['status'], 'answered'>;

export type AskResult =
  | { kind: 'answer'; answer: Answer; reply: RenderedReply }
  | { kind: 'unanswered'; reason: Unanswered; reply: RenderedReply };

/**
 * Whoever sent a question that could not be read in time may be in danger: the engine never saw
 * the words, so every such notice says what to do in an emergency.
 */
const UNANSWERED_NOTICES: Record<Unanswered, { title: string; text: string }> = {
  'timed-out': { title: TEXTS.timedOutTitle, text: `${TEXTS.timedOut} ${TEXTS.emergencyHint}` },
  busy: { title: TEXTS.busyTitle, text: `${TEXTS.busy} ${TEXTS.emergencyHint}` },
  failed: { title: TEXTS.apologyTitle, text: `${TEXTS.apology} ${TEXTS.emergencyHint}` },
};

/**
 * The notice for a question the engine did not answer. Built by the engine's notice path so both
 * safety texts are attached; the anticoagulant warning leads because nobody read the question.
 */
export function renderUnanswered(ctx: BotContext, reason: Unanswered): RenderedReply {
  const { title, text } = UNANSWERED_NOTICES[reason];
  return renderNotice(ctx.engine.notice(text, { warningFirst: true }), title);
}

/** Asks the engine through the worker pool, within the answer time budget. */
export async function askWithinBudget(
  ctx: BotContext,
  question: string,
  previous: FollowUpContext | null = null,
): Promise<{ answer: Answer; context: FollowUpContext | null } | { unanswered: Unanswered }> {
  const result = await ctx.answerer.ask(question, previous);
  return result.status === 'answered'
    ? { answer: result.answer, context: result.context }
    : { unanswered: result.status };
}

/** The answer flow of slash commands and the message menu: engine (within the time budget), render. */
export async function askEngine(ctx: BotContext, request: AskRequest): Promise<AskResult> {
  let answer = request.answer;
  if (!answer) {
    const asked = await askWithinBudget(ctx, request.question);
    if ('unanswered' in asked) {
      return { kind: 'unanswered', reason: asked.unanswered, reply: renderUnanswered(ctx, asked.unanswered) };
    }
    answer = asked.answer;
  }
  const extras = await serverAnswerExtras(ctx, request, answer);
  return { kind: 'answer', answer, reply: renderAnswer(answer, { ...request.render, ...extras }) };
}

/** Log fields for an answer: never the user's text at info level. */
export function describeAnswer(answer: Answer | null): Record<string, unknown> {
  if (!answer) return {};
  return {
    kind: answer.kind,
    topic: answer.topic?.id ?? null,
    confidence: Math.round(answer.confidence * 1000) / 1000,
    urgent: answer.urgent,
  };
}
