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

export interface LoggerOptions {
  level: string;
  /** Pretty output is for a human at a terminal in development; everything else gets JSON. */
  pretty?: boolean;
  destination?: NodeJS.WritableStream;
}

export function createLogger(options: LoggerOptions): Logger {
  const base = { level: options.level, redact: { paths: REDACT_PATHS, censor: '[redacted]' } };
  if (options.pretty) {
    return pino({ ...base, transport: { target: 'pino-pretty', options: { colorize: true } } });
  }
  if (options.destination) return pino(base, options.destination);
  return pino(base);
}

export function shouldLogPretty(nodeEnv: string): boolean {
  return process.stdout.isTTY === true && nodeEnv === 'development';
}
