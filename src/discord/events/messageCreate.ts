import type { Message } from 'discord.js';
import type { Answer } from '../../engine/index.ts';
import {
  type AskedVia,
  type AskResult,
  askEngine,
  askWithinBudget,
  describeAnswer,
  renderUnanswered,
  shouldAutoAnswer,
} from '../answering.ts';
import { isMissingPermissions, reportMissingPermissions } from '../channelPermissions.ts';
import { type BotContext, renderEngineNotice } from '../context.ts';
import { toMessageOptions } from '../respond.ts';

type Trigger = Extract<AskedVia, 'dm' | 'mention' | 'reply' | 'auto'>;

async function isReplyToBot(message: Message, ctx: BotContext, botId: string): Promise<boolean> {
  const referenceId = message.reference?.messageId;
  if (!referenceId) return false;
  if (message.mentions.repliedUser?.id === botId || ctx.answerMessageIds.has(referenceId)) return true;
  if (message.reference?.channelId !== message.channelId) return false;
  try {
    return (await message.fetchReference()).author.id === botId;
  } catch {
    return false;
  }
}

async function findTrigger(message: Message, ctx: BotContext, botId: string): Promise<Trigger | null> {
  if (!message.inGuild()) return 'dm';
  const settings = await ctx.store.getGuildSettings(message.guildId);
  if (settings.mode === 'off') return null;
  // users.has, not mentions.has: @everyone or a role must not count as asking the bot.
  if (message.mentions.users.has(botId)) return 'mention';
  if (await isReplyToBot(message, ctx, botId)) return 'reply';
  if (settings.mode !== 'auto-channels') return null;
  const channel = message.channel;
  const parentId = channel.isThread() ? channel.parentId : null;
  const auto = settings.autoChannelIds.some((id) => id === message.channelId || id === parentId);
  return auto ? 'auto' : null;
}

function stripBotMention(content: string, botId: string): string {
  return content.replace(new RegExp(`<@!?${botId}>`, 'g'), ' ').trim();
}

/** Chat questions: mentions, replies to the bot, DMs, and confident questions in auto-answer channels. */
export async function handleMessage(message: Message, ctx: BotContext): Promise<void> {
  // The bot's own replies come back as MESSAGE_CREATE; other bots could start a loop.
  if (message.author.bot || message.system || message.webhookId) return;
  const botId = message.client.user.id;
  const started = performance.now();
  const trigger = await findTrigger(message, ctx, botId);
  if (!trigger) return;

  const question = stripBotMention(message.content, botId);
  const base = { event: 'message', via: trigger, guildId: message.guildId, userId: message.author.id };
  // Without message text (no MessageContent intent) there is nothing to judge: stay quiet.
  if (!question && (trigger === 'auto' || trigger === 'reply')) return;
  let answer: Answer | undefined;
  let screened: AskResult | undefined;
  if (trigger === 'auto') {
    const asked = await askWithinBudget(ctx, question);
    if ('unanswered' in asked) {
      // A message nobody could read in time may be an emergency: say what to do, unless the
      // bot is merely overloaded, when one more message would only add to the flood.
      if (asked.unanswered === 'busy') return;
      screened = {
        kind: 'unanswered',
        reason: asked.unanswered,
        reply: renderUnanswered(ctx, asked.unanswered),
      };
    } else {
      answer = asked.answer;
      if (!shouldAutoAnswer(question, answer)) {
        ctx.logger.debug({ ...base, ...describeAnswer(answer) }, 'auto channel: not answering');
        return;
      }
    }
  }
  ctx.logger.debug({ ...base, text: question }, 'question received');

  try {
    const result =
      screened ??
      (await askEngine(ctx, {
        question,
        userId: message.author.id,
        guildId: message.guildId,
        via: trigger,
        ...(answer ? { answer } : {}),
        render: { deletableBy: message.author.id },
      }));
    // In auto channels a cooldown notice would be noise nobody asked for.
    if (result.kind === 'cooldown' && trigger === 'auto') return;
    const sent = await message.reply({
      ...toMessageOptions(result.reply),
      failIfNotExists: false,
    });
    if (result.kind === 'answer') ctx.answerMessageIds.add(sent.id);
    ctx.logger.info(
      {
        ...base,
        ...(result.kind === 'answer'
          ? describeAnswer(result.answer)
          : { kind: result.kind === 'cooldown' ? 'cooldown' : result.reason }),
        latencyMs: Math.round(performance.now() - started),
      },
      'message answered',
    );
  } catch (error) {
    if (isMissingPermissions(error)) {
      await reportMissingPermissions(message, ctx, error);
      return;
    }
    ctx.logger.error({ ...base, event: 'message-error', err: error }, 'message answer failed');
    try {
      const apology = renderEngineNotice(
        ctx,
        'Sorry, something went wrong while answering. The problem was logged; please try again in a moment.',
        'Something went wrong',
      );
      await message.reply({ ...toMessageOptions(apology), failIfNotExists: false });
    } catch (replyError) {
      ctx.logger.warn({ err: replyError }, 'could not send the error reply');
    }
  }
}
