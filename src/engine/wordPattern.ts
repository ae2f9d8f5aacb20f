/** Escapes a word for use inside a regular expression. */
function escapeWord(word: string): string {
  return word.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * A pattern matching any of the words or phrases as whole words, built from a data list. Longer
 * entries come first so a phrase wins over a word it starts with. The result is a plain
 * alternation of literals between word boundaries, so it cannot backtrack super-linearly. Entries
 * of one length are in code-unit order: which of them comes first cannot change a match (two that
 * match at one place match the same text), and localeCompare's first call loads ICU's collation
 * data, about a tenth of a one-question start-up (npm run ask).
 */
export function wordPattern(words: readonly string[], flags = ''): RegExp {
  const alternatives = [...new Set(words)].sort(
    (a, b) => b.length - a.length || (a < b ? -1 : a > b ? 1 : 0),
  );
  return new RegExp(`\\b(${alternatives.map(escapeWord).join('|')})\\b`, flags);
}
