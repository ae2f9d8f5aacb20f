import type { KnowledgeBase } from '../kb/schema.ts';
import { factIndexOf } from './factIndex.ts';
import type { PreparedTexts } from './preparedTexts.ts';
import { TopicIndex } from './topicIndex.ts';
import { claimIndexOf } from './yesNoClaims.ts';

/**
 * Builds the indexes of a knowledge base once, as a start-up would, and returns the texts they
 * normalised and analysed: what the build keeps in the knowledge snapshot (preparedTexts.ts).
 */
export function prepareIndexTexts(kb: KnowledgeBase): PreparedTexts {
  const index = new TopicIndex(kb.topics, 'record');
  factIndexOf(index);
  claimIndexOf(index, () => index.entries.map((e) => e.topic), index.analyzer);
  return index.preparedTexts();
}
