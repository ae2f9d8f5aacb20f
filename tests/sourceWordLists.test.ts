import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { type AST, RegExpParser } from '@eslint-community/regexpp';
import { parseSync } from 'oxc-parser';
import { describe, expect, it } from 'vitest';

/**
 * The language is data (knowledge/lexicon/): no hand-written word list hides in src/. This scans
 * every source file with the TypeScript parser and fails on
 *
 * - a regular expression literal, or a string or template literal that is a regular expression
 *   (it contains "|" and parses as one), with a group of more than MAX_ALTERNATIVES alternatives,
 *   or longer than MAX_PATTERN_CHARS characters with any alternation in it;
 * - an array literal of more than MAX_ARRAY_WORDS strings that are words (letters, spaces,
 *   hyphens and apostrophes only).
 *
 * Such lists belong in knowledge/lexicon/*.json, where the regular expressions are built from
 * them at load time (see knowledge/README.md). Exemptions are listed in EXEMPT with the reason.
 */

const SRC = join(import.meta.dirname, '..', 'src');
const MAX_ALTERNATIVES = 20;
const MAX_PATTERN_CHARS = 200;
const MAX_ARRAY_WORDS = 20;

/**
 * `file NAME` (the constant a literal is assigned to) → why it stays in code. Keep this short:
 * each entry is a list a newcomer would have to find outside the knowledge folder.
 */
const EXEMPT: Readonly<Record<string, string>> = {
  'kb/gateLexiconSchema.ts GATE_WORDING_NAMES':
    'the names of the wordings in lexicon/gate.json, so the schema rejects a missing or misspelled one; not words to match',
  'kb/languageSchema.ts PHRASE_LIST_NAMES':
    'the names of the lists in lexicon/phrases.json, so the schema rejects a missing or misspelled one; not words to match',
};

interface Finding {
  where: string;
  /** `file NAME` when the literal is (part of) the value of a named constant. */
  owner: string | null;
  what: string;
}

interface OxcNode {
  type: string;
  start: number;
  value?: unknown;
  regex?: { pattern: string; flags: string };
  elements?: (OxcNode | null)[];
  quasis?: { value: { cooked?: string | null } }[];
  [key: string]: unknown;
}

const regexParser = new RegExpParser();

/** The largest number of alternatives in one group (or the whole pattern), or null when it is not a regular expression. */
function widestAlternation(pattern: string, flags: string): number | null {
  let ast: AST.Pattern;
  try {
    ast = regexParser.parsePattern(pattern, 0, pattern.length, { unicode: flags.includes('u') });
  } catch {
    return null;
  }
  let widest = 0;
  const visit = (node: AST.Node): void => {
    if ('alternatives' in node) {
      widest = Math.max(widest, node.alternatives.length);
      for (const alternative of node.alternatives) for (const element of alternative.elements) visit(element);
    } else if (node.type === 'Quantifier') {
      visit(node.element);
    }
  };
  visit(ast);
  return widest;
}

function patternProblem(pattern: string, flags: string): string | null {
  const widest = widestAlternation(pattern, flags);
  if (widest === null || widest < 2) return null;
  if (widest > MAX_ALTERNATIVES) return `an alternation of ${widest} alternatives`;
  if (pattern.length > MAX_PATTERN_CHARS)
    return `an alternation in a pattern of ${pattern.length} characters`;
  return null;
}

