import { ApplicationCommandType, ContextMenuCommandBuilder } from 'discord.js';
import { texts } from '../../kb/language.ts';
import { alertModerators } from '../alerts.ts';
import { askEngine, describeAnswer } from '../askEngine.ts';
import { type Command, EVERYWHERE } from '../command.ts';
import { renderEngineNotice } from '../context.ts';
import { sendInteractionReply } from '../sendReply.ts';

const data = new ContextMenuCommandBuilder()
  .setName('Ask K2 Bot')
  .setType(ApplicationCommandType.Message)
  .setContexts(...EVERYWHERE);

export default {
  data,
  help: texts().commandHelp.askMessage,
  async execute(interaction, ctx) {
    if (!interaction.isMessageContextMenuCommand()) return undefined;
    const text = interaction.targetMessage.content.trim();
    if (!text) {
      await sendInteractionReply(interaction, renderEngineNotice(ctx, texts().discord.messageWithoutText), {
        ephemeral: true,
      });
      return { kind: 'empty' };
    }
    const settings = interaction.guildId ? await ctx.store.getGuildSettings(interaction.guildId) : null;
    const ephemeral = settings?.askVisibility === 'private';
    const result = await askEngine(ctx, {
      question: text,
      userId: interaction.user.id,
      guildId: interaction.guildId,
      via: 'context-menu',
      render: { question: text, ...(ephemeral ? {} : { deletableBy: interaction.user.id }) },
    });
    await sendInteractionReply(interaction, result.reply, {
      ephemeral: ephemeral || result.kind !== 'answer',
    });
    if (result.kind === 'answer' && result.answer.urgent && interaction.inGuild()) {
      // The member who may be in trouble wrote the message, not the one who asked about it.
      const target = interaction.targetMessage;
      await alertModerators(ctx, interaction.client, {
        guildId: interaction.guildId,
        channelId: target.channelId,
        userId: target.author.id,
        jumpUrl: target.url,
        answer: result.answer,
      });
    }
    if (result.kind === 'answer') return describeAnswer(result.answer);
    return { kind: result.reason };
  },
} satisfies Command;
