import { inject } from 'vitest';

/**
 * Answer-pool workers over the real engine, for tests that hand them to a pool in this process. The
 * run's global setup bundles each into one JavaScript file (tests/globalSetup.ts says why); outside a
 * vitest run with that setup, the TypeScript file itself.
 */
export const REAL_WORKER = new URL(
  inject('realAnswerWorker') ?? new URL('../src/discord/answerWorker.ts', import.meta.url).href,
);

/** The real worker, except that a question with the marker `answer-this-slowly` takes 1.5 s. */
export const SLOW_WORKER = new URL(
  inject('slowAnswerWorker') ?? new URL('./ops/fixtures/slowAnswerWorker.ts', import.meta.url).href,
);
