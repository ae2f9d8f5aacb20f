import {
  type ButtonInteraction,
  ButtonStyle,
  ChannelType,
  type ChatInputCommandInteraction,
  ComponentType,
  MessageFlags,
  PermissionFlagsBits,
  type SlashCommandBuilder,
  type SlashCommandSubcommandsOnlyBuilder,
} from 'discord.js';
import { texts } from '../kb/language.ts';
import { fillText } from '../kb/languageSchema.ts';
import {
  type GuildSettings,
  MAX_NOTE_CHARS,
  noteProblem,
  SettingsValueError,
} from '../store/settingsStore.ts';
import type { CommandOutcome } from './command.ts';
import { type BotContext, renderEngineNotice } from './context.ts';
import { sendInteractionReply } from './sendReply.ts';

const SETTINGS_TEXTS = texts().settings;
const FORGET_TEXTS = texts().forget;

/** Learning, alerts, the note and forget: the /settings subcommands about what the server stores and who is alerted. */
export function addCommunitySubcommands<T extends SlashCommandBuilder | SlashCommandSubcommandsOnlyBuilder>(
  builder: T,
): T {
  builder
    .addSubcommand((s) =>
      s
        .setName('learning')
        .setDescription('Record questions K2 Bot could not answer well (cleaned, no user ids) for review')
        .addStringOption((o) =>
          o
            .setName('value')
            .setDescription('on or off')
            .setRequired(true)
            .addChoices({ name: 'on', value: 'on' }, { name: 'off', value: 'off' }),
        ),
    )
    .addSubcommandGroup((g) =>
      g
        .setName('alerts')
        .setDescription('Tell moderators when a message sounds like an emergency')
        .addSubcommand((s) =>
          s
            .setName('channel')
            .setDescription('Post emergency alerts in this channel')
            .addChannelOption((o) =>
              o
                .setName('channel')
                .setDescription('Text channel for the alerts')
                .setRequired(true)
                .addChannelTypes(ChannelType.GuildText, ChannelType.GuildAnnouncement),
            )
            .addRoleOption((o) =>
              o.setName('role').setDescription('Role to ping with each alert (the only ping)'),
            ),
        )
        .addSubcommand((s) => s.setName('off').setDescription('Stop emergency alerts')),
    )
    .addSubcommand((s) =>
      s
        .setName('note')
        .setDescription('A short note shown under every answer here (leave empty to remove it)')
        .addStringOption((o) =>
          o
            .setName('text')
            .setDescription(`At most ${MAX_NOTE_CHARS} characters, no links, e.g. "See #health-resources"`)
            .setMaxLength(MAX_NOTE_CHARS),
        ),
    )
    .addSubcommand((s) =>
      s.setName('forget').setDescription('Delete everything K2 Bot stores for this server (asks to confirm)'),
    );
  return builder;
}

/** What the bot needs in the alert channel to post an alert with an embed. */
const ALERT_CHANNEL_PERMISSIONS = [
  [PermissionFlagsBits.ViewChannel, 'View Channel'],
  [PermissionFlagsBits.SendMessages, 'Send Messages'],
  [PermissionFlagsBits.EmbedLinks, 'Embed Links'],
] as const;

async function checkAlertChannel(interaction: ChatInputCommandInteraction, channelId: string): Promise<void> {
  const guild = interaction.guild;
  if (!guild) return;
  const channel =
    guild.channels.cache.get(channelId) ?? (await guild.channels.fetch(channelId).catch(() => null));
  const me = guild.members.me ?? (await guild.members.fetchMe().catch(() => null));
  if (!channel || !me) throw new SettingsValueError(fillText(SETTINGS_TEXTS.cannotSeeChannel, { channelId }));
  if (channel.type !== ChannelType.GuildText && channel.type !== ChannelType.GuildAnnouncement) {
    throw new SettingsValueError(fillText(SETTINGS_TEXTS.notTextChannel, { channelId }));
  }
  const granted = channel.permissionsFor(me);
  const missing = ALERT_CHANNEL_PERMISSIONS.filter(([bit]) => !granted.has(bit)).map(([, name]) => name);
  if (missing.length > 0) {
    throw new SettingsValueError(
      fillText(SETTINGS_TEXTS.cannotPostAlertsIn, { channelId, missing: missing.join(', ') }),
    );
  }
}

export interface AppliedSetting {
  settings: GuildSettings;
  headline: (settings: GuildSettings) => string;
}

