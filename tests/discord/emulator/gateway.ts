import { randomBytes } from 'node:crypto';
import { EventEmitter } from 'node:events';
import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import { type RawData, WebSocket, WebSocketServer } from 'ws';
import { checkIntents, Intent, type PrivilegedIntentSettings } from './intents.ts';
import { shardOfGuild } from './snowflake.ts';

export const GATEWAY_PATH = '/gateway';
/** READY's resume_gateway_url points here, so tests can see discord.js really resumes at that URL. */
export const RESUME_GATEWAY_PATH = '/gateway-resume';

interface Payload {
  op: number;
  d: unknown;
  s?: number | null;
  t?: string | null;
}

interface LoggedEvent {
  s: number;
  t: string;
  d: unknown;
}

export interface Session {
  id: string;
  intents: number;
  /** `[shard_id, num_shards]` from IDENTIFY ([0, 1] when absent, like Discord). */
  shard: [number, number];
  seq: number;
  /** Every dispatch of the session, so RESUME can replay what the client missed. */
  log: LoggedEvent[];
  conn: Connection | undefined;
}

export interface GatewayOptions extends PrivilegedIntentSettings {
  token: string;
  heartbeatIntervalMs: number;
  /** Builds READY's `d` for a new session. */
  ready: (session: Session) => unknown;
  /** GUILD_CREATE payloads sent after READY (when the Guilds intent is set), for the session's shard. */
  guildCreates: (session: Session) => unknown[];
}

export interface IdentifyInfo {
  sessionId: string;
  intents: number;
  shard: [number, number];
}

export interface ResumeInfo {
  sessionId: string;
  /** Sequence the client resumed from. */
  seq: number;
  /** Number of events replayed. */
  replayed: number;
}

export interface WsCloseInfo {
  code: number;
  /** True when the emulator closed/killed the socket (e.g. 4004, 4014, dropConnections). */
  byServer: boolean;
  sessionId: string | undefined;
}

export interface WsConnectInfo {
  path: string;
  query: Record<string, string>;
}

function isValidShard(shard: unknown): shard is [number, number] {
  if (!Array.isArray(shard) || shard.length !== 2) return false;
  const [id, count] = shard as unknown[];
  return (
    Number.isInteger(id) &&
    Number.isInteger(count) &&
    (id as number) >= 0 &&
    (id as number) < (count as number)
  );
}

/** Whether Discord would send an event of this guild (undefined: a DM) to this session. */
function routesTo(session: Session, guildId: string | undefined, movedTo: number | undefined): boolean {
  const [shardId, shardCount] = session.shard;
  if (guildId === undefined) return shardId === 0;
  return (movedTo ?? shardOfGuild(guildId, shardCount)) === shardId;
}

/** One client socket. Writes are serialized, so payloads arrive in the order they were sent. */
class Connection {
  session: Session | undefined;
  identified = false;
  /** Set when the emulator itself closes/kills the socket, so the close code is not the client's. */
  serverClosed = false;
  /** Close code the emulator used, if it closed the socket. */
  closeCode: number | undefined;
  private chain: Promise<void> = Promise.resolve();
  private watchdog: NodeJS.Timeout | undefined;

  constructor(
    readonly ws: WebSocket,
    private readonly zombieAfterMs: number,
  ) {
    this.armWatchdog();
  }

  /** Discord drops connections that stop heartbeating; a missing heartbeat means a zombie client. */
  armWatchdog(): void {
    clearTimeout(this.watchdog);
    this.watchdog = setTimeout(() => this.close(4009, 'Session timed out.'), this.zombieAfterMs);
    this.watchdog.unref();
  }

  send(payload: Payload): Promise<void> {
    const text = JSON.stringify(payload);
    this.chain = this.chain.then(
      () =>
        new Promise<void>((resolve) => {
          if (this.ws.readyState !== WebSocket.OPEN) return resolve();
          this.ws.send(text, () => resolve());
        }),
    );
    return this.chain;
  }

  close(code: number, reason: string): void {
    this.serverClosed = true;
    this.closeCode = code;
    this.dispose();
    if (this.ws.readyState === WebSocket.OPEN || this.ws.readyState === WebSocket.CONNECTING)
      this.ws.close(code, reason);
  }

  terminate(): void {
    this.serverClosed = true;
    // No close frame: the client sees 1006 (abnormal closure).
    this.closeCode = 1006;
    this.dispose();
    this.ws.terminate();
  }

  dispose(): void {
    clearTimeout(this.watchdog);
    if (this.session?.conn === this) this.session.conn = undefined;
  }
}

