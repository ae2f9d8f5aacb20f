import { z } from 'zod';
import { focusFileSchema } from './focusSchema.ts';
import { gateLexiconFileSchema } from './gateLexiconSchema.ts';
import {
  anticoagulantsFileSchema,
  declinesFileSchema,
  phrasesFileSchema,
  synonymsFileSchema,
  textsFileSchema,
  wordsFileSchema,
} from './languageSchema.ts';
import { dosesFileSchema, foodsFileSchema, metaFileSchema, topicFileSchema } from './schema.ts';

/** Where each generated JSON Schema lives, relative to the knowledge folder. */
export const KNOWLEDGE_SCHEMA_FILES = {
  'schema/topic.schema.json': topicFileSchema,
  'schema/foods.schema.json': foodsFileSchema,
  'schema/doses.schema.json': dosesFileSchema,
  'schema/meta.schema.json': metaFileSchema,
  'schema/texts.schema.json': textsFileSchema,
  'schema/anticoagulants.schema.json': anticoagulantsFileSchema,
  'schema/gate.schema.json': gateLexiconFileSchema,
  'schema/synonyms.schema.json': synonymsFileSchema,
  'schema/words.schema.json': wordsFileSchema,
  'schema/declines.schema.json': declinesFileSchema,
  'schema/phrases.schema.json': phrasesFileSchema,
  'schema/focus.schema.json': focusFileSchema,
} as const;

/**
 * The JSON Schemas editors use while knowledge files are written, generated from the zod schemas
 * so the two never disagree. Input mode, because fields with defaults (`related`, `popular`…) may
 * be left out of a file.
 */
export function renderKnowledgeJsonSchemas(): Map<string, string> {
  const rendered = new Map<string, string>();
  for (const [path, schema] of Object.entries(KNOWLEDGE_SCHEMA_FILES)) {
    rendered.set(path, `${JSON.stringify(z.toJSONSchema(schema, { io: 'input' }), null, 2)}\n`);
  }
  return rendered;
}
