import { mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import Database from 'better-sqlite3';
import {
  ANSWER_MODES,
  type AnswerMode,
  ASK_VISIBILITIES,
  type AskVisibility,
  defaultGuildSettings,
  type GuildSettings,
  type GuildSettingsPatch,
  type SettingsStore,
  StoreError,
} from './settingsStore.ts';

/** Index i upgrades a database from user_version i to i + 1. Never edit a shipped step; append. */
const MIGRATIONS: readonly string[] = [
  `CREATE TABLE guild_settings (
     guild_id TEXT PRIMARY KEY,
     mode TEXT NOT NULL,
     ask_visibility TEXT NOT NULL,
     cooldown_seconds INTEGER NOT NULL,
     updated_at TEXT NOT NULL
   );
   CREATE TABLE auto_channels (
     guild_id TEXT NOT NULL,
     channel_id TEXT NOT NULL,
     PRIMARY KEY (guild_id, channel_id)
   );`,
];

export const SCHEMA_VERSION = MIGRATIONS.length;

interface SettingsRow {
  mode: string;
  ask_visibility: string;
  cooldown_seconds: number;
}

function describeError(error: unknown): string {
  const code = (error as { code?: unknown }).code;
  const message = error instanceof Error ? error.message : String(error);
  return typeof code === 'string' ? `${message} (${code})` : message;
}

function migrate(db: Database.Database, path: string): void {
  const version = db.pragma('user_version', { simple: true }) as number;
  if (version > MIGRATIONS.length) {
    throw new StoreError(
      path,
      `schema version ${version} is newer than this bot understands (${MIGRATIONS.length}); upgrade the bot`,
    );
  }
  for (let step = version; step < MIGRATIONS.length; step++) {
    const sql = MIGRATIONS[step] as string;
    db.transaction(() => {
      db.exec(sql);
      db.pragma(`user_version = ${step + 1}`);
    })();
  }
}

/**
 * Opens (creating if needed) the SQLite settings database. WAL with synchronous=FULL makes
 * each committed write survive a crash or kill -9 the moment the call returns.
 */
export function openSqliteStore(path: string): SettingsStore {
  const fullPath = path === ':memory:' ? path : resolve(path);
  let db: Database.Database;
  try {
    if (fullPath !== ':memory:') mkdirSync(dirname(fullPath), { recursive: true });
    db = new Database(fullPath);
  } catch (error) {
    throw new StoreError(fullPath, `cannot be opened: ${describeError(error)}`);
  }
  try {
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = FULL');
    db.pragma('foreign_keys = ON');
    db.pragma('busy_timeout = 5000');
    migrate(db, fullPath);
  } catch (error) {
    db.close();
    if (error instanceof StoreError) throw error;
    throw new StoreError(
      fullPath,
      `is unreadable or not a SQLite database: ${describeError(error)}. Move it aside to start with default settings.`,
    );
  }
  return new SqliteSettingsStore(db, fullPath);
}

class SqliteSettingsStore implements SettingsStore {
  readonly #db: Database.Database;
  readonly #path: string;
  readonly #selectSettings: Database.Statement<[string], SettingsRow>;
  readonly #selectChannels: Database.Statement<[string], { channel_id: string }>;
  readonly #upsertSettings: Database.Statement<[string, string, string, number, string]>;
  readonly #insertChannel: Database.Statement<[string, string]>;
  readonly #deleteChannel: Database.Statement<[string, string]>;
  readonly #deleteSettings: Database.Statement<[string]>;
  readonly #deleteChannels: Database.Statement<[string]>;

  constructor(db: Database.Database, path: string) {
    this.#db = db;
    this.#path = path;
    this.#selectSettings = db.prepare(
      'SELECT mode, ask_visibility, cooldown_seconds FROM guild_settings WHERE guild_id = ?',
    );
    this.#selectChannels = db.prepare(
      'SELECT channel_id FROM auto_channels WHERE guild_id = ? ORDER BY rowid',
    );
    this.#upsertSettings = db.prepare(
      `INSERT INTO guild_settings (guild_id, mode, ask_visibility, cooldown_seconds, updated_at)
       VALUES (?, ?, ?, ?, ?)
       ON CONFLICT (guild_id) DO UPDATE SET mode = excluded.mode, ask_visibility = excluded.ask_visibility,
         cooldown_seconds = excluded.cooldown_seconds, updated_at = excluded.updated_at`,
    );
    this.#insertChannel = db.prepare(
      'INSERT OR IGNORE INTO auto_channels (guild_id, channel_id) VALUES (?, ?)',
    );
    this.#deleteChannel = db.prepare('DELETE FROM auto_channels WHERE guild_id = ? AND channel_id = ?');
    this.#deleteSettings = db.prepare('DELETE FROM guild_settings WHERE guild_id = ?');
    this.#deleteChannels = db.prepare('DELETE FROM auto_channels WHERE guild_id = ?');
  }

  #read(guildId: string): GuildSettings {
    const defaults = defaultGuildSettings(guildId);
    const row = this.#selectSettings.get(guildId);
    const channels = this.#selectChannels.all(guildId).map((r) => r.channel_id);
    if (!row) return { ...defaults, autoChannelIds: channels };
    // Rows written by a future or hand-edited database fall back to defaults rather than crash.
    const mode = (ANSWER_MODES as readonly string[]).includes(row.mode)
      ? (row.mode as AnswerMode)
      : defaults.mode;
    const askVisibility = (ASK_VISIBILITIES as readonly string[]).includes(row.ask_visibility)
      ? (row.ask_visibility as AskVisibility)
      : defaults.askVisibility;
    return {
      guildId,
      mode,
      askVisibility,
      cooldownSeconds: Math.max(0, Math.trunc(row.cooldown_seconds)),
      autoChannelIds: channels,
    };
  }

  #run<T>(action: () => T): T {
    try {
      return action();
    } catch (error) {
      throw new StoreError(this.#path, describeError(error));
    }
  }

  async getGuildSettings(guildId: string): Promise<GuildSettings> {
    return this.#run(() => this.#read(guildId));
  }

  async updateGuildSettings(guildId: string, patch: GuildSettingsPatch): Promise<GuildSettings> {
    return this.#run(() =>
      this.#db.transaction(() => {
        const next = { ...this.#read(guildId), ...patch };
        this.#upsertSettings.run(
          guildId,
          next.mode,
          next.askVisibility,
          next.cooldownSeconds,
          new Date().toISOString(),
        );
        return this.#read(guildId);
      })(),
    );
  }

  async addAutoChannel(guildId: string, channelId: string): Promise<GuildSettings> {
    return this.#run(() => {
      this.#insertChannel.run(guildId, channelId);
      return this.#read(guildId);
    });
  }

  async removeAutoChannel(guildId: string, channelId: string): Promise<GuildSettings> {
    return this.#run(() => {
      this.#deleteChannel.run(guildId, channelId);
      return this.#read(guildId);
    });
  }

  async resetGuildSettings(guildId: string): Promise<GuildSettings> {
    return this.#run(() =>
      this.#db.transaction(() => {
        this.#deleteSettings.run(guildId);
        this.#deleteChannels.run(guildId);
        return this.#read(guildId);
      })(),
    );
  }

  async close(): Promise<void> {
    if (this.#db.open) this.#db.close();
  }
}
