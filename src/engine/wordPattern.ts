/** Escapes a word for use inside a regular expression. */
function escapeWord(word: string): string {
  return word.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * A pattern matching any of the words or phrases as whole words, built from a data list. Longer
 * entries come first so a phrase wins over a word it starts with. The result is a plain
 * alternation of literals between word boundaries, so it cannot backtrack super-linearly.
 */
export function wordPattern(words: readonly string[], flags = ''): RegExp {
  const alternatives = [...new Set(words)].sort((a, b) => b.length - a.length || a.localeCompare(b));
  return new RegExp(`\\b(${alternatives.map(escapeWord).join('|')})\\b`, flags);
}
