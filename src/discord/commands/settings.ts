import {
  ChannelType,
  type ChatInputCommandInteraction,
  InteractionContextType,
  MessageFlags,
  PermissionFlagsBits,
  SlashCommandBuilder,
} from 'discord.js';
import { texts } from '../../kb/language.ts';
import { fillText } from '../../kb/languageSchema.ts';
import {
  ANSWER_MODES,
  ASK_VISIBILITIES,
  type GuildSettings,
  isAnswerMode,
  isAskVisibility,
  MAX_COOLDOWN_SECONDS,
  SettingsValueError,
  StoreError,
} from '../../store/settingsStore.ts';
import { missingAnswerPermissions } from '../channelPermissions.ts';
import type { Command } from '../command.ts';
import { addCommunitySubcommands, applyCommunitySetting, askToForget } from '../communitySettings.ts';
import { type BotContext, renderEngineNotice, safetyOf } from '../context.ts';
import { renderSettings } from '../renderEmbeds.ts';
import { sendInteractionReply } from '../sendReply.ts';

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
addCommunitySubcommands(data);

const SETTINGS_TEXTS = texts().settings;

function warningsFor(settings: GuildSettings, ctx: BotContext): string[] {
  const warnings: string[] = [];
  if (settings.mode === 'auto-channels') {
    if (!ctx.messageContent) warnings.push(SETTINGS_TEXTS.noMessageContent);
    if (settings.autoChannelIds.length === 0) {
      warnings.push(SETTINGS_TEXTS.noAutoChannel);
    }
  } else if (settings.autoChannelIds.length > 0) {
    warnings.push(fillText(SETTINGS_TEXTS.autoChannelsUnused, { mode: settings.mode }));
  }
  return warnings;
}

const ANSWERABLE_CHANNEL_TYPES: readonly ChannelType[] = [
  ChannelType.GuildText,
  ChannelType.GuildAnnouncement,
];

/** A request the handler refuses before touching the store; the text says what to do instead. */
class RefusedSetting extends Error {}

/** The permissions the bot lacks in a channel; undefined when it cannot see the channel at all. */
async function missingChannelPermissions(
  interaction: ChatInputCommandInteraction,
  channelId: string,
): Promise<string[] | undefined> {
  const guild = interaction.guild;
  if (!guild) return undefined;
  const channel =
    guild.channels.cache.get(channelId) ?? (await guild.channels.fetch(channelId).catch(() => null));
  const me = guild.members.me ?? (await guild.members.fetchMe().catch(() => null));
  if (!channel || !me) return undefined;
  return missingAnswerPermissions(channel, me);
}

function requestedCooldown(interaction: ChatInputCommandInteraction): number {
  // Read the raw value: Discord's client enforces integer and range, but a request need not come from it.
  const raw = interaction.options.get('seconds', true).value;
  const seconds = typeof raw === 'number' ? raw : Number(raw);
  if (!Number.isFinite(seconds) || seconds < 0 || seconds > MAX_COOLDOWN_SECONDS) {
    throw new RefusedSetting(
      fillText(SETTINGS_TEXTS.cooldownOutOfRange, { max: MAX_COOLDOWN_SECONDS, value: String(raw) }),
    );
  }
  return Math.round(seconds);
}

