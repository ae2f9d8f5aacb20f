import type { FollowUpContext } from './followUp.ts';

/**
 * How long the previous answer stays the context of the next message: ten minutes (issue 7 §5,
 * README "Follow-up questions"). A message after that is read on its own.
 */
export const FOLLOW_UP_TTL_MS = 10 * 60_000;
/** Conversations remembered at once; the least recently used one is forgotten first. */
export const FOLLOW_UP_MAX_CONVERSATIONS = 10_000;

/**
 * The follow-up contexts of many conversations (a terminal session, a channel or a user's DMs, a
 * conversation id of a JSONL file), in memory only: bounded in size and in age. The clock is
 * given so that callers decide what "now" is.
 */
export class FollowUpMemory<Kept = FollowUpContext> {
  private readonly entries = new Map<string, { context: Kept; at: number }>();

  constructor(
    private readonly options: { ttlMs?: number; maxConversations?: number; now?: () => number } = {},
  ) {}

  private get ttl(): number {
    return this.options.ttlMs ?? FOLLOW_UP_TTL_MS;
  }

  private now(): number {
    return (this.options.now ?? Date.now)();
  }

  /** The context of a conversation, or null when there is none or it expired. */
  get(key: string): Kept | null {
    const entry = this.entries.get(key);
    if (!entry) return null;
    if (this.now() - entry.at > this.ttl) {
      this.entries.delete(key);
      return null;
    }
    return entry.context;
  }

  /** Keeps a conversation's new context (null forgets it), as its most recently used. */
  set(key: string, context: Kept | null): void {
    this.entries.delete(key);
    if (!context) return;
    this.entries.set(key, { context, at: this.now() });
    const max = this.options.maxConversations ?? FOLLOW_UP_MAX_CONVERSATIONS;
    while (this.entries.size > max) {
      const oldest = this.entries.keys().next().value as string;
      this.entries.delete(oldest);
    }
  }

  /** Forgets a conversation ("/new" in the terminal chat). */
  forget(key: string): void {
    this.entries.delete(key);
  }

  get size(): number {
    return this.entries.size;
  }
}
