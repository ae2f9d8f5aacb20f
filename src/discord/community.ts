import { type Client, Events } from 'discord.js';
import type { Answer } from '../engine/index.ts';
import { startHousekeeping } from '../learning/housekeeping.ts';
import { reviewReason } from '../learning/record.ts';
import { scrubQuestion } from '../learning/scrub.ts';
import { dayOf } from '../store/learningStore.ts';
import type { AskedVia } from './askEngine.ts';
import type { BotContext } from './context.ts';
import type { AnswerRenderOptions } from './renderEmbeds.ts';

/** The operator's choices for learning, alerts and retention, and the clock they run on. */
export interface CommunityOptions {
  /** LEARNING_DMS: record DM questions too (servers decide for themselves with /settings learning). */
  learningDms: boolean;
  retentionDays: number;
  graceDays: number;
  /** Tests move it; the real clock otherwise. */
  now: () => Date;
}

/** How a question reached the bot: typed questions may be recorded, topic buttons and lists may not. */
const ASKED: ReadonlySet<AskedVia> = new Set(['slash', 'mention', 'reply', 'dm', 'auto', 'context-menu']);

/** The render options a server adds to its answers: its note. */
export async function serverNoteOptions(
  ctx: BotContext,
  guildId: string | null,
): Promise<AnswerRenderOptions> {
  if (!guildId) return {};
  try {
    const { note } = await ctx.store.getGuildSettings(guildId);
    return note ? { serverNote: note } : {};
  } catch (error) {
    ctx.logger.error({ event: 'server-note-failed', guildId, err: error }, 'could not read the server note');
    return {};
  }
}

/**
 * Keeps a question for the operator's review where learning is on (the server's setting, or
 * LEARNING_DMS for DMs) and the answer was a decline or unsure. Never fails the answer: a store
 * that cannot take the record is logged, and the member still gets the reply.
 */
export async function recordForReview(
  ctx: BotContext,
  request: { question: string; guildId: string | null; via: AskedVia },
  answer: Answer,
): Promise<void> {
  try {
    const reason = ASKED.has(request.via) ? reviewReason(answer) : null;
    if (!reason) return;
    const learning = request.guildId
      ? (await ctx.store.getGuildSettings(request.guildId)).learning
      : ctx.community.learningDms;
    const text = learning ? scrubQuestion(request.question) : '';
    if (!text) return;
    await ctx.store.recordQuestion({
      guildId: request.guildId,
      text,
      reason,
      topicId: answer.kind === 'answer' ? (answer.topic?.id ?? null) : null,
      day: dayOf(ctx.community.now()),
    });
  } catch (error) {
    ctx.logger.error(
      { event: 'learning-failed', guildId: request.guildId, err: error },
      'could not record a question for review',
    );
  }
}

/** Both extras of a slash-command or message-menu answer. */
export async function serverAnswerExtras(
  ctx: BotContext,
  request: { question: string; guildId: string | null; via: AskedVia },
  answer: Answer,
): Promise<AnswerRenderOptions> {
  await recordForReview(ctx, request, answer);
  return serverNoteOptions(ctx, request.guildId);
}

export function communityOptions(
  config: { LEARNING_DMS: boolean; LEARNING_RETENTION_DAYS: number; GUILD_DATA_GRACE_DAYS: number },
  now: () => Date = () => new Date(),
): CommunityOptions {
  return {
    learningDms: config.LEARNING_DMS,
    retentionDays: config.LEARNING_RETENTION_DAYS,
    graceDays: config.GUILD_DATA_GRACE_DAYS,
    now,
  };
}

/**
 * After READY: servers the bot is in are not pending deletion (it may have been re-added while
 * offline), then the retention purge runs now and daily. A server the bot leaves from here on
 * is forgotten after the grace period, unless it comes back first.
 */
export async function startCommunityUpkeep(
  client: Client,
  ctx: BotContext,
  options: { housekeepingIntervalMs?: number } = {},
): Promise<{ stop(): void }> {
  const { store, logger, community } = ctx;
  const note = (guildId: string, action: () => Promise<void>, what: string) =>
    Promise.resolve()
      .then(action)
      .catch((error: unknown) => logger.error({ event: 'guild-membership', guildId, err: error }, what));
  client.on(Events.GuildDelete, (guild) => {
    logger.info(
      { event: 'guild-left', guildId: guild.id, graceDays: community.graceDays },
      'removed from a server',
    );
    void note(
      guild.id,
      () => store.markGuildLeft(guild.id, community.now()),
      'could not note leaving a server',
    );
  });
  client.on(Events.GuildCreate, (guild) => {
    void note(guild.id, () => store.markGuildPresent(guild.id), 'could not note joining a server');
  });
  for (const guildId of client.guilds.cache.keys()) {
    await note(guildId, () => store.markGuildPresent(guildId), 'could not note a server');
  }
  const housekeeping = startHousekeeping({
    store,
    logger,
    retentionDays: community.retentionDays,
    graceDays: community.graceDays,
    now: community.now,
    ...(options.housekeepingIntervalMs ? { intervalMs: options.housekeepingIntervalMs } : {}),
  });
  await housekeeping.firstRun;
  return housekeeping;
}
