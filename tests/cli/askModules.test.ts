import { readFileSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { dirname, join, relative, resolve } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { BUILD_TIMEOUT_MS, compiled, ensureBuilt, REPO_ROOT } from '../compiled.ts';

// `npm run ask` answers one question and exits: what it loads is its start-up time. It must not load
// Discord, the logger, dotenv or a database driver, and its build is one file (scripts/build.mjs).

const BOT_ONLY = [
  /^discord\.js(\/|$)/,
  /^@discordjs\//,
  /^pino(-pretty)?(\/|$)/,
  /^dotenv(\/|$)/,
  /^better-sqlite3$/,
  /^pg$/,
  /^prom-client$/,
];

/** Specifiers of value imports (static, re-exports, dynamic); `import type` is erased by the compiler. */
function valueImportsOf(source: string): string[] {
  const specs: string[] = [];
  for (const m of source.matchAll(
    /\b(?:import|export)\s+(?!type\s)(?:[^'"`;]*?\s+from\s+)?['"]([^'"]+)['"]/g,
  ))
    if (m[1]) specs.push(m[1]);
  for (const m of source.matchAll(/\bimport\s*\(\s*['"]([^'"]+)['"]\s*\)/g)) if (m[1]) specs.push(m[1]);
  return specs;
}

/** Every source module reachable from `entry` through value imports, and the packages they import. */
function moduleGraph(entry: string): { modules: string[]; packages: Map<string, string> } {
  const modules: string[] = [];
  const packages = new Map<string, string>();
  const visit = (file: string) => {
    if (modules.includes(file)) return;
    modules.push(file);
    for (const spec of valueImportsOf(readFileSync(file, 'utf8'))) {
      if (spec.startsWith('.')) visit(resolve(dirname(file), spec));
      else if (!spec.startsWith('node:')) packages.set(spec, relative(REPO_ROOT, file));
    }
  };
  visit(entry);
  return { modules, packages };
}

describe('the one-question CLI loads only what answering needs', () => {
  it('reaches no Discord, logger, dotenv or database module from src/cli/ask.ts', () => {
    const { modules, packages } = moduleGraph(join(REPO_ROOT, 'src', 'cli', 'ask.ts'));
    expect(modules.length).toBeGreaterThan(20);
    expect(modules.some((m) => m.includes(`${join('src', 'discord')}`))).toBe(false);
    for (const [spec, from] of packages) {
      for (const re of BOT_ONLY) expect(re.test(spec), `${from} imports ${spec}`).toBe(false);
    }
  });

  it('the scanner sees a dynamic import and ignores a type import (self-check)', () => {
    expect(
      valueImportsOf("import type { Client } from 'discord.js';\nconst { x } = await import('pino');"),
    ).toEqual(['pino']);
  });

  describe('its build', () => {
    beforeAll(() => ensureBuilt(), BUILD_TIMEOUT_MS);

    it('is one file: dist/cli/askCommand.js imports nothing but Node built-ins', () => {
      const bundle = readFileSync(compiled('cli/askCommand.js'), 'utf8');
      const imported = valueImportsOf(bundle);
      expect(imported.length).toBeGreaterThan(0);
      const builtins = new Set(builtinModules);
      for (const spec of imported) {
        expect(spec.startsWith('node:') || builtins.has(spec), `dist/cli/askCommand.js imports ${spec}`).toBe(
          true,
        );
      }
      expect(bundle).not.toMatch(/discord\.js|@discordjs/);
    });

    it('answers in one file: dist/cli/ask.js holds the engine without zod, and imports askCommand.js only to validate', () => {
      const cli = readFileSync(compiled('cli/ask.js'), 'utf8');
      const local = valueImportsOf(cli).filter((spec) => !spec.startsWith('node:'));
      expect(local).toEqual(['./askCommand.js']);
      expect(cli).toMatch(/await import\(['"]\.\/askCommand\.js['"]\)/);
      expect(cli).toContain('function createEngine(');
      expect(cli).not.toMatch(/node_modules\/zod\//);
      // The validating bundle does hold zod: that is why ask.js loads it only when it must.
      expect(readFileSync(compiled('cli/askCommand.js'), 'utf8')).toMatch(/node_modules\/zod\//);
    });
  });
});
