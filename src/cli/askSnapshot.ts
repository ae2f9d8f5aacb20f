import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startupSnapshot } from 'node:v8';
import type { Engine } from '../engine/index.ts';
import { installLanguage } from '../kb/language.ts';
import { readKnowledgeSnapshot } from '../kb/snapshot.ts';
import { knowledgeHash } from '../knowledgeHash.ts';
import { runAskInProcess } from './askCommand.ts';
import { ASK_SNAPSHOT_CHECKED_KNOWLEDGE, ASK_SNAPSHOT_SWITCH } from './askStartupSnapshot.ts';

// The entry of the CLI's start-up snapshot (askStartupSnapshot.ts). scripts/build.mjs bundles it
// into one CommonJS file and runs `node --build-snapshot` on it: the engine is built and warmed up
// here, at build time, and a process started from the blob runs only the function below.

if (!startupSnapshot.isBuildingSnapshot()) {
  throw new Error('askSnapshot runs only under node --build-snapshot (scripts/build.mjs)');
}

const KNOWLEDGE_DIR = resolve(fileURLToPath(new URL('../../knowledge', import.meta.url)));
const builtFrom = knowledgeHash(KNOWLEDGE_DIR);
// The knowledge as the build validated it (dist/knowledge.snapshot.json, written just before), so
// that the validation code and zod are never loaded here and take no room in the blob: smaller is
// quicker to deserialise at every question.
const validated = readKnowledgeSnapshot(KNOWLEDGE_DIR);
if (!validated)
  throw new Error('no knowledge snapshot of the current knowledge (dist/knowledge.snapshot.json)');
installLanguage(validated.language);
let engine: Engine | undefined;
// Everything the engine builds lazily on a first question is built now, into the snapshot.
import('../engine/index.ts').then(({ createEngine }) => {
  const built = createEngine(validated.knowledge, { warmUp: 'all' });
  if (knowledgeHash(KNOWLEDGE_DIR) !== builtFrom) throw new Error('the knowledge changed during the build');
  engine = built;
});

startupSnapshot.setDeserializeMainFunction(() => {
  // argv[1] is dist/cli/ask.js, which started this process; the knowledge is where it expects it.
  const launcher = resolve(process.argv[1] ?? '');
  const knowledgeDir = resolve(
    process.env.KNOWLEDGE_DIR || resolve(dirname(launcher), '..', '..', 'knowledge'),
  );
  let fresh = process.env[ASK_SNAPSHOT_CHECKED_KNOWLEDGE] === builtFrom;
  delete process.env[ASK_SNAPSHOT_CHECKED_KNOWLEDGE];
  try {
    fresh ||= knowledgeHash(knowledgeDir) === builtFrom;
  } catch {
    // An unreadable folder: the normal path names the file.
  }
  if (fresh && engine) {
    const built = engine;
    void runAskInProcess(async () => built);
    return;
  }
  // The launcher checked this already; a direct start of the blob, or an edit since, lands here.
  // Loaded only now, with the CommonJS bundle's require (a process started from a snapshot has no
  // dynamic import()): Node does not promise that child_process's state survives a snapshot.
  const { spawnSync } = require('node:child_process') as typeof import('node:child_process');
  const normal = spawnSync(process.execPath, [launcher, ...process.argv.slice(2)], {
    stdio: 'inherit',
    env: { ...process.env, [ASK_SNAPSHOT_SWITCH]: 'off' },
  });
  process.exitCode = normal.status ?? 1;
});