async function applySetting(
  interaction: ChatInputCommandInteraction,
  guildId: string,
  ctx: BotContext,
): Promise<{ settings: GuildSettings; headline: (settings: GuildSettings) => string }> {
  const group = interaction.options.getSubcommandGroup(false);
  const sub = interaction.options.getSubcommand(true);
  const { store } = ctx;
  const community = await applyCommunitySetting(interaction, guildId, ctx);
  if (community) return community;
  if (group === 'channel') {
    const channel = interaction.options.getChannel('channel', true);
    if (sub === 'add') {
      if (!ANSWERABLE_CHANNEL_TYPES.includes(channel.type)) {
        throw new RefusedSetting(fillText(SETTINGS_TEXTS.notTextChannel, { channelId: channel.id }));
      }
      const missing = await missingChannelPermissions(interaction, channel.id);
      if (missing === undefined) {
        throw new RefusedSetting(fillText(SETTINGS_TEXTS.cannotSeeChannel, { channelId: channel.id }));
      }
      if (missing.length > 0) {
        throw new RefusedSetting(
          fillText(SETTINGS_TEXTS.cannotAnswerIn, { channelId: channel.id, missing: missing.join(', ') }),
        );
      }
      return {
        settings: await store.addAutoChannel(guildId, channel.id),
        headline: () => fillText(SETTINGS_TEXTS.channelAdded, { channelId: channel.id }),
      };
    }
    return {
      settings: await store.removeAutoChannel(guildId, channel.id),
      headline: () => fillText(SETTINGS_TEXTS.channelRemoved, { channelId: channel.id }),
    };
  }
  switch (sub) {
    case 'mode': {
      const mode = interaction.options.getString('value', true);
      if (!isAnswerMode(mode)) {
        throw new RefusedSetting(
          fillText(SETTINGS_TEXTS.unknownMode, { mode, choices: ANSWER_MODES.join(', ') }),
        );
      }
      return {
        settings: await store.updateGuildSettings(guildId, { mode }),
        headline: (stored) => fillText(SETTINGS_TEXTS.modeChanged, { mode: stored.mode }),
      };
    }
    case 'visibility': {
      const askVisibility = interaction.options.getString('value', true);
      if (!isAskVisibility(askVisibility)) {
        throw new RefusedSetting(
          fillText(SETTINGS_TEXTS.unknownVisibility, {
            visibility: askVisibility,
            choices: ASK_VISIBILITIES.join(' or '),
          }),
        );
      }
      return {
        settings: await store.updateGuildSettings(guildId, { askVisibility }),
        headline: (stored) =>
          fillText(SETTINGS_TEXTS.visibilityChanged, { visibility: stored.askVisibility }),
      };
    }
    case 'cooldown': {
      const seconds = requestedCooldown(interaction);
      return {
        settings: await store.updateGuildSettings(guildId, { cooldownSeconds: seconds }),
        headline: (stored) =>
          stored.cooldownSeconds > 0
            ? fillText(SETTINGS_TEXTS.cooldownChanged, { seconds: stored.cooldownSeconds })
            : SETTINGS_TEXTS.cooldownOff,
      };
    }
    case 'reset':
      return {
        settings: await store.resetGuildSettings(guildId),
        headline: () => SETTINGS_TEXTS.reset,
      };
    default:
      return {
        settings: await store.getGuildSettings(guildId),
        headline: () => SETTINGS_TEXTS.current,
      };
  }
}

/** What the admin is told when nothing was saved: the reason, never "something went wrong". */
function explainFailure(error: unknown): string | undefined {
  if (error instanceof RefusedSetting || error instanceof SettingsValueError) return error.message;
  if (error instanceof StoreError) {
    return fillText(SETTINGS_TEXTS.notSaved, { reason: error.reason });
  }
  return undefined;
}

export default {
  data,
  help: texts().commandHelp.settings,
  async execute(interaction, ctx) {
    if (!interaction.isChatInputCommand()) return undefined;
    // Default permissions can be overridden by server admins, so the handler checks again.
    if (!interaction.inGuild() || !interaction.memberPermissions?.has(PermissionFlagsBits.ManageGuild)) {
      await sendInteractionReply(interaction, renderEngineNotice(ctx, SETTINGS_TEXTS.notPermitted), {
        ephemeral: true,
      });
      return { kind: 'refused' };
    }
    if (interaction.options.getSubcommand(true) === 'forget') return askToForget(interaction, ctx);
    const kind = `settings:${interaction.options.getSubcommandGroup(false) ?? ''}${interaction.options.getSubcommand(true)}`;
    // The write is fsynced or remote: defer, then confirm only once it is durable.
    await interaction.deferReply({ flags: MessageFlags.Ephemeral });
    let applied: Awaited<ReturnType<typeof applySetting>>;
    try {
      applied = await applySetting(interaction, interaction.guildId, ctx);
    } catch (error) {
      const explanation = explainFailure(error);
      if (explanation === undefined) throw error;
      if (error instanceof StoreError) {
        ctx.logger.error(
          { event: 'settings-not-saved', guildId: interaction.guildId, err: error },
          error.message,
        );
      }
      await sendInteractionReply(
        interaction,
        renderEngineNotice(ctx, explanation, SETTINGS_TEXTS.notChangedTitle),
        {
          ephemeral: true,
        },
      );
      return { kind: `${kind}:refused` };
    }
    const { settings, headline } = applied;
    await sendInteractionReply(
      interaction,
      renderSettings(settings, safetyOf(ctx), {
        headline: headline(settings),
        warnings: warningsFor(settings, ctx),
        ...(kind === 'settings:show'
          ? {
              stored: {
                ...(await ctx.store.countGuildRecords(interaction.guildId)),
                retention: ctx.community,
              },
            }
          : {}),
      }),
      { ephemeral: true },
    );
    return { kind };
  },
} satisfies Command;
