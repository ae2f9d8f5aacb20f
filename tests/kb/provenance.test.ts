import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { findSectionsOfQuote } from '../../src/kb/coverage.ts';
import { loadKnowledge, normalizeQuoteText } from '../../src/kb/load.ts';
import { KNOWLEDGE_DIR } from './knowledgePaths.ts';

/**
 * SHA-256 of the article as the project received it (shared/article.txt, outside this repository).
 * Pinned here so the test needs nothing outside the repository and still catches any edit to the
 * committed copy: every quote is checked against it, so it must stay the source, byte for byte.
 */
const SOURCE_ARTICLE_SHA256 = 'f74dc026f298852acb8306e9bec335f45b74896618053f9012950c3f2b2ea754';

const kb = loadKnowledge(KNOWLEDGE_DIR);
const article = normalizeQuoteText(kb.articleText);

const quotes = [
  ...kb.topics.flatMap((topic) =>
    topic.facts.map((fact, i) => ({ where: `topics/${topic.id}.json facts[${i}]`, ...fact })),
  ),
  ...kb.foods.map((food, i) => ({ where: `foods.json foods[${i}] (${food.id})`, ...food })),
  ...kb.doses.map((dose, i) => ({ where: `doses.json doses[${i}] (${dose.id})`, ...dose })),
];

describe('provenance', () => {
  it('knows quotes from every topic, food and dose', () => {
    expect(quotes.length).toBeGreaterThan(kb.topics.length * 3);
  });

  it('finds every fact, food and dose quote in the article word for word', () => {
    const missing = quotes
      .filter(({ quote }) => !article.includes(normalizeQuoteText(quote)))
      .map(({ where, quote }) => `${where}: "${quote}"`);
    expect(missing).toEqual([]);
  });

  it('finds every quote under the section it names', () => {
    const misplaced = quotes
      .filter(({ quote, section }) => !findSectionsOfQuote(kb.articleText, quote).includes(section))
      .map(({ where, section }) => `${where}: not under "${section}"`);
    expect(misplaced).toEqual([]);
  });

  it('keeps knowledge/article.txt byte for byte the article the project received', () => {
    const committed = readFileSync(join(KNOWLEDGE_DIR, 'article.txt'));
    expect(createHash('sha256').update(committed).digest('hex')).toBe(SOURCE_ARTICLE_SHA256);
  });
});
