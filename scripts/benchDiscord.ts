import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';
import { pino } from 'pino';
import { loadConfig } from '../src/config.ts';
import { startBot } from '../src/discord/bot.ts';
import { ChannelReplyWindow, ReplyQueue } from '../src/discord/cooldowns.ts';
import { deployCommands } from '../src/discord/deploy.ts';
import { createEngine } from '../src/engine/index.ts';
import { loadKnowledge } from '../src/kb/load.ts';
import { openSqliteStore } from '../src/store/sqliteStore.ts';
import { DiscordEmulator, type EmuUser, type RecordedRequest } from '../tests/discord/emulator/index.ts';

/**
 * Discord round-trip latency: from the emulator dispatching a message or interaction to the
 * bot's reply arriving at the emulator's REST API, with the real bot, engine and store in-process.
 */

const QUESTIONS = [
  'what is vitamin K2?',
  'which foods have the most K2?',
  'is natto good for bones?',
  'I take warfarin, can I take K2?',
  'how much K2 should I take a day?',
  'MK-7 or MK-4, which is better?',
  'does K2 help with arterial calcification?',
  'is K2 safe in pregnancy?',
  'does cheese have vitamin K2?',
  'should I take K2 with vitamin D3?',
  'what does K2 do for the heart?',
  'can K2 prevent osteoporosis?',
];

export interface BenchOptions {
  sequential?: number;
  concurrency?: number;
  concurrentRounds?: number;
}

interface Sample {
  kind: 'mention' | 'slash';
  ms: number;
}

function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  const index = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[index] as number;
}

function summarize(label: string, samples: Sample[]): string {
  const format = (values: number[]) => {
    const sorted = [...values].sort((a, b) => a - b);
    const mean = sorted.reduce((a, b) => a + b, 0) / Math.max(1, sorted.length);
    const slow = sorted.filter((v) => v > 100).length;
    return `n=${String(sorted.length).padStart(4)}  mean ${mean.toFixed(2).padStart(7)} ms  >100ms ${String(slow).padStart(3)}  median ${percentile(sorted, 50).toFixed(2).padStart(7)} ms  p99 ${percentile(sorted, 99).toFixed(2).padStart(7)} ms  max ${(sorted.at(-1) ?? Number.NaN).toFixed(2).padStart(7)} ms`;
  };
  return [
    `${label}`,
    `  all      ${format(samples.map((s) => s.ms))}`,
    `  mention  ${format(samples.filter((s) => s.kind === 'mention').map((s) => s.ms))}`,
    `  /ask     ${format(samples.filter((s) => s.kind === 'slash').map((s) => s.ms))}`,
  ].join('\n');
}

/** Resolves when the emulator has answered the bot's reply request for a given key. */
class ArrivalClock {
  readonly #arrived = new Map<string, number>();
  readonly #waiting = new Map<string, (at: number) => void>();

  record(request: RecordedRequest): void {
    const at = performance.now();
    const key = ArrivalClock.keyOf(request);
    if (!key) return;
    const waiter = this.#waiting.get(key);
    if (waiter) {
      this.#waiting.delete(key);
      waiter(at);
    } else if (!this.#arrived.has(key)) {
      this.#arrived.set(key, at);
    }
  }

  static keyOf(request: RecordedRequest): string | undefined {
    if (request.method !== 'POST' || request.status >= 300) return undefined;
    const callback = /^\/interactions\/(\d+)\/[^/]+\/callback$/.exec(request.path);
    if (callback) return `interaction:${callback[1]}`;
    const reference = (request.body as { message_reference?: { message_id?: string } } | undefined)
      ?.message_reference?.message_id;
    if (/^\/channels\/\d+\/messages$/.test(request.path) && reference) return `message:${reference}`;
    return undefined;
  }

  wait(key: string, timeoutMs = 10_000): Promise<number> {
    const at = this.#arrived.get(key);
    if (at !== undefined) {
      this.#arrived.delete(key);
      return Promise.resolve(at);
    }
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        this.#waiting.delete(key);
        reject(new Error(`no reply for ${key} within ${timeoutMs} ms`));
      }, timeoutMs);
      this.#waiting.set(key, (arrived) => {
        clearTimeout(timer);
        resolve(arrived);
      });
    });
  }
}

