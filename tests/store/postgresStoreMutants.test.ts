import { createServer, type Socket, connect as tcpConnect } from 'node:net';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openPostgresStore } from '../../src/store/postgresStore.ts';
import { defaultGuildSettings, type SettingsStore, StoreError } from '../../src/store/settingsStore.ts';
import { type SharedPostgres, sharedPostgres } from './postgresServer.ts';

// What the PostgreSQL store does beyond the contract both backends share (settingsStore.test.ts):
// the reason a server admin is told for each kind of database failure, outages and recovery, the
// change listener, the pool's bounds, and a closed store. Found by mutation testing
// (`npm run test:mutation -- storePostgres`): each test fails when the behaviour it names breaks.

const GUILD = '100000000000000001';
const OTHER_GUILD = '100000000000000002';
const CHANNEL = '200000000000000001';
const UNREACHABLE = 'the settings database is unreachable';
const TOO_SLOW = 'the settings database did not answer in time';

let server: SharedPostgres;
beforeAll(async () => {
  server = await sharedPostgres();
}, 90_000);

let apps = 0;
/** The URL with an application name of its own, so the test can find the store's connections on the server. */
function tagged(url: string): { url: string; app: string } {
  apps += 1;
  const app = `k2_mutants_${process.pid}_${apps}`;
  const tagged = new URL(url);
  tagged.searchParams.set('application_name', app);
  return { url: tagged.toString(), app };
}

/** A connection of the test's own (not named like the store's) to the store's database and schema. */
async function connectAdmin(url: string): Promise<pg.Client> {
  const untagged = new URL(url);
  untagged.searchParams.delete('application_name');
  const admin = new pg.Client({ connectionString: untagged.toString() });
  await admin.connect();
  return admin;
}

/** The server processes behind a store's connections: its listener and its pooled connections. */
async function backendsOf(admin: pg.Client, app: string): Promise<{ listener: number[]; pool: number[] }> {
  const result = await admin.query<{ pid: number; query: string }>(
    'SELECT pid, query FROM pg_stat_activity WHERE application_name = $1 ORDER BY pid',
    [app],
  );
  const isListener = (query: string) => query.startsWith('LISTEN');
  return {
    listener: result.rows.filter((row) => isListener(row.query)).map((row) => row.pid),
    pool: result.rows.filter((row) => !isListener(row.query)).map((row) => row.pid),
  };
}

async function until(
  condition: () => boolean | Promise<boolean>,
  what: string,
  deadlineMs = 5000,
): Promise<void> {
  const deadline = Date.now() + deadlineMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error(`still waiting for ${what}`);
    await new Promise((done) => setTimeout(done, 10));
  }
}

const health = (store: SettingsStore): Promise<string> =>
  (store.checkHealth?.() ?? Promise.resolve()).then(
    () => 'healthy',
    (error: unknown) => (error instanceof StoreError ? error.reason : String(error)),
  );

const failure = (promise: Promise<unknown>): Promise<StoreError> =>
  promise.then(
    () => {
      throw new Error('expected the call to fail');
    },
    (error: unknown) => {
      expect(error).toBeInstanceOf(StoreError);
      return error as StoreError;
    },
  );

interface LogEntry {
  level: 'error' | 'warn' | 'info';
  details: Record<string, unknown>;
  message: string;
}
function recordingLogger() {
  const entries: LogEntry[] = [];
  const at = (level: LogEntry['level']) => (details: object, message: string) => {
    entries.push({ level, details: details as Record<string, unknown>, message });
  };
  return {
    entries,
    events: (event: string) => entries.filter((entry) => entry.details.event === event),
    logger: { error: at('error'), warn: at('warn'), info: at('info') },
  };
}

/**
 * A TCP gate between the store and the server that a test switches: `open` passes connections on,
 * `refuse` drops every open connection and hangs up on each new one (counting the attempts, so a test
 * can wait for the store to have tried), `hold` keeps new connections waiting until opened again.
 */
