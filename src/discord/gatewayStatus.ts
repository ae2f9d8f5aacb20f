import type { Logger } from 'pino';

/** Close codes after which Discord will not accept the session again without an operator's change. */
const FATAL_CLOSES: Readonly<Record<number, { cause: string; fix: string }>> = {
  4004: {
    cause: 'Discord rejected the bot token (close 4004: it was reset or revoked)',
    fix: 'copy the new token from the Developer Portal (Bot tab) into DISCORD_TOKEN and restart',
  },
  4010: {
    cause: 'Discord refused the shard settings (close 4010: invalid shard)',
    fix: 'check the shard count and shard ids this process was started with',
  },
  4011: {
    cause:
      'Discord requires sharding for this bot (close 4011: it is in too many servers for one connection)',
    fix: 'run the bot with more shards',
  },
  4012: {
    cause: 'Discord refused the gateway API version (close 4012)',
    fix: 'update k2-bot and its discord.js dependency',
  },
  4013: {
    cause: 'Discord refused the requested intents as invalid (close 4013)',
    fix: 'this is a bug in k2-bot: report it with this log line',
  },
  4014: {
    cause:
      'Discord refused a privileged intent (close 4014: Message Content was turned off in the Developer Portal)',
    fix: 'turn Message Content back on (Bot tab, Privileged Gateway Intents) or set DISCORD_MESSAGE_CONTENT=false; a restart without it runs without auto-answer channels',
  },
};

/** The gateway will not come back by itself: the process must end so a supervisor and an operator notice. */
export class GatewayError extends Error {
  constructor(
    readonly closeCode: number | 'ready-timeout',
    readonly reason: string,
    readonly fix: string,
  ) {
    super(`${reason}. Fix: ${fix}`);
    this.name = 'GatewayError';
  }
}

export function fatalGatewayClose(code: number): GatewayError | undefined {
  const known = FATAL_CLOSES[code];
  return known ? new GatewayError(code, known.cause, known.fix) : undefined;
}

export function readyTimeoutError(timeoutMs: number, apiBase: string): GatewayError {
  return new GatewayError(
    'ready-timeout',
    `the Discord gateway did not send READY within ${Math.round(timeoutMs / 1000)} s`,
    `check the network to ${apiBase} and Discord's status; raise DISCORD_READY_TIMEOUT_SECONDS if start-up is just slow`,
  );
}

const FIRST_REPEAT_MS = 1_000;
const LONGEST_SILENCE_MS = 60_000;

/**
 * discord.js retries a lost gateway connection every half second for as long as the outage lasts.
 * One line per attempt buries everything else in the log, so this logs the first attempt, then
 * again after 1 s, 2 s, 4 s, ... (at most once a minute) with the count, and once when the
 * connection is back.
 */
export class ReconnectLog {
  #outageStartedAt: number | undefined;
  #attempts = 0;
  #nextLogAt = 0;
  #interval = FIRST_REPEAT_MS;

  constructor(
    private readonly logger: Pick<Logger, 'info' | 'warn'>,
    private readonly now: () => number = Date.now,
  ) {}

  reconnecting(shardId: number): void {
    const now = this.now();
    this.#attempts += 1;
    if (this.#outageStartedAt === undefined) {
      this.#outageStartedAt = now;
      this.#interval = FIRST_REPEAT_MS;
      this.#nextLogAt = now + this.#interval;
      this.logger.info({ shardId }, 'gateway connection lost; reconnecting');
      return;
    }
    if (now < this.#nextLogAt) return;
    this.#interval = Math.min(this.#interval * 2, LONGEST_SILENCE_MS);
    this.#nextLogAt = now + this.#interval;
    this.logger.warn(
      { shardId, attempts: this.#attempts, downForSeconds: Math.round((now - this.#outageStartedAt) / 1000) },
      'gateway still reconnecting',
    );
  }

  connected(shardId: number, how: 'resumed' | 'ready'): void {
    if (this.#outageStartedAt === undefined) return;
    const downForMs = this.now() - this.#outageStartedAt;
    this.logger.info({ shardId, how, attempts: this.#attempts, downForMs }, 'gateway connection back');
    this.#outageStartedAt = undefined;
    this.#attempts = 0;
  }
}
