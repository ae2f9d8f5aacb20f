import type { Client, CommandInteraction } from 'discord.js';
import type { Answer, UrgentKind } from '../engine/index.ts';
import { texts } from '../kb/language.ts';
import { fillText } from '../kb/languageSchema.ts';
import type { BotContext } from './context.ts';
import { renderNotice } from './renderEmbeds.ts';

/** One alert per member per this long: a person in trouble writing five messages is one alert. */
export const ALERT_INTERVAL_MS = 10 * 60 * 1000;

const ALERT_TEXTS = texts().alerts;
const KIND_WORDS: Record<UrgentKind, string> = ALERT_TEXTS.emergencies;

export function describeEmergency(kind: UrgentKind | undefined): string {
  return kind ? KIND_WORDS[kind] : ALERT_TEXTS.unknownEmergency;
}

/** Remembers when each member last caused an alert; old entries are dropped as it grows. */
export class AlertLimiter {
  readonly #last = new Map<string, number>();

  /** True (and remembered) when this member may cause an alert now. */
  take(guildId: string, userId: string, nowMs: number): boolean {
    const key = `${guildId}:${userId}`;
    const last = this.#last.get(key);
    if (last !== undefined && nowMs - last < ALERT_INTERVAL_MS) return false;
    this.#last.set(key, nowMs);
    if (this.#last.size > 10_000) {
      for (const [k, at] of this.#last) if (nowMs - at >= ALERT_INTERVAL_MS) this.#last.delete(k);
    }
    return true;
  }
}

export interface EmergencyAlertInput {
  guildId: string;
  /** Where the member wrote. */
  channelId: string;
  userId: string;
  /** A link to the member's message, or to the channel when there is no message to link (private /ask). */
  jumpUrl: string;
  answer: Answer;
}

/**
 * Tells a server's moderators, in the channel they chose, that a member's message sounds like an
 * emergency. The member is shown, never pinged; the chosen role is the only ping. Failing to post
 * is logged and never touches the member's reply. Callers pass guild messages and /ask only:
 * DMs have nobody to tell and are private.
 */
export async function alertModerators(
  ctx: BotContext,
  client: Client,
  input: EmergencyAlertInput,
): Promise<void> {
  if (!input.answer.urgent) return;
  const base = { event: 'emergency-alert', guildId: input.guildId, kind: input.answer.urgentKind ?? null };
  try {
    const settings = await ctx.store.getGuildSettings(input.guildId);
    if (!settings.alertChannelId) return;
    if (!ctx.alertLimiter.take(input.guildId, input.userId, ctx.community.now().getTime())) {
      ctx.logger.info(
        { ...base, outcome: 'limited' },
        'emergency alert skipped: one per member per 10 minutes',
      );
      return;
    }
    const channel = await client.channels.fetch(settings.alertChannelId).catch(() => null);
    if (!channel?.isSendable() || !('guildId' in channel) || channel.guildId !== input.guildId) {
      ctx.logger.warn(
        { ...base, outcome: 'no-channel' },
        'emergency alert channel is gone or not a text channel',
      );
      return;
    }
    const emergency = describeEmergency(input.answer.urgentKind);
    const notice = ctx.engine.notice(
      fillText(ALERT_TEXTS.body, {
        userId: input.userId,
        channelId: input.channelId,
        emergency,
        jumpUrl: input.jumpUrl,
      }),
    );
    const reply = renderNotice(notice, fillText(ALERT_TEXTS.title, { emergency }));
    const roleId = settings.alertRoleId;
    await channel.send({
      ...(roleId ? { content: `<@&${roleId}>` } : {}),
      embeds: reply.embeds,
      // The role is the only ping; the member's mention sits in the embed and stays inert.
      allowedMentions: { parse: [], users: [], roles: roleId ? [roleId] : [] },
    });
    ctx.logger.info({ ...base, outcome: 'posted' }, 'emergency alert posted');
  } catch (error) {
    ctx.logger.error({ ...base, outcome: 'failed', err: error }, 'emergency alert failed');
  }
}

/**
 * Where an alert about a slash command points: the public answer (it quotes the question), or
 * the channel when the answer is private and so cannot be linked.
 */
export async function alertSource(
  interaction: CommandInteraction<'cached' | 'raw'>,
  ephemeral: boolean,
  answer: Answer,
): Promise<EmergencyAlertInput> {
  const channelUrl = `https://discord.com/channels/${interaction.guildId}/${interaction.channelId}`;
  let jumpUrl = channelUrl;
  if (!ephemeral) {
    try {
      jumpUrl = (await interaction.fetchReply()).url;
    } catch {
      // The channel link still gets a moderator there.
    }
  }
  return {
    guildId: interaction.guildId,
    channelId: interaction.channelId,
    userId: interaction.user.id,
    jumpUrl,
    answer,
  };
}
