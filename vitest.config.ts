import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    // The Discord end-to-end suites start real processes and sockets.
    testTimeout: 20_000,
    hookTimeout: 30_000,
  },
});
