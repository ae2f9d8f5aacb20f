import { type MessageComponentInteraction, PermissionFlagsBits } from 'discord.js';
import { texts } from '../kb/language.ts';
import { describeAnswer } from './askEngine.ts';
import type { CommandOutcome } from './command.ts';
import { handleForgetButton, isForgetButton } from './communitySettings.ts';
import { type BotContext, renderEngineNotice, safetyOf } from './context.ts';
import { handleVote, isVoteButton } from './feedback.ts';
import { CUSTOM_ID, renderAnswer, renderTopicBrowser, renderTopicDetails } from './renderEmbeds.ts';
import { sendInteractionReply } from './sendReply.ts';

/** Splits `prefix:rest` at the LAST colon, so prefixes may contain colons themselves. */
function parseCustomId(customId: string): { prefix: string; arg: string } {
  const at = customId.lastIndexOf(':');
  return at < 0
    ? { prefix: customId, arg: '' }
    : { prefix: customId.slice(0, at), arg: customId.slice(at + 1) };
}

async function showTopic(
  interaction: MessageComponentInteraction,
  ctx: BotContext,
  topicId: string,
  full: boolean,
) {
  const answer = ctx.engine.showTopic(topicId);
  if (!answer) {
    await sendInteractionReply(interaction, renderEngineNotice(ctx, texts().discord.unknownTopic), {
      ephemeral: true,
    });
    return { kind: 'unknown-topic' };
  }
  await sendInteractionReply(interaction, full ? renderTopicDetails(answer) : renderAnswer(answer), {
    ephemeral: true,
  });
  return describeAnswer(answer);
}

async function deleteAnswer(interaction: MessageComponentInteraction, ctx: BotContext, askerId: string) {
  const isAsker = interaction.user.id === askerId;
  const isModerator = interaction.memberPermissions?.has(PermissionFlagsBits.ManageMessages) ?? false;
  if (!isAsker && !isModerator) {
    await sendInteractionReply(interaction, renderEngineNotice(ctx, texts().discord.deleteRefused), {
      ephemeral: true,
    });
    return { kind: 'delete-refused' };
  }
  // After deferUpdate, @original is the message holding the button: deleting it needs no channel permission.
  await interaction.deferUpdate();
  try {
    await interaction.deleteReply();
  } catch (error) {
    // Some message kinds refuse deletion through the interaction webhook; the channel route still works.
    ctx.logger.debug({ err: error }, 'deleteReply failed, deleting through the channel');
    await interaction.message.delete();
  }
  return { kind: isAsker ? 'deleted-by-asker' : 'deleted-by-moderator' };
}

/** Buttons and select menus on the bot's messages; ids are built in renderEmbeds.ts. */
export async function handleComponent(
  interaction: MessageComponentInteraction,
  ctx: BotContext,
): Promise<CommandOutcome | undefined> {
  const { customId } = interaction;
  if (interaction.isStringSelectMenu()) {
    const value = interaction.values[0] ?? '';
    if (customId === CUSTOM_ID.browseCategory) {
      await sendInteractionReply(
        interaction,
        renderTopicBrowser(ctx.engine.listTopics(), safetyOf(ctx), value),
        {
          ephemeral: true,
        },
      );
      return { kind: 'browse-category' };
    }
    if (customId === CUSTOM_ID.browseTopic) return showTopic(interaction, ctx, value, false);
  }
  if (interaction.isButton()) {
    if (isVoteButton(customId)) return handleVote(interaction, ctx);
    if (isForgetButton(customId)) return handleForgetButton(interaction, ctx);
    const { prefix, arg } = parseCustomId(customId);
    if (prefix === CUSTOM_ID.topic) return showTopic(interaction, ctx, arg, false);
    if (prefix === CUSTOM_ID.more) return showTopic(interaction, ctx, arg, true);
    if (prefix === CUSTOM_ID.delete) return deleteAnswer(interaction, ctx, arg);
  }
  await sendInteractionReply(interaction, renderEngineNotice(ctx, texts().discord.staleButton), {
    ephemeral: true,
  });
  return { kind: 'unknown-component' };
}
