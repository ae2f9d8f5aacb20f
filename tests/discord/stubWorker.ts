import { inject } from 'vitest';

/**
 * The answer-pool worker over the stub engine (tests/discord/fixtures/stubAnswerWorker.ts): only tests
 * ever hand it to a pool. The run's global setup bundles it into one JavaScript file, which a worker
 * thread loads without registering tsx and transpiling it again; outside a vitest run with that setup,
 * the TypeScript file itself.
 */
export const STUB_WORKER = new URL(
  inject('stubAnswerWorker') ?? new URL('./fixtures/stubAnswerWorker.ts', import.meta.url).href,
);