interface Gate {
  readonly url: string;
  readonly refused: number;
  readonly held: number;
  /** Connections passed on to the server and still open. */
  readonly live: number;
  /** Keeps the server's replies on the nth connection made through the gate (from 0) until passed on. */
  holdReplies(connection: number): void;
  passReplies(connection: number): void;
  open(): void;
  refuse(): void;
  hold(): void;
  close(): Promise<void>;
}

async function openGate(url: string): Promise<Gate> {
  const target = new URL(url);
  let mode: 'open' | 'refuse' | 'hold' = 'open';
  let refused = 0;
  const held: Socket[] = [];
  const live = new Set<Socket>();
  const replies: Socket[] = [];
  const pass = (incoming: Socket) => {
    const outgoing = tcpConnect(Number(target.port), target.hostname);
    live.add(incoming);
    replies.push(outgoing);
    const drop = () => {
      incoming.destroy();
      outgoing.destroy();
      live.delete(incoming);
    };
    incoming.on('error', drop).on('close', drop);
    outgoing.on('error', drop).on('close', drop);
    incoming.pipe(outgoing).pipe(incoming);
    incoming.resume();
  };
  const listener = createServer({ pauseOnConnect: true }, (incoming) => {
    if (mode === 'open') pass(incoming);
    else if (mode === 'hold') held.push(incoming);
    else {
      refused += 1;
      incoming.destroy();
    }
  });
  await new Promise<void>((resolve) => listener.listen(0, '127.0.0.1', resolve));
  const address = listener.address();
  const through = new URL(url);
  through.port = String(typeof address === 'object' && address ? address.port : 0);
  const dropAll = () => {
    for (const socket of [...live, ...held.splice(0)]) socket.destroy();
  };
  return {
    url: through.toString(),
    get refused() {
      return refused;
    },
    get held() {
      return held.length;
    },
    get live() {
      return live.size;
    },
    holdReplies(connection) {
      replies[connection]?.pause();
    },
    passReplies(connection) {
      replies[connection]?.resume();
    },
    open() {
      mode = 'open';
      for (const socket of held.splice(0)) pass(socket);
    },
    refuse() {
      mode = 'refuse';
      dropAll();
    },
    hold() {
      mode = 'hold';
    },
    close: () =>
      new Promise<void>((resolve) => {
        dropAll();
        listener.close(() => resolve());
      }),
  };
}

/**
 * Makes writes fail inside the database as told: a row in `failures` for a guild makes a trigger raise
 * that SQLSTATE and message when the guild's settings are written or its channels changed.
 */
async function installFailures(admin: pg.Client): Promise<void> {
  await admin.query(`
    CREATE TABLE failures (guild_id TEXT PRIMARY KEY, code TEXT NOT NULL, message TEXT NOT NULL);
    CREATE FUNCTION fail_as_told() RETURNS trigger LANGUAGE plpgsql AS $$
    DECLARE
      told failures%ROWTYPE;
    BEGIN
      SELECT * INTO told FROM failures
        WHERE guild_id = CASE WHEN TG_OP = 'DELETE' THEN OLD.guild_id ELSE NEW.guild_id END;
      IF FOUND THEN
        RAISE EXCEPTION USING ERRCODE = told.code, MESSAGE = told.message;
      END IF;
      RETURN CASE WHEN TG_OP = 'DELETE' THEN OLD ELSE NEW END;
    END $$;
    CREATE TRIGGER fail_as_told BEFORE INSERT OR UPDATE ON guild_settings
      FOR EACH ROW EXECUTE FUNCTION fail_as_told();
    CREATE TRIGGER fail_as_told BEFORE INSERT OR DELETE ON auto_channels
      FOR EACH ROW EXECUTE FUNCTION fail_as_told();`);
}

