// Mutation testing (`npm run test:mutation`, run by scripts/mutation.mjs): does a test fail when the
// code under test is changed? Slow (each mutant reruns the tests that cover it), so not part of CI.
// One module per run, with only the tests written for it: the score says what those tests catch,
// and vitest's "related" graph would pull in most of the suite.

/** Module name → the files mutated and the tests that must notice. */
export const MUTATION_MODULES = {
  // The safety texts and the notice each kind of emergency gets.
  safety: {
    mutate: ['src/engine/safety.ts', 'src/engine/gate.ts'],
    testFiles: ['tests/engine/safety.test.ts', 'tests/engine/safetyTexts.test.ts'],
  },
  // The gate's rules are built when their modules load, so most mutants are "static" and rerun every
  // test (about an hour on two busy cores): only the fast rule-level tests run here.
  gateRules: {
    mutate: ['src/engine/gate?*.ts', '!src/engine/gateTypos.ts'],
    testFiles: ['tests/engine/safety.test.ts'],
  },
  gateTypos: {
    mutate: ['src/engine/gateTypos.ts'],
    testFiles: ['tests/engine/gate.test.ts'],
  },
  render: {
    mutate: ['src/discord/renderEmbeds.ts'],
    testFiles: ['tests/discord/renderEmbeds.test.ts'],
  },
  // Each PostgreSQL run starts a server of its own: that store is a module of its own.
  store: {
    mutate: ['src/store/*.ts', '!src/store/postgresStore.ts'],
    testFiles: ['tests/store/*.test.ts'],
  },
  storePostgres: {
    mutate: ['src/store/postgresStore.ts'],
    testFiles: ['tests/store/settingsStore.test.ts'],
  },
};

const name = process.env.MUTATION_MODULE ?? 'safety';
const selected = MUTATION_MODULES[name];
if (!selected) throw new Error(`MUTATION_MODULE=${name}: choose one of ${Object.keys(MUTATION_MODULES).join(', ')}`);

/** @type {import('@stryker-mutator/api/core').PartialStrykerOptions} */
export default {
  testRunner: 'vitest',
  plugins: ['@stryker-mutator/vitest-runner'],
  vitest: { configFile: 'vitest.mutation.config.ts', related: false },
  coverageAnalysis: 'perTest',
  mutate: selected.mutate,
  testFiles: selected.testFiles,
  // Two cores, shared with others: never more than two test runners.
  concurrency: 2,
  timeoutMS: 10_000,
  reporters: ['clear-text', 'progress', 'html', 'json'],
  clearTextReporter: { allowColor: false, logTests: false },
  htmlReporter: { fileName: `reports/mutation/${name}.html` },
  jsonReporter: { fileName: `reports/mutation/${name}.json` },
  incrementalFile: `reports/mutation/${name}.incremental.json`,
  ignorePatterns: ['dist', 'data', 'reports', 'coverage', '.build.lock'],
  // Stryker would rewrite tsconfig.json's "extends" and "references" for its sandbox through the
  // TypeScript API, which TypeScript 7 no longer has; ours has neither, so it is pointed elsewhere.
  tsconfigFile: 'tsconfig.stryker-none.json',
  tempDirName: '.stryker-tmp',
  cleanTempDir: 'always',
};
