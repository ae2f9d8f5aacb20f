import type { Answer } from '../engine/index.ts';
import { texts } from '../kb/language.ts';
import { fillText } from '../kb/languageSchema.ts';
import type { ReplySurface } from '../ops/metrics.ts';
import type { PooledAnswer } from './answerPool.ts';
import type { CommandOutcome } from './command.ts';
import { serverAnswerExtras } from './community.ts';
import type { BotContext } from './context.ts';
import { cooldownKey, DM_COOLDOWN_SECONDS } from './cooldowns.ts';
import { type AnswerRenderOptions, type RenderedReply, renderAnswer, renderNotice } from './renderEmbeds.ts';

const TEXTS = texts().discord;

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
): Promise<{ answer: Answer } | { unanswered: Unanswered }> {
  const result = await ctx.answerer.ask(question);
  return result.status === 'answered' ? { answer: result.answer } : { unanswered: result.status };
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

export interface ChatReplyRequest {
  guildId: string | null;
  channelId: string;
  userId: string;
  /** Urgent messages pass every limit. */
  urgent: boolean;
  /** In an auto-answer channel nobody asked the bot: a limited message gets silence, never a notice. */
  auto: boolean;
}

/** Whether a chat reply may be posted: `reply`, a one-off "please wait" `notice`, or `silent`. */
export type ChatReplyDecision =
  | { send: 'reply' }
  | { send: 'notice'; reply: RenderedReply }
  | { send: 'silent'; limit: 'cooldown' | 'channel' };

/**
 * The flood limits of chat answers (mentions, replies, DMs, auto-answer channels): the member's
 * cooldown (the server's setting; DMs use the default), then the channel's reply window. A member
 * who asks during their cooldown is told once; later messages in the same cooldown, and anything
 * over the channel's window, get silence, since a notice per message would be the flood itself.
 */
export async function decideChatReply(
  ctx: BotContext,
  request: ChatReplyRequest,
): Promise<ChatReplyDecision> {
  const { channels } = ctx.limits;
  if (request.urgent) {
    channels.record(request.channelId);
    return { send: 'reply' };
  }
  const cooldownSeconds = request.guildId
    ? (await ctx.store.getGuildSettings(request.guildId)).cooldownSeconds
    : DM_COOLDOWN_SECONDS;
  const key = cooldownKey(request.guildId, request.userId);
  const waitMs = ctx.cooldowns.remainingMs(key, cooldownSeconds);
  if (waitMs > 0) {
    if (request.auto || !ctx.cooldowns.claimNotice(key) || !channels.tryTake(request.channelId)) {
      return { send: 'silent', limit: 'cooldown' };
    }
    const waitSeconds = Math.ceil(waitMs / 1000);
    const template = request.guildId ? TEXTS.cooldown : TEXTS.directCooldown;
    const notice = ctx.engine.notice(fillText(template, { waitSeconds, cooldownSeconds }));
    return { send: 'notice', reply: renderNotice(notice, TEXTS.cooldownTitle) };
  }
  if (!channels.tryTake(request.channelId)) return { send: 'silent', limit: 'channel' };
  ctx.cooldowns.markAsked(key);
  return { send: 'reply' };
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

const QUESTION_FORM =
  /\?|^\s*(what|what's|whats|how|is|are|can|could|should|does|do|did|why|when|which|where|who|will|would|any|anyone|tell me|explain|help)\b/i;
const K2_VOCABULARY =
  /\b(k2|k-2|vitamin\s*k\w*|vit\.?\s*k|menaquinone\w*|mk-?\s?[47]|natto|phylloquinone|k1|warfarin|coumadin|acenocoumarol|phenprocoumon|anticoagul\w*|blood[- ]thinner\w*|calcium|osteo\w*|bones?|arter\w*|calcif\w*|gouda|brie|cheeses?|egg yolks?|sauerkraut|ferment\w*|supplements?|dose|dosage|mcg|microgram\w*)\b/i;

/**
 * Auto-answer only what is clearly a K2 question the engine is sure about. Nobody asked the bot
 * here, so a wrong answer costs more than silence: the engine's confidence is calibrated, and at
 * 0.9 and above its development-set answers were right about 99% of the time (71% in 0.7–0.9).
 */
export const AUTO_ANSWER_MIN_CONFIDENCE = 0.9;

export function looksLikeK2Question(text: string): boolean {
  return QUESTION_FORM.test(text) && K2_VOCABULARY.test(text);
}

/** In an auto-answer channel: answer urgent messages always, others only when clear and confident. */
export function shouldAutoAnswer(text: string, answer: Answer): boolean {
  if (answer.urgent) return true;
  return (
    answer.kind === 'answer' &&
    answer.matched &&
    answer.confidence >= AUTO_ANSWER_MIN_CONFIDENCE &&
    looksLikeK2Question(text)
  );
}