describe('what a server admin is told when the database refuses a change', () => {
  let url: string;
  let admin: pg.Client;
  beforeAll(async () => {
    url = await server.createDatabase();
    // The first store creates the schema the trigger is installed on.
    await (await openPostgresStore(url)).close();
    admin = await connectAdmin(url);
    await installFailures(admin);
  });
  afterAll(() => admin?.end());

  // SQLSTATE codes from PostgreSQL's errcodes table; the reason must come from the code, since the
  // server's message is in its own language (lc_messages) and says nothing the bot could rely on.
  // `marksDown`: the failure means the database is away, so the store stops trusting its cache and
  // readiness reports it (until the store finds the database answering again).
  it.each([
    [
      '25006',
      'cannot execute UPDATE in a read-only transaction',
      'the settings database is read-only',
      false,
    ],
    [
      '53100',
      'could not extend file "base/16384/2619": No space left on device',
      'the disk holding the settings database is full',
      false,
    ],
    ['57014', 'canceling statement due to user request', TOO_SLOW, true],
    ['55P03', 'canceling statement due to lock timeout', TOO_SLOW, true],
    [
      '28P01',
      'password authentication failed for user "k2"',
      "the settings database refused the bot's credentials",
      false,
    ],
    [
      '28000',
      'no pg_hba.conf entry for host "10.0.0.7", user "k2", database "k2", no encryption',
      "the settings database refused the bot's credentials",
      false,
    ],
    ['3D000', 'database "k2" does not exist', 'the settings database does not exist', false],
    ['08P01', 'invalid frontend message type 0', UNREACHABLE, true],
    ['57P01', 'Verbindung wird abgebrochen aufgrund von Anweisung des Administrators', UNREACHABLE, true],
    ['57P03', 'the database system is shutting down', UNREACHABLE, true],
    [
      'XX000',
      'could not read block 0 in file "base/16384/2619": read only 0 of 8192 bytes',
      'the settings database failed',
      false,
    ],
    [
      '23514',
      'new row for relation "guild_settings" violates check constraint "mode_check"',
      'the settings database failed',
      false,
    ],
  ])('SQLSTATE %s (%s): "%s"', async (code, message, reason, marksDown) => {
    const guild = `9000000000000${code.replace(/\D/g, '').padStart(5, '0')}`;
    await admin.query('INSERT INTO failures VALUES ($1, $2, $3)', [guild, code, message]);
    // No recovery probe during the test: whatever the failure marked stays marked.
    const store = await openPostgresStore(url, { reconnectMs: 60_000 });
    try {
      const refused = await failure(store.updateGuildSettings(guild, { mode: 'off' }));
      expect(refused.reason).toBe(reason);
      // The driver's words and the code go to the log, in the error's own message.
      expect(refused.message).toContain(`: ${reason} (${message}, ${code})`);
      expect(await health(store)).toBe(marksDown ? UNREACHABLE : 'healthy');
    } finally {
      await store.close();
    }
  });

  it('after a failure that meant "away" while the listener stayed connected, a probe finds the database answering: ready again, recovery logged', async () => {
    const guild = '900000000000000200';
    await admin.query("INSERT INTO failures VALUES ($1, '57P03', 'the database system is starting up')", [
      guild,
    ]);
    const log = recordingLogger();
    const store = await openPostgresStore(url, { reconnectMs: 20, logger: log.logger });
    try {
      expect((await failure(store.updateGuildSettings(guild, { mode: 'off' }))).reason).toBe(UNREACHABLE);
      await until(async () => (await health(store)) === 'healthy', 'the probe to find the database');
      expect(log.entries.map((entry) => entry.details.event)).toEqual([
        'store-unreachable',
        'store-reconnected',
      ]);
    } finally {
      await store.close();
    }
  });

  it('a change that fails half-way changes nothing: a reset that cannot remove the channels keeps the settings', async () => {
    const guild = '900000000000000100';
    const store = await openPostgresStore(url);
    try {
      await store.updateGuildSettings(guild, { mode: 'off', cooldownSeconds: 30 });
      await store.addAutoChannel(guild, CHANNEL);
      await admin.query("INSERT INTO failures VALUES ($1, 'XX000', 'could not remove the channel')", [guild]);
      expect((await failure(store.resetGuildSettings(guild))).reason).toBe('the settings database failed');
      const stored = await admin.query(
        'SELECT mode, cooldown_seconds FROM guild_settings WHERE guild_id = $1',
        [guild],
      );
      expect(stored.rows).toEqual([{ mode: 'off', cooldown_seconds: 30 }]);
      expect(await store.getGuildSettings(guild)).toMatchObject({ mode: 'off', autoChannelIds: [CHANNEL] });
    } finally {
      await store.close();
    }
  });
});

