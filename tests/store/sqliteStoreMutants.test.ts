import {
  copyFileSync,
  existsSync,
  mkdtempSync,
  renameSync,
  rmSync,
  statfsSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { FeedbackVote, LearningStore, RecordedQuestion } from '../../src/store/learningStore.ts';
import { openSettingsStore } from '../../src/store/openStore.ts';
import { defaultGuildSettings, StoreError, type StoreLogger } from '../../src/store/settingsStore.ts';
import {
  describeError,
  explainSqliteError,
  MIN_FREE_BYTES,
  openSqliteStore,
} from '../../src/store/sqliteStore.ts';

// The SQLite store's error paths and file handling, one by one with hand-written expectations, on
// real databases in a temporary folder (for mutation testing, npm run test:mutation -- store). The
// checks that need another user (file modes are ignored for root) live in sqliteStore.test.ts and
// run in a child process, which mutation testing cannot see.

const GUILD = '100000000000000001';
const OTHER_GUILD = '100000000000000002';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'k2-store-mutants-'));
});
afterEach(() => {
  rmSync(dir, { recursive: true, force: true });
});

interface LogLine {
  level: string;
  details: object;
  message: string;
}

function recordingLogger(): StoreLogger & { lines: LogLine[] } {
  const lines: LogLine[] = [];
  return {
    lines,
    error: (details, message) => lines.push({ level: 'error', details, message }),
    warn: (details, message) => lines.push({ level: 'warn', details, message }),
    info: (details, message) => lines.push({ level: 'info', details, message }),
  };
}

function removeDatabaseFiles(path: string): void {
  for (const suffix of ['', '-wal', '-shm']) rmSync(`${path}${suffix}`, { force: true });
}

/** The StoreError a call threw, to compare its parts. */
function storeErrorOf(action: () => unknown): StoreError {
  try {
    action();
  } catch (error) {
    if (error instanceof StoreError) return error;
    throw error;
  }
  throw new Error('expected a StoreError, nothing was thrown');
}

async function rejectionOf(promise: Promise<unknown>): Promise<StoreError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof StoreError) return error;
    throw error;
  }
  throw new Error('expected a StoreError, the promise resolved');
}

function sqliteError(code: string): Error {
  return new Database.SqliteError(`sqlite said ${code}`, code);
}

describe('explainSqliteError: the reason a server admin is shown', () => {
  it.each([
    ['SQLITE_READONLY', 'the settings database is read-only'],
    ['SQLITE_READONLY_DBMOVED', 'the settings database is read-only'],
    ['SQLITE_FULL', 'the disk holding the settings database is full'],
    ['SQLITE_IOERR_SHMSIZE', 'the disk holding the settings database is full'],
    ['SQLITE_CANTOPEN', 'the settings database file cannot be opened'],
    ['SQLITE_CANTOPEN_ISDIR', 'the settings database file cannot be opened'],
    ['SQLITE_BUSY', 'the settings database is locked by another program'],
    ['SQLITE_BUSY_SNAPSHOT', 'the settings database is locked by another program'],
    ['SQLITE_LOCKED', 'the settings database is locked by another program'],
    ['SQLITE_LOCKED_SHAREDCACHE', 'the settings database is locked by another program'],
    ['SQLITE_CORRUPT', 'the settings database file is damaged'],
    ['SQLITE_CORRUPT_INDEX', 'the settings database file is damaged'],
    ['SQLITE_NOTADB', 'the settings database file is damaged'],
    ['SQLITE_IOERR', 'the disk reported an error while using the settings database'],
    ['SQLITE_IOERR_WRITE', 'the disk reported an error while using the settings database'],
    ['SQLITE_ERROR', 'the settings database failed'],
    ['SQLITE_CONSTRAINT_NOTNULL', 'the settings database failed'],
    ['SQLITE_FULL_SOMETHING', 'the settings database failed'],
  ])('%s: %s', (code, reason) => {
    expect(explainSqliteError(sqliteError(code))).toBe(reason);
  });

  it('an error without a code: the settings database failed', () => {
    expect(explainSqliteError(new Error('no code'))).toBe('the settings database failed');
    expect(explainSqliteError('a bare string')).toBe('the settings database failed');
  });
});

