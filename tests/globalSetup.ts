import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { buildSync } from 'esbuild';
import type { TestProject } from 'vitest/node';
import { stopSharedPostgres } from './store/postgresServer.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    /** A folder for this run only: what test files share across workers (the PostgreSQL server). */
    testRunDir: string;
    /** The stub engine's answer worker as one JavaScript file (see stubWorkerModule in tests/discord/stubEngine.ts). */
    stubAnswerWorker: string;
  }
}

/**
 * The stub answer worker (tests/discord/fixtures/stubAnswerWorker.ts) bundled into one JavaScript file.
 * A worker thread on the .ts file registers tsx and transpiles it and its imports again: about 0.55
 * CPU-s per thread, and every Discord harness starts two. The bundle loads in a few milliseconds.
 */
function bundleStubWorker(runDir: string): string {
  const outfile = join(runDir, 'stubAnswerWorker.mjs');
  buildSync({
    entryPoints: [fileURLToPath(new URL('./discord/fixtures/stubAnswerWorker.ts', import.meta.url))],
    outfile,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    logLevel: 'error',
  });
  return pathToFileURL(outfile).href;
}

/** Once per `vitest run`: a folder the test files share, and the shared servers stopped at the end. */
export default function setup(project: TestProject): () => void {
  const runDir = mkdtempSync(join(tmpdir(), 'k2-test-run-'));
  project.provide('testRunDir', runDir);
  project.provide('stubAnswerWorker', bundleStubWorker(runDir));
  return () => {
    stopSharedPostgres(runDir);
    rmSync(runDir, { recursive: true, force: true });
  };
}
