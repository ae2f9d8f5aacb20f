import { once } from 'node:events';
import { Client, Events, GatewayIntentBits, Partials, RESTEvents } from 'discord.js';
import type { Logger } from 'pino';
import type { Config } from '../config.ts';
import { FollowUpMemory } from '../engine/followUpMemory.ts';
import type { Engine } from '../engine/index.ts';
import type { BotMetrics } from '../ops/metrics.ts';
import type { SettingsStore } from '../store/settingsStore.ts';
import { AlertLimiter } from './alerts.ts';
import { type Answerer, AnswerPool } from './answerPool.ts';
import type { RepliedEvent } from './askEngine.ts';
import { botCacheOptions } from './clientCache.ts';
import { communityOptions, startCommunityUpkeep } from './community.ts';
import type { BotContext } from './context.ts';
import { RecentIds } from './context.ts';
import { ChannelReplyWindow, Cooldowns, PingLimiter, ReplyQueue } from './cooldowns.ts';
import { handleInteraction } from './events/interactionCreate.ts';
import { handleMessage } from './events/messageCreate.ts';
import { fatalGatewayClose, type GatewayError, ReconnectLog, readyTimeoutError } from './gatewayStatus.ts';

export interface StartBotDeps {
  config: Config;
  engine: Engine;
  store: SettingsStore;
  logger: Logger;
  /** REST base (the gateway URL is read from GET /gateway/bot on it); defaults to config.DISCORD_API_BASE. */
  restApiBase?: string;
  /** Tests shorten these so failures surface fast. */
  rest?: { timeout?: number; retries?: number };
  /** How often housekeeping (retention, servers the bot left) runs; a day unless a test shortens it. */
  housekeepingIntervalMs?: number;
  /** How long stop() waits for replies already being written. */
  drainTimeoutMs?: number;
  /** Start-up gives up when READY has not arrived by then; defaults to DISCORD_READY_TIMEOUT_SECONDS. */
  readyTimeoutMs?: number;
  /**
   * Called once if, after start, Discord closes the gateway for good (token reset, intent revoked, ...).
   * The bot is offline from then on; the caller decides how to end (main exits non-zero).
   */
  onFatal?: (error: GatewayError) => void;
  /** Answers questions; by default a worker pool over config.KNOWLEDGE_DIR. The bot closes it on stop. */
  answerer?: Answerer;
  /**
   * A worker pool the caller created (and may have launched early): launched here if not yet, closed
   * on stop. The caller rebuilds it on reloads and handles `answersReady` failing.
   */
  answerPool?: AnswerPool;
  /** The clock of cooldowns and flood limits; tests move it instead of sleeping. */
  clock?: () => number;
  /** Replaces some of the default flood limits (tests use small ones). */
  limits?: Partial<BotContext['limits']>;
  /**
   * Where each event takes its engine; a knowledge reload swaps it, and the answer pool rebuilds its
   * workers on each swap. `engine` when absent.
   */
  engines?: { current(): Engine; onSwap(listener: (next: Engine) => void): () => void };
  metrics?: Pick<BotMetrics, 'recordReply' | 'recordRateLimited'>;
}

export interface RunningBot {
  client: Client;
  /** Whether guild message text is readable (the MessageContent intent was requested and granted). */
  messageContent: boolean;
  /** Resolves when the answer workers are ready; rejects if they cannot start (also logged). */
  answersReady: Promise<void>;
  /** Stops taking new work, finishes replies in flight, disconnects. Does not close the store. */
  stop(): Promise<void>;
}

function isDisallowedIntents(error: unknown): boolean {
  const { closeCode, code, message } = error as { closeCode?: unknown; code?: unknown; message?: unknown };
  return (
    closeCode === 4014 ||
    code === 4014 ||
    code === 'DisallowedIntents' ||
    /disallowed intents|4014/i.test(String(message))
  );
}

/**
 * Resolves on READY; rejects on a close Discord will not recover from, or when `deadline` passes.
 * The error names `readyTimeoutMs`, the configured limit, not the part of it left when connecting.
 */