describe('describeError: what the operator log adds', () => {
  it('the message and the SQLite code', () => {
    expect(describeError(sqliteError('SQLITE_IOERR'))).toBe('sqlite said SQLITE_IOERR, SQLITE_IOERR');
  });
  it('the message alone when there is no code, or the code is not text', () => {
    expect(describeError(new Error('plain failure'))).toBe('plain failure');
    expect(describeError(Object.assign(new Error('numbered'), { code: 5 }))).toBe('numbered');
    expect(describeError('a bare string')).toBe('a bare string');
  });
});

describe('start-up', () => {
  it('asks for 1 MiB of free disk by default', () => {
    expect(MIN_FREE_BYTES).toBe(1_048_576);
  });

  it('refuses a disk without the room asked for, saying how much is free and how much is needed', () => {
    const disk = statfsSync(dir);
    const freeKiB = (disk.bavail * disk.bsize) / 1024;
    const error = storeErrorOf(() =>
      openSqliteStore(join(dir, 'k2.sqlite'), { minFreeBytes: Number.MAX_SAFE_INTEGER }),
    );
    const match =
      /^the disk holding the settings database is full \((\d+) KiB free, at least (\d+) KiB needed\)$/.exec(
        error.reason,
      );
    expect(match, error.reason).not.toBeNull();
    // 2^53 - 1 bytes, rounded up to whole KiB.
    expect(match?.[2]).toBe('8796093022208');
    // Others write to this disk too: the figure is the free space give or take a little.
    const reportedKiB = Number(match?.[1]);
    expect(reportedKiB).toBeGreaterThan(freeKiB * 0.9);
    expect(reportedKiB).toBeLessThan(freeKiB * 1.1);
    expect(existsSync(join(dir, 'k2.sqlite'))).toBe(false);
  });

  it('names the absolute path when given a relative one', () => {
    const path = join(dir, 'corrupt.sqlite');
    writeFileSync(path, 'this is not a sqlite database, just some text '.repeat(200));
    const error = storeErrorOf(() => openSqliteStore(relative(process.cwd(), path)));
    expect(error.where).toBe(path);
  });

  it('a file that is not a database: damaged, with the SQLite code in the message', () => {
    const path = join(dir, 'corrupt.sqlite');
    writeFileSync(path, 'this is not a sqlite database, just some text '.repeat(200));
    const error = storeErrorOf(() => openSqliteStore(path));
    expect(error.reason).toBe('the settings database file is damaged');
    expect(error.message).toContain('SQLITE_NOTADB');
  });

  it('a folder where the file should be: cannot be opened', () => {
    const error = storeErrorOf(() => openSqliteStore(dir));
    expect(error.reason).toBe('the settings database file cannot be opened');
    expect(error.message).toContain('SQLITE_CANTOPEN');
  });

  it('another program’s SQLite database (its own guild_settings table): move it aside', () => {
    const path = join(dir, 'foreign.sqlite');
    const db = new Database(path);
    db.exec('CREATE TABLE guild_settings (id INTEGER PRIMARY KEY)');
    db.close();
    const error = storeErrorOf(() => openSqliteStore(path));
    expect(error.reason).toBe(
      'is unreadable or not a SQLite database. Move it aside to start with default settings',
    );
    expect(error.message).toContain('SQLITE_ERROR');
  });

  it('a database from a newer bot: the reason names both schema versions', () => {
    const path = join(dir, 'future.sqlite');
    const db = new Database(path);
    db.pragma('user_version = 7');
    db.close();
    const error = storeErrorOf(() => openSqliteStore(path));
    expect(error.reason).toBe('schema version 7 is newer than this bot understands (3); upgrade the bot');
  });
});

