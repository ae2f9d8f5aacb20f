import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { renderKnowledgeJsonSchemas } from '../../src/kb/jsonSchema.ts';
import { KNOWLEDGE_DIR } from './knowledgePaths.ts';

const readJson = (path: string) =>
  JSON.parse(readFileSync(join(KNOWLEDGE_DIR, path), 'utf8')) as Record<string, unknown>;

describe('committed JSON Schemas', () => {
  it.each([...renderKnowledgeJsonSchemas()])(
    '%s matches the zod schemas (run npm run kb:schema)',
    (path, fresh) => {
      expect(readFileSync(join(KNOWLEDGE_DIR, path), 'utf8')).toBe(fresh);
    },
  );

  it.each(readdirSync(join(KNOWLEDGE_DIR, 'topics')))(
    'topics/%s points editors at the topic schema',
    (file) => {
      expect(readJson(join('topics', file)).$schema).toBe('../schema/topic.schema.json');
    },
  );

  it.each([
    ['foods.json', './schema/foods.schema.json'],
    ['doses.json', './schema/doses.schema.json'],
  ])('%s points editors at its schema', (file, schema) => {
    expect(readJson(file).$schema).toBe(schema);
  });
});
