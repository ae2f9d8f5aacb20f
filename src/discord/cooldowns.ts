import { DEFAULT_COOLDOWN_SECONDS } from '../store/settingsStore.ts';

/**
 * Flood and ping limits, in memory: losing them on restart only forgives a wait. Each takes the
 * clock as a function so tests can move time instead of sleeping.
 */

/** Seconds a member waits between chat questions in DMs, where no server setting applies. */
export const DM_COOLDOWN_SECONDS = DEFAULT_COOLDOWN_SECONDS;
/** Chat replies the bot posts in one channel per window (urgent replies always go out). */
export const CHANNEL_REPLY_LIMIT = 5;
export const CHANNEL_REPLY_WINDOW_MS = 15_000;
/** Chat replies allowed to wait for Discord at once; beyond it new questions are dropped. */
export const MAX_QUEUED_REPLIES = 20;
/** How often one member may be pinged by `/ask for:` in one server. */
export const PING_INTERVAL_MS = 10 * 60_000;

type Clock = () => number;
const MAX_TRACKED = 10_000;

/** Per-member question cooldowns, with at most one "please wait" notice per cooldown. */
export class Cooldowns {
  readonly #lastAsked = new Map<string, number>();
  readonly #notified = new Set<string>();
  constructor(readonly now: Clock = Date.now) {}

  /** Milliseconds left before `key` may ask again; 0 when free. */
  remainingMs(key: string, cooldownSeconds: number): number {
    if (cooldownSeconds <= 0) return 0;
    const last = this.#lastAsked.get(key);
    if (last === undefined) return 0;
    return Math.max(0, last + cooldownSeconds * 1000 - this.now());
  }

  markAsked(key: string): void {
    const now = this.now();
    this.#lastAsked.set(key, now);
    this.#notified.delete(key);
    if (this.#lastAsked.size > MAX_TRACKED) this.#forgetOlderThan(now - 3_600_000);
  }

  /** True the first time a member is told to wait during one cooldown: a notice per message would be a flood. */
  claimNotice(key: string): boolean {
    if (this.#notified.has(key)) return false;
    this.#notified.add(key);
    return true;
  }

  #forgetOlderThan(cutoff: number): void {
    for (const [key, at] of this.#lastAsked) {
      if (at < cutoff) {
        this.#lastAsked.delete(key);
        this.#notified.delete(key);
      }
    }
  }
}

export function cooldownKey(guildId: string | null, userId: string): string {
  return `${guildId ?? 'dm'}:${userId}`;
}

/** At most `limit` replies per channel in any `windowMs`. */
export class ChannelReplyWindow {
  readonly #sent = new Map<string, number[]>();
  constructor(
    readonly limit: number = CHANNEL_REPLY_LIMIT,
    readonly windowMs: number = CHANNEL_REPLY_WINDOW_MS,
    readonly now: Clock = Date.now,
  ) {}

  /** Takes a slot for a reply in `channelId`; false when the channel had `limit` replies in the window. */
  tryTake(channelId: string): boolean {
    const recent = this.#recent(channelId);
    if (recent.length >= this.limit) return false;
    this.record(channelId);
    return true;
  }

  /** Counts a reply that was allowed regardless (urgent). */
  record(channelId: string): void {
    const recent = this.#recent(channelId);
    recent.push(this.now());
    this.#sent.set(channelId, recent);
    if (this.#sent.size > MAX_TRACKED) {
      for (const [id, times] of this.#sent) if (this.#prune(times).length === 0) this.#sent.delete(id);
    }
  }

  #recent(channelId: string): number[] {
    return this.#prune(this.#sent.get(channelId) ?? []);
  }

  #prune(times: number[]): number[] {
    const cutoff = this.now() - this.windowMs;
    while (times.length > 0 && (times[0] ?? 0) <= cutoff) times.shift();
    return times;
  }
}

/**
 * Chat replies decided but not yet accepted by Discord. Under a flood discord.js queues requests
 * behind the rate limits without end, so replies would arrive minutes late; past the cap new
 * questions are dropped instead.
 */
export class ReplyQueue {
  #size = 0;
  #droppedInARow = 0;
  constructor(readonly max: number = MAX_QUEUED_REPLIES) {}

  get size(): number {
    return this.#size;
  }

  /** Questions dropped since a reply last entered; 1 marks the start of an overload (worth one warning). */
  get droppedInARow(): number {
    return this.#droppedInARow;
  }

  /** Enters the queue; `force` (urgent replies) always enters. */
  tryEnter(force = false): boolean {
    if (!force && this.#size >= this.max) {
      this.#droppedInARow += 1;
      return false;
    }
    this.#size += 1;
    if (!force) this.#droppedInARow = 0;
    return true;
  }

  leave(): void {
    this.#size = Math.max(0, this.#size - 1);
  }
}

/** `/ask for:` pings a member at most once per interval per server; later mentions are inert. */
export class PingLimiter {
  readonly #lastPing = new Map<string, number>();
  constructor(
    readonly intervalMs: number = PING_INTERVAL_MS,
    readonly now: Clock = Date.now,
  ) {}

  tryPing(guildId: string | null, targetId: string): boolean {
    const key = `${guildId ?? 'dm'}:${targetId}`;
    const now = this.now();
    const last = this.#lastPing.get(key);
    if (last !== undefined && now - last < this.intervalMs) return false;
    this.#lastPing.set(key, now);
    if (this.#lastPing.size > MAX_TRACKED) {
      for (const [k, at] of this.#lastPing) if (now - at >= this.intervalMs) this.#lastPing.delete(k);
    }
    return true;
  }
}
