import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

// Beside src/kb/load.ts (the one module of kb/ and engine/ that reads files), which uses it for the
// knowledge snapshot, so that the CLI's launcher (src/cli/ask.ts) can tell whether the knowledge
// changed since its start-up snapshot without loading the validation code and zod. For the same
// reason kb/snapshot.ts reads the knowledge snapshot with readJsonOrNull from here: an answer
// worker imports that module (prepared texts) and must not load zod through load.ts.

/** Every file under `dir`, as paths relative to it, in a fixed order. */
function filesUnder(dir: string, prefix = ''): string[] {
  const out: string[] = [];
  const entries = readdirSync(join(dir, prefix), { withFileTypes: true }).sort((a, b) =>
    a.name < b.name ? -1 : a.name > b.name ? 1 : 0,
  );
  for (const entry of entries) {
    const path = prefix ? `${prefix}/${entry.name}` : entry.name;
    if (entry.isDirectory()) out.push(...filesUnder(dir, path));
    else out.push(path);
  }
  return out;
}

/**
 * A hash of every file of a knowledge folder: each path and its bytes (the knowledge snapshot's
 * key). SHA-1 over the about 0.6 MB of the repository's knowledge takes a millisecond or two; what
 * it must catch is an edit, not an attacker (whoever can write the folder can write the snapshot).
 */
export function knowledgeHash(dir: string): string {
  const hash = createHash('sha1');
  for (const path of filesUnder(dir)) {
    const bytes = readFileSync(join(dir, path));
    hash.update(`${path}\0${bytes.length}\0`);
    hash.update(bytes);
  }
  return hash.digest('hex');
}

/** A JSON file's content, or null when it is missing or not JSON (the knowledge snapshot). */
export function readJsonOrNull(file: string): unknown {
  try {
    return JSON.parse(readFileSync(file, 'utf8'));
  } catch {
    return null;
  }
}
