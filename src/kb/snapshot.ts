import { fileURLToPath } from 'node:url';
import type { PreparedTexts } from '../engine/preparedTexts.ts';
import { knowledgeHash, readJsonOrNull } from '../knowledgeHash.ts';
import type { Language } from './load.ts';
import type { KnowledgeBase } from './schema.ts';

/**
 * The knowledge as the build validated it (`npm run build` writes it beside the compiled code), so
 * that a start-up reads one JSON file instead of validating every knowledge file with zod again.
 * It is used only while every file of the knowledge folder still has the content it was made from
 * (a content hash over their paths and bytes); any edit, added or removed file, and every knowledge
 * reload and `kb:check`, goes through full validation, which names the bad file and field.
 */

/** Changes whenever the snapshot's shape does, so that an older file is never read as a newer one. */
const SNAPSHOT_FORMAT = 2;

/**
 * Next to the compiled code: dist/knowledge.snapshot.json. From the TypeScript sources (tsx,
 * tests) this is src/knowledge.snapshot.json, which the build never writes: code run from src/
 * always validates.
 */
export const DEFAULT_SNAPSHOT_FILE = fileURLToPath(new URL('../knowledge.snapshot.json', import.meta.url));

export interface KnowledgeSnapshot {
  format: number;
  /** {@link knowledgeHash} of the folder it was made from. */
  hash: string;
  knowledge: KnowledgeBase;
  language: Language;
  /** The knowledge texts as the engine's indexes read them; absent when they could not be made. */
  prepared?: PreparedTexts;
}

/** The hash of the snapshot a knowledge base or a language was read from. */
const readFrom = new WeakMap<object, string>();
const preparedOf = new WeakMap<KnowledgeBase, PreparedTexts>();

/**
 * The build's prepared texts for a knowledge base read from a snapshot, while the language the
 * engine speaks was read from a snapshot of the same folder: the analyses are only right for the
 * words they were made with. Undefined otherwise (validated knowledge, another language).
 */
export function preparedTextsFor(
  knowledge: KnowledgeBase,
  languageInUse: Language,
): PreparedTexts | undefined {
  const hash = readFrom.get(knowledge);
  return hash !== undefined && readFrom.get(languageInUse) === hash ? preparedOf.get(knowledge) : undefined;
}

/**
 * Lets a thread use the prepared texts another thread had for this knowledge and language (what
 * {@link preparedTextsFor} gave there): an answer worker receives copies of all three from the
 * main thread, and would otherwise normalise and analyse every knowledge text again.
 */
export function adoptPreparedTexts(
  knowledge: KnowledgeBase,
  languageInUse: Language,
  prepared: PreparedTexts,
): void {
  const handedOver = 'prepared texts handed over by another thread';
  readFrom.set(knowledge, handedOver);
  readFrom.set(languageInUse, handedOver);
  preparedOf.set(knowledge, prepared);
}

/**
 * The snapshot for the knowledge in `dir`, or null when there is none, it is unreadable, or the
 * folder's files are not exactly those it was made from.
 */
export function readKnowledgeSnapshot(
  dir: string,
  file: string = DEFAULT_SNAPSHOT_FILE,
): KnowledgeSnapshot | null {
  const snapshot = readJsonOrNull(file) as KnowledgeSnapshot | null;
  if (snapshot?.format !== SNAPSHOT_FORMAT || typeof snapshot.hash !== 'string') return null;
  let hash: string;
  try {
    hash = knowledgeHash(dir);
  } catch {
    // An unreadable folder: full validation says which file and why.
    return null;
  }
  if (hash !== snapshot.hash) return null;
  readFrom.set(snapshot.knowledge, hash);
  readFrom.set(snapshot.language, hash);
  if (snapshot.prepared) preparedOf.set(snapshot.knowledge, snapshot.prepared);
  return snapshot;
}

/** The snapshot of already validated knowledge, as {@link readKnowledgeSnapshot} reads it back. */
export function snapshotOf(
  hash: string,
  knowledge: KnowledgeBase,
  language: Language,
  prepared: PreparedTexts | undefined,
): string {
  const snapshot: KnowledgeSnapshot = {
    format: SNAPSHOT_FORMAT,
    hash,
    knowledge,
    language,
    ...(prepared ? { prepared } : {}),
  };
  return JSON.stringify(snapshot);
}
