import { type ChildProcess, spawn } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { deployCommands } from '../../src/discord/deploy.ts';
import { ANTICOAGULANT_WARNING, DISCLAIMER } from '../../src/engine/index.ts';
import { openSqliteStore } from '../../src/store/sqliteStore.ts';
import { DiscordEmulator } from './emulator/index.ts';
import { messageText, opt, safeReply } from './harness.ts';

const ROOT = resolve(fileURLToPath(new URL('../..', import.meta.url)));

interface Run {
  child: ChildProcess;
  output: () => string;
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

const started: ChildProcess[] = [];

/** `npm start` without npm: the real entry point as a separate process. */
function runMain(env: Record<string, string>, stdin?: string): Run {
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
    cwd: ROOT,
    // Only what the test sets: a developer's .env or shell must not leak in.
    env: { PATH: process.env.PATH ?? '', NODE_ENV: 'production', LOG_LEVEL: 'info', ...env },
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

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'k2-process-'));
});
afterAll(() => {
  // A failed assertion must not leave a bot process behind.
  for (const child of started)
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  rmSync(dir, { recursive: true, force: true });
});

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
      await emu.waitForConnectedSessions(1, 15_000);
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
        .poll(() => emu.identifies, { timeout: 15_000, interval: 50 })
        .toBeGreaterThan(identifiesBefore);
      await emu.waitForConnectedSessions(1, 15_000);
      const show = await emu.userRunsCommand({
        user: emu.users.admin,
        name: 'settings',
        options: [opt.sub('show')],
      });
      expect(messageText(await safeReply(show, 5000))).toContain('77 s per member');

      second.child.kill('SIGTERM');
      const { code } = await second.exited;
      expect(code).toBe(0);
      const logs = second.output();
      expect(logs).toContain('"msg":"stopped"');
      expect(logs).not.toContain(emu.token);
    } finally {
      await emu.close();
    }
  }, 40_000);

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
  }, 20_000);

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
  }, 20_000);

  it('exits 1 naming the variable when the configuration is malformed', async () => {
    const run = runMain({ DISCORD_CLIENT_ID: 'not-an-id' }, '');
    expect((await run.exited).code).toBe(1);
    expect(run.output()).toContain('DISCORD_CLIENT_ID');
  }, 20_000);

  it('exits 1 naming the path when the database is corrupt', async () => {
    const databasePath = join(dir, 'corrupt.sqlite');
    writeFileSync(databasePath, 'not a database '.repeat(500));
    const run = runMain({ DISCORD_TOKEN: 'MTAw.x.y', DATABASE_PATH: databasePath }, '');
    expect((await run.exited).code).toBe(1);
    expect(run.output()).toContain(databasePath);
  }, 20_000);

  it('opens the terminal chat when there is no token', async () => {
    const run = runMain({ DATABASE_PATH: join(dir, 'chat.sqlite') }, 'what is vitamin k2?\n');
    const { code } = await run.exited;
    expect(code).toBe(0);
    expect(run.output().replace(/\s+/g, ' ')).toContain(DISCLAIMER);
    expect(run.output().replace(/\s+/g, ' ')).toContain(ANTICOAGULANT_WARNING);
  }, 20_000);
});
