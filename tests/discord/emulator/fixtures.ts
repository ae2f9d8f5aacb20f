import type { SnowflakeFactory } from './snowflake.ts';
import type { EmuUser } from './types.ts';

/** Permission bits used by the fixtures (Discord's values). */
export const Perm = {
  CreateInstantInvite: 1n << 0n,
  Administrator: 1n << 3n,
  ManageGuild: 1n << 5n,
  AddReactions: 1n << 6n,
  ViewChannel: 1n << 10n,
  SendMessages: 1n << 11n,
  ManageMessages: 1n << 13n,
  EmbedLinks: 1n << 14n,
  AttachFiles: 1n << 15n,
  ReadMessageHistory: 1n << 16n,
  MentionEveryone: 1n << 17n,
  UseExternalEmojis: 1n << 18n,
  Connect: 1n << 20n,
  Speak: 1n << 21n,
  ChangeNickname: 1n << 26n,
  UseApplicationCommands: 1n << 31n,
  SendMessagesInThreads: 1n << 38n,
} as const;

/** Every permission bit Discord currently defines; the guild owner gets all of them. */
const ALL_PERMISSIONS = (1n << 51n) - 1n;

const EVERYONE_PERMISSIONS =
  Perm.CreateInstantInvite |
  Perm.AddReactions |
  Perm.ViewChannel |
  Perm.SendMessages |
  Perm.EmbedLinks |
  Perm.AttachFiles |
  Perm.ReadMessageHistory |
  Perm.UseExternalEmojis |
  Perm.Connect |
  Perm.Speak |
  Perm.ChangeNickname |
  Perm.UseApplicationCommands |
  Perm.SendMessagesInThreads;

export interface ApiRole {
  id: string;
  name: string;
  color: number;
  colors: { primary_color: number; secondary_color: null; tertiary_color: null };
  hoist: boolean;
  icon: null;
  unicode_emoji: null;
  position: number;
  permissions: string;
  managed: boolean;
  mentionable: boolean;
  flags: number;
  tags?: { bot_id: string };
}

export interface ApiChannel {
  id: string;
  type: number;
  guild_id?: string;
  name?: string;
  position?: number;
  permission_overwrites?: unknown[];
  nsfw?: boolean;
  topic?: string | null;
  parent_id?: string | null;
  last_message_id: string | null;
  rate_limit_per_user?: number;
  recipients?: EmuUser[];
  flags: number;
}

export interface MemberRecord {
  userId: string;
  roles: string[];
  joinedAt: string;
}

/**
 * One server of the emulated Discord: three text channels, the @everyone, Moderators and bot roles,
 * and the same five members (bot, owner, alice, bob, admin) with this guild's role ids.
 */
export interface GuildFixture {
  id: string;
  name: string;
  everyoneRoleId: string;
  adminRoleId: string;
  botRoleId: string;
  roles: ApiRole[];
  channelIds: { general: string; auto: string; other: string };
  members: Map<string, MemberRecord>;
}

/**
 * The emulated "Discord": guilds (the first one is "the" guild of single-guild tests and its
 * fields are repeated at the top level), three humans, an owner and the bot.
 */
export interface World {
  bot: EmuUser;
  owner: EmuUser;
  users: { alice: EmuUser; bob: EmuUser; admin: EmuUser };
  guildId: string;
  guildName: string;
  everyoneRoleId: string;
  adminRoleId: string;
  botRoleId: string;
  roles: ApiRole[];
  /** Channels of every guild (each carries its guild_id). */
  channels: Map<string, ApiChannel>;
  channelIds: { general: string; auto: string; other: string };
  members: Map<string, MemberRecord>;
  /** Every guild, the first being the one above; keyed lookups go through `guildById`. */
  guilds: GuildFixture[];
  guildById: Map<string, GuildFixture>;
  /** DM channel per user id, created on demand. */
  dmChannels: Map<string, ApiChannel>;
}

function user(id: string, username: string, globalName: string | null, bot = false): EmuUser {
  return { id, username, discriminator: bot ? '0001' : '0', global_name: globalName, avatar: null, bot };
}

function role(
  id: string,
  name: string,
  position: number,
  permissions: bigint,
  extra: Partial<ApiRole> = {},
): ApiRole {
  return {
    id,
    name,
    color: 0,
    colors: { primary_color: 0, secondary_color: null, tertiary_color: null },
    hoist: false,
    icon: null,
    unicode_emoji: null,
    position,
    permissions: permissions.toString(),
    managed: false,
    mentionable: false,
    flags: 0,
    ...extra,
  };
}

