import { EventEmitter } from 'node:events';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { APIAllowedMentions } from 'discord.js';
import { ApiError } from './errors.ts';
import {
  buildWorld,
  dmChannelFor,
  type GuildFixture,
  guildCreatePayload,
  permissionsOf,
  readyPayload,
  type World,
} from './fixtures.ts';
import {
  GATEWAY_PATH,
  Gateway,
  type IdentifyInfo,
  RESUME_GATEWAY_PATH,
  type ResumeInfo,
  type Session,
  type WsCloseInfo,
  type WsConnectInfo,
} from './gateway.ts';
import { Intent } from './intents.ts';
import type { EmuInteraction } from './interaction.ts';
import { InteractionHub } from './interactions.ts';
import type { PermissionOverwrite } from './permissions.ts';
import { API_PREFIX, applicationFlags, RestApi } from './rest.ts';
import { SnowflakeFactory, shardOfGuild } from './snowflake.ts';
import { EmulatorState, type ResolvedOptions } from './state.ts';
import { checkInvocation } from './strict.ts';
import type { ApiCommand, ApiComponent, ApiOption, EmuMessage, EmuUser, RecordedRequest } from './types.ts';
import { ChangeSignal } from './waiters.ts';

export type { IdentifyInfo, ResumeInfo, WsCloseInfo, WsConnectInfo } from './gateway.ts';
export { Intent } from './intents.ts';
export type { EmuInteraction, RecordedCallback, RejectedCallback } from './interaction.ts';
export { Limits } from './limits.ts';
export type { PermissionOverwrite } from './permissions.ts';
export type * from './types.ts';

export interface DiscordEmulatorOptions {
  token?: string | undefined;
  /** MESSAGE_CONTENT enabled in the developer portal; false + intent requested → close 4014. */
  messageContentAllowed?: boolean | undefined;
  /** GUILD_MEMBERS enabled in the portal (default true). */
  guildMembersAllowed?: boolean | undefined;
  /** GUILD_PRESENCES enabled in the portal (default true). */
  presencesAllowed?: boolean | undefined;
  /** Initial interaction response deadline (Discord: 3 s); later callbacks get 10062. */
  ackDeadlineMs?: number | undefined;
  heartbeatIntervalMs?: number | undefined;
  /** Lifetime of interaction tokens for @original/follow-ups (Discord: 15 min); later → 50027. */
  interactionTokenLifetimeMs?: number | undefined;
  /**
   * Simulated users may only run registered commands available in the context, with registered
   * options, required options present and default_member_permissions met (default false: anything goes).
   */
  strictCommands?: boolean | undefined;
  /**
   * Shards Discord recommends in GET /gateway/bot (default 1). Guild events always go to the session
   * whose IDENTIFY `shard: [id, count]` matches (guild_id >> 22) % count; DMs go to shard 0.
   */
  shardCount?: number | undefined;
  /** Guilds the bot is in (default 1); with shardCount > 1, guild i lands on shard i % shardCount. */
  guildCount?: number | undefined;
  /** session_start_limit.max_concurrency in GET /gateway/bot (default 1). */
  maxConcurrency?: number | undefined;
}

/** One of the emulated guilds: its id, channels and role ids (see the README's fixtures). */
export interface EmuGuild {
  id: string;
  name: string;
  channels: { general: string; auto: string; other: string };
  roles: { everyone: string; admin: string; bot: string };
}

export interface UserMessageInput {
  author: EmuUser;
  /** Defaults to the general channel. */
  channelId?: string | undefined;
  content: string;
  /** Prepends `<@bot> ` and so pings the bot. */
  mentionBot?: boolean | undefined;
  /** Id of the message replied to (message_reference + referenced_message). */
  replyTo?: string | undefined;
  /** Whether the reply pings the replied-to author (Discord client default: true). */
  pingReply?: boolean | undefined;
  /** Sends in the DM channel between the author and the bot (no guild_id). */
  dm?: boolean | undefined;
}