const WORD = /^[\p{L}\p{N}][\p{L}\p{N} '’-]*$/u;

function lineAt(text: string, offset: number): number {
  let line = 1;
  for (let i = 0; i < offset; i++) if (text.charCodeAt(i) === 10) line++;
  return line;
}

/** Every literal in `text` that is a hand-written word list. */
function wordListLiterals(file: string, text: string): Finding[] {
  const { program, errors } = parseSync(file, text);
  if (errors.length > 0) throw new Error(`${file} does not parse: ${errors[0]?.message}`);
  const findings: Finding[] = [];
  let owner: string | null = null;
  const report = (node: OxcNode, what: string) =>
    findings.push({ where: `${file}:${lineAt(text, node.start)}`, owner, what });
  const walk = (node: unknown): void => {
    if (Array.isArray(node)) {
      for (const child of node) walk(child);
      return;
    }
    if (node === null || typeof node !== 'object') return;
    const n = node as OxcNode;
    if (n.type === 'Literal' && n.regex) {
      const problem = patternProblem(n.regex.pattern, n.regex.flags);
      if (problem) report(n, `regular expression with ${problem}`);
    } else if (n.type === 'Literal' && typeof n.value === 'string' && n.value.includes('|')) {
      const problem = patternProblem(n.value, '');
      if (problem) report(n, `string pattern with ${problem}`);
    } else if (n.type === 'TemplateLiteral' && n.quasis) {
      // Interpolations stand for one alternative each: what is written by hand is what counts.
      const written = n.quasis.map((q) => q.value.cooked ?? '').join('x');
      const problem = written.includes('|') ? patternProblem(written, '') : null;
      if (problem) report(n, `template pattern with ${problem}`);
    } else if (n.type === 'ArrayExpression' && n.elements) {
      const strings = n.elements.filter(
        (e): e is OxcNode => e?.type === 'Literal' && typeof e.value === 'string' && WORD.test(e.value),
      );
      if (strings.length > MAX_ARRAY_WORDS) report(n, `array of ${strings.length} words`);
    }
    const outer = owner;
    const id = n.type === 'VariableDeclarator' ? (n.id as { name?: string } | undefined)?.name : undefined;
    if (id) owner = `${file} ${id}`;
    for (const key of Object.keys(n)) if (key !== 'parent') walk(n[key]);
    owner = outer;
  };
  walk(program);
  return findings;
}

function sourceFiles(): string[] {
  return readdirSync(SRC, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile() && entry.name.endsWith('.ts'))
    .map((entry) => join(entry.parentPath, entry.name));
}

describe('the word-list scan itself', () => {
  it.each([
    [
      'a long regex alternation',
      `const a = /\\b(${Array.from({ length: 21 }, (_, i) => `w${i}`).join('|')})\\b/;`,
    ],
    ['a long regex', `const a = /\\b(one|two)\\b${'[^.?!]{0,9}x'.repeat(20)}/;`],
    ['a string pattern', `const a = '(${Array.from({ length: 21 }, (_, i) => `w${i}`).join('|')})';`],
    [
      'a template pattern',
      `const a = \`\\\\b(\${x}|${Array.from({ length: 21 }, (_, i) => `w${i}`).join('|')})\`;`,
    ],
    ['a word array', `const a = [${Array.from({ length: 21 }, (_, i) => `'word ${i}'`).join(', ')}];`],
  ])('flags %s', (_what, code) => {
    expect(wordListLiterals('sample.ts', code)).toHaveLength(1);
  });

  it('names the constant a literal belongs to, for exemptions', () => {
    const code = `export const NAMES = [${Array.from({ length: 21 }, (_, i) => `'name${i}'`).join(', ')}] as const;`;
    expect(wordListLiterals('sample.ts', code).map((f) => f.owner)).toEqual(['sample.ts NAMES']);
  });

  it.each([
    ['a short alternation', 'const a = /\\b(yes|no|maybe)\\b/;'],
    ['a long pattern without alternation', `const a = /${'[a-z]{2,9}\\d'.repeat(30)}/;`],
    ['a sentence with a bar', "const a = 'a | b';"],
    ['an array of numbers', `const a = [${Array.from({ length: 30 }, (_, i) => i).join(', ')}];`],
    ['an array of ids', `const a = [${Array.from({ length: 30 }, (_, i) => `'a.b${i}'`).join(', ')}];`],
  ])('passes %s', (_what, code) => {
    expect(wordListLiterals('sample.ts', code)).toEqual([]);
  });
});

describe('src/', () => {
  it('holds no hand-written word list outside the exemptions', () => {
    const findings = sourceFiles().flatMap((path) =>
      wordListLiterals(relative(SRC, path), readFileSync(path, 'utf8')),
    );
    const unexempted = findings
      .filter((f) => f.owner === null || !(f.owner in EXEMPT))
      .map((f) => `${f.where}: ${f.what}`);
    expect(unexempted).toEqual([]);
  });
});
