import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { type Conversation, createEngine } from '../../src/engine/index.ts';
import { restoreIndex, serializeIndex } from '../../src/engine/indexArtifact.ts';
import { sharedEngine, sharedKnowledge } from '../sharedEngine.ts';

// The one-question CLI reads the engine's indexes from the build's artifact (src/cli/askArtifact.ts)
// instead of building them: an engine over restored indexes must answer exactly as one built the
// normal way. (The build checks every topic's sample questions before it writes the artifact;
// a full comparison over every development question and conversation was run once by hand.)

const fixture = (name: string) =>
  readFileSync(new URL(`../fixtures/${name}`, import.meta.url), 'utf8')
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => JSON.parse(line) as { q: string; conversation?: string });

describe('an engine over indexes read back from the artifact', () => {
  // Through JSON text, as the CLI reads it.
  const restored = restoreIndex(JSON.parse(JSON.stringify(serializeIndex(sharedKnowledge()))));
  const fromArtifact = createEngine(restored.knowledge, { index: restored.index });
  const built = sharedEngine();

  it('answers a sample of the development questions exactly as a freshly built engine', () => {
    const sample = fixture('questions.dev.jsonl').filter((_, i) => i % 10 === 0);
    expect(sample.length).toBeGreaterThan(250);
    for (const { q } of sample) expect(fromArtifact.ask(q), q).toEqual(built.ask(q));
  });

  it('carries conversations (follow-ups read in context) the same way', () => {
    const turns = fixture('conversations.dev.jsonl');
    const conversations = new Map<string, [Conversation, Conversation]>();
    for (const { q, conversation = '' } of turns) {
      let pair = conversations.get(conversation);
      if (!pair) {
        pair = [built.startConversation(), fromArtifact.startConversation()];
        conversations.set(conversation, pair);
      }
      expect(pair[1].ask(q), q).toEqual(pair[0].ask(q));
    }
    expect(conversations.size).toBeGreaterThan(50);
  });

  it('suggests and lists topics the same way', () => {
    for (const typed of ['n', 'nat', 'warf', 'mk7 vs', 'chese', 'how much k2'])
      expect(fromArtifact.suggestTopics(typed), typed).toEqual(built.suggestTopics(typed));
    expect(fromArtifact.listTopics()).toEqual(built.listTopics());
    expect(fromArtifact.knowledge).toEqual(sharedKnowledge());
  });

  it('points at the knowledge it came with: one object per topic, as the index built it', () => {
    const natto = restored.knowledge.topics.find((t) => t.id === 'natto');
    expect(natto).toBeDefined();
    expect(restored.index.entries.some((e) => e.topic === natto)).toBe(true);
  });

  it('refuses what is not a serialized index', () => {
    expect(() => restoreIndex({ knowledge: {}, index: {} })).toThrow('not a serialized engine index');
  });
});