interface InteractionTarget {
  user: EmuUser;
  channelId?: string | undefined;
  dm?: boolean | undefined;
}

/** Events for `emu.on(...)`: every answered REST request, socket connects/closes, IDENTIFYs and RESUMEs. */
export interface EmulatorEvents {
  request: [RecordedRequest];
  wsConnect: [WsConnectInfo];
  resume: [ResumeInfo];
  identify: [IdentifyInfo];
  wsClose: [WsCloseInfo];
}

const DEFAULTS: ResolvedOptions = {
  token: 'MTAw.emulated.token',
  messageContentAllowed: true,
  guildMembersAllowed: true,
  presencesAllowed: true,
  ackDeadlineMs: 3000,
  heartbeatIntervalMs: 41_250,
  interactionTokenLifetimeMs: 15 * 60 * 1000,
  strictCommands: false,
  shardCount: 1,
  guildCount: 1,
  maxConcurrency: 1,
};

/** Explicit `undefined` options fall back to the defaults. */
function stripUndefined(value: DiscordEmulatorOptions): Partial<ResolvedOptions> {
  return Object.fromEntries(
    Object.entries(value).filter(([, v]) => v !== undefined),
  ) as Partial<ResolvedOptions>;
}

function findComponent(components: ApiComponent[], customId: string): ApiComponent | undefined {
  for (const c of components) {
    if (c.custom_id === customId) return c;
    const nested = [...(c.components ?? []), ...(c.accessory ? [c.accessory as ApiComponent] : [])];
    const found = findComponent(nested, customId);
    if (found) return found;
  }
  return undefined;
}

/**
 * A local Discord (REST + gateway + interactions) for end-to-end tests of a discord.js bot.
 * Listens on 127.0.0.1 with a random port; point discord.js at it with `rest: { api: emu.apiBase }`.
 */
export class DiscordEmulator extends EventEmitter<EmulatorEvents> {
  readonly apiBase: string;
  readonly gatewayUrl: string;
  readonly token: string;
  readonly appId: string;
  readonly botUserId: string;
  readonly guildId: string;
  readonly channels: { general: string; auto: string; other: string };
  readonly users: { alice: EmuUser; bob: EmuUser; admin: EmuUser };
  /** The bot's user object (id = appId). */
  readonly botUser: EmuUser;
  /** Guild owner (all permissions); not one of `users`. */
  readonly owner: EmuUser;
  /** Role ids: admin's role has MANAGE_GUILD. */
  readonly roles: { everyone: string; admin: string; bot: string };
  /** Every guild the bot is in; the first is `guildId`. */
  readonly guilds: EmuGuild[];

  private readonly signal: ChangeSignal;
  private readonly state: EmulatorState;
  private readonly gateway: Gateway;
  private readonly hub: InteractionHub;
  private readonly rest: RestApi;
  private readonly consumedBotMessages = new Set<string>();
  private readonly consumedRequests = new Set<RecordedRequest>();

