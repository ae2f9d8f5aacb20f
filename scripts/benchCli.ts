import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(import.meta.dirname, '..');
const QUESTION_COUNT = 5_000;

function loadQuestions(): string[] {
  const file = join(root, 'tests', 'fixtures', 'questions.dev.jsonl');
  const questions = readFileSync(file, 'utf8')
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => (JSON.parse(line) as { q: string }).q.replace(/\r?\n/g, ' '));
  const repeated: string[] = [];
  while (repeated.length < QUESTION_COUNT) repeated.push(...questions);
  return repeated.slice(0, QUESTION_COUNT);
}

function timeProcess(args: string[], stdin: string): Promise<{ ms: number; lines: number }> {
  return new Promise((resolve, reject) => {
    const started = process.hrtime.bigint();
    // The compiled CLI, as `npm run ask` runs it (`npm run bench` builds first).
    const child = spawn(process.execPath, ['dist/cli/ask.js', ...args], {
      cwd: root,
      stdio: ['pipe', 'pipe', 'inherit'],
    });
    let lines = 0;
    child.stdout.on('data', (chunk: Buffer) => {
      for (const byte of chunk) if (byte === 10) lines++;
    });
    child.on('error', reject);
    child.on('close', (code) => {
      if (code !== 0) reject(new Error(`ask exited with ${code}`));
      else resolve({ ms: Number(process.hrtime.bigint() - started) / 1e6, lines });
    });
    child.stdin.end(stdin);
  });
}

/** Throughput of `npm run --silent ask -- --jsonl` as a whole process, start-up included. */
export async function runCliBenchmark(): Promise<void> {
  const questions = loadQuestions();
  const startup = await timeProcess(['--jsonl'], '');
  const run = await timeProcess(['--jsonl'], `${questions.join('\n')}\n`);
  if (run.lines !== questions.length) {
    throw new Error(`expected ${questions.length} answers, got ${run.lines}`);
  }
  const steadyMs = Math.max(run.ms - startup.ms, 1);
  console.log('CLI --jsonl (a real child process, as `npm run --silent ask -- --jsonl`)');
  console.log(`  process start-up + knowledge load, no questions: ${startup.ms.toFixed(0)} ms`);
  console.log(
    `  ${questions.length} questions: ${run.ms.toFixed(0)} ms wall, ` +
      `${Math.round((questions.length / run.ms) * 1000)} questions/s including start-up, ` +
      `${Math.round((questions.length / steadyMs) * 1000)} questions/s after start-up (target > 2,000)`,
  );
}

if (process.argv[1] === fileURLToPath(import.meta.url)) await runCliBenchmark();
