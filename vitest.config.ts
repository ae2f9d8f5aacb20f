import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    // A folder per run and the run's one PostgreSQL server (started by the first file that needs it).
    globalSetup: ['tests/globalSetup.ts'],
    // Most test time is waiting on sockets and child processes, not CPU: on a 2-core machine vitest's
    // default (cores - 1 = one file at a time) leaves both cores idle while a file waits.
    maxWorkers: 4,
    // The Discord end-to-end suites start real processes and sockets.
    testTimeout: 20_000,
    hookTimeout: 30_000,
  },
});
