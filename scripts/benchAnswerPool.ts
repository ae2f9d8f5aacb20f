// The cost of answering in worker threads (README "Answer time budget"): start-up, memory and the
// round trip added to each question, against calling the engine directly on the main thread.
import { AnswerPool } from '../src/discord/answerPool.ts';
import { createEngine } from '../src/engine/index.ts';
import { loadKnowledge } from '../src/kb/load.ts';

const QUESTIONS = [
  'how much k2 is in natto?',
  'is mk7 better than mk4??',
  'can i take k2 with warfrin, im on it',
  'what foods have vitamin k2',
  'does k2 help bones',
];
const ROUNDS = 2000;

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * p))] ?? Number.NaN;
}

function rssMb(): number {
  return process.memoryUsage().rss / 1e6;
}

const engine = createEngine(loadKnowledge());
const direct: number[] = [];
for (let i = 0; i < ROUNDS; i++) {
  const started = performance.now();
  engine.ask(QUESTIONS[i % QUESTIONS.length] ?? '');
  direct.push(performance.now() - started);
}

const rssBefore = rssMb();
const startedAt = performance.now();
const pool = await AnswerPool.start({ budgetMs: 250 });
const startMs = performance.now() - startedAt;
const pooled: number[] = [];
for (let i = 0; i < ROUNDS; i++) {
  const started = performance.now();
  await pool.ask(QUESTIONS[i % QUESTIONS.length] ?? '');
  pooled.push(performance.now() - started);
}
const rssAfter = rssMb();
await pool.close();

direct.sort((a, b) => a - b);
pooled.sort((a, b) => a - b);
const ms = (n: number) => `${n.toFixed(2)} ms`;
console.log(`answer pool of 2 workers, ${ROUNDS} questions one at a time`);
console.log(`  start-up (both workers ready):   ${ms(startMs)}`);
console.log(`  memory (process RSS increase):    ${(rssAfter - rssBefore).toFixed(0)} MB for 2 workers`);
console.log(
  `  engine on the main thread:        p50 ${ms(percentile(direct, 0.5))}, p99 ${ms(percentile(direct, 0.99))}`,
);
console.log(
  `  through the pool (round trip):    p50 ${ms(percentile(pooled, 0.5))}, p99 ${ms(percentile(pooled, 0.99))}`,
);
