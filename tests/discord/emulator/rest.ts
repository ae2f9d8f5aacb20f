import { createHash } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { bulkOverwrite, toStoredCommand } from './commands.ts';
import { ApiError, Errors, formError } from './errors.ts';
import {
  dmChannelFor,
  findChannel,
  findUser,
  type GuildFixture,
  guildChannels,
  guildPayload,
  memberPayload,
  Perm,
  permissionsOf,
} from './fixtures.ts';
import { parseBody, rateLimitHeaders, sendJson } from './http.ts';
import type { InteractionHub, Reply } from './interactions.ts';
import { channelPermissionsOf } from './permissions.ts';
import type { EmulatorState, MessageBody } from './state.ts';
import type { ApiCommand, RecordedRequest } from './types.ts';

export const API_PREFIX = '/api/v10';

/** Application flag GATEWAY_MESSAGE_CONTENT_LIMITED: the intent is enabled for a bot in <100 guilds. */
const FLAG_MESSAGE_CONTENT_LIMITED = 1 << 19;

export interface Fault {
  method: string;
  path: RegExp;
  status: number;
  headers: Record<string, string>;
  body: unknown;
  remaining: number;
  /** The response is held until this settles. */
  heldUntil?: Promise<unknown> | undefined;
}

interface Request {
  method: string;
  params: string[];
  body: unknown;
  query: Record<string, string>;
}

type Handler = (req: Request) => Reply | Promise<Reply>;

interface Route {
  method: string;
  segments: string[];
  /** Interaction callbacks and webhooks are called without the bot token (auth: false in discord.js). */
  noAuth: boolean;
  handler: Handler;
}

/** Discord-like opaque bucket per method and route shape (ids and tokens replaced). */
function bucketOf(method: string, segments: string[]): string {
  const tokenized = segments[0] === 'interactions' || segments[0] === 'webhooks';
  const shape = segments.map((s, i) => (/^\d{17,20}$/.test(s) ? ':id' : tokenized && i === 2 ? ':token' : s));
  return createHash('sha1')
    .update(`${method} ${shape.join('/')}`)
    .digest('hex')
    .slice(0, 32);
}

const ok = (body: unknown): Reply => ({ status: 200, body });
const noContent: Reply = { status: 204 };

export function applicationFlags(messageContentAllowed: boolean): number {
  return messageContentAllowed ? FLAG_MESSAGE_CONTENT_LIMITED : 0;
}

/** The REST half of the emulator: routing, auth, faults, recording, and every endpoint discord.js uses. */
export class RestApi {
  private readonly routes: Route[] = [];
  readonly faults: Fault[] = [];
  /** Requests handled as usual whose answer is held: Discord did the work, the bot hears late. */
  readonly heldAnswers: { method: string; path: RegExp; until: Promise<unknown> }[] = [];

  constructor(
    private readonly state: EmulatorState,
    private readonly hub: InteractionHub,
    private readonly wsUrl: () => string,
    private readonly onRequest: (request: RecordedRequest) => void,
  ) {
    this.registerRoutes();
  }

  private add(method: string, pattern: string, handler: Handler, noAuth = false): void {
    this.routes.push({ method, segments: pattern.split('/').filter(Boolean), noAuth, handler });
  }

  private match(
    method: string,
    segments: string[],
  ): { route: Route; params: string[] } | 'method' | undefined {
    let pathMatched = false;
    for (const route of this.routes) {
      if (route.segments.length !== segments.length) continue;
      const params: string[] = [];
      const fits = route.segments.every((part, i) => {
        const actual = segments[i] ?? '';
        if (part.startsWith(':')) {
          params.push(actual);
          return true;
        }
        return part === actual;
      });
      if (!fits) continue;
      pathMatched = true;
      if (route.method === method) return { route, params };
    }
    return pathMatched ? 'method' : undefined;
  }

