import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ASK_ARTIFACT_SWITCH, askArtifactFile, readAskArtifact } from '../src/cli/askArtifact.ts';
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

interface ProcessTime {
  wallMs: number;
  /** User + system CPU of the process and every process it waited for (the shell's `times`). */
  cpuMs: number;
}

/**
 * CPU time is the figure to compare when other work shares the machine and stretches the wall
 * time. The command runs under a shell whose `times` adds up the process and its children (npm
 * starts a shell and then node), which a preload in the first could not see.
 */
const TIMED = '"$@"; status=$?; times >&3; exit $status';

function cpuOfChildren(times: string): number {
  const last = times.trim().split('\n').at(-1) ?? '';
  const seconds = [...last.matchAll(/(\d+)m([\d.]+)s/g)].map((m) => Number(m[1]) * 60 + Number(m[2]));
  return seconds.length === 2 ? ((seconds[0] as number) + (seconds[1] as number)) * 1000 : Number.NaN;
}

/** Wall time of one process from spawn to exit, and its CPU time with its children's. */
function timeProcess(
  command: string,
  args: string[],
  env: Record<string, string> = {},
): Promise<ProcessTime> {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const child = spawn('/bin/sh', ['-c', TIMED, 'sh', command, ...args], {
      cwd: root,
      env: { ...process.env, ...env },
      stdio: ['ignore', 'ignore', 'inherit', 'pipe'],
    });
    let times = '';
    child.stdio[3]?.on('data', (chunk: Buffer) => {
      times += chunk.toString();
    });
    child.on('error', reject);
    child.on('close', (code) => {
      if (code !== 0) reject(new Error(`${command} ${args.join(' ')} exited with ${code}`));
      else resolve({ wallMs: performance.now() - started, cpuMs: cpuOfChildren(times) });
    });
  });
}

interface Measured {
  command: string;
  args: string[];
  env?: Record<string, string>;
}

/**
 * Each command `runs` times, interleaved (A B C, A B C, ...) so that a change in the machine's load
 * falls on all of them alike; one warm-up run each first (the file system cache, like hyperfine).
 */
async function repeatInterleaved(runs: number, measured: Measured[]): Promise<ProcessTime[][]> {
  const results: ProcessTime[][] = measured.map(() => []);
  for (let i = 0; i <= runs; i++) {
    for (const [at, { command, args, env }] of measured.entries()) {
      const time = await timeProcess(command, args, env);
      if (i > 0) results[at]?.push(time);
    }
  }
  return results;
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
  await benchAskStartup();
  await benchBotStartup();
}

/** The one-question CLI, with and without its engine artifact (src/cli/askArtifact.ts). */
export async function benchAskStartup(): Promise<void> {
  const question = ['--json', QUESTION];
  const artifact = readAskArtifact(
    askArtifactFile(join(root, 'dist', 'cli')),
    join(root, 'knowledge'),
    process.env,
  );
  if (!artifact.usable)
    console.log(`  (no engine artifact: ${artifact.reason}; both ask lines validate and build the engine)`);
  // npm itself (reading package.json, spawning a shell, then node) before any of our code runs.
  const floorDir = mkdtempSync(join(tmpdir(), 'k2-bench-npm-floor-'));
  try {
    writeFileSync(
      join(floorDir, 'package.json'),
      JSON.stringify({ name: 'npm-floor', private: true, scripts: { floor: 'node -e 0' } }),
    );
    const [npm, floor, direct, built, bare] = await repeatInterleaved(CLI_RUNS, [
      { command: 'npm', args: ['run', '--silent', 'ask', '--', ...question] },
      { command: 'npm', args: ['run', '--silent', '--prefix', floorDir, 'floor'] },
      { command: process.execPath, args: ['dist/cli/ask.js', ...question] },
      {
        command: process.execPath,
        args: ['dist/cli/ask.js', ...question],
        env: { [ASK_ARTIFACT_SWITCH]: 'off' },
      },
      { command: process.execPath, args: ['-e', '0'] },
    ]);
    const wallAndCpu = (times: ProcessTime[] = []) =>
      `wall ${describe(times.map((t) => t.wallMs))}; CPU (user + system) median ${median(times.map((t) => t.cpuMs)).toFixed(0)} ms`;
    console.log(
      `  npm run ask -- --json "${QUESTION}" (engine artifact): ${wallAndCpu(npm)}; target median < 400 ms [${load()}]`,
    );
    console.log(`    its floor, npm run of a script doing node -e 0: ${wallAndCpu(floor)} [${load()}]`);
    console.log(
      `  node dist/cli/ask.js --json "${QUESTION}", engine artifact (one process): ${wallAndCpu(direct)}; target median < 250 ms [${load()}]`,
    );
    console.log(
      `  the same, no artifact (${ASK_ARTIFACT_SWITCH}=off: validates the knowledge and builds the engine): ${wallAndCpu(built)} [${load()}]`,
    );
    console.log(`  for scale, node -e 0: ${wallAndCpu(bare)} [${load()}]`);
  } finally {
    rmSync(floorDir, { recursive: true, force: true });
  }
}

async function benchBotStartup(): Promise<void> {
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
