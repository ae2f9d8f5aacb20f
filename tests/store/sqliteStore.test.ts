import { spawnSync } from 'node:child_process';
import {
  chmodSync,
  copyFileSync,
  mkdirSync,
  mkdtempSync,
  renameSync,
  rmSync,
  statfsSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { defaultGuildSettings, StoreError, type StoreLogger } from '../../src/store/settingsStore.ts';
import { openSqliteStore, SCHEMA_VERSION } from '../../src/store/sqliteStore.ts';
import { BUILD_TIMEOUT_MS, ensureBuilt } from '../compiled.ts';
import { compiledUrl, giveToScriptUser, runScriptUnprivileged } from './unprivileged.ts';

const GUILD = '100000000000000001';
const CHANNEL = '200000000000000001';

// The scripts run as another user import the compiled store.
beforeAll(ensureBuilt, BUILD_TIMEOUT_MS);

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'k2-store-'));
});
afterEach(() => {
  rmSync(dir, { recursive: true, force: true });
});

describe('openSqliteStore', () => {
  it('returns defaults for an unknown guild and creates missing folders', async () => {
    const store = openSqliteStore(join(dir, 'nested', 'deeper', 'k2.sqlite'));
    expect(await store.getGuildSettings(GUILD)).toEqual(defaultGuildSettings(GUILD));
    await store.close();
  });

  it('sets WAL, synchronous FULL and the schema version', async () => {
    const path = join(dir, 'k2.sqlite');
    const store = openSqliteStore(path);
    await store.updateGuildSettings(GUILD, { mode: 'off' });
    await store.close();
    const db = new Database(path);
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.pragma('user_version', { simple: true })).toBe(SCHEMA_VERSION);
    db.close();
  });

  it('names the path when the file is not a database', () => {
    const path = join(dir, 'corrupt.sqlite');
    writeFileSync(path, 'this is not a sqlite database, just some text '.repeat(200));
    expect(() => openSqliteStore(path)).toThrow(StoreError);
    expect(() => openSqliteStore(path)).toThrow(path);
  });

  it('names the path when it cannot be created', () => {
    const blocker = join(dir, 'file');
    writeFileSync(blocker, 'x');
    const path = join(blocker, 'k2.sqlite');
    expect(() => openSqliteStore(path)).toThrow(path);
  });

  it('refuses a database from a newer schema', () => {
    const path = join(dir, 'future.sqlite');
    const db = new Database(path);
    db.pragma(`user_version = ${SCHEMA_VERSION + 5}`);
    db.close();
    expect(() => openSqliteStore(path)).toThrow(/newer than this bot understands/);
  });

  it('falls back to defaults for values it does not know', async () => {
    const path = join(dir, 'k2.sqlite');
    const store = openSqliteStore(path);
    await store.updateGuildSettings(GUILD, { mode: 'off' });
    await store.close();
    const db = new Database(path);
    db.prepare("UPDATE guild_settings SET mode = 'bogus'").run();
    db.close();
    const reopened = openSqliteStore(path);
    expect((await reopened.getGuildSettings(GUILD)).mode).toBe('mention-only');
    await reopened.close();
  });
});

function recordingLogger(): StoreLogger & { lines: { level: string; details: object; message: string }[] } {
  const lines: { level: string; details: object; message: string }[] = [];
  const at = (level: string) => (details: object, message: string) => {
    lines.push({ level, details, message });
  };
  return { lines, error: at('error'), warn: at('warn'), info: at('info') };
}

function removeDatabaseFiles(path: string): void {
  for (const suffix of ['', '-wal', '-shm']) rmSync(`${path}${suffix}`, { force: true });
}

describe('a database the bot cannot write is refused at start-up', () => {
  /** Opens the store in another process, as a user the file modes apply to, and tries one write. */
  function openAsUnprivileged(path: string): string {
    const script = `
      import { openSqliteStore } from ${compiledUrl('store/sqliteStore.js')};
      let store;
      try {
        store = openSqliteStore(${JSON.stringify(path)});
      } catch (error) {
        console.log('REFUSED: ' + error.message);
        process.exit(0);
      }
      console.log('STARTED');
      await store.updateGuildSettings('${GUILD}', { mode: 'off' }).catch((error) => console.log('WRITE FAILED: ' + error.message));
    `;
    const run = runScriptUnprivileged(script);
    expect(run.status, run.output).toBe(0);
    return run.output;
  }

  function prepareFolder(ownedByScriptUser: boolean): string {
    chmodSync(dir, 0o755);
    const folder = join(dir, 'data');
    mkdirSync(folder, { mode: 0o755 });
    if (ownedByScriptUser) giveToScriptUser(folder);
    const path = join(folder, 'k2.sqlite');
    const store = openSqliteStore(path);
    void store.close();
    giveToScriptUser(path);
    return path;
  }

  it('a read-only database file', () => {
    const path = prepareFolder(true);
    chmodSync(path, 0o444);
    const output = openAsUnprivileged(path);
    expect(output).toContain('REFUSED');
    expect(output).toContain('the settings database is read-only');
    expect(output).toContain(path);
  });

  it('a read-only folder (SQLite must create its -wal and -shm files there)', () => {
    const path = prepareFolder(false);
    const output = openAsUnprivileged(path);
    expect(output).toContain('REFUSED');
    expect(output).toContain('folder of the settings database is read-only');
  });

  it('the same files writable start normally (the check is not refusing everything)', () => {
    const path = prepareFolder(true);
    const output = openAsUnprivileged(path);
    expect(output).toContain('STARTED');
    expect(output).not.toContain('FAILED');
  });

  it('a full disk', async () => {
    const mountPoint = join(dir, 'small-disk');
    mkdirSync(mountPoint);
    // A real full filesystem needs a mount: a 2 MiB tmpfs, filled up after the database exists.
    const mount = spawnSync('mount', ['-t', 'tmpfs', '-o', 'size=2m', 'tmpfs', mountPoint], {
      encoding: 'utf8',
    });
    if (mount.status !== 0) {
      // Without mount rights (a non-root developer), the free-space check still runs for real
      // against this disk, asked for more room than the disk has.
      const disk = statfsSync(dir);
      expect(() =>
        openSqliteStore(join(dir, 'k2.sqlite'), { minFreeBytes: disk.blocks * disk.bsize + 1 }),
      ).toThrow(/disk holding the settings database is full/);
      console.warn(`full-disk test ran without a real full disk: mount failed (${mount.stderr.trim()})`);
      return;
    }
    try {
      const path = join(mountPoint, 'k2.sqlite');
      const store = openSqliteStore(path, { minFreeBytes: 0 });
      await store.updateGuildSettings(GUILD, { mode: 'off' });
      await store.close();
      const fill = spawnSync('dd', ['if=/dev/zero', `of=${join(mountPoint, 'filler')}`, 'bs=4k'], {
        encoding: 'utf8',
      });
      expect(fill.stderr).toMatch(/No space left/);
      expect(() => openSqliteStore(path)).toThrow(/disk holding the settings database is full/);
      // Even with the free-space check off, the start-up write finds the full disk.
      expect(() => openSqliteStore(path, { minFreeBytes: 0 })).toThrow(
        /disk holding the settings database is full/,
      );
    } finally {
      spawnSync('umount', [mountPoint]);
    }
  });
});