export async function runDiscordBenchmark(options: BenchOptions = {}): Promise<void> {
  const sequential = options.sequential ?? 1000;
  const concurrency = options.concurrency ?? 100;
  const rounds = options.concurrentRounds ?? 5;

  const emu = await DiscordEmulator.start({ ackDeadlineMs: 3000 });
  const dir = mkdtempSync(join(tmpdir(), 'k2-bench-'));
  const store = openSqliteStore(join(dir, 'bench.sqlite'));
  const clock = new ArrivalClock();
  emu.on('request', (request) => clock.record(request));
  const config = loadConfig(
    { DISCORD_TOKEN: emu.token, DISCORD_API_BASE: emu.apiBase, DATABASE_PATH: join(dir, 'bench.sqlite') },
    { dotenv: false },
  );
  await deployCommands({
    token: emu.token,
    apiBase: emu.apiBase,
    applicationId: emu.appId,
    guildId: emu.guildId,
  });
  // The flood limits (member cooldown, replies per channel, queued replies) hold back most of
  // these replies by design; the benchmark measures answering, so it lifts them.
  await store.updateGuildSettings(emu.guildId, { cooldownSeconds: 0 });
  const bot = await startBot({
    config,
    engine: createEngine(loadKnowledge()),
    store,
    logger: pino({ level: 'silent' }),
    limits: {
      channels: new ChannelReplyWindow(Number.MAX_SAFE_INTEGER),
      queue: new ReplyQueue(Number.MAX_SAFE_INTEGER),
    },
  });

  const askers: EmuUser[] = [emu.users.alice, emu.users.bob, emu.users.admin, emu.owner];
  const channels = [emu.channels.general, emu.channels.auto, emu.channels.other];

  const askOnce = async (i: number): Promise<Sample> => {
    const question = QUESTIONS[i % QUESTIONS.length] as string;
    const author = askers[i % askers.length] as EmuUser;
    const channelId = channels[Math.floor(i / 2) % channels.length] as string;
    if (i % 2 === 0) {
      const started = performance.now();
      const message = await emu.userSendsMessage({ author, channelId, content: question, mentionBot: true });
      return { kind: 'mention', ms: (await clock.wait(`message:${message.id}`)) - started };
    }
    const started = performance.now();
    const interaction = await emu.userRunsCommand({
      user: author,
      channelId,
      name: 'ask',
      options: [{ name: 'question', type: 3, value: question }],
    });
    return { kind: 'slash', ms: (await clock.wait(`interaction:${interaction.id}`)) - started };
  };

  try {
    // Warm-up: JIT, first REST connections, statement caches.
    for (let i = 0; i < 40; i++) await askOnce(i);

    const sequentialSamples: Sample[] = [];
    const sequentialStart = performance.now();
    for (let i = 0; i < sequential; i++) sequentialSamples.push(await askOnce(i));
    const sequentialSeconds = (performance.now() - sequentialStart) / 1000;

    const concurrentSamples: Sample[] = [];
    const concurrentStart = performance.now();
    for (let round = 0; round < rounds; round++) {
      const batch = await Promise.all(
        Array.from({ length: concurrency }, (_, i) => askOnce(round * concurrency + i)),
      );
      concurrentSamples.push(...batch);
    }
    const concurrentSeconds = (performance.now() - concurrentStart) / 1000;

    console.log(
      'k2-bot Discord round trip (emulator dispatch → bot reply received), in-process bot, flood limits lifted',
    );
    console.log(
      summarize(
        `Sequential: ${sequential} questions (half mentions, half /ask), ${(sequential / sequentialSeconds).toFixed(0)} answers/s`,
        sequentialSamples,
      ),
    );
    console.log(
      summarize(
        `Concurrent: ${rounds} rounds of ${concurrency} askers at once, ${((rounds * concurrency) / concurrentSeconds).toFixed(0)} answers/s`,
        concurrentSamples,
      ),
    );
    console.log(
      'Note: channel replies (mentions) count against the 50 requests/s global limit that discord.js enforces ' +
        'itself, and replies in one channel share a REST bucket and go out one at a time, as with real Discord; ' +
        'interaction callbacks are exempt. The tail latencies of mentions are those waits, not the bot.',
    );
  } finally {
    await bot.stop();
    await store.close();
    await emu.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  runDiscordBenchmark().then(
    () => process.exit(0),
    (error: unknown) => {
      console.error(error);
      process.exit(1);
    },
  );
}
