import { mkdirSync, statSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { config as loadDotenv } from 'dotenv';
import { z } from 'zod';
import { describeDatabaseUrl } from './store/databaseUrl.ts';

const snowflake = z.string().regex(/^\d{17,20}$/, 'must be a Discord id (17 to 20 digits)');

const booleanText = z
  .enum(['true', 'false', '1', '0', 'yes', 'no'], {
    error: 'must be true or false',
  })
  .transform((value) => value === 'true' || value === '1' || value === 'yes');

const wholeDays = (min: number, max: number) => {
  const error = `must be a whole number of days from ${min} to ${max}`;
  return z.coerce.number({ error }).int({ error }).min(min, { error }).max(max, { error });
};

/** Learning from use: DMs are recorded only when the operator opts in. */
const learningVariables = {
  LEARNING_DMS: booleanText.default(false),
  /** Days votes and recorded questions are kept. */
  LEARNING_RETENTION_DAYS: wholeDays(1, 3650).default(30),
  /** Days a server's data is kept after the bot leaves it, in case it was removed by mistake. */
  GUILD_DATA_GRACE_DAYS: wholeDays(0, 365).default(7),
};

/** Shard ids the way operators write them: `0-3`, `0,2`, `0-1,4`. */
export function parseShardList(text: string): number[] | undefined {
  const ids: number[] = [];
  for (const part of text.split(',').map((p) => p.trim())) {
    const range = /^(\d{1,5})(?:\s*-\s*(\d{1,5}))?$/.exec(part);
    if (!range) return undefined;
    const first = Number(range[1]);
    const last = range[2] === undefined ? first : Number(range[2]);
    if (last < first) return undefined;
    for (let id = first; id <= last; id++) ids.push(id);
  }
  return [...new Set(ids)].sort((a, b) => a - b);
}

const shardCount = z
  .string()
  .regex(/^(auto|[1-9]\d{0,4})$/, { error: 'must be auto or a whole number of shards (1 or more)' })
  .transform((value) => (value === 'auto' ? ('auto' as const) : Number(value)));

const shardList = z.string().transform((text, context) => {
  const ids = parseShardList(text);
  if (!ids) {
    context.addIssue({ code: 'custom', message: 'must list shard ids such as 0-3 or 0,2 or 0-1,4' });
    return z.NEVER;
  }
  return ids;
});

const envSchema = z.object({
  DISCORD_TOKEN: z.string().min(1).optional(),
  DISCORD_CLIENT_ID: snowflake.optional(),
  DISCORD_API_BASE: z
    .url({ protocol: /^https?$/, error: 'must be an http(s) URL such as https://discord.com/api' })
    .transform((url) => url.replace(/\/+$/, ''))
    .default('https://discord.com/api'),
  DATABASE_PATH: z.string().min(1).default('./data/k2-bot.sqlite'),
  /** Set: settings live in PostgreSQL (shared by every shard and host) instead of DATABASE_PATH. */
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\/\S+$/, 'must be a postgres:// or postgresql:// URL')
    .optional(),
  LOG_LEVEL: z
    .enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'], {
      error: 'must be one of fatal, error, warn, info, debug, trace, silent',
    })
    .default('info'),
  DISCORD_MESSAGE_CONTENT: booleanText.default(true),
  DEV_GUILD_ID: snowflake.optional(),
  /** Milliseconds one question may take in the engine before the asker gets a "took too long" notice. */
  ANSWER_TIME_BUDGET_MS: z.coerce
    .number({ error: 'must be a whole number of milliseconds' })
    .int('must be a whole number of milliseconds')
    .min(20, 'must be at least 20 (ms)')
    .max(2500, 'must be at most 2500 (ms): Discord expects an answer to a command within 3 s')
    .default(250),
  /**
   * Answer worker threads per bot process (per shard). Two by default: while one is replaced after
   * a question ran past the budget (about 0.2 s to build its engine), the other keeps answering.
   * Each costs about 35 MB of RSS.
   */
  ANSWER_WORKERS: z.coerce
    .number({ error: 'must be a whole number of worker threads from 1 to 16' })
    .int({ error: 'must be a whole number of worker threads from 1 to 16' })
    .min(1, { error: 'must be a whole number of worker threads from 1 to 16' })
    .max(16, { error: 'must be a whole number of worker threads from 1 to 16' })
    .default(2),
  /** Where the knowledge files live; the repository's knowledge/ folder when unset. */
  KNOWLEDGE_DIR: z.string().min(1).optional(),
  NODE_ENV: z.string().default('development'),
  /**
   * Seconds from start to the gateway's READY before the process gives up and exits 1, so a
   * supervisor sees a bot that cannot get online instead of one that waits silently forever.
   */
  DISCORD_READY_TIMEOUT_SECONDS: z.coerce
    .number({ error: 'must be a whole number of seconds between 5 and 3600' })
    .int({ error: 'must be a whole number of seconds between 5 and 3600' })
    .min(5, { error: 'must be a whole number of seconds between 5 and 3600' })
    .max(3600, { error: 'must be a whole number of seconds between 5 and 3600' })
    .default(60),
  /** Shards of the whole bot (every host): 1 runs today's single process, more run ShardingManager. */
  SHARD_COUNT: shardCount.default(1),
  /** The shards this host runs (default: all of them). */
  SHARD_LIST: shardList.optional(),
  /** Port of the health and metrics server; unset means no server. 0 picks a free port (logged). */
  HEALTH_PORT: z.coerce
    .number({ error: 'must be a port number from 0 to 65535' })
    .int({ error: 'must be a port number from 0 to 65535' })
    .min(0, { error: 'must be a port number from 0 to 65535' })
    .max(65535, { error: 'must be a port number from 0 to 65535' })
    .optional(),
  HEALTH_HOST: z
    .union([z.ipv4(), z.ipv6(), z.literal('localhost')], {
      error: 'must be an IP address to listen on, such as 127.0.0.1 or 0.0.0.0',
    })
    .default('127.0.0.1'),
  /** Reload the knowledge when a file in the knowledge folder changes (SIGHUP always reloads). */
  KNOWLEDGE_WATCH: booleanText.default(false),
  ...learningVariables,
});