describe('an in-memory store (":memory:")', () => {
  it('keeps what it was told for as long as it is open, and never touches the disk', async () => {
    const logger = recordingLogger();
    // The free-space check is for files: asked for more room than any disk has, memory still opens.
    const store = openSqliteStore(':memory:', { logger, minFreeBytes: Number.MAX_SAFE_INTEGER });
    await store.updateGuildSettings(GUILD, { mode: 'off' });
    await store.addAutoChannel(GUILD, '200000000000000001');
    expect(await store.getGuildSettings(GUILD)).toMatchObject({
      mode: 'off',
      autoChannelIds: ['200000000000000001'],
    });
    await expect(store.checkHealth?.()).resolves.toBeUndefined();
    await store.close();
    expect(logger.lines).toEqual([]);
    expect(existsSync(':memory:')).toBe(false);

    const next = openSqliteStore(':memory:');
    expect(await next.getGuildSettings(GUILD)).toEqual(defaultGuildSettings(GUILD));
    await next.close();
  });
});

describe('calls on an open file store', () => {
  it('a file left alone is not reported as changed', async () => {
    const logger = recordingLogger();
    const store = openSqliteStore(join(dir, 'k2.sqlite'), { logger });
    await store.updateGuildSettings(GUILD, { mode: 'off' });
    await store.getGuildSettings(GUILD);
    await store.checkHealth?.();
    expect(logger.lines).toEqual([]);
    await store.close();
  });

  it('a closed store refuses every call, saying it is closed', async () => {
    const store = openSqliteStore(join(dir, 'k2.sqlite'));
    await store.close();
    const error = await rejectionOf(store.getGuildSettings(GUILD));
    expect(error.reason).toBe('the settings database is closed');
  });

  it('a value SQLite refuses becomes a StoreError with the SQLite code, not a raw SQLite error', async () => {
    const store = openSqliteStore(join(dir, 'k2.sqlite')) as unknown as LearningStore & {
      close(): Promise<void>;
    };
    const question = { guildId: GUILD, text: null, reason: 'declined', topicId: null, day: '2026-11-30' };
    const error = await rejectionOf(store.recordQuestion(question as unknown as RecordedQuestion));
    expect(error.reason).toBe('the settings database failed');
    expect(error.message).toContain('SQLITE_CONSTRAINT_NOTNULL');
    await store.close();
  });

  it('the file deleted and replaced: both logged in words, and a store without a logger carries on', async () => {
    const path = join(dir, 'k2.sqlite');
    const logger = recordingLogger();
    const store = openSqliteStore(path, { logger });
    await store.updateGuildSettings(GUILD, { mode: 'off' });
    removeDatabaseFiles(path);
    await store.updateGuildSettings(GUILD, { cooldownSeconds: 9 });

    const backup = join(dir, 'backup.sqlite');
    const other = openSqliteStore(backup);
    await other.close();
    copyFileSync(backup, `${path}.new`);
    renameSync(`${path}.new`, path);
    await store.getGuildSettings(GUILD);
    expect(logger.lines).toEqual([
      {
        level: 'error',
        details: { event: 'store-file-changed', path, change: 'deleted' },
        message: 'settings database file was deleted while the bot ran; reopening it',
      },
      {
        level: 'error',
        details: { event: 'store-file-changed', path, change: 'replaced' },
        message: 'settings database file was replaced while the bot ran; reopening it',
      },
    ]);
    await store.close();

    const quiet = openSqliteStore(path);
    removeDatabaseFiles(path);
    expect(await quiet.updateGuildSettings(GUILD, { mode: 'off' })).toMatchObject({ mode: 'off' });
    await quiet.close();
  });

  it('openSettingsStore hands its logger to the SQLite store', async () => {
    const path = join(dir, 'k2.sqlite');
    const logger = recordingLogger();
    const store = await openSettingsStore({ DATABASE_PATH: path }, logger);
    removeDatabaseFiles(path);
    await store.getGuildSettings(GUILD);
    expect(logger.lines.map((line) => line.details)).toEqual([
      { event: 'store-file-changed', path, change: 'deleted' },
    ]);
    await store.close();
  });

  it('checkHealth fails once the disk has less room than the store was opened with', async () => {
    const path = join(dir, 'k2.sqlite');
    const disk = statfsSync(dir);
    // 8 MiB below the free space now, then a 64 MiB file written beside the database.
    const minFreeBytes = disk.bavail * disk.bsize - 8 * 1024 * 1024;
    const store = openSqliteStore(path, { minFreeBytes });
    await expect(store.checkHealth?.()).resolves.toBeUndefined();
    writeFileSync(join(dir, 'filler'), Buffer.alloc(64 * 1024 * 1024));
    const error = await rejectionOf(store.checkHealth?.() ?? Promise.resolve());
    expect(error.reason).toMatch(
      /^the disk holding the settings database is full \(\d+ KiB free, at least \d+ KiB needed\)$/,
    );
    expect(error.reason).toContain(`at least ${Math.ceil(minFreeBytes / 1024)} KiB needed`);
    await store.close();
  });

  it('forgetGuild leaves the write-ahead log empty, so the forgotten rows are not in it', async () => {
    const path = join(dir, 'k2.sqlite');
    const store = openSqliteStore(path) as ReturnType<typeof openSqliteStore> & LearningStore;
    await store.updateGuildSettings(GUILD, { note: 'a note to forget' });
    await store.recordQuestion({
      guildId: GUILD,
      text: 'does k2 help bones',
      reason: 'declined',
      topicId: null,
      day: '2026-11-30',
    });
    expect(statSync(`${path}-wal`).size).toBeGreaterThan(0);
    await store.forgetGuild(GUILD);
    expect(statSync(`${path}-wal`).size).toBe(0);
    await store.close();
  });
});

