import {
  DiscordAPIError,
  type GuildBasedChannel,
  type GuildMember,
  type Message,
  PermissionFlagsBits,
  RESTJSONErrorCodes,
} from 'discord.js';
import { texts } from '../kb/language.ts';
import { fillText } from '../kb/languageSchema.ts';
import { type BotContext, RecentIds, renderEngineNotice } from './context.ts';
import { toMessageOptions } from './sendReply.ts';

/** What the bot needs in a channel to read a question and answer it with an embed, by Discord's names. */
export const ANSWER_PERMISSIONS = [
  [PermissionFlagsBits.ViewChannel, 'View Channel'],
  [PermissionFlagsBits.SendMessages, 'Send Messages'],
  [PermissionFlagsBits.EmbedLinks, 'Embed Links'],
  [PermissionFlagsBits.ReadMessageHistory, 'Read Message History'],
] as const;

/** The answer permissions the bot lacks in a channel (empty when it has them all). */
export function missingAnswerPermissions(channel: GuildBasedChannel, me: GuildMember): string[] {
  const granted = channel.permissionsFor(me);
  return ANSWER_PERMISSIONS.filter(([bit]) => !granted.has(bit)).map(([, name]) => name);
}

export function isMissingPermissions(error: unknown): boolean {
  return (
    error instanceof DiscordAPIError &&
    (error.code === RESTJSONErrorCodes.MissingPermissions || error.code === RESTJSONErrorCodes.MissingAccess)
  );
}

// One error line per channel and one private note per member and channel: a busy channel the bot
// cannot answer in must not flood the log or anyone's DMs.
const loggedChannels = new RecentIds(10_000);
const toldMembers = new RecentIds(10_000);

/**
 * A reply in a channel failed because the bot lacks permissions there: log it once per channel, and
 * tell the asker privately (a DM, when they accept them) what is missing and who can fix it.
 */
export async function reportMissingPermissions(
  message: Message,
  ctx: BotContext,
  error: unknown,
): Promise<void> {
  const channel = message.inGuild() ? message.channel : undefined;
  const me = message.guild?.members.me;
  const missing = channel && me ? missingAnswerPermissions(channel, me) : [];
  const what = missing.length > 0 ? missing.join(', ') : 'the permissions it needs';
  if (!loggedChannels.has(message.channelId)) {
    loggedChannels.add(message.channelId);
    ctx.logger.error(
      {
        event: 'missing-permissions',
        guildId: message.guildId,
        channelId: message.channelId,
        missing,
        code: (error as { code?: unknown }).code,
      },
      'cannot reply in this channel: the bot lacks permissions there (logged once per channel)',
    );
  }
  const key = `${message.channelId}:${message.author.id}`;
  if (toldMembers.has(key)) return;
  toldMembers.add(key);
  const note = renderEngineNotice(
    ctx,
    fillText(texts().discord.cannotAnswerThere, { channelId: message.channelId, missing: what }),
    texts().discord.cannotAnswerThereTitle,
  );
  try {
    await message.author.send(toMessageOptions(note));
  } catch (dmError) {
    ctx.logger.debug({ err: dmError, channelId: message.channelId }, 'could not tell the asker by DM');
  }
}
