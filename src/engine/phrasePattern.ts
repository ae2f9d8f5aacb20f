import type { PhraseList } from '../kb/languageSchema.ts';

/**
 * Regular expressions from the phrase lists of knowledge/lexicon/ (declines.json, phrases.json,
 * gate.json). A list gives whole `words` (the pattern is `\b(one|two|…)\b`) or `patterns` used as
 * written (`one|two|…`); the alternatives keep the file's order, so a match ends where it did
 * when the list was one hand-written expression.
 */

export type { PhraseList };

/** The source of a list's pattern, for use inside larger patterns. */
export function phraseSource(list: PhraseList): string {
  return list.words ? `\\b(${list.words.join('|')})\\b` : (list.patterns ?? []).join('|');
}

/** The regular expression of a phrase list. */
export function phraseRegex(list: PhraseList, flags = ''): RegExp {
  return new RegExp(phraseSource(list), flags);
}

/** A list's alternatives joined with "|", to put inside a group of a larger pattern. */
export function alternation(list: PhraseList): string {
  return (list.words ?? list.patterns ?? []).join('|');
}

/** A list's alternatives as one group, `(one|two|…)` (or `(?:one|two|…)`), to build larger patterns. */
export function anyOf(list: PhraseList, options: { capture?: boolean } = {}): string {
  const open = options.capture === false ? '(?:' : '(';
  return `${open}${alternation(list)})`;
}

/** The top-level alternatives of a pattern's source: `a|(b|c)|d` → `a`, `(b|c)`, `d`. */
function topLevelAlternatives(source: string): string[] {
  const alternatives: string[] = [];
  let depth = 0;
  let inClass = false;
  let start = 0;
  for (let i = 0; i < source.length; i++) {
    const c = source[i];
    if (c === '\\') i++;
    else if (inClass) inClass = c !== ']';
    else if (c === '[') inClass = true;
    else if (c === '(') depth++;
    else if (c === ')') depth--;
    else if (c === '|' && depth === 0) {
      alternatives.push(source.slice(start, i));
      start = i + 1;
    }
  }
  alternatives.push(source.slice(start));
  return alternatives;
}

/**
 * One expression that matches where any of `patterns` does: a precheck before trying them one by
 * one, since most messages match none and one scan of the union costs less than a scan each.
 * Patterns whose every alternative opens with `\b` share one `\b` in front, so that the scan
 * passes over the inside of words at once. Only patterns without flags (a global flag is ignored)
 * and without back-references mean the same inside the union.
 */
export function unionOf(patterns: readonly RegExp[]): RegExp {
  for (const re of patterns) {
    if (re.flags.replace('g', '') !== '' || /\\[1-9]|\\k</.test(re.source))
      throw new Error(`unionOf: /${re.source}/${re.flags} would mean something else inside a union`);
  }
  const group = (sources: readonly string[]) => sources.map((s) => `(?:${s})`).join('|');
  const opensWord = (re: RegExp) => topLevelAlternatives(re.source).every((a) => a.startsWith('\\b'));
  const atWordStart = patterns.filter(opensWord).map((re) => re.source);
  const elsewhere = patterns.filter((re) => !opensWord(re)).map((re) => re.source);
  const parts = [...(atWordStart.length > 0 ? [`\\b(?:${group(atWordStart)})`] : []), ...elsewhere];
  return new RegExp(parts.map((p) => `(?:${p})`).join('|'));
}
