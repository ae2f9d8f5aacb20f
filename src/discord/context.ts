import type { Logger } from 'pino';
import type { Engine, FollowUpContext, FollowUpMemory, SafetyTexts } from '../engine/index.ts';
import type { SettingsStore } from '../store/settingsStore.ts';
import type { AlertLimiter } from './alerts.ts';
import type { Answerer } from './answerPool.ts';
import type { CommunityOptions } from './community.ts';
import type { ChannelReplyWindow, Cooldowns, PingLimiter, ReplyQueue } from './cooldowns.ts';
import { type RenderedReply, renderNotice } from './renderEmbeds.ts';

/** What every handler needs; built once in startBot. */
export interface BotContext {
  /** For notices, topics, lists and autocomplete: fast, bounded work on the main thread. */
  engine: Engine;
  /** Answers free-text questions off the main thread, within the answer time budget. */
  answerer: Answerer;
  store: SettingsStore;
  logger: Logger;
  cooldowns: Cooldowns;
  /** Flood limits on chat replies, and the ping cap of /ask for:. */
  limits: { channels: ChannelReplyWindow; queue: ReplyQueue; pings: PingLimiter };
  /** False when the MessageContent intent is off or was refused: guild message text is then empty. */
  messageContent: boolean;
  /** Ids of messages the bot answered with, so a reply to one is recognised without a fetch. */
  answerMessageIds: RecentIds;
  /**
   * The context of the last answer per conversation (a bot message replied to, a thread, a user's
   * DMs, a user in a channel), in memory only, for ten minutes: follow-ups are read in it.
   */
  followUps: FollowUpMemory<KeptContext>;
  /** Learning from use, data retention and the clock. */
  community: CommunityOptions;
  /** At most one moderator alert per member per 10 minutes. */
  alertLimiter: AlertLimiter;
}

/** A follow-up context and the member whose message it came from (their situation is theirs). */
export interface KeptContext {
  context: FollowUpContext;
  askerId: string;
}

export function safetyOf(ctx: BotContext): SafetyTexts {
  return ctx.engine.notice('').safety;
}

export function renderEngineNotice(ctx: BotContext, text: string, title?: string): RenderedReply {
  return renderNotice(ctx.engine.notice(text), title);
}

/** A bounded set: old ids fall out so memory stays flat on a busy server. */
export class RecentIds {
  readonly #ids = new Set<string>();
  constructor(readonly capacity = 5000) {}

  add(id: string): void {
    this.#ids.add(id);
    if (this.#ids.size > this.capacity) {
      const oldest = this.#ids.values().next().value;
      if (oldest !== undefined) this.#ids.delete(oldest);
    }
  }

  has(id: string): boolean {
    return this.#ids.has(id);
  }
}
