import { spawn } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BUILD_TIMEOUT_MS, ensureBuilt, REPO_ROOT } from '../compiled.ts';
import { DiscordEmulator } from '../discord/emulator/index.ts';
import { runProcess } from '../runProcess.ts';
import { ANTICOAGULANT_WARNING, DISCLAIMER } from '../safetyTexts.ts';

interface LockEntry {
  dev?: boolean;
}

/**
 * What `npm ci --omit=dev` leaves: package.json, the built dist/, the knowledge files and only the
 * packages the lock file does not mark as dev. The packages are linked, not copied, so this takes
 * a moment instead of a download; the bot's own imports resolve from this folder and find no tsx,
 * TypeScript or pino-pretty.
 */
function productionInstall(): string {
  const app = mkdtempSync(join(tmpdir(), 'k2-production-'));
  for (const entry of ['package.json', 'package-lock.json', 'dist', 'knowledge']) {
    cpSync(join(REPO_ROOT, entry), join(app, entry), { recursive: true });
  }
  const lock = JSON.parse(readFileSync(join(REPO_ROOT, 'package-lock.json'), 'utf8')) as {
    packages: Record<string, LockEntry>;
  };
  for (const [path, entry] of Object.entries(lock.packages)) {
    // Top-level packages only: nested ones live inside their parent's folder.
    if (!path.startsWith('node_modules/') || path.lastIndexOf('node_modules/') !== 0 || entry.dev) continue;
    mkdirSync(dirname(join(app, path)), { recursive: true });
    symlinkSync(join(REPO_ROOT, path), join(app, path), 'dir');
  }
  return app;
}

/** A command in the production install, with a home for npm and no colours in what it writes. */
function run(command: string, args: string[], options: { cwd: string; env?: Record<string, string> }) {
  return runProcess(command, args, {
    cwd: options.cwd,
    env: { HOME: process.env.HOME ?? tmpdir(), NO_COLOR: '1', ...options.env },
  });
}

let app: string;
beforeAll(() => {
  ensureBuilt();
  app = productionInstall();
}, BUILD_TIMEOUT_MS);
afterAll(() => {
  if (app) rmSync(app, { recursive: true, force: true });
});

// At once: each process waits on its own exit (npm alone takes most of a second to start), with
// twice the time limit one alone needs, as they share the CPU.
describe.concurrent('a production install (dependencies only, compiled code)', () => {
  it('has no dev tooling: tsx, TypeScript and vitest are absent', () => {
    expect(() => readFileSync(join(app, 'node_modules', 'tsx', 'package.json'))).toThrow();
    expect(() => readFileSync(join(app, 'node_modules', 'typescript', 'package.json'))).toThrow();
    expect(() => readFileSync(join(app, 'node_modules', 'vitest', 'package.json'))).toThrow();
  });

  it('answers `npm run ask -- --json` from the knowledge folder, found from dist/', async () => {
    const result = await run('npm', ['run', '--silent', 'ask', '--', '--json', 'how much k2 in natto'], {
      cwd: app,
    });
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    const record = JSON.parse(result.stdout) as Record<string, unknown>;
    expect(record.matched).toBe(true);
    expect(record.disclaimer).toBe(DISCLAIMER);
    expect(record.warning).toBe(ANTICOAGULANT_WARNING);
  }, 60_000);

  it('finds the knowledge folder when started from another working directory', async () => {
    const result = await run(process.execPath, [join(app, 'dist', 'cli', 'ask.js'), 'what is natto?'], {
      cwd: tmpdir(),
    });
    expect(result.code).toBe(0);
    expect(result.stdout.replace(/\s+/g, ' ')).toContain(DISCLAIMER);
  }, 60_000);

  it('`npm start` without a token or terminal exits 1 with the JSON line, not "tsx: not found"', async () => {
    const result = await run('npm', ['start', '--silent'], {
      cwd: app,
      env: { NODE_ENV: 'production', DATABASE_PATH: join(app, 'data', 'k2.sqlite') },
    });
    expect(result.code).toBe(1);
    expect(result.stdout + result.stderr).not.toMatch(/not found/);
    expect(result.stdout).toMatch(/"msg":"DISCORD_TOKEN is missing/);
  }, 60_000);

  it('connects the bot to Discord, registers commands and answers, then stops on SIGTERM', async () => {
    const emu = await DiscordEmulator.start();
    try {
      const env = {
        DISCORD_TOKEN: emu.token,
        DISCORD_API_BASE: emu.apiBase,
        DATABASE_PATH: join(app, 'data', 'k2.sqlite'),
        NODE_ENV: 'production',
      };
      const deployed = await run('npm', ['run', '--silent', 'deploy', '--', '--guild', emu.guildId], {
        cwd: app,
        env,
      });
      expect(deployed.stdout).toMatch(/^Registered \d+ commands \(guild \d+\)\.$/m);

      const bot = spawn(process.execPath, [join(app, 'dist', 'main.js')], {
        cwd: app,
        env: { PATH: process.env.PATH ?? '', ...env },
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      let logs = '';
      bot.stdout.on('data', (chunk: Buffer) => {
        logs += chunk.toString();
      });
      bot.stderr.on('data', (chunk: Buffer) => {
        logs += chunk.toString();
      });
      const exited = new Promise<number | null>((resolve) => bot.on('exit', resolve));
      try {
        await emu.waitForConnectedSessions(1, 15_000);
        const asked = await emu.userSendsMessage({
          author: emu.users.alice,
          content: 'how much k2 in natto?',
          mentionBot: true,
        });
        const reply = await emu.waitForBotMessage((m) => m.message_reference?.message_id === asked.id, 5000);
        expect(JSON.stringify(reply)).toContain('natto');
      } finally {
        bot.kill('SIGTERM');
      }
      expect(await exited).toBe(0);
      expect(logs).toContain('"msg":"stopped"');
    } finally {
      await emu.close();
    }
  }, 80_000);
});
