import type { CreateEngineOptions, Engine } from '../engine/index.ts';
import { installLanguage } from '../kb/language.ts';
import { loadKnowledgeWithLanguage } from '../kb/load.ts';

/**
 * Reads and validates a knowledge folder once (topics and language files together) and builds an
 * engine that speaks its language. The engine's modules are imported only after the language is
 * installed: they read it as they load, and would otherwise read and validate the language files a
 * second time. Throws a KnowledgeError naming the file and field of a broken knowledge base.
 */
export async function loadEngine(dir?: string, options?: CreateEngineOptions): Promise<Engine> {
  const { knowledge, language } = loadKnowledgeWithLanguage(dir);
  installLanguage(language);
  const { createEngine } = await import('../engine/index.ts');
  return createEngine(knowledge, options);
}