describe('what the bot is told when it cannot start', () => {
  it('a host name that does not resolve: unreachable, with the resolver error', async () => {
    // .invalid never resolves (RFC 6761).
    const refused = await failure(
      openPostgresStore('postgres://k2@k2-db.invalid:5432/k2', { timeoutMs: 2000 }),
    );
    expect(refused.reason).toBe(UNREACHABLE);
    expect(refused.message).toContain('ENOTFOUND');
  });

  it('a database user the server does not know: its credentials are refused', async () => {
    const url = new URL(server.url('postgres'));
    url.username = 'no_such_bot_user';
    const refused = await failure(openPostgresStore(url.toString()));
    expect(refused.reason).toBe("the settings database refused the bot's credentials");
    expect(refused.message).toContain('28000');
  });

  it('a database migrated by a newer bot: the reason says to upgrade the bot', async () => {
    const url = await server.createDatabase();
    await (await openPostgresStore(url)).close();
    const admin = await connectAdmin(url);
    await admin.query('INSERT INTO k2_schema_version (version) VALUES (7)');
    await admin.end();
    const refused = await failure(openPostgresStore(url));
    expect(refused.reason).toBe('schema version 7 is newer than this bot understands (2); upgrade the bot');
  });
});

describe('a closed store', () => {
  it('refuses changes, learning records and health checks with "closed", and closes twice quietly', async () => {
    const store = await openPostgresStore(await server.createDatabase());
    await store.close();
    const closed = 'the settings database is closed';
    expect((await failure(store.updateGuildSettings(GUILD, { mode: 'off' }))).reason).toBe(closed);
    expect((await failure(store.addAutoChannel(GUILD, CHANNEL))).reason).toBe(closed);
    expect((await failure(store.voteSecret())).reason).toBe(closed);
    expect(await health(store)).toBe(closed);
    await expect(store.close()).resolves.toBeUndefined();
  });
});

