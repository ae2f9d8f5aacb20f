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
