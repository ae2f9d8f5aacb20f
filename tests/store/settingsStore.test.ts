import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FeedbackVote, RecordedQuestion } from '../../src/store/learningStore.ts';
import { openPostgresStore, POSTGRES_SCHEMA_VERSION } from '../../src/store/postgresStore.ts';
import {
  defaultGuildSettings,
  type GuildSettings,
  type SettingsStore,
  StoreError,
} from '../../src/store/settingsStore.ts';
import { openSqliteStore } from '../../src/store/sqliteStore.ts';
import { BUILD_TIMEOUT_MS, compiled, ensureBuilt } from '../compiled.ts';
import { openCable, type SharedPostgres, sharedPostgres } from './postgresServer.ts';

const ROOT = resolve(fileURLToPath(new URL('../..', import.meta.url)));
const GUILD = '100000000000000001';
const OTHER_GUILD = '100000000000000002';
const CHANNEL = '200000000000000001';
const SECOND_CHANNEL = '200000000000000002';
const ROLE = '300000000000000001';

let server: SharedPostgres;
let serverStarted: Promise<void> | undefined;
/** The PostgreSQL server starts with the first PostgreSQL test, so SQLite-only runs never wait for it. */
const startServerOnce = (): Promise<void> =>
  (serverStarted ??= sharedPostgres().then((started) => {
    server = started;
  }));
let dir: string;
beforeAll(() => {
  ensureBuilt();
  dir = mkdtempSync(join(tmpdir(), 'k2-contract-'));
}, BUILD_TIMEOUT_MS);
afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

/** Waits for a condition another process brings about; fails after the deadline. */
async function eventually<T>(
  read: () => Promise<T>,
  accept: (value: T) => boolean,
  deadlineMs: number,
): Promise<T> {
  const until = Date.now() + deadlineMs;
  for (;;) {
    const value = await read();
    if (accept(value) || Date.now() > until) return value;
    await new Promise((done) => setTimeout(done, 25));
  }
}

/** A backend: a fresh database, opened as often as a test likes (as several processes would). */
interface Backend {
  name: string;
  fresh(): Promise<{ open(): Promise<SettingsStore>; openInChild: string }>;
}

let sqliteFiles = 0;
const backends: Backend[] = [
  {
    name: 'SQLite',
    async fresh() {
      sqliteFiles += 1;
      const path = join(dir, `contract-${sqliteFiles}.sqlite`);
      return {
        open: async () => openSqliteStore(path),
        openInChild: `(await import(${JSON.stringify(compiled('store/sqliteStore.js'))})).openSqliteStore(${JSON.stringify(path)})`,
      };
    },
  },
  {
    name: 'PostgreSQL',
    async fresh() {
      const url = await server.createDatabase();
      return {
        open: () => openPostgresStore(url),
        openInChild: `await (await import(${JSON.stringify(compiled('store/postgresStore.js'))})).openPostgresStore(${JSON.stringify(url)})`,
      };
    },
  },
];

