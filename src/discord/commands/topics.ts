import { SlashCommandBuilder } from 'discord.js';
import { texts } from '../../kb/language.ts';
import { type Command, EVERYWHERE } from '../command.ts';
import { safetyOf } from '../context.ts';
import { renderTopicBrowser } from '../renderEmbeds.ts';
import { sendInteractionReply } from '../sendReply.ts';

const data = new SlashCommandBuilder()
  .setName('topics')
  .setDescription('Browse every vitamin K2 topic by category')
  .setContexts(...EVERYWHERE);

export default {
  data,
  help: texts().commandHelp.topics,
  async execute(interaction, ctx) {
    await sendInteractionReply(interaction, renderTopicBrowser(ctx.engine.listTopics(), safetyOf(ctx)), {
      ephemeral: true,
    });
    return undefined;
  },
} satisfies Command;