/** Applies learning, alerts, note or forget; undefined for the other subcommands, which settings.ts handles. */
export async function applyCommunitySetting(
  interaction: ChatInputCommandInteraction,
  guildId: string,
  ctx: BotContext,
): Promise<AppliedSetting | undefined> {
  const group = interaction.options.getSubcommandGroup(false);
  const sub = interaction.options.getSubcommand(true);
  const { store } = ctx;
  if (group === 'alerts') {
    if (sub === 'off') {
      return {
        settings: await store.updateGuildSettings(guildId, { alertChannelId: null, alertRoleId: null }),
        headline: () => SETTINGS_TEXTS.alertsOff,
      };
    }
    const channel = interaction.options.getChannel('channel', true);
    const role = interaction.options.getRole('role');
    await checkAlertChannel(interaction, channel.id);
    if (role && role.id === guildId) {
      throw new SettingsValueError(SETTINGS_TEXTS.alertsNeverEveryone);
    }
    return {
      settings: await store.updateGuildSettings(guildId, {
        alertChannelId: channel.id,
        alertRoleId: role?.id ?? null,
      }),
      headline: (stored) =>
        stored.alertRoleId
          ? fillText(SETTINGS_TEXTS.alertsToRole, {
              channelId: stored.alertChannelId ?? '',
              roleId: stored.alertRoleId,
            })
          : fillText(SETTINGS_TEXTS.alertsTo, { channelId: stored.alertChannelId ?? '' }),
    };
  }
  if (group) return undefined;
  if (sub === 'learning') {
    const value = interaction.options.getString('value', true);
    if (value !== 'on' && value !== 'off') {
      throw new SettingsValueError(fillText(SETTINGS_TEXTS.learningInvalid, { value }));
    }
    return {
      settings: await store.updateGuildSettings(guildId, { learning: value === 'on' }),
      headline: (stored) =>
        stored.learning
          ? fillText(SETTINGS_TEXTS.learningOn, { days: ctx.community.retentionDays })
          : SETTINGS_TEXTS.learningOff,
    };
  }
  if (sub === 'note') {
    const text = interaction.options.getString('text')?.replace(/\s+/g, ' ').trim() ?? '';
    const problem = text ? noteProblem(text) : null;
    if (problem) throw new SettingsValueError(fillText(SETTINGS_TEXTS.noteRefused, { problem }));
    return {
      settings: await store.updateGuildSettings(guildId, { note: text || null }),
      headline: (stored) => (stored.note ? SETTINGS_TEXTS.noteShown : SETTINGS_TEXTS.noteRemoved),
    };
  }
  return undefined;
}

export const FORGET_CONFIRM = 'forget:confirm';
export const FORGET_CANCEL = 'forget:cancel';

export function isForgetButton(customId: string): boolean {
  return customId === FORGET_CONFIRM || customId === FORGET_CANCEL;
}

/** /settings forget: nothing is deleted until the admin confirms with the button. */
export async function askToForget(
  interaction: ChatInputCommandInteraction,
  ctx: BotContext,
): Promise<CommandOutcome> {
  const notice = renderEngineNotice(ctx, FORGET_TEXTS.prompt, FORGET_TEXTS.promptTitle);
  await interaction.reply({
    embeds: notice.embeds,
    components: [
      {
        type: ComponentType.ActionRow,
        components: [
          {
            type: ComponentType.Button,
            custom_id: FORGET_CONFIRM,
            label: FORGET_TEXTS.confirmButton,
            style: ButtonStyle.Danger,
          },
          {
            type: ComponentType.Button,
            custom_id: FORGET_CANCEL,
            label: FORGET_TEXTS.cancelButton,
            style: ButtonStyle.Secondary,
          },
        ],
      },
    ],
    allowedMentions: notice.allowedMentions,
    flags: MessageFlags.Ephemeral,
  });
  return { kind: 'settings:forget-asked' };
}

export async function handleForgetButton(
  interaction: ButtonInteraction,
  ctx: BotContext,
): Promise<CommandOutcome> {
  // The confirmation is private to the admin who asked, but permissions may have changed since.
  if (!interaction.inGuild() || !interaction.memberPermissions?.has(PermissionFlagsBits.ManageGuild)) {
    await sendInteractionReply(interaction, renderEngineNotice(ctx, FORGET_TEXTS.notPermitted), {
      ephemeral: true,
    });
    return { kind: 'settings:forget-refused' };
  }
  const done = (text: string, title: string) => {
    const reply = renderEngineNotice(ctx, text, title);
    return interaction.update({
      embeds: reply.embeds,
      components: [],
      allowedMentions: reply.allowedMentions,
    });
  };
  if (interaction.customId === FORGET_CANCEL) {
    await done(FORGET_TEXTS.cancelled, FORGET_TEXTS.cancelledTitle);
    return { kind: 'settings:forget-cancelled' };
  }
  try {
    const before = await ctx.store.countGuildRecords(interaction.guildId);
    await ctx.store.forgetGuild(interaction.guildId);
    await done(
      fillText(FORGET_TEXTS.done, { votes: before.votes, questions: before.questions }),
      FORGET_TEXTS.doneTitle,
    );
    ctx.logger.info(
      { event: 'guild-forgotten', guildId: interaction.guildId },
      'server data deleted on request',
    );
    return { kind: 'settings:forget' };
  } catch (error) {
    ctx.logger.error({ event: 'forget-failed', guildId: interaction.guildId, err: error }, 'forget failed');
    await done(FORGET_TEXTS.failed, FORGET_TEXTS.failedTitle);
    return { kind: 'settings:forget-failed' };
  }
}
