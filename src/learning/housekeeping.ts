import { dayOf, type LearningStore } from '../store/learningStore.ts';

const DAY_MS = 24 * 60 * 60 * 1000;

export interface HousekeepingOptions {
  store: Pick<LearningStore, 'deleteLearnedBefore' | 'forgetGuildsLeftBefore'>;
  /** Votes and questions older than this many days are deleted. */
  retentionDays: number;
  /** A server the bot left is forgotten this many days later. */
  graceDays: number;
  /** The clock; tests move it. */
  now?: () => Date;
  logger?: { info(details: object, message: string): void; error(details: object, message: string): void };
  /** Between runs after the first (at start); a day unless a test shortens it. */
  intervalMs?: number;
}

export interface HousekeepingResult {
  votes: number;
  questions: number;
  forgottenGuilds: number;
}

/** One pass: the retention purge, then the servers whose grace period has run out. */
export async function runHousekeeping(options: HousekeepingOptions): Promise<HousekeepingResult> {
  const now = (options.now ?? (() => new Date()))();
  // A record dated day D is kept through D + retentionDays.
  const keepFrom = dayOf(new Date(now.getTime() - options.retentionDays * DAY_MS));
  const deleted = await options.store.deleteLearnedBefore(keepFrom);
  const forgotten = await options.store.forgetGuildsLeftBefore(
    new Date(now.getTime() - options.graceDays * DAY_MS),
  );
  const result = { ...deleted, forgottenGuilds: forgotten.length };
  if (result.votes + result.questions + result.forgottenGuilds > 0) {
    options.logger?.info({ event: 'housekeeping', ...result }, 'deleted data past its retention');
  }
  return result;
}

export interface Housekeeping {
  /** The run made at start, for callers that must not race it. */
  firstRun: Promise<void>;
  stop(): void;
}

/** Runs at once and then daily; a failed run is logged and retried at the next one. */
export function startHousekeeping(options: HousekeepingOptions): Housekeeping {
  const run = () =>
    runHousekeeping(options).then(
      () => undefined,
      (error: unknown) =>
        options.logger?.error({ event: 'housekeeping-failed', err: error }, 'housekeeping failed'),
    );
  const firstRun = run();
  const timer = setInterval(run, options.intervalMs ?? DAY_MS);
  timer.unref();
  return { firstRun, stop: () => clearInterval(timer) };
}