describe('a file swapped in while a change is being written is never confirmed', () => {
  const REFUSED = 'the settings database file was replaced during the change; try again';
  let path: string;
  let swapIn: () => void;
  let store: ReturnType<typeof openSqliteStore> & LearningStore;

  beforeEach(async () => {
    path = join(dir, 'k2.sqlite');
    const backup = join(dir, 'backup.sqlite');
    const restored = openSqliteStore(backup);
    await restored.updateGuildSettings(OTHER_GUILD, { mode: 'off' });
    await restored.close();
    // A restored copy renamed over the database, as an operator's restore script would.
    swapIn = () => {
      copyFileSync(backup, `${path}.new`);
      renameSync(`${path}.new`, path);
    };
    store = openSqliteStore(path, { logger: recordingLogger() }) as typeof store;
    await store.getGuildSettings(GUILD);
  });
  afterEach(async () => {
    await store.close();
  });

  /** A value that swaps the file in whenever the store reads it, that is, while it writes. */
  function swappingWhenRead<T extends object>(value: T, key: keyof T & string): T {
    const plain = value[key];
    return Object.defineProperty({ ...value }, key, {
      enumerable: true,
      get: () => {
        swapIn();
        return plain;
      },
    });
  }

  class SwappingDate extends Date {
    override toISOString(): string {
      swapIn();
      return super.toISOString();
    }
  }

  const vote: FeedbackVote = {
    guildId: GUILD,
    topicId: 'bones',
    factIds: ['f1'],
    coverage: 'full',
    replyKind: 'answer',
    vote: 'helpful',
    day: '2026-11-30',
  };

  it('a settings change', async () => {
    const error = await rejectionOf(
      store.updateGuildSettings(GUILD, swappingWhenRead({ cooldownSeconds: 9 }, 'cooldownSeconds')),
    );
    expect(error.reason).toBe(REFUSED);
  });

  it('a vote', async () => {
    const error = await rejectionOf(store.recordVote('vote-key-1', swappingWhenRead(vote, 'day')));
    expect(error.reason).toBe(REFUSED);
  });

  it('a kept question', async () => {
    const question: RecordedQuestion = {
      guildId: GUILD,
      text: 'does k2 help bones',
      reason: 'declined',
      topicId: null,
      day: '2026-11-30',
    };
    const error = await rejectionOf(store.recordQuestion(swappingWhenRead(question, 'day')));
    expect(error.reason).toBe(REFUSED);
  });

  it('a server marked as gone', async () => {
    const error = await rejectionOf(store.markGuildLeft(GUILD, new SwappingDate('2026-11-30T12:00:00Z')));
    expect(error.reason).toBe(REFUSED);
  });

  it('forgetting the servers that left before a date', async () => {
    const error = await rejectionOf(store.forgetGuildsLeftBefore(new SwappingDate('2026-11-30T12:00:00Z')));
    expect(error.reason).toBe(REFUSED);
  });
});
