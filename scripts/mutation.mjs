// Runs StrykerJS (stryker.config.mjs) one group of modules at a time.
//
//   npm run test:mutation                          every group, one after the other
//   npm run test:mutation -- safety store          only those groups
//   npm run test:mutation -- gate --ignoreStatic   arguments from the first flag on go to `stryker run`
//   npm run test:mutation -- render --mutate src/discord/sendReply.ts
//   npm run test:mutation -- gate --static-only    only the static mutants (see below)
//   npm run test:mutation -- gate --static-only --sample 40 --seed 7
//
// Reports: reports/mutation/<group>.html and .json; each run prints its duration.
//
// --static-only: a static mutant (code run while a module loads: word lists, expressions built from
// them) reruns every test of the group, so `--ignoreStatic` leaves them out of the quick runs. This
// runs only them: a probe run (scripts/mutationStaticProbe.ts) lists them, then Stryker runs those
// (`--mutate` with each one's range) into reports/mutation/<group>.static.html and .json, and the
// script prints the score over exactly the listed ones. --sample N picks N of them at random
// (--seed makes the pick repeatable; the pick is written to <group>.static-pick.json). --sample N
// without --static-only samples all of a group's mutants (reports <group>.sample.*) when a full run
// would take too long.
import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { MUTATION_MODULES } from '../stryker.config.mjs';

const root = join(import.meta.dirname, '..');
const args = process.argv.slice(2);
/** Removes `--flag` (and its value when `withValue`) from `args`; returns the value, or true, or undefined. */
function takeFlag(flag, withValue) {
  const at = args.indexOf(flag);
  if (at === -1) return undefined;
  const [, value] = args.splice(at, withValue ? 2 : 1);
  return withValue ? value : true;
}
const staticOnly = takeFlag('--static-only', false) === true;
const sampleSize = takeFlag('--sample', true);
const seed = Number(takeFlag('--seed', true) ?? Date.now() % 100_000);
if (sampleSize !== undefined && !(Number(sampleSize) > 0)) {
  console.error(`--sample needs a number of mutants, got ${sampleSize}`);
  process.exit(2);
}
// Group names first; everything from the first flag on goes to Stryker (with the flags' values).
const firstFlag = args.findIndex((arg) => arg.startsWith('-'));
const modules = firstFlag === -1 ? args : args.slice(0, firstFlag);
const strykerArgs = firstFlag === -1 ? [] : args.slice(firstFlag);
const unknown = modules.filter((name) => !(name in MUTATION_MODULES));
if (unknown.length > 0) {
  console.error(
    `unknown group ${unknown.join(', ')}; choose from ${Object.keys(MUTATION_MODULES).join(', ')}`,
  );
  process.exit(2);
}

function stryker(name, step, extraArgs) {
  return spawnSync(
    process.execPath,
    [join(root, 'node_modules/@stryker-mutator/core/bin/stryker.js'), 'run', ...extraArgs],
    { cwd: root, stdio: 'inherit', env: { ...process.env, MUTATION_MODULE: name, MUTATION_STEP: step } },
  );
}

const report = (file) => JSON.parse(readFileSync(join(root, 'reports/mutation', file), 'utf8'));

/** The mutants of a report, each with its file, as one list. */
const mutantsOf = (json) =>
  Object.entries(json.files).flatMap(([file, { mutants }]) => mutants.map((m) => ({ ...m, file })));

/** A mutant's identity across runs (Stryker's ids are per run). */
const keyOf = (m) =>
  `${m.file}:${m.location.start.line}:${m.location.start.column}-${m.location.end.line}:${m.location.end.column}:${m.mutatorName}:${m.replacement}`;

/** A small seeded generator (mulberry32): the same seed picks the same sample. */
function random(state) {
  let t = state;
  return () => {
    t = (t + 0x6d2b79f5) | 0;
    let r = Math.imul(t ^ (t >>> 15), 1 | t);
    r = (r + Math.imul(r ^ (r >>> 7), 61 | r)) ^ r;
    return ((r ^ (r >>> 14)) >>> 0) / 4294967296;
  };
}

