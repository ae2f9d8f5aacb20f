import { type SpawnSyncOptions, spawnSync } from 'node:child_process';
import { chownSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';

/**
 * A real PostgreSQL server for tests: its own data directory under the temp folder, on a free
 * loopback port, stopped and removed afterwards. Debian's `postgresql` package provides the
 * binaries; without them the tests fail (CI always installs it), they never skip.
 */
export interface PostgresServer {
  readonly port: number;
  /** A connection URL for a database of this server (default: `postgres`). */
  url(database?: string): string;
  /** A URL that shows the store an empty database (a fresh schema of a shared database). */
  createDatabase(): Promise<string>;
  /** Shuts the server down, closing every connection (as a crash or maintenance would). */
  stop(): void;
  /** Starts it again on the same port with the same data. */
  start(): void;
  /** Stops it for good and removes its files. */
  destroy(): void;
}

const USER = 'k2';

function findServerBinaries(): string {
  const fromEnv = process.env.PG_BIN_DIR;
  const candidates = fromEnv
    ? [fromEnv]
    : existsSync('/usr/lib/postgresql')
      ? readdirSync('/usr/lib/postgresql')
          .sort((a, b) => Number(b) - Number(a))
          .map((version) => join('/usr/lib/postgresql', version, 'bin'))
      : [];
  const found = candidates.find((dir) => existsSync(join(dir, 'initdb')) && existsSync(join(dir, 'pg_ctl')));
  if (!found) {
    throw new Error(
      'PostgreSQL server binaries (initdb, pg_ctl) not found under /usr/lib/postgresql/*/bin or PG_BIN_DIR. ' +
        'The PostgreSQL tests need a real server: apt-get install postgresql (CI installs it).',
    );
  }
  return found;
}

/** PostgreSQL refuses to run as root: as root, run it as the package's `postgres` user (or nobody). */
function serverUser(): { uid: number; gid: number } | undefined {
  if (process.getuid?.() !== 0) return undefined;
  const line = readFileSync('/etc/passwd', 'utf8')
    .split('\n')
    .find((entry) => entry.startsWith('postgres:'));
  const [, , uid, gid] = line?.split(':') ?? [];
  return uid && gid ? { uid: Number(uid), gid: Number(gid) } : { uid: 65534, gid: 65534 };
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject()));
    });
  });
}

const running = new Set<() => void>();
// A failed test file must not leave a server running on the machine.
process.once('exit', () => {
  for (const stop of running) stop();
});

export async function startPostgres(): Promise<PostgresServer> {
  const bin = findServerBinaries();
  const owner = serverUser();
  const root = mkdtempSync(join(tmpdir(), 'k2-pg-'));
  if (owner) chownSync(root, owner.uid, owner.gid);
  const dataDir = join(root, 'data');
  const logFile = join(root, 'server.log');
  const port = await freePort();

  const run = (command: string, args: string[]): void => {
    const options: SpawnSyncOptions = { encoding: 'utf8', timeout: 60_000, cwd: root, ...(owner ?? {}) };
    const result = spawnSync(join(bin, command), args, options);
    if (result.status !== 0) {
      const log = existsSync(logFile) ? readFileSync(logFile, 'utf8').slice(-2000) : '';
      throw new Error(
        `${command} ${args.join(' ')} failed (${result.status}): ${result.stderr}${result.stdout}\n${log}`,
      );
    }
  };

  run('initdb', ['-D', dataDir, '-U', USER, '--auth=trust', '-E', 'UTF8', '--no-sync', '--no-instructions']);
  const serverOptions = [
    `-p ${port}`,
    '-h 127.0.0.1',
    `-k ${root}`,
    // Speed over crash safety of the test server itself: the tests kill the bot, not PostgreSQL.
    '-c fsync=off',
    '-c full_page_writes=off',
    '-c shared_buffers=16MB',
    '-c max_connections=40',
  ].join(' ');
  let up = false;
  const start = () => {
    run('pg_ctl', ['-D', dataDir, '-l', logFile, '-w', '-t', '60', '-o', serverOptions, 'start']);
    up = true;
  };
  const stop = () => {
    if (!up) return;
    up = false;
    run('pg_ctl', ['-D', dataDir, '-m', 'fast', '-w', '-t', '60', 'stop']);
  };
  start();
  const stopQuietly = () => {
    try {
      stop();
    } catch {
      // Best effort at exit.
    }
  };
  running.add(stopQuietly);

  // One database holds every test's schema: CREATE SCHEMA takes milliseconds, CREATE DATABASE a
  // second. Each URL sets its schema as the search_path, so the store sees an empty database.
  let schemas = 0;
  let sharedDatabase: Promise<void> | undefined;
  const url = (database = 'postgres') => `postgres://${USER}@127.0.0.1:${port}/${database}`;
  const query = async (database: string, sql: string) => {
    const client = new pg.Client({ connectionString: url(database) });
    await client.connect();
    try {
      await client.query(sql);
    } finally {
      await client.end();
    }
  };
  return {
    port,
    url,
    async createDatabase() {
      sharedDatabase ??= query('postgres', 'CREATE DATABASE k2_tests');
      await sharedDatabase;
      schemas += 1;
      const schema = `test_${schemas}`;
      await query('k2_tests', `CREATE SCHEMA ${schema}`);
      return `${url('k2_tests')}?options=${encodeURIComponent(`-c search_path=${schema}`)}`;
    },
    stop,
    start,
    destroy() {
      running.delete(stopQuietly);
      stopQuietly();
      rmSync(root, { recursive: true, force: true });
    },
  };
}
