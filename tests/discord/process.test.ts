import { type ChildProcess, spawn } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { deployCommands } from '../../src/discord/deploy.ts';
import { GatewayError } from '../../src/discord/gatewayStatus.ts';
import { openSqliteStore } from '../../src/store/sqliteStore.ts';
import { BUILD_TIMEOUT_MS, compiled, ensureBuilt } from '../compiled.ts';
import { ANTICOAGULANT_WARNING, DISCLAIMER } from '../safetyTexts.ts';
import { DiscordEmulator } from './emulator/index.ts';
import { messageText, opt, safeReply, startHarness } from './harness.ts';

const ROOT = resolve(fileURLToPath(new URL('../..', import.meta.url)));

interface Run {
  child: ChildProcess;
  output: () => string;
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

const started: ChildProcess[] = [];

const MAIN = [process.execPath, compiled('main.js')];

/**
 * `npm start` without npm: the real compiled entry point as a separate process. Its stdin is a pipe (not a
 * terminal); `terminal: true` runs it under script(1), which gives it a pseudo-terminal like a person's.
 */
function runMain(env: Record<string, string>, stdin?: string, options: { terminal?: boolean } = {}): Run {
  const [command, args] = options.terminal
    ? ['script', ['-qec', MAIN.map((part) => `'${part}'`).join(' '), '/dev/null']]
    : [MAIN[0] as string, MAIN.slice(1)];
  const child = spawn(command as string, args as string[], {
    cwd: ROOT,
    // Only what the test sets: a developer's .env or shell must not leak in.
    // One answer worker instead of the default two: each builds its own engine (about 1.5 CPU-s).
    env: {
      PATH: process.env.PATH ?? '',
      NODE_ENV: 'production',
      LOG_LEVEL: 'info',
      NO_COLOR: '1',
      ANSWER_WORKERS: '1',
      ...env,
    },
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  started.push(child);
  let output = '';
  child.stdout?.on('data', (d: Buffer) => {
    output += d.toString();
  });
  child.stderr?.on('data', (d: Buffer) => {
    output += d.toString();
  });
  if (stdin !== undefined) child.stdin?.end(stdin);
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((done) =>
    child.on('exit', (code, signal) => done({ code, signal })),
  );
  return { child, output: () => output, exited };
}

/** The bot that never gets READY, with its emulator: what its test reads once it has exited. */
interface NoReadyRun {
  run: Run;
  emu: DiscordEmulator;
}

/**
 * Started before the other tests, since it spends most of its life waiting out the shortest
 * DISCORD_READY_TIMEOUT_SECONDS (5 s) with nothing to do: its wait runs alongside them instead of
 * after them. Its test, further down, reads how it ended.
 */
async function startNoReadyRun(): Promise<NoReadyRun> {
  const emu = await DiscordEmulator.start();
  // Every gateway connection dies as soon as it opens: REST works, READY never comes.
  emu.on('wsConnect', () => setImmediate(() => emu.dropConnections()));
  const run = runMain(
    {
      DISCORD_TOKEN: emu.token,
      DISCORD_API_BASE: emu.apiBase,
      DATABASE_PATH: join(dir, 'no-ready.sqlite'),
      DISCORD_READY_TIMEOUT_SECONDS: '5',
    },
    '',
  );
  return { run, emu };
}

let dir: string;
let noReady: Promise<NoReadyRun>;
beforeAll(() => {
  ensureBuilt();
  dir = mkdtempSync(join(tmpdir(), 'k2-process-'));
  noReady = startNoReadyRun();
  noReady.catch(() => {});
}, BUILD_TIMEOUT_MS);
afterAll(async () => {
  // A failed assertion must not leave a bot process behind.
  for (const child of started)
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  await (await noReady.catch(() => undefined))?.emu.close();
  rmSync(dir, { recursive: true, force: true });
});

// The restart test runs alone (its two bots and the emulator are the file's heaviest load); the
// short-lived processes after it run at once, these five together with the four start-up failures
// below (two concurrent suites in a row run together), each on its own files and emulator, with time
// limits (60 s) that allow for the nine sharing the CPU.
describe('the bot process', () => {
  it('keeps a setting written right before kill -9 across a restart', async () => {
    const emu = await DiscordEmulator.start();
    const databasePath = join(dir, 'restart', 'k2.sqlite');
    const env = {
      DISCORD_TOKEN: emu.token,
      DISCORD_CLIENT_ID: emu.appId,
      DISCORD_API_BASE: emu.apiBase,
      DATABASE_PATH: databasePath,
    };
    try {
      await deployCommands({
        token: emu.token,
        apiBase: emu.apiBase,
        applicationId: emu.appId,
        guildId: emu.guildId,
      });
      const first = runMain(env);
      await emu.waitForConnectedSessions(1, 30_000);
      const change = await emu.userRunsCommand({
        user: emu.users.admin,
        name: 'settings',
        options: [opt.sub('cooldown', [opt.integer('seconds', 77)])],
      });
      expect(messageText(await safeReply(change, 5000))).toContain('77 s');
      first.child.kill('SIGKILL');
      expect((await first.exited).signal).toBe('SIGKILL');
      expect(first.output()).not.toContain(emu.token);

      const store = openSqliteStore(databasePath);
      expect((await store.getGuildSettings(emu.guildId)).cooldownSeconds).toBe(77);
      await store.close();

      const identifiesBefore = emu.identifies;
      const second = runMain(env);
      // The killed session's socket may linger: wait for the new process's own IDENTIFY.
      await expect
        .poll(() => emu.identifies, { timeout: 30_000, interval: 50 })
        .toBeGreaterThan(identifiesBefore);
      await emu.waitForConnectedSessions(1, 30_000);
      const show = await emu.userRunsCommand({
        user: emu.users.admin,
        name: 'settings',
        options: [opt.sub('show')],
      });
      expect(messageText(await safeReply(show, 5000))).toContain('77 s per member');

      // Privacy at LOG_LEVEL=info (runMain's level), in the same process: a slash question, a
      // mention and a DM, each with a marker no log line may carry. One chat question per member,
      // so the 77 s cooldown set above holds none back.
      const slash = await emu.userRunsCommand({
        user: emu.users.alice,
        name: 'ask',
        options: [opt.string('question', 'is mk7 good for my violet-marker knees?')],
      });
      await safeReply(slash, 5000);
      const mention = await emu.userSendsMessage({
        author: emu.users.bob,
        content: 'how much k2 in natto for my amber-marker diet?',
        mentionBot: true,
      });
      await emu.waitForBotMessage((m) => m.message_reference?.message_id === mention.id, 5000);
      const dm = await emu.userSendsMessage({
        author: emu.users.alice,
        content: 'does k2 help teal-marker arteries?',
        dm: true,
      });
      await emu.waitForBotMessage((m) => m.message_reference?.message_id === dm.id, 5000);
      await expect
        .poll(() => logLines(second.output()).filter((l) => l.msg === 'message answered').length, {
          timeout: 5000,
        })
        .toBe(2);

      second.child.kill('SIGTERM');
      const { code } = await second.exited;
      expect(code).toBe(0);
      const logs = second.output();
      expect(logs).toContain('"msg":"stopped"');
      expect(logs).not.toContain(emu.token);
      expect(logLines(logs).some((l) => l.msg === 'command handled')).toBe(true);
      for (const marker of ['violet-marker', 'amber-marker', 'teal-marker'])
        expect(logs).not.toContain(marker);
      for (const output of [first.output(), logs])
        for (const user of Object.values(emu.users)) expect(output).not.toContain(user.id);
    } finally {
      await emu.close();
    }
  }, 90_000);
});

describe.concurrent('the bot process at start-up', () => {
  it('exits 1 naming DISCORD_TOKEN when Discord rejects the token', async () => {
    const emu = await DiscordEmulator.start();
    try {
      const run = runMain(
        {
          DISCORD_TOKEN: 'MTAw.wrong.token',
          DISCORD_API_BASE: emu.apiBase,
          DATABASE_PATH: join(dir, 'bad.sqlite'),
        },
        '',
      );
      expect((await run.exited).code).toBe(1);
      expect(run.output()).toContain('DISCORD_TOKEN was rejected');
      expect(run.output()).not.toContain('MTAw.wrong.token');
    } finally {
      await emu.close();
    }
  }, 60_000);

  it('exits 1 naming the file and field when a knowledge file is corrupt', async () => {
    const knowledge = join(dir, 'knowledge');
    cpSync(join(ROOT, 'knowledge'), knowledge, { recursive: true });
    const metaFile = join(knowledge, 'meta.json');
    const meta = JSON.parse(readFileSync(metaFile, 'utf8')) as Record<string, unknown>;
    writeFileSync(metaFile, JSON.stringify({ ...meta, version: 'one' }));
    const run = runMain({ KNOWLEDGE_DIR: knowledge, DATABASE_PATH: join(dir, 'kb.sqlite') }, '');
    const { code } = await run.exited;
    expect(code).toBe(1);
    expect(run.output()).toContain('meta.json');
    expect(run.output()).toContain('version');
  }, 60_000);

  it('exits 1 naming the path when the database is corrupt', async () => {
    const databasePath = join(dir, 'corrupt.sqlite');
    writeFileSync(databasePath, 'not a database '.repeat(500));
    const run = runMain({ DISCORD_TOKEN: 'MTAw.x.y', DATABASE_PATH: databasePath }, '');
    expect((await run.exited).code).toBe(1);
    expect(run.output()).toContain(databasePath);
  }, 60_000);

  it('opens the terminal chat when there is no token and a person is at a terminal', async () => {
    const run = runMain({ DATABASE_PATH: join(dir, 'chat.sqlite') }, 'what is vitamin k2?\n/quit\n', {
      terminal: true,
    });
    const { code } = await run.exited;
    expect(code).toBe(0);
    expect(run.output().replace(/\s+/g, ' ')).toContain(DISCLAIMER);
    expect(run.output().replace(/\s+/g, ' ')).toContain(ANTICOAGULANT_WARNING);
  }, 60_000);

  it('exits 1 saying DISCORD_TOKEN is missing when there is no token and no terminal', async () => {
    const run = runMain({ DATABASE_PATH: join(dir, 'no-token.sqlite') }, '');
    expect((await run.exited).code).toBe(1);
    const [line, ...rest] = logLines(run.output());
    expect(rest).toEqual([]);
    expect(line).toMatchObject({ level: 50, variables: ['DISCORD_TOKEN'] });
    expect(line?.msg).toMatch(/^DISCORD_TOKEN is missing/);
    expect(run.output()).not.toContain(DISCLAIMER);
  }, 60_000);
});

/** Every line must be a JSON log line: a fatal error is no exception. */
function logLines(output: string): Array<{ level: number; msg: string; [key: string]: unknown }> {
  return output
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => JSON.parse(line) as { level: number; msg: string });
}

function fatalLine(output: string) {
  const fatal = logLines(output).filter((line) => line.level >= 50);
  expect(fatal).toHaveLength(1);
  return fatal[0] as { level: number; msg: string; [key: string]: unknown };
}

// The processes below wait on their own exit, not on each other: run at once with the five above,
// the file takes the longest of them instead of their sum, on a machine whose cores they leave idle
// while they wait. Their time limits (60 s) allow for the nine sharing the CPU. Nothing may stand
// between the two concurrent suites (the helpers above are function declarations).
describe.concurrent('start-up failures: one error-level JSON line and exit 1', () => {
  it('names every malformed variable at once', async () => {
    const run = runMain({ DISCORD_CLIENT_ID: 'not-an-id', LOG_LEVEL: 'loud', DEV_GUILD_ID: '12' }, '');
    expect((await run.exited).code).toBe(1);
    expect(run.output()).toContain('DISCORD_CLIENT_ID');
    const line = fatalLine(run.output());
    expect(line.level).toBe(50);
    expect(line.variables).toEqual(['DISCORD_CLIENT_ID', 'LOG_LEVEL', 'DEV_GUILD_ID']);
    for (const name of ['DISCORD_CLIENT_ID', 'LOG_LEVEL', 'DEV_GUILD_ID']) expect(line.msg).toContain(name);
  }, 60_000);

  it('says a folder is expected when DATABASE_PATH runs through a file', async () => {
    const file = join(dir, 'a-file');
    writeFileSync(file, 'not a folder');
    const run = runMain({ DISCORD_TOKEN: 'MTAw.x.y', DATABASE_PATH: join(file, 'k2.sqlite') }, '');
    expect((await run.exited).code).toBe(1);
    expect(fatalLine(run.output()).msg).toContain(`${file} is a file; a folder is expected there`);
  }, 60_000);

  it('fails instead of hanging when the DATABASE_PATH folder cannot be created', async () => {
    const run = runMain({ DISCORD_TOKEN: 'MTAw.x.y', DATABASE_PATH: '/proc/k2-bot/k2.sqlite' }, '');
    expect((await run.exited).code).toBe(1);
    expect(fatalLine(run.output()).msg).toContain(
      'DATABASE_PATH names a folder that cannot be created: /proc/k2-bot',
    );
  }, 60_000);

  it('gives one clear line when the Discord API cannot be reached', async () => {
    const run = runMain(
      {
        DISCORD_TOKEN: 'MTAw.x.y',
        // Port 9 (discard) on loopback: nothing listens there, so the connection is refused at once.
        DISCORD_API_BASE: 'http://127.0.0.1:9/api',
        DATABASE_PATH: join(dir, 'unreachable.sqlite'),
      },
      '',
    );
    expect((await run.exited).code).toBe(1);
    const line = fatalLine(run.output());
    expect(line.msg).toMatch(/^cannot reach the Discord API at http:\/\/127\.0\.0\.1:9\/api \(ECONNREFUSED/);
    expect(line.err).toBeUndefined();
    expect(run.output()).not.toContain('    at ');
  }, 60_000);

  // The process was started before the first test (startNoReadyRun).
  it('exits 1 when the gateway never sends READY within DISCORD_READY_TIMEOUT_SECONDS', async () => {
    const { run } = await noReady;
    expect((await run.exited).code).toBe(1);
    const line = fatalLine(run.output());
    expect(line.closeCode).toBe('ready-timeout');
    expect(line.msg).toContain('did not send READY within 5 s');
    expect(line.msg).toContain('DISCORD_READY_TIMEOUT_SECONDS');
  }, 60_000);
});

describe('fatal gateway closes while running', () => {
  // The process: main.ts turns any fatal close into exit 1 and one error line; 4004 stands for all.
  it('close 4004 ends the process with exit 1 and an error line naming cause and fix', async () => {
    const emu = await DiscordEmulator.start();
    try {
      const run = runMain(
        {
          DISCORD_TOKEN: emu.token,
          DISCORD_API_BASE: emu.apiBase,
          DATABASE_PATH: join(dir, 'close-4004.sqlite'),
        },
        '',
      );
      await expect
        .poll(() => run.output().includes('"msg":"connected to Discord"'), {
          timeout: 30_000,
          interval: 50,
        })
        .toBe(true);
      emu.closeConnections(4004, 'Closed by the test');
      expect((await run.exited).code).toBe(1);
      const line = fatalLine(run.output());
      expect(line).toMatchObject({ level: 50, closeCode: 4004 });
      expect(line.msg).toMatch(/rejected the bot token.*DISCORD_TOKEN/);
      expect(line.msg).toContain('Fix:');
      expect(run.output()).not.toContain(emu.token);
    } finally {
      await emu.close();
    }
  }, 60_000);

  // Each close code, through the real discord.js client in this process (no bot process to build per
  // code): the error the bot hands main.ts, whose closeCode and message become that line.
  it.each([
    [4004, /rejected the bot token.*DISCORD_TOKEN/],
    [4014, /Message Content.*DISCORD_MESSAGE_CONTENT=false/],
    [4013, /invalid/],
    [4011, /sharding/],
  ])('close %i is reported once as fatal, naming cause and fix', async (closeCode, message) => {
    const fatal: GatewayError[] = [];
    const h = await startHarness({ onFatal: (error) => fatal.push(error) });
    try {
      h.emu.closeConnections(closeCode, 'Closed by the test');
      await expect.poll(() => fatal.length, { timeout: 10_000, interval: 20 }).toBe(1);
      const [error] = fatal;
      expect(error).toBeInstanceOf(GatewayError);
      expect(error?.closeCode).toBe(closeCode);
      expect(error?.message).toMatch(message);
      expect(error?.message).toContain('Fix:');
      expect(h.rawLogs()).not.toContain(h.emu.token);
    } finally {
      await h.stop();
    }
    expect(fatal).toHaveLength(1);
  });
});
