import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { createEngine } from '../src/engine/index.ts';
import { loadKnowledge } from '../src/kb/load.ts';

/**
 * Writes what the engine says for every development question (the JSON of `ask`) and the
 * autocomplete list for every text the benchmark types, one JSON line each, so that two versions
 * of the engine can be compared with `diff` or `cmp`: a refactor that should not change behaviour
 * must leave the answers byte-identical.
 */
const { values } = parseArgs({
  options: {
    answers: { type: 'string' },
    suggestions: { type: 'string' },
  },
});

const questions = readFileSync(
  join(import.meta.dirname, '..', 'tests', 'fixtures', 'questions.dev.jsonl'),
  'utf8',
)
  .split('\n')
  .filter((line) => line.trim() !== '')
  .map((line) => (JSON.parse(line) as { q: string }).q);

/** The texts the benchmark types (scripts/benchEngine.ts), then each whole question. */
export function typedTexts(qs: readonly string[]): string[] {
  const typed = new Set<string>();
  for (const q of qs) {
    for (const n of [2, 3, 4, 5, 6, 8, 10, 13, 17, 22, 28, 36, 50]) {
      const prefix = q.slice(0, n);
      typed.add(prefix);
      if (prefix.length > 4) typed.add(prefix.slice(0, n - 3) + prefix.slice(n - 2));
    }
  }
  for (const q of qs) typed.add(q);
  return [...typed];
}

const engine = createEngine(loadKnowledge());
if (values.answers) {
  const lines = questions.map((q) => JSON.stringify({ q, answer: engine.ask(q) }));
  writeFileSync(values.answers, `${lines.join('\n')}\n`);
}
if (values.suggestions) {
  const lines = typedTexts(questions).map((text) =>
    JSON.stringify({ text, ids: engine.suggestTopics(text).map((t) => t.id) }),
  );
  writeFileSync(values.suggestions, `${lines.join('\n')}\n`);
}
