import { defineConfig } from 'vitest/config';

/** Files that must import the engine into a fresh module graph (they watch it being built). */
const FRESH_MODULES = ['tests/engine/regexSafety.test.ts'];

export default defineConfig({
  test: {
    // A folder per run and the run's one PostgreSQL server (started by the first file that needs it).
    globalSetup: ['tests/globalSetup.ts'],
    // Much test time is waiting on sockets and child processes: vitest's default on a 2-core machine
    // (cores - 1 = one file at a time) leaves a core idle while a file waits. Two files at once; three
    // or four starved the spawned bot processes of CPU on the busy shared machine, and their start-up
    // deadlines failed.
    maxWorkers: 2,
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