describe('the cache and the change listener', () => {
  it('a hand edit in the database reaches a running bot when NOTIFY k2_settings_changed names the guild', async () => {
    const url = await server.createDatabase();
    const store = await openPostgresStore(url);
    const admin = await connectAdmin(url);
    try {
      expect((await store.getGuildSettings(GUILD)).mode).toBe('mention-only');
      expect((await store.getGuildSettings(OTHER_GUILD)).mode).toBe('mention-only');
      await admin.query(
        "INSERT INTO guild_settings (guild_id, mode, ask_visibility, cooldown_seconds) VALUES ($1, 'off', 'public', 5), ($2, 'off', 'public', 5)",
        [GUILD, OTHER_GUILD],
      );
      // Reads come from the cache: no query per message, so an edit nobody announced is not seen.
      expect((await store.getGuildSettings(GUILD)).mode).toBe('mention-only');
      await admin.query("SELECT pg_notify('k2_settings_changed', $1)", [GUILD]);
      await until(async () => (await store.getGuildSettings(GUILD)).mode === 'off', 'the announced edit');
      // Only the guild named was read again.
      expect((await store.getGuildSettings(OTHER_GUILD)).mode).toBe('mention-only');
      // And once read again it is cached again.
      await admin.query("UPDATE guild_settings SET mode = 'auto-channels' WHERE guild_id = $1", [GUILD]);
      expect((await store.getGuildSettings(GUILD)).mode).toBe('off');
    } finally {
      await admin.end();
      await store.close();
    }
  });

  it('a read that overlapped a change of the same guild does not put the older settings back in the cache', async () => {
    const { url, app } = tagged(await server.createDatabase());
    const gate = await openGate(url);
    const store = await openPostgresStore(gate.url);
    const admin = await connectAdmin(url);
    // Through the gate: connection 0 is the pool's (made for the migration), 1 the listener's.
    const [pooled, listener] = [0, 1];
    try {
      expect((await store.getGuildSettings(OTHER_GUILD)).mode).toBe('mention-only');
      gate.holdReplies(pooled);
      // Nor may the change's own notification clear up after the read.
      gate.holdReplies(listener);
      const overlapping = store.getGuildSettings(GUILD);
      await until(async () => {
        const done = await admin.query(
          "SELECT 1 FROM pg_stat_activity WHERE application_name = $1 AND state = 'idle' AND query LIKE 'SELECT s.mode%'",
          [app],
        );
        return done.rows.length === 1;
      }, 'the read to be answered by the server');
      // The change takes a second pooled connection and commits after the read was answered.
      expect((await store.updateGuildSettings(GUILD, { mode: 'off' })).mode).toBe('off');
      gate.passReplies(pooled);
      expect((await overlapping).mode).toBe('mention-only');
      expect((await store.getGuildSettings(GUILD)).mode).toBe('off');
      gate.passReplies(listener);
      // Once its own notification has arrived (before another guild's announced edit: one connection,
      // in order), the guild is read and cached again: an edit nobody announced is not seen.
      await admin.query(
        "INSERT INTO guild_settings (guild_id, mode, ask_visibility, cooldown_seconds) VALUES ($1, 'off', 'public', 5)",
        [OTHER_GUILD],
      );
      await admin.query("SELECT pg_notify('k2_settings_changed', $1)", [OTHER_GUILD]);
      await until(
        async () => (await store.getGuildSettings(OTHER_GUILD)).mode === 'off',
        'the announced edit',
      );
      expect((await store.getGuildSettings(GUILD)).mode).toBe('off');
      await admin.query("UPDATE guild_settings SET mode = 'auto-channels' WHERE guild_id = $1", [GUILD]);
      expect((await store.getGuildSettings(GUILD)).mode).toBe('off');
    } finally {
      gate.passReplies(pooled);
      gate.passReplies(listener);
      await admin.end();
      await store.close();
      await gate.close();
    }
  });

  it('logs the reason when the listener connection is ended by the server, and listens again by itself', async () => {
    const { url, app } = tagged(await server.createDatabase());
    const log = recordingLogger();
    const store = await openPostgresStore(url, { reconnectMs: 20, logger: log.logger });
    const admin = await connectAdmin(url);
    try {
      // Opening is not a recovery.
      expect(log.entries).toEqual([]);
      const [listener] = (await backendsOf(admin, app)).listener;
      await admin.query('SELECT pg_terminate_backend($1)', [listener]);
      await until(() => log.events('store-reconnected').length === 1, 'the listener to reconnect');
      const [lost] = log.events('store-unreachable');
      expect(lost?.details.err).toBe('terminating connection due to administrator command, 57P01');
      await until(async () => (await backendsOf(admin, app)).listener.length === 1, 'a new LISTEN');
      expect((await backendsOf(admin, app)).listener).not.toContain(listener);
      // And changes reach it again.
      expect((await store.getGuildSettings(GUILD)).mode).toBe('mention-only');
      const other = await openPostgresStore(url);
      await other.updateGuildSettings(GUILD, { mode: 'off' });
      await other.close();
      await until(async () => (await store.getGuildSettings(GUILD)).mode === 'off', 'the change');
    } finally {
      await admin.end();
      await store.close();
    }
  });

  it('a second process that made the vote secret while this one was making it: both use the one it made', async () => {
    const { url, app } = tagged(await server.createDatabase());
    const store = await openPostgresStore(url);
    const admin = await connectAdmin(url);
    const theirs = 'a1'.repeat(32);
    try {
      // The other process's insert is not committed yet: ours waits on it, then finds the key taken.
      await admin.query('BEGIN');
      await admin.query("INSERT INTO k2_meta (key, value) VALUES ('vote_secret', $1)", [theirs]);
      const ours = store.voteSecret();
      await until(async () => {
        const waiting = await admin.query(
          "SELECT 1 FROM pg_stat_activity WHERE application_name = $1 AND wait_event_type = 'Lock'",
          [app],
        );
        return waiting.rows.length === 1;
      }, 'the store to wait on the other insert');
      await admin.query('COMMIT');
      expect(await ours).toBe(theirs);
      expect(await store.voteSecret()).toBe(theirs);
    } finally {
      await admin.end();
      await store.close();
    }
  });
});

