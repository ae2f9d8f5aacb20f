import { relative } from 'node:path';
import { defineConfig } from 'vitest/config';
import { BaseSequencer, type TestSpecification } from 'vitest/node';

/** Files that must import the engine into a fresh module graph (they watch it being built). */
const FRESH_MODULES = ['tests/engine/regexSafety.test.ts'];

/**
 * The files that take longest, longest first (by their time in a full run of 2026-12-01): two
 * workers take files from one queue, and a long file taken last leaves the other worker idle at the
 * end. Vitest orders by the durations of the last run where it has them (not on a fresh
 * clone, where it orders by file size); these go first either way, the rest in vitest's order.
 */
const LONGEST_FIRST = [
  // First of all, as vitest orders it: the one file of the fresh project. A worker that has run files
  // of the shared project and finds an isolated file next in the queue stops, and the files after
  // it need a new worker that imports everything again.
  ...FRESH_MODULES,
  'tests/discord/process.test.ts',
  'tests/discord/sharding.test.ts',
  'tests/ops/reload.test.ts',
  'tests/cli/askArtifact.test.ts',
  'tests/cli/production.test.ts',
  'tests/store/settingsStore.test.ts',
  'tests/engine/indexArtifact.test.ts',
  'tests/discord/settingsPostgres.test.ts',
  'tests/cli/ask.test.ts',
  'tests/discord/answerWorkersFail.test.ts',
  'tests/ops/health.test.ts',
  'tests/discord/answerWorkerBuild.test.ts',
  'tests/discord/resilience.test.ts',
  'tests/discord/learningProcess.test.ts',
];

class LongestFirst extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const sorted = await super.sort(files);
    const rank = (file: TestSpecification) => {
      const index = LONGEST_FIRST.indexOf(relative(file.project.config.root, file.moduleId));
      return index === -1 ? LONGEST_FIRST.length : index;
    };
    // Array.prototype.sort is stable: the files not listed keep vitest's order.
    return sorted.sort((a, b) => rank(a) - rank(b));
  }
}

export default defineConfig({
  test: {
    // A folder per run and the run's one PostgreSQL server (started by the first file that needs it).
    globalSetup: ['tests/globalSetup.ts'],
    // Much test time is waiting on sockets and child processes: vitest's default on a 2-core machine
    // (cores - 1 = one file at a time) leaves a core idle while a file waits. Two files at once; three
    // or four starved the spawned bot processes of CPU on the busy shared machine, and their start-up
    // deadlines failed.
    maxWorkers: 2,
    sequence: { sequencer: LongestFirst },
    // The Discord end-to-end suites start real processes and sockets.
    testTimeout: 20_000,
    hookTimeout: 30_000,
    projects: [
      {
        extends: true,
        test: {
          name: 'shared',
          include: ['tests/**/*.test.ts'],
          exclude: FRESH_MODULES,
          // Files in one worker share the modules they import (discord.js, the engine, ...) instead of
          // each importing and transforming them again: measured, half the CPU of the engine and
          // knowledge files. Tests keep no state in shared modules: helpers clean up per test
          // (onTestFinished), and the shared engine (tests/sharedEngine.ts) is only read.
          isolate: false,
        },
      },
      { extends: true, test: { name: 'fresh', include: FRESH_MODULES, isolate: true } },
    ],
  },
});
