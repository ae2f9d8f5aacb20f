import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
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
}

/** One bot process against a fresh emulator; a question is sent the moment READY goes out. */
async function timeBotStart(dataDir: string, run: number): Promise<BotStart> {
  const emu = await DiscordEmulator.start();
  let bot: ChildProcess | undefined;
  try {
    const readySent = new Promise<number>((resolve) =>
      emu.once('identify', () => resolve(performance.now())),
    );
    const spawned = performance.now();
    bot = spawn(process.execPath, [join(root, 'dist', 'main.js')], {
      cwd: root,
      env: {
        PATH: process.env.PATH ?? '',
        NODE_ENV: 'production',
        LOG_LEVEL: 'warn',
        DISCORD_TOKEN: emu.token,
        DISCORD_API_BASE: emu.apiBase,
        DATABASE_PATH: join(dataDir, `bench-${run}.sqlite`),
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
    return { spawnToReadyMs: readyAt - spawned, readyToAnswerMs: answeredAt - readyAt };
  } finally {
    if (bot && bot.exitCode === null) {
      const exited = new Promise((resolve) => bot?.once('exit', resolve));
      bot.kill('SIGTERM');
      await exited;
    }
    await emu.close();
  }
}

export async function runStartupBenchmark(): Promise<void> {
  const [load] = loadavg();
  console.log(
    `Start-up of the compiled code (whole processes, one warm-up run each; load average ${load?.toFixed(1)} on ${availableParallelism()} cores)`,
  );
  const npm = await repeat(CLI_RUNS, 'npm', ['run', '--silent', 'ask', '--', '--json', QUESTION]);
  console.log(
    `  npm run ask -- --json "${QUESTION}": wall ${describe(npm.map((t) => t.wallMs))} (target: median < 400 ms)`,
  );
  const direct = await repeat(CLI_RUNS, process.execPath, ['dist/cli/ask.js', '--json', QUESTION]);
  console.log(
    `  node dist/cli/ask.js --json "${QUESTION}": wall ${describe(direct.map((t) => t.wallMs))} (target: median < 250 ms)`,
  );
  console.log(`    its CPU time (user + system): ${describe(direct.map((t) => t.cpuMs ?? Number.NaN))}`);
  const bare = await repeat(CLI_RUNS, process.execPath, ['-e', '0']);
  console.log(
    `  for scale, node -e 0: wall ${describe(bare.map((t) => t.wallMs))}, CPU median ${median(bare.map((t) => t.cpuMs ?? Number.NaN)).toFixed(0)} ms`,
  );

  const dataDir = mkdtempSync(join(tmpdir(), 'k2-bench-startup-'));
  try {
    const starts: BotStart[] = [];
    for (let run = 0; run <= BOT_RUNS; run++) {
      const start = await timeBotStart(dataDir, run);
      if (run > 0) starts.push(start); // run 0 is the warm-up
    }
    console.log(`  bot, spawn to the gateway's READY: ${describe(starts.map((s) => s.spawnToReadyMs))}`);
    console.log(
      `  bot, READY to the answer of a question sent at READY: ${describe(starts.map((s) => s.readyToAnswerMs))} (target < 500 ms)`,
    );
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) await runStartupBenchmark();
