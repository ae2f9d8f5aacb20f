import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { SHARD_NODE_FLAGS } from '../src/discord/shardManager.ts';
import { DiscordEmulator } from '../tests/discord/emulator/index.ts';

/**
 * Start-up of the compiled code as whole processes, repeated like hyperfine does: the one-question
 * CLI through npm and directly, and the bot from spawn to READY and from READY to its first answer.
 * Run `npm run build` first (`npm run bench` does).
 */

const root = join(import.meta.dirname, '..');
const QUESTION = 'how much k2 in natto';
const CLI_RUNS = 10;
const BOT_RUNS = 5;

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2
    ? (sorted[middle] as number)
    : ((sorted[middle - 1] as number) + (sorted[middle] as number)) / 2;
}

function describe(values: number[]): string {
  const sorted = [...values].sort((a, b) => a - b);
  return `median ${median(values).toFixed(0)} ms, min ${sorted[0]?.toFixed(0)} ms, max ${sorted.at(-1)?.toFixed(0)} ms (n=${values.length})`;
}

/**
 * Preloaded into a measured node process: writes its own CPU time (user + system, ms) to fd 3 at exit.
 * CPU time is the figure to compare when other work shares the machine and stretches the wall time.
 */
const REPORT_CPU =
  'data:text/javascript,import{writeSync}from"node:fs";process.on("exit",()=>{const u=process.cpuUsage();writeSync(3,String((u.user+u.system)/1000))})';

interface ProcessTime {
  wallMs: number;
  cpuMs: number | undefined;
}

/** Wall time of one process from spawn to exit, and its CPU time when it is a node process. */
function timeProcess(command: string, args: string[]): Promise<ProcessTime> {
  const node = command === process.execPath;
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const child = spawn(command, node ? [`--import=${REPORT_CPU}`, ...args] : args, {
      cwd: root,
      stdio: ['ignore', 'ignore', 'inherit', 'pipe'],
    });
    let cpu = '';
    child.stdio[3]?.on('data', (chunk: Buffer) => {
      cpu += chunk.toString();
    });
    child.on('error', reject);
    child.on('close', (code) => {
      if (code !== 0) reject(new Error(`${command} ${args.join(' ')} exited with ${code}`));
      else resolve({ wallMs: performance.now() - started, cpuMs: node ? Number(cpu) : undefined });
    });
  });
}

async function repeat(runs: number, command: string, args: string[]): Promise<ProcessTime[]> {
  await timeProcess(command, args); // warm-up: the file system cache, like hyperfine --warmup 1
  const times: ProcessTime[] = [];
  for (let i = 0; i < runs; i++) times.push(await timeProcess(command, args));
  return times;
}

interface BotStart {
  spawnToReadyMs: number;
  readyToAnswerMs: number;
  /** The bot process's resident memory once it has answered (Linux; undefined elsewhere). */
  rssMb: number | undefined;
}

function residentMb(pid: number | undefined): number | undefined {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    const kb = Number(/^VmRSS:\s+(\d+) kB/m.exec(status)?.[1]);
    return Number.isFinite(kb) ? kb / 1024 : undefined;
  } catch {
    return undefined;
  }
}

/** One bot process against a fresh emulator; a question is sent the moment READY goes out. */
export async function timeBotStart(
  dataDir: string,
  run: number,
  env: Record<string, string> = {},
): Promise<BotStart> {
  const emu = await DiscordEmulator.start();
  let bot: ChildProcess | undefined;
  try {
    const readySent = new Promise<number>((resolve) =>
      emu.once('identify', () => resolve(performance.now())),
    );
    const spawned = performance.now();
    // With the V8 flags `npm start` gives the bot.
    bot = spawn(process.execPath, [...SHARD_NODE_FLAGS, join(root, 'dist', 'main.js')], {
      cwd: root,
      env: {
        PATH: process.env.PATH ?? '',
        NODE_ENV: 'production',
        LOG_LEVEL: 'warn',
        DISCORD_TOKEN: emu.token,
        DISCORD_API_BASE: emu.apiBase,
        DATABASE_PATH: join(dataDir, `bench-${run}.sqlite`),
        ...env,
      },
      stdio: ['ignore', 'ignore', 'inherit'],
    });
    const readyAt = await readySent;
    const asked = await emu.userSendsMessage({
      author: emu.users.alice,
      content: `${QUESTION}?`,
      mentionBot: true,
    });
    await emu.waitForBotMessage((m) => m.message_reference?.message_id === asked.id, 15_000);
    const answeredAt = performance.now();
    return {
      spawnToReadyMs: readyAt - spawned,
      readyToAnswerMs: answeredAt - readyAt,
      rssMb: residentMb(bot.pid),
    };
  } finally {
    if (bot && bot.exitCode === null) {
      const exited = new Promise((resolve) => bot?.once('exit', resolve));
      bot.kill('SIGTERM');
      await exited;
    }
    await emu.close();
  }
}

