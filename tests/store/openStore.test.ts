import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ConfigError, describeConfig, loadConfig } from '../../src/config.ts';
import { openSettingsStore } from '../../src/store/openStore.ts';

const quiet = { error: () => undefined, warn: () => undefined, info: () => undefined };
const dir = mkdtempSync(join(tmpdir(), 'k2-open-store-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** A loopback port nothing listens on. */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const { port } = server.address() as { port: number };
  await new Promise((done) => server.close(done));
  return port;
}

describe('DATABASE_URL', () => {
  it.each(['mysql://k2@localhost/k2', 'localhost:5432', 'postgres://'])(
    'rejects %s naming the variable',
    (value) => {
      expect(() => loadConfig({ DATABASE_URL: value }, { dotenv: false })).toThrow(ConfigError);
      expect(() => loadConfig({ DATABASE_URL: value }, { dotenv: false })).toThrow(
        /DATABASE_URL.*postgres:\/\/ or postgresql:\/\/ URL/,
      );
    },
  );

  it('is logged without its password', () => {
    const config = loadConfig(
      { DATABASE_URL: 'postgresql://k2bot:s3cret-pass@db.internal:5432/k2' },
      { dotenv: false },
    );
    const described = JSON.stringify(describeConfig(config));
    expect(described).toContain('db.internal:5432/k2');
    expect(described).not.toContain('s3cret-pass');
  });

  it('selects PostgreSQL when set (here: a server that is not there, so start-up fails saying so)', async () => {
    const path = join(dir, 'never.sqlite');
    const config = loadConfig(
      { DATABASE_URL: `postgres://k2@127.0.0.1:${await closedPort()}/k2`, DATABASE_PATH: path },
      { dotenv: false },
    );
    await expect(openSettingsStore(config, quiet)).rejects.toThrow('the settings database is unreachable');
    expect(existsSync(path)).toBe(false);
  });

  it('leaves SQLite at DATABASE_PATH the default when unset', async () => {
    const path = join(dir, 'default.sqlite');
    const store = await openSettingsStore(loadConfig({ DATABASE_PATH: path }, { dotenv: false }), quiet);
    await store.updateGuildSettings('100000000000000001', { mode: 'off' });
    await store.close();
    expect(existsSync(path)).toBe(true);
  });
});
