import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { expect } from 'vitest';
import { loadConfig } from '../../src/config.ts';
import { type Answerer, AnswerPool } from '../../src/discord/answerPool.ts';
import { type RunningBot, type StartBotDeps, startBot } from '../../src/discord/bot.ts';
import type { BotContext } from '../../src/discord/context.ts';
import { deployCommands } from '../../src/discord/deploy.ts';
import type { Engine } from '../../src/engine/index.ts';
import { createLogger } from '../../src/logger.ts';
import type { SettingsStore } from '../../src/store/settingsStore.ts';
import { openSqliteStore } from '../../src/store/sqliteStore.ts';
import { REAL_WORKER } from '../bundledWorkers.ts';
import { ANTICOAGULANT_WARNING, DISCLAIMER } from '../safetyTexts.ts';
import { sharedEngine } from '../sharedEngine.ts';
import { expectWithinDiscordLimits, visibleText } from './discordLimits.ts';
import {
  type ApiOption,
  DiscordEmulator,
  type DiscordEmulatorOptions,
  type EmuInteraction,
  type EmuMessage,
} from './emulator/index.ts';
import { createStubEngine } from './stubEngine.ts';
import { STUB_WORKER } from './stubWorker.ts';

export interface LogLine {
  level: number;
  msg?: string;
  [key: string]: unknown;
}

export interface Harness {
  emu: DiscordEmulator;
  bot: RunningBot;
  engine: Engine;
  store: SettingsStore;
  dir: string;
  databasePath: string;
  /** Every log line the bot wrote, parsed, plus the raw text (to prove the token never appears). */
  logs: LogLine[];
  rawLogs: () => string;
  /** The bot's clock for cooldowns and flood limits: real time, plus whatever a test skipped. */
  clock: MovableClock;
  stop(): Promise<void>;
}

export interface HarnessOptions {
  emulator?: DiscordEmulatorOptions;
  env?: Record<string, string>;
  /**
   * The engine behind the bot: the deterministic stub (tests/discord/stubEngine.ts, also in the
   * answer workers) unless a test is an end-to-end check of the real engine.
   */
  engine?: 'stub' | 'real';
  /** Wraps the real store, e.g. to slow it down. */
  wrapStore?: (store: SettingsStore) => SettingsStore;
  /** Replaces the answer worker pool (by default the stub engine's, or the real one for `engine: 'real'`). */
  answerer?: Answerer;
  /** Replaces the bot's default flood limits (e.g. a tiny reply queue). */
  limits?: Partial<BotContext['limits']>;
  /** Writes to the database before the bot starts (old records for the start-up purge). */
  beforeStart?: (store: SettingsStore) => Promise<void>;
  /** How often the bot's housekeeping (retention, servers it left) runs; a day unless shortened. */
  housekeepingIntervalMs?: number;
  /** Told when Discord closes the gateway for good (what main.ts turns into exit 1). */
  onFatal?: StartBotDeps['onFatal'];
}

export interface MovableClock {
  now(): number;
  /** Jumps forward, so cooldowns and windows expire without sleeping. */
  advance(ms: number): void;
}

function movableClock(): MovableClock {
  let skipped = 0;
  return {
    now: () => Date.now() + skipped,
    advance: (ms) => {
      skipped += ms;
    },
  };
}

