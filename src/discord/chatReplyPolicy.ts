import { type Answer, looksLikeK2Question } from '../engine/index.ts';
import { texts } from '../kb/language.ts';
import { fillText } from '../kb/languageSchema.ts';
import type { BotContext } from './context.ts';
import { cooldownKey, DM_COOLDOWN_SECONDS } from './cooldowns.ts';
import { type RenderedReply, renderNotice } from './renderEmbeds.ts';

const TEXTS = texts().discord;

/** Whether and how to reply to a chat message: the flood limits, and which auto-channel messages to answer. */

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

/**
 * Auto-answer only what is clearly a K2 question the engine is sure about. Nobody asked the bot
 * here, so a wrong answer costs more than silence: the engine's confidence is calibrated on whether
 * the reply shows the asked facts, and at 0.9 and above 97.2% of its development-set answers did
 * (89.1% in 0.7–0.9); about two thirds of answered questions reach it.
 */
export const AUTO_ANSWER_MIN_CONFIDENCE = 0.9;

/** Whether a raw message asks about K2: the engine's lexicon decides (see engine/lexicon.ts). */
export { looksLikeK2Question };

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
