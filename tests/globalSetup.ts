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
    /** The stub engine's answer worker as one JavaScript file (tests/discord/stubWorker.ts). */
    stubAnswerWorker: string;
    /** The real answer worker (src/discord/answerWorker.ts) as one JavaScript file. */
    realAnswerWorker: string;
    /** The real answer worker with a slow question (tests/ops/fixtures/slowAnswerWorker.ts) as one file. */
    slowAnswerWorker: string;
  }
}

/**
 * An answer-pool worker entry bundled into one JavaScript file. A worker thread on a .ts file registers
 * tsx and transpiles it and every module it imports again: for a worker over the real engine 2.9 CPU-s
 * to its first answer where the bundle takes 1.2 (measured 2026-12-01), and the stub's about 0.55 CPU-s
 * more per thread. In the bundle `import.meta.url` is that of src/kb/load.ts: the only modules of a
 * worker that use it (kb/load.ts and kb/snapshot.ts) sit in src/kb and find knowledge/ from there.
 */
function bundleWorker(runDir: string, entry: string, name: string): string {
  const outfile = join(runDir, `${name}.mjs`);
  buildSync({
    entryPoints: [fileURLToPath(new URL(entry, import.meta.url))],
    outfile,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    define: { 'import.meta.url': JSON.stringify(pathToFileURL(fileURLToPath(KB_MODULE)).href) },
    logLevel: 'error',
  });
  return pathToFileURL(outfile).href;
}

const KB_MODULE = new URL('../src/kb/load.ts', import.meta.url);

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
