import { type ChildProcess, spawn } from 'node:child_process';
import { cpSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BUILD_TIMEOUT_MS, ensureBuilt, REPO_ROOT } from '../compiled.ts';
import { DiscordEmulator } from './emulator/index.ts';

/**
 * A bot whose answer workers cannot start answers nobody, so it must not stay online looking
 * healthy. Each case runs a real copy of the compiled bot whose worker module is broken the way a
 * bad deploy breaks it: missing, or throwing as it loads.
 */

let dir: string;
const children: ChildProcess[] = [];

beforeAll(() => {
  ensureBuilt();
  dir = mkdtempSync(join(tmpdir(), 'k2-workers-fail-'));
}, BUILD_TIMEOUT_MS);
afterAll(() => {
  for (const child of children)
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  rmSync(dir, { recursive: true, force: true });
});

/** A deployable copy of the build: dist/, package.json, and the repository's node_modules and knowledge. */
function copyOfTheBuild(name: string): string {
  const copy = join(dir, name);
  cpSync(join(REPO_ROOT, 'dist'), join(copy, 'dist'), { recursive: true });
  cpSync(join(REPO_ROOT, 'package.json'), join(copy, 'package.json'));
  symlinkSync(join(REPO_ROOT, 'node_modules'), join(copy, 'node_modules'));
  symlinkSync(join(REPO_ROOT, 'knowledge'), join(copy, 'knowledge'));
  return copy;
}

async function runBot(copy: string, emu: DiscordEmulator) {
  const child = spawn(process.execPath, [join(copy, 'dist', 'main.js')], {
    cwd: copy,
    env: {
      PATH: process.env.PATH ?? '',
      NODE_ENV: 'production',
      LOG_LEVEL: 'info',
      DISCORD_TOKEN: emu.token,
      DISCORD_API_BASE: emu.apiBase,
      DATABASE_PATH: join(copy, 'k2.sqlite'),
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  children.push(child);
  let output = '';
  child.stdout?.on('data', (d: Buffer) => {
    output += d.toString();
  });
  child.stderr?.on('data', (d: Buffer) => {
    output += d.toString();
  });
  const code = await new Promise<number | null>((done) => child.on('exit', (exitCode) => done(exitCode)));
  const lines = output
    .split('\n')
    .filter((line) => line.startsWith('{'))
    .map((line) => JSON.parse(line) as { level: number; msg: string; event?: string });
  return { code, lines };
}

// At once: each copy of the bot waits on its own emulator and exit (time limits allow for the two
// sharing the CPU).
describe.concurrent('answer workers that cannot start', () => {
  it('exit 1 with an error-level line naming the cause when the worker throws as it loads', async () => {
    const copy = copyOfTheBuild('throws');
    writeFileSync(
      join(copy, 'dist', 'discord', 'answerWorker.js'),
      "throw new Error('the worker module of this deploy is broken');\n",
    );
    const emu = await DiscordEmulator.start();
    try {
      const { code, lines } = await runBot(copy, emu);
      expect(code).toBe(1);
      const fatal = lines.find((line) => line.event === 'fatal');
      // pino's error level.
      expect(fatal?.level).toBe(50);
      expect(fatal?.msg).toContain('answer workers could not start');
      expect(fatal?.msg).toContain('the worker module of this deploy is broken');
    } finally {
      await emu.close();
    }
  }, 60_000);

  it('exit 1 with an error-level line naming the cause when the worker module is missing', async () => {
    const copy = copyOfTheBuild('missing');
    rmSync(join(copy, 'dist', 'discord', 'answerWorker.js'));
    const emu = await DiscordEmulator.start();
    try {
      const { code, lines } = await runBot(copy, emu);
      expect(code).toBe(1);
      const fatal = lines.find((line) => line.event === 'fatal');
      expect(fatal?.level).toBe(50);
      expect(fatal?.msg).toContain('answer workers could not start');
      expect(fatal?.msg).toContain('answer worker module not found');
    } finally {
      await emu.close();
    }
  }, 60_000);
});
