import { config as loadDotenv } from 'dotenv';
import { z } from 'zod';

const snowflake = z.string().regex(/^\d{17,20}$/, 'must be a Discord id (17 to 20 digits)');

const booleanText = z
  .enum(['true', 'false', '1', '0', 'yes', 'no'], {
    error: 'must be true or false',
  })
  .transform((value) => value === 'true' || value === '1' || value === 'yes');

const envSchema = z.object({
  DISCORD_TOKEN: z.string().min(1).optional(),
  DISCORD_CLIENT_ID: snowflake.optional(),
  DISCORD_API_BASE: z
    .url({ protocol: /^https?$/, error: 'must be an http(s) URL such as https://discord.com/api' })
    .transform((url) => url.replace(/\/+$/, ''))
    .default('https://discord.com/api'),
  DATABASE_PATH: z.string().min(1).default('./data/k2-bot.sqlite'),
  LOG_LEVEL: z
    .enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'], {
      error: 'must be one of fatal, error, warn, info, debug, trace, silent',
    })
    .default('info'),
  DISCORD_MESSAGE_CONTENT: booleanText.default(true),
  DEV_GUILD_ID: snowflake.optional(),
  /** Where the knowledge files live; the repository's knowledge/ folder when unset. */
  KNOWLEDGE_DIR: z.string().min(1).optional(),
  NODE_ENV: z.string().default('development'),
});

export type Config = z.infer<typeof envSchema>;

/** A missing or malformed environment variable; the message names it and what is expected. */
export class ConfigError extends Error {
  constructor(
    readonly variable: string,
    readonly problem: string,
  ) {
    super(`Invalid configuration: ${variable} ${problem}`);
    this.name = 'ConfigError';
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
    const issue = result.error.issues[0];
    const variable = String(issue?.path[0] ?? 'environment');
    throw new ConfigError(variable, issue?.message ?? 'is invalid');
  }
  return result.data;
}

/** What may be logged about the configuration: never the token itself. */
export function describeConfig(config: Config): Record<string, unknown> {
  return {
    tokenSet: config.DISCORD_TOKEN !== undefined,
    clientId: config.DISCORD_CLIENT_ID,
    apiBase: config.DISCORD_API_BASE,
    databasePath: config.DATABASE_PATH,
    logLevel: config.LOG_LEVEL,
    messageContent: config.DISCORD_MESSAGE_CONTENT,
    devGuildId: config.DEV_GUILD_ID,
    knowledgeDir: config.KNOWLEDGE_DIR,
  };
}
