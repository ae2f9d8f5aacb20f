import { chmodSync } from 'node:fs';
import { defineConfig } from 'vitest/config';

// The vitest config of mutation runs (stryker.config.mjs), loaded from Stryker's sandbox copy of the
// repository. Stryker creates that copy readable by its owner only; tests that run a script as an
// unprivileged user (tests/store/unprivileged.ts) need to read its sources.
chmodSync(import.meta.dirname, 0o755);

export default defineConfig({
  test: {
    globalSetup: ['tests/globalSetup.ts'],
    // The group's test files (stryker.config.mjs sets them).
    include: process.env.MUTATION_TEST_FILES?.split(',') ?? ['tests/**/*.test.ts'],
    // Every test file imports the code afresh: a mutant made while a module loads (a text built
    // from a template, a regular expression) only takes effect in a fresh module graph. With the
    // modules shared between files (vitest.config.ts), such mutants "survived" tests that catch them.
    isolate: true,
    // One test file at a time: the machine's two cores are shared.
    maxWorkers: 1,
    fileParallelism: false,
    // Instrumented code with per-test coverage runs several times slower than the real thing;
    // Stryker times each mutant out on its own measure.
    testTimeout: 120_000,
    hookTimeout: 60_000,
  },
});