async function connect(
  client: Client,
  token: string,
  deadline: number,
  readyTimeoutMs: number,
  apiBase: string,
): Promise<void> {
  // Listen before login: on a fast gateway clientReady can fire before login() resolves.
  const ready = once(client, Events.ClientReady);
  let timer: NodeJS.Timeout | undefined;
  const refused = new Promise<never>((_, reject) => {
    client.on(Events.ShardDisconnect, (event) => {
      const fatal = fatalGatewayClose(event.code);
      if (fatal) reject(fatal);
    });
    timer = setTimeout(
      () => reject(readyTimeoutError(readyTimeoutMs, apiBase)),
      Math.max(0, deadline - Date.now()),
    );
  });
  ready.catch(() => {});
  refused.catch(() => {});
  try {
    await Promise.race([client.login(token).then(() => ready), refused]);
  } finally {
    clearTimeout(timer);
  }
}

export async function startBot(deps: StartBotDeps): Promise<RunningBot> {
  const { config, engine, store, logger } = deps;
  const token = config.DISCORD_TOKEN;
  if (!token) throw new Error('DISCORD_TOKEN is required to start the Discord bot');

  const ownPool =
    deps.answerer || deps.answerPool
      ? undefined
      : AnswerPool.create({
          knowledgeDir: config.KNOWLEDGE_DIR,
          budgetMs: config.ANSWER_TIME_BUDGET_MS,
          size: config.ANSWER_WORKERS,
          logger,
        });
  const pool = deps.answerPool ?? ownPool;
  // Right before connecting (discord.js is loaded by now) and not awaited: the workers build their
  // engines in their own threads while the gateway handshake, mostly waiting on the network, runs,
  // so they are ready when READY arrives. Questions asked before that wait for a worker.
  const answersReady = pool ? pool.launch() : Promise.resolve();
  answersReady.catch((error: unknown) => {
    // A caller that hands in its pool reports this itself (main.ts ends the process).
    if (ownPool)
      logger.error({ err: error }, 'answer workers could not start: questions get an error notice');
  });
  const answerer: Answerer = deps.answerer ?? (pool as AnswerPool);
  const clock = deps.clock ?? Date.now;
  const stopReloadingPool = deps.engines?.onSwap((next) => ownPool?.reload(next.knowledge));
  const ctx: BotContext = {
    engine,
    answerer,
    store,
    logger,
    cooldowns: new Cooldowns(clock),
    limits: {
      channels: new ChannelReplyWindow(undefined, undefined, clock),
      queue: new ReplyQueue(),
      pings: new PingLimiter(undefined, clock),
      ...deps.limits,
    },
    messageContent: config.DISCORD_MESSAGE_CONTENT,
    answerMessageIds: new RecentIds(),
    followUps: new FollowUpMemory({ now: clock }),
    // Retention and grace periods run on the same movable clock as cooldowns and flood limits.
    community: communityOptions(config, () => new Date(clock())),
    alertLimiter: new AlertLimiter(),
  };
  const inflight = new Set<Promise<void>>();
  let accepting = true;
  let started = false;
  let fatalReported = false;
  const reconnectLog = new ReconnectLog(logger);
  const apiBase = deps.restApiBase ?? config.DISCORD_API_BASE;
  const readyTimeoutMs = deps.readyTimeoutMs ?? config.DISCORD_READY_TIMEOUT_SECONDS * 1000;
  const deadline = Date.now() + readyTimeoutMs;
  const track = (work: Promise<void>) => {
    const tracked = work.catch((error: unknown) =>
      logger.error({ err: error }, 'unhandled error in a handler'),
    );
    inflight.add(tracked);
    void tracked.finally(() => inflight.delete(tracked));
  };
  // An event keeps the engine it arrived with, so a reload mid-answer cannot mix two versions.
  const contextForEvent = (): BotContext => (deps.engines ? { ...ctx, engine: deps.engines.current() } : ctx);
  const trackReply = (receivedAt: number, work: Promise<RepliedEvent | undefined>) =>
    track(
      work.then((replied) => {
        if (replied)
          deps.metrics?.recordReply(
            replied.surface,
            replied.outcome,
            (performance.now() - receivedAt) / 1000,
          );
      }),
    );

  const createClient = (messageContent: boolean): Client => {
    const client = new Client({
      intents: [
        GatewayIntentBits.Guilds,
        GatewayIntentBits.GuildMessages,
        GatewayIntentBits.DirectMessages,
        ...(messageContent ? [GatewayIntentBits.MessageContent] : []),
      ],
      // DM channels are not cached at start; without this partial DMs are dropped silently.
      partials: [Partials.Channel],
      // Nothing the bot sends pings anyone unless a reply opts in explicitly (/ask for:).
      allowedMentions: { parse: [], repliedUser: false },
      rest: { api: apiBase, ...deps.rest },
      ...botCacheOptions(),
    });
    client.on(Events.InteractionCreate, (interaction) => {
      if (accepting) trackReply(performance.now(), handleInteraction(interaction, contextForEvent()));
    });
    client.on(Events.MessageCreate, (message) => {
      if (accepting) trackReply(performance.now(), handleMessage(message, contextForEvent()));
    });
    client.on(Events.Error, (error) => logger.error({ err: error }, 'discord client error'));
    client.on(Events.ShardDisconnect, (event, shardId) => {
      // Start-up failures are reported by connect(); after start nobody else will notice.
      const fatal = fatalGatewayClose(event.code);
      if (!started || !accepting || fatalReported) {
        logger.warn({ code: event.code, shardId }, 'gateway disconnected');
        return;
      }
      if (!fatal) {
        logger.error({ code: event.code, shardId }, 'gateway disconnected and will not reconnect');
        return;
      }
      fatalReported = true;
      deps.onFatal?.(fatal);
    });
    client.on(Events.ShardReconnecting, (shardId) => reconnectLog.reconnecting(shardId));
    client.on(Events.ShardResume, (shardId) => reconnectLog.connected(shardId, 'resumed'));
    client.on(Events.ShardReady, (shardId) => reconnectLog.connected(shardId, 'ready'));
    client.rest.on(RESTEvents.RateLimited, (info) => {
      deps.metrics?.recordRateLimited(info.global);
      logger.warn({ route: info.route, retryAfterMs: info.retryAfter, global: info.global }, 'rate limited');
    });
    return client;
  };

  let client = createClient(ctx.messageContent);
  try {
    await connect(client, token, deadline, readyTimeoutMs, apiBase);
  } catch (error) {
    await client.destroy();
    if (!(ctx.messageContent && isDisallowedIntents(error))) {
      stopReloadingPool?.();
      await answerer.close();
      throw error;
    }
    // The portal has not granted MessageContent: run without it rather than not at all.
    logger.warn(
      'the Message Content intent is not granted to this bot; continuing without it (auto-answer channels cannot read messages)',
    );
    ctx.messageContent = false;
    client = createClient(false);
    try {
      await connect(client, token, deadline, readyTimeoutMs, apiBase);
    } catch (retryError) {
      await client.destroy();
      stopReloadingPool?.();
      await answerer.close();
      throw retryError;
    }
  }
  started = true;
  const upkeep = await startCommunityUpkeep(client, ctx, {
    ...(deps.housekeepingIntervalMs ? { housekeepingIntervalMs: deps.housekeepingIntervalMs } : {}),
  });
  logger.info(
    { botUserId: client.user?.id, guilds: client.guilds.cache.size, messageContent: ctx.messageContent },
    'connected to Discord',
  );

  const running = client;
  return {
    client: running,
    answersReady,
    get messageContent() {
      return ctx.messageContent;
    },
    async stop() {
      accepting = false;
      upkeep.stop();
      const drained = Promise.allSettled([...inflight]);
      const timeout = new Promise((resolve) => setTimeout(resolve, deps.drainTimeoutMs ?? 10_000).unref());
      await Promise.race([drained, timeout]);
      await running.destroy();
      stopReloadingPool?.();
      await answerer.close();
      logger.info('disconnected from Discord');
    },
  };
}
