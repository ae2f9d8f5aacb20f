import type { ButtonInteraction } from 'discord.js';
import { texts } from '../kb/language.ts';
import { fillText } from '../kb/languageSchema.ts';
import { voteKey } from '../learning/feedback.ts';
import { dayOf, type LearningStore } from '../store/learningStore.ts';
import type { CommandOutcome } from './command.ts';
import { type BotContext, renderEngineNotice } from './context.ts';
import { sendInteractionReply } from './sendReply.ts';
import { parseVoteCustomId, VOTE_PREFIX } from './voteIds.ts';

const FEEDBACK_TEXTS = texts().feedback;

export function isVoteButton(customId: string): boolean {
  return customId.startsWith(`${VOTE_PREFIX}:`);
}

/** The vote secret changes only with the database: read once per store. */
const secrets = new WeakMap<LearningStore, Promise<string>>();

export function voteSecretOf(store: LearningStore): Promise<string> {
  let secret = secrets.get(store);
  if (!secret) {
    secret = store.voteSecret();
    secrets.set(store, secret);
    // A failed read is retried by the next vote.
    secret.catch(() => secrets.delete(store));
  }
  return secret;
}

/**
 * A Helpful / Not helpful click: one vote per member per answer, stored without the member
 * (see voteKey), and a private "Thanks" that says whether the vote was counted or changed.
 */
export async function handleVote(interaction: ButtonInteraction, ctx: BotContext): Promise<CommandOutcome> {
  const parsed = parseVoteCustomId(interaction.customId);
  if (!parsed) {
    await sendInteractionReply(interaction, renderEngineNotice(ctx, FEEDBACK_TEXTS.staleVote), {
      ephemeral: true,
    });
    return { kind: 'vote-unknown' };
  }
  const { vote, ...reply } = parsed;
  const label = vote === 'helpful' ? FEEDBACK_TEXTS.helpful : FEEDBACK_TEXTS.notHelpful;
  try {
    const secret = await voteSecretOf(ctx.store);
    const outcome = await ctx.store.recordVote(voteKey(secret, interaction.user.id, interaction.message.id), {
      guildId: interaction.guildId,
      ...reply,
      vote,
      day: dayOf(ctx.community.now()),
    });
    const template =
      outcome === 'changed'
        ? FEEDBACK_TEXTS.voteChanged
        : outcome === 'unchanged'
          ? FEEDBACK_TEXTS.voteUnchanged
          : FEEDBACK_TEXTS.voteCounted;
    const text = fillText(template, { label });
    await sendInteractionReply(interaction, renderEngineNotice(ctx, text, FEEDBACK_TEXTS.thanksTitle), {
      ephemeral: true,
    });
    return { kind: `vote-${outcome}:${vote}`, topic: reply.topicId };
  } catch (error) {
    ctx.logger.error({ event: 'vote-not-saved', guildId: interaction.guildId, err: error }, 'vote not saved');
    await sendInteractionReply(interaction, renderEngineNotice(ctx, FEEDBACK_TEXTS.voteFailed), {
      ephemeral: true,
    });
    return { kind: 'vote-failed' };
  }
}
