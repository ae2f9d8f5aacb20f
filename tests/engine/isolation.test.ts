import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = join(import.meta.dirname, '..', '..');

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return /\.(ts|mts|js|mjs)$/.test(entry.name) ? [path] : [];
  });
}

/** Module specifiers of static imports, re-exports, dynamic imports and require calls. */
function importsOf(source: string): string[] {
  const specs: string[] = [];
  const patterns = [
    /\b(?:import|export)\s+(?:type\s+)?(?:[^'"`;]*?\s+from\s+)?['"]([^'"]+)['"]/g,
    /\bimport\s*\(\s*['"]([^'"]+)['"]\s*\)/g,
    /\brequire\s*\(\s*['"]([^'"]+)['"]\s*\)/g,
  ];
  for (const re of patterns) for (const m of source.matchAll(re)) if (m[1]) specs.push(m[1]);
  return specs;
}

const FORBIDDEN = [/^discord\.js(\/|$)/, /^@discordjs\//, /^dotenv(\/|$)/, /^pino(-pretty)?(\/|$)/];
const FS = /^(node:)?fs(\/promises)?$/;

describe('the knowledge base and engine stay free of Discord, config and logging', () => {
  const files = [...sourceFiles(join(root, 'src', 'kb')), ...sourceFiles(join(root, 'src', 'engine'))];

  it('finds the source files', () => {
    expect(files.length).toBeGreaterThan(5);
  });

  it.each(files.map((f) => [relative(root, f), f]))('%s', (name, file) => {
    const specs = importsOf(readFileSync(file, 'utf8'));
    for (const spec of specs) {
      for (const re of FORBIDDEN) expect(re.test(spec), `${name} imports ${spec}`).toBe(false);
      if (name.replaceAll('\\', '/') !== 'src/kb/load.ts') {
        expect(FS.test(spec), `${name} imports ${spec}; only src/kb/load.ts may read files`).toBe(false);
      }
    }
  });

  // Answer workers build their engine from knowledge the main thread validated; the engine's value
  // imports from kb/ must not load zod (about 5 MB of heap per worker thread, see scripts/build.mjs).
  const ZOD_FREE_KB = ['amountText.ts', 'categories.ts', 'language.ts', 'snapshot.ts', 'templates.ts'];
  it.each(sourceFiles(join(root, 'src', 'engine')).map((f) => [relative(root, f), f]))(
    '%s takes values from kb/ only from its zod-free modules',
    (name, file) => {
      const source = readFileSync(file, 'utf8');
      for (const m of source.matchAll(
        /\bimport\s+(?!type\s)[^'"`;]*?\s+from\s+['"]\.\.\/kb\/([^'"]+)['"]/g,
      )) {
        const clauses = m[0].replace(/^import\s+/, '').replace(/\s+from\s+.*$/s, '');
        const onlyTypes =
          /^\{[^}]*\}$/.test(clauses) &&
          clauses
            .slice(1, -1)
            .split(',')
            .every((c) => /^\s*(type\s|$)/.test(c));
        if (onlyTypes) continue;
        expect(
          ZOD_FREE_KB,
          `${name} imports values from kb/${m[1]}, which loads zod: fillText is in kb/templates.ts, CATEGORIES in kb/categories.ts`,
        ).toContain(m[1]);
      }
    },
  );

  it('detects a forbidden import (self-check of the scanner)', () => {
    expect(importsOf("import { Client } from 'discord.js';\nimport 'dotenv/config';")).toEqual([
      'discord.js',
      'dotenv/config',
    ]);
    expect(importsOf("const fs = await import('node:fs');")).toEqual(['node:fs']);
  });
});
