import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { bundleForNode } from './bundle.ts';
import { stopSharedPostgres } from './store/postgresServer.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    /** A folder for this run only: what test files share across workers (the PostgreSQL server). */
    testRunDir: string;
    /** The stub engine's answer worker as one JavaScript file (tests/discord/stubWorker.ts). */
    stubAnswerWorker: string;
    /** The real answer worker (src/discord/answerWorker.ts) as one JavaScript file. */
    realAnswerWorker: string;
    /** The real answer worker with a slow question (tests/ops/fixtures/slowAnswerWorker.ts) as one file. */
    slowAnswerWorker: string;
  }
}

/** An answer-pool worker entry bundled into one JavaScript file (tests/bundle.ts says why). */
function bundleWorker(runDir: string, entry: string, name: string): string {
  return bundleForNode(runDir, new URL(entry, import.meta.url), name);
}

/** Once per `vitest run`: a folder the test files share, and the shared servers stopped at the end. */
export default function setup(project: TestProject): () => void {
  const runDir = mkdtempSync(join(tmpdir(), 'k2-test-run-'));
  project.provide('testRunDir', runDir);
  project.provide(
    'stubAnswerWorker',
    bundleWorker(runDir, './discord/fixtures/stubAnswerWorker.ts', 'stubAnswerWorker'),
  );
  project.provide(
    'realAnswerWorker',
    bundleWorker(runDir, '../src/discord/answerWorker.ts', 'realAnswerWorker'),
  );
  project.provide(
    'slowAnswerWorker',
    bundleWorker(runDir, './ops/fixtures/slowAnswerWorker.ts', 'slowAnswerWorker'),
  );
  return () => {
    stopSharedPostgres(runDir);
    rmSync(runDir, { recursive: true, force: true });
  };
}
