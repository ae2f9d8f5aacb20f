import type { Answer } from '../engine/index.ts';
import type { PooledAnswer } from './answerPool.ts';
import type { BotContext } from './context.ts';
import { cooldownKey } from './cooldowns.ts';
import { type AnswerRenderOptions, type RenderedReply, renderAnswer, renderNotice } from './render.ts';

/** How a question reached the bot; logged with every answer. */
export type AskedVia = 'slash' | 'mention' | 'reply' | 'dm' | 'auto' | 'context-menu' | 'topic' | 'button';

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
  | { kind: 'cooldown'; waitSeconds: number; reply: RenderedReply }
  | { kind: 'unanswered'; reason: Unanswered; reply: RenderedReply };

/**
 * Whoever sent a question that could not be read in time may be in danger: the engine never saw
 * the words, so every such notice says what to do in an emergency.
 */
const EMERGENCY_HINT =
  'If someone may be in danger (bleeding that will not stop, an overdose, chest pain, signs of a stroke), call your local emergency number now.';

const UNANSWERED_NOTICES: Record<Unanswered, { title: string; text: string }> = {
  'timed-out': {
    title: 'That question took too long',
    text: `That question took too long to answer, so I stopped. Please ask it again in fewer words, or pick a topic with /topic. ${EMERGENCY_HINT}`,
  },
  busy: {
    title: 'Too many questions right now',
    text: `I am answering too many questions at once. Please ask again in a minute. ${EMERGENCY_HINT}`,
  },
  failed: {
    title: 'Something went wrong',
    text: `Sorry, something went wrong while answering. The problem was logged; please try again in a moment. ${EMERGENCY_HINT}`,
  },
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

/**
 * The one answer flow for slash commands, chat and the context menu: engine (within the time
 * budget), cooldown (urgent questions skip it), render.
 */
export async function askEngine(ctx: BotContext, request: AskRequest): Promise<AskResult> {
  let answer = request.answer;
  if (!answer) {
    const asked = await askWithinBudget(ctx, request.question);
    if ('unanswered' in asked) {
      if (request.guildId) ctx.cooldowns.markAsked(cooldownKey(request.guildId, request.userId));
      return { kind: 'unanswered', reason: asked.unanswered, reply: renderUnanswered(ctx, asked.unanswered) };
    }
    answer = asked.answer;
  }
  if (request.guildId && !answer.urgent) {
    const settings = await ctx.store.getGuildSettings(request.guildId);
    const key = cooldownKey(request.guildId, request.userId);
    const waitMs = ctx.cooldowns.remainingMs(key, settings.cooldownSeconds);
    if (waitMs > 0) {
      const waitSeconds = Math.ceil(waitMs / 1000);
      const notice = ctx.engine.notice(
        `You can ask again in ${waitSeconds} s: this server has a ${settings.cooldownSeconds} s cooldown between questions.`,
      );
      return { kind: 'cooldown', waitSeconds, reply: renderNotice(notice, 'Please wait a moment') };
    }
    ctx.cooldowns.markAsked(key);
  }
  return { kind: 'answer', answer, reply: renderAnswer(answer, request.render ?? {}) };
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