describe.each(backends)('the SettingsStore contract: $name', (backend) => {
  beforeAll(async () => {
    if (backend.name === 'PostgreSQL') await startServerOnce();
  }, 90_000);
  async function withStore(test: (store: SettingsStore) => Promise<void>): Promise<void> {
    const store = await (await backend.fresh()).open();
    try {
      await test(store);
    } finally {
      await store.close();
    }
  }

  it('reports itself healthy when its database works', () =>
    withStore(async (store) => {
      await expect(store.checkHealth?.()).resolves.toBeUndefined();
    }));

  it('answers the defaults for a guild it never stored', () =>
    withStore(async (store) => {
      expect(await store.getGuildSettings(GUILD)).toEqual({
        guildId: GUILD,
        mode: 'mention-only',
        autoChannelIds: [],
        askVisibility: 'public',
        cooldownSeconds: 5,
        learning: false,
        alertChannelId: null,
        alertRoleId: null,
        note: null,
      });
    }));

  it('stores learning, the alert channel and role and the note, and clears each on its own', () =>
    withStore(async (store) => {
      await store.updateGuildSettings(GUILD, { mode: 'off' });
      expect(
        await store.updateGuildSettings(GUILD, {
          learning: true,
          alertChannelId: CHANNEL,
          alertRoleId: ROLE,
          note: 'See #health-resources',
        }),
      ).toMatchObject({
        mode: 'off',
        learning: true,
        alertChannelId: CHANNEL,
        alertRoleId: ROLE,
        note: 'See #health-resources',
      });
      expect(await store.updateGuildSettings(GUILD, { alertRoleId: null })).toMatchObject({
        alertChannelId: CHANNEL,
        alertRoleId: null,
        note: 'See #health-resources',
      });
      expect(await store.updateGuildSettings(GUILD, { note: null, learning: false })).toMatchObject({
        learning: false,
        alertChannelId: CHANNEL,
        note: null,
      });
    }));

  it.each([
    [{ note: 'x'.repeat(201) }, /at most 200/],
    [{ note: 'read https://example.com first' }, /cannot contain links/],
    [{ note: 'join discord.gg/abc' }, /cannot contain links/],
    [{ alertChannelId: 'general' }, /must be a Discord id/],
    [{ learning: 'yes' as never }, /on or off/],
  ])('refuses %o and writes nothing', (patch, message) =>
    withStore(async (store) => {
      await expect(store.updateGuildSettings(GUILD, patch)).rejects.toThrow(message);
      expect(await store.getGuildSettings(GUILD)).toEqual(defaultGuildSettings(GUILD));
    }),
  );

  const vote = (over: Partial<FeedbackVote> = {}): FeedbackVote => ({
    guildId: GUILD,
    topicId: 'what-is-k2',
    factIds: [],
    coverage: 'full',
    replyKind: 'answer',
    vote: 'helpful',
    day: '2026-11-20',
    ...over,
  });

  it('keeps one vote per key: a second vote changes it, a repeat leaves it', () =>
    withStore(async (store) => {
      expect(await store.recordVote('key-a', vote())).toBe('recorded');
      expect(await store.recordVote('key-a', vote({ vote: 'not-helpful' }))).toBe('changed');
      expect(await store.recordVote('key-a', vote({ vote: 'not-helpful' }))).toBe('unchanged');
      expect(await store.recordVote('key-b', vote({ guildId: null, factIds: ['f-1'] }))).toBe('recorded');
      expect(await store.readVotes('2026-01-01')).toEqual([
        vote({ vote: 'not-helpful' }),
        vote({ guildId: null, factIds: ['f-1'] }),
      ]);
      expect(await store.countGuildRecords(GUILD)).toEqual({ votes: 1, questions: 0 });
    }));

  it('makes one vote secret per database, the same for every process', async () => {
    const database = await backend.fresh();
    const [a, b] = await Promise.all([database.open(), database.open()]);
    try {
      const [first, second] = await Promise.all([a.voteSecret(), b.voteSecret()]);
      expect(first).toMatch(/^[0-9a-f]{64}$/);
      expect(second).toBe(first);
    } finally {
      await a.close();
      await b.close();
    }
  });

  it('records questions, reads them from a day on, and deletes those older than the retention', () =>
    withStore(async (store) => {
      const old: RecordedQuestion = {
        guildId: GUILD,
        text: 'does k2 help gout',
        reason: 'declined',
        topicId: null,
        day: '2026-10-01',
      };
      const recent: RecordedQuestion = { ...old, text: 'k2 and hair loss', day: '2026-11-25' };
      await store.recordQuestion(old);
      await store.recordQuestion(recent);
      await store.recordVote('old-vote', vote({ day: '2026-10-01' }));
      expect(await store.readQuestions('2026-11-01')).toEqual([recent]);
      expect(await store.deleteLearnedBefore('2026-11-01')).toEqual({ votes: 1, questions: 1 });
      expect(await store.readQuestions('2000-01-01')).toEqual([recent]);
      expect(await store.readVotes('2000-01-01')).toEqual([]);
    }));

  it('forgets a server: settings, channels, votes and questions, other servers untouched', () =>
    withStore(async (store) => {
      for (const guild of [GUILD, OTHER_GUILD]) {
        await store.updateGuildSettings(guild, { learning: true, note: 'hello' });
        await store.addAutoChannel(guild, CHANNEL);
        await store.recordVote(`v-${guild}`, vote({ guildId: guild }));
        await store.recordQuestion({
          guildId: guild,
          text: 'q',
          reason: 'declined',
          topicId: null,
          day: '2026-11-25',
        });
      }
      expect(await store.forgetGuild(GUILD)).toEqual(defaultGuildSettings(GUILD));
      expect(await store.countGuildRecords(GUILD)).toEqual({ votes: 0, questions: 0 });
      expect(await store.countGuildRecords(OTHER_GUILD)).toEqual({ votes: 1, questions: 1 });
      expect(await store.getGuildSettings(OTHER_GUILD)).toMatchObject({ learning: true, note: 'hello' });
    }));

  it('forgets a server it left only once the grace period has passed, and not one it rejoined', () =>
    withStore(async (store) => {
      await store.updateGuildSettings(GUILD, { note: 'left' });
      await store.updateGuildSettings(OTHER_GUILD, { note: 'rejoined' });
      await store.markGuildLeft(GUILD, new Date('2026-11-01T12:00:00Z'));
      await store.markGuildLeft(OTHER_GUILD, new Date('2026-11-01T12:00:00Z'));
      await store.markGuildPresent(OTHER_GUILD);
      expect(await store.forgetGuildsLeftBefore(new Date('2026-11-01T11:00:00Z'))).toEqual([]);
      expect((await store.getGuildSettings(GUILD)).note).toBe('left');
      expect(await store.forgetGuildsLeftBefore(new Date('2026-11-08T12:00:01Z'))).toEqual([GUILD]);
      expect((await store.getGuildSettings(GUILD)).note).toBeNull();
      expect((await store.getGuildSettings(OTHER_GUILD)).note).toBe('rejoined');
    }));

  it('merges a change into the stored settings, keeps guilds apart, and resolves with the stored state', () =>
    withStore(async (store) => {
      expect(await store.updateGuildSettings(GUILD, { mode: 'auto-channels', cooldownSeconds: 30 })).toEqual({
        ...defaultGuildSettings(GUILD),
        mode: 'auto-channels',
        cooldownSeconds: 30,
      });
      expect(await store.updateGuildSettings(GUILD, { askVisibility: 'private' })).toMatchObject({
        mode: 'auto-channels',
        cooldownSeconds: 30,
        askVisibility: 'private',
      });
      expect(await store.getGuildSettings(OTHER_GUILD)).toEqual(defaultGuildSettings(OTHER_GUILD));
    }));

  it('adds a channel once, keeps the order they were added in, removes one, and reset clears everything', () =>
    withStore(async (store) => {
      await store.addAutoChannel(GUILD, SECOND_CHANNEL);
      await store.addAutoChannel(GUILD, CHANNEL);
      expect((await store.addAutoChannel(GUILD, SECOND_CHANNEL)).autoChannelIds).toEqual([
        SECOND_CHANNEL,
        CHANNEL,
      ]);
      expect((await store.removeAutoChannel(GUILD, SECOND_CHANNEL)).autoChannelIds).toEqual([CHANNEL]);
      expect((await store.removeAutoChannel(GUILD, SECOND_CHANNEL)).autoChannelIds).toEqual([CHANNEL]);
      await store.updateGuildSettings(GUILD, { mode: 'off', cooldownSeconds: 5 });
      await store.addAutoChannel(OTHER_GUILD, CHANNEL);
      expect(await store.resetGuildSettings(GUILD)).toEqual(defaultGuildSettings(GUILD));
      expect(await store.getGuildSettings(GUILD)).toEqual(defaultGuildSettings(GUILD));
      expect((await store.getGuildSettings(OTHER_GUILD)).autoChannelIds).toEqual([CHANNEL]);
    }));

  it.each([
    [{ mode: 'sometimes' as never }, /Unknown mode "sometimes"/],
    [{ askVisibility: 'secret' as never }, /Unknown visibility "secret"/],
    [{ cooldownSeconds: 2.5 }, /whole number of seconds from 0 to 3600/],
    [{ cooldownSeconds: -1 }, /whole number/],
    [{ cooldownSeconds: 3601 }, /whole number/],
    [{ cooldownSeconds: Number.NaN }, /whole number/],
  ])('refuses %o and writes nothing', (patch, message) =>
    withStore(async (store) => {
      await expect(store.updateGuildSettings(GUILD, patch)).rejects.toThrow(message);
      expect(await store.getGuildSettings(GUILD)).toEqual(defaultGuildSettings(GUILD));
    }),
  );

  it('keeps the settings across a reopen', async () => {
    const database = await backend.fresh();
    const first = await database.open();
    await first.updateGuildSettings(GUILD, { cooldownSeconds: 12 });
    await first.addAutoChannel(GUILD, CHANNEL);
    await first.close();
    const second = await database.open();
    expect(await second.getGuildSettings(GUILD)).toMatchObject({
      cooldownSeconds: 12,
      autoChannelIds: [CHANNEL],
    });
    await second.close();
  });

  it('a change made by one process is seen by another that already read the guild, within 2 s', async () => {
    const database = await backend.fresh();
    const reader = await database.open();
    const writer = await database.open();
    try {
      expect((await reader.getGuildSettings(GUILD)).mode).toBe('mention-only');
      await writer.updateGuildSettings(GUILD, { mode: 'off' });
      await writer.addAutoChannel(GUILD, CHANNEL);
      const seen = await eventually(
        () => reader.getGuildSettings(GUILD),
        (s) => s.mode === 'off' && s.autoChannelIds.length === 1,
        2000,
      );
      expect(seen).toMatchObject({ mode: 'off', autoChannelIds: [CHANNEL] });
    } finally {
      await reader.close();
      await writer.close();
    }
  });

  it('changes to different settings from two processes at once both survive', async () => {
    const database = await backend.fresh();
    const [a, b] = await Promise.all([database.open(), database.open()]);
    try {
      await Promise.all([
        ...Array.from({ length: 10 }, (_, i) => a.updateGuildSettings(GUILD, { cooldownSeconds: i + 1 })),
        ...Array.from({ length: 10 }, () => b.updateGuildSettings(GUILD, { mode: 'off' })),
        b.addAutoChannel(GUILD, CHANNEL),
      ]);
      const reopened = await database.open();
      expect(await reopened.getGuildSettings(GUILD)).toMatchObject({
        mode: 'off',
        autoChannelIds: [CHANNEL],
      });
      expect((await reopened.getGuildSettings(GUILD)).cooldownSeconds).toBeGreaterThan(0);
      await reopened.close();
    } finally {
      await a.close();
      await b.close();
    }
  });

  it('a write whose promise resolved survives kill -9 of the process that made it', async () => {
    const database = await backend.fresh();
    const script = `
      const store = ${database.openInChild};
      await store.updateGuildSettings('${GUILD}', { mode: 'off', cooldownSeconds: 7 });
      process.kill(process.pid, 'SIGKILL');
    `;
    // The compiled store, without tsx: about 0.2 CPU-s for the process instead of 0.9.
    const child = spawnSync(process.execPath, ['--input-type=module', '-e', script], {
      cwd: ROOT,
      encoding: 'utf8',
      timeout: 30_000,
    });
    expect(child.signal, child.stderr).toBe('SIGKILL');
    const store = await database.open();
    expect(await store.getGuildSettings(GUILD)).toMatchObject({ mode: 'off', cooldownSeconds: 7 });
    await store.close();
  });
});