describe('connections', () => {
  it('keeps to its pool size: with the database allowing the listener and two more, many changes at once all succeed with poolSize 2', async () => {
    const base = await server.createDatabase();
    const role = `k2_limited_${process.pid}_${Math.floor(Math.random() * 1e6)}`;
    const schema = /search_path=(\w+)/.exec(decodeURIComponent(base))?.[1] as string;
    const admin = await connectAdmin(base);
    await admin.query(`CREATE ROLE ${role} LOGIN CONNECTION LIMIT 3`);
    await admin.query(`ALTER SCHEMA ${schema} OWNER TO ${role}`);
    await admin.end();
    const url = new URL(base);
    url.username = role;
    const store = await openPostgresStore(url.toString(), { poolSize: 2 });
    try {
      const results = await Promise.all(
        Array.from({ length: 8 }, (_, i) =>
          store.updateGuildSettings(`9100000000000000${10 + i}`, { mode: 'off' }),
        ),
      );
      expect(results.map((settings) => settings.mode)).toEqual(Array(8).fill('off'));
    } finally {
      await store.close();
    }
  });

  it('reuses a pooled connection from one change to the next, and survives the server ending an idle one', async () => {
    const { url, app } = tagged(await server.createDatabase());
    const store = await openPostgresStore(url);
    const admin = await connectAdmin(url);
    try {
      await store.updateGuildSettings(GUILD, { mode: 'off' });
      const before = (await backendsOf(admin, app)).pool;
      expect(before).toHaveLength(1);
      await store.updateGuildSettings(GUILD, { cooldownSeconds: 9 });
      expect((await backendsOf(admin, app)).pool).toEqual(before);
      await admin.query('SELECT pg_terminate_backend($1)', [before[0]]);
      await until(async () => (await backendsOf(admin, app)).pool.length === 0, 'the idle connection to end');
      // The server's goodbye is already in the pooled connection's socket, but this process may not have
      // read it yet: the admin query's answer can be handled first in the same turn of the event loop, and
      // the change below would then be sent on a connection that is known to be ended only a moment later
      // (failed 3 of 6 runs of this file on main 3ee289c). One turn lets the pool hear of the idle one's end.
      await new Promise((done) => setImmediate(done));
      expect(await store.updateGuildSettings(GUILD, { cooldownSeconds: 10 })).toMatchObject({
        mode: 'off',
        cooldownSeconds: 10,
      });
    } finally {
      await admin.end();
      await store.close();
    }
  });

  it('a pooled connection that stops answering: the change fails in time, the connection is dropped, readiness reports it', async () => {
    const { url, app } = tagged(await server.createDatabase());
    const store = await openPostgresStore(url, { timeoutMs: 300, reconnectMs: 60_000 });
    const admin = await connectAdmin(url);
    let frozen: number | undefined;
    try {
      await store.updateGuildSettings(GUILD, { mode: 'off' });
      frozen = (await backendsOf(admin, app)).pool[0] as number;
      // The server process stops without closing its socket, as a host that vanished.
      process.kill(frozen, 'SIGSTOP');
      expect((await failure(store.updateGuildSettings(GUILD, { cooldownSeconds: 9 }))).reason).toBe(TOO_SLOW);
      // Marked unreachable until the database is seen answering again: readiness says so at once.
      expect(await health(store)).toBe(UNREACHABLE);
      // The stuck connection was not put back in the pool: the next change gets a working one.
      expect(await store.updateGuildSettings(GUILD, { cooldownSeconds: 10 })).toMatchObject({
        mode: 'off',
        cooldownSeconds: 10,
      });
    } finally {
      if (frozen) process.kill(frozen, 'SIGCONT');
      await admin.end();
      await store.close();
    }
  });

  it('readiness asks the database: a pooled connection that stops answering fails the health check in time', async () => {
    const { url, app } = tagged(await server.createDatabase());
    const store = await openPostgresStore(url, { timeoutMs: 300, reconnectMs: 60_000 });
    const admin = await connectAdmin(url);
    let frozen: number | undefined;
    try {
      expect(await health(store)).toBe('healthy');
      frozen = (await backendsOf(admin, app)).pool[0] as number;
      process.kill(frozen, 'SIGSTOP');
      const refused = await failure(store.checkHealth?.() ?? Promise.resolve());
      expect(refused.reason).toBe(TOO_SLOW);
      // The driver's error has no SQLSTATE: the log detail is its message alone.
      expect(refused.message).toMatch(/\(Query read timeout\)$/);
    } finally {
      if (frozen) process.kill(frozen, 'SIGCONT');
      await admin.end();
      await store.close();
    }
  });
});