  private takeFault(method: string, path: string): Fault | undefined {
    const fault = this.faults.find(
      (f) =>
        f.remaining > 0 &&
        (f.method === '*' || f.method === method) &&
        (f.path.test(path) || f.path.test(`${API_PREFIX}${path}`)),
    );
    if (fault) fault.remaining--;
    return fault;
  }

  private takeHeldAnswer(method: string, path: string): Promise<unknown> | undefined {
    const at = this.heldAnswers.findIndex(
      (h) => h.method === method && (h.path.test(path) || h.path.test(`${API_PREFIX}${path}`)),
    );
    if (at < 0) return undefined;
    const [held] = this.heldAnswers.splice(at, 1);
    return held?.until;
  }

  async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const method = (req.method ?? 'GET').toUpperCase();
    const query = Object.fromEntries(url.searchParams);
    // discord-api-types URL-encodes route params ('@original' arrives as '%40original'): decode per segment.
    const rawSegments = url.pathname.split('/').filter(Boolean);
    const segments = rawSegments.map((s) => {
      try {
        return decodeURIComponent(s);
      } catch {
        return s;
      }
    });
    const prefix = API_PREFIX.split('/').filter(Boolean);
    const versioned = prefix.every((p, i) => segments[i] === p);
    const apiSegments = versioned ? segments.slice(prefix.length) : segments;
    const path = `/${apiSegments.join('/')}`;
    const record: RecordedRequest = {
      method,
      path,
      url: req.url ?? '/',
      body: undefined,
      query,
      status: 0,
      headers: { ...req.headers },
    };
    this.state.requests.push(record);
    let reply: Reply;
    const headers = rateLimitHeaders(bucketOf(method, apiSegments));
    try {
      const { json } = await parseBody(req);
      record.body = json;
      const fault = this.takeFault(method, path);
      if (fault) {
        await fault.heldUntil?.catch(() => {});
        reply = { status: fault.status, body: fault.body };
        Object.assign(headers, fault.headers);
      } else if (!versioned) {
        reply = { status: 404, body: Errors.notFound().toBody() };
      } else {
        reply = await this.route(method, apiSegments, req, { method, params: [], body: json, query });
        const held = this.takeHeldAnswer(method, path);
        if (held) {
          // What Discord did is visible to the members (and to waiting tests) before the bot hears back.
          this.state.signal.notify();
          await held.catch(() => {});
        }
      }
    } catch (error) {
      if (!(error instanceof ApiError)) throw error;
      reply = { status: error.status, body: error.toBody() };
    }
    record.status = reply.status;
    record.response = reply.body;
    sendJson(res, reply.status, reply.body, headers);
    this.state.signal.notify();
    this.onRequest(record);
  }

  private async route(
    method: string,
    segments: string[],
    req: IncomingMessage,
    request: Request,
  ): Promise<Reply> {
    const found = this.match(method, segments);
    if (found === undefined) throw Errors.notFound();
    if (found === 'method') throw Errors.methodNotAllowed();
    if (!found.route.noAuth && req.headers.authorization !== `Bot ${this.state.options.token}`) {
      throw Errors.unauthorized();
    }
    return found.route.handler({ ...request, params: found.params });
  }

  addFault(
    method: string,
    path: RegExp,
    status: number,
    opts: {
      headers?: Record<string, string> | undefined;
      body?: unknown;
      times?: number | undefined;
      heldUntil?: Promise<unknown> | undefined;
    },
  ): void {
    const headers = { ...(opts.headers ?? {}) };
    let body = opts.body;
    if (status === 429) {
      // A 429 without Retry-After would make discord.js retry in a hot loop.
      const retryKey = Object.keys(headers).find((k) => k.toLowerCase() === 'retry-after');
      if (!retryKey) headers['Retry-After'] = '0.1';
      const retryAfter = Number(retryKey ? headers[retryKey] : headers['Retry-After']);
      const global = Object.entries(headers).some(
        ([k, v]) => k.toLowerCase() === 'x-ratelimit-global' && v === 'true',
      );
      const has = (name: string): boolean => Object.keys(headers).some((k) => k.toLowerCase() === name);
      // Like Discord's own 429s: the bucket is exhausted until Retry-After has passed.
      if (!has('x-ratelimit-scope')) headers['X-RateLimit-Scope'] = global ? 'global' : 'user';
      if (!global && !has('x-ratelimit-remaining')) headers['X-RateLimit-Remaining'] = '0';
      if (!global && !has('x-ratelimit-reset-after')) headers['X-RateLimit-Reset-After'] = String(retryAfter);
      if (!global && !has('x-ratelimit-reset'))
        headers['X-RateLimit-Reset'] = (Date.now() / 1000 + retryAfter).toFixed(3);
      body ??= { message: 'You are being rate limited.', retry_after: retryAfter, global, code: 0 };
    }
    body ??= { code: 0, message: `${status}: Injected fault` };
    this.faults.push({
      method: method.toUpperCase(),
      path,
      status,
      headers,
      body,
      remaining: opts.times ?? 1,
      heldUntil: opts.heldUntil,
    });
  }

  private botUser(): Record<string, unknown> {
    const { state } = this;
    return {
      ...state.apiUser(state.world.bot),
      verified: true,
      mfa_enabled: false,
      email: null,
      locale: 'en-US',
    };
  }

  private commandList(guildId: string | undefined): ApiCommand[] {
    const { state } = this;
    if (!guildId) return state.globalCommands;
    if (!state.world.guildById.has(guildId)) throw new ApiError(403, 50001, 'Missing Access');
    let list = state.guildCommands.get(guildId);
    if (!list) {
      list = [];
      state.guildCommands.set(guildId, list);
    }
    return list;
  }

  private checkApp(appId: string | undefined): void {
    if (appId !== this.state.appId) throw new ApiError(403, 50001, 'Missing Access');
  }

  private registerCommandRoutes(prefix: string, guildParam: boolean): void {
    const { state } = this;
    const list = (params: string[]): ApiCommand[] => {
      this.checkApp(params[0]);
      return this.commandList(guildParam ? params[1] : undefined);
    };
    const guildOf = (params: string[]): string | undefined => (guildParam ? params[1] : undefined);
    const idIndex = guildParam ? 2 : 1;
    this.add('GET', prefix, ({ params }) => ok(list(params)));
    this.add('PUT', prefix, ({ params, body }) => {
      const current = list(params);
      const next = bulkOverwrite(state, body, current, guildOf(params));
      current.splice(0, current.length, ...next);
      return ok(next);
    });
    this.add('POST', prefix, ({ params, body }) => {
      const current = list(params);
      const command = toStoredCommand(state, body, undefined, current, guildOf(params));
      const at = current.findIndex((c) => c.id === command.id);
      // POST with an existing name upserts (200); a new command is 201.
      if (at >= 0) {
        current[at] = command;
        return ok(command);
      }
      current.push(command);
      return { status: 201, body: command };
    });
    this.add('GET', `${prefix}/:command`, ({ params }) => {
      const command = list(params).find((c) => c.id === params[idIndex]);
      if (!command) throw Errors.unknownCommand();
      return ok(command);
    });
    this.add('PATCH', `${prefix}/:command`, ({ params, body }) => {
      const current = list(params);
      const at = current.findIndex((c) => c.id === params[idIndex]);
      const existing = current[at];
      if (!existing) throw Errors.unknownCommand();
      const merged = toStoredCommand(
        state,
        { ...existing, ...(body as object) },
        undefined,
        current,
        guildOf(params),
      );
      current[at] = { ...merged, id: existing.id };
      return ok(current[at]);
    });
    this.add('DELETE', `${prefix}/:command`, ({ params }) => {
      const current = list(params);
      const at = current.findIndex((c) => c.id === params[idIndex]);
      if (at < 0) throw Errors.unknownCommand();
      current.splice(at, 1);
      return noContent;
    });
  }

  private registerRoutes(): void {
    const { state } = this;
    const { world } = state;

    this.add('GET', '/gateway', () => ok({ url: this.wsUrl() }));
    this.add('GET', '/gateway/bot', () =>
      ok({
        url: this.wsUrl(),
        shards: state.options.shardCount,
        session_start_limit: {
          total: 1000,
          remaining: 999,
          reset_after: 14_400_000,
          max_concurrency: state.options.maxConcurrency,
        },
      }),
    );

    this.add('GET', '/users/@me', () => ok(this.botUser()));
    this.add('GET', '/users/:user', ({ params }) => {
      const user = findUser(world, params[0] ?? '');
      if (!user) throw Errors.unknownUser();
      return ok(state.apiUser(user));
    });
    this.add('POST', '/users/@me/channels', ({ body }) => {
      const recipient = (body as { recipient_id?: string } | undefined)?.recipient_id;
      if (!recipient || !findUser(world, recipient)) {
        throw formError(['recipient_id'], 'BASE_TYPE_REQUIRED', 'This field is required');
      }
      return ok(dmChannelFor(world, state.ids, recipient));
    });

    this.add('GET', '/applications/@me', () =>
      ok({
        id: state.appId,
        name: world.bot.username,
        icon: null,
        description: 'Answers questions about vitamin K2.',
        summary: '',
        type: null,
        bot_public: true,
        bot_require_code_grant: false,
        verify_key: '0'.repeat(64),
        flags: applicationFlags(state.options.messageContentAllowed),
        owner: state.apiUser(world.owner),
        team: null,
        bot: state.apiUser(world.bot),
        approximate_guild_count: world.guilds.length,
        approximate_user_install_count: 0,
        redirect_uris: [],
        interactions_endpoint_url: null,
        tags: [],
        integration_types_config: { 0: {} },
      }),
    );
    this.registerCommandRoutes('/applications/:app/commands', false);
    this.registerCommandRoutes('/applications/:app/guilds/:guild/commands', true);

    const guildOf = (params: string[]): GuildFixture => {
      const guild = world.guildById.get(params[0] ?? '');
      if (!guild) throw new ApiError(404, 10004, 'Unknown Guild');
      return guild;
    };
    this.add('GET', '/guilds/:guild', ({ params }) => ok(guildPayload(world, guildOf(params))));
    this.add('GET', '/guilds/:guild/channels', ({ params }) => ok(guildChannels(world, guildOf(params))));
    this.add('GET', '/guilds/:guild/roles', ({ params }) => ok(guildOf(params).roles));
    this.add('GET', '/guilds/:guild/members', ({ params }) => {
      const guild = guildOf(params);
      return ok([...guild.members.keys()].map((id) => memberPayload(world, id, true, guild.id)));
    });
    this.add('GET', '/guilds/:guild/members/:user', ({ params }) => {
      const guild = guildOf(params);
      const id = params[1] ?? '';
      if (!guild.members.has(id)) throw new ApiError(404, 10007, 'Unknown Member');
      return ok(memberPayload(world, id, true, guild.id));
    });

    this.add('GET', '/channels/:channel', ({ params }) => {
      const channel = findChannel(world, params[0] ?? '');
      if (!channel) throw Errors.unknownChannel();
      return ok(channel);
    });
    this.add('POST', '/channels/:channel/typing', ({ params }) => {
      state.requireChannel(params[0] ?? '');
      return noContent;
    });
    this.add('GET', '/channels/:channel/messages', ({ params, query }) => {
      const channelId = params[0] ?? '';
      state.requireChannel(channelId);
      const limit = Math.min(Number(query.limit ?? 50) || 50, 100);
      const all = [...state.messages.values()]
        .filter((m) => m.channel_id === channelId && !m.deleted && !(m.flags & 64))
        .filter((m) => !query.before || BigInt(m.id) < BigInt(query.before))
        .filter((m) => !query.after || BigInt(m.id) > BigInt(query.after))
        .sort((a, b) => (BigInt(b.id) > BigInt(a.id) ? 1 : -1));
      return ok(all.slice(0, limit).map((m) => state.toApiMessage(m)));
    });
    this.add('GET', '/channels/:channel/messages/:message', ({ params }) => {
      const message = state.messages.get(params[1] ?? '');
      if (!message || message.deleted || message.channel_id !== params[0]) throw Errors.unknownMessage();
      return ok(state.toApiMessage(message));
    });
    this.add('POST', '/channels/:channel/messages', ({ params, body }) => {
      const channelId = params[0] ?? '';
      state.requireChannel(channelId);
      if (world.channels.has(channelId)) {
        // Channel overwrites can take from the bot what its roles give it.
        const perms = channelPermissionsOf(world, world.bot.id, channelId);
        if (!(perms & Perm.ViewChannel)) throw Errors.missingAccess();
        if (!(perms & Perm.SendMessages)) throw Errors.missingPermissions();
      }
      const payload = (body ?? {}) as MessageBody;
      if ((payload.flags ?? 0) & 64) {
        throw formError(
          ['flags'],
          'MESSAGE_FLAGS_INVALID',
          'Ephemeral messages can only be sent as interaction responses',
        );
      }
      const message = state.createMessage({ channelId, author: world.bot, source: 'message' }, payload);
      state.botMessageIds.push(message.id);
      // Discord echoes the bot's own message back over the gateway.
      void state.dispatchMessage('MESSAGE_CREATE', message);
      return ok(state.toApiMessage(message));
    });
    this.add('PATCH', '/channels/:channel/messages/:message', ({ params, body }) => {
      const message = state.messages.get(params[1] ?? '');
      if (!message || message.deleted || message.channel_id !== params[0]) throw Errors.unknownMessage();
      if (message.author.id !== world.bot.id) throw Errors.cannotEditOtherUser();
      state.editMessage(message, (body ?? {}) as MessageBody, 'message');
      void state.dispatchMessage('MESSAGE_UPDATE', message);
      return ok(state.toApiMessage(message));
    });
    this.add('DELETE', '/channels/:channel/messages/:message', ({ params }) => {
      const message = state.messages.get(params[1] ?? '');
      if (!message || message.deleted || message.channel_id !== params[0]) throw Errors.unknownMessage();
      const canModerate =
        message.guild_id !== undefined &&
        (permissionsOf(world, world.bot.id, message.guild_id) & (1n << 13n)) !== 0n;
      if (message.author.id !== world.bot.id && !canModerate) throw Errors.missingPermissions();
      message.deleted = true;
      void state.dispatchMessageDelete(message);
      return noContent;
    });
    const reaction = ({ params }: Request): Reply => {
      const message = state.messages.get(params[1] ?? '');
      if (!message || message.deleted) throw Errors.unknownMessage();
      return noContent;
    };
    this.add('PUT', '/channels/:channel/messages/:message/reactions/:emoji/@me', reaction);
    this.add('DELETE', '/channels/:channel/messages/:message/reactions/:emoji/@me', reaction);

    this.add(
      'POST',
      '/interactions/:id/:token/callback',
      ({ params, body, query }) => this.hub.handleCallback(params[0] ?? '', params[1] ?? '', body, query),
      true,
    );
    const webhook =
      (withMessage: boolean): Handler =>
      ({ method, params, body, query }) =>
        this.hub.handleWebhook(
          method,
          params[0] ?? '',
          params[1] ?? '',
          withMessage ? (params[2] ?? '') : undefined,
          body,
          query,
        );
    this.add('POST', '/webhooks/:app/:token', webhook(false), true);
    for (const method of ['GET', 'PATCH', 'DELETE']) {
      this.add(method, '/webhooks/:app/:token/messages/:message', webhook(true), true);
    }
  }
}
