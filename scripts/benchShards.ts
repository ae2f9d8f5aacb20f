import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { deployCommands } from '../src/discord/deploy.ts';
import { answerTitle, LIMITS, shorten } from '../src/discord/renderEmbeds.ts';
import { createEngine } from '../src/engine/index.ts';
import { loadKnowledge } from '../src/kb/load.ts';
import { DiscordEmulator, type EmuUser, type RecordedRequest } from '../tests/discord/emulator/index.ts';

/**
 * The sharded bot as operators run it: `npm start` with SHARD_COUNT=2 (a manager process and one
 * child process per shard) against the emulator holding 1,000 guilds, and 200 askers running /ask
 * in random guilds. Latency is from the emulator dispatching INTERACTION_CREATE to the shard to the
 * shard's interaction callback arriving at the emulator's REST API.
 *
 * Two runs, because they answer different questions:
 * - *paced* (what an asker waits): each asker pauses a random think time between questions
 *   (exponential, so together they arrive about like independent people), offering a fixed rate far
 *   above what a 1,000-guild bot sees. The latency target applies to this run.
 * - *saturation* (capacity): each asker asks again the moment it is answered. That closed loop keeps
 *   200 questions in the system, so by Little's law the mean latency is 200 / throughput whatever the
 *   bot does: it measures the most answers per second the machine gives, not a wait anyone sees.
 */

const ROOT = resolve(fileURLToPath(new URL('..', import.meta.url)));
const SHARDS = 2;
const QUESTIONS = [
  'what is vitamin K2?',
  'which foods have the most K2?',
  'is natto good for bones?',
  'I take warfarin, can I take K2?',
  'how much K2 should I take a day?',
  'MK-7 or MK-4, which is better?',
  'does K2 help with arterial calcification?',
  'should I take K2 with vitamin D3?',
];

export interface ShardBenchOptions {
  guilds?: number;
  askers?: number;
  /** Saturation run: questions each asker asks, each the moment the one before is answered. */
  questionsPerAsker?: number;
  /** Paced run: how long the askers keep asking, with a think time before each question. */
  pacedSeconds?: number;
  /** Paced run: the mean think time (exponentially distributed). */
  meanThinkMs?: number;
}

/**
 * 200 askers pausing 4 s on average offer 50 questions a second. A bot in 1,000 servers sees far
 * fewer: even if every server asked once every 5 minutes all day, that is about 3 a second.
 */
const DEFAULT_MEAN_THINK_MS = 4000;

/** A small seeded generator (mulberry32): every run draws the same think times. */
function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  const index = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[index] as number;
}

/** User + system CPU time of a process so far, in ms, from the kernel (Linux); NaN elsewhere. */
function cpuMsOf(pid: number | undefined): number {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]?.split(' ') ?? [];
    // utime and stime are fields 14 and 15 of the line, in clock ticks (100 per second on Linux).
    return (Number(fields[11]) + Number(fields[12])) * 10;
  } catch {
    return Number.NaN;
  }
}

/** Resident and peak resident memory of a process, from the kernel (Linux). */
function memoryOf(pid: number): { rssMb: number; peakMb: number } | undefined {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    const kb = (field: string) =>
      Number(new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(status)?.[1] ?? Number.NaN);
    return { rssMb: kb('VmRSS') / 1024, peakMb: kb('VmHWM') / 1024 };
  } catch {
    return undefined;
  }
}

interface Arrival {
  /** NaN for a callback Discord refused (after its 3 s deadline: 10062). */
  at: number;
  /** The reply's first embed title: an answer's title, or a notice such as "too many questions". */
  title: string | undefined;
  /** A deferred response (type 5): the answer comes as an edit of it. */
  deferred: boolean;
}

/** Callback arrivals by interaction id, recorded as the emulator answers each request. */
class CallbackClock {
  readonly #arrived = new Map<string, Arrival>();
  readonly #waiting = new Map<string, (arrival: Arrival) => void>();

  record(request: RecordedRequest): void {
    const id = /^\/interactions\/(\d+)\/[^/]+\/callback$/.exec(request.path)?.[1];
    if (request.method !== 'POST' || !id) return;
    const body = request.body as { type?: number; data?: { embeds?: Array<{ title?: string }> } } | undefined;
    const arrival: Arrival = {
      at: request.status < 300 ? performance.now() : Number.NaN,
      title: body?.data?.embeds?.[0]?.title,
      deferred: body?.type === 5,
    };
    const waiter = this.#waiting.get(id);
    if (waiter) {
      this.#waiting.delete(id);
      waiter(arrival);
    } else {
      this.#arrived.set(id, arrival);
    }
  }

