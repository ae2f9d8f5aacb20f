import { createEngine, type Engine } from '../src/engine/index.ts';
import { TopicIndex } from '../src/engine/topicIndex.ts';
import { loadKnowledge } from '../src/kb/load.ts';
import type { KnowledgeBase } from '../src/kb/schema.ts';

/**
 * The real engine over the committed knowledge, built once per test worker rather than once per file:
 * building it is most of an engine test file's time. Only for tests that read it (ask, suggest, list);
 * a test that needs other knowledge builds its own. Kept on globalThis so that files sharing a worker
 * share it even when each file gets its own module graph.
 */
interface Shared {
  knowledge?: KnowledgeBase;
  engine?: Engine;
  index?: TopicIndex;
}

const holder = globalThis as { __k2SharedEngine?: Shared };
holder.__k2SharedEngine ??= {};
const shared: Shared = holder.__k2SharedEngine;

export function sharedKnowledge(): KnowledgeBase {
  shared.knowledge ??= loadKnowledge();
  return shared.knowledge;
}

export function sharedEngine(): Engine {
  shared.engine ??= createEngine(sharedKnowledge());
  return shared.engine;
}

/** The topic index over the committed topics, for tests of the engine's single steps. */
export function sharedTopicIndex(): TopicIndex {
  shared.index ??= new TopicIndex(sharedKnowledge().topics);
  return shared.index;
}
