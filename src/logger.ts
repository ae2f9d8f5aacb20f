import { createHmac, randomBytes } from 'node:crypto';
import { type LogFn, type Logger, pino } from 'pino';

export type { Logger } from 'pino';

/** Paths that may carry secrets if an object is ever logged whole. */
const REDACT_PATHS = [
  'token',
  '*.token',
  'DISCORD_TOKEN',
  '*.DISCORD_TOKEN',
  'config.DISCORD_TOKEN',
  'authorization',
  'headers.authorization',
  '*.headers.authorization',
  'req.headers.authorization',
];

/** Interaction and webhook tokens sit in REST paths; keep the ids, drop the tokens. */
function redactPath(url: string): string {
  const path = url.startsWith('http') ? new URL(url).pathname : url;
  return path.replace(/\/(webhooks|interactions)\/(\d+)\/[^/]+/g, '/$1/$2/[redacted]');
}

/**
 * Errors are logged by hand-picked fields: a discord.js REST error carries the request body
 * (user text) and a URL with the interaction token, neither of which belongs in an error log.
 */
export function serializeError(error: unknown): Record<string, unknown> {
  if (!(error instanceof Error)) return { message: String(error) };
  const { code, status, method, url } = error as {
    code?: unknown;
    status?: unknown;
    method?: unknown;
    url?: unknown;
  };
  return {
    type: error.name,
    message: error.message,
    stack: error.stack,
    ...(code !== undefined ? { code } : {}),
    ...(status !== undefined ? { status } : {}),
    ...(method !== undefined ? { method } : {}),
    ...(typeof url === 'string' ? { path: redactPath(url) } : {}),
  };
}

/** Fields naming a person: logged as a salted hash above debug (`userId` becomes `userHash`). */
const PERSONAL_ID_FIELDS = new Set(['userId', 'authorId', 'memberId', 'targetUserId', 'forUserId']);
/** Fields carrying what a person wrote: logged only at debug and below. */
const PERSONAL_TEXT_FIELDS = new Set(['text', 'question', 'content', 'options', 'query']);
const DEBUG_LEVEL = 20;

/**
 * A fresh random salt per process: the same member gets the same hash within one run (so an operator can
 * follow one conversation or spot one abuser), but a hash cannot be turned back into a Discord id by
 * hashing every snowflake, and hashes from different runs do not link.
 */
const USER_HASH_SALT = randomBytes(16);

export function hashUserId(id: string): string {
  return createHmac('sha256', USER_HASH_SALT).update(id).digest('hex').slice(0, 16);
}

function withoutPersonalData(fields: Record<string, unknown>, depth = 0): Record<string, unknown> {
  const clean: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(fields)) {
    if (PERSONAL_TEXT_FIELDS.has(key)) continue;
    if (PERSONAL_ID_FIELDS.has(key)) {
      if (typeof value === 'string') clean[key.replace(/Id$/, 'Hash')] = hashUserId(value);
      continue;
    }
    const nested =
      depth < 2 &&
      value !== null &&
      typeof value === 'object' &&
      Object.getPrototypeOf(value) === Object.prototype;
    clean[key] = nested ? withoutPersonalData(value as Record<string, unknown>, depth + 1) : value;
  }
  return clean;
}

/**
 * The privacy rule lives here, not at every call site: a line above debug never carries a user id or
 * what someone wrote, whoever adds the next log call. Debug lines keep them for troubleshooting.
 */
function keepPersonalDataAtDebug(this: Logger, args: Parameters<LogFn>, method: LogFn, level: number): void {
  const [first, ...rest] = args as unknown[];
  if (level > DEBUG_LEVEL && first !== null && typeof first === 'object' && !(first instanceof Error)) {
    method.apply(this, [withoutPersonalData(first as Record<string, unknown>), ...rest] as Parameters<LogFn>);
    return;
  }
  method.apply(this, args);
}

export interface LoggerOptions {
  level: string;
  /** Pretty output is for a human at a terminal in development; everything else gets JSON. */
  pretty?: boolean;
  destination?: NodeJS.WritableStream;
}

export function createLogger(options: LoggerOptions): Logger {
  const base = {
    level: options.level,
    redact: { paths: REDACT_PATHS, censor: '[redacted]' },
    serializers: { err: serializeError },
    hooks: { logMethod: keepPersonalDataAtDebug },
  };
  if (options.pretty) {
    return pino({ ...base, transport: { target: 'pino-pretty', options: { colorize: true } } });
  }
  if (options.destination) return pino(base, options.destination);
  return pino(base);
}

/** pino-pretty is a dev dependency: a production install (`npm ci --omit=dev`) logs JSON instead. */
function isPrettyInstalled(): boolean {
  try {
    import.meta.resolve('pino-pretty');
    return true;
  } catch {
    return false;
  }
}

export function shouldLogPretty(nodeEnv: string): boolean {
  return process.stdout.isTTY === true && nodeEnv === 'development' && isPrettyInstalled();
}
