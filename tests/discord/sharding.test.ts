import { type ChildProcess, spawn } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, it, vi } from 'vitest';
import { deployCommands } from '../../src/discord/deploy.ts';
import { BUILD_TIMEOUT_MS, compiled, ensureBuilt } from '../compiled.ts';
import { DiscordEmulator, type EmuGuild, type EmuInteraction } from './emulator/index.ts';
import { messageText, opt, safeReply } from './harness.ts';

const ROOT = resolve(fileURLToPath(new URL('../..', import.meta.url)));

// Discord's documented routing (topics/gateway, "Sharding"): shard_id = (guild_id >> 22) % num_shards.
const shardFor = (guildId: string, shardCount: number): number =>
  Number((BigInt(guildId) >> 22n) % BigInt(shardCount));

interface LogLine {
  msg?: string;
  shard?: number | string;
  shardId?: number;
  guildId?: string;
  pid?: number;
  [key: string]: unknown;
}

/** The manager and its shard children write JSON lines to the same stdout (the children inherit it). */
class ManagerRun {
  readonly child: ChildProcess;
  readonly logs: LogLine[] = [];
  raw = '';
  readonly exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  #partial = '';

  /** `entry`: the compiled dist/main.js (`npm start`) or src/main.ts under tsx (`npm run dev`). */
  constructor(env: Record<string, string>, entry: 'compiled' | 'tsx') {
    const args = entry === 'compiled' ? [compiled('main.js')] : ['--import', 'tsx', 'src/main.ts'];
    this.child = spawn(process.execPath, args, {
      cwd: ROOT,
      // ANSWER_WORKERS unset: each shard child gets the per-shard default (shardAnswerWorkers).
      env: { PATH: process.env.PATH ?? '', NODE_ENV: 'production', LOG_LEVEL: 'info', ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    this.child.stdout?.on('data', (data: Buffer) => this.#read(data.toString()));
    this.child.stderr?.on('data', (data: Buffer) => {
      this.raw += data.toString();
    });
    this.exited = new Promise((done) => this.child.on('exit', (code, signal) => done({ code, signal })));
  }

  #read(text: string): void {
    this.raw += text;
    const lines = (this.#partial + text).split('\n');
    this.#partial = lines.pop() ?? '';
    for (const line of lines) {
      if (!line.trim()) continue;
      try {
        this.logs.push(JSON.parse(line) as LogLine);
      } catch {
        // Not a log line (e.g. a stack trace): kept in raw only.
      }
    }
  }

  lines(msg: string, where: Partial<LogLine> = {}): LogLine[] {
    return this.logs.filter(
      (line) => line.msg === msg && Object.entries(where).every(([key, value]) => line[key] === value),
    );
  }

  /** The shard (and process id) whose log says it handled a command in this guild. */
  handledIn(guildId: string): Array<{ shard: unknown; pid: unknown }> {
    return this.lines('command handled', { guildId }).map((line) => ({ shard: line.shard, pid: line.pid }));
  }

  shardPid(shardId: number): number | undefined {
    return this.lines('shard process started', { shardId }).at(-1)?.pid as number | undefined;
  }
}

/**
 * The processes' log lines reach this one through a pipe, a moment after what they tell of; with the
 * two suites running at once on a busy machine that can take longer than poll's default second.
 */
const LOG_WAIT = { timeout: 10_000 };

let emu: DiscordEmulator;
let run: ManagerRun;
let dir: string;
let knowledgeDir: string;
/** One guild routed to each shard, chosen by the formula above, not by the emulator. */
let guildOf: [EmuGuild, EmuGuild];

async function ask(guild: EmuGuild, question: string): Promise<EmuInteraction> {
  return emu.userRunsCommand({
    user: emu.users.alice,
    channelId: guild.channels.general,
    name: 'ask',
    options: [opt.string('question', question)],
  });
}

async function settings(guild: EmuGuild, sub: ReturnType<typeof opt.sub>): Promise<string> {
  const interaction = await emu.userRunsCommand({
    user: emu.users.admin,
    channelId: guild.channels.general,
    name: 'settings',
    options: [sub],
  });
  return messageText(await safeReply(interaction, 8000));
}

/** The manager's health server (HEALTH_PORT=0 picks a port; the manager logs it). */
async function scrape(
  path: string,
): Promise<{ status: number; text: string; json: () => Record<string, unknown> }> {
  const port = run.lines('health server listening')[0]?.port;
  if (typeof port !== 'number') throw new Error(`no health server:\n${run.raw}`);
  const response = await fetch(`http://127.0.0.1:${port}${path}`);
  const text = await response.text();
  return { status: response.status, text, json: () => JSON.parse(text) as Record<string, unknown> };
}

/** One sample of the Prometheus exposition, e.g. `k2_shard_up{shard="0"}`; undefined when absent. */
function sample(exposition: string, series: string): number | undefined {
  const line = exposition.split('\n').find((l) => l.startsWith(`${series} `));
  return line === undefined ? undefined : Number(line.slice(series.length + 1));
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

// The two suites run at once (concurrent suites in a row), each with its own emulator and processes:
// the SHARD_LIST host starts under tsx and waits for its shard to stop while the manager of the first
// suite starts, answers and restarts its shards. Inside the first suite the tests run in order
// (it.sequential): each builds on the state the one before left.
describe.concurrent('SHARD_COUNT=2: a manager process with one child process per shard', () => {
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'k2-shards-'));
    // max_concurrency 16 lets the manager start the two shards 344 ms apart instead of 5.5 s.
    emu = await DiscordEmulator.start({
      shardCount: 2,
      guildCount: 4,
      maxConcurrency: 16,
      strictCommands: true,
    });
    const zero = emu.guilds.find((g) => shardFor(g.id, 2) === 0);
    const one = emu.guilds.find((g) => shardFor(g.id, 2) === 1);
    if (!zero || !one) throw new Error('the emulator put no guild on one of the shards');
    guildOf = [zero, one];
    for (const guild of emu.guilds) {
      await deployCommands({
        token: emu.token,
        apiBase: emu.apiBase,
        applicationId: emu.appId,
        guildId: guild.id,
      });
    }
    ensureBuilt();
    knowledgeDir = join(dir, 'knowledge');
    cpSync(join(ROOT, 'knowledge'), knowledgeDir, { recursive: true });
    run = new ManagerRun(
      {
        DISCORD_TOKEN: emu.token,
        DISCORD_API_BASE: emu.apiBase,
        // Both shard processes share this SQLite file.
        DATABASE_PATH: join(dir, 'k2.sqlite'),
        SHARD_COUNT: '2',
        // The manager serves it for both shards (port 0: a free one, logged).
        HEALTH_PORT: '0',
        // A copy, so SIGHUP can be tested with an edited version.
        KNOWLEDGE_DIR: knowledgeDir,
      },
      'compiled',
    );
    await vi.waitFor(
      () => {
        if (run.child.exitCode !== null) throw new Error(`the manager exited early:\n${run.raw}`);
        if (run.lines('all shards ready').length !== 1) throw new Error(`shards not ready:\n${run.raw}`);
      },
      { timeout: 40_000, interval: 100 },
    );
  }, BUILD_TIMEOUT_MS + 60_000);

  afterAll(async () => {
    // A failed assertion must not leave a manager or shard process behind.
    const pids = [run?.shardPid(0), run?.shardPid(1), run?.child.pid].filter(
      (p): p is number => p !== undefined,
    );
    for (const pid of pids) if (isAlive(pid)) process.kill(pid, 'SIGKILL');
    await emu?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it.sequential('runs each shard in its own process, connected with its own shard id', ({ expect }) => {
    expect(emu.connectedShards).toEqual([
      [0, 2],
      [1, 2],
    ]);
    const pids = [run.shardPid(0), run.shardPid(1)];
    expect(pids.every((pid) => typeof pid === 'number')).toBe(true);
    expect(new Set([...pids, run.child.pid]).size).toBe(3);
  });

  it.sequential('binds HEALTH_PORT in the manager only: each shard child says it does not', ({ expect }) => {
    expect(run.lines('health server listening').map((line) => line.shard)).toEqual(['manager']);
    expect(
      run
        .lines('HEALTH_PORT is not bound in a shard process: one port cannot serve every shard')
        .map((line) => line.shard)
        .sort(),
    ).toEqual([0, 1]);
  });

  (process.platform === 'linux' ? it.sequential : it.sequential.skip)(
    'starts each shard with two malloc arenas when the operator set none (the manager itself keeps the default)',
    ({ expect }) => {
      const environment = (pid: number | undefined) =>
        readFileSync(`/proc/${pid}/environ`, 'utf8').split('\0');
      for (const pid of [run.shardPid(0), run.shardPid(1)])
        expect(environment(pid)).toContain('MALLOC_ARENA_MAX=2');
      expect(environment(run.child.pid).some((entry) => entry.startsWith('MALLOC_ARENA_MAX='))).toBe(false);
    },
  );

  it.sequential('answers a question in each guild from the shard Discord routes that guild to, and only from it', async ({
    expect,
  }) => {
    for (const guild of emu.guilds) {
      const interaction = await ask(guild, 'what is vitamin k2?');
      await safeReply(interaction, 8000);
      const shard = shardFor(guild.id, 2);
      await expect
        .poll(() => run.handledIn(guild.id), LOG_WAIT)
        .toEqual([{ shard, pid: run.shardPid(shard) }]);
      expect(interaction.callbacks).toHaveLength(1);
      expect(interaction.rejectedCallbacks).toEqual([]);
    }
  }, 30_000);

  it.sequential('serves /readyz and /metrics for both shards from the manager, counting replies of both', async ({
    expect,
  }) => {
    // Each shard's answer workers may still be building their engines on a busy machine.
    await expect
      .poll(async () => (await scrape('/readyz')).status, { timeout: 30_000, interval: 200 })
      .toBe(200);
    const ready = await scrape('/readyz');
    const body = ready.json() as {
      shards: Array<{ id: number; ready: boolean }>;
      checks: { gateway: { shards: Array<{ id: number; ready: boolean }> } };
    };
    expect(body.shards.map((s) => [s.id, s.ready])).toEqual([
      [0, true],
      [1, true],
    ]);
    expect(body.checks.gateway.shards.map((s) => [s.id, s.ready])).toEqual([
      [0, true],
      [1, true],
    ]);

    const answeredSlash = 'k2_replies_total{kind="answered",surface="slash"}';
    const before = sample((await scrape('/metrics')).text, answeredSlash) ?? 0;
    for (const guild of guildOf) await safeReply(await ask(guild, 'how much k2 is in natto?'), 8000);
    const metrics = (await scrape('/metrics')).text;
    // One answered question in each shard's guild: the host's count is the sum over both processes.
    expect(sample(metrics, answeredSlash)).toBe(before + 2);
    expect(sample(metrics, 'k2_shard_up{shard="0"}')).toBe(1);
    expect(sample(metrics, 'k2_shard_up{shard="1"}')).toBe(1);
    expect(sample(metrics, 'k2_gateway_shard_status{shard="0",status="ready"}')).toBe(1);
    expect(sample(metrics, 'k2_gateway_shard_status{shard="1",status="ready"}')).toBe(1);
    expect(sample(metrics, 'k2_ready')).toBe(1);
    expect(metrics).not.toContain(emu.users.alice.id);
  }, 60_000);

  it.sequential('passes SIGHUP to every shard, which reload the edited knowledge', async ({ expect }) => {
    const metaFile = join(knowledgeDir, 'meta.json');
    const meta = JSON.parse(readFileSync(metaFile, 'utf8')) as Record<string, unknown>;
    writeFileSync(metaFile, JSON.stringify({ ...meta, version: '9.9.9' }, null, 2));
    run.child.kill('SIGHUP');
    await expect
      .poll(async () => (await scrape('/readyz')).json().knowledgeVersion, { timeout: 15_000 })
      .toBe('9.9.9');
    const shards = (await scrape('/readyz')).json().shards as Array<{ knowledgeVersion: string }>;
    expect(shards.map((s) => s.knowledgeVersion)).toEqual(['9.9.9', '9.9.9']);
    // Reloaded, not restarted, and the manager logged each shard's outcome.
    expect(run.lines('shard process started')).toHaveLength(2);
    await expect
      .poll(
        () =>
          run
            .lines('shard reloaded the knowledge')
            .map((l) => l.shardId)
            .sort(),
        LOG_WAIT,
      )
      .toEqual([0, 1]);
  }, 30_000);

  it.sequential('shows a setting changed through one shard in the other (one shared database, no stale copy)', async ({
    expect,
  }) => {
    const guild = guildOf[0];
    // Shard 1 reads the guild's settings first, so a cached copy would be stale below.
    await emu.moveGuildToShard(guild.id, 1);
    expect(await settings(guild, opt.sub('show'))).not.toContain('42 s per member');
    await emu.moveGuildToShard(guild.id, undefined);
    expect(await settings(guild, opt.sub('cooldown', [opt.integer('seconds', 42)]))).toContain(
      'Cooldown is now 42 s per member.',
    );
    await emu.moveGuildToShard(guild.id, 1);
    expect(await settings(guild, opt.sub('show'))).toContain('42 s per member');
    await emu.moveGuildToShard(guild.id, undefined);
    // Two processes write these lines: the manager may pass them on in another order than they were
    // handled (a fresh clone's CI run saw [1, 1, 0]); which shard handled how many is what is checked.
    const settingsBy = () =>
      run
        .lines('command handled', { guildId: guild.id, command: 'settings' })
        .map((l) => l.shard)
        .sort();
    await expect.poll(settingsBy, LOG_WAIT).toEqual([0, 1, 1]);
  }, 30_000);

  it.sequential('restarts a killed shard while the other keeps answering', async ({ expect }) => {
    const killedPid = run.shardPid(1) as number;
    process.kill(killedPid, 'SIGKILL');
    // Shard 0 answers while shard 1 is down or restarting, and the host reports itself not ready.
    await safeReply(await ask(guildOf[0], 'which foods have the most k2?'), 8000);
    const down = await scrape('/readyz');
    expect(down.status).toBe(503);
    expect(down.json().reason).toContain('shard 1');
    await expect
      .poll(() => run.lines('shard process exited', { shardId: 1 }).map((l) => l.signal), { timeout: 10_000 })
      .toEqual(['SIGKILL']);
    await expect.poll(() => run.lines('shard ready', { shardId: 1 }).length, { timeout: 30_000 }).toBe(2);
    const restartedPid = run.shardPid(1) as number;
    expect(restartedPid).not.toBe(killedPid);
    await expect
      .poll(() => emu.connectedShards, { timeout: 10_000 })
      .toEqual([
        [0, 2],
        [1, 2],
      ]);
    const before = run.handledIn(guildOf[1].id).length;
    await safeReply(await ask(guildOf[1], 'is natto good for bones?'), 8000);
    await expect
      .poll(() => run.handledIn(guildOf[1].id).slice(before), LOG_WAIT)
      .toEqual([{ shard: 1, pid: restartedPid }]);
    // Shard 0 was never restarted.
    expect(run.lines('shard process started', { shardId: 0 })).toHaveLength(1);
    await expect.poll(async () => (await scrape('/readyz')).status, { timeout: 30_000 }).toBe(200);
    expect(sample((await scrape('/metrics')).text, 'k2_shard_restarts_total{shard="1"}')).toBe(1);
  }, 60_000);

  it.sequential('stops every shard process and exits 0 on SIGTERM', async ({ expect }) => {
    const shardPids = [run.shardPid(0), run.shardPid(1)] as number[];
    run.child.kill('SIGTERM');
    expect((await run.exited).code).toBe(0);
    expect(run.lines('stopped', { shard: 'manager' })).toHaveLength(1);
    expect(run.lines('stopped', { shard: 0 })).toHaveLength(1);
    expect(run.lines('stopped', { shard: 1 })).toHaveLength(1);
    expect(run.lines('shard process stopped').map((l) => [l.shardId, l.exitCode])).toEqual(
      expect.arrayContaining([
        [0, 0],
        [1, 0],
      ]),
    );
    for (const pid of shardPids) expect(isAlive(pid)).toBe(false);
    expect(run.raw).not.toContain(emu.token);
  }, 40_000);
});

describe.concurrent('SHARD_LIST: this host runs part of the shards (under tsx, as `npm run dev`)', () => {
  it('runs only the listed shard, and that shard stops by itself when its manager is killed', async ({
    expect,
  }) => {
    const listEmu = await DiscordEmulator.start({ shardCount: 2, guildCount: 2, maxConcurrency: 16 });
    const listDir = mkdtempSync(join(tmpdir(), 'k2-shard-list-'));
    const host = new ManagerRun(
      {
        DISCORD_TOKEN: listEmu.token,
        DISCORD_API_BASE: listEmu.apiBase,
        DATABASE_PATH: join(listDir, 'k2.sqlite'),
        SHARD_COUNT: '2',
        SHARD_LIST: '1',
        // One answer worker, not the per-shard default of two: each builds the engine under tsx.
        ANSWER_WORKERS: '1',
      },
      'tsx',
    );
    try {
      await expect
        .poll(() => host.lines('all shards ready').length, { timeout: 60_000, interval: 100 })
        .toBe(1);
      expect(listEmu.connectedShards).toEqual([[1, 2]]);
      expect(host.lines('shard process started').map((l) => l.shardId)).toEqual([1]);
      const shardPid = host.shardPid(1) as number;
      host.child.kill('SIGKILL');
      await host.exited;
      await expect.poll(() => isAlive(shardPid), { timeout: 20_000, interval: 100 }).toBe(false);
      expect(host.lines('stopped', { shard: 1 })).toHaveLength(1);
    } finally {
      for (const pid of [host.shardPid(1), host.child.pid])
        if (pid && isAlive(pid)) process.kill(pid, 'SIGKILL');
      await listEmu.close();
      rmSync(listDir, { recursive: true, force: true });
    }
  }, 100_000);
});
