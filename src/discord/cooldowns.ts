/** Per-member question cooldowns, in memory: losing them on restart only forgives a wait. */
export class Cooldowns {
  readonly #lastAsked = new Map<string, number>();
  constructor(readonly now: () => number = Date.now) {}

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
    if (this.#lastAsked.size > 10_000) this.#forgetOlderThan(now - 3_600_000);
  }

  #forgetOlderThan(cutoff: number): void {
    for (const [key, at] of this.#lastAsked) if (at < cutoff) this.#lastAsked.delete(key);
  }
}

export function cooldownKey(guildId: string | null, userId: string): string {
  return `${guildId ?? 'dm'}:${userId}`;
}