  wait(id: string, timeoutMs = 15_000): Promise<Arrival> {
    const arrived = this.#arrived.get(id);
    if (arrived !== undefined) {
      this.#arrived.delete(id);
      return Promise.resolve(arrived);
    }
    return new Promise((done, fail) => {
      const timer = setTimeout(() => {
        this.#waiting.delete(id);
        fail(new Error(`no callback for interaction ${id} within ${timeoutMs} ms`));
      }, timeoutMs);
      this.#waiting.set(id, (arrived: Arrival) => {
        clearTimeout(timer);
        done(arrived);
      });
    });
  }
}

/** The entry `npm start` runs: compiled JavaScript once built, else the TypeScript through tsx. */
function botCommand(): { args: string[]; label: string } {
  const compiled = join(ROOT, 'dist', 'main.js');
  if (existsSync(compiled)) return { args: [compiled], label: 'dist/main.js' };
  return { args: ['--import', 'tsx', join(ROOT, 'src', 'main.ts')], label: 'src/main.ts under tsx' };
}

export async function runShardBenchmark(options: ShardBenchOptions = {}): Promise<void> {
  const guildCount = options.guilds ?? 1000;
  const askers = options.askers ?? (Number(process.env.BENCH_ASKERS) || 200);
  const perAsker = options.questionsPerAsker ?? 10;
  const pacedMs = options.pacedSeconds !== undefined ? options.pacedSeconds * 1000 : 20_000;
  const meanThinkMs = options.meanThinkMs ?? (Number(process.env.BENCH_THINK_MS) || DEFAULT_MEAN_THINK_MS);

  const emu = await DiscordEmulator.start({ shardCount: SHARDS, guildCount, maxConcurrency: 16 });
  const dir = mkdtempSync(join(tmpdir(), 'k2-bench-shards-'));
  const clock = new CallbackClock();
  emu.on('request', (request) => clock.record(request));
  await deployCommands({ token: emu.token, apiBase: emu.apiBase, applicationId: emu.appId });

  const command = botCommand();
  const profileDir = process.env.BENCH_CPU_PROFILE ? resolve(process.env.BENCH_CPU_PROFILE) : undefined;
  if (profileDir) {
    mkdirSync(profileDir, { recursive: true });
    rmSync(join(profileDir, 'start'), { force: true });
  }
  let output = '';
  const started = performance.now();
  const manager: ChildProcess = spawn(process.execPath, command.args, {
    cwd: ROOT,
    env: {
      PATH: process.env.PATH ?? '',
      NODE_ENV: 'production',
      LOG_LEVEL: 'info',
      DISCORD_TOKEN: emu.token,
      DISCORD_API_BASE: emu.apiBase,
      DATABASE_PATH: join(dir, 'k2.sqlite'),
      SHARD_COUNT: String(SHARDS),
      // The bench's own ANSWER_WORKERS, to compare pool sizes; the default otherwise.
      ...(process.env.ANSWER_WORKERS ? { ANSWER_WORKERS: process.env.ANSWER_WORKERS } : {}),
      // Node flags for the bot's processes only (e.g. heap sizes), to compare them.
      ...(process.env.BOT_NODE_OPTIONS ? { NODE_OPTIONS: process.env.BOT_NODE_OPTIONS } : {}),
      // CPU profiles of every shard process and answer worker (see scripts/profileShard.cjs).
      ...(profileDir
        ? {
            NODE_OPTIONS: `${process.env.BOT_NODE_OPTIONS ?? ''} --require ${join(ROOT, 'scripts', 'profileShard.cjs')}`,
            K2_CPU_PROFILE_DIR: profileDir,
          }
        : {}),
    },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  // Warnings and errors by message: why questions went unanswered, seen from the bot's side.
  const problems = new Map<string, number>();
  let partialLine = '';
  manager.stdout?.on('data', (data: Buffer) => {
    // Keep only what is needed (the shard pids and readiness): 2,000 "command handled" lines add up.
    const lines = (partialLine + data.toString()).split('\n');
    partialLine = lines.pop() ?? '';
    for (const line of lines) {
      if (line.includes('"shard process started"') || line.includes('"all shards ready"'))
        output += `${line}\n`;
      const level = Number(/"level":(\d+)/.exec(line)?.[1]);
      if (level >= 40) {
        const msg = /"msg":"([^"]*)"/.exec(line)?.[1] ?? line.slice(0, 80);
        problems.set(msg, (problems.get(msg) ?? 0) + 1);
      }
    }
  });
  const shardPids = (): number[] =>
    [...output.matchAll(/"shardId":(\d+),"pid":(\d+)/g)]
      .sort((a, b) => Number(a[1]) - Number(b[1]))
      .map((m) => Number(m[2]));

  try {
    await new Promise<void>((done, fail) => {
      const timer = setInterval(() => {
        if (output.includes('"all shards ready"')) {
          clearInterval(timer);
          done();
        } else if (manager.exitCode !== null || performance.now() - started > 120_000) {
          clearInterval(timer);
          fail(new Error('the shards did not become ready'));
        }
      }, 50);
    });
    const readyMs = performance.now() - started;
    const users: EmuUser[] = [emu.users.alice, emu.users.bob, emu.users.admin, emu.owner];

    // Each question's answer title, from the engine itself: a reply with another title (a "busy" or
    // "took too long" notice) was not an answer.
    const engine = createEngine(loadKnowledge());
    const expectedTitle = new Map(
      QUESTIONS.map((q) => [q, shorten(answerTitle(engine.ask(q)), LIMITS.title)]),
    );

    const unanswered = new Map<string, number>();
    let deferredAnswers = 0;
    const askOnce = async (n: number): Promise<number> => {
      const question = QUESTIONS[n % QUESTIONS.length] as string;
      const guild = emu.guilds[(n * 7919) % guildCount];
      if (!guild) throw new Error('no guild');
      const dispatched = performance.now();
      const interaction = await emu.userRunsCommand({
        user: users[n % users.length] as EmuUser,
        channelId: guild.channels.general,
        name: 'ask',
        options: [{ name: 'question', type: 3, value: question }],
      });
      // No callback at all (a lost reply) counts as failed, like a late one or a notice.
      let arrival = await clock.wait(interaction.id).catch(() => undefined);
      // Acknowledged in time, answered by editing the acknowledgement: the answer's arrival counts.
      if (arrival?.deferred && !Number.isNaN(arrival.at)) {
        const edited = await interaction.reply(15_000).catch(() => undefined);
        arrival = edited
          ? { at: performance.now(), title: edited.embeds[0]?.title, deferred: true }
          : undefined;
        deferredAnswers += 1;
      }
      const why = !arrival
        ? 'no callback within 15 s'
        : Number.isNaN(arrival.at)
          ? 'callback refused: after the 3 s deadline'
          : arrival.title !== expectedTitle.get(question)
            ? `a notice: ${arrival.title}`
            : undefined;
      if (why) {
        unanswered.set(why, (unanswered.get(why) ?? 0) + 1);
        return Number.NaN;
      }
      return (arrival as Arrival).at - dispatched;
    };

    // Warm-up: JIT, REST connections and statement caches in both shards.
    for (let i = 0; i < 100; i++) await askOnce(i);
    if (profileDir) writeFileSync(join(profileDir, 'start'), '');

    const cpuProcesses = () => [
      { name: 'manager', pid: manager.pid },
      ...shardPids().map((pid, shard) => ({ name: `shard ${shard}`, pid })),
    ];
    let nextQuestion = 1000;
    /**
     * Every asker asks `perAsker` questions back to back, or, with `paced`, pauses a think time
     * before each question and stops asking once `durationMs` have passed.
     */
    const runPhase = async (
      load: { perAsker: number } | { paced: { think: () => number; durationMs: number } },
    ) => {
      unanswered.clear();
      problems.clear();
      deferredAnswers = 0;
      const samples: number[] = [];
      const cpuBefore = cpuProcesses().map((p) => cpuMsOf(p.pid));
      const benchCpuBefore = process.cpuUsage();
      const loadStart = performance.now();
      await Promise.all(
        Array.from({ length: askers }, async () => {
          if ('paced' in load) {
            const { think, durationMs } = load.paced;
            for (;;) {
              const pauseMs = think();
              // A question that would come after the end is not waited for.
              if (performance.now() - loadStart + pauseMs >= durationMs) return;
              await new Promise((done) => setTimeout(done, pauseMs));
              samples.push(await askOnce(nextQuestion++));
            }
          }
          for (let q = 0; q < load.perAsker; q++) samples.push(await askOnce(nextQuestion++));
        }),
      );
      const seconds = (performance.now() - loadStart) / 1000;
      const benchCpu = process.cpuUsage(benchCpuBefore);
      const cpuAfter = cpuProcesses().map((p) => cpuMsOf(p.pid));
      const questions = samples.length;
      const sorted = samples.filter((ms) => !Number.isNaN(ms)).sort((a, b) => a - b);
      const cpuPerQuestion = cpuProcesses().map(
        (p, i) =>
          `${p.name} ${(((cpuAfter[i] as number) - (cpuBefore[i] as number)) / questions).toFixed(2)}`,
      );
      console.log(
        `    /ask round trip (dispatch → callback): n=${sorted.length}  median ${percentile(sorted, 50).toFixed(1)} ms  p99 ${percentile(sorted, 99).toFixed(1)} ms  max ${(sorted.at(-1) ?? Number.NaN).toFixed(1)} ms  (${(questions / seconds).toFixed(0)} asked and ${(sorted.length / seconds).toFixed(0)} answered per second over ${seconds.toFixed(1)} s; ${questions - sorted.length} not answered: late, lost or a busy notice)`,
      );
      console.log(
        `    CPU per question (user + system ms): ${cpuPerQuestion.join(', ')}, emulator and bench ${((benchCpu.user + benchCpu.system) / 1000 / questions).toFixed(2)}`,
      );
      if (deferredAnswers > 0)
        console.log(`    deferred (acknowledged, then answered by an edit): ${deferredAnswers}`);
      for (const [why, count] of unanswered) console.log(`    not answered, ${why}: ${count}`);
      for (const [msg, count] of problems) console.log(`    bot log, warning or error "${msg}": ${count}`);
      const memory = shardPids().map((pid, shard) => ({ shard, pid, ...memoryOf(pid) }));
      console.log(
        `    RSS afterwards: ${memory.map((m) => `shard ${m.shard} ${m.rssMb?.toFixed(0) ?? '?'} MB (peak ${m.peakMb?.toFixed(0) ?? '?'})`).join(', ')}   target < 150 MB per shard`,
      );
      return { p99: percentile(sorted, 99), answersPerSecond: sorted.length / seconds };
    };

    console.log(
      `k2-bot sharded: ${SHARDS} shard processes (${command.label}, ANSWER_WORKERS=${process.env.ANSWER_WORKERS || 'default'}), ${guildCount} guilds, ${askers} concurrent askers; load average ${loadavg()[0]?.toFixed(1)} at the start`,
    );
    console.log(
      `  start-up: manager start → every shard READY ${(readyMs / 1000).toFixed(1)} s (shards start ${Math.ceil(5500 / 16)} ms apart)`,
    );
    const random = seededRandom(10);
    const think = () => -Math.log(1 - random()) * meanThinkMs;
    console.log(
      `  paced (what an asker waits): ${askers} askers for ${(pacedMs / 1000).toFixed(0)} s, each pausing a random think time before each /ask (exponential, mean ${(meanThinkMs / 1000).toFixed(1)} s): offered about ${(askers / (meanThinkMs / 1000)).toFixed(0)} questions/s   target p99 < 100 ms`,
    );
    const paced = await runPhase({ paced: { think, durationMs: pacedMs } });
    console.log(
      `  saturation (capacity): ${askers} askers × ${perAsker} /ask, each asked the moment the one before is answered; latency here is ${askers} / throughput (Little's law), not a wait`,
    );
    const saturated = await runPhase({ perAsker });
    const managerMemory = manager.pid ? memoryOf(manager.pid) : undefined;
    if (managerMemory) console.log(`  manager: RSS ${managerMemory.rssMb.toFixed(0)} MB`);
    console.log(
      `  summary: paced p99 ${paced.p99.toFixed(0)} ms (target < 100 ms); capacity ${saturated.answersPerSecond.toFixed(0)} answers/s; load average ${loadavg()[0]?.toFixed(1)} at the end`,
    );
  } finally {
    manager.kill('SIGTERM');
    await new Promise((done) => {
      if (manager.exitCode !== null) done(undefined);
      else manager.once('exit', done);
    });
    await emu.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  runShardBenchmark().then(
    () => process.exit(0),
    (error: unknown) => {
      console.error(error);
      process.exit(1);
    },
  );
}
