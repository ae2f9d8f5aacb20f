import { type SpawnSyncOptions, spawnSync } from 'node:child_process';
import {
  chownSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { createServer, type Socket, connect as tcpConnect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { inject } from 'vitest';

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

export async function startPostgres(
  options: { keepAfterExit?: boolean } = {},
): Promise<PostgresServer & { info: SharedServerInfo }> {
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
  // A server shared by the run outlives the file that started it: globalSetup stops it.
  if (!options.keepAfterExit) running.add(stopQuietly);

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
    info: { port, root, dataDir, bin },
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

/** What a test file gets of the one server shared by the whole run: no stop or start (see `openCable`). */
export interface SharedPostgres {
  readonly port: number;
  url(database?: string): string;
  /** A URL that shows the store an empty database: a fresh schema of this file's own database. */
  createDatabase(): Promise<string>;
}

interface SharedServerInfo {
  port: number;
  root: string;
  dataDir: string;
  bin: string;
}

const SHARED_INFO = 'postgres.json';

/**
 * The run's one PostgreSQL server, started by the first test file that asks (under a lock, since files
 * run in parallel workers) and stopped by tests/globalSetup.ts when the run ends: one initdb and one
 * start per run instead of one per file. Each file gets its own database (so a file's queries on
 * pg_stat_activity see only its own connections), each test a schema in it.
 */
export async function sharedPostgres(): Promise<SharedPostgres> {
  const runDir = inject('testRunDir');
  const infoFile = join(runDir, SHARED_INFO);
  const lock = join(runDir, 'postgres.lock');
  const started = Date.now();
  for (;;) {
    try {
      mkdirSync(lock);
      break;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      if (Date.now() - started > 120_000) throw new Error(`${lock} held for two minutes`);
      await new Promise((done) => setTimeout(done, 50));
    }
  }
  let info: SharedServerInfo;
  try {
    if (existsSync(infoFile)) {
      info = JSON.parse(readFileSync(infoFile, 'utf8')) as SharedServerInfo;
    } else {
      const server = await startPostgres({ keepAfterExit: true });
      info = server.info;
      writeFileSync(infoFile, JSON.stringify(info));
    }
  } finally {
    rmSync(lock, { recursive: true, force: true });
  }
  const url = (database = 'postgres') => `postgres://${USER}@127.0.0.1:${info.port}/${database}`;
  const database = `k2_tests_${process.pid}_${Math.floor(Math.random() * 1e6)}`;
  let created: Promise<void> | undefined;
  let schemas = 0;
  return {
    port: info.port,
    url,
    async createDatabase() {
      created ??= runSql(url('postgres'), `CREATE DATABASE ${database}`);
      await created;
      schemas += 1;
      const schema = `test_${schemas}`;
      await runSql(url(database), `CREATE SCHEMA ${schema}`);
      return `${url(database)}?options=${encodeURIComponent(`-c search_path=${schema}`)}`;
    },
  };
}

/** Stops the run's shared server, if a test file started one (tests/globalSetup.ts, at the end of the run). */
export function stopSharedPostgres(runDir: string): void {
  const infoFile = join(runDir, SHARED_INFO);
  if (!existsSync(infoFile)) return;
  const info = JSON.parse(readFileSync(infoFile, 'utf8')) as SharedServerInfo;
  const owner = serverUser();
  spawnSync(join(info.bin, 'pg_ctl'), ['-D', info.dataDir, '-m', 'immediate', '-w', '-t', '60', 'stop'], {
    cwd: info.root,
    timeout: 60_000,
    ...(owner ?? {}),
  });
  rmSync(info.root, { recursive: true, force: true });
}

async function runSql(connectionString: string, sql: string): Promise<void> {
  const client = new pg.Client({ connectionString });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

/**
 * A cable between the store and the shared server that a test can cut: cutting refuses new connections
 * and drops open ones, as a server going away does to its clients, while the server itself keeps
 * serving the other test files.
 */
export interface Cable {
  /** The URL through the cable (same database, schema and options). */
  readonly url: string;
  cut(): Promise<void>;
  restore(): Promise<void>;
  close(): Promise<void>;
}

export async function openCable(url: string): Promise<Cable> {
  const target = new URL(url);
  const sockets = new Set<Socket>();
  const listener = createServer((incoming) => {
    const outgoing = tcpConnect(Number(target.port), target.hostname);
    sockets.add(incoming).add(outgoing);
    const drop = () => {
      incoming.destroy();
      outgoing.destroy();
      sockets.delete(incoming);
      sockets.delete(outgoing);
    };
    incoming.on('error', drop).on('close', drop);
    outgoing.on('error', drop).on('close', drop);
    incoming.pipe(outgoing).pipe(incoming);
  });
  const listen = (port: number) =>
    new Promise<number>((resolve, reject) => {
      listener.once('error', reject);
      listener.listen(port, '127.0.0.1', () => {
        listener.off('error', reject);
        const address = listener.address();
        resolve(typeof address === 'object' && address ? address.port : port);
      });
    });
  const stopListening = () =>
    new Promise<void>((resolve) => {
      for (const socket of sockets) socket.destroy();
      sockets.clear();
      if (!listener.listening) return resolve();
      listener.close(() => resolve());
    });
  const port = await listen(0);
  const through = new URL(url);
  through.port = String(port);
  return {
    url: through.toString(),
    cut: stopListening,
    restore: async () => {
      await listen(port);
    },
    close: stopListening,
  };
}
