import { SlashCommandBuilder } from 'discord.js';
import { texts } from '../../kb/language.ts';
import { type Command, EVERYWHERE } from '../command.ts';
import { safetyOf } from '../context.ts';
import { LIMITS, renderDoses, shorten } from '../renderEmbeds.ts';
import { sendInteractionReply } from '../sendReply.ts';

const data = new SlashCommandBuilder()
  .setName('dosage')
  .setDescription('Dose figures the article gives, with the blood-thinner warning')
  .setContexts(...EVERYWHERE)
  .addStringOption((o) =>
    o
      .setName('group')
      .setDescription('Who the figure is about, e.g. adults')
      .setAutocomplete(true)
      .setMaxLength(100),
  );

export default {
  data,
  help: texts().commandHelp.dosage,
  async autocomplete(interaction, ctx) {
    const typed = interaction.options.getFocused().toLowerCase();
    const groups = [...new Set(ctx.engine.listDoses().map((d) => d.group))];
    await interaction.respond(
      groups
        .filter((g) => g.toLowerCase().includes(typed))
        .slice(0, LIMITS.choices)
        .map((g) => ({ name: shorten(g, LIMITS.choiceName), value: shorten(g, LIMITS.choiceName) })),
    );
  },
  async execute(interaction, ctx) {
    if (!interaction.isChatInputCommand()) return undefined;
    const group = interaction.options.getString('group') ?? undefined;
    const settings = interaction.guildId ? await ctx.store.getGuildSettings(interaction.guildId) : null;
    const safety = { ...safetyOf(ctx), warningFirst: true };
    await sendInteractionReply(interaction, renderDoses(ctx.engine.listDoses(), safety, group), {
      ephemeral: settings?.askVisibility === 'private',
    });
    return undefined;
  },
} satisfies Command;
