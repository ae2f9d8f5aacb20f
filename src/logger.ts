import { type Logger, pino } from 'pino';

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