function buildGuild(
  ids: SnowflakeFactory,
  guildId: string,
  name: string,
  bot: EmuUser,
  humans: EmuUser[],
  admin: EmuUser,
  channels: Map<string, ApiChannel>,
): GuildFixture {
  const adminRoleId = ids.next();
  const botRoleId = ids.next();
  const roles = [
    // @everyone's id equals the guild id; discord.js permission math relies on it.
    role(guildId, '@everyone', 0, EVERYONE_PERMISSIONS),
    role(adminRoleId, 'Moderators', 1, EVERYONE_PERMISSIONS | Perm.ManageGuild | Perm.ManageMessages, {
      mentionable: true,
    }),
    role(botRoleId, 'K2 Bot', 2, EVERYONE_PERMISSIONS, { managed: true, tags: { bot_id: bot.id } }),
  ];
  const channelIds = { general: ids.next(), auto: ids.next(), other: ids.next() };
  const names: Array<[string, string]> = [
    [channelIds.general, 'general'],
    [channelIds.auto, 'k2-auto'],
    [channelIds.other, 'off-topic'],
  ];
  names.forEach(([id, channelName], position) => {
    channels.set(id, {
      id,
      type: 0,
      guild_id: guildId,
      name: channelName,
      position,
      permission_overwrites: [],
      nsfw: false,
      topic: null,
      parent_id: null,
      last_message_id: null,
      rate_limit_per_user: 0,
      flags: 0,
    });
  });
  const joinedAt = new Date().toISOString();
  const members = new Map<string, MemberRecord>();
  for (const u of [bot, ...humans]) members.set(u.id, { userId: u.id, roles: [], joinedAt });
  members.get(bot.id)?.roles.push(botRoleId);
  members.get(admin.id)?.roles.push(adminRoleId);
  return { id: guildId, name, everyoneRoleId: guildId, adminRoleId, botRoleId, roles, channelIds, members };
}

export interface WorldOptions {
  /** How many guilds the bot is in (default 1). */
  guildCount?: number;
  /** Spreads guild ids so that guild i lands on shard i % shardCount under Discord's routing. */
  shardCount?: number;
}

export function buildWorld(ids: SnowflakeFactory, options: WorldOptions = {}): World {
  const bot = user(ids.next(), 'K2 Bot', null, true);
  const owner = user(ids.next(), 'owner', 'Guild Owner');
  const alice = user(ids.next(), 'alice', 'Alice');
  const bob = user(ids.next(), 'bob', 'Bob');
  const admin = user(ids.next(), 'admin', 'Admin');
  const channels = new Map<string, ApiChannel>();
  const guildCount = Math.max(1, options.guildCount ?? 1);
  const shardCount = Math.max(1, options.shardCount ?? 1);
  const guilds: GuildFixture[] = [];
  for (let index = 0; index < guildCount; index++) {
    const guildId = shardCount > 1 ? ids.nextOnShard(index % shardCount, shardCount) : ids.next();
    const name = index === 0 ? 'K2 Test Guild' : `K2 Test Guild ${index + 1}`;
    guilds.push(buildGuild(ids, guildId, name, bot, [owner, alice, bob, admin], admin, channels));
  }
  const first = guilds[0] as GuildFixture;
  return {
    bot,
    owner,
    users: { alice, bob, admin },
    guildId: first.id,
    guildName: first.name,
    everyoneRoleId: first.everyoneRoleId,
    adminRoleId: first.adminRoleId,
    botRoleId: first.botRoleId,
    roles: first.roles,
    channels,
    channelIds: first.channelIds,
    members: first.members,
    guilds,
    guildById: new Map(guilds.map((g) => [g.id, g])),
    dmChannels: new Map(),
  };
}

/** The guild with this id; the first guild when the id is unknown or absent (single-guild callers). */
export function guildFixture(world: World, guildId?: string): GuildFixture {
  return (guildId ? world.guildById.get(guildId) : undefined) ?? (world.guilds[0] as GuildFixture);
}

export function allUsers(world: World): EmuUser[] {
  return [world.bot, world.owner, world.users.alice, world.users.bob, world.users.admin];
}

export function findUser(world: World, id: string): EmuUser | undefined {
  return allUsers(world).find((u) => u.id === id);
}

/** Guild-level permissions (no channel overwrites exist in the fixtures). */
export function permissionsOf(world: World, userId: string, guildId?: string): bigint {
  if (userId === world.owner.id) return ALL_PERMISSIONS;
  const guild = guildFixture(world, guildId);
  const member = guild.members.get(userId);
  let perms = 0n;
  for (const r of guild.roles) {
    if (r.id === guild.everyoneRoleId || member?.roles.includes(r.id)) perms |= BigInt(r.permissions);
  }
  return perms & Perm.Administrator ? ALL_PERMISSIONS : perms;
}

