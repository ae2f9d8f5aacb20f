import type { LearningStore } from './learningStore.ts';

/** How the bot treats chat messages in a server. Slash commands work in every mode. */
export const ANSWER_MODES = ['mention-only', 'auto-channels', 'off'] as const;
export type AnswerMode = (typeof ANSWER_MODES)[number];

export const ASK_VISIBILITIES = ['public', 'private'] as const;
export type AskVisibility = (typeof ASK_VISIBILITIES)[number];

export interface GuildSettings {
  guildId: string;
  mode: AnswerMode;
  /** Channels where questions are answered without a mention (mode `auto-channels`). */
  autoChannelIds: string[];
  /** Default visibility of /ask answers when the member does not choose. */
  askVisibility: AskVisibility;
  /** Seconds a member waits between questions; 0 is off. Urgent messages bypass it. */
  cooldownSeconds: number;
  /** Record declined, partly covered and low-confidence questions (cleaned) for the operator's review. */
  learning: boolean;
  /** Where moderators are told about messages that sound like an emergency; null is off. */
  alertChannelId: string | null;
  /** The role pinged with an alert (the only ping an alert makes); null pings nobody. */
  alertRoleId: string | null;
  /** A short server note shown under every answer in this server; null is none. */
  note: string | null;
}

export type GuildSettingsPatch = Partial<
  Pick<
    GuildSettings,
    'mode' | 'askVisibility' | 'cooldownSeconds' | 'learning' | 'alertChannelId' | 'alertRoleId' | 'note'
  >
>;

export const MAX_COOLDOWN_SECONDS = 3600;
/** A member's wait between chat questions until an admin changes it: a server is protected out of the box. */
export const DEFAULT_COOLDOWN_SECONDS = 5;

export function defaultGuildSettings(guildId: string): GuildSettings {
  return {
    guildId,
    mode: 'mention-only',
    autoChannelIds: [],
    askVisibility: 'public',
    cooldownSeconds: DEFAULT_COOLDOWN_SECONDS,
    learning: false,
    alertChannelId: null,
    alertRoleId: null,
    note: null,
  };
}

export const MAX_NOTE_CHARS = 200;

const DISCORD_ID = /^\d{17,20}$/;
/** Links of any form, including bare domains and invites: a note points to channels, not sites. */
const LINK =
  /(https?:\/\/|www\.|discord(app)?\.(gg|com)\/|\b[a-z0-9-]+\.(com|net|org|gg|io|co|me|ly|info|xyz|app|link|to)\b)/i;

/** Why a server note cannot be stored, or null when it can. */
export function noteProblem(note: string): string | null {
  if (note.length > MAX_NOTE_CHARS) {
    return `The note is ${note.length} characters; at most ${MAX_NOTE_CHARS} are allowed.`;
  }
  if (LINK.test(note))
    return 'The note cannot contain links; name a channel instead (for example #health-resources).';
  return null;
}

export function isAnswerMode(value: unknown): value is AnswerMode {
  return (ANSWER_MODES as readonly unknown[]).includes(value);
}

export function isAskVisibility(value: unknown): value is AskVisibility {
  return (ASK_VISIBILITIES as readonly unknown[]).includes(value);
}

/** A value no store may write; the message says what is allowed. */
export class SettingsValueError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'SettingsValueError';
  }
}

/**
 * Every store checks a patch before writing, whatever the caller checked: Discord's client-side
 * limits are not a guarantee, and a bad row would be read back as a default later.
 */
