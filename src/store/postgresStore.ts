import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { describeDatabaseUrl } from './databaseUrl.ts';
import { learnedQuestionFromRow, voteFromRow } from './learningRows.ts';
import { LEARNING_TABLES } from './learningSchema.ts';
import type { FeedbackVote, LearningStore, RecordedQuestion, VoteOutcome } from './learningStore.ts';
import {
  type CommunityColumns,
  checkSettingsPatch,
  defaultGuildSettings,
  type GuildSettings,
  type GuildSettingsPatch,
  type SettingsStore,
  StoreError,
  type StoreLogger,
  settingsFromRow,
} from './settingsStore.ts';

/** Index i upgrades the schema from version i to i + 1. Never edit a shipped step; append. */
const MIGRATIONS: readonly string[] = [
  `CREATE TABLE guild_settings (
     guild_id TEXT PRIMARY KEY,
     mode TEXT NOT NULL,
     ask_visibility TEXT NOT NULL,
     cooldown_seconds INTEGER NOT NULL,
     updated_at TIMESTAMPTZ NOT NULL DEFAULT now()
   );
   CREATE TABLE auto_channels (
     guild_id TEXT NOT NULL,
     channel_id TEXT NOT NULL,
     added BIGSERIAL NOT NULL,
     PRIMARY KEY (guild_id, channel_id)
   );`,
  // Learning, alerts and the server note; votes and questions never hold a user id.
  `ALTER TABLE guild_settings ADD COLUMN learning BOOLEAN NOT NULL DEFAULT false;
   ALTER TABLE guild_settings ADD COLUMN alert_channel_id TEXT;
   ALTER TABLE guild_settings ADD COLUMN alert_role_id TEXT;
   ALTER TABLE guild_settings ADD COLUMN note TEXT;
   CREATE TABLE k2_meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
   ${LEARNING_TABLES}`,
];

export const POSTGRES_SCHEMA_VERSION = MIGRATIONS.length;

/** Every process LISTENs here; a write NOTIFYs the guild id in the same transaction. */
export const SETTINGS_CHANNEL = 'k2_settings_changed';

export interface PostgresStoreOptions {
  logger?: StoreLogger;
  /** Longest a connection attempt or a query may take before it fails; default 5000 ms. */
  timeoutMs?: number;
  /** Pause between attempts to reconnect the change listener; default 1000 ms. */
  reconnectMs?: number;
  /** Pooled connections for queries (the listener has its own); default 4. */
  poolSize?: number;
  /** How often the change listener proves its connection alive; default 5000 ms. */
  heartbeatMs?: number;
}

const UNREACHABLE = 'the settings database is unreachable';

/** What went wrong, in words a server admin can pass on; the driver's details stay in the log. */
function explainPostgresError(error: unknown): string {
  const code = String((error as { code?: unknown }).code ?? '');
  const message = error instanceof Error ? error.message : String(error);
  if (code === '25006') return 'the settings database is read-only';
  if (code === '53100') return 'the disk holding the settings database is full';
  if (code === '57014' || /timeout/i.test(message)) return 'the settings database did not answer in time';
  if (code === '28P01' || code === '28000') return "the settings database refused the bot's credentials";
  if (code === '3D000') return 'the settings database does not exist';
  if (code.startsWith('08') || code === '57P01' || code === '57P03') return UNREACHABLE;
  if (/^E[A-Z]+$/.test(code) || /connect|terminat|closed/i.test(message)) return UNREACHABLE;
  return 'the settings database failed';
}

function describeError(error: unknown): string {
  const code = (error as { code?: unknown }).code;
  const message = error instanceof Error ? error.message : String(error);
  return typeof code === 'string' ? `${message}, ${code}` : message;
}

interface SettingsRow extends CommunityColumns {
  mode: string;
  ask_visibility: string;
  cooldown_seconds: number;
}