/** Guild member object; `withUser` false for MESSAGE_CREATE.member, which omits the user. */
export function memberPayload(
  world: World,
  userId: string,
  withUser: boolean,
  guildId?: string,
): Record<string, unknown> {
  const member = guildFixture(world, guildId).members.get(userId);
  const u = findUser(world, userId);
  return {
    ...(withUser && u ? { user: u } : {}),
    roles: member ? [...member.roles] : [],
    joined_at: member?.joinedAt ?? new Date().toISOString(),
    nick: null,
    avatar: null,
    banner: null,
    deaf: false,
    mute: false,
    flags: 0,
    pending: false,
    premium_since: null,
    communication_disabled_until: null,
  };
}

export function dmChannelFor(world: World, ids: SnowflakeFactory, userId: string): ApiChannel {
  let channel = world.dmChannels.get(userId);
  if (!channel) {
    const recipient = findUser(world, userId);
    channel = {
      id: ids.next(),
      type: 1,
      last_message_id: null,
      recipients: recipient ? [recipient] : [],
      flags: 0,
    };
    world.dmChannels.set(userId, channel);
  }
  return channel;
}

export function findChannel(world: World, channelId: string): ApiChannel | undefined {
  const guildChannel = world.channels.get(channelId);
  if (guildChannel) return guildChannel;
  for (const dm of world.dmChannels.values()) if (dm.id === channelId) return dm;
  return undefined;
}

/** The guild as REST returns it (GET /guilds/{id}); GUILD_CREATE adds the gateway-only fields. */
export function guildPayload(
  world: World,
  guild: GuildFixture = guildFixture(world),
): Record<string, unknown> {
  return {
    id: guild.id,
    name: guild.name,
    icon: null,
    splash: null,
    discovery_splash: null,
    banner: null,
    description: null,
    owner_id: world.owner.id,
    region: 'deprecated',
    afk_channel_id: null,
    afk_timeout: 300,
    verification_level: 0,
    default_message_notifications: 0,
    explicit_content_filter: 0,
    mfa_level: 0,
    nsfw_level: 0,
    premium_tier: 0,
    premium_subscription_count: 0,
    premium_progress_bar_enabled: false,
    preferred_locale: 'en-US',
    system_channel_id: guild.channelIds.general,
    system_channel_flags: 0,
    rules_channel_id: null,
    public_updates_channel_id: null,
    safety_alerts_channel_id: null,
    vanity_url_code: null,
    application_id: null,
    features: [],
    emojis: [],
    stickers: [],
    roles: guild.roles,
  };
}

/** Channels of one guild, in position order. */
export function guildChannels(world: World, guild: GuildFixture): ApiChannel[] {
  return Object.values(guild.channelIds).map((id) => world.channels.get(id) as ApiChannel);
}

export function guildCreatePayload(
  world: World,
  guild: GuildFixture = guildFixture(world),
): Record<string, unknown> {
  const members = allUsers(world).map((u) => memberPayload(world, u.id, true, guild.id));
  return {
    ...guildPayload(world, guild),
    channels: guildChannels(world, guild),
    threads: [],
    members,
    member_count: members.length,
    presences: [],
    voice_states: [],
    stage_instances: [],
    guild_scheduled_events: [],
    soundboard_sounds: [],
    max_members: 500_000,
    max_video_channel_users: 25,
    large: false,
    lazy: true,
    unavailable: false,
    joined_at: guild.members.get(world.bot.id)?.joinedAt,
  };
}

export function readyPayload(
  world: World,
  session: { id: string; shard: unknown },
  guilds: GuildFixture[],
  resumeGatewayUrl: string,
  applicationFlags: number,
): Record<string, unknown> {
  return {
    v: 10,
    user: { ...world.bot, verified: true, mfa_enabled: false, flags: 0 },
    // Listed unavailable; GUILD_CREATE follows. discord.js waits for every guild listed here.
    guilds: guilds.map((g) => ({ id: g.id, unavailable: true })),
    session_id: session.id,
    session_type: 'normal',
    resume_gateway_url: resumeGatewayUrl,
    shard: session.shard,
    application: { id: world.bot.id, flags: applicationFlags },
    private_channels: [],
    relationships: [],
    presences: [],
    guild_join_requests: [],
    geo_ordered_rtc_regions: [],
    user_settings: {},
    _trace: ['k2-emulator'],
  };
}
