import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { renderKnowledgeJsonSchemas } from '../src/kb/jsonSchema.ts';
import { DEFAULT_KNOWLEDGE_DIR } from '../src/kb/load.ts';

/** `npm run kb:schema`: rewrites knowledge/schema/*.schema.json from the zod schemas. */
for (const [path, json] of renderKnowledgeJsonSchemas()) {
  const file = join(DEFAULT_KNOWLEDGE_DIR, path);
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, json);
  console.log(`wrote ${relative(process.cwd(), file)}`);
}