/**
 * The Discord gateway: HELLO, IDENTIFY (token and intent checks), heartbeats, READY + GUILD_CREATE,
 * dispatches with per-session sequence numbers, RESUME with replay, op 7 and op 9.
 */
export class Gateway extends EventEmitter {
  readonly wss = new WebSocketServer({ noServer: true });
  readonly sessions = new Map<string, Session>();
  private readonly connections = new Set<Connection>();
  /** Guilds a test moved to another shard (as a re-shard does), by guild id. */
  readonly movedGuilds = new Map<string, number>();
  identifies = 0;
  resumes = 0;
  heartbeats = 0;

  constructor(private readonly options: GatewayOptions) {
    super();
    this.wss.on('connection', (ws: WebSocket, req: IncomingMessage) => this.onConnection(ws, req));
  }

  /** Hooks into the HTTP server's upgrade event; only the gateway paths are accepted. */
  handleUpgrade(req: IncomingMessage, socket: Duplex, head: Buffer): void {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    if (url.pathname !== GATEWAY_PATH && url.pathname !== RESUME_GATEWAY_PATH) {
      socket.destroy();
      return;
    }
    this.wss.handleUpgrade(req, socket, head, (ws) => this.wss.emit('connection', ws, req));
  }

  private onConnection(ws: WebSocket, req: IncomingMessage): void {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const query = Object.fromEntries(url.searchParams);
    const interval = this.options.heartbeatIntervalMs;
    const conn = new Connection(ws, interval * 1.5 + 2000);
    if (query.compress !== undefined) {
      // discord.js compresses only when the optional zlib-sync package is installed; the bot does not
      // install it, so compressed transport is not emulated. Say so instead of sending unreadable frames.
      ws.close(1003, `compress=${query.compress} is not emulated (uninstall zlib-sync)`);
      return;
    }
    this.connections.add(conn);
    ws.on('message', (data: RawData) => this.onMessage(conn, data));
    ws.on('close', (code: number) => {
      this.connections.delete(conn);
      const session = conn.session;
      conn.dispose();
      const closed: WsCloseInfo = {
        code: conn.closeCode ?? code,
        byServer: conn.serverClosed,
        sessionId: session?.id,
      };
      this.emit('wsClose', closed);
      // A client closing with 1000/1001 ends its session, like Discord; other codes keep it resumable.
      if (!conn.serverClosed && session && (code === 1000 || code === 1001)) this.sessions.delete(session.id);
    });
    ws.on('error', () => {});
    const info: WsConnectInfo = { path: url.pathname, query };
    this.emit('wsConnect', info);
    void conn.send({
      op: 10,
      d: { heartbeat_interval: interval, _trace: ['k2-emulator'] },
      s: null,
      t: null,
    });
  }

  private onMessage(conn: Connection, data: RawData): void {
    let payload: Payload;
    try {
      payload = JSON.parse(data.toString()) as Payload;
    } catch {
      conn.close(4002, 'Error while decoding payload.');
      return;
    }
    const d = (payload.d ?? {}) as Record<string, unknown>;
    switch (payload.op) {
      case 1:
        conn.armWatchdog();
        this.heartbeats += 1;
        void conn.send({ op: 11, d: null });
        return;
      case 2:
        this.identify(conn, d);
        return;
      case 6:
        this.resume(conn, d);
        return;
      case 3: // presence update
      case 4: // voice state update
        return;
      default:
        conn.close(4001, 'Unknown opcode.');
    }
  }

  private tokenMatches(token: unknown): boolean {
    const strip = (t: string): string => t.replace(/^(Bot|Bearer)\s+/i, '');
    return typeof token === 'string' && strip(token) === strip(this.options.token);
  }

  private identify(conn: Connection, d: Record<string, unknown>): void {
    if (conn.identified) {
      conn.close(4005, 'Already authenticated.');
      return;
    }
    if (!this.tokenMatches(d.token)) {
      conn.close(4004, 'Authentication failed.');
      return;
    }
    const shard = d.shard ?? [0, 1];
    if (!isValidShard(shard)) {
      conn.close(4010, 'Invalid shard.');
      return;
    }
    const intentError = checkIntents(d.intents, this.options);
    if (intentError === 4013) {
      conn.close(4013, 'Invalid intent(s).');
      return;
    }
    if (intentError === 4014) {
      conn.close(4014, 'Disallowed intent(s).');
      return;
    }
    const session: Session = {
      id: randomBytes(16).toString('hex'),
      intents: d.intents as number,
      shard,
      seq: 0,
      log: [],
      conn,
    };
    conn.session = session;
    conn.identified = true;
    this.sessions.set(session.id, session);
    this.identifies++;
    const info: IdentifyInfo = { sessionId: session.id, intents: session.intents, shard };
    this.emit('identify', info);
    this.sendTo(session, 'READY', this.options.ready(session));
    // Without the Guilds intent Discord sends no GUILD_CREATE (guilds stay unavailable).
    if (session.intents & Intent.Guilds) {
      for (const guild of this.options.guildCreates(session)) this.sendTo(session, 'GUILD_CREATE', guild);
    }
  }