describe('the database file deleted or replaced while the bot runs', () => {
  it('a deleted file is noticed at the next write, logged, and recreated with the write in it', async () => {
    const path = join(dir, 'k2.sqlite');
    const logger = recordingLogger();
    const store = openSqliteStore(path, { logger });
    await store.updateGuildSettings(GUILD, { mode: 'off' });
    removeDatabaseFiles(path);

    const confirmed = await store.updateGuildSettings(GUILD, { cooldownSeconds: 9 });
    expect(confirmed).toMatchObject({ cooldownSeconds: 9, mode: 'mention-only' });
    expect(logger.lines).toEqual([
      expect.objectContaining({ level: 'error', details: expect.objectContaining({ change: 'deleted' }) }),
    ]);

    const reader = openSqliteStore(path);
    expect(await reader.getGuildSettings(GUILD)).toMatchObject({ cooldownSeconds: 9 });
    await reader.close();
    await store.close();
  });

  it('a replaced file (a restored copy) is reopened, and the write lands in the new file', async () => {
    const path = join(dir, 'k2.sqlite');
    const backup = join(dir, 'backup.sqlite');
    const other = openSqliteStore(backup);
    await other.addAutoChannel(GUILD, CHANNEL);
    await other.close();

    const logger = recordingLogger();
    const store = openSqliteStore(path, { logger });
    await store.updateGuildSettings(GUILD, { mode: 'off' });
    copyFileSync(backup, `${path}.new`);
    renameSync(`${path}.new`, path);

    const confirmed = await store.updateGuildSettings(GUILD, { askVisibility: 'private' });
    expect(confirmed).toMatchObject({
      askVisibility: 'private',
      mode: 'mention-only',
      autoChannelIds: [CHANNEL],
    });
    expect(logger.lines.map((line) => line.details)).toEqual([
      expect.objectContaining({ change: 'replaced' }),
    ]);

    const reader = openSqliteStore(path);
    expect(await reader.getGuildSettings(GUILD)).toMatchObject({
      askVisibility: 'private',
      autoChannelIds: [CHANNEL],
    });
    await reader.close();
    await store.close();
  });

  it('a write that cannot reach the file is refused with the reason, not confirmed', async () => {
    chmodSync(dir, 0o755);
    const folder = join(dir, 'data');
    mkdirSync(folder);
    giveToScriptUser(folder);
    const path = join(folder, 'k2.sqlite');
    // Deleted, and the folder turned read-only before the next write: nothing can be recreated.
    const script = `
      import { chmodSync, rmSync } from 'node:fs';
      import { openSqliteStore } from ${compiledUrl('store/sqliteStore.js')};
      const store = openSqliteStore(${JSON.stringify(path)}, { logger: { error() {}, warn() {}, info() {} } });
      await store.updateGuildSettings('${GUILD}', { mode: 'off' });
      for (const suffix of ['', '-wal', '-shm']) rmSync(${JSON.stringify(path)} + suffix, { force: true });
      chmodSync(${JSON.stringify(folder)}, 0o555);
      try {
        const settings = await store.updateGuildSettings('${GUILD}', { cooldownSeconds: 5 });
        console.log('CONFIRMED ' + JSON.stringify(settings));
      } catch (error) {
        console.log('REFUSED: ' + error.reason);
      }
    `;
    const run = runScriptUnprivileged(script);
    expect(run.output).toContain('REFUSED: the folder of the settings database is read-only');
    expect(run.output).not.toContain('CONFIRMED');
  });
});

describe('checkHealth', () => {
  it('fails, naming the reason, when the database cannot be reached at its path any more', async () => {
    const folder = join(dir, 'data');
    const path = join(folder, 'k2.sqlite');
    const store = openSqliteStore(path, { logger: recordingLogger() });
    await expect(store.checkHealth?.()).resolves.toBeUndefined();
    rmSync(folder, { recursive: true });
    writeFileSync(folder, 'a file where the folder was');
    await expect(store.checkHealth?.()).rejects.toThrow(
      'the folder of the settings database cannot be created',
    );
    await store.close();
  });
});