/** The 1-minute load average, for every figure: the machine is shared and wall times follow it. */
function load(): string {
  return `load ${loadavg()[0]?.toFixed(1)}`;
}

export async function runStartupBenchmark(): Promise<void> {
  console.log(
    `Start-up of the compiled code (whole processes, one warm-up run each, ${availableParallelism()} cores; each line ends with the load average when it was measured)`,
  );
  const npm = await repeat(CLI_RUNS, 'npm', ['run', '--silent', 'ask', '--', '--json', QUESTION]);
  console.log(
    `  npm run ask -- --json "${QUESTION}": wall ${describe(npm.map((t) => t.wallMs))}; target median < 400 ms [${load()}]`,
  );
  // npm itself (reading package.json, spawning a shell, then node) before any of our code runs.
  const floorDir = mkdtempSync(join(tmpdir(), 'k2-bench-npm-floor-'));
  try {
    writeFileSync(
      join(floorDir, 'package.json'),
      JSON.stringify({ name: 'npm-floor', private: true, scripts: { floor: 'node -e 0' } }),
    );
    const floor = await repeat(CLI_RUNS, 'npm', ['run', '--silent', '--prefix', floorDir, 'floor']);
    console.log(
      `    its floor, npm run of a script doing node -e 0: wall ${describe(floor.map((t) => t.wallMs))} [${load()}]`,
    );
  } finally {
    rmSync(floorDir, { recursive: true, force: true });
  }
  const direct = await repeat(CLI_RUNS, process.execPath, ['dist/cli/ask.js', '--json', QUESTION]);
  console.log(
    `  node dist/cli/ask.js --json "${QUESTION}": wall ${describe(direct.map((t) => t.wallMs))}; target median < 250 ms [${load()}]`,
  );
  console.log(
    `    its CPU time (user + system): ${describe(direct.map((t) => t.cpuMs ?? Number.NaN))} [${load()}]`,
  );
  const bare = await repeat(CLI_RUNS, process.execPath, ['-e', '0']);
  console.log(
    `  for scale, node -e 0: wall ${describe(bare.map((t) => t.wallMs))}, CPU median ${median(bare.map((t) => t.cpuMs ?? Number.NaN)).toFixed(0)} ms [${load()}]`,
  );

  const dataDir = mkdtempSync(join(tmpdir(), 'k2-bench-startup-'));
  try {
    const starts: BotStart[] = [];
    for (let run = 0; run <= BOT_RUNS; run++) {
      const start = await timeBotStart(dataDir, run);
      if (run > 0) starts.push(start); // run 0 is the warm-up
    }
    console.log(
      `  bot (ANSWER_WORKERS default), spawn to the gateway's READY: ${describe(starts.map((s) => s.spawnToReadyMs))} [${load()}]`,
    );
    console.log(
      `  bot, READY to the answer of a question sent at READY: ${describe(starts.map((s) => s.readyToAnswerMs))}; target < 500 ms [${load()}]`,
    );
    const rss = starts.map((s) => s.rssMb).filter((mb): mb is number => mb !== undefined);
    if (rss.length > 0)
      console.log(
        `  bot, RSS after that answer (one process, no shards): median ${median(rss).toFixed(0)} MB`,
      );
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) await runStartupBenchmark();
