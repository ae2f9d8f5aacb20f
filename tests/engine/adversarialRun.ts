/**
 * Runs the engine on adversarial messages and prints one JSON line with the worst time. Its own
 * process, so that a caller can kill it: a message that backtracks exponentially would otherwise
 * block the test runner (or the benchmark) for hours instead of failing it.
 *
 *   node --import tsx tests/engine/adversarialRun.ts [--runs N] [--repeat K] [--bound MS] [--rules-stdin]
 *
 * (regexSafety.test.ts runs it bundled into one JavaScript file instead: tests/bundle.ts)
 *
 * With --rules-stdin the rules come as a JSON array of { source, flags, where } on stdin, as
 * regexSafety.test.ts has already collected them (collecting answers the whole development set
 * with the RegExp constructor watched: most of this script's time); otherwise it collects them.
 *
 * The fixed sweep pumps every repeatable part of every engine rule with each word it can repeat
 * (adversarial.ts); then fast-check tries `runs` more messages (any rule, seed, repeated part and
 * word, tail and length up to the cap). Each message is timed `repeat` times and its fastest run
 * counts, so a busy machine does not pass for a slow message. Exits 1 when a message takes
 * `bound` ms or more (fast-check then prints the smallest such message it found).
 */
import { parseArgs } from 'node:util';
import fc from 'fast-check';
import type { Engine } from '../../src/engine/index.ts';
import { MAX_INPUT_CHARS } from '../../src/engine/normalize.ts';
import { adversarialMessage, parseRule, sweepMessages, TAILS } from './adversarial.ts';
import type { EngineRegex } from './regexInventory.ts';

const { values } = parseArgs({
  options: {
    runs: { type: 'string', default: '300' },
    repeat: { type: 'string', default: '1' },
    bound: { type: 'string', default: '1000' },
    'rules-stdin': { type: 'boolean', default: false },
  },
});
const runs = Number(values.runs);
const repeat = Math.max(1, Number(values.repeat));
const bound = Number(values.bound);

async function rulesAndEngine(): Promise<{ all: EngineRegex[]; engine: Engine }> {
  // Imported only here: regexSafety.test.ts runs this file bundled (tests/bundle.ts) with the rules on
  // stdin, and the bundle must not load oxc-parser's native binding for nothing.
  if (!values['rules-stdin']) return (await import('./regexInventory.ts')).collectEngineRegexes();
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  const all = JSON.parse(Buffer.concat(chunks).toString('utf8')) as EngineRegex[];
  const [{ createEngine }, { loadKnowledge }] = await Promise.all([
    import('../../src/engine/index.ts'),
    import('../../src/kb/load.ts'),
  ]);
  return { all, engine: createEngine(loadKnowledge()) };
}

const { all, engine } = await rulesAndEngine();
const rules = all.map(parseRule);

const times: number[] = [];
let worst = { ms: 0, message: '' };
function timeAsk(message: string): number {
  let best = Number.POSITIVE_INFINITY;
  for (let i = 0; i < repeat; i++) {
    const start = performance.now();
    const answer = engine.ask(message);
    best = Math.min(best, performance.now() - start);
    if (!answer.safety.disclaimer || !answer.safety.warning) throw new Error('a reply lost its safety texts');
  }
  times.push(best);
  if (best > worst.ms) worst = { ms: best, message };
  return best;
}

const sweep = sweepMessages(rules);
for (const message of sweep) timeAsk(message);

let failure: string | null = null;
try {
  fc.assert(
    fc.property(
      fc.nat(rules.length - 1),
      fc.nat(),
      fc.nat(60),
      fc.nat(60),
      fc.constantFrom(...TAILS),
      fc.oneof(fc.constant(MAX_INPUT_CHARS), fc.integer({ min: 20, max: MAX_INPUT_CHARS })),
      (rule, seed, pumpIndex, choice, tail, length) => {
        const message = adversarialMessage(
          rules[rule] as (typeof rules)[number],
          seed,
          pumpIndex,
          choice,
          tail,
          length,
        );
        return timeAsk(message) < bound;
      },
    ),
    { numRuns: runs, seed: 9 },
  );
} catch (error) {
  failure = error instanceof Error ? error.message.slice(0, 2000) : String(error);
}

const sorted = [...times].sort((a, b) => a - b);
const at = (p: number) => sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? 0;
process.stdout.write(
  `${JSON.stringify({
    rules: rules.length,
    messages: times.length,
    sweep: sweep.length,
    worstMs: worst.ms,
    worstMessage: worst.message,
    p50Ms: at(50),
    p99Ms: at(99),
    overBound: times.filter((t) => t >= bound).length,
    failure,
  })}\n`,
);
process.exitCode = failure !== null || worst.ms >= bound ? 1 : 0;
