import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Config } from '../config.ts';
import type { Logger } from '../logger.ts';

/**
 * `single`: today's one process with one gateway connection. `shard-manager`: starts one child
 * process per shard and runs no bot itself. `shard`: a child started by the manager.
 */
export type ProcessRole = 'single' | 'shard-manager' | 'shard';

/** discord.js's ShardingManager marks its children with SHARDING_MANAGER=true and SHARDS=<id>. */
export function processRole(config: Config, env: NodeJS.ProcessEnv = process.env): ProcessRole {
  if (env.SHARDING_MANAGER === 'true') return 'shard';
  return config.SHARD_COUNT === 1 && config.SHARD_LIST === undefined ? 'single' : 'shard-manager';
}

/** The shard ids a child process runs (discord.js passes them in SHARDS), or undefined outside a child. */
export function shardIdsOfThisProcess(env: NodeJS.ProcessEnv = process.env): number[] | undefined {
  if (env.SHARDING_MANAGER !== 'true' || env.SHARDS === undefined) return undefined;
  const parsed = JSON.parse(env.SHARDS) as number | number[];
  return Array.isArray(parsed) ? parsed : [parsed];
}

/** The IPC message the manager sends a shard child to make it stop gracefully. */
export const SHARD_STOP_MESSAGE = { k2: 'stop' } as const;

/** A question the manager asks a shard child over IPC (e.g. its readiness and metrics). */
export interface ShardQuestion {
  k2: 'ask';
  id: number;
  what: string;
}

export interface ShardAnswer {
  k2: 'answer';
  id: number;
  result?: unknown;
  error?: string;
}

export function isShardQuestion(message: unknown): message is ShardQuestion {
  const candidate = message as Partial<ShardQuestion> | null;
  return candidate?.k2 === 'ask' && typeof candidate.id === 'number' && typeof candidate.what === 'string';
}

export function isShardAnswer(message: unknown): message is ShardAnswer {
  const candidate = message as Partial<ShardAnswer> | null;
  return candidate?.k2 === 'answer' && typeof candidate.id === 'number';
}

/**
 * In a shard child: answers the manager's questions with these handlers (results must survive
 * IPC's JSON). Elsewhere does nothing, so main.ts can call it unconditionally.
 */
export function answerShardManager(
  handlers: Record<string, () => Promise<unknown>>,
  env: NodeJS.ProcessEnv = process.env,
): void {
  if (!shardIdsOfThisProcess(env) || !process.send) return;
  process.on('message', (message: unknown) => {
    if (!isShardQuestion(message)) return;
    const handler = handlers[message.what];
    const reply = (answer: Omit<ShardAnswer, 'k2' | 'id'>): void => {
      if (process.connected)
        process.send?.({ k2: 'answer', id: message.id, ...answer } satisfies ShardAnswer);
    };
    if (!handler) {
      reply({ error: `this shard cannot answer '${message.what}'` });
      return;
    }
    handler().then(
      (result) => reply({ result }),
      (error: unknown) => reply({ error: error instanceof Error ? error.message : String(error) }),
    );
  });
}

function isStopMessage(message: unknown): boolean {
  return (message as { k2?: unknown } | null)?.k2 === SHARD_STOP_MESSAGE.k2;
}

/**
 * In a shard child: tags every log line with the shard id, and stops the process gracefully when
 * the manager asks or goes away (its IPC channel closes: it was killed), so no shard is left running
 * without a supervisor. Elsewhere returns the logger unchanged.
 */
export function joinShardManager(logger: Logger, env: NodeJS.ProcessEnv = process.env): Logger {
  const shardIds = shardIdsOfThisProcess(env);
  if (!shardIds) return logger;
  const shardLogger = logger.child({ shard: shardIds.length === 1 ? shardIds[0] : shardIds });
  let stopping = false;
  const markStopping = (): void => {
    stopping = true;
  };
  process.once('SIGINT', markStopping);
  process.once('SIGTERM', markStopping);
  // The stop goes through SIGTERM, main.ts's graceful path. A terminal's Ctrl+C or systemd may have
  // signalled the whole process group already, and a second signal would mean "stop now, skip the
  // drain", so only signal ourselves when nobody else did.
  const stop = (): void => {
    if (!stopping) process.kill(process.pid, 'SIGTERM');
  };
  process.on('message', (message: unknown) => {
    if (isStopMessage(message)) stop();
  });
  process.once('disconnect', stop);
  // discord.js reports gateway changes to the manager without a callback; once the manager is gone
  // those reports fail with ERR_IPC_CHANNEL_CLOSED as an 'error' event, which would crash the drain.
  process.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code !== 'ERR_IPC_CHANNEL_CLOSED') shardLogger.warn({ err: error }, 'IPC error');
  });
  return shardLogger;
}

export interface ShardEntry {
  /** The composition root each child runs: main.ts under tsx, main.js once compiled. */
  file: string;
  execArgv: string[];
}

/**
 * The entry a shard child runs, next to this module: compiled JavaScript runs as is, TypeScript
 * (development, tests) through tsx's loader, resolved from here so the working directory does not matter.
 */
export function resolveShardEntry(moduleUrl: string = import.meta.url): ShardEntry {
  const ownExtension = moduleUrl.endsWith('.ts') ? '.ts' : '.js';
  const candidates = [ownExtension, ownExtension === '.ts' ? '.js' : '.ts'].map((extension) =>
    fileURLToPath(new URL(`../main${extension}`, moduleUrl)),
  );
  const file = candidates.find((candidate) => existsSync(candidate));
  if (!file) throw new Error(`no shard entry: none of ${candidates.join(', ')} exists`);
  return { file, execArgv: file.endsWith('.ts') ? ['--import', import.meta.resolve('tsx')] : [] };
}
