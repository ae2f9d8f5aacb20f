import { tokenize } from './normalize.ts';

/**
 * Plural "s" dropped ("doses"/"dose", "kidneys"/"kidney"), nothing more: a full stemmer folds
 * "evening" into "even", which is no question about the time of day.
 */
function singular(word: string): string {
  return word.length > 3 && word.endsWith('s') && !/(ss|us|is|os)$/.test(word) ? word.slice(0, -1) : word;
}

/** Words of normalised text in singular, so a list entry matches both numbers. */
export function stemmedWords(normalized: string): string[] {
  return tokenize(normalized).map(singular);
}

/**
 * A word list (single words and phrases) matched against stemmed words: built once from data,
 * so a new wording is a new list entry, never a new regular expression.
 */
export class PhraseSet {
  private readonly byFirstWord = new Map<string, Array<{ words: string[]; phrase: string }>>();

  constructor(phrases: Iterable<string>) {
    for (const phrase of phrases) {
      const words = stemmedWords(phrase);
      const first = words[0];
      if (first === undefined) continue;
      const list = this.byFirstWord.get(first) ?? [];
      list.push({ words, phrase });
      this.byFirstWord.set(first, list);
    }
  }

  /** The first phrase of the set found in `words`, as the list writes it; null when none is. */
  find(words: readonly string[]): string | null {
    for (let i = 0; i < words.length; i++) {
      const candidates = this.byFirstWord.get(words[i] as string);
      const hit = candidates?.find((c) => c.words.every((w, k) => words[i + k] === w));
      if (hit) return hit.phrase;
    }
    return null;
  }

  /** Where the first phrase of the set starts in `words`, or -1. */
  firstIndex(words: readonly string[]): number {
    for (let i = 0; i < words.length; i++) {
      const candidates = this.byFirstWord.get(words[i] as string);
      if (candidates?.some((c) => c.words.every((w, k) => words[i + k] === w))) return i;
    }
    return -1;
  }

  /** How many times a phrase of the set starts in `words`. */
  count(words: readonly string[]): number {
    let found = 0;
    for (let i = 0; i < words.length; i++) {
      const candidates = this.byFirstWord.get(words[i] as string);
      if (!candidates) continue;
      if (candidates.some((c) => c.words.every((w, k) => words[i + k] === w))) found++;
    }
    return found;
  }

  matches(words: readonly string[]): boolean {
    return this.count(words) > 0;
  }
}
