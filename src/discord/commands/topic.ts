import { type CommandInteraction, SlashCommandBuilder } from 'discord.js';
import { texts } from '../../kb/language.ts';
import { askEngine, describeAnswer } from '../askEngine.ts';
import { type Command, EVERYWHERE } from '../command.ts';
import { LIMITS, renderAnswer, shorten } from '../renderEmbeds.ts';
import { sendInteractionReply } from '../sendReply.ts';

const data = new SlashCommandBuilder()
  .setName('topic')
  .setDescription('Show one vitamin K2 topic')
  .setContexts(...EVERYWHERE)
  .addStringOption((o) =>
    o.setName('name').setDescription('Start typing a topic').setRequired(true).setAutocomplete(true),
  )
  .addBooleanOption((o) => o.setName('private').setDescription('Only you see the topic'));

export default {
  data,
  help: texts().commandHelp.topic,
  async autocomplete(interaction, ctx) {
    const topics = ctx.engine.suggestTopics(interaction.options.getFocused(), LIMITS.choices);
    await interaction.respond(
      topics
        .slice(0, LIMITS.choices)
        .filter((t) => t.id.length <= LIMITS.choiceName)
        .map((t) => ({ name: shorten(t.title, LIMITS.choiceName), value: t.id })),
    );
  },
  async execute(interaction: CommandInteraction, ctx) {
    if (!interaction.isChatInputCommand()) return undefined;
    const name = interaction.options.getString('name', true);
    const settings = interaction.guildId ? await ctx.store.getGuildSettings(interaction.guildId) : null;
    const ephemeral = interaction.options.getBoolean('private') ?? settings?.askVisibility === 'private';
    const render = ephemeral ? {} : { deletableBy: interaction.user.id };
    const shown = ctx.engine.showTopic(name);
    if (shown) {
      await sendInteractionReply(interaction, renderAnswer(shown, render), { ephemeral });
      return describeAnswer(shown);
    }
    // Typed text that is no topic id: treat it as a question rather than fail.
    const result = await askEngine(ctx, {
      question: name,
      userId: interaction.user.id,
      guildId: interaction.guildId,
      via: 'topic',
      render: { question: name, ...render },
    });
    await sendInteractionReply(interaction, result.reply, {
      ephemeral: ephemeral || result.kind !== 'answer',
    });
    return result.kind === 'answer' ? describeAnswer(result.answer) : { kind: result.reason };
  },
} satisfies Command;
