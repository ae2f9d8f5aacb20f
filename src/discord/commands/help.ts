import { SlashCommandBuilder } from 'discord.js';
import { type Command, EVERYWHERE } from '../command.ts';
import { safetyOf } from '../context.ts';
import { renderHelp } from '../renderEmbeds.ts';
import { sendInteractionReply } from '../sendReply.ts';

const data = new SlashCommandBuilder()
  .setName('help')
  .setDescription('How to use K2 Bot')
  .setContexts(...EVERYWHERE);

export default {
  data,
  async execute(interaction, ctx) {
    await sendInteractionReply(interaction, renderHelp(safetyOf(ctx)), { ephemeral: true });
    return undefined;
  },
} satisfies Command;
