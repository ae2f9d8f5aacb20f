import type { ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { availableParallelism } from 'node:os';
import { DiscordAPIError, REST, Routes, type Shard, ShardingManager } from 'discord.js';
import { type Config, ConfigError, describeConfig } from '../config.ts';
import { createLogger, type Logger, shouldLogPretty } from '../logger.ts';
import { HealthPortError, type HealthServer } from '../ops/healthServer.ts';
import { isShardAnswer, resolveShardEntry, SHARD_STOP_MESSAGE, type ShardQuestion } from './sharding.ts';
import { startShardsHealthServer } from './shardingHealth.ts';

/** Discord allows max_concurrency IDENTIFYs per 5 s; discord.js's own default spacing is 5.5 s. */
const IDENTIFY_WINDOW_MS = 5_500;
/** How long a child may take from start to its gateway READY. */
const SHARD_READY_TIMEOUT_MS = 60_000;
/** A child that stayed up this long is healthy again: its next crash restarts it after 1 s. */
const STABLE_AFTER_MS = 60_000;
const MAX_RESTART_DELAY_MS = 60_000;
/** Children drain replies in flight for up to 10 s on SIGTERM; give them that plus closing time. */
const STOP_TIMEOUT_MS = 20_000;

export interface ShardStatus {
  id: number;
  /** The child's gateway connection is READY (discord.js reports it over IPC). */
  ready: boolean;
  pid: number | undefined;
  /** Times the manager restarted this shard after its process exited. */
  restarts: number;
}

export interface RunningShardManager {
  manager: ShardingManager;
  totalShards: number;
  shardIds: number[];
  statuses(): ShardStatus[];
  /**
   * Asks one shard child a question it answers with answerShardManager (see sharding.ts); rejects
   * when the child is not running or does not answer in time.
   */
  ask(shardId: number, what: string, timeoutMs?: number): Promise<unknown>;
  /** Stops every child gracefully (they finish replies in flight) and no longer restarts them. */
  stop(): Promise<void>;
}

interface GatewayBot {
  shards: number;
  session_start_limit: { max_concurrency: number };
}

async function fetchGatewayBot(config: Config, token: string): Promise<GatewayBot> {
  const rest = new REST({ api: config.DISCORD_API_BASE, retries: 2, timeout: 10_000 }).setToken(token);
  try {
    return (await rest.get(Routes.gatewayBot())) as GatewayBot;
  } catch (error) {
    if (error instanceof DiscordAPIError && error.status === 401) {
      throw new ConfigError('DISCORD_TOKEN', 'was rejected by Discord: check the bot token');
    }
    throw error;
  }
}

function exitOf(child: unknown): { exitCode: number | null; signal: NodeJS.Signals | null } {
  const process = child as ChildProcess | null;
  return { exitCode: process?.exitCode ?? null, signal: process?.signalCode ?? null };
}

/**
 * Starts the shards this host runs (SHARD_LIST, default all of SHARD_COUNT) as child processes with
 * discord.js's ShardingManager, each running the normal bot (see main.ts) for its shard only. A child
 * that exits is restarted, after 1 s and then with doubling delays while it keeps failing.
 */
export interface StartShardManagerOptions {
  beforeSpawn?: (running: RunningShardManager) => Promise<void>;
}

/**
 * V8 flags of every shard child (its answer worker thread shares them). A shard holds about 35 MB
 * live on its main thread (engine, discord.js, code) and 22 MB in its worker, but with
 * `--max-semi-space-size=4` alone a burst of 200 askers left the main thread's old generation at
 * 50-57 MB of mostly garbage and each thread's young generation at 8 MB: 158-165 MB RSS after the
 * paced run of `npm run bench:shards` and 172-181 MB after its saturation run (2026-12-01, load 1-2).
 * 1 MB semi-spaces and a 10 % heap growing step (V8's default grows the old generation by up to
 * 1.5-4 times its live size) measured 137-147 and 150-159 MB, for about 15-20 % more CPU per
 * question under saturation (1.7 → 2.0-2.1 ms per shard) and the same paced latency. README
 * ("Memory per shard") lists the alternatives measured. `npm start` of a single process keeps
 * `--max-semi-space-size=4`: only shards have a memory target.
 */
export const SHARD_NODE_FLAGS = ['--max-semi-space-size=1', '--heap-growing-percent=10'];

/**
 * glibc's malloc gives threads that allocate at once arenas of their own, up to 8 per core, and
 * memory freed in one arena is not reused by another thread: a shard process has a main thread, an
 * answer worker, libuv's 4 pool threads and V8's helper threads. Two arenas keep that memory shared.
 * Set for every shard child unless the operator set MALLOC_ARENA_MAX; ignored by other C libraries.
 */
export const SHARD_MALLOC_ARENA_MAX = '2';

/** The variables a shard child gets on top of the manager's environment. */
export function shardChildEnvironment(
  managerEnv: NodeJS.ProcessEnv,
  answerWorkers: number | undefined,
): Record<string, string> {
  return {
    // Read by the child's config; an operator's own ANSWER_WORKERS is passed on untouched.
    ...(answerWorkers !== undefined ? { ANSWER_WORKERS: String(answerWorkers) } : {}),
    ...(managerEnv.MALLOC_ARENA_MAX?.trim() ? {} : { MALLOC_ARENA_MAX: SHARD_MALLOC_ARENA_MAX }),
  };
}

/**
 * Answer workers per shard process when the operator has not set ANSWER_WORKERS: the host's cores
 * shared among the shards it runs, at least 1 and at most the single-process default of 2. Worker
 * threads beyond the cores add no answers per second, only memory (about 35 MB each): on a 2-core
 * host running 2 shards that is one each.
 */
export function shardAnswerWorkers(cores: number, shardsOnHost: number): number {
  return Math.max(1, Math.min(2, Math.floor(cores / Math.max(1, shardsOnHost))));
}

export async function startShardManager(
  config: Config,
  logger: Logger,
  options: StartShardManagerOptions = {},
): Promise<RunningShardManager> {
  const token = config.DISCORD_TOKEN;
  if (!token) throw new Error('DISCORD_TOKEN is required to run shards');
  const gateway = await fetchGatewayBot(config, token);
  const totalShards = config.SHARD_COUNT === 'auto' ? gateway.shards : config.SHARD_COUNT;
  const shardIds = config.SHARD_LIST ?? [...Array(totalShards).keys()];
  const maxConcurrency = Math.max(1, gateway.session_start_limit.max_concurrency);
  const entry = resolveShardEntry();
  logger.info(
    { totalShards, shardIds, recommendedShards: gateway.shards, maxConcurrency, entry: entry.file },
    'starting shards',
  );

  const manager = new ShardingManager(entry.file, {
    totalShards,
    shardList: shardIds,
    mode: 'process',
    // Restarts are ours: discord.js would restart a crashing child at once, forever.
    respawn: false,
    execArgv: [...SHARD_NODE_FLAGS, ...entry.execArgv],
    token,
  });

  let supervising = false;
  let stopping = false;
  let nextQuestionId = 1;
  const pendingAnswers = new Map<number, (answer: { result?: unknown; error?: string }) => void>();
  const restartTimers = new Set<NodeJS.Timeout>();
  const restarts = new Map<number, number>();

  const answerWorkers = process.env.ANSWER_WORKERS?.trim()
    ? undefined
    : shardAnswerWorkers(availableParallelism(), shardIds.length);
  const supervise = (shard: Shard): void => {
    const log = logger.child({ shardId: shard.id });
    Object.assign(shard.env as NodeJS.ProcessEnv, shardChildEnvironment(process.env, answerWorkers));
    let readySince: number | undefined;
    let failures = 0;
    shard.on('spawn', (child) => log.info({ pid: (child as ChildProcess).pid }, 'shard process started'));
    shard.on('ready', () => {
      readySince = Date.now();
      log.info('shard ready');
    });
    shard.on('disconnect', () => log.warn('shard disconnected from the gateway'));
    shard.on('reconnecting', () => log.info('shard reconnecting'));
    shard.on('resume', () => log.info('shard resumed'));
    shard.on('error', (error: Error) => log.error({ err: error }, 'shard error'));
    shard.on('message', (message: unknown) => {
      if (isShardAnswer(message)) pendingAnswers.get(message.id)?.(message);
    });
    shard.on('death', (child: unknown) => {
      const exit = exitOf(child);
      if (stopping) {
        log.info(exit, 'shard process stopped');
        return;
      }
      log.warn(exit, 'shard process exited');
      // During start-up the failure stops the manager instead (see below).
      if (!supervising) return;
      const stable = readySince !== undefined && Date.now() - readySince >= STABLE_AFTER_MS;
      failures = stable ? 1 : failures + 1;
      readySince = undefined;
      const delayMs = Math.min(MAX_RESTART_DELAY_MS, 1000 * 2 ** (failures - 1));
      log.info({ delayMs }, 'restarting shard');
      const timer = setTimeout(() => {
        restartTimers.delete(timer);
        if (stopping) return;
        restarts.set(shard.id, (restarts.get(shard.id) ?? 0) + 1);
        shard.spawn(SHARD_READY_TIMEOUT_MS).catch((error: unknown) => {
          // A death before READY schedules the next attempt itself; other failures are only logged.
          log.error({ err: error }, 'restarted shard did not become ready');
        });
      }, delayMs);
      restartTimers.add(timer);
    });
  };
  manager.on('shardCreate', supervise);

  const stop = async (): Promise<void> => {
    stopping = true;
    for (const timer of restartTimers) clearTimeout(timer);
    restartTimers.clear();
    const children = [...manager.shards.values()]
      .map((shard) => shard.process)
      .filter(
        (child): child is ChildProcess =>
          child !== null && child.exitCode === null && child.signalCode === null,
      );
    await Promise.all(
      children.map(async (child) => {
        const exited = once(child, 'exit');
        // A message, not a signal: it cannot double up with the signal a terminal or systemd may
        // already have sent the whole process group (see joinShardManager).
        if (child.connected) child.send(SHARD_STOP_MESSAGE, () => {});
        else child.kill('SIGTERM');
        const timer = setTimeout(() => child.kill('SIGKILL'), STOP_TIMEOUT_MS);
        await exited;
        clearTimeout(timer);
      }),
    );
  };

  const ask = (shardId: number, what: string, timeoutMs = 2000): Promise<unknown> => {
    const child = manager.shards.get(shardId)?.process;
    if (!child?.connected) return Promise.reject(new Error(`shard ${shardId} is not running`));
    const id = nextQuestionId++;
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        pendingAnswers.delete(id);
        reject(new Error(`shard ${shardId} did not answer within ${timeoutMs} ms`));
      }, timeoutMs);
      pendingAnswers.set(id, (answer) => {
        clearTimeout(timer);
        pendingAnswers.delete(id);
        if (answer.error !== undefined) reject(new Error(`shard ${shardId}: ${answer.error}`));
        else resolve(answer.result);
      });
      const question: ShardQuestion = { k2: 'ask', id, what };
      child.send(question, (error) => {
        if (!error) return;
        clearTimeout(timer);
        pendingAnswers.delete(id);
        reject(new Error(`shard ${shardId} is not running (${error.message})`));
      });
    });
  };

  const running: RunningShardManager = {
    manager,
    totalShards,
    shardIds,
    ask,
    statuses: () =>
      shardIds.map((id) => {
        const shard = manager.shards.get(id);
        return {
          id,
          ready: shard?.ready ?? false,
          pid: shard?.process?.pid,
          restarts: restarts.get(id) ?? 0,
        };
      }),
    stop,
  };
  // Before any shard starts, so a health server can already say the host is not ready yet.
  await options.beforeSpawn?.(running);

  try {
    await manager.spawn({
      amount: totalShards,
      delay: Math.ceil(IDENTIFY_WINDOW_MS / maxConcurrency),
      timeout: SHARD_READY_TIMEOUT_MS,
    });
  } catch (error) {
    await stop();
    throw new Error(`shards did not start: ${error instanceof Error ? error.message : String(error)}`);
  }
  supervising = true;
  logger.info({ shardIds }, 'all shards ready');
  return running;
}