export type Config = z.infer<typeof envSchema>;

export interface ConfigProblem {
  variable: string;
  problem: string;
}

/** Missing or malformed environment variables; the message names every one and what it expects. */
export class ConfigError extends Error {
  readonly problems: readonly ConfigProblem[];

  constructor(variable: string, problem: string);
  constructor(problems: readonly ConfigProblem[]);
  constructor(variableOrProblems: string | readonly ConfigProblem[], problem = 'is invalid') {
    const problems =
      typeof variableOrProblems === 'string'
        ? [{ variable: variableOrProblems, problem }]
        : variableOrProblems;
    super(`Invalid configuration: ${problems.map((p) => `${p.variable} ${p.problem}`).join('; ')}`);
    this.name = 'ConfigError';
    this.problems = problems;
  }

  /** The first (often the only) variable named; kept for callers that report one. */
  get variable(): string {
    return this.problems[0]?.variable ?? 'environment';
  }
}

let dotenvLoaded = false;

/**
 * Reads and validates the environment once at start. `.env` is loaded here and only here, and
 * never overrides variables already set, so a real environment always wins over the file.
 */
export function loadConfig(env: NodeJS.ProcessEnv = process.env, options: { dotenv?: boolean } = {}): Config {
  if (options.dotenv !== false && env === process.env && !dotenvLoaded) {
    loadDotenv({ quiet: true });
    dotenvLoaded = true;
  }
  // An empty line like `DEV_GUILD_ID=` in .env means "not set", not "set to nothing".
  const present = Object.fromEntries(
    Object.keys(envSchema.shape)
      .map((key) => [key, env[key]?.trim()] as const)
      .filter(([, value]) => value !== undefined && value !== ''),
  );
  const result = envSchema.safeParse(present);
  if (!result.success) {
    // Every bad variable at once: fixing them one restart at a time wastes an operator's evening.
    const problems = new Map<string, string>();
    for (const issue of result.error.issues) {
      const variable = String(issue.path[0] ?? 'environment');
      if (!problems.has(variable)) problems.set(variable, issue.message);
    }
    throw new ConfigError([...problems].map(([variable, problem]) => ({ variable, problem })));
  }
  checkShardList(result.data);
  return result.data;
}

