import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { deployCommands } from '../../src/discord/deploy.ts';
import { openPostgresStore } from '../../src/store/postgresStore.ts';
import { BUILD_TIMEOUT_MS, ensureBuilt } from '../compiled.ts';
import { type BotProcess, startBotProcess } from '../ops/botProcess.ts';
import { openCable, type SharedPostgres, sharedPostgres } from '../store/postgresServer.ts';
import { DiscordEmulator } from './emulator/index.ts';
import {
  expectEveryReplySafe,
  type Harness,
  isEphemeral,
  messageText,
  opt,
  safeReply,
  startHarness,
} from './harness.ts';

let server: SharedPostgres;
let dir: string;
beforeAll(async () => {
  ensureBuilt();
  dir = mkdtempSync(join(tmpdir(), 'k2-pg-bot-'));
  server = await sharedPostgres();
}, BUILD_TIMEOUT_MS);
afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

async function settingsReply(h: Harness, options: Parameters<typeof opt.sub>) {
  const interaction = await h.emu.userRunsCommand({
    user: h.emu.users.admin,
    name: 'settings',
    options: [opt.sub(...options)],
  });
  return messageText(await safeReply(interaction, 8000));
}

async function memberAsks(h: Harness, user: 'alice' | 'bob') {
  const interaction = await h.emu.userRunsCommand({
    user: h.emu.users[user],
    name: 'ask',
    options: [opt.string('question', 'what is vitamin k2')],
  });
  return safeReply(interaction);
}

// The two tests run at once, each on its own database: one bot in this process, one bot process.
describe.concurrent('the bot with its settings in PostgreSQL', () => {
  it('keeps answering while the database is away, refuses changes clearly, and recovers by itself', async () => {
    const cable = await openCable(await server.createDatabase());
    const url = cable.url;
    const store = await openPostgresStore(url, { timeoutMs: 2000, reconnectMs: 200 });
    const h = await startHarness({
      wrapStore: (sqlite) => {
        void sqlite.close();
        return store;
      },
    });
    try {
      expect(await settingsReply(h, ['visibility', [opt.string('value', 'private')]])).toContain(
        '/ask answers are now private by default',
      );

      await cable.cut();
      try {
        // The last known settings still apply: /ask stays private.
        expect(isEphemeral(await memberAsks(h, 'bob'))).toBe(true);
        const refused = await settingsReply(h, ['cooldown', [opt.integer('seconds', 10)]]);
        expect(refused).toContain('Not saved: the settings database is unreachable');
        expect(refused).not.toMatch(/something went wrong/i);
      } finally {
        await cable.restore();
      }

      // Nobody restarts the bot: the next change goes through once the database is back.
      let accepted = '';
      const until = Date.now() + 15_000;
      while (!accepted.includes('Cooldown is now 10 s') && Date.now() < until) {
        accepted = await settingsReply(h, ['cooldown', [opt.integer('seconds', 10)]]);
        if (!accepted.includes('Cooldown is now 10 s')) await new Promise((done) => setTimeout(done, 300));
      }
      expect(accepted).toContain('Cooldown is now 10 s per member');

      // Another process (another shard or host) changes a setting: this bot follows within 2 s.
      const otherProcess = await openPostgresStore(url);
      await otherProcess.updateGuildSettings(h.emu.guildId, { askVisibility: 'public' });
      await otherProcess.close();
      await expect
        .poll(async () => (await h.store.getGuildSettings(h.emu.guildId)).askVisibility, {
          timeout: 2000,
          interval: 25,
        })
        .toBe('public');
      // Alice: Bob is within the 10 s cooldown set above.
      expect(isEphemeral(await memberAsks(h, 'alice'))).toBe(false);
      expect(expectEveryReplySafe(h.emu)).toBeGreaterThan(4);
    } finally {
      await h.stop();
      await cable.close();
    }
  }, 60_000);

  it('a setting acknowledged in Discord survives kill -9 of the bot process', async () => {
    const url = await server.createDatabase();
    const emu = await DiscordEmulator.start();
    const sqlitePath = join(dir, 'unused.sqlite');
    let bot: BotProcess | undefined;
    try {
      await deployCommands({
        token: emu.token,
        apiBase: emu.apiBase,
        applicationId: emu.appId,
        guildId: emu.guildId,
      });
      bot = startBotProcess({
        DISCORD_TOKEN: emu.token,
        DISCORD_CLIENT_ID: emu.appId,
        DISCORD_API_BASE: emu.apiBase,
        DATABASE_URL: url,
        DATABASE_PATH: sqlitePath,
      });
      const { output } = bot;
      await emu.waitForConnectedSessions(1, 20_000).catch((error: Error) => {
        throw new Error(`${error.message}; the bot wrote:\n${output()}`);
      });
      const change = await emu.userRunsCommand({
        user: emu.users.admin,
        name: 'settings',
        options: [opt.sub('cooldown', [opt.integer('seconds', 77)])],
      });
      expect(messageText(await safeReply(change, 8000))).toContain('77 s per member');
      bot.child.kill('SIGKILL');
      expect((await bot.exited).signal).toBe('SIGKILL');

      const store = await openPostgresStore(url);
      expect((await store.getGuildSettings(emu.guildId)).cooldownSeconds).toBe(77);
      await store.close();
      // PostgreSQL was used, not the SQLite default.
      expect(existsSync(sqlitePath)).toBe(false);
    } finally {
      await bot?.stop();
      await emu.close();
    }
  }, 60_000);
});
