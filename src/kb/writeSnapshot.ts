import { renameSync, rmSync, writeFileSync } from 'node:fs';
import { DEFAULT_KNOWLEDGE_DIR, loadKnowledgeWithLanguage } from './load.ts';
import { DEFAULT_SNAPSHOT_FILE, knowledgeHash, readKnowledgeSnapshot, snapshotOf } from './snapshot.ts';

/**
 * Validates a knowledge folder in full and writes its snapshot (snapshot.ts); `npm run build` does
 * this after compiling. Throws the KnowledgeError of a broken folder, writing nothing. Returns
 * false, writing nothing, when a file changed while it was being validated.
 */
export function writeKnowledgeSnapshot(
  dir: string = DEFAULT_KNOWLEDGE_DIR,
  file: string = DEFAULT_SNAPSHOT_FILE,
): boolean {
  const hash = knowledgeHash(dir);
  const { knowledge, language } = loadKnowledgeWithLanguage(dir, { snapshot: false });
  if (knowledgeHash(dir) !== hash) return false;
  // Written whole, then renamed: a process starting meanwhile reads the old file or the new one.
  const partial = `${file}.${process.pid}.tmp`;
  try {
    writeFileSync(partial, snapshotOf(hash, knowledge, language));
    renameSync(partial, file);
  } finally {
    rmSync(partial, { force: true });
  }
  return true;
}

/** Writes the snapshot unless the one there is already that of the folder as it is now. */
export function refreshKnowledgeSnapshot(
  dir: string = DEFAULT_KNOWLEDGE_DIR,
  file: string = DEFAULT_SNAPSHOT_FILE,
): boolean {
  return readKnowledgeSnapshot(dir, file) !== null || writeKnowledgeSnapshot(dir, file);
}
