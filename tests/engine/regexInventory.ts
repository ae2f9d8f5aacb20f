import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseSync } from 'oxc-parser';
import type { Engine } from '../../src/engine/index.ts';

/**
 * Every regular expression the engine runs, for the backtracking check (regexSafety.test.ts)
 * and the adversarial inputs (adversarial.ts). Literals are read from the source files; the
 * expressions built at run time (from word lists in safety.ts, lexicon.ts, declines.ts, …) are
 * caught as they are constructed, and each `new RegExp` call site must be seen doing so.
 */

export const ENGINE_DIR = join(import.meta.dirname, '..', '..', 'src', 'engine');

export interface EngineRegex {
  source: string;
  flags: string;
  /** `file.ts:line` of the literal or of the `new RegExp` call that built it. */
  where: string;
}

interface OxcNode {
  type: string;
  start: number;
  regex?: { pattern: string; flags: string };
  callee?: { type: string; name?: string };
  [key: string]: unknown;
}

function lineAt(text: string, offset: number): number {
  let line = 1;
  for (let i = 0; i < offset; i++) if (text.charCodeAt(i) === 10) line++;
  return line;
}

/** Regex literals in the engine's source, and the `file.ts:line` of each `new RegExp` / `RegExp(` call. */
export function scanEngineSource(): { literals: EngineRegex[]; constructorSites: string[] } {
  const literals: EngineRegex[] = [];
  const constructorSites: string[] = [];
  for (const file of readdirSync(ENGINE_DIR).filter((f) => f.endsWith('.ts'))) {
    const text = readFileSync(join(ENGINE_DIR, file), 'utf8');
    const { program, errors } = parseSync(file, text);
    if (errors.length > 0) throw new Error(`${file} does not parse: ${errors[0]?.message}`);
    const walk = (node: unknown): void => {
      if (Array.isArray(node)) {
        for (const child of node) walk(child);
        return;
      }
      if (node === null || typeof node !== 'object') return;
      const n = node as OxcNode;
      if (n.type === 'Literal' && n.regex) {
        literals.push({
          source: n.regex.pattern,
          flags: n.regex.flags,
          where: `${file}:${lineAt(text, n.start)}`,
        });
      }
      if ((n.type === 'NewExpression' || n.type === 'CallExpression') && n.callee?.name === 'RegExp') {
        constructorSites.push(`${file}:${lineAt(text, n.start)}`);
      }
      for (const key of Object.keys(n)) if (key !== 'parent') walk(n[key]);
    };
    walk(program);
  }
  return { literals, constructorSites };
}

/**
 * Runs `work` with the global RegExp constructor watched, and returns each expression an engine
 * module built, with the call site. Only the direct caller counts, so a library that the engine
 * calls (fuse.js) is not mistaken for engine code.
 */
export async function watchConstructedRegexes(work: () => Promise<void>): Promise<EngineRegex[]> {
  const seen: EngineRegex[] = [];
  const original = globalThis.RegExp;
  globalThis.RegExp = new Proxy(original, {
    construct(target, args, newTarget) {
      const re = Reflect.construct(
        target,
        args,
        newTarget === globalThis.RegExp ? target : newTarget,
      ) as RegExp;
      const caller = new Error().stack?.split('\n')[2] ?? '';
      const site = /src[\\/]engine[\\/](\w+\.ts):(\d+)/.exec(caller);
      if (site) seen.push({ source: re.source, flags: re.flags, where: `${site[1]}:${site[2]}` });
      return re;
    },
  });
  try {
    await work();
  } finally {
    globalThis.RegExp = original;
  }
  return seen;
}

/** One entry per distinct source and flags (the first place it was found). */
export function distinct(regexes: readonly EngineRegex[]): EngineRegex[] {
  const byKey = new Map<string, EngineRegex>();
  for (const r of regexes) {
    const key = `/${r.source}/${r.flags}`;
    if (!byKey.has(key)) byKey.set(key, r);
  }
  return [...byKey.values()];
}

const DEV_SET = join(import.meta.dirname, '..', 'fixtures', 'questions.dev.jsonl');

export interface EngineRegexes {
  /** Regex literals in the source. */
  literals: EngineRegex[];
  /** Expressions built by `new RegExp` while the engine loaded and answered the development set. */
  constructed: EngineRegex[];
  /** `file.ts:line` of every `new RegExp` call in the source. */
  constructorSites: string[];
  /** Both, one entry per distinct expression. */
  all: EngineRegex[];
  /** The engine built while watching. */
  engine: Engine;
}

/**
 * Loads the engine with the RegExp constructor watched and answers the development set (and a
 * few autocomplete prefixes) with it, so that every expression the engine builds is seen. The
 * engine modules must not have been imported in this process before.
 *
 * `questionStride` answers every n-th question only. Nearly every expression is built while the
 * engine loads (5,786 constructions, against 2,766 for all 2,749 questions, each a regex literal of
 * normalize.ts: measured 2026-12-01), and answering the whole set under the watch costs about 7 CPU-s;
 * a site that only some question reaches and the sample misses fails regexSafety's "is found" test.
 */
export async function collectEngineRegexes(
  options: { questionStride?: number } = {},
): Promise<EngineRegexes> {
  const stride = Math.max(1, options.questionStride ?? 1);
  const { literals, constructorSites } = scanEngineSource();
  let engine: Engine | undefined;
  const constructed = await watchConstructedRegexes(async () => {
    const { createEngine } = await import('../../src/engine/index.ts');
    const { loadKnowledge } = await import('../../src/kb/load.ts');
    engine = createEngine(loadKnowledge());
    const questions = readFileSync(DEV_SET, 'utf8')
      .split('\n')
      .filter((line) => line.trim() !== '')
      .map((line) => (JSON.parse(line) as { q: string }).q)
      .filter((_, index) => index % stride === 0);
    for (const q of questions) engine.ask(q);
    for (const q of questions.slice(0, 200)) engine.suggestTopics(q.slice(0, 8));
  });
  if (!engine) throw new Error('the engine was not built');
  return { literals, constructed, constructorSites, all: distinct([...literals, ...constructed]), engine };
}