export function checkSettingsPatch(patch: GuildSettingsPatch): void {
  if (patch.mode !== undefined && !isAnswerMode(patch.mode)) {
    throw new SettingsValueError(`Unknown mode "${String(patch.mode)}": use ${ANSWER_MODES.join(', ')}.`);
  }
  if (patch.askVisibility !== undefined && !isAskVisibility(patch.askVisibility)) {
    throw new SettingsValueError(
      `Unknown visibility "${String(patch.askVisibility)}": use ${ASK_VISIBILITIES.join(' or ')}.`,
    );
  }
  const cooldown = patch.cooldownSeconds;
  if (
    cooldown !== undefined &&
    !(Number.isInteger(cooldown) && cooldown >= 0 && cooldown <= MAX_COOLDOWN_SECONDS)
  ) {
    throw new SettingsValueError(
      `Cooldown must be a whole number of seconds from 0 to ${MAX_COOLDOWN_SECONDS} (got ${String(cooldown)}).`,
    );
  }
  if (patch.learning !== undefined && typeof patch.learning !== 'boolean') {
    throw new SettingsValueError(`Learning is on or off (got ${String(patch.learning)}).`);
  }
  for (const [name, id] of [
    ['alert channel', patch.alertChannelId],
    ['alert role', patch.alertRoleId],
  ] as const) {
    if (id !== undefined && id !== null && !(typeof id === 'string' && DISCORD_ID.test(id))) {
      throw new SettingsValueError(`The ${name} must be a Discord id (got ${String(id)}).`);
    }
  }
  if (patch.note !== undefined && patch.note !== null) {
    const problem = typeof patch.note === 'string' ? noteProblem(patch.note) : 'The note must be text.';
    if (problem) throw new SettingsValueError(problem);
  }
}

/** The columns behind the settings added in schema 3 (learning, alerts, note); absent in older rows. */
export interface CommunityColumns {
  learning?: number | boolean | null;
  alert_channel_id?: string | null;
  alert_role_id?: string | null;
  note?: string | null;
}

/** Stored ids and notes: an empty string (what the stores write for "none") reads as null. */
function presentOrNull(value: string | null | undefined): string | null {
  return value ? value : null;
}

/** Reads a stored row leniently: a value from a newer or hand-edited database falls back to the default. */
export function settingsFromRow(
  guildId: string,
  row: ({ mode: string; ask_visibility: string; cooldown_seconds: number } & CommunityColumns) | undefined,
  autoChannelIds: string[],
): GuildSettings {
  const defaults = defaultGuildSettings(guildId);
  if (!row) return { ...defaults, autoChannelIds };
  return {
    guildId,
    mode: isAnswerMode(row.mode) ? row.mode : defaults.mode,
    askVisibility: isAskVisibility(row.ask_visibility) ? row.ask_visibility : defaults.askVisibility,
    cooldownSeconds: Math.min(
      MAX_COOLDOWN_SECONDS,
      Math.max(0, Math.trunc(Number(row.cooldown_seconds) || 0)),
    ),
    autoChannelIds,
    learning: row.learning === true || row.learning === 1,
    alertChannelId: presentOrNull(row.alert_channel_id),
    alertRoleId: presentOrNull(row.alert_role_id),
    note: presentOrNull(row.note),
  };
}

/**
 * Per-server settings. Every write is durable when its promise resolves, and the settings it
 * resolves with were read back from the database, so callers write before they reply and
 * confirm what the database holds. Async so that a networked database can implement it too.
 */
export interface SettingsStore extends LearningStore {
  getGuildSettings(guildId: string): Promise<GuildSettings>;
  updateGuildSettings(guildId: string, patch: GuildSettingsPatch): Promise<GuildSettings>;
  addAutoChannel(guildId: string, channelId: string): Promise<GuildSettings>;
  removeAutoChannel(guildId: string, channelId: string): Promise<GuildSettings>;
  /** Back to the defaults; the learning records and votes stay (see forgetGuild). */
  resetGuildSettings(guildId: string): Promise<GuildSettings>;
  /**
   * Resolves when the database takes reads and writes now; rejects with a StoreError naming the
   * reason otherwise. For readiness probes: reads keep answering from memory during an outage.
   */
  checkHealth?(): Promise<void>;
  close(): Promise<void>;
}

/** Where a store reports trouble it handled itself (a reopened file, a lost connection). */
export interface StoreLogger {
  error(details: object, message: string): void;
  warn(details: object, message: string): void;
  info(details: object, message: string): void;
}

/**
 * The settings database cannot be used. `reason` is safe to show a server admin (no paths, no
 * credentials); the message adds where, for the operator's log.
 */
export class StoreError extends Error {
  constructor(
    readonly where: string,
    readonly reason: string,
    detail?: string,
  ) {
    super(`Settings database ${where}: ${reason}${detail ? ` (${detail})` : ''}`);
    this.name = 'StoreError';
  }
}
