// Runs StrykerJS (stryker.config.mjs) one group of modules at a time.
//
//   npm run test:mutation                          every group, one after the other
//   npm run test:mutation -- safety store          only those groups
//   npm run test:mutation -- gate --ignoreStatic   arguments from the first flag on go to `stryker run`
//   npm run test:mutation -- render --mutate src/discord/sendReply.ts
//
// Reports: reports/mutation/<group>.html and .json; each run prints its duration.
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { MUTATION_MODULES } from '../stryker.config.mjs';

const root = join(import.meta.dirname, '..');
const args = process.argv.slice(2);
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

let failed = false;
for (const name of modules.length > 0 ? modules : Object.keys(MUTATION_MODULES)) {
  const started = Date.now();
  const run = spawnSync(
    process.execPath,
    [join(root, 'node_modules/@stryker-mutator/core/bin/stryker.js'), 'run', ...strykerArgs],
    { cwd: root, stdio: 'inherit', env: { ...process.env, MUTATION_MODULE: name } },
  );
  console.log(`mutation ${name}: ${Math.round((Date.now() - started) / 1000)} s, exit ${run.status}`);
  failed ||= run.status !== 0;
}
process.exit(failed ? 1 : 0);
