import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { deployCommands } from '../../src/discord/deploy.ts';
import { dayOf } from '../../src/store/learningStore.ts';
import { openSqliteStore } from '../../src/store/sqliteStore.ts';
import { BUILD_TIMEOUT_MS, compiled, ensureBuilt } from '../compiled.ts';
import { DiscordEmulator } from './emulator/index.ts';
import { expectSafeReply, messageText, opt, safeReply } from './harness.ts';

const ROOT = resolve(fileURLToPath(new URL('../..', import.meta.url)));
const DAY_MS = 24 * 60 * 60 * 1000;

let dir: string;
let bot: ChildProcess | undefined;
beforeAll(() => {
  ensureBuilt();
  dir = mkdtempSync(join(tmpdir(), 'k2-learning-process-'));
}, BUILD_TIMEOUT_MS);
afterAll(() => {
  if (bot && bot.exitCode === null && bot.signalCode === null) bot.kill('SIGKILL');
  rmSync(dir, { recursive: true, force: true });
});

function rows(path: string, sql: string): Record<string, unknown>[] {
  const db = new Database(path, { readonly: true });
  try {
    return db.prepare(sql).all() as Record<string, unknown>[];
  } finally {
    db.close();
  }
}

describe('the bot process (npm start) with learning and alerts on', () => {
  it('purges old records at start-up, records a cleaned declined question, and alerts moderators once, pinging only the role', async () => {
    const emu = await DiscordEmulator.start();
    const databasePath = join(dir, 'k2.sqlite');
    try {
      await deployCommands({
        token: emu.token,
        apiBase: emu.apiBase,
        applicationId: emu.appId,
        guildId: emu.guildId,
      });
      const store = openSqliteStore(databasePath);
      await store.updateGuildSettings(emu.guildId, {
        learning: true,
        cooldownSeconds: 0,
        alertChannelId: emu.channels.other,
        alertRoleId: emu.roles.admin,
      });
      const old = dayOf(new Date(Date.now() - 60 * DAY_MS));
      await store.recordQuestion({
        guildId: emu.guildId,
        text: 'sixty days old',
        reason: 'declined',
        topicId: null,
        day: old,
      });
      await store.close();

      let output = '';
      bot = spawn(process.execPath, [compiled('main.js')], {
        cwd: ROOT,
        env: {
          PATH: process.env.PATH ?? '',
          NODE_ENV: 'production',
          LOG_LEVEL: 'info',
          // One answer worker instead of two: each builds its own engine.
          ANSWER_WORKERS: '1',
          DISCORD_TOKEN: emu.token,
          DISCORD_CLIENT_ID: emu.appId,
          DISCORD_API_BASE: emu.apiBase,
          DATABASE_PATH: databasePath,
          LEARNING_RETENTION_DAYS: '30',
        },
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      bot.stdout?.on('data', (d: Buffer) => {
        output += d.toString();
      });
      bot.stderr?.on('data', (d: Buffer) => {
        output += d.toString();
      });
      await emu.waitForConnectedSessions(1, 20_000);
      await expect
        .poll(() => rows(databasePath, 'SELECT text FROM learning_questions'), {
          timeout: 10_000,
          interval: 100,
        })
        .toEqual([]);

      const alice = emu.users.alice;
      // Until the engine's workers are up the bot says it is busy: wait for them with /ask, which no
      // chat flood limit counts, so the chat questions below are each answered once.
      for (let attempt = 0; ; attempt++) {
        const warmUp = await emu.userRunsCommand({
          user: emu.users.bob,
          name: 'ask',
          options: [opt.string('question', 'what is natto?')],
        });
        const reply = await safeReply(warmUp, 10_000);
        if (!/Too many questions|took too long/.test(reply.embeds[0]?.title ?? '')) break;
        if (attempt > 40) throw new Error('the answer workers never started');
        await new Promise((done) => setTimeout(done, 250));
      }
      const ask = async (content: string) => {
        const asked = await emu.userSendsMessage({ author: alice, content, mentionBot: true });
        const reply = await emu.waitForBotMessage(
          (m) => m.message_reference?.message_id === asked.id,
          20_000,
        );
        expectSafeReply(reply);
        return reply;
      };
      // A condition the article never discusses: declined even beside K2 (declines.json).
      await ask(`<@${emu.users.bob.id}> does k2 help with fertility? mail me at alice@example.org`);
      expect(rows(databasePath, 'SELECT guild_id, text, reason FROM learning_questions')).toEqual([
        { guild_id: emu.guildId, text: 'does k2 help with fertility? mail me at', reason: 'declined' },
      ]);

      const urgent = 'my gums are bleeding and it will not stop, I take warfarin';
      await ask(urgent);
      await emu.waitForBotMessage((m) => m.channel_id === emu.channels.other, 10_000);
      await ask(`${urgent} please`);
      await new Promise((done) => setTimeout(done, 500));
      const alerts = emu.botMessages(emu.channels.other);
      expect(alerts).toHaveLength(1);
      expect(alerts[0]?.mention_roles).toEqual([emu.roles.admin]);
      expect(alerts[0]?.mentions).toEqual([]);
      expect(messageText(alerts[0] as (typeof alerts)[number])).toContain(`<@${alice.id}>`);
      // Urgent messages are never recorded for review.
      expect(rows(databasePath, 'SELECT * FROM learning_questions')).toHaveLength(1);

      bot.kill('SIGTERM');
      const code = await new Promise<number | null>((done) => bot?.on('exit', (c) => done(c)));
      expect(code).toBe(0);
      expect(output).not.toContain(alice.id);
      expect(output).not.toContain('fertility');
    } finally {
      await emu.close();
    }
  }, 90_000);
});
