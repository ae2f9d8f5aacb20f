import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

/** The repository root, whatever the working directory. */
export const REPO_ROOT = fileURLToPath(new URL('..', import.meta.url));

const checked = globalThis as { __k2DistChecked?: boolean };

/**
 * Spawned-process tests run the compiled entry points, exactly what `npm start`, `npm run ask` and
 * `npm run deploy` run. This (re)builds dist/ when src/ is newer; parallel test files share one build.
 * Once per test worker: the check is a Node process of its own (about 0.2 CPU-s), 17 files call it,
 * and no test edits src/. Kept on globalThis so that files sharing a worker share it.
 */
export function ensureBuilt(): void {
  if (checked.__k2DistChecked) return;
  execFileSync(process.execPath, ['scripts/build.mjs', '--if-needed'], { cwd: REPO_ROOT, stdio: 'inherit' });
  checked.__k2DistChecked = true;
}

/** A compiled entry point, e.g. `dist/main.js`, as an absolute path. */
export function compiled(
  entry:
    | 'main.js'
    | 'cli/ask.js'
    | 'cli/askCommand.js'
    | 'cli/kbCheck.js'
    | 'cli/review.js'
    | 'discord/answerPool.js'
    | 'discord/answerWorker.js'
    | 'discord/deploy.js'
    | 'discord/sharding.js'
    | 'kb/load.js'
    | 'store/postgresStore.js'
    | 'store/sqliteStore.js',
): string {
  return fileURLToPath(new URL(`../dist/${entry}`, import.meta.url));
}

/** Long enough for a cold build on a busy machine. */
export const BUILD_TIMEOUT_MS = 180_000;
