import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { defaultGuildSettings, StoreError } from '../../src/store/settingsStore.ts';
import { openSqliteStore, SCHEMA_VERSION } from '../../src/store/sqliteStore.ts';

const GUILD = '100000000000000001';
const OTHER_GUILD = '100000000000000002';
const CHANNEL = '200000000000000001';

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

  it('updates, keeps guilds apart and reports the new state', async () => {
    const store = openSqliteStore(join(dir, 'k2.sqlite'));
    const updated = await store.updateGuildSettings(GUILD, { mode: 'auto-channels', cooldownSeconds: 30 });
    expect(updated).toMatchObject({ mode: 'auto-channels', cooldownSeconds: 30, askVisibility: 'public' });
    expect((await store.updateGuildSettings(GUILD, { askVisibility: 'private' })).mode).toBe('auto-channels');
    expect(await store.getGuildSettings(OTHER_GUILD)).toEqual(defaultGuildSettings(OTHER_GUILD));
    await store.close();
  });

  it('adds channels once, removes them, and reset clears everything', async () => {
    const store = openSqliteStore(join(dir, 'k2.sqlite'));
    await store.addAutoChannel(GUILD, CHANNEL);
    expect((await store.addAutoChannel(GUILD, CHANNEL)).autoChannelIds).toEqual([CHANNEL]);
    expect((await store.removeAutoChannel(GUILD, CHANNEL)).autoChannelIds).toEqual([]);
    await store.addAutoChannel(GUILD, CHANNEL);
    await store.updateGuildSettings(GUILD, { mode: 'off' });
    expect(await store.resetGuildSettings(GUILD)).toEqual(defaultGuildSettings(GUILD));
    await store.close();
  });

  it('keeps settings across reopen', async () => {
    const path = join(dir, 'k2.sqlite');
    const first = openSqliteStore(path);
    await first.updateGuildSettings(GUILD, { cooldownSeconds: 12 });
    await first.addAutoChannel(GUILD, CHANNEL);
    await first.close();
    const second = openSqliteStore(path);
    expect(await second.getGuildSettings(GUILD)).toMatchObject({
      cooldownSeconds: 12,
      autoChannelIds: [CHANNEL],
    });
    await second.close();
  });

  it('keeps a write made right before kill -9', async () => {
    const path = join(dir, 'k2.sqlite');
    const script = `
      import { openSqliteStore } from ${JSON.stringify(new URL('../../src/store/sqliteStore.ts', import.meta.url).pathname)};
      const store = openSqliteStore(${JSON.stringify(path)});
      await store.updateGuildSettings('${GUILD}', { mode: 'off', cooldownSeconds: 7 });
      process.kill(process.pid, 'SIGKILL');
    `;
    const child = spawnSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], {
      encoding: 'utf8',
    });
    expect(child.signal).toBe('SIGKILL');
    const store = openSqliteStore(path);
    expect(await store.getGuildSettings(GUILD)).toMatchObject({ mode: 'off', cooldownSeconds: 7 });
    await store.close();
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
