// Mutation testing (`npm run test:mutation`, run by scripts/mutation.mjs): does a test fail when the
// code under test is changed? Slow (each mutant reruns the tests that cover it), so not part of CI.
// One module per run, with only the tests written for it: the score says what those tests catch,
// and vitest's "related" graph would pull in most of the suite.

/**
 * Group name → the files mutated and the tests that must notice: only test files that exercise the
 * group and run fast (no spawned processes, no Discord emulator, no engine built from knowledge/
 * unless the code needs it), since a mutant made while a module loads ("static") reruns them all.
 */
export const MUTATION_MODULES = {
  // The safety texts, the notice each kind of emergency gets, the gate's order and typo passes, and
  // the personal notices beside an answer.
  safety: {
    mutate: ['src/engine/safety.ts', 'src/engine/gate.ts', 'src/engine/personalNotice.ts'],
    testFiles: [
      'tests/engine/safety.test.ts',
      'tests/engine/safetyTexts.test.ts',
      'tests/engine/safetyMutants.test.ts',
    ],
  },
  // The gate's rule modules: their expressions are built when the modules load, so nearly every
  // mutant is static and reruns every test of the group; only rule-level tables run here.
  gate: {
    mutate: ['src/engine/gate?*.ts'],
    testFiles: [
      'tests/engine/safety.test.ts',
      'tests/engine/gateMutants.test.ts',
      'tests/engine/gateStaticMutants.test.ts',
    ],
  },
  // What a reply looks like on Discord (embeds, buttons and their ids) and in the terminal, and how
  // it is sent (allowedMentions).
  render: {
    mutate: [
      'src/discord/renderEmbeds.ts',
      'src/discord/voteIds.ts',
      'src/cli/renderText.ts',
      'src/discord/sendReply.ts',
    ],
    // renderEmbeds.test.ts, renderMutants.test.ts and renderEmbedsMutants.test.ts, as one file.
    testFiles: [
      'tests/discord/renderGroup.mutation.ts',
      'tests/cli/renderText.test.ts',
      'tests/cli/renderTextMutants.test.ts',
    ],
  },
  // The stores on SQLite and their shared code. The contract suite runs on both backends; its
  // PostgreSQL half starts the run's one server (tests/globalSetup.ts stops it when Stryker ends).
  store: {
    mutate: ['src/store/*.ts', '!src/store/postgresStore.ts'],
    testFiles: [
      'tests/store/sqliteStore.test.ts',
      'tests/store/openStore.test.ts',
      'tests/store/settingsStore.test.ts',
      'tests/store/storeMutants.test.ts',
      'tests/store/sqliteStoreMutants.test.ts',
    ],
  },
  // The PostgreSQL store: one server per run, started by the first test that needs it.
  storePostgres: {
    mutate: ['src/store/postgresStore.ts'],
    testFiles: ['tests/store/settingsStore.test.ts', 'tests/store/postgresStoreMutants.test.ts'],
  },
};

const name = process.env.MUTATION_MODULE ?? 'safety';
const selected = MUTATION_MODULES[name];
if (!selected) throw new Error(`MUTATION_MODULE=${name}: choose one of ${Object.keys(MUTATION_MODULES).join(', ')}`);
/**
 * `--static-only` (scripts/mutation.mjs) runs in two steps: `probe` lists the static mutants (a test
 * file that only imports the modules, static mutants ignored, the rest not covered: seconds), then
 * `static` runs those (given as `--mutate` ranges) against the group's tests, reported apart.
 */
const step = process.env.MUTATION_STEP ?? 'all';
const reportName = step === 'all' ? name : `${name}.${step}`;
// Read by vitest.mutation.config.ts in Stryker's test runner processes, which inherit the environment.
process.env.MUTATION_TEST_FILES =
  step === 'probe' ? 'scripts/mutationStaticProbe.ts' : selected.testFiles.join(',');
process.env.MUTATION_PROBE_MUTATE = selected.mutate.join(',');

/** @type {import('@stryker-mutator/api/core').PartialStrykerOptions} */
export default {
  testRunner: 'vitest',
  plugins: ['@stryker-mutator/vitest-runner'],
  vitest: { configFile: 'vitest.mutation.config.ts', related: false },
  coverageAnalysis: 'perTest',
  mutate: selected.mutate,
  // Not Stryker's `testFiles`: with it, Stryker 9.6.1 activates a mutant made while a module loads
  // ("static") only after the test file has imported the module, so every static mutant survived
  // whatever the tests check. vitest.mutation.config.ts includes the group's files instead.
  // Two cores shared by several people: one test runner.
  concurrency: 1,
  timeoutMS: 10_000,
  reporters: step === 'probe' ? ['json'] : ['clear-text', 'progress', 'html', 'json'],
  clearTextReporter: { allowColor: false, logTests: false },
  htmlReporter: { fileName: `reports/mutation/${reportName}.html` },
  jsonReporter: { fileName: `reports/mutation/${reportName}.json` },
  ...(step === 'probe' ? { ignoreStatic: true } : {}),
  // Reruns only mutants whose code or covering tests changed since the last run of the group.
  incremental: step !== 'probe',
  incrementalFile: `reports/mutation/${reportName}.incremental.json`,
  ignorePatterns: ['dist', 'data', 'reports', 'coverage', '.build.lock'],
  // Stryker would rewrite tsconfig.json's "extends" and "references" for its sandbox through the
  // TypeScript API, which TypeScript 7 no longer has; ours has neither, so it is pointed elsewhere.
  tsconfigFile: 'tsconfig.stryker-none.json',
  tempDirName: '.stryker-tmp',
  cleanTempDir: 'always',
};
