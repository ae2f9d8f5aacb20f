import type { APIEmbed } from 'discord.js';
import type { ApiError } from './errors.ts';
import type { ApiComponent, EmuMessage, EmuUser } from './types.ts';
import type { ChangeSignal } from './waiters.ts';

/** A callback body's `data` as the bot sent it (message fields or autocomplete choices). */
export interface CallbackData {
  content?: string;
  flags?: number;
  embeds?: APIEmbed[];
  components?: ApiComponent[];
  choices?: Array<{ name: string; value: string | number }>;
  custom_id?: string;
  title?: string;
  [key: string]: unknown;
}

export interface RecordedCallback {
  type: number;
  data: CallbackData;
}

export interface RejectedCallback extends RecordedCallback {
  status: number;
  code: number;
  error: ApiError;
}

export interface InteractionContext {
  user: EmuUser;
  channelId: string;
  guildId: string | undefined;
  /** Message type for responses: 20 chat input, 23 context menu, 0 otherwise. */
  responseType: number;
  /** Command name and type (application commands and autocomplete only). */
  commandName?: string;
  commandType?: number;
  /** For component interactions: the message the component is on (target of type 6/7). */
  componentMessageId?: string;
}

const DEFAULT_WAIT_MS = 5000;

function snapshot(message: EmuMessage): EmuMessage {
  return structuredClone(message);
}

/**
 * One interaction the emulator sent to the bot, and everything the bot answered.
 * Tests read `callbacks`/`followups` or await `reply()` / `nextFollowup()`.
 */
export class EmuInteraction {
  readonly callbacks: RecordedCallback[] = [];
  /** Callbacks Discord refused (late, double ack, invalid data), with the error sent back. */
  readonly rejectedCallbacks: RejectedCallback[] = [];
  readonly followups: EmuMessage[] = [];
  /** True once the bot deleted its @original response. */
  deleted = false;
  /** The response message (@original): reply, deferred placeholder, or the component's message for type 6/7. */
  original: EmuMessage | undefined;
  /** Autocomplete choices from the type-8 callback. */
  choices: Array<{ name: string; value: string | number }> | undefined;
  /** Snapshot of the first visible response. */
  private visible: EmuMessage | undefined;
  private followupCursor = 0;

  constructor(
    readonly id: string,
    readonly token: string,
    /** Interaction type: 2 command, 3 component, 4 autocomplete. */
    readonly type: number,
    readonly createdAt: number,
    readonly context: InteractionContext,
    private readonly signal: ChangeSignal,
  ) {}

  get acknowledged(): boolean {
    return this.callbacks.length > 0;
  }

  /** Type of the accepted callback (4, 5, 6, 7, 8 or 9), undefined before the ack. */
  get ackType(): number | undefined {
    return this.callbacks[0]?.type;
  }

  markVisible(message: EmuMessage): void {
    if (!this.visible) this.visible = snapshot(message);
    this.signal.notify();
  }

  addFollowup(message: EmuMessage): void {
    this.followups.push(message);
    this.signal.notify();
  }

  /**
   * First visible response: the type 4/7 callback message, or (after a type 5/6 defer) the first
   * @original edit (or the first follow-up, which Discord turns into the deferred response).
   * `flags & 64` tells whether it is ephemeral. Rejects on timeout.
   */
  reply(timeoutMs = DEFAULT_WAIT_MS): Promise<EmuMessage> {
    return this.signal.waitFor(() => this.visible, timeoutMs, `a visible response to interaction ${this.id}`);
  }

  /** The next follow-up not yet returned by nextFollowup(), in order. */
  async nextFollowup(timeoutMs = DEFAULT_WAIT_MS): Promise<EmuMessage> {
    const message = await this.signal.waitFor(
      () => this.followups[this.followupCursor],
      timeoutMs,
      `follow-up #${this.followupCursor + 1} of interaction ${this.id}`,
    );
    this.followupCursor++;
    return message;
  }

  /** The first accepted callback (any type, including defers). */
  callback(timeoutMs = DEFAULT_WAIT_MS): Promise<RecordedCallback> {
    return this.signal.waitFor(() => this.callbacks[0], timeoutMs, `a callback for interaction ${this.id}`);
  }
}
