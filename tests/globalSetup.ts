import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { stopSharedPostgres } from './store/postgresServer.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    /** A folder for this run only: what test files share across workers (the PostgreSQL server). */
    testRunDir: string;
  }
}

/** Once per `vitest run`: a folder the test files share, and the shared servers stopped at the end. */
export default function setup(project: TestProject): () => void {
  const runDir = mkdtempSync(join(tmpdir(), 'k2-test-run-'));
  project.provide('testRunDir', runDir);
  return () => {
    stopSharedPostgres(runDir);
    rmSync(runDir, { recursive: true, force: true });
  };
}
