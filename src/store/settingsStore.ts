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

/**
 * Per-server settings. Every write is durable when its promise resolves, so callers write
 * before they reply. Async so that a networked database can implement it too.
 */
export interface SettingsStore {
  getGuildSettings(guildId: string): Promise<GuildSettings>;
  updateGuildSettings(guildId: string, patch: GuildSettingsPatch): Promise<GuildSettings>;
  addAutoChannel(guildId: string, channelId: string): Promise<GuildSettings>;
  removeAutoChannel(guildId: string, channelId: string): Promise<GuildSettings>;
  resetGuildSettings(guildId: string): Promise<GuildSettings>;
  close(): Promise<void>;
}

/** The settings database cannot be used; the message names the file. */
export class StoreError extends Error {
  constructor(
    readonly path: string,
    problem: string,
  ) {
    super(`Settings database ${path}: ${problem}`);
    this.name = 'StoreError';
  }
}