  private constructor(
    private readonly server: Server,
    port: number,
    options: ResolvedOptions,
    ids: SnowflakeFactory,
    world: World,
    signal: ChangeSignal,
    gateway: Gateway,
    private readonly removedGuildIds: Set<string>,
  ) {
    super();
    this.apiBase = `http://127.0.0.1:${port}/api`;
    this.gatewayUrl = `ws://127.0.0.1:${port}${GATEWAY_PATH}`;
    this.token = options.token;
    this.appId = world.bot.id;
    this.botUserId = world.bot.id;
    this.botUser = world.bot;
    this.owner = world.owner;
    this.guildId = world.guildId;
    this.channels = { ...world.channelIds };
    this.users = world.users;
    this.roles = { everyone: world.everyoneRoleId, admin: world.adminRoleId, bot: world.botRoleId };
    this.guilds = world.guilds.map((g) => ({
      id: g.id,
      name: g.name,
      channels: { ...g.channelIds },
      roles: { everyone: g.everyoneRoleId, admin: g.adminRoleId, bot: g.botRoleId },
    }));
    this.signal = signal;
    this.gateway = gateway;
    this.state = new EmulatorState(options, ids, world, signal, gateway);
    this.hub = new InteractionHub(this.state);
    this.rest = new RestApi(
      this.state,
      this.hub,
      () => this.gatewayUrl,
      (r) => this.emit('request', r),
    );
    gateway.on('wsConnect', (info: WsConnectInfo) => {
      signal.notify();
      this.emit('wsConnect', info);
    });
    gateway.on('identify', (info: IdentifyInfo) => {
      signal.notify();
      this.emit('identify', info);
    });
    gateway.on('wsClose', (info: WsCloseInfo) => {
      signal.notify();
      this.emit('wsClose', info);
    });
    gateway.on('resume', (info: ResumeInfo) => {
      signal.notify();
      this.emit('resume', info);
    });
  }

