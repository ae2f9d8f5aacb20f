import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isShardAnswer, type ShardAnswer, type ShardQuestion } from '../../src/discord/sharding.ts';
import { BUILD_TIMEOUT_MS, ensureBuilt } from '../compiled.ts';
import { DiscordEmulator } from '../discord/emulator/index.ts';
import { type BotProcess, startBotProcess } from './botProcess.ts';

const dir = mkdtempSync(join(tmpdir(), 'k2-shard-child-'));
const processes: BotProcess[] = [];
beforeAll(ensureBuilt, BUILD_TIMEOUT_MS);
afterAll(async () => {
  for (const bot of processes) await bot.stop();
  rmSync(dir, { recursive: true, force: true });
});

/** What the shard manager does: one question over IPC, one answer back. */
function ask(bot: BotProcess, id: number, what: string): Promise<ShardAnswer> {
  return new Promise((resolve) => {
    const onMessage = (message: unknown) => {
      if (!isShardAnswer(message) || message.id !== id) return;
      bot.child.off('message', onMessage);
      resolve(message);
    };
    bot.child.on('message', onMessage);
    bot.child.send({ k2: 'ask', id, what } satisfies ShardQuestion);
  });
}

describe('a shard child process', () => {
  it('binds no health port and answers the manager with its readiness, metrics and a reload', async () => {
    const emu = await DiscordEmulator.start();
    try {
      // The environment discord.js's ShardingManager gives a child running shard 0 of 1.
      const bot = startBotProcess(
        {
          DISCORD_TOKEN: emu.token,
          DISCORD_API_BASE: emu.apiBase,
          DATABASE_PATH: join(dir, 'shard.sqlite'),
          HEALTH_PORT: '0',
          SHARDING_MANAGER: 'true',
          SHARDING_MANAGER_MODE: 'process',
          SHARDS: '0',
          SHARD_COUNT: '1',
        },
        { ipc: true },
      );
      processes.push(bot);
      await emu.waitForConnectedSessions(1, 15_000);
      let id = 0;
      await expect
        .poll(async () => ((await ask(bot, ++id, 'readiness')).result as { ready?: boolean }).ready, {
          timeout: 30_000,
        })
        .toBe(true);
      expect(bot.logs().some((line) => line.msg === 'health server listening')).toBe(false);
      expect(bot.output()).toContain('HEALTH_PORT is not bound in a shard process');

      const metrics = (await ask(bot, ++id, 'metrics')).result as Array<{ name: string }>;
      expect(metrics.map((metric) => metric.name)).toEqual(
        expect.arrayContaining([
          'k2_replies_total',
          'k2_reply_latency_seconds',
          'k2_ready',
          'k2_knowledge_info',
        ]),
      );
      expect((await ask(bot, ++id, 'reload-knowledge')).result).toMatchObject({ ok: true });
      expect((await ask(bot, ++id, 'no-such-question')).error).toContain('no-such-question');
    } finally {
      for (const bot of processes) await bot.stop();
      await emu.close();
    }
  }, 90_000);
});