describe('PostgreSQL', () => {
  beforeAll(startServerOnce, 90_000);
  it('records the schema version, and refuses a database migrated by a newer bot', async () => {
    const url = await server.createDatabase();
    const stores = await Promise.all([
      openPostgresStore(url),
      openPostgresStore(url),
      openPostgresStore(url),
    ]);
    for (const store of stores) await store.close();
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    const versions = await client.query<{ version: number }>(
      'SELECT version FROM k2_schema_version ORDER BY version',
    );
    expect(versions.rows.map((row) => row.version)).toEqual([1, 2]);
    expect(POSTGRES_SCHEMA_VERSION).toBe(2);
    await client.query('INSERT INTO k2_schema_version (version) VALUES (9)');
    await client.end();
    await expect(openPostgresStore(url)).rejects.toThrow(
      /schema version 9 is newer than this bot understands/,
    );
  });

  it('refuses to start when the server cannot be reached, quickly, without the password in the message', async () => {
    const closedPort = server.port + 1;
    const url = `postgres://k2:hunter2@127.0.0.1:${closedPort}/k2`;
    const failure = await openPostgresStore(url, { timeoutMs: 2000 }).catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(StoreError);
    expect((failure as StoreError).reason).toBe('the settings database is unreachable');
    expect((failure as StoreError).message).not.toContain('hunter2');
  });

  it('names a database that does not exist', async () => {
    await expect(openPostgresStore(server.url('no_such_database'))).rejects.toThrow(
      'the settings database does not exist',
    );
  });

  it('while the server is down: last known settings, defaults for others, changes refused; then it reconnects by itself', async () => {
    const cable = await openCable(await server.createDatabase());
    const url = cable.url;
    const errors: string[] = [];
    const logger = {
      error: (details: object) => errors.push(String((details as { event?: string }).event)),
      warn: () => undefined,
      info: () => undefined,
    };
    const store = await openPostgresStore(url, { timeoutMs: 2000, reconnectMs: 200, logger });
    try {
      await store.updateGuildSettings(GUILD, { mode: 'off', askVisibility: 'private' });
      await cable.cut();
      try {
        expect(await store.getGuildSettings(GUILD)).toMatchObject({ mode: 'off', askVisibility: 'private' });
        expect(await store.getGuildSettings(OTHER_GUILD)).toEqual(defaultGuildSettings(OTHER_GUILD));
        const refused = await store
          .updateGuildSettings(GUILD, { cooldownSeconds: 5 })
          .catch((error: unknown) => error);
        expect(refused).toBeInstanceOf(StoreError);
        expect((refused as StoreError).reason).toBe('the settings database is unreachable');
        expect(errors).toContain('store-unreachable');
        // Reads still answer, so readiness asks the store itself.
        await expect(store.checkHealth?.()).rejects.toThrow('the settings database is unreachable');
      } finally {
        await cable.restore();
      }
      // Nobody reopens the store: it must find the server again on its own.
      const accepted = await eventually(
        () => store.updateGuildSettings(GUILD, { cooldownSeconds: 5 }).catch(() => undefined),
        (settings): settings is GuildSettings => settings !== undefined,
        15_000,
      );
      expect(accepted).toMatchObject({ mode: 'off', cooldownSeconds: 5 });
      await expect
        .poll(
          () =>
            store.checkHealth?.().then(
              () => 'healthy',
              (error: Error) => error.message,
            ),
          { timeout: 5000 },
        )
        .toBe('healthy');
      // And it listens again: another process's change reaches it within 2 s.
      const other = await openPostgresStore(url);
      await eventually(
        async () => {
          await other.updateGuildSettings(OTHER_GUILD, { cooldownSeconds: 1 });
          return store.getGuildSettings(OTHER_GUILD);
        },
        (s) => s.cooldownSeconds === 1,
        5000,
      );
      await other.updateGuildSettings(GUILD, { mode: 'mention-only' });
      const seen = await eventually(
        () => store.getGuildSettings(GUILD),
        (s) => s.mode === 'mention-only',
        2000,
      );
      expect(seen.mode).toBe('mention-only');
      await other.close();
    } finally {
      await store.close();
      await cable.close();
    }
  }, 60_000);

  it('a listener connection that hangs without an error is found out by the heartbeat, and changes are seen again', async () => {
    const url = await server.createDatabase();
    const store = await openPostgresStore(url, { timeoutMs: 1000, reconnectMs: 100, heartbeatMs: 300 });
    const admin = new pg.Client({ connectionString: url });
    await admin.connect();
    let frozen: number | undefined;
    try {
      expect((await store.getGuildSettings(GUILD)).mode).toBe('mention-only');
      // Freeze the server process behind the listener: its socket stays open but nothing answers,
      // as with a host that vanished without a reset.
      const listener = await admin.query<{ pid: number }>(
        "SELECT pid FROM pg_stat_activity WHERE query LIKE 'LISTEN %' AND datname = current_database()",
      );
      expect(listener.rows).toHaveLength(1);
      frozen = listener.rows[0]?.pid as number;
      process.kill(frozen, 'SIGSTOP');
      const other = await openPostgresStore(url);
      await other.updateGuildSettings(GUILD, { mode: 'off' });
      await other.close();
      const seen = await eventually(
        () => store.getGuildSettings(GUILD),
        (s) => s.mode === 'off',
        5000,
      );
      expect(seen.mode).toBe('off');
    } finally {
      if (frozen) process.kill(frozen, 'SIGCONT');
      await admin.end();
      await store.close();
    }
  });
});
