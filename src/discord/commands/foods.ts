import { SlashCommandBuilder } from 'discord.js';
import { texts } from '../../kb/language.ts';
import { type Command, EVERYWHERE } from '../command.ts';
import { safetyOf } from '../context.ts';
import { renderFoods } from '../renderEmbeds.ts';
import { sendInteractionReply } from '../sendReply.ts';

const data = new SlashCommandBuilder()
  .setName('foods')
  .setDescription('Foods with vitamin K2, highest amount first')
  .setContexts(...EVERYWHERE);

export default {
  data,
  help: texts().commandHelp.foods,
  async execute(interaction, ctx) {
    const settings = interaction.guildId ? await ctx.store.getGuildSettings(interaction.guildId) : null;
    await sendInteractionReply(interaction, renderFoods(ctx.engine.listFoods(), safetyOf(ctx)), {
      ephemeral: settings?.askVisibility === 'private',
    });
    return undefined;
  },
} satisfies Command;
