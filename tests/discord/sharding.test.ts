import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
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

let emu: DiscordEmulator;
let run: ManagerRun;
let dir: string;
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

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

describe('SHARD_COUNT=2: a manager process with one child process per shard', () => {
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
    run = new ManagerRun(
      {
        DISCORD_TOKEN: emu.token,
        DISCORD_API_BASE: emu.apiBase,
        // Both shard processes share this SQLite file.
        DATABASE_PATH: join(dir, 'k2.sqlite'),
        SHARD_COUNT: '2',
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

  it('runs each shard in its own process, connected with its own shard id', () => {
    expect(emu.connectedShards).toEqual([
      [0, 2],
      [1, 2],
    ]);
    const pids = [run.shardPid(0), run.shardPid(1)];
    expect(pids.every((pid) => typeof pid === 'number')).toBe(true);
    expect(new Set([...pids, run.child.pid]).size).toBe(3);
  });

  it('answers a question in each guild from the shard Discord routes that guild to, and only from it', async () => {
    for (const guild of emu.guilds) {
      const interaction = await ask(guild, 'what is vitamin k2?');
      await safeReply(interaction, 8000);
      const shard = shardFor(guild.id, 2);
      await expect.poll(() => run.handledIn(guild.id)).toEqual([{ shard, pid: run.shardPid(shard) }]);
      expect(interaction.callbacks).toHaveLength(1);
      expect(interaction.rejectedCallbacks).toEqual([]);
    }
  }, 30_000);

  it('shows a setting changed through one shard in the other (one shared database, no stale copy)', async () => {
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
    const settingsBy = () =>
      run.lines('command handled', { guildId: guild.id, command: 'settings' }).map((l) => l.shard);
    await expect.poll(settingsBy).toEqual([1, 0, 1]);
  }, 30_000);

  it('restarts a killed shard while the other keeps answering', async () => {
    const killedPid = run.shardPid(1) as number;
    process.kill(killedPid, 'SIGKILL');
    // Shard 0 answers while shard 1 is down or restarting.
    await safeReply(await ask(guildOf[0], 'which foods have the most k2?'), 8000);
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
      .poll(() => run.handledIn(guildOf[1].id).slice(before))
      .toEqual([{ shard: 1, pid: restartedPid }]);
    // Shard 0 was never restarted.
    expect(run.lines('shard process started', { shardId: 0 })).toHaveLength(1);
  }, 60_000);

  it('stops every shard process and exits 0 on SIGTERM', async () => {
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

describe('SHARD_LIST: this host runs part of the shards (under tsx, as `npm run dev`)', () => {
  it('runs only the listed shard, and that shard stops by itself when its manager is killed', async () => {
    const listEmu = await DiscordEmulator.start({ shardCount: 2, guildCount: 2, maxConcurrency: 16 });
    const listDir = mkdtempSync(join(tmpdir(), 'k2-shard-list-'));
    const host = new ManagerRun(
      {
        DISCORD_TOKEN: listEmu.token,
        DISCORD_API_BASE: listEmu.apiBase,
        DATABASE_PATH: join(listDir, 'k2.sqlite'),
        SHARD_COUNT: '2',
        SHARD_LIST: '1',
      },
      'tsx',
    );
    try {
      await expect
        .poll(() => host.lines('all shards ready').length, { timeout: 40_000, interval: 100 })
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
  }, 80_000);
});