/** One statement, so the row and the channel list come from the same snapshot. */
async function readSettings(db: pg.Pool | pg.ClientBase, guildId: string): Promise<GuildSettings> {
  const result = await db.query<Partial<SettingsRow> & { channels: string[] }>(
    `SELECT s.mode, s.ask_visibility, s.cooldown_seconds, s.learning, s.alert_channel_id, s.alert_role_id, s.note,
       COALESCE((SELECT array_agg(channel_id ORDER BY added) FROM auto_channels WHERE guild_id = $1), '{}') AS channels
     FROM (SELECT 1) AS one LEFT JOIN guild_settings s ON s.guild_id = $1`,
    [guildId],
  );
  const row = result.rows[0];
  const stored = row?.mode === undefined || row.mode === null ? undefined : (row as SettingsRow);
  return settingsFromRow(guildId, stored, row?.channels ?? []);
}

async function migrate(client: pg.ClientBase, where: string): Promise<void> {
  await client.query('BEGIN');
  try {
    // Several processes may start at once: one migrates, the others wait and find it done.
    await client.query("SELECT pg_advisory_xact_lock(hashtext('k2-bot schema'))");
    await client.query(
      'CREATE TABLE IF NOT EXISTS k2_schema_version (version INTEGER NOT NULL, migrated_at TIMESTAMPTZ NOT NULL DEFAULT now())',
    );
    const current = await client.query<{ version: number }>(
      'SELECT max(version) AS version FROM k2_schema_version',
    );
    const version = current.rows[0]?.version ?? 0;
    if (version > MIGRATIONS.length) {
      throw new StoreError(
        where,
        `schema version ${version} is newer than this bot understands (${MIGRATIONS.length}); upgrade the bot`,
      );
    }
    for (let step = version; step < MIGRATIONS.length; step++) {
      await client.query(MIGRATIONS[step] as string);
      await client.query('INSERT INTO k2_schema_version (version) VALUES ($1)', [step + 1]);
    }
    await client.query('COMMIT');
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw error;
  }
}

interface CachedSettings {
  settings: GuildSettings;
  /** The listener session it was read under; -1 when read while no listener was connected. */
  session: number;
}

function copy(settings: GuildSettings): GuildSettings {
  return { ...settings, autoChannelIds: [...settings.autoChannelIds] };
}

/**
 * PostgreSQL settings shared by every shard and host. Reads come from a local cache that a
 * LISTEN connection keeps exact: every write NOTIFYs the guild in its own transaction, and every
 * process drops that guild from its cache when the notification arrives (milliseconds after the
 * commit). While the database is unreachable, reads answer from the cache (defaults for a guild
 * never read) without waiting, writes fail within the timeout, and the listener reconnects by itself.
 * Refuses to start when the database cannot be reached or migrated.
 */
export async function openPostgresStore(
  url: string,
  options: PostgresStoreOptions = {},
): Promise<SettingsStore> {
  const store = new PostgresSettingsStore(url, options);
  try {
    await store.start();
  } catch (error) {
    await store.close();
    if (error instanceof StoreError) throw error;
    throw new StoreError(describeDatabaseUrl(url), explainPostgresError(error), describeError(error));
  }
  return store;
}

class PostgresSettingsStore implements SettingsStore, LearningStore {
  readonly #url: string;
  readonly #where: string;
  readonly #timeoutMs: number;
  readonly #reconnectMs: number;
  readonly #heartbeatMs: number;
  readonly #logger: StoreLogger | undefined;
  readonly #pool: pg.Pool;
  readonly #cache = new Map<string, CachedSettings>();
  /** Per guild, how many change notifications arrived: a read that overlapped one is not cached. */
  readonly #changes = new Map<string, number>();
  #listener: pg.Client | undefined;
  /** Counts listener sessions; a cache entry is trusted only within the session it was read in. */
  #session = 0;
  #down = false;
  #reconnectTimer: NodeJS.Timeout | undefined;
  #heartbeat: NodeJS.Timeout | undefined;
  #closed = false;

