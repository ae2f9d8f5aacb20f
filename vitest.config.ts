import { relative } from 'node:path';
import { defineConfig } from 'vitest/config';
import { BaseSequencer, type TestSpecification } from 'vitest/node';

/** Files that must import the engine into a fresh module graph (they watch it being built). */
const FRESH_MODULES = ['tests/engine/regexSafety.test.ts'];

/**
 * The order in which the two workers take files from their one queue: the files that take longest
 * first, since a long file taken last leaves the other worker idle at the end; and among them, a file
 * that keeps the CPU busy (bot processes, CLI processes, the engine) next to one that mostly waits
 * (an emulator and an in-process bot waiting on timers, PostgreSQL), so that the two files running at
 * once are likely one of each and the CPU idles less. Measured per file 2026-12-01 (wall s, CPU s of
 * the worker and its processes): sharding 24 / 12, process 19 / 14, reload 10 / 5.5, settingsStore
 * 9 / 2.2, askArtifact 8.4 / 6, resilience 5.4 / 0.3, production 5.1 / 4.5, emulator 3.6 / 0.4.
 * Vitest orders the rest by the durations of the last run where it has them (not on a fresh clone,
 * where it orders by file size).
 */
const LONGEST_FIRST = [
  // First of all, as vitest orders it: the one file of the fresh project. A worker that has run files
  // of the shared project and finds an isolated file next in the queue stops, and the files after
  // it need a new worker that imports everything again.
  ...FRESH_MODULES,
  'tests/discord/process.test.ts',
  'tests/discord/sharding.test.ts',
  'tests/store/settingsStore.test.ts',
  'tests/ops/reload.test.ts',
  'tests/discord/resilience.test.ts',
  'tests/cli/askArtifact.test.ts',
  'tests/discord/emulator.test.ts',
  'tests/cli/production.test.ts',
  'tests/discord/answerPool.test.ts',
  'tests/engine/indexArtifact.test.ts',
  'tests/discord/budget.test.ts',
  'tests/discord/settingsPostgres.test.ts',
  'tests/store/postgresStoreMutants.test.ts',
  'tests/discord/answerWorkersFail.test.ts',
  'tests/discord/deferSlow.test.ts',
  'tests/ops/health.test.ts',
  'tests/discord/shutdown.test.ts',
  'tests/discord/answerWorkerBuild.test.ts',
  'tests/discord/chat.test.ts',
  'tests/engine/eval.test.ts',
  'tests/discord/floods.test.ts',
  'tests/discord/learningProcess.test.ts',
  'tests/discord/housekeeping.test.ts',
  'tests/cli/ask.test.ts',
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