/** True when mutant `outer`'s range holds `inner`'s (and they are two mutants). */
function holds(outer, inner) {
  if (outer === inner || outer.file !== inner.file) return false;
  const { start: a, end: b } = outer.location;
  const { start: c, end: d } = inner.location;
  const startsBefore = a.line < c.line || (a.line === c.line && a.column <= c.column);
  const endsAfter = b.line > d.line || (b.line === d.line && b.column >= d.column);
  const same = a.line === c.line && a.column === c.column && b.line === d.line && b.column === d.column;
  return startsBefore && endsAfter && !same;
}

/**
 * --static-only and --sample: a probe run lists the group's mutants, the picked ones run as
 * `--mutate` ranges, and the score is counted over exactly those (a range also holds the mutants
 * nested in it, which Stryker runs too). A sample of all mutants draws only from mutants that hold
 * no other (a function's whole body emptied would bring every mutant inside it into the run).
 */
function runPicked(name) {
  const step = staticOnly ? 'static' : 'sample';
  const probe = stryker(name, 'probe', []);
  if (probe.status !== 0) return probe.status;
  const listed = mutantsOf(report(`${name}.probe.json`));
  const population = staticOnly
    ? listed.filter((m) => m.status === 'Ignored')
    : listed.filter((m) => !listed.some((other) => holds(m, other)));
  let picked = population;
  if (sampleSize !== undefined) {
    const next = random(seed);
    const shuffled = [...population];
    for (let i = shuffled.length - 1; i > 0; i--) {
      const j = Math.floor(next() * (i + 1));
      [shuffled[i], shuffled[j]] = [shuffled[j], shuffled[i]];
    }
    picked = shuffled.slice(0, Number(sampleSize));
  }
  console.log(
    `mutation ${name}: ${listed.length} mutants, ${population.length} ${staticOnly ? 'static' : 'holding no other'}${sampleSize !== undefined ? `, running a sample of ${picked.length} (seed ${seed})` : ''}`,
  );
  writeFileSync(
    join(root, 'reports/mutation', `${name}.${step}-pick.json`),
    `${JSON.stringify({ seed: sampleSize !== undefined ? seed : null, total: population.length, picked: picked.map(keyOf) }, null, 2)}\n`,
  );
  // Report columns count from 1, --mutate ranges from 0.
  const ranges = picked.map(
    (m) =>
      `${m.file}:${m.location.start.line}:${m.location.start.column - 1}-${m.location.end.line}:${m.location.end.column - 1}`,
  );
  const run = stryker(name, step, ['--mutate', ranges.join(','), ...strykerArgs]);
  if (run.status !== 0) return run.status;
  const wanted = new Set(picked.map(keyOf));
  const results = mutantsOf(report(`${name}.${step}.json`)).filter((m) => wanted.has(keyOf(m)));
  const count = (status) => results.filter((m) => m.status === status).length;
  const detected = count('Killed') + count('Timeout');
  const valid = results.filter((m) => !['Ignored', 'CompileError', 'RuntimeError'].includes(m.status));
  console.log(
    `mutation ${name} ${step}: ${results.length} of ${picked.length} picked mutants reported; ${count('Killed')} killed, ${count('Timeout')} timed out, ${count('Survived')} survived, ${count('NoCoverage')} not covered: score ${((100 * detected) / Math.max(1, valid.length)).toFixed(1)} %`,
  );
  for (const m of results.filter((r) => r.status === 'Survived' || r.status === 'NoCoverage')) {
    console.log(
      `  ${m.status}: ${m.file}:${m.location.start.line}:${m.location.start.column} ${m.mutatorName} → ${JSON.stringify(m.replacement)}`,
    );
  }
  return 0;
}

let failed = false;
for (const name of modules.length > 0 ? modules : Object.keys(MUTATION_MODULES)) {
  const started = Date.now();
  const status =
    staticOnly || sampleSize !== undefined ? runPicked(name) : stryker(name, 'all', strykerArgs).status;
  console.log(`mutation ${name}: ${Math.round((Date.now() - started) / 1000)} s, exit ${status}`);
  failed ||= status !== 0;
}
process.exit(failed ? 1 : 0);
