import {
  ChannelType,
  type ChatInputCommandInteraction,
  InteractionContextType,
  MessageFlags,
  PermissionFlagsBits,
  SlashCommandBuilder,
} from 'discord.js';
import {
  ANSWER_MODES,
  type AnswerMode,
  type AskVisibility,
  type GuildSettings,
  MAX_COOLDOWN_SECONDS,
} from '../../store/settingsStore.ts';
import type { Command } from '../command.ts';
import { type BotContext, renderEngineNotice, safetyOf } from '../context.ts';
import { renderSettings } from '../render.ts';
import { sendInteractionReply } from '../respond.ts';

const data = new SlashCommandBuilder()
  .setName('settings')
  .setDescription('K2 Bot settings for this server')
  .setDefaultMemberPermissions(PermissionFlagsBits.ManageGuild)
  .setContexts(InteractionContextType.Guild)
  .addSubcommand((s) => s.setName('show').setDescription('Show the current settings'))
  .addSubcommand((s) =>
    s
      .setName('mode')
      .setDescription('When the bot answers chat messages')
      .addStringOption((o) =>
        o
          .setName('value')
          .setDescription('mention-only, auto-channels or off')
          .setRequired(true)
          .addChoices(...ANSWER_MODES.map((mode) => ({ name: mode, value: mode }))),
      ),
  )
  .addSubcommandGroup((g) =>
    g
      .setName('channel')
      .setDescription('Channels where K2 questions are answered without a mention')
      .addSubcommand((s) =>
        s
          .setName('add')
          .setDescription('Answer K2 questions in this channel')
          .addChannelOption((o) =>
            o
              .setName('channel')
              .setDescription('Text channel')
              .setRequired(true)
              .addChannelTypes(ChannelType.GuildText, ChannelType.GuildAnnouncement),
          ),
      )
      .addSubcommand((s) =>
        s
          .setName('remove')
          .setDescription('Stop auto-answering in this channel')
          .addChannelOption((o) => o.setName('channel').setDescription('Text channel').setRequired(true)),
      ),
  )
  .addSubcommand((s) =>
    s
      .setName('visibility')
      .setDescription('Whether /ask answers are public or private by default')
      .addStringOption((o) =>
        o
          .setName('value')
          .setDescription('public or private')
          .setRequired(true)
          .addChoices({ name: 'public', value: 'public' }, { name: 'private', value: 'private' }),
      ),
  )
  .addSubcommand((s) =>
    s
      .setName('cooldown')
      .setDescription('Seconds a member waits between questions (0 turns it off)')
      .addIntegerOption((o) =>
        o
          .setName('seconds')
          .setDescription(`0 to ${MAX_COOLDOWN_SECONDS}`)
          .setRequired(true)
          .setMinValue(0)
          .setMaxValue(MAX_COOLDOWN_SECONDS),
      ),
  )
  .addSubcommand((s) => s.setName('reset').setDescription('Back to the default settings'));

const NO_MESSAGE_CONTENT =
  'K2 Bot cannot read message text: the Message Content intent is off (DISCORD_MESSAGE_CONTENT=false, or not ' +
  'granted in the Discord Developer Portal). In auto-answer channels it can only answer messages that mention it ' +
  'or reply with a ping. Enable the intent for the bot and set DISCORD_MESSAGE_CONTENT=true to auto-answer.';

function warningsFor(settings: GuildSettings, ctx: BotContext): string[] {
  const warnings: string[] = [];
  if (settings.mode === 'auto-channels') {
    if (!ctx.messageContent) warnings.push(NO_MESSAGE_CONTENT);
    if (settings.autoChannelIds.length === 0) {
      warnings.push('No auto-answer channel yet: add one with `/settings channel add`.');
    }
  } else if (settings.autoChannelIds.length > 0) {
    warnings.push(`Auto-answer channels are only used in auto-channels mode (the mode is ${settings.mode}).`);
  }
  return warnings;
}

async function applySetting(
  interaction: ChatInputCommandInteraction,
  guildId: string,
  ctx: BotContext,
): Promise<{ settings: GuildSettings; headline: string }> {
  const group = interaction.options.getSubcommandGroup(false);
  const sub = interaction.options.getSubcommand(true);
  const { store } = ctx;
  if (group === 'channel') {
    const channel = interaction.options.getChannel('channel', true);
    if (sub === 'add') {
      return {
        settings: await store.addAutoChannel(guildId, channel.id),
        headline: `Added <#${channel.id}>.`,
      };
    }
    return {
      settings: await store.removeAutoChannel(guildId, channel.id),
      headline: `Removed <#${channel.id}>.`,
    };
  }
  switch (sub) {
    case 'mode': {
      const mode = interaction.options.getString('value', true) as AnswerMode;
      return {
        settings: await store.updateGuildSettings(guildId, { mode }),
        headline: `Mode is now ${mode}.`,
      };
    }
    case 'visibility': {
      const askVisibility = interaction.options.getString('value', true) as AskVisibility;
      return {
        settings: await store.updateGuildSettings(guildId, { askVisibility }),
        headline: `/ask answers are now ${askVisibility} by default.`,
      };
    }
    case 'cooldown': {
      const seconds = Math.min(
        MAX_COOLDOWN_SECONDS,
        Math.max(0, interaction.options.getInteger('seconds', true)),
      );
      return {
        settings: await store.updateGuildSettings(guildId, { cooldownSeconds: seconds }),
        headline: seconds > 0 ? `Cooldown is now ${seconds} s per member.` : 'Cooldown is off.',
      };
    }
    case 'reset':
      return {
        settings: await store.resetGuildSettings(guildId),
        headline: 'Settings are back to the defaults.',
      };
    default:
      return {
        settings: await store.getGuildSettings(guildId),
        headline: 'Current settings for this server.',
      };
  }
}

export default {
  data,
  async execute(interaction, ctx) {
    if (!interaction.isChatInputCommand()) return undefined;
    // Default permissions can be overridden by server admins, so the handler checks again.
    if (!interaction.inGuild() || !interaction.memberPermissions?.has(PermissionFlagsBits.ManageGuild)) {
      await sendInteractionReply(
        interaction,
        renderEngineNotice(ctx, 'Only members with the Manage Server permission can change K2 Bot settings.'),
        { ephemeral: true },
      );
      return { kind: 'refused' };
    }
    // The write is fsynced (and may be remote one day): defer, then confirm only once it is durable.
    await interaction.deferReply({ flags: MessageFlags.Ephemeral });
    const { settings, headline } = await applySetting(interaction, interaction.guildId, ctx);
    await sendInteractionReply(
      interaction,
      renderSettings(settings, safetyOf(ctx), { headline, warnings: warningsFor(settings, ctx) }),
      { ephemeral: true },
    );
    return {
      kind: `settings:${interaction.options.getSubcommandGroup(false) ?? ''}${interaction.options.getSubcommand(true)}`,
    };
  },
} satisfies Command;
