import { describe, expect, it } from 'vitest';
import { sharedEngine } from '../sharedEngine.ts';

const engine = sharedEngine();

// Blind round 25: "what does the article get wrong?" got what K2 is, and "tl;dr the article" two
// sentences on bones and heart. A fact about the whole article answers only when it is asked for.
describe('questions about the whole article', () => {
  it.each(['are there mistakes in this k2 article?', 'what mistakes does the article make'])(
    '%j gets where the article is wrong',
    (q) => {
      const a = engine.ask(q);
      expect(a.facts[0]).toBe('evidence-summary/article-errors');
      // The corrections named in fact-check.md Part 1A, not the article's figures as facts.
      expect(a.body).toMatch(/Adequate Intakes/);
      expect(a.body).toMatch(/10 mcg/);
    },
  );

  it('"give me the gist of the article" gets the article in short', () => {
    expect(engine.ask('give me the main points of the article').facts[0]).toBe(
      'evidence-summary/article-in-short',
    );
  });

  it.each([
    // Asked about one subject, the subject's own facts answer, not the overview.
    ['what does the article get wrong about diabetes', 'diabetes'],
    ['is k2 even worth it', 'evidence-summary'],
    ['which foods have the most k2', 'food-plan'],
  ])('%j is not answered by an overview', (q, topic) => {
    const a = engine.ask(q);
    expect(a.topic?.id).toBe(topic);
    expect(a.facts).not.toContain('evidence-summary/article-in-short');
    expect(a.facts).not.toContain('evidence-summary/article-errors');
  });
});
