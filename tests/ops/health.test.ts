import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { deployCommands } from '../../src/discord/deploy.ts';
import { BUILD_TIMEOUT_MS, ensureBuilt } from '../compiled.ts';
import { DiscordEmulator, type EmuMessage } from '../discord/emulator/index.ts';
import { opt, safeReply } from '../discord/harness.ts';
import { type BotProcess, ROOT, sampleValue, scrape, startBotProcess } from './botProcess.ts';

const KNOWLEDGE_VERSION = (
  JSON.parse(readFileSync(join(ROOT, 'knowledge', 'meta.json'), 'utf8')) as { version: string }
).version;

// Hand-picked: what each question is, whatever the engine's wording of the answer.
const ANSWERED_SLASH = 'how much k2 is in natto?';
const DECLINED_SLASH = 'what is the best pizza topping?';
const URGENT_MENTION = 'my dad takes warfarin and his nose has been bleeding for an hour and will not stop';
const ANSWERED_DM = 'does vitamin k2 help bones?';
const ANSWERED_REPLY = 'is mk7 better than mk4?';
const ANSWERED_CONTEXT_MENU = 'does k2 help the heart?';

let dir: string;
const processes: BotProcess[] = [];
beforeAll(() => {
  ensureBuilt();
  dir = mkdtempSync(join(tmpdir(), 'k2-health-'));
}, BUILD_TIMEOUT_MS);
afterAll(async () => {
  for (const bot of processes) await bot.stop();
  rmSync(dir, { recursive: true, force: true });
});

const replyTo = (message: EmuMessage) => (m: EmuMessage) => m.message_reference?.message_id === message.id;

/** What a broken disk looks like to SQLite: every file of the database overwritten with junk. */
function corruptDatabase(path: string): void {
  for (const file of [path, `${path}-wal`, `${path}-shm`]) {
    let size: number;
    try {
      size = statSync(file).size;
    } catch {
      continue;
    }
    writeFileSync(file, Buffer.alloc(Math.max(size, 4096), 0x41));
  }
}

