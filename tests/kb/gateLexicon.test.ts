import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { KnowledgeError, loadLanguage } from '../../src/kb/load.ts';

const KNOWLEDGE = join(import.meta.dirname, '..', '..', 'knowledge');
const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

/** A copy of the knowledge folder with lexicon/gate.json changed by `edit`. */
function withGateFile(edit: (data: Record<string, unknown>) => void): string {
  const dir = mkdtempSync(join(tmpdir(), 'k2-gate-'));
  dirs.push(dir);
  cpSync(KNOWLEDGE, dir, { recursive: true });
  const file = join(dir, 'lexicon', 'gate.json');
  const data = JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>;
  edit(data);
  writeFileSync(file, JSON.stringify(data));
  return dir;
}

describe('knowledge/lexicon/gate.json', () => {
  it('loads the repository file', () => {
    const { gate } = loadLanguage(KNOWLEDGE);
    expect(gate.person).toContain('my');
    expect(gate.ongoing).toContain('now');
  });

  it.each([
    ['a word listed twice', (d: Record<string, unknown>) => (d.pills as string[]).push('pills'), 'pills'],
    ['punctuation in a word', (d: Record<string, unknown>) => (d.child as string[]).push('kid|s'), 'child'],
    ['an upper-case word', (d: Record<string, unknown>) => (d.animals as string[]).push('Dog'), 'animals'],
    ['a missing list', (d: Record<string, unknown>) => delete d.ongoing, 'ongoing'],
  ])('rejects %s, naming the field', (_what, edit, field) => {
    const dir = withGateFile(edit);
    expect(() => loadLanguage(dir)).toThrow(KnowledgeError);
    expect(() => loadLanguage(dir)).toThrow(new RegExp(`gate\\.json[\\s\\S]*${field}`));
  });
});