/** Emulator + commands registered in its guild + the real bot in-process, with a temp database. */
export async function startHarness(options: HarnessOptions = {}): Promise<Harness> {
  // Strict: simulated users can only send what Discord's client would (registered options, permissions).
  const emu = await DiscordEmulator.start({ ackDeadlineMs: 3000, strictCommands: true, ...options.emulator });
  const dir = mkdtempSync(join(tmpdir(), 'k2-discord-'));
  const databasePath = join(dir, 'k2.sqlite');
  await deployCommands({
    token: emu.token,
    apiBase: emu.apiBase,
    applicationId: emu.appId,
    guildId: emu.guildId,
  });
  const engine = options.engine === 'real' ? sharedEngine() : createStubEngine();
  const realStore = openSqliteStore(databasePath);
  const store = options.wrapStore ? options.wrapStore(realStore) : realStore;
  const chunks: string[] = [];
  const logs: LogLine[] = [];
  const destination = new Writable({
    write(chunk: Buffer, _encoding, done) {
      const text = chunk.toString();
      chunks.push(text);
      for (const line of text.split('\n').filter(Boolean)) logs.push(JSON.parse(line) as LogLine);
      done();
    },
  });
  const logger = createLogger({ level: 'debug', destination });
  const config = loadConfig(
    {
      DISCORD_TOKEN: emu.token,
      DISCORD_API_BASE: emu.apiBase,
      DATABASE_PATH: databasePath,
      LOG_LEVEL: 'debug',
      ...options.env,
    },
    { dotenv: false },
  );
  const clock = movableClock();
  await options.beforeStart?.(store);
  // The real engine's workers are the bot's own pool (launched and closed by it, as main.ts does);
  // the stub's are handed in like any answerer.
  const answerPool =
    options.answerer || options.engine !== 'real'
      ? undefined
      : AnswerPool.create({
          workerModule: REAL_WORKER,
          knowledgeDir: config.KNOWLEDGE_DIR,
          budgetMs: config.ANSWER_TIME_BUDGET_MS,
          size: config.ANSWER_WORKERS,
          logger,
        });
  const answerer =
    options.answerer ??
    (answerPool
      ? undefined
      : await AnswerPool.start({
          workerModule: STUB_WORKER,
          budgetMs: config.ANSWER_TIME_BUDGET_MS,
          logger,
        }));
  const bot = await startBot({
    config,
    engine,
    store,
    logger,
    rest: { timeout: 3000, retries: 1 },
    ...(answerer ? { answerer } : {}),
    ...(answerPool ? { answerPool } : {}),
    ...(options.limits ? { limits: options.limits } : {}),
    clock: clock.now,
    ...(options.housekeepingIntervalMs ? { housekeepingIntervalMs: options.housekeepingIntervalMs } : {}),
    ...(options.onFatal ? { onFatal: options.onFatal } : {}),
  });
  await bot.answersReady;
  return {
    emu,
    bot,
    engine,
    store,
    dir,
    databasePath,
    logs,
    rawLogs: () => chunks.join(''),
    clock,
    async stop() {
      await bot.stop();
      await store.close();
      await emu.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** Raw interaction options, as Discord sends them. */
export const opt = {
  string: (name: string, value: string, focused = false): ApiOption => ({
    name,
    type: 3,
    value,
    ...(focused ? { focused } : {}),
  }),
  boolean: (name: string, value: boolean): ApiOption => ({ name, type: 5, value }),
  integer: (name: string, value: number): ApiOption => ({ name, type: 4, value }),
  user: (name: string, id: string): ApiOption => ({ name, type: 6, value: id }),
  channel: (name: string, id: string): ApiOption => ({ name, type: 7, value: id }),
  role: (name: string, id: string): ApiOption => ({ name, type: 8, value: id }),
  sub: (name: string, options: ApiOption[] = []): ApiOption => ({ name, type: 1, options }),
  group: (name: string, options: ApiOption[]): ApiOption => ({ name, type: 2, options }),
};

/** All visible text of a message: content, embeds and component labels. */
export function messageText(message: EmuMessage): string {
  return visibleText(message);
}

export function customIds(message: EmuMessage): string[] {
  return message.components.flatMap((row) => (row.components ?? []).map((c) => c.custom_id ?? ''));
}

export function isEphemeral(message: EmuMessage): boolean {
  return (message.flags & 64) !== 0;
}

/** Every reply the bot sends must pass this: safety texts verbatim, Discord's limits, nobody pinged. */
export function expectSafeReply(message: EmuMessage, options: { pinged?: string[] } = {}): void {
  const text = messageText(message);
  expect(text).toContain(DISCLAIMER);
  expect(text).toContain(ANTICOAGULANT_WARNING);
  expectWithinDiscordLimits(message);
  expect(message.mention_everyone).toBe(false);
  expect(message.mention_roles).toEqual([]);
  expect(message.mentions).toEqual(options.pinged ?? []);
  expect(message.allowed_mentions?.parse ?? []).toEqual([]);
}

/** The first visible reply of an interaction, checked for safety. */
export async function safeReply(interaction: EmuInteraction, timeoutMs = 4000): Promise<EmuMessage> {
  const reply = await interaction.reply(timeoutMs);
  expectSafeReply(reply);
  return reply;
}

export function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/** Every message the bot produced so far (channel messages, interaction responses, follow-ups). */
export function everyBotReply(emu: DiscordEmulator): EmuMessage[] {
  const fromInteractions = emu.interactions.flatMap((i) => [
    ...(i.original && i.type !== 4 ? [i.original] : []),
    ...i.followups,
  ]);
  return [...emu.botMessages(), ...fromInteractions]
    .map((m) => emu.message(m.id) ?? m)
    .filter((m) => !m.deleted && m.author.id === emu.botUserId);
}

/** The global check: whatever the bot sent passed the safety and limit rules. */
export function expectEveryReplySafe(emu: DiscordEmulator): number {
  const replies = everyBotReply(emu);
  for (const reply of replies) expectSafeReply(reply, { pinged: reply.allowed_mentions?.users ?? [] });
  return replies.length;
}
