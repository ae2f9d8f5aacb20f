import { chmodSync, mkdtempSync, rmSync, statfsSync } from 'node:fs';
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

/** Room a run's temporary files may take: copies of the build and of node_modules, a PostgreSQL cluster. */
const FAST_TMP_ROOM = 1024 ** 3;

/**
 * The run's temporary files (os.tmpdir() in the test workers and what they start with their
 * environment) go to a folder on tmpfs when /dev/shm has room, unless TMPDIR is set: the tests
 * create and delete thousands of files (knowledge copies, databases, a PostgreSQL cluster, copies of
 * the build), and on a disk mounted with `discard` each deletion waits for the disk (tests/kb on the
 * 2-core machine, 2026-12-01: 0.84-1.10 s of system time on /tmp, 0.45-0.50 on /dev/shm). Its mode
 * is /tmp's, since the PostgreSQL server and the read-only-file tests run as other users.
 */
function useFastTmpdir(): () => void {
  const shared = globalThis as { __k2FastTmp?: { dir: string; users: number } };
  const release = () => {
    const fast = shared.__k2FastTmp;
    if (!fast || --fast.users > 0) return;
    rmSync(fast.dir, { recursive: true, force: true });
    delete shared.__k2FastTmp;
  };
  // Vitest calls this setup once per project (both projects of vitest.config.ts), in one process: the
  // folder is made by the first call and removed by the last teardown, after every project has
  // stopped what it started in it (the shared PostgreSQL server lives in the shared project's folder).
  if (shared.__k2FastTmp) {
    shared.__k2FastTmp.users += 1;
    return release;
  }
  if (process.env.TMPDIR) return release;
  try {
    const shm = statfsSync('/dev/shm');
    if (shm.bavail * shm.bsize < FAST_TMP_ROOM) return release;
    const dir = mkdtempSync('/dev/shm/k2-tests-');
    chmodSync(dir, 0o1777);
    process.env.TMPDIR = dir;
    shared.__k2FastTmp = { dir, users: 1 };
  } catch {
    // No tmpfs to use: the temporary files stay where TMPDIR or the system puts them.
  }
  return release;
}

/** Once per `vitest run`: a folder the test files share, and the shared servers stopped at the end. */
export default function setup(project: TestProject): () => void {
  const releaseFastTmp = useFastTmpdir();
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
    releaseFastTmp();
  };
}
