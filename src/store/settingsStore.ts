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
}

export type GuildSettingsPatch = Partial<Pick<GuildSettings, 'mode' | 'askVisibility' | 'cooldownSeconds'>>;

export const MAX_COOLDOWN_SECONDS = 3600;

export function defaultGuildSettings(guildId: string): GuildSettings {
  return { guildId, mode: 'mention-only', autoChannelIds: [], askVisibility: 'public', cooldownSeconds: 0 };
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
}

/** Reads a stored row leniently: a value from a newer or hand-edited database falls back to the default. */
export function settingsFromRow(
  guildId: string,
  row: { mode: string; ask_visibility: string; cooldown_seconds: number } | undefined,
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
  };
}

/**
 * Per-server settings. Every write is durable when its promise resolves, and the settings it
 * resolves with were read back from the database, so callers write before they reply and
 * confirm what the database holds. Async so that a networked database can implement it too.
 */
export interface SettingsStore {
  getGuildSettings(guildId: string): Promise<GuildSettings>;
  updateGuildSettings(guildId: string, patch: GuildSettingsPatch): Promise<GuildSettings>;
  addAutoChannel(guildId: string, channelId: string): Promise<GuildSettings>;
  removeAutoChannel(guildId: string, channelId: string): Promise<GuildSettings>;
  resetGuildSettings(guildId: string): Promise<GuildSettings>;
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
