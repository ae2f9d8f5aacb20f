import type { PreparedTexts } from '../engine/preparedTexts.ts';
import { writeFileWhole } from '../writeFileWhole.ts';
import { installLanguage, language } from './language.ts';
import { DEFAULT_KNOWLEDGE_DIR, knowledgeHash, type Language, loadKnowledgeWithLanguage } from './load.ts';
import type { KnowledgeBase } from './schema.ts';
import { DEFAULT_SNAPSHOT_FILE, readKnowledgeSnapshot, snapshotOf } from './snapshot.ts';

/**
 * Validates a knowledge folder in full and writes its snapshot (snapshot.ts); `npm run build` does
 * this after compiling. Throws the KnowledgeError of a broken folder, writing nothing. Returns
 * false, writing nothing, when a file changed while it was being validated.
 */
export async function writeKnowledgeSnapshot(
  dir: string = DEFAULT_KNOWLEDGE_DIR,
  file: string = DEFAULT_SNAPSHOT_FILE,
): Promise<boolean> {
  const hash = knowledgeHash(dir);
  const { knowledge, language } = loadKnowledgeWithLanguage(dir, { snapshot: false });
  const prepared = await prepareTexts(knowledge, language);
  if (knowledgeHash(dir) !== hash) return false;
  // A process starting meanwhile reads the old file or the new one, never half of one.
  writeFileWhole(file, snapshotOf(hash, knowledge, language, prepared));
  return true;
}

/** Writes the snapshot unless the one there is already that of the folder as it is now. */
export async function refreshKnowledgeSnapshot(
  dir: string = DEFAULT_KNOWLEDGE_DIR,
  file: string = DEFAULT_SNAPSHOT_FILE,
): Promise<boolean> {
  return readKnowledgeSnapshot(dir, file) !== null || (await writeKnowledgeSnapshot(dir, file));
}

/**
 * The engine's prepared texts for this knowledge. The engine's word lists are built from the
 * language this thread speaks, so they are made only when that is these language files.
 */
async function prepareTexts(knowledge: KnowledgeBase, next: Language): Promise<PreparedTexts | undefined> {
  installLanguage(next);
  if (JSON.stringify(language()) !== JSON.stringify(next)) return undefined;
  const { prepareIndexTexts } = await import('../engine/prepareIndex.ts');
  return prepareIndexTexts(knowledge);
}
