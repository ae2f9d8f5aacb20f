import { SlashCommandBuilder } from 'discord.js';
import { texts } from '../../kb/language.ts';
import { type Command, EVERYWHERE } from '../command.ts';
import { safetyOf } from '../context.ts';
import { renderAbout } from '../renderEmbeds.ts';
import { sendInteractionReply } from '../sendReply.ts';

const data = new SlashCommandBuilder()
  .setName('about')
  .setDescription('What K2 Bot is, its source, knowledge version and what it stores')
  .setContexts(...EVERYWHERE);

export default {
  data,
  help: texts().commandHelp.about,
  async execute(interaction, ctx) {
    const { meta, topics } = ctx.engine.knowledge;
    await sendInteractionReply(
      interaction,
      renderAbout({ meta, topicCount: topics.length, retention: ctx.community }, safetyOf(ctx)),
      {
        ephemeral: true,
      },
    );
    return undefined;
  },
} satisfies Command;
