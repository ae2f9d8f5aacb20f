import type { Message } from 'discord.js';
import { type Answer, contextForAnotherMember, type FollowUpContext } from '../../engine/index.ts';
import { texts } from '../../kb/language.ts';
import { alertModerators } from '../alerts.ts';
import {
  type AskedVia,
  askWithinBudget,
  describeAnswer,
  type RepliedEvent,
  renderUnanswered,
} from '../askEngine.ts';
import { isMissingPermissions, reportMissingPermissions } from '../channelPermissions.ts';
import { decideChatReply, shouldAutoAnswer } from '../chatReplyPolicy.ts';
import { recordForReview, serverNoteOptions } from '../community.ts';
import { type BotContext, type KeptContext, renderEngineNotice } from '../context.ts';
import { type RenderedReply, renderAnswer } from '../renderEmbeds.ts';
import { toMessageOptions } from '../sendReply.ts';

type Trigger = Extract<AskedVia, 'dm' | 'mention' | 'reply' | 'auto'>;

const SURFACE_OF: Record<Trigger, RepliedEvent['surface']> = {
  dm: 'dm',
  mention: 'mention',
  reply: 'reply',
  auto: 'auto-channel',
};

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

/**
 * Where a message's follow-up context lives: the bot answer it replies to, else its thread, the
 * user's DMs, or the user in this channel (so one member's context never reads another's).
 */
function conversationKey(message: Message, trigger: Trigger): string {
  if (message.channel.isThread()) return `thread:${message.channelId}`;
  if (trigger === 'dm') return `dm:${message.author.id}`;
  return `channel:${message.channelId}:${message.author.id}`;
}

/**
 * The context of the conversation a message continues. A reply to a bot answer reads that answer's
 * context, found by the answer's id or, when the reply came before the bot learnt that id (a
 * fast member), by the question the answer replied to. Another member's context keeps its
 * subject but not its emergency (contextForAnotherMember).
 */
async function previousContext(
  message: Message,
  ctx: BotContext,
  trigger: Trigger,
): Promise<FollowUpContext | null> {
  const replied = trigger === 'reply' ? await keptForRepliedAnswer(message, ctx) : null;
  const found = replied ?? ctx.followUps.get(conversationKey(message, trigger));
  if (!found) return null;
  return found.askerId === message.author.id ? found.context : contextForAnotherMember(found.context);
}

async function keptForRepliedAnswer(message: Message, ctx: BotContext): Promise<KeptContext | null> {
  const repliedTo = message.reference?.messageId;
  if (!repliedTo) return null;
  const byAnswer = ctx.followUps.get(`answer:${repliedTo}`);
  if (byAnswer) return byAnswer;
  try {
    const answered = (await message.fetchReference()).reference?.messageId;
    return answered ? ctx.followUps.get(`question:${answered}`) : null;
  } catch {
    return null;
  }
}

function stripBotMention(content: string, botId: string): string {
  return content.replace(new RegExp(`<@!?${botId}>`, 'g'), ' ').trim();
}

/** Chat questions: mentions, replies to the bot, DMs, and confident questions in auto-answer channels. */
export async function handleMessage(message: Message, ctx: BotContext): Promise<RepliedEvent | undefined> {
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
  const asked = await askWithinBudget(ctx, question, await previousContext(message, ctx, trigger));
  let answer: Answer | undefined;
  let reply: RenderedReply;
  if ('unanswered' in asked) {
    // In an auto-answer channel a message nobody could read in time may be an emergency: say
    // what to do, unless the bot is merely overloaded, when one more message only adds to it.
    if (trigger === 'auto' && asked.unanswered === 'busy') return;
    reply = renderUnanswered(ctx, asked.unanswered);
  } else {
    answer = asked.answer;
    if (trigger === 'auto' && !shouldAutoAnswer(question, answer)) {
      ctx.logger.debug({ ...base, ...describeAnswer(answer) }, 'auto channel: not answering');
      return;
    }
    reply = renderAnswer(answer, {
      deletableBy: message.author.id,
      ...(await serverNoteOptions(ctx, message.guildId)),
    });
  }
  ctx.logger.debug({ ...base, text: question }, 'question received');

  const urgent = answer?.urgent === true;
  // The queue first: a message dropped there must not use up the channel's window.
  const { queue } = ctx.limits;
  if (!queue.tryEnter(urgent)) {
    ctx.logger.warn(
      { ...base, queued: queue.size },
      'chat reply dropped: too many replies waiting for Discord',
    );
    return;
  }
  const decision = await decideChatReply(ctx, {
    guildId: message.guildId,
    channelId: message.channelId,
    userId: message.author.id,
    urgent,
    auto: trigger === 'auto',
  }).catch((error: unknown) => {
    queue.leave();
    throw error;
  });
  if (decision.send === 'silent') {
    queue.leave();
    ctx.logger.debug({ ...base, limit: decision.limit }, 'chat reply withheld by a flood limit');
    return;
  }
  try {
    const outgoing = decision.send === 'notice' ? decision.reply : reply;
    // Kept for review only when it is answered, and before the reply, as slash commands do.
    if (decision.send === 'reply' && answer) {
      await recordForReview(ctx, { question, guildId: message.guildId, via: trigger }, answer);
    }
    // The next message here is read in this answer's context: kept before the reply is sent,
    // since the asker may answer it before this handler resumes.
    const context = decision.send === 'reply' && 'context' in asked ? asked.context : undefined;
    const kept = context ? { context, askerId: message.author.id } : null;
    if (context !== undefined) {
      ctx.followUps.set(conversationKey(message, trigger), kept);
      ctx.followUps.set(`question:${message.id}`, kept);
    }
    const sent = await message.reply({ ...toMessageOptions(outgoing), failIfNotExists: false });
    if (decision.send === 'reply' && answer) {
      ctx.answerMessageIds.add(sent.id);
      // A reply to this very answer, later or by someone else, is read in its context too.
      if (context !== undefined) ctx.followUps.set(`answer:${sent.id}`, kept);
      if (answer.urgent && message.inGuild()) {
        await alertModerators(ctx, message.client, {
          guildId: message.guildId,
          channelId: message.channelId,
          userId: message.author.id,
          jumpUrl: message.url,
          answer,
        });
      }
    }
    ctx.logger.info(
      {
        ...base,
        ...(decision.send === 'notice'
          ? { kind: 'cooldown' }
          : answer
            ? describeAnswer(answer)
            : { kind: 'unanswered' in asked ? asked.unanswered : 'answer' }),
        latencyMs: Math.round(performance.now() - started),
      },
      'message answered',
    );
    if (decision.send === 'reply' && answer)
      return { surface: SURFACE_OF[trigger], outcome: describeAnswer(answer) };
  } catch (error) {
    if (isMissingPermissions(error)) {
      await reportMissingPermissions(message, ctx, error);
      return;
    }
    ctx.logger.error({ ...base, event: 'message-error', err: error }, 'message answer failed');
    try {
      const apology = renderEngineNotice(ctx, texts().discord.apology, texts().discord.apologyTitle);
      await message.reply({ ...toMessageOptions(apology), failIfNotExists: false });
    } catch (replyError) {
      ctx.logger.warn({ err: replyError }, 'could not send the error reply');
    }
  } finally {
    queue.leave();
  }
}
