import { spawnSync } from 'node:child_process';
import { chownSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { compiled } from '../compiled.ts';

const ROOT = resolve(fileURLToPath(new URL('../..', import.meta.url)));

/** nobody:nogroup on Debian; only used when the tests run as root. */
const NOBODY = { uid: 65534, gid: 65534 };

export const runningAsRoot = process.getuid?.() === 0;

/**
 * Root ignores file modes, so a read-only file is only read-only for somebody else. As root, hand
 * a path to the user the scripts run as; otherwise the current user already is that user.
 */
export function giveToScriptUser(path: string): void {
  if (runningAsRoot) chownSync(path, NOBODY.uid, NOBODY.gid);
}

/**
 * Runs an ES module script in a fresh Node process (from the repository root), as an unprivileged
 * user when the tests run as root, and returns what it printed. The script imports the compiled
 * modules (`compiledUrl`; call `ensureBuilt` first): under tsx the same process takes about 0.9
 * CPU-s instead of 0.2.
 */
export function runScriptUnprivileged(script: string): { status: number | null; output: string } {
  const child = spawnSync(process.execPath, ['--input-type=module', '-e', script], {
    cwd: ROOT,
    encoding: 'utf8',
    timeout: 30_000,
    env: { PATH: process.env.PATH ?? '', HOME: '/tmp' },
    ...(runningAsRoot ? NOBODY : {}),
  });
  return { status: child.status, output: `${child.stdout}${child.stderr}` };
}

/** A compiled module (what `npm start` runs) as a string literal for a script's import. */
export function compiledUrl(entry: 'store/sqliteStore.js'): string {
  return JSON.stringify(compiled(entry));
}
