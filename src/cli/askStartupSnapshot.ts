import { readFileSync, realpathSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { knowledgeHash } from '../knowledgeHash.ts';

/**
 * The one-question CLI's V8 start-up snapshot: `npm run build` runs askSnapshot.ts under
 * `node --build-snapshot`, which loads the knowledge, builds the engine and answers the warm-up
 * questions, and writes the heap to a blob. A process started from that blob has the engine
 * ready, so `npm run ask` skips loading and indexing. This module says whether the blob in a
 * dist/cli/ folder may answer for a knowledge folder: Node refuses a blob made by another binary
 * with an error, and a blob made from other knowledge would answer from stale facts.
 */

/** Changes whenever the stamp's shape or the blob's entry does, so an older blob is never used. */
const STAMP_FORMAT = 1;

/**
 * V8 flags the blob is built and run with (V8 refuses a blob under other flags). A regular
 * expression that has run holds native code V8 cannot put in a snapshot (the build aborts), so
 * every regular expression runs in V8's interpreter: the same matches, a little slower, which one
 * question does not notice. `--jsonl` (many questions) therefore never uses the snapshot.
 */
export const ASK_SNAPSHOT_NODE_FLAGS: readonly string[] = ['--regexp-interpret-all'];

/** Set to `off` to always load the knowledge (benchmarks, tests, suspicion of the blob). */
export const ASK_SNAPSHOT_SWITCH = 'K2_ASK_SNAPSHOT';

export interface AskSnapshotFiles {
  blob: string;
  stamp: string;
}

export function askSnapshotFiles(cliDir: string): AskSnapshotFiles {
  return { blob: join(cliDir, 'ask.snapshot.blob'), stamp: join(cliDir, 'ask.snapshot.json') };
}

/** What the build records beside the blob: what it was made with and from. */
export interface AskSnapshotStamp {
  format: number;
  /** The Node binary that made it: version, platform and architecture, and the file itself. */
  node: string;
  platform: string;
  arch: string;
  nodeBinary: string;
  flags: readonly string[];
  /** {@link knowledgeHash} of the knowledge folder the engine in the blob was built from. */
  knowledgeHash: string;
  blobBytes: number;
}

/** The running Node binary, as a stamp records it: a path alone would miss an upgrade in place. */
function nodeBinary(): string {
  const path = realpathSync(process.execPath);
  const stats = statSync(path);
  return `${path} ${stats.size} ${Math.round(stats.mtimeMs)}`;
}

export function askSnapshotStamp(hash: string, blobBytes: number): AskSnapshotStamp {
  return {
    format: STAMP_FORMAT,
    node: process.version,
    platform: process.platform,
    arch: process.arch,
    nodeBinary: nodeBinary(),
    flags: ASK_SNAPSHOT_NODE_FLAGS,
    knowledgeHash: hash,
    blobBytes,
  };
}

/** Hands the launcher's check to the process it starts from the blob, so it need not hash again. */
export const ASK_SNAPSHOT_CHECKED_KNOWLEDGE = 'K2_ASK_SNAPSHOT_CHECKED_KNOWLEDGE';

export type AskSnapshotCheck = { usable: true; knowledgeHash: string } | { usable: false; reason: string };

/**
 * Whether the snapshot in `cliDir` may answer questions about `knowledgeDir` in this process: it
 * exists whole, this very Node binary made it, and every knowledge file still has the content it
 * was built from. Otherwise the reason.
 */
export function checkAskSnapshot(
  cliDir: string,
  knowledgeDir: string,
  env: NodeJS.ProcessEnv,
): AskSnapshotCheck {
  const no = (reason: string): AskSnapshotCheck => ({ usable: false, reason });
  if (env[ASK_SNAPSHOT_SWITCH] === 'off') return no(`${ASK_SNAPSHOT_SWITCH}=off`);
  const files = askSnapshotFiles(cliDir);
  let stamp: AskSnapshotStamp;
  try {
    stamp = JSON.parse(readFileSync(files.stamp, 'utf8'));
  } catch {
    return no('no snapshot was built');
  }
  if (stamp.format !== STAMP_FORMAT) return no('the snapshot is of another format');
  if (stamp.node !== process.version || stamp.platform !== process.platform || stamp.arch !== process.arch)
    return no(`the snapshot was built by Node ${stamp.node} (${stamp.platform}-${stamp.arch})`);
  if (stamp.nodeBinary !== nodeBinary()) return no('the snapshot was built by another Node binary');
  if (JSON.stringify(stamp.flags) !== JSON.stringify(ASK_SNAPSHOT_NODE_FLAGS))
    return no('the snapshot was built with other flags');
  if (statSync(files.blob, { throwIfNoEntry: false })?.size !== stamp.blobBytes)
    return no('the snapshot blob is missing or incomplete');
  try {
    if (knowledgeHash(knowledgeDir) !== stamp.knowledgeHash)
      return no('the knowledge changed since the build');
  } catch {
    return no('the knowledge folder cannot be read');
  }
  return { usable: true, knowledgeHash: stamp.knowledgeHash };
}
