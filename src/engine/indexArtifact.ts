import type { KnowledgeBase } from '../kb/schema.ts';
import { Analyzer } from './analyze.ts';
import { adoptFactIndex, FactIndex, factIndexOf } from './factIndex.ts';
import { type ClassRegistry, decodeGraph, encodeGraph } from './graphJson.ts';
import { normalizeText } from './normalize.ts';
import { QuoteIndex } from './quoteIndex.ts';
import { SuggestIndex } from './suggestIndex.ts';
import { TopicIndex } from './topicIndex.ts';
import { adoptClaimIndex, ClaimIndex, claimIndexOf } from './yesNoClaims.ts';

/**
 * The engine's indexes of a knowledge base, built once by `npm run build` and written as JSON, so
 * that the one-question CLI reads them instead of building them at every start (about two thirds
 * of what a first question cost). Everything a question may build lazily (the fact and claim
 * indexes) is built first and travels too. The knowledge travels with them: the indexes point at
 * its topics and facts, and must point at the same objects once read back.
 *
 * graphJson.ts carries the fields whatever they are; only the classes below may appear. A class
 * added inside an index makes the build refuse to write the artifact (and the CLI build the
 * indexes as before) until it is listed here.
 */
const CLASSES: ClassRegistry = {
  TopicIndex,
  Analyzer,
  QuoteIndex,
  SuggestIndex,
  FactIndex,
  ClaimIndex,
};

/** The encoded indexes: the JSON value written into the artifact. */
export type SerializedIndex = ReturnType<typeof encodeGraph>;

interface Built {
  knowledge: KnowledgeBase;
  index: TopicIndex;
  facts: FactIndex;
  claims: ClaimIndex;
}

/**
 * Builds the indexes of `kb` in this thread (which must speak the language they will be read
 * with) and encodes them. Throws GraphJsonError when a field cannot be carried.
 */
export function serializeIndex(kb: KnowledgeBase): SerializedIndex {
  // No prepared texts: those caches would only make the artifact larger.
  const index = new TopicIndex(kb.topics);
  const facts = factIndexOf(index);
  const claims = claimIndexOf(index, () => index.entries.map((e) => e.topic), index.analyzer);
  const building = index as unknown as {
    normalizeKnowledge?: unknown;
    normalizedTexts?: Map<string, string>;
  };
  // The remembered normalisations serve building only; restoreIndex puts back the function itself.
  delete building.normalizeKnowledge;
  building.normalizedTexts?.clear();
  const built: Built = { knowledge: kb, index, facts, claims };
  return encodeGraph(built, CLASSES);
}

/**
 * The knowledge and topic index `serializeIndex` encoded, with their fact and claim indexes in
 * place; hand both to createEngine (`index`). Takes `serialized` over (it is read in place).
 */
export function restoreIndex(serialized: SerializedIndex): { knowledge: KnowledgeBase; index: TopicIndex } {
  const { knowledge, index, facts, claims } = decodeGraph(serialized, CLASSES) as Built;
  if (!(index instanceof TopicIndex && facts instanceof FactIndex && claims instanceof ClaimIndex))
    throw new Error('not a serialized engine index');
  // The same function without the remembered texts: the indexes that read knowledge texts are built.
  (index as { normalizeKnowledge: (text: string) => string }).normalizeKnowledge = normalizeText;
  adoptFactIndex(index, facts);
  adoptClaimIndex(index, claims);
  return { knowledge, index };
}
