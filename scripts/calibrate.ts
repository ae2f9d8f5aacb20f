/**
 * Recomputes the confidence calibration table (src/engine/calibration.ts) from a question set:
 * every answered, non-urgent case is scored with `calibrationScore` and labelled right or wrong,
 * by default on what the user reads: right when the body shows the case's facts (cases that name
 * facts; an answered off-topic case is wrong; cases naming no facts are left out). `--by topic`
 * labels by the topic id instead, as the table was fitted before fact-level cases existed;
 * a pool-adjacent-violators (isotonic) fit gives non-decreasing accuracy steps, which are merged
 * until each holds at least --min cases, and smoothed with a Laplace (+1/+2) correction.
 *
 *   npx tsx scripts/calibrate.ts            # print the table
 *   npx tsx scripts/calibrate.ts --write    # also write it into src/engine/calibration.ts
 *   npx tsx scripts/calibrate.ts --by topic # label answers by their topic id
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { answerQuestionDetailed } from '../src/engine/answerQuestion.ts';
import { calibrationScore } from '../src/engine/calibration.ts';
import { TopicIndex } from '../src/engine/topicIndex.ts';
import { loadKnowledge } from '../src/kb/load.ts';
import { namesFacts, replyIsRight } from './evalReplies.ts';
import { loadCases } from './evaluate.ts';

interface Block {
  from: number;
  n: number;
  right: number;
}

/** Pool adjacent violators over points sorted by score: non-decreasing accuracy blocks. */
export function isotonic(points: ReadonlyArray<{ score: number; right: boolean }>): Block[] {
  const blocks: Block[] = [];
  for (const p of [...points].sort((a, b) => a.score - b.score)) {
    blocks.push({ from: p.score, n: 1, right: p.right ? 1 : 0 });
    while (blocks.length > 1) {
      const b = blocks[blocks.length - 1] as Block;
      const a = blocks[blocks.length - 2] as Block;
      if (a.right / a.n < b.right / b.n) break;
      blocks.splice(-2, 2, { from: a.from, n: a.n + b.n, right: a.right + b.right });
    }
  }
  return blocks;
}

/** Merges blocks smaller than `min` into their lower neighbour (the first into the next one). */
export function mergeSmall(blocks: Block[], min: number): Block[] {
  const out: Block[] = [];
  for (const b of blocks) {
    const last = out[out.length - 1];
    if (last && (last.n < min || b.n < min)) {
      out[out.length - 1] = { from: last.from, n: last.n + b.n, right: last.right + b.right };
    } else {
      out.push({ ...b });
    }
  }
  return out;
}

function main(): void {
  const { values } = parseArgs({
    options: {
      file: { type: 'string', short: 'f' },
      min: { type: 'string', default: '25' },
      write: { type: 'boolean', default: false },
      by: { type: 'string', default: 'facts' },
    },
  });
  if (values.by !== 'facts' && values.by !== 'topic') throw new Error('--by takes "facts" or "topic"');
  const byFacts = values.by === 'facts';
  const root = join(import.meta.dirname, '..');
  const file = values.file ?? join(root, 'tests', 'fixtures', 'questions.dev.jsonl');
  const kb = loadKnowledge();
  const index = new TopicIndex(kb.topics);
  const byId = new Map(kb.topics.map((t) => [t.id, t]));
  const points: Array<{ score: number; right: boolean }> = [];
  for (const c of loadCases(file)) {
    if (c.expect === 'urgent') continue;
    if (byFacts && !namesFacts(c) && c.expect !== 'decline') continue;
    const { answer, result } = answerQuestionDetailed(c.q, index, byId);
    if (answer.kind !== 'answer' || !result || !answer.topic) continue;
    const right = byFacts
      ? replyIsRight(c, answer)
      : answer.topic.id === c.expect || (c.also ?? []).includes(answer.topic.id);
    points.push({ score: calibrationScore(result.features), right });
  }
  const blocks = mergeSmall(isotonic(points), Number(values.min));
  // Merging can break monotonicity only by pooling; re-run PAV on the merged blocks' means.
  let acc = blocks.map((b) => (b.right + 1) / (b.n + 2));
  for (let i = 1; i < acc.length; i++) acc[i] = Math.max(acc[i] as number, acc[i - 1] as number);
  acc = acc.map((a) => Math.round(a * 1000) / 1000);
  const rows = blocks.map((b, i) => `  [${i === 0 ? 0 : Math.round(b.from * 1000) / 1000}, ${acc[i]}],`);
  const table = `export const CALIBRATION_TABLE: ReadonlyArray<readonly [number, number]> = [\n${rows.join('\n')}\n];`;
  process.stdout.write(
    `${points.length} answered cases, ${points.filter((p) => !p.right).length} wrong (right = ${byFacts ? 'shows the expected facts' : 'expected topic'})\n`,
  );
  for (const [i, b] of blocks.entries()) {
    process.stdout.write(`  score >= ${b.from.toFixed(3)}: ${b.right}/${b.n} right → ${acc[i]}\n`);
  }
  process.stdout.write(`${table}\n`);
  if (values.write) {
    const target = join(root, 'src', 'engine', 'calibration.ts');
    const src = readFileSync(target, 'utf8');
    const next = src.replace(
      /(\/\/ CALIBRATION-TABLE-START\n)[\s\S]*?(\n\/\/ CALIBRATION-TABLE-END)/,
      `$1${table}$2`,
    );
    writeFileSync(target, next);
    process.stdout.write(`wrote ${target}\n`);
  }
}

if (import.meta.url === `file://${process.argv[1]}`) main();