/** Each shard re-reads and swaps the knowledge itself (main.ts answers 'reload-knowledge'); the outcome is logged per shard. */
async function reloadKnowledgeInShards(running: RunningShardManager, logger: Logger): Promise<void> {
  logger.info({ shardIds: running.shardIds }, 'SIGHUP: reloading the knowledge in every shard');
  await Promise.all(
    running.shardIds.map(async (shardId) => {
      try {
        const result = (await running.ask(shardId, 'reload-knowledge', 30_000)) as { ok?: boolean };
        if (result.ok) logger.info({ shardId, result }, 'shard reloaded the knowledge');
        else logger.error({ shardId, result }, 'shard kept its knowledge: the edited files are invalid');
      } catch (error) {
        logger.error({ shardId, err: error }, 'shard could not reload the knowledge');
      }
    }),
  );
}

function waitForShutdownSignal(): Promise<NodeJS.Signals> {
  return new Promise((resolve) => {
    const onSignal = (signal: NodeJS.Signals) => {
      process.off('SIGINT', onSignal);
      process.off('SIGTERM', onSignal);
      resolve(signal);
    };
    process.on('SIGINT', onSignal);
    process.on('SIGTERM', onSignal);
  });
}

/** The manager process: its own logger, the shards, and a graceful stop on SIGINT/SIGTERM. */
export async function runShardManager(config: Config): Promise<number> {
  const logger = createLogger({ level: config.LOG_LEVEL, pretty: shouldLogPretty(config.NODE_ENV) }).child({
    shard: 'manager',
  });
  logger.info({ config: describeConfig(config) }, 'starting k2-bot shard manager');
  const signalled = waitForShutdownSignal();
  let running: RunningShardManager | undefined;
  // `systemctl reload` signals only the main process: each shard reloads its own knowledge. During
  // start-up there is nothing to forward: the shards read the files as they start.
  const onHangup = () => {
    if (!running) return logger.info('SIGHUP during start-up: the shards load the current knowledge');
    void reloadKnowledgeInShards(running, logger);
  };
  process.on('SIGHUP', onHangup);
  let draining = false;
  let health: HealthServer | undefined;
  running = await startShardManager(config, logger, {
    async beforeSpawn(shards) {
      if (config.HEALTH_PORT === undefined) return;
      try {
        health = await startShardsHealthServer({
          host: config.HEALTH_HOST,
          port: config.HEALTH_PORT,
          running: shards,
          draining: () => draining,
          logger,
        });
      } catch (error) {
        if (error instanceof HealthPortError)
          throw new ConfigError('HEALTH_PORT', `cannot be used: ${error.message}`);
        throw error;
      }
    },
  }).catch(async (error: unknown) => {
    await health?.close();
    throw error;
  });
  const signal = await signalled;
  // A second signal means "now": skip the drain.
  process.once('SIGINT', () => process.exit(130));
  process.once('SIGTERM', () => process.exit(143));
  logger.info({ signal }, 'shutting down: stopping shards');
  process.off('SIGHUP', onHangup);
  draining = true;
  await running.stop();
  await health?.close();
  logger.info('stopped');
  return 0;
}
