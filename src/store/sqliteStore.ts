import { randomBytes } from 'node:crypto';
import {
  accessSync,
  constants,
  existsSync,
  mkdirSync,
  type Stats,
  statfsSync,
  statSync,
  unlinkSync,
} from 'node:fs';
import { dirname, resolve } from 'node:path';
import Database from 'better-sqlite3';
import { learnedQuestionFromRow, voteFromRow } from './learningRows.ts';
import { LEARNING_TABLES } from './learningSchema.ts';
import type { FeedbackVote, LearningStore, RecordedQuestion, VoteOutcome } from './learningStore.ts';
import {
  type CommunityColumns,
  checkSettingsPatch,
  type GuildSettings,
  type GuildSettingsPatch,
  type SettingsStore,
  StoreError,
  type StoreLogger,
  settingsFromRow,
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
  // Written at every start: proves the file takes writes before the bot confirms any change.
  `CREATE TABLE store_meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);`,
  // Learning, alerts and the server note; votes and questions never hold a user id.
  `ALTER TABLE guild_settings ADD COLUMN learning INTEGER NOT NULL DEFAULT 0;
   ALTER TABLE guild_settings ADD COLUMN alert_channel_id TEXT;
   ALTER TABLE guild_settings ADD COLUMN alert_role_id TEXT;
   ALTER TABLE guild_settings ADD COLUMN note TEXT;
   ${LEARNING_TABLES}`,
];

export const SCHEMA_VERSION = MIGRATIONS.length;

/** Below this much free space the bot refuses to start: the next settings write could fail. */
export const MIN_FREE_BYTES = 1024 * 1024;

interface SettingsRow extends CommunityColumns {
  mode: string;
  ask_visibility: string;
  cooldown_seconds: number;
}

export interface SqliteStoreOptions {
  logger?: StoreLogger;
  /** Free bytes the disk must have at start-up; default {@link MIN_FREE_BYTES}. */
  minFreeBytes?: number;
}

const READ_ONLY = 'the settings database is read-only';

/** What went wrong, in words a server admin can pass on; the SQLite code stays in the log. */
export function explainSqliteError(error: unknown): string {
  const code = String((error as { code?: unknown }).code ?? '');
  if (code.startsWith('SQLITE_READONLY')) return READ_ONLY;
  // SHMSIZE: the -shm file could not grow, which on a full disk is the first write to fail.
  if (code === 'SQLITE_FULL' || code === 'SQLITE_IOERR_SHMSIZE')
    return 'the disk holding the settings database is full';
  if (code.startsWith('SQLITE_CANTOPEN')) return 'the settings database file cannot be opened';
  if (code.startsWith('SQLITE_BUSY') || code.startsWith('SQLITE_LOCKED')) {
    return 'the settings database is locked by another program';
  }
  if (code.startsWith('SQLITE_CORRUPT') || code === 'SQLITE_NOTADB')
    return 'the settings database file is damaged';
  if (code.startsWith('SQLITE_IOERR')) return 'the disk reported an error while using the settings database';
  return 'the settings database failed';
}

