import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { onTestFinished } from 'vitest';
import { KnowledgeError, loadKnowledge } from '../../src/kb/load.ts';
import { KNOWLEDGE_DIR } from './knowledgePaths.ts';

/** Tests that break knowledge on purpose work on throwaway copies, removed after each test. */
export type Json = Record<string, unknown>;

/** Call inside a test: the copy is removed when that test ends (whichever file or worker runs it). */
export function copyKnowledge(): string {
  const dir = mkdtempSync(join(tmpdir(), 'k2-kb-'));
  cpSync(KNOWLEDGE_DIR, dir, { recursive: true });
  onTestFinished(() => rmSync(dir, { recursive: true, force: true }));
  return dir;
}

export function editJson(dir: string, file: string, edit: (data: Json) => void): void {
  const path = join(dir, file);
  const data = JSON.parse(readFileSync(path, 'utf8')) as Json;
  edit(data);
  writeFileSync(path, JSON.stringify(data, null, 2));
}

/** The error loading a broken copy gives; fails the test if the copy loads. */
export function loadError(dir: string): KnowledgeError {
  try {
    loadKnowledge(dir);
  } catch (error) {
    if (error instanceof KnowledgeError) return error;
    throw error;
  }
  throw new Error(`loadKnowledge accepted the broken knowledge in ${dir}`);
}