  constructor(url: string, options: PostgresStoreOptions) {
    this.#url = url;
    this.#where = describeDatabaseUrl(url);
    this.#timeoutMs = options.timeoutMs ?? 5000;
    this.#reconnectMs = options.reconnectMs ?? 1000;
    this.#heartbeatMs = options.heartbeatMs ?? 5000;
    this.#logger = options.logger;
    this.#pool = new pg.Pool({
      connectionString: url,
      max: options.poolSize ?? 4,
      connectionTimeoutMillis: this.#timeoutMs,
      query_timeout: this.#timeoutMs,
      statement_timeout: this.#timeoutMs,
      idleTimeoutMillis: 30_000,
      keepAlive: true,
    });
    // An idle pooled connection that dies (server restart) must not crash the process; the pool
    // drops it and the next query opens a new one.
    this.#pool.on('error', () => undefined);
  }

  async start(): Promise<void> {
    const client = await this.#pool.connect();
    try {
      await migrate(client, this.#where);
    } finally {
      client.release();
    }
    await this.#listen();
  }

  async #listen(): Promise<void> {
    const client = new pg.Client({
      connectionString: this.#url,
      connectionTimeoutMillis: this.#timeoutMs,
      query_timeout: this.#timeoutMs,
      keepAlive: true,
    });
    // It LISTENs on SETTINGS_CHANNEL alone, so every notification names a guild that changed.
    client.on('notification', (message) => {
      if (message.payload) this.#forget(message.payload);
    });
    client.on('error', (error) => this.#listenerLost(client, error));
    client.on('end', () => this.#listenerLost(client));
    try {
      await client.connect();
      await client.query(`LISTEN ${SETTINGS_CHANNEL}`);
    } catch (error) {
      client.removeAllListeners('end');
      client.on('error', () => undefined);
      await client.end().catch(() => undefined);
      throw error;
    }
    if (this.#closed) {
      await client.end().catch(() => undefined);
      return;
    }
    this.#listener = client;
    // Changes made while no listener was connected were missed: start a new cache session.
    this.#session += 1;
    this.#markUp();
    this.#startHeartbeat(client);
  }

  /**
   * A connection cut without a reset (a dead host, a dropped route) raises no error for hours, and
   * the cache would be trusted meanwhile: a query every few seconds finds it out.
   */
  #startHeartbeat(client: pg.Client): void {
    clearInterval(this.#heartbeat);
    this.#heartbeat = setInterval(() => {
      if (this.#listener !== client) return;
      client.query('SELECT 1').catch((error: unknown) => {
        this.#listenerLost(client, error);
        void client.end().catch(() => undefined);
      });
    }, this.#heartbeatMs);
    this.#heartbeat.unref();
  }

  #markUp(): void {
    if (!this.#down) return;
    this.#down = false;
    this.#logger?.info(
      { event: 'store-reconnected', database: this.#where },
      'settings database reachable again',
    );
  }

  /** The cached value stops being trusted but stays the fallback for an outage. */
  #forget(guildId: string): void {
    const cached = this.#cache.get(guildId);
    if (cached) cached.session = -1;
    this.#changes.set(guildId, (this.#changes.get(guildId) ?? 0) + 1);
  }

  #markDown(error: unknown): void {
    if (!this.#down && !this.#closed) {
      this.#logger?.error(
        { event: 'store-unreachable', database: this.#where, err: describeError(error) },
        'settings database unreachable: answering with the last known settings, changes are refused until it is back',
      );
    }
    this.#down = true;
    this.#scheduleRecovery();
  }

  #listenerLost(client: pg.Client, error?: unknown): void {
    if (this.#listener !== client) return;
    this.#listener = undefined;
    this.#markDown(error ?? new Error('the change listener connection ended'));
  }

  /** Until the database answers again: reconnect the listener, or (if it survived) probe with a query. */
  #scheduleRecovery(): void {
    if (this.#closed || this.#reconnectTimer) return;
    this.#reconnectTimer = setTimeout(() => {
      this.#reconnectTimer = undefined;
      const attempt = this.#listener
        ? this.#pool.query('SELECT 1').then(() => this.#markUp())
        : this.#listen();
      attempt.catch(() => this.#scheduleRecovery());
    }, this.#reconnectMs);
    this.#reconnectTimer.unref();
  }

  async getGuildSettings(guildId: string): Promise<GuildSettings> {
    const cached = this.#cache.get(guildId);
    if (cached && this.#listener && cached.session === this.#session) return copy(cached.settings);
    if (this.#down) return copy(cached?.settings ?? defaultGuildSettings(guildId));
    const session = this.#listener ? this.#session : -1;
    const changes = this.#changes.get(guildId) ?? 0;
    try {
      const settings = await readSettings(this.#pool, guildId);
      if ((this.#changes.get(guildId) ?? 0) === changes) this.#cache.set(guildId, { settings, session });
      return copy(settings);
    } catch (error) {
      this.#markDown(error);
      return copy(cached?.settings ?? defaultGuildSettings(guildId));
    }
  }

  /** One transaction: the change, a NOTIFY to every process, and the state read back. */
  async #write(guildId: string, change: (client: pg.PoolClient) => Promise<void>): Promise<GuildSettings> {
    if (this.#closed) throw new StoreError(this.#where, 'the settings database is closed');
    let client: pg.PoolClient | undefined;
    let failed = false;
    try {
      client = await this.#pool.connect();
      await client.query('BEGIN');
      await change(client);
      await client.query('SELECT pg_notify($1, $2)', [SETTINGS_CHANNEL, guildId]);
      const settings = await readSettings(client, guildId);
      await client.query('COMMIT');
      this.#changes.set(guildId, (this.#changes.get(guildId) ?? 0) + 1);
      this.#cache.set(guildId, { settings, session: this.#listener ? this.#session : -1 });
      return copy(settings);
    } catch (error) {
      failed = true;
      if (client) await client.query('ROLLBACK').catch(() => undefined);
      const reason = explainPostgresError(error);
      if (reason === UNREACHABLE || reason.includes('in time')) this.#markDown(error);
      throw new StoreError(this.#where, reason, describeError(error));
    } finally {
      // A connection that failed mid-transaction is discarded, not reused.
      client?.release(failed);
    }
  }

  async updateGuildSettings(guildId: string, patch: GuildSettingsPatch): Promise<GuildSettings> {
    checkSettingsPatch(patch);
    const defaults = defaultGuildSettings(guildId);
    return this.#write(guildId, async (client) => {
      // One statement merges the patch into the stored row, so concurrent changes to other fields survive.
      // Ids and the note: NULL leaves them as they are, '' (read back as null) clears them.
      const cleared = (value: string | null | undefined) => (value === undefined ? null : (value ?? ''));
      await client.query(
        `INSERT INTO guild_settings (guild_id, mode, ask_visibility, cooldown_seconds, learning,
           alert_channel_id, alert_role_id, note, updated_at)
         VALUES ($1, COALESCE($2::text, $5::text), COALESCE($3::text, $6::text), COALESCE($4::integer, $7::integer),
           COALESCE($8::boolean, false), COALESCE($9::text, ''), COALESCE($10::text, ''), COALESCE($11::text, ''), now())
         ON CONFLICT (guild_id) DO UPDATE SET
           mode = COALESCE($2::text, guild_settings.mode),
           ask_visibility = COALESCE($3::text, guild_settings.ask_visibility),
           cooldown_seconds = COALESCE($4::integer, guild_settings.cooldown_seconds),
           learning = COALESCE($8::boolean, guild_settings.learning),
           alert_channel_id = COALESCE($9::text, guild_settings.alert_channel_id),
           alert_role_id = COALESCE($10::text, guild_settings.alert_role_id),
           note = COALESCE($11::text, guild_settings.note),
           updated_at = now()`,
        [
          guildId,
          patch.mode ?? null,
          patch.askVisibility ?? null,
          patch.cooldownSeconds ?? null,
          defaults.mode,
          defaults.askVisibility,
          defaults.cooldownSeconds,
          patch.learning ?? null,
          cleared(patch.alertChannelId),
          cleared(patch.alertRoleId),
          cleared(patch.note),
        ],
      );
    });
  }

  async addAutoChannel(guildId: string, channelId: string): Promise<GuildSettings> {
    return this.#write(guildId, async (client) => {
      await client.query(
        'INSERT INTO auto_channels (guild_id, channel_id) VALUES ($1, $2) ON CONFLICT DO NOTHING',
        [guildId, channelId],
      );
    });
  }

  async removeAutoChannel(guildId: string, channelId: string): Promise<GuildSettings> {
    return this.#write(guildId, async (client) => {
      await client.query('DELETE FROM auto_channels WHERE guild_id = $1 AND channel_id = $2', [
        guildId,
        channelId,
      ]);
    });
  }

  async resetGuildSettings(guildId: string): Promise<GuildSettings> {
    return this.#write(guildId, async (client) => {
      await client.query('DELETE FROM guild_settings WHERE guild_id = $1', [guildId]);
      await client.query('DELETE FROM auto_channels WHERE guild_id = $1', [guildId]);
    });
  }

  /** Learning records are not cached: each call is one statement, failing like any write. */
  async #query<Row extends pg.QueryResultRow>(sql: string, params: unknown[]): Promise<pg.QueryResult<Row>> {
    if (this.#closed) throw new StoreError(this.#where, 'the settings database is closed');
    try {
      return await this.#pool.query<Row>(sql, params);
    } catch (error) {
      throw new StoreError(this.#where, explainPostgresError(error), describeError(error));
    }
  }

  async voteSecret(): Promise<string> {
    const result = await this.#query<{ value: string }>(
      `WITH made AS (
         INSERT INTO k2_meta (key, value) VALUES ('vote_secret', $1) ON CONFLICT (key) DO NOTHING RETURNING value
       )
       SELECT value FROM made UNION ALL SELECT value FROM k2_meta WHERE key = 'vote_secret'`,
      [randomBytes(32).toString('hex')],
    );
    const made = result.rows[0]?.value;
    if (made) return made;
    // Another process inserted it after this statement's snapshot was taken: read it now.
    const existing = await this.#query<{ value: string }>(
      "SELECT value FROM k2_meta WHERE key = 'vote_secret'",
      [],
    );
    const value = existing.rows[0]?.value;
    if (!value)
      throw new StoreError(this.#where, 'the settings database failed', 'no vote secret after creating it');
    return value;
  }

  async recordVote(voteKey: string, vote: FeedbackVote): Promise<VoteOutcome> {
    // xmax = 0 marks a freshly inserted row; `previous` is the vote before this statement.
    const result = await this.#query<{ inserted: boolean; previous: string | null }>(
      `WITH previous AS (SELECT vote FROM feedback_votes WHERE vote_key = $1)
       INSERT INTO feedback_votes (vote_key, guild_id, topic_id, fact_ids, coverage, reply_kind, vote, day)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8)
       ON CONFLICT (vote_key) DO UPDATE SET vote = excluded.vote, day = excluded.day
       RETURNING (xmax = 0) AS inserted, (SELECT vote FROM previous) AS previous`,
      [
        voteKey,
        vote.guildId,
        vote.topicId,
        JSON.stringify(vote.factIds),
        vote.coverage,
        vote.replyKind,
        vote.vote,
        vote.day,
      ],
    );
    const row = result.rows[0];
    if (!row || row.inserted) return 'recorded';
    return row.previous === vote.vote ? 'unchanged' : 'changed';
  }

  async recordQuestion(question: RecordedQuestion): Promise<void> {
    await this.#query(
      'INSERT INTO learning_questions (guild_id, text, reason, topic_id, day) VALUES ($1, $2, $3, $4, $5)',
      [question.guildId, question.text, question.reason, question.topicId, question.day],
    );
  }

  async readVotes(sinceDay: string): Promise<FeedbackVote[]> {
    const result = await this.#query(
      'SELECT guild_id, topic_id, fact_ids, coverage, reply_kind, vote, day FROM feedback_votes WHERE day >= $1 ORDER BY day',
      [sinceDay],
    );
    return result.rows.map(voteFromRow);
  }

  async readQuestions(sinceDay: string): Promise<RecordedQuestion[]> {
    const result = await this.#query(
      'SELECT guild_id, text, reason, topic_id, day FROM learning_questions WHERE day >= $1 ORDER BY day',
      [sinceDay],
    );
    return result.rows.map(learnedQuestionFromRow);
  }

  async deleteLearnedBefore(day: string): Promise<{ votes: number; questions: number }> {
    const votes = await this.#query('DELETE FROM feedback_votes WHERE day < $1', [day]);
    const questions = await this.#query('DELETE FROM learning_questions WHERE day < $1', [day]);
    return { votes: votes.rowCount ?? 0, questions: questions.rowCount ?? 0 };
  }

  async markGuildLeft(guildId: string, at: Date): Promise<void> {
    await this.#query(
      'INSERT INTO guild_departures (guild_id, left_at) VALUES ($1, $2) ON CONFLICT (guild_id) DO NOTHING',
      [guildId, at.toISOString()],
    );
  }

  async markGuildPresent(guildId: string): Promise<void> {
    await this.#query('DELETE FROM guild_departures WHERE guild_id = $1', [guildId]);
  }

  async forgetGuildsLeftBefore(at: Date): Promise<string[]> {
    const result = await this.#query<{ guild_id: string }>(
      'SELECT guild_id FROM guild_departures WHERE left_at < $1 ORDER BY guild_id',
      [at.toISOString()],
    );
    const ids = result.rows.map((row) => row.guild_id);
    for (const id of ids) await this.forgetGuild(id);
    return ids;
  }

  async forgetGuild(guildId: string): Promise<GuildSettings> {
    return this.#write(guildId, async (client) => {
      for (const table of [
        'guild_settings',
        'auto_channels',
        'feedback_votes',
        'learning_questions',
        'guild_departures',
      ]) {
        await client.query(`DELETE FROM ${table} WHERE guild_id = $1`, [guildId]);
      }
    });
  }

  async countGuildRecords(guildId: string): Promise<{ votes: number; questions: number }> {
    const result = await this.#query<{ votes: string; questions: string }>(
      `SELECT (SELECT count(*) FROM feedback_votes WHERE guild_id = $1) AS votes,
              (SELECT count(*) FROM learning_questions WHERE guild_id = $1) AS questions`,
      [guildId],
    );
    const row = result.rows[0];
    return { votes: Number(row?.votes ?? 0), questions: Number(row?.questions ?? 0) };
  }

  async checkHealth(): Promise<void> {
    if (this.#closed) throw new StoreError(this.#where, 'the settings database is closed');
    if (this.#down) throw new StoreError(this.#where, UNREACHABLE);
    try {
      await this.#pool.query('SELECT 1');
    } catch (error) {
      this.#markDown(error);
      throw new StoreError(this.#where, explainPostgresError(error), describeError(error));
    }
  }

  async close(): Promise<void> {
    if (this.#closed) return;
    this.#closed = true;
    clearTimeout(this.#reconnectTimer);
    clearInterval(this.#heartbeat);
    const listener = this.#listener;
    this.#listener = undefined;
    await listener?.end().catch(() => undefined);
    await this.#pool.end().catch(() => undefined);
  }
}
