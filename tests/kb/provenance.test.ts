import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { findSectionsOfQuote } from '../../src/kb/coverage.ts';
import { loadKnowledge, normalizeQuoteText } from '../../src/kb/load.ts';
import { KNOWLEDGE_DIR, SHARED_ARTICLE } from './knowledgePaths.ts';

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

  it.skipIf(!existsSync(SHARED_ARTICLE))(
    'keeps knowledge/article.txt identical to ../shared/article.txt',
    () => {
      const committed = readFileSync(join(KNOWLEDGE_DIR, 'article.txt'), 'utf8');
      expect(committed).toBe(readFileSync(SHARED_ARTICLE, 'utf8'));
    },
  );
});