  private resume(conn: Connection, d: Record<string, unknown>): void {
    if (!this.tokenMatches(d.token)) {
      conn.close(4004, 'Authentication failed.');
      return;
    }
    const session = typeof d.session_id === 'string' ? this.sessions.get(d.session_id) : undefined;
    if (!session) {
      void conn.send({ op: 9, d: false });
      return;
    }
    // A session lives on one socket; a stale one (e.g. half-open after a drop) is cut off.
    if (session.conn && session.conn !== conn) session.conn.terminate();
    session.conn = conn;
    conn.session = session;
    conn.identified = true;
    this.resumes++;
    const since = typeof d.seq === 'number' ? d.seq : 0;
    const missed = session.log.filter((e) => e.s > since);
    const info: ResumeInfo = { sessionId: session.id, seq: since, replayed: missed.length };
    this.emit('resume', info);
    for (const e of missed) void conn.send({ op: 0, t: e.t, s: e.s, d: e.d });
    // RESUMED is not logged: replaying it on a later resume would be wrong.
    void conn.send({ op: 0, t: 'RESUMED', s: null, d: { _trace: ['k2-emulator'] } });
  }

  private sendTo(session: Session, t: string, d: unknown): Promise<void> {
    session.seq++;
    const entry: LoggedEvent = { s: session.seq, t, d };
    session.log.push(entry);
    // Without a live socket the event stays in the log and is replayed on RESUME.
    return session.conn ? session.conn.send({ op: 0, t, s: entry.s, d }) : Promise.resolve();
  }

  /**
   * Dispatches an event to every session of the shard Discord routes it to: a guild's events go to
   * shard (guild_id >> 22) % num_shards, everything else (DMs) to shard 0. `build` returns the
   * payload for a session (its intents decide), or undefined to skip that session.
   */
  async dispatch(
    t: string,
    guildId: string | undefined,
    build: (session: Session) => unknown,
  ): Promise<void> {
    const sends: Array<Promise<void>> = [];
    for (const session of this.sessions.values()) {
      if (!this.routes(session, guildId)) continue;
      const d = build(session);
      if (d !== undefined) sends.push(this.sendTo(session, t, d));
    }
    await Promise.all(sends);
  }

  routes(session: Session, guildId: string | undefined): boolean {
    return routesTo(session, guildId, guildId === undefined ? undefined : this.movedGuilds.get(guildId));
  }

  /** op 7: discord.js closes with 4200 and resumes at resume_gateway_url. */
  requestReconnect(): void {
    for (const conn of this.connections) if (conn.identified) void conn.send({ op: 7, d: null });
  }

  /** Kills every socket without a close frame, like a network drop; sessions stay resumable. */
  dropConnections(): void {
    for (const conn of this.connections) conn.terminate();
    this.connections.clear();
  }

  /** op 9: resumable=false forces a fresh IDENTIFY (and forgets the sessions). */
  invalidateSessions(resumable: boolean): void {
    for (const conn of this.connections) {
      if (!conn.identified) continue;
      if (!resumable && conn.session) this.sessions.delete(conn.session.id);
      void conn.send({ op: 9, d: resumable });
    }
  }

  /** Closes every socket with the given close code (e.g. 4000 to make discord.js resume). */
  closeConnections(code: number, reason = 'Closed by emulator'): void {
    for (const conn of this.connections) conn.close(code, reason);
  }

  get connectedSessions(): number {
    return [...this.sessions.values()].filter((s) => s.conn).length;
  }

  get connectedShards(): Array<[number, number]> {
    return [...this.sessions.values()]
      .filter((s) => s.conn)
      .map((s): [number, number] => [...s.shard])
      .sort((a, b) => a[0] - b[0]);
  }

  async close(): Promise<void> {
    for (const conn of this.connections) conn.terminate();
    this.connections.clear();
    this.sessions.clear();
    await new Promise<void>((resolve) => this.wss.close(() => resolve()));
  }
}
