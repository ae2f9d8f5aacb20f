import { spawnSync } from 'node:child_process';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import {
  ASK_SNAPSHOT_CHECKED_KNOWLEDGE,
  ASK_SNAPSHOT_NODE_FLAGS,
  askSnapshotFiles,
  checkAskSnapshot,
} from './askStartupSnapshot.ts';

// `npm run ask` and `node dist/cli/ask.js`: answers from the build's start-up snapshot of the
// engine when it is fresh (askStartupSnapshot.ts), otherwise loads the knowledge here
// (askCommand.ts). Kept to Node built-ins and two small modules so that deciding costs little.

/** Node's exit code when it cannot load a start-up snapshot (before any of our code runs). */
const SNAPSHOT_LOAD_FAILED = 14;

const cliDir = dirname(fileURLToPath(import.meta.url));
const thisFile = fileURLToPath(import.meta.url);
const args = process.argv.slice(2);

/**
 * Many questions (`--jsonl`) run faster on a warmed-up JIT with native regular expressions than
 * on the snapshot's interpreted ones; a usage error or an unparsable command line gets
 * askCommand's message, which needs no engine.
 */
function oneQuestion(argv: string[]): boolean {
  try {
    const { values, positionals } = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        json: { type: 'boolean' },
        jsonl: { type: 'boolean' },
        help: { type: 'boolean', short: 'h' },
      },
    });
    return !values.jsonl && !values.help && positionals.length > 0;
  } catch {
    return false;
  }
}

/** Answers in a child process started from the snapshot; its exit code, or null if it could not. */
function answerFromSnapshot(): number | null {
  const knowledgeDir = resolve(process.env.KNOWLEDGE_DIR || resolve(cliDir, '..', '..', 'knowledge'));
  const check = checkAskSnapshot(cliDir, knowledgeDir, process.env);
  if (!check.usable) return null;
  const child = spawnSync(
    process.execPath,
    [...ASK_SNAPSHOT_NODE_FLAGS, '--snapshot-blob', askSnapshotFiles(cliDir).blob, thisFile, ...args],
    { stdio: 'inherit', env: { ...process.env, [ASK_SNAPSHOT_CHECKED_KNOWLEDGE]: check.knowledgeHash } },
  );
  if (child.error || child.status === SNAPSHOT_LOAD_FAILED) return null;
  if (child.signal) {
    process.kill(process.pid, child.signal);
    return 1;
  }
  return child.status ?? 1;
}

const code = oneQuestion(args) ? answerFromSnapshot() : null;
if (code !== null) {
  process.exitCode = code;
} else {
  const { runAskInProcess } = await import('./askCommand.ts');
  await runAskInProcess();
}
