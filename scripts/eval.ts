import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { createEngine } from '../src/engine/index.ts';
import { loadKnowledge } from '../src/kb/load.ts';
import { type EvalMetrics, evaluate, loadCases, meetsThresholds, THRESHOLDS } from './evaluate.ts';

const DEFAULT_FILE = join(import.meta.dirname, '..', 'tests', 'fixtures', 'questions.dev.jsonl');

const pct = (x: number) => `${(x * 100).toFixed(1)}%`;

function report(m: EvalMetrics, file: string, verbose: boolean): string {
  const mark = (ok: boolean) => (ok ? 'ok  ' : 'FAIL');
  const lines = [
    `Question set: ${file} (${m.total} cases)`,
    `${mark(m.inScope.accuracy >= THRESHOLDS.inScopeAccuracy)} in-scope accuracy   ${pct(m.inScope.accuracy)}  (${m.inScope.correct}/${m.inScope.total}, target >= ${pct(THRESHOLDS.inScopeAccuracy)})`,
    `     answer accuracy     ${m.answers.total === 0 ? 'n/a' : pct(m.answers.accuracy)}  (${m.answers.correct}/${m.answers.total} cases that name facts show them in the body)`,
    `${mark(m.offTopic.rate >= THRESHOLDS.offTopicDeclineRate)} off-topic declined  ${pct(m.offTopic.rate)}  (${m.offTopic.declined}/${m.offTopic.total}, target >= ${pct(THRESHOLDS.offTopicDeclineRate)})`,
    `${mark(m.urgent.recall >= THRESHOLDS.urgentRecall)} urgent recall       ${pct(m.urgent.recall)}  (${m.urgent.flagged}/${m.urgent.total}, target ${pct(THRESHOLDS.urgentRecall)})`,
    `${mark(m.falseAlarms.rate <= THRESHOLDS.falseAlarmRate)} false urgent alarms ${pct(m.falseAlarms.rate)}  (${m.falseAlarms.flagged}/${m.falseAlarms.total}, target <= ${pct(THRESHOLDS.falseAlarmRate)})`,
  ];
  const bands = m.reliability.bands
    .map(
      (b) =>
        `${b.from.toFixed(1)}–${b.to.toFixed(1)}: ${pct(b.accuracy)} right of ${b.answered} (mean conf ${b.meanConfidence.toFixed(3)})`,
    )
    .join(' | ');
  lines.push(`     reliability         ${bands} | ECE ${m.reliability.ece.toFixed(3)}`);
  if (verbose && m.failures.length > 0) {
    lines.push('', `Failures (${m.failures.length}):`);
    for (const f of m.failures) {
      const expected = [f.expect, ...f.also].join('|');
      const shown = f.shown ? `, showed [${f.shown.join(', ')}]` : '';
      lines.push(
        `  [${f.reason}] expected ${expected}, got ${f.got} (confidence ${f.confidence.toFixed(2)}${f.urgent ? ', urgent' : ''}${shown}): ${JSON.stringify(f.q)}`,
      );
    }
  } else if (m.failures.length > 0) {
    lines.push(`${m.failures.length} failures; run with --verbose to list them.`);
  }
  return lines.join('\n');
}

function main(): void {
  const { values } = parseArgs({
    options: {
      file: { type: 'string', short: 'f' },
      kb: { type: 'string' },
      verbose: { type: 'boolean', short: 'v', default: false },
      json: { type: 'boolean', default: false },
    },
  });
  const file = values.file ?? DEFAULT_FILE;
  const engine = createEngine(values.kb ? loadKnowledge(values.kb) : loadKnowledge());
  const metrics = evaluate(engine, loadCases(file));
  if (values.json) process.stdout.write(`${JSON.stringify(metrics, null, 2)}\n`);
  else process.stdout.write(`${report(metrics, file, values.verbose)}\n`);
  process.exitCode = meetsThresholds(metrics) ? 0 : 1;
}

main();