/** The message with SQLite's code, for the operator's log. */
export function describeError(error: unknown): string {
  const code = (error as { code?: unknown }).code;
  const message = error instanceof Error ? error.message : String(error);
  return typeof code === 'string' ? `${message}, ${code}` : message;
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
 * The checks SQLite would only fail at the first write: as root, access() ignores file modes,
 * so the real write at the end of openDatabase stays the proof.
 */
function checkWritable(path: string, minFreeBytes: number): void {
  const folder = dirname(path);
  try {
    accessSync(folder, constants.W_OK);
  } catch (error) {
    throw new StoreError(
      path,
      'the folder of the settings database is read-only (SQLite writes its -wal and -shm files next to it)',
      describeError(error),
    );
  }
  if (existsSync(path)) {
    try {
      accessSync(path, constants.W_OK);
    } catch (error) {
      throw new StoreError(path, READ_ONLY, describeError(error));
    }
  }
  const disk = statfsSync(folder);
  const free = disk.bavail * disk.bsize;
  if (free < minFreeBytes) {
    throw new StoreError(
      path,
      `the disk holding the settings database is full (${Math.floor(free / 1024)} KiB free, at least ${Math.ceil(minFreeBytes / 1024)} KiB needed)`,
    );
  }
}

function openDatabase(path: string, minFreeBytes: number): Database.Database {
  const inMemory = path === ':memory:';
  if (!inMemory) {
    try {
      mkdirSync(dirname(path), { recursive: true });
    } catch (error) {
      throw new StoreError(
        path,
        'the folder of the settings database cannot be created',
        describeError(error),
      );
    }
    checkWritable(path, minFreeBytes);
  }
  let db: Database.Database;
  try {
    db = new Database(path);
  } catch (error) {
    throw new StoreError(path, explainSqliteError(error), describeError(error));
  }
  try {
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = FULL');
    db.pragma('foreign_keys = ON');
    // Deleted rows are overwritten, not just unlinked: /settings forget must leave no trace in the file.
    db.pragma('secure_delete = ON');
    db.pragma('busy_timeout = 5000');
    migrate(db, path);
  } catch (error) {
    db.close();
    if (error instanceof StoreError) throw error;
    const reason = explainSqliteError(error);
    throw new StoreError(
      path,
      reason === 'the settings database failed'
        ? 'is unreadable or not a SQLite database. Move it aside to start with default settings'
        : reason,
      describeError(error),
    );
  }
  try {
    db.prepare(
      "INSERT INTO store_meta (key, value) VALUES ('opened_at', ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value",
    ).run(new Date().toISOString());
  } catch (error) {
    db.close();
    throw new StoreError(path, explainSqliteError(error), describeError(error));
  }
  return db;
}

function prepareStatements(db: Database.Database) {
  return {
    selectSettings: db.prepare<[string], SettingsRow>(
      `SELECT mode, ask_visibility, cooldown_seconds, learning, alert_channel_id, alert_role_id, note
       FROM guild_settings WHERE guild_id = ?`,
    ),
    selectChannels: db.prepare<[string], { channel_id: string }>(
      'SELECT channel_id FROM auto_channels WHERE guild_id = ? ORDER BY rowid',
    ),
    upsertSettings: db.prepare<
      [string, string, string, number, number, string | null, string | null, string | null, string]
    >(
      `INSERT INTO guild_settings (guild_id, mode, ask_visibility, cooldown_seconds, learning,
         alert_channel_id, alert_role_id, note, updated_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
       ON CONFLICT (guild_id) DO UPDATE SET mode = excluded.mode, ask_visibility = excluded.ask_visibility,
         cooldown_seconds = excluded.cooldown_seconds, learning = excluded.learning,
         alert_channel_id = excluded.alert_channel_id, alert_role_id = excluded.alert_role_id,
         note = excluded.note, updated_at = excluded.updated_at`,
    ),
    insertChannel: db.prepare<[string, string]>(
      'INSERT OR IGNORE INTO auto_channels (guild_id, channel_id) VALUES (?, ?)',
    ),
    deleteChannel: db.prepare<[string, string]>(
      'DELETE FROM auto_channels WHERE guild_id = ? AND channel_id = ?',
    ),
    deleteSettings: db.prepare<[string]>('DELETE FROM guild_settings WHERE guild_id = ?'),
    deleteChannels: db.prepare<[string]>('DELETE FROM auto_channels WHERE guild_id = ?'),
    ...prepareLearningStatements(db),
  };
}

function prepareLearningStatements(db: Database.Database) {
  return {
    selectMeta: db.prepare<[string], { value: string }>('SELECT value FROM store_meta WHERE key = ?'),
    insertMetaOnce: db.prepare<[string, string]>(
      'INSERT INTO store_meta (key, value) VALUES (?, ?) ON CONFLICT (key) DO NOTHING',
    ),
    selectVote: db.prepare<[string], { vote: string }>('SELECT vote FROM feedback_votes WHERE vote_key = ?'),
    upsertVote: db.prepare<[string, string | null, string | null, string, string, string, string, string]>(
      `INSERT INTO feedback_votes (vote_key, guild_id, topic_id, fact_ids, coverage, reply_kind, vote, day)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?)
       ON CONFLICT (vote_key) DO UPDATE SET vote = excluded.vote, day = excluded.day`,
    ),
    insertQuestion: db.prepare<[string | null, string, string, string | null, string]>(
      'INSERT INTO learning_questions (guild_id, text, reason, topic_id, day) VALUES (?, ?, ?, ?, ?)',
    ),
    selectVotes: db.prepare<[string], Record<string, unknown>>(
      'SELECT guild_id, topic_id, fact_ids, coverage, reply_kind, vote, day FROM feedback_votes WHERE day >= ? ORDER BY day, rowid',
    ),
    selectQuestions: db.prepare<[string], Record<string, unknown>>(
      'SELECT guild_id, text, reason, topic_id, day FROM learning_questions WHERE day >= ? ORDER BY day, rowid',
    ),
    deleteVotesBefore: db.prepare<[string]>('DELETE FROM feedback_votes WHERE day < ?'),
    deleteQuestionsBefore: db.prepare<[string]>('DELETE FROM learning_questions WHERE day < ?'),
    upsertDeparture: db.prepare<[string, string]>(
      'INSERT INTO guild_departures (guild_id, left_at) VALUES (?, ?) ON CONFLICT (guild_id) DO NOTHING',
    ),
    deleteDeparture: db.prepare<[string]>('DELETE FROM guild_departures WHERE guild_id = ?'),
    selectDepartedBefore: db.prepare<[string], { guild_id: string }>(
      'SELECT guild_id FROM guild_departures WHERE left_at < ? ORDER BY guild_id',
    ),
    deleteGuildVotes: db.prepare<[string]>('DELETE FROM feedback_votes WHERE guild_id = ?'),
    deleteGuildQuestions: db.prepare<[string]>('DELETE FROM learning_questions WHERE guild_id = ?'),
    countGuildVotes: db.prepare<[string], { n: number }>(
      'SELECT count(*) AS n FROM feedback_votes WHERE guild_id = ?',
    ),
    countGuildQuestions: db.prepare<[string], { n: number }>(
      'SELECT count(*) AS n FROM learning_questions WHERE guild_id = ?',
    ),
  };
}

type Statements = ReturnType<typeof prepareStatements>;

type FileIdentity = Pick<Stats, 'dev' | 'ino'>;

interface OpenFile {
  db: Database.Database;
  statements: Statements;
  /** Identity of the file at open time: a different inode at the path means it was replaced. */
  identity: FileIdentity | undefined;
  /** The -wal and -shm files of this database, which must go with it when it is replaced. */
  companions: Map<string, FileIdentity | undefined>;
}

const COMPANION_SUFFIXES = ['-wal', '-shm'] as const;

function sameFile(a: FileIdentity | undefined, b: FileIdentity | undefined): boolean {
  return a !== undefined && b !== undefined && a.dev === b.dev && a.ino === b.ino;
}

/**
 * Opens (creating if needed) the SQLite settings database, and refuses to start when it could not
 * take a write: read-only file or folder, full disk. WAL with synchronous=FULL makes each committed
 * write survive a crash or kill -9 the moment the call returns.
 */
export function openSqliteStore(path: string, options: SqliteStoreOptions = {}): SettingsStore {
  const fullPath = path === ':memory:' ? path : resolve(path);
  return new SqliteSettingsStore(fullPath, options);
}

function identityOf(path: string): FileIdentity | undefined {
  if (path === ':memory:') return undefined;
  try {
    const stats = statSync(path);
    return { dev: stats.dev, ino: stats.ino };
  } catch {
    // Gone, or its folder replaced by a file: either way not the file that is open.
    return undefined;
  }
}

class SqliteSettingsStore implements SettingsStore, LearningStore {
  readonly #path: string;
  readonly #options: SqliteStoreOptions;
  #file: OpenFile | undefined;
  #closed = false;

  constructor(path: string, options: SqliteStoreOptions) {
    this.#path = path;
    this.#options = options;
    this.#file = this.#open();
  }

  #open(): OpenFile {
    const db = openDatabase(this.#path, this.#options.minFreeBytes ?? MIN_FREE_BYTES);
    const companions = new Map(
      COMPANION_SUFFIXES.map((suffix) => [`${this.#path}${suffix}`, identityOf(`${this.#path}${suffix}`)]),
    );
    return { db, statements: prepareStatements(db), identity: identityOf(this.#path), companions };
  }

  /**
   * SQLite refuses to checkpoint a moved database, so the old -wal stays at the path; opened with
   * the new file it would be replayed into it. Only the companions of the old file are removed.
   */
  #retire(file: OpenFile): void {
    file.db.close();
    for (const [path, identity] of file.companions) {
      if (sameFile(identityOf(path), identity)) unlinkSync(path);
    }
  }

  /**
   * The open handle keeps working on a deleted or replaced file, so every call first checks that
   * the file at the path is still the one open, and reopens (or recreates) it when it is not.
   */
  #currentFile(): OpenFile {
    if (this.#closed) throw new StoreError(this.#path, 'the settings database is closed');
    const file = this.#file;
    if (file && this.#path !== ':memory:') {
      const now = identityOf(this.#path);
      if (sameFile(now, file.identity)) return file;
      this.#options.logger?.error(
        { event: 'store-file-changed', path: this.#path, change: now ? 'replaced' : 'deleted' },
        `settings database file was ${now ? 'replaced' : 'deleted'} while the bot ran; reopening it`,
      );
      this.#file = undefined;
      this.#retire(file);
    }
    if (this.#file) return this.#file;
    this.#file = this.#open();
    return this.#file;
  }

  async checkHealth(): Promise<void> {
    this.#run(({ db }) => {
      db.prepare('SELECT 1').get();
      if (this.#path !== ':memory:') checkWritable(this.#path, this.#options.minFreeBytes ?? MIN_FREE_BYTES);
    }, false);
  }

  #read(statements: Statements, guildId: string): GuildSettings {
    const row = statements.selectSettings.get(guildId);
    const channels = statements.selectChannels.all(guildId).map((r) => r.channel_id);
    return settingsFromRow(guildId, row, channels);
  }

  #run<T>(action: (file: OpenFile) => T, write: boolean): T {
    let result: T;
    try {
      const file = this.#currentFile();
      result = action(file);
      // A file swapped in during the write did not receive it: never confirm such a write.
      if (write && this.#path !== ':memory:') {
        if (!sameFile(identityOf(this.#path), file.identity)) {
          throw new StoreError(
            this.#path,
            'the settings database file was replaced during the change; try again',
          );
        }
      }
    } catch (error) {
      if (error instanceof StoreError) throw error;
      throw new StoreError(this.#path, explainSqliteError(error), describeError(error));
    }
    return result;
  }

  async getGuildSettings(guildId: string): Promise<GuildSettings> {
    return this.#run(({ statements }) => this.#read(statements, guildId), false);
  }

  async updateGuildSettings(guildId: string, patch: GuildSettingsPatch): Promise<GuildSettings> {
    checkSettingsPatch(patch);
    return this.#run(
      ({ db, statements }) =>
        db.transaction(() => {
          const next = { ...this.#read(statements, guildId), ...patch };
          statements.upsertSettings.run(
            guildId,
            next.mode,
            next.askVisibility,
            next.cooldownSeconds,
            next.learning ? 1 : 0,
            next.alertChannelId,
            next.alertRoleId,
            next.note,
            new Date().toISOString(),
          );
          return this.#read(statements, guildId);
        })(),
      true,
    );
  }

  async addAutoChannel(guildId: string, channelId: string): Promise<GuildSettings> {
    return this.#run(
      ({ db, statements }) =>
        db.transaction(() => {
          statements.insertChannel.run(guildId, channelId);
          return this.#read(statements, guildId);
        })(),
      true,
    );
  }

  async removeAutoChannel(guildId: string, channelId: string): Promise<GuildSettings> {
    return this.#run(
      ({ db, statements }) =>
        db.transaction(() => {
          statements.deleteChannel.run(guildId, channelId);
          return this.#read(statements, guildId);
        })(),
      true,
    );
  }

  async resetGuildSettings(guildId: string): Promise<GuildSettings> {
    return this.#run(
      ({ db, statements }) =>
        db.transaction(() => {
          statements.deleteSettings.run(guildId);
          statements.deleteChannels.run(guildId);
          return this.#read(statements, guildId);
        })(),
      true,
    );
  }

  async voteSecret(): Promise<string> {
    return this.#run(
      ({ db, statements }) =>
        db.transaction(() => {
          statements.insertMetaOnce.run('vote_secret', randomBytes(32).toString('hex'));
          return (statements.selectMeta.get('vote_secret') as { value: string }).value;
        })(),
      true,
    );
  }

  async recordVote(voteKey: string, vote: FeedbackVote): Promise<VoteOutcome> {
    return this.#run(
      ({ db, statements }) =>
        db.transaction((): VoteOutcome => {
          const before = statements.selectVote.get(voteKey)?.vote;
          statements.upsertVote.run(
            voteKey,
            vote.guildId,
            vote.topicId,
            JSON.stringify(vote.factIds),
            vote.coverage,
            vote.replyKind,
            vote.vote,
            vote.day,
          );
          if (before === undefined) return 'recorded';
          return before === vote.vote ? 'unchanged' : 'changed';
        })(),
      true,
    );
  }

  async recordQuestion(question: RecordedQuestion): Promise<void> {
    this.#run(({ statements }) => {
      statements.insertQuestion.run(
        question.guildId,
        question.text,
        question.reason,
        question.topicId,
        question.day,
      );
    }, true);
  }

  async readVotes(sinceDay: string): Promise<FeedbackVote[]> {
    return this.#run(({ statements }) => statements.selectVotes.all(sinceDay).map(voteFromRow), false);
  }

  async readQuestions(sinceDay: string): Promise<RecordedQuestion[]> {
    return this.#run(
      ({ statements }) => statements.selectQuestions.all(sinceDay).map(learnedQuestionFromRow),
      false,
    );
  }

  async deleteLearnedBefore(day: string): Promise<{ votes: number; questions: number }> {
    return this.#run(
      ({ db, statements }) =>
        db.transaction(() => ({
          votes: statements.deleteVotesBefore.run(day).changes,
          questions: statements.deleteQuestionsBefore.run(day).changes,
        }))(),
      true,
    );
  }

  async markGuildLeft(guildId: string, at: Date): Promise<void> {
    this.#run(({ statements }) => statements.upsertDeparture.run(guildId, at.toISOString()), true);
  }

  async markGuildPresent(guildId: string): Promise<void> {
    this.#run(({ statements }) => statements.deleteDeparture.run(guildId), true);
  }

  async forgetGuildsLeftBefore(at: Date): Promise<string[]> {
    return this.#run(
      ({ db, statements }) =>
        db.transaction(() => {
          const ids = statements.selectDepartedBefore.all(at.toISOString()).map((row) => row.guild_id);
          for (const id of ids) this.#forget(statements, id);
          return ids;
        })(),
      true,
    );
  }

  #forget(statements: Statements, guildId: string): void {
    statements.deleteSettings.run(guildId);
    statements.deleteChannels.run(guildId);
    statements.deleteGuildVotes.run(guildId);
    statements.deleteGuildQuestions.run(guildId);
    statements.deleteDeparture.run(guildId);
  }

  async forgetGuild(guildId: string): Promise<GuildSettings> {
    const settings = this.#run(
      ({ db, statements }) =>
        db.transaction(() => {
          this.#forget(statements, guildId);
          return this.#read(statements, guildId);
        })(),
      true,
    );
    // Deleted rows linger in free pages and in the WAL until they are overwritten: clear both,
    // so "forget" leaves nothing in the file for someone who reads it with a hex editor.
    this.#run(({ db }) => {
      db.pragma('wal_checkpoint(TRUNCATE)');
    }, true);
    return settings;
  }

  async countGuildRecords(guildId: string): Promise<{ votes: number; questions: number }> {
    return this.#run(
      ({ statements }) => ({
        votes: statements.countGuildVotes.get(guildId)?.n ?? 0,
        questions: statements.countGuildQuestions.get(guildId)?.n ?? 0,
      }),
      false,
    );
  }

  async close(): Promise<void> {
    this.#closed = true;
    if (this.#file?.db.open) this.#file.db.close();
    this.#file = undefined;
  }
}