/** undefined when nothing is there, including "a parent is a file" (ENOTDIR): the caller walks up to it. */
function statOrUndefined(path: string): ReturnType<typeof statSync> {
  try {
    return statSync(path, { throwIfNoEntry: false });
  } catch (error) {
    if ((error as { code?: unknown }).code === 'ENOTDIR') return undefined;
    throw error;
  }
}

/**
 * Makes sure the folder of DATABASE_PATH exists or can be created, before SQLite touches it.
 * Creates it one level at a time: Node's recursive mkdir never returns under /proc, and a
 * parent that is a file deserves "a folder is expected", not EEXIST or ENOTDIR.
 */
export function prepareDatabaseFolder(databasePath: string): void {
  if (databasePath === ':memory:') return;
  const folder = dirname(resolve(databasePath));
  const missing: string[] = [];
  let existing = folder;
  for (;;) {
    const stats = statOrUndefined(existing);
    if (stats) {
      if (!stats.isDirectory()) {
        throw new ConfigError(
          'DATABASE_PATH',
          `must be a file inside a folder, but ${existing} is a file; a folder is expected there (got ${databasePath})`,
        );
      }
      break;
    }
    missing.unshift(existing);
    const parent = dirname(existing);
    if (parent === existing) break;
    existing = parent;
  }
  for (const path of missing) {
    try {
      mkdirSync(path);
    } catch (error) {
      const code = (error as { code?: unknown }).code;
      if (code === 'EEXIST') continue;
      throw new ConfigError(
        'DATABASE_PATH',
        `names a folder that cannot be created: ${path} (${String(code ?? error)}); choose a writable location (got ${databasePath})`,
      );
    }
  }
}

function checkShardList(config: Config): void {
  const list = config.SHARD_LIST;
  if (!list) return;
  // Hosts that each ask Discord for a count could disagree, and shards would then overlap or go missing.
  if (config.SHARD_COUNT === 'auto') {
    throw new ConfigError(
      'SHARD_LIST',
      'needs a fixed SHARD_COUNT (a number, the same on every host), not auto',
    );
  }
  const outside = list.filter((id) => id >= (config.SHARD_COUNT as number));
  if (outside.length) {
    throw new ConfigError(
      'SHARD_LIST',
      `names shard ${outside.slice(0, 3).join(', ')}${outside.length > 3 ? ', …' : ''} but SHARD_COUNT is ${config.SHARD_COUNT} (ids run from 0 to ${(config.SHARD_COUNT as number) - 1})`,
    );
  }
}

/** What may be logged about the configuration: never the token or the database password. */
export function describeConfig(config: Config): Record<string, unknown> {
  return {
    tokenSet: config.DISCORD_TOKEN !== undefined,
    clientId: config.DISCORD_CLIENT_ID,
    apiBase: config.DISCORD_API_BASE,
    databasePath: config.DATABASE_URL ? undefined : config.DATABASE_PATH,
    databaseUrl: config.DATABASE_URL ? describeDatabaseUrl(config.DATABASE_URL) : undefined,
    logLevel: config.LOG_LEVEL,
    messageContent: config.DISCORD_MESSAGE_CONTENT,
    devGuildId: config.DEV_GUILD_ID,
    knowledgeDir: config.KNOWLEDGE_DIR,
    readyTimeoutSeconds: config.DISCORD_READY_TIMEOUT_SECONDS,
    shardCount: config.SHARD_COUNT,
    shardList: config.SHARD_LIST,
    answerTimeBudgetMs: config.ANSWER_TIME_BUDGET_MS,
    answerWorkers: config.ANSWER_WORKERS,
    healthPort: config.HEALTH_PORT,
    healthHost: config.HEALTH_HOST,
    knowledgeWatch: config.KNOWLEDGE_WATCH,
  };
}
