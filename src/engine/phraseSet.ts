import { stem } from './analyze.ts';
import { tokenize } from './normalize.ts';

/** Words of normalised text, stemmed, so "doses"/"dose" and "excreted"/"excrete" meet. */
export function stemmedWords(normalized: string): string[] {
  return tokenize(normalized).map(stem);
}

/**
 * A word list (single words and phrases) matched against stemmed words: built once from data,
 * so a new wording is a new list entry, never a new regular expression.
 */
export class PhraseSet {
  private readonly byFirstWord = new Map<string, string[][]>();

  constructor(phrases: Iterable<string>) {
    for (const phrase of phrases) {
      const words = stemmedWords(phrase);
      const first = words[0];
      if (first === undefined) continue;
      const list = this.byFirstWord.get(first) ?? [];
      list.push(words);
      this.byFirstWord.set(first, list);
    }
  }

  /** How many times a phrase of the set starts in `words`. */
  count(words: readonly string[]): number {
    let found = 0;
    for (let i = 0; i < words.length; i++) {
      const candidates = this.byFirstWord.get(words[i] as string);
      if (!candidates) continue;
      if (candidates.some((phrase) => phrase.every((w, k) => words[i + k] === w))) found++;
    }
    return found;
  }

  matches(words: readonly string[]): boolean {
    return this.count(words) > 0;
  }
}