describe('health and metrics of a real bot process', () => {
  it('serves /healthz, /readyz before and after READY and with the store broken, and /metrics', async () => {
    const emu = await DiscordEmulator.start({ heartbeatIntervalMs: 200 });
    const databasePath = join(dir, 'health.sqlite');
    try {
      await deployCommands({
        token: emu.token,
        apiBase: emu.apiBase,
        applicationId: emu.appId,
        guildId: emu.guildId,
      });
      // Discord keeps the bot from connecting (a slow answer, then a 429) until the test has looked at a
      // process that is not ready.
      let letConnect = (): void => {};
      const looked = new Promise<void>((resolve) => {
        letConnect = resolve;
      });
      emu.injectFault('GET', /^\/gateway\/bot$/, 429, {
        headers: { 'Retry-After': '0.2' },
        heldUntil: looked,
      });
      const bot = startBotProcess({
        DISCORD_TOKEN: emu.token,
        DISCORD_CLIENT_ID: emu.appId,
        DISCORD_API_BASE: emu.apiBase,
        DATABASE_PATH: databasePath,
        HEALTH_PORT: '0',
      });
      processes.push(bot);
      const port = await bot.healthPort();

      const alive = await scrape(port, '/healthz');
      expect(alive.status).toBe(200);
      expect(alive.json()).toEqual({ status: 'ok' });

      const early = await scrape(port, '/readyz');
      expect(early.status).toBe(503);
      expect(early.contentType).toContain('application/json');
      expect(early.json()).toMatchObject({
        ready: false,
        reason: expect.stringContaining('gateway'),
        knowledgeVersion: KNOWLEDGE_VERSION,
      });
      expect(emu.connectedSessions).toBe(0);
      letConnect();

      await emu.waitForConnectedSessions(1, 15_000);
      // The reason shows in a failure message; answer workers take a while to build under load.
      await expect
        .poll(async () => (await scrape(port, '/readyz')).json().reason, { timeout: 30_000 })
        .toBeNull();
      expect((await scrape(port, '/readyz')).json()).toMatchObject({
        ready: true,
        reason: null,
        knowledgeVersion: KNOWLEDGE_VERSION,
        checks: {
          gateway: { ready: true, shards: [{ id: 0, status: 'ready', ready: true }] },
          store: { ready: true },
          knowledge: { ready: true, version: KNOWLEDGE_VERSION },
          answers: { ready: true },
        },
      });

      const { alice, bob } = emu.users;
      const answered = await safeReply(
        await emu.userRunsCommand({
          user: alice,
          name: 'ask',
          options: [opt.string('question', ANSWERED_SLASH)],
        }),
      );
      await safeReply(
        await emu.userRunsCommand({
          user: bob,
          name: 'ask',
          options: [opt.string('question', DECLINED_SLASH)],
        }),
      );
      const more = answered.components
        .flatMap((row) => row.components ?? [])
        .find((c) => c.custom_id?.startsWith('more:'))?.custom_id;
      expect(more).toBeDefined();
      await safeReply(await emu.userClicksButton({ user: bob, message: answered, customId: more as string }));

      const urgent = await emu.userSendsMessage({ author: alice, content: URGENT_MENTION, mentionBot: true });
      const urgentReply = await emu.waitForBotMessage(replyTo(urgent), 5000);
      // With the reply's ping on, Discord counts it as a mention: turn it off to be a plain reply.
      const followUp = await emu.userSendsMessage({
        author: bob,
        content: ANSWERED_REPLY,
        replyTo: urgentReply.id,
        pingReply: false,
      });
      await emu.waitForBotMessage(replyTo(followUp), 5000);
      const dm = await emu.userSendsMessage({ author: bob, content: ANSWERED_DM, dm: true });
      await emu.waitForBotMessage(replyTo(dm), 5000);
      const target = await emu.userSendsMessage({ author: bob, content: ANSWERED_CONTEXT_MENU });
      await safeReply(await emu.userRunsMessageCommand({ user: alice, name: 'Ask K2 Bot', target }));

      const expected: Record<string, number> = {
        'k2_replies_total{kind="answered",surface="slash"}': 1,
        'k2_replies_total{kind="declined",surface="slash"}': 1,
        'k2_replies_total{kind="answered",surface="button"}': 1,
        'k2_replies_total{kind="urgent",surface="mention"}': 1,
        'k2_replies_total{kind="answered",surface="reply"}': 1,
        'k2_replies_total{kind="answered",surface="dm"}': 1,
        'k2_replies_total{kind="answered",surface="context-menu"}': 1,
        'k2_replies_total{kind="partial",surface="slash"}': 0,
        'k2_replies_total{kind="answered",surface="auto-channel"}': 0,
        'k2_replies_total{kind="answered",surface="mention"}': 0,
        'k2_reply_latency_seconds_count{surface="slash"}': 2,
        'k2_reply_latency_seconds_count{surface="mention"}': 1,
        'k2_reply_latency_seconds_count{surface="dm"}': 1,
        [`k2_knowledge_info{version="${KNOWLEDGE_VERSION}"}`]: 1,
        k2_guilds: 1,
        'k2_gateway_shard_status{shard="0",status="ready"}': 1,
        k2_ready: 1,
      };
      // The counters move once a reply has been sent, so the last one may land a moment after its message.
      let metrics = '';
      await expect
        .poll(
          async () => {
            metrics = (await scrape(port, '/metrics')).text;
            return Object.fromEntries(
              Object.keys(expected).map((series) => [series, sampleValue(metrics, series)]),
            );
          },
          { timeout: 5000 },
        )
        .toEqual(expected);
      const scraped = await scrape(port, '/metrics');
      expect(scraped.contentType).toContain('text/plain');
      expect(
        sampleValue(metrics, 'k2_discord_rest_rate_limited_total{global="false"}'),
      ).toBeGreaterThanOrEqual(1);
      await expect
        .poll(
          async () =>
            sampleValue((await scrape(port, '/metrics')).text, 'k2_gateway_ping_seconds{shard="0"}'),
          {
            timeout: 5000,
          },
        )
        .toBeGreaterThanOrEqual(0);

      // Nothing that identifies a person or repeats what they wrote.
      for (const secret of [
        ANSWERED_SLASH,
        DECLINED_SLASH,
        URGENT_MENTION,
        ANSWERED_DM,
        ANSWERED_REPLY,
        ANSWERED_CONTEXT_MENU,
        'natto',
        'warfarin',
        alice.id,
        bob.id,
        emu.guildId,
        emu.channels.general,
        emu.dmChannelOf(bob),
      ])
        expect(metrics).not.toContain(secret);

      corruptDatabase(databasePath);
      const broken = await scrape(port, '/readyz');
      expect(broken.status).toBe(503);
      expect(broken.json()).toMatchObject({
        ready: false,
        reason: expect.stringContaining('store'),
        checks: { gateway: { ready: true }, store: { ready: false, error: expect.any(String) } },
      });
      const afterBreak = (await scrape(port, '/metrics')).text;
      expect(sampleValue(afterBreak, 'k2_ready')).toBe(0);
      expect(
        sampleValue(afterBreak, 'k2_store_errors_total{operation="getGuildSettings"}'),
      ).toBeGreaterThanOrEqual(1);
      expect(bot.output()).not.toContain(emu.token);
    } finally {
      for (const bot of processes) await bot.stop();
      await emu.close();
    }
  }, 90_000);
});