describe('an outage', () => {
  it.each([
    ['with a logger', true],
    ['without a logger', false],
  ])(
    '%s: last known settings and defaults while down, one error logged, retries until the database is back, one recovery logged',
    async (_, withLogger) => {
      const gate = await openGate(await server.createDatabase());
      const log = recordingLogger();
      const store = await openPostgresStore(gate.url, {
        timeoutMs: 2000,
        reconnectMs: 20,
        ...(withLogger ? { logger: log.logger } : {}),
      });
      try {
        await store.updateGuildSettings(GUILD, { mode: 'off' });
        gate.refuse();
        await until(async () => (await health(store)) === UNREACHABLE, 'the store to notice');
        expect(await store.getGuildSettings(GUILD)).toMatchObject({ mode: 'off' });
        expect(await store.getGuildSettings(OTHER_GUILD)).toEqual(defaultGuildSettings(OTHER_GUILD));
        expect((await failure(store.updateGuildSettings(GUILD, { cooldownSeconds: 9 }))).reason).toBe(
          UNREACHABLE,
        );
        // Learning records are not cached: they fail like a change.
        expect((await failure(store.readVotes('2026-01-01'))).reason).toBe(UNREACHABLE);
        // It keeps trying every reconnectMs while the database is away (three tries at 20 ms take far
        // less than 2 s even on a loaded machine; at the default second they would not), and does not
        // take a failed try for a recovery.
        const tried = gate.refused;
        await until(() => gate.refused >= tried + 3, 'three more reconnection attempts', 2000);
        expect(await health(store)).toBe(UNREACHABLE);
        gate.open();
        await until(async () => (await health(store)) === 'healthy', 'the store to recover', 10_000);
        expect(await store.updateGuildSettings(GUILD, { cooldownSeconds: 9 })).toMatchObject({
          mode: 'off',
          cooldownSeconds: 9,
        });
        if (withLogger) {
          const where = new URL(gate.url).toString();
          expect(
            log.entries.map(({ level, details, message }) => ({ level, event: details.event, message })),
          ).toEqual([
            {
              level: 'error',
              event: 'store-unreachable',
              message:
                'settings database unreachable: answering with the last known settings, changes are refused until it is back',
            },
            { level: 'info', event: 'store-reconnected', message: 'settings database reachable again' },
          ]);
          expect(log.events('store-reconnected')[0]?.details.database).toBe(where);
        }
      } finally {
        await store.close();
        await gate.close();
      }
    },
  );

  it('closed while reconnecting: the listener connection that comes up afterwards is ended, not kept', async () => {
    const gate = await openGate(await server.createDatabase());
    const store = await openPostgresStore(gate.url, { timeoutMs: 5000, reconnectMs: 20 });
    try {
      gate.refuse();
      await until(() => gate.refused >= 1, 'a reconnection attempt');
      gate.hold();
      await until(() => gate.held >= 1, 'the next attempt to wait at the gate');
      await store.close();
      gate.open();
      await until(() => gate.live === 0, 'every connection through the gate to end');
    } finally {
      await store.close();
      await gate.close();
    }
  });
});