  static async start(options: DiscordEmulatorOptions = {}): Promise<DiscordEmulator> {
    const resolved: ResolvedOptions = { ...DEFAULTS, ...stripUndefined(options) };
    const ids = new SnowflakeFactory();
    const world = buildWorld(ids, { guildCount: resolved.guildCount, shardCount: resolved.shardCount });
    // Guilds the bot was removed from: absent from READY and GUILD_CREATE until it is added back.
    const removedGuildIds = new Set<string>();
    const routedGuilds = (session: Session): GuildFixture[] =>
      world.guilds.filter((g) => !removedGuildIds.has(g.id) && gateway.routes(session, g.id));
    const signal = new ChangeSignal();
    let port = 0;
    const resumeUrl = (): string => `ws://127.0.0.1:${port}${RESUME_GATEWAY_PATH}`;
    const gateway = new Gateway({
      token: resolved.token,
      heartbeatIntervalMs: resolved.heartbeatIntervalMs,
      messageContentAllowed: resolved.messageContentAllowed,
      guildMembersAllowed: resolved.guildMembersAllowed,
      presencesAllowed: resolved.presencesAllowed,
      ready: (session) =>
        readyPayload(
          world,
          session,
          routedGuilds(session),
          resumeUrl(),
          applicationFlags(resolved.messageContentAllowed),
        ),
      guildCreates: (session) => routedGuilds(session).map((g) => guildCreatePayload(world, g)),
    });
    // Idle keep-alive sockets stay open longer than undici keeps them (4 s), so the client always
    // closes first: a server-side close racing a new request fails that request (a POST is not
    // retried), which a loaded machine turns into lost replies. Discord's edge behaves the same way.
    const server = createServer({ keepAliveTimeout: 65_000 });
    server.on('upgrade', (req, socket, head) => gateway.handleUpgrade(req, socket, head));
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(0, '127.0.0.1', () => resolve());
    });
    port = (server.address() as AddressInfo).port;
    const emulator = new DiscordEmulator(
      server,
      port,
      resolved,
      ids,
      world,
      signal,
      gateway,
      removedGuildIds,
    );
    server.on('request', (req, res) => {
      emulator.rest.handle(req, res).catch((error: unknown) => {
        // A bug in the emulator must be loud, not a hanging request.
        console.error('DiscordEmulator internal error', error);
        if (!res.headersSent) {
          res.writeHead(500, { 'Content-Type': 'application/json' });
          res.end(JSON.stringify({ code: 0, message: `500: ${String(error)}` }));
        }
      });
    });
    return emulator;
  }

  // ---- counters and recordings -------------------------------------------------------------

  get identifies(): number {
    return this.gateway.identifies;
  }

  get resumes(): number {
    return this.gateway.resumes;
  }

  /** Heartbeats (op 1) received from clients so far; each was acknowledged. */
  get heartbeats(): number {
    return this.gateway.heartbeats;
  }

  /** Every REST request so far, in order (path decoded and without the /api/v10 prefix). */
  get requests(): RecordedRequest[] {
    return this.state.requests;
  }

  /** Sessions that currently have a live, identified socket. */
  get connectedSessions(): number {
    return this.gateway.connectedSessions;
  }

  /** `[shard_id, num_shards]` of each session with a live socket, sorted by shard id. */
  get connectedShards(): Array<[number, number]> {
    return this.gateway.connectedShards;
  }

  /**
   * From now on the guild's events go to `shardId`, which gets its GUILD_CREATE, as when a re-shard
   * hands a guild to another shard; `undefined` restores Discord's routing.
   */
  async moveGuildToShard(guildId: string, shardId: number | undefined): Promise<void> {
    const guild = this.state.world.guildById.get(guildId);
    if (!guild) throw new Error(`DiscordEmulator: no guild ${guildId}`);
    if (shardId === undefined) {
      this.gateway.movedGuilds.delete(guildId);
      return;
    }
    this.gateway.movedGuilds.set(guildId, shardId);
    await this.gateway.dispatch('GUILD_CREATE', guildId, (session) =>
      session.intents & Intent.Guilds ? guildCreatePayload(this.state.world, guild) : undefined,
    );
  }

  /**
   * The bot is kicked or its app removed from a guild: Discord sends GUILD_DELETE without
   * `unavailable` (with `unavailable: true` it would be an outage), and the guild leaves READY.
   */
  async removeBotFromGuild(guildId: string): Promise<void> {
    if (!this.state.world.guildById.has(guildId)) throw new Error(`DiscordEmulator: no guild ${guildId}`);
    this.removedGuildIds.add(guildId);
    await this.gateway.dispatch('GUILD_DELETE', guildId, (session) =>
      session.intents & Intent.Guilds ? { id: guildId } : undefined,
    );
  }

  /** The bot is invited back: GUILD_CREATE again, and the guild is in READY from now on. */
  async addBotToGuild(guildId: string): Promise<void> {
    const guild = this.state.world.guildById.get(guildId);
    if (!guild) throw new Error(`DiscordEmulator: no guild ${guildId}`);
    this.removedGuildIds.delete(guildId);
    await this.gateway.dispatch('GUILD_CREATE', guildId, (session) =>
      session.intents & Intent.Guilds ? guildCreatePayload(this.state.world, guild) : undefined,
    );
  }

  /** The guilds Discord routes to `shardId` of `shardCount` (default: the recommended count). */
  guildsOnShard(shardId: number, shardCount = this.state.options.shardCount): EmuGuild[] {
    return this.guilds.filter((g) => shardOfGuild(g.id, shardCount) === shardId);
  }

  /** Every interaction the emulator has sent, in order. */
  get interactions(): EmuInteraction[] {
    return this.hub.all();
  }

  /** Messages the bot posted via REST (POST /channels/{id}/messages), optionally for one channel. */
  botMessages(channelId?: string): EmuMessage[] {
    return this.state.botMessageIds
      .map((id) => this.state.messages.get(id))
      .filter(
        (m): m is EmuMessage => m !== undefined && (channelId === undefined || m.channel_id === channelId),
      );
  }

  /** Any stored message (user, bot, interaction response) by id, in its current state. */
  message(id: string): EmuMessage | undefined {
    return this.state.messages.get(id);
  }

  /**
   * Replaces a channel's permission overwrites (as a server admin editing the channel would) and
   * sends CHANNEL_UPDATE, so the bot's cache and the REST checks agree.
   */
  async setChannelPermissionOverwrites(channelId: string, overwrites: PermissionOverwrite[]): Promise<void> {
    const channel = this.state.world.channels.get(channelId);
    if (!channel) throw new Error(`no guild channel ${channelId}`);
    channel.permission_overwrites = overwrites;
    await this.gateway.dispatch('CHANNEL_UPDATE', channel.guild_id, () => channel);
  }

  /** Id of the DM channel between `user` and the bot (created on first use, like POST /users/@me/channels). */
  dmChannelOf(user: EmuUser): string {
    return dmChannelFor(this.state.world, this.state.ids, user.id).id;
  }

  /** Registered commands: global ones, or those of a guild. */
  registeredCommands(guildId?: string): ApiCommand[] {
    return [...(guildId ? (this.state.guildCommands.get(guildId) ?? []) : this.state.globalCommands)];
  }

  /**
   * Resolves with the first bot channel message (see botMessages) matching `pred` that no earlier
   * waitForBotMessage call returned, including messages posted before this call.
   */
  waitForBotMessage(pred: (m: EmuMessage) => boolean = () => true, timeoutMs = 5000): Promise<EmuMessage> {
    return this.signal
      .waitFor(
        () => this.botMessages().find((m) => !this.consumedBotMessages.has(m.id) && pred(m)),
        timeoutMs,
        'a bot message',
      )
      .then((m) => {
        this.consumedBotMessages.add(m.id);
        return m;
      });
  }

  /**
   * Resolves with the first answered REST request matching `pred` that no earlier waitForRequest
   * call returned, including requests made before this call.
   */
  waitForRequest(pred: (r: RecordedRequest) => boolean, timeoutMs = 5000): Promise<RecordedRequest> {
    return this.signal
      .waitFor(
        () => this.state.requests.find((r) => r.status !== 0 && !this.consumedRequests.has(r) && pred(r)),
        timeoutMs,
        'a matching REST request',
      )
      .then((r) => {
        this.consumedRequests.add(r);
        return r;
      });
  }

  /** Resolves once `count` sessions have a live socket (e.g. after a resume). */
  waitForConnectedSessions(count = 1, timeoutMs = 5000): Promise<void> {
    return this.signal
      .waitFor(
        () => (this.gateway.connectedSessions >= count ? true : undefined),
        timeoutMs,
        `${count} connected gateway session(s)`,
      )
      .then(() => undefined);
  }

  // ---- simulated users ---------------------------------------------------------------------

  /** A user posts a message; dispatches MESSAGE_CREATE according to each session's intents. */
  async userSendsMessage(input: UserMessageInput): Promise<EmuMessage> {
    const { state } = this;
    const world = state.world;
    const channelId = input.dm
      ? dmChannelFor(world, state.ids, input.author.id).id
      : (input.channelId ?? world.channelIds.general);
    state.requireChannel(channelId);
    const content = input.mentionBot ? `<@${world.bot.id}> ${input.content}` : input.content;
    const replied = input.replyTo ? state.messages.get(input.replyTo) : undefined;
    if (input.replyTo && !replied)
      throw new Error(`DiscordEmulator: no message ${input.replyTo} to reply to`);
    // Same validation and mention rules as any message; the Discord client sends what a user typed.
    const message = state.createMessage(
      { channelId, author: input.author, source: 'message' },
      {
        content,
        ...(replied ? { message_reference: { message_id: replied.id } } : {}),
        // pingReply false = the client's "@ off" toggle on a reply.
        ...(input.pingReply === false
          ? {
              allowed_mentions: {
                parse: ['users', 'roles', 'everyone'],
                replied_user: false,
              } as APIAllowedMentions,
            }
          : {}),
      },
    );
    await state.dispatchMessage('MESSAGE_CREATE', message);
    state.signal.notify();
    return message;
  }

  private target(input: InteractionTarget): { channelId?: string; dm?: boolean } {
    return { ...(input.channelId ? { channelId: input.channelId } : {}), ...(input.dm ? { dm: true } : {}) };
  }

  private guildFor(input: InteractionTarget): string | undefined {
    return input.dm ? undefined : this.state.guildOf(input.channelId ?? this.channels.general);
  }

  /** With strictCommands, refuses what Discord's client would not let the user send. */
  private checkStrict(
    input: InteractionTarget & { name: string },
    type: number,
    options: ApiOption[],
    autocomplete = false,
  ): void {
    if (!this.state.options.strictCommands) return;
    const guildId = this.guildFor(input);
    try {
      checkInvocation({
        command: this.hub.findCommand(input.name, type, guildId),
        name: input.name,
        options,
        autocomplete,
        dm: guildId === undefined,
        permissions: permissionsOf(this.state.world, input.user.id, guildId),
      });
    } catch (error) {
      throw new Error(`DiscordEmulator (strictCommands): ${(error as Error).message}`);
    }
  }

  private commandData(name: string, type: number, guildId: string | undefined): Record<string, unknown> {
    const command = this.hub.commandId(name, type, guildId);
    return { id: command.id, name, type, ...(command.guildId ? { guild_id: command.guildId } : {}) };
  }

  /** A user runs a slash command (type 2, data.type 1); options are raw API option objects. */
  async userRunsCommand(
    input: InteractionTarget & { name: string; options?: ApiOption[] | undefined },
  ): Promise<EmuInteraction> {
    const guildId = this.guildFor(input);
    this.checkStrict(input, 1, input.options ?? []);
    const resolved = this.hub.resolveOptions(input.options, guildId);
    return this.hub.start({
      ...this.target(input),
      type: 2,
      user: input.user,
      responseType: 20,
      data: {
        ...this.commandData(input.name, 1, guildId),
        ...(input.options ? { options: input.options } : {}),
        ...(resolved ? { resolved } : {}),
      },
    });
  }

  /** A user types into an autocomplete option; resolves with the choices the bot returned. */
  async userAutocompletes(
    input: InteractionTarget & { name: string; options: ApiOption[]; timeoutMs?: number | undefined },
  ): Promise<Array<{ name: string; value: string }>> {
    const guildId = this.guildFor(input);
    this.checkStrict(input, 1, input.options, true);
    const interaction = await this.hub.start({
      ...this.target(input),
      type: 4,
      user: input.user,
      responseType: 20,
      data: { ...this.commandData(input.name, 1, guildId), options: input.options },
    });
    const choices = await this.signal.waitFor(
      () => {
        const rejected = interaction.rejectedCallbacks[0];
        // A refused callback (e.g. >25 choices) fails fast instead of waiting for the timeout.
        if (rejected) throw rejected.error;
        return interaction.choices;
      },
      input.timeoutMs ?? this.state.options.ackDeadlineMs + 2000,
      `autocomplete choices for /${input.name}`,
    );
    // Choice values are strings for string options; numbers are stringified to keep one shape.
    return choices.map((c) => ({ name: c.name, value: String(c.value) }));
  }

  private componentOn(
    message: EmuMessage,
    customId: string,
  ): { current: EmuMessage; component: ApiComponent } {
    const current = this.state.messages.get(message.id) ?? message;
    if (current.deleted) throw new Error(`DiscordEmulator: message ${message.id} was deleted`);
    const component = findComponent(current.components, customId);
    if (!component) throw new Error(`DiscordEmulator: no component '${customId}' on message ${message.id}`);
    if (component.disabled) throw new Error(`DiscordEmulator: component '${customId}' is disabled`);
    return { current, component };
  }

  private componentInteraction(
    user: EmuUser,
    message: EmuMessage,
    data: Record<string, unknown>,
  ): Promise<EmuInteraction> {
    const dm = message.guild_id === undefined;
    return this.hub.start({
      type: 3,
      user,
      channelId: message.channel_id,
      ...(dm ? { dm: true } : {}),
      message,
      responseType: 0,
      data,
    });
  }

  /** A user clicks a button on a message the bot sent (the button must exist and be enabled). */
  async userClicksButton(input: {
    user: EmuUser;
    message: EmuMessage;
    customId: string;
  }): Promise<EmuInteraction> {
    const { current, component } = this.componentOn(input.message, input.customId);
    if (component.type !== 2) throw new Error(`DiscordEmulator: '${input.customId}' is not a button`);
    return this.componentInteraction(input.user, current, { custom_id: input.customId, component_type: 2 });
  }

  /** A user picks values in a select menu on a message the bot sent. */
  async userSelects(input: {
    user: EmuUser;
    message: EmuMessage;
    customId: string;
    values: string[];
  }): Promise<EmuInteraction> {
    const { current, component } = this.componentOn(input.message, input.customId);
    if (component.type < 3 || component.type > 8 || component.type === 4) {
      throw new Error(`DiscordEmulator: '${input.customId}' is not a select menu`);
    }
    if (component.type === 3) {
      const valid = new Set((component.options ?? []).map((o) => o.value));
      const bad = input.values.find((v) => !valid.has(v));
      if (bad !== undefined)
        throw new Error(`DiscordEmulator: '${bad}' is not an option of '${input.customId}'`);
    }
    return this.componentInteraction(input.user, current, {
      custom_id: input.customId,
      component_type: component.type,
      values: input.values,
    });
  }

  /** A user runs a message context-menu command (type 2, data.type 3) on `target`. */
  async userRunsMessageCommand(
    input: InteractionTarget & { name: string; target: EmuMessage },
  ): Promise<EmuInteraction> {
    this.checkStrict(
      { ...input, dm: input.target.guild_id === undefined, channelId: input.target.channel_id },
      3,
      [],
    );
    const target = this.state.messages.get(input.target.id) ?? input.target;
    const dm = target.guild_id === undefined;
    const guildId = dm ? undefined : target.guild_id;
    return this.hub.start({
      type: 2,
      user: input.user,
      channelId: target.channel_id,
      ...(dm ? { dm: true } : {}),
      responseType: 23,
      data: {
        ...this.commandData(input.name, 3, guildId),
        target_id: target.id,
        resolved: { messages: { [target.id]: this.state.toApiMessage(target) } },
      },
    });
  }

  // ---- faults and connection control -------------------------------------------------------

  /**
   * The next `times` (default 1) requests with this method ('*' for any) whose decoded path
   * (with or without the /api/v10 prefix) matches `path` get `status`. A 429 gets Retry-After 0.1 s
   * and a Discord-shaped body unless given. With `heldUntil`, the answer waits until that settles
   * (a slow Discord), so a test can look at the bot in the meantime for as long as it needs.
   */
  injectFault(
    method: string,
    path: RegExp,
    status: number,
    opts: {
      headers?: Record<string, string> | undefined;
      body?: unknown;
      times?: number | undefined;
      heldUntil?: Promise<unknown> | undefined;
    } = {},
  ): void {
    this.rest.addFault(method, path, status, opts);
  }

  /**
   * The next request with this method whose path matches is carried out as usual (a message is
   * created and its gateway event sent) but its HTTP answer waits until `until` settles: the bot
   * learns late what Discord already did, as when the gateway is faster than the REST answer.
   */
  holdAnswer(method: string, path: RegExp, until: Promise<unknown>): void {
    this.rest.heldAnswers.push({ method: method.toUpperCase(), path, until });
  }

  /** Sends op 7 RECONNECT; discord.js reconnects and RESUMEs. */
  requestReconnect(): void {
    this.gateway.requestReconnect();
  }

  /** Kills all sockets abruptly; events dispatched until the client RESUMEs are replayed then. */
  dropConnections(): void {
    this.gateway.dropConnections();
  }

  /** Sends op 9 INVALID_SESSION (resumable false → the client must IDENTIFY again). */
  invalidateSessions(resumable = false): void {
    this.gateway.invalidateSessions(resumable);
  }

  /** Closes every gateway socket with `code` (e.g. 4000 → resume, 4004 → fatal). */
  closeConnections(code: number, reason?: string): void {
    this.gateway.closeConnections(code, reason);
  }

  async close(): Promise<void> {
    await this.gateway.close();
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }
}

export { API_PREFIX, ApiError };
