import { type CommandInteraction, MessageFlags, SlashCommandBuilder } from 'discord.js';
import type { TopicRef } from '../../engine/index.ts';
import { texts } from '../../kb/language.ts';
import { alertModerators, alertSource } from '../alerts.ts';
import { askEngine, describeAnswer } from '../askEngine.ts';
import { type Command, EVERYWHERE } from '../command.ts';
import { deferIfSlow } from '../deferIfSlow.ts';
import { LIMITS, shorten } from '../renderEmbeds.ts';
import { sendInteractionReply, toMessageOptions } from '../sendReply.ts';

const data = new SlashCommandBuilder()
  .setName('ask')
  .setDescription('Ask a question about vitamin K2')
  .setContexts(...EVERYWHERE)
  .addStringOption((o) =>
    o
      .setName('question')
      .setDescription('Your question, or pick a topic')
      .setRequired(true)
      .setMaxLength(500)
      .setAutocomplete(true),
  )
  .addBooleanOption((o) => o.setName('private').setDescription('Only you see the answer'))
  .addUserOption((o) =>
    o.setName('for').setDescription('Address the answer to this member (they are pinged)'),
  );

/** Autocomplete choices: what the member typed first (free questions are allowed), then topics. */
export function buildQuestionChoices(typed: string, topics: TopicRef[]): { name: string; value: string }[] {
  const text = typed.trim();
  const choices: { name: string; value: string }[] = [];
  if (text) choices.push({ name: shorten(text, LIMITS.choiceName), value: shorten(text, LIMITS.choiceName) });
  for (const topic of topics) {
    if (choices.length >= LIMITS.choices) break;
    const name = shorten(topic.title, LIMITS.choiceName);
    if (choices.some((c) => c.value === name)) continue;
    choices.push({ name, value: name });
  }
  return choices;
}

export default {
  data,
  help: texts().commandHelp.ask,
  async autocomplete(interaction, ctx) {
    const typed = interaction.options.getFocused();
    const topics = ctx.engine.suggestTopics(typed, LIMITS.choices);
    await interaction.respond(buildQuestionChoices(typed, topics));
  },
  async execute(interaction: CommandInteraction, ctx) {
    if (!interaction.isChatInputCommand()) return undefined;
    const question = interaction.options.getString('question', true);
    const forUser = interaction.options.getUser('for');
    const privateChoice = interaction.options.getBoolean('private');
    const settings = interaction.guildId ? await ctx.store.getGuildSettings(interaction.guildId) : null;
    const ephemeral = privateChoice ?? settings?.askVisibility === 'private';
    // A ping in a message only the asker sees would reach nobody; private wins.
    const addressee = forUser && !ephemeral && !forUser.bot ? forUser.id : undefined;
    // One ping per member per server every 10 minutes; after that the mention is shown but inert.
    const ping = addressee ? ctx.limits.pings.tryPing(interaction.guildId, addressee) : false;

    const answering = askEngine(ctx, {
      question,
      userId: interaction.user.id,
      guildId: interaction.guildId,
      via: 'slash',
      render: {
        question,
        ...(ephemeral ? {} : { deletableBy: interaction.user.id }),
        ...(addressee
          ? { forUserId: addressee, askedByName: interaction.user.displayName, pingForUser: ping }
          : {}),
      },
    });
    const result = await deferIfSlow(interaction, ephemeral, answering);
    if (result.kind !== 'answer') {
      // Only the asker needs to know they were not answered. A public placeholder (a slow answer was
      // deferred) cannot turn private: it is removed and the notice follows privately.
      if (interaction.deferred && !ephemeral) {
        await interaction.deleteReply().catch(() => undefined);
        await interaction.followUp({ ...toMessageOptions(result.reply), flags: MessageFlags.Ephemeral });
      } else {
        await sendInteractionReply(interaction, result.reply, { ephemeral: true });
      }
      return { kind: result.reason };
    }
    await sendInteractionReply(interaction, result.reply, { ephemeral });
    if (result.answer.urgent && interaction.inGuild()) {
      await alertModerators(
        ctx,
        interaction.client,
        await alertSource(interaction, ephemeral, result.answer),
      );
    }
    return describeAnswer(result.answer);
  },
} satisfies Command;
