import { language } from '../kb/language.ts';
import { tokenize } from './normalize.ts';
import { rememberLast } from './rememberLast.ts';

/**
 * Plural "s" dropped ("doses"/"dose", "kidneys"/"kidney"), nothing more: a full stemmer folds
 * "evening" into "even", which is no question about the time of day. "-ies" and a final "-ie" are
 * both "-y", so each number of "artery"/"arteries" and of "veggie"/"veggies" reads the same.
 */
function singular(word: string): string {
  // String tests rather than a regular expression: this runs for every word of every text.
  if (word.length > 4 && word.endsWith('ie')) return `${word.slice(0, -2)}y`;
  if (word.length <= 3 || !word.endsWith('s') || IS_CONTRACTIONS.has(word)) return word;
  if (word.length > 4 && word.endsWith('ies')) return `${word.slice(0, -3)}y`;
  const before = word.charAt(word.length - 2);
  return before === 's' || before === 'u' || before === 'i' || before === 'o' ? word : word.slice(0, -1);
}

/**
 * "whats" is "what is", not a plural of "what": singular, it made every "what" question ("what
 * dose should i take") ask for a definition, the focus list's "whats" entry.
 */
const IS_CONTRACTIONS: ReadonlySet<string> = new Set([
  'whats',
  'thats',
  'hows',
  'wheres',
  'whos',
  'heres',
  'theres',
  'whens',
  'whys',
]);

/**
 * Words of normalised text in singular, so a list entry matches both numbers. Like tokenize, the
 * last text's words are kept, read-only: the focus, compose and claim steps read the same message.
 */
export const stemmedWords: (normalized: string) => readonly string[] = rememberLast((normalized) =>
  tokenize(normalized).map((word) => singular(chatSpellings().get(word) ?? word)),
);

/** words.json `chatSpellings`, read when first needed: the language is installed before any text is read. */
let spellings: ReadonlyMap<string, string> | null = null;
export function chatSpellings(): ReadonlyMap<string, string> {
  spellings ??= new Map(language().words.chatSpellings.map((s) => [s.written, s.means]));
  return spellings;
}

/** Whether `phrase` (as words) starts at word `at` of `words`. A loop: no closure per candidate. */
export function startsAt(words: readonly string[], at: number, phrase: readonly string[]): boolean {
  for (let k = 0; k < phrase.length; k++) if (words[at + k] !== phrase[k]) return false;
  return true;
}

/** The first of `phrases` (as words) that starts at word `at` of `words`, or undefined. */
export function firstPhraseAt(
  words: readonly string[],
  at: number,
  phrases: ReadonlyArray<readonly string[]> | undefined,
): readonly string[] | undefined {
  if (phrases === undefined) return undefined;
  for (const phrase of phrases) if (startsAt(words, at, phrase)) return phrase;
  return undefined;
}

/**
 * A word list (single words and phrases) matched against stemmed words: built once from data,
 * so a new wording is a new list entry, never a new regular expression.
 */
export class PhraseSet {
  private readonly byFirstWord = new Map<string, Array<{ words: readonly string[]; phrase: string }>>();

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
      const hit = this.phraseAt(words, i);
      if (hit) return hit.phrase;
    }
    return null;
  }

  /** Where the first phrase of the set starts in `words`, or -1. */
  firstIndex(words: readonly string[]): number {
    for (let i = 0; i < words.length; i++) if (this.phraseAt(words, i)) return i;
    return -1;
  }

  /** How many times a phrase of the set starts in `words`. */
  count(words: readonly string[]): number {
    let found = 0;
    for (let i = 0; i < words.length; i++) if (this.phraseAt(words, i)) found++;
    return found;
  }

  matches(words: readonly string[]): boolean {
    return this.firstIndex(words) >= 0;
  }

  /**
   * The first phrase of the set (in list order) that starts at word `at`, or undefined. Plain
   * loops: this runs for every word of every fact when the fact index is built.
   */
  private phraseAt(
    words: readonly string[],
    at: number,
  ): { words: readonly string[]; phrase: string } | undefined {
    const candidates = this.byFirstWord.get(words[at] as string);
    if (candidates === undefined) return undefined;
    for (const candidate of candidates) {
      const phrase = candidate.words;
      let k = 1;
      while (k < phrase.length && words[at + k] === phrase[k]) k++;
      if (k === phrase.length) return candidate;
    }
    return undefined;
  }
}

/**
 * Several word lists read in one pass over the words: one lookup per word for all of them, where
 * a PhraseSet per list would look each word up once per list. Each method gives, for every list,
 * what that list's PhraseSet would.
 */
export class PhraseLists {
  /** By first word: the phrases starting with it, each list's in its own order. */
  private readonly byFirstWord = new Map<
    string,
    Array<{ list: number; words: readonly string[]; phrase: string }>
  >();
  readonly length: number;
  /**
   * Whether only the longest phrases starting at a place count there: "how do they know" asks for
   * evidence, and its "how do" then asks no mechanism.
   */
  private readonly longestAtEachPlace: boolean;

  constructor(lists: ReadonlyArray<Iterable<string>>, options: { longestAtEachPlace?: boolean } = {}) {
    this.length = lists.length;
    this.longestAtEachPlace = options.longestAtEachPlace === true;
    lists.forEach((phrases, list) => {
      for (const phrase of phrases) {
        const words = stemmedWords(phrase);
        const first = words[0];
        if (first === undefined) continue;
        const entries = this.byFirstWord.get(first) ?? [];
        entries.push({ list, words, phrase });
        this.byFirstWord.set(first, entries);
      }
    });
  }

  /** Calls `found(list, phrase, at)` for every phrase of every list that starts in `words`, in word order. */
  private scan(words: readonly string[], found: (list: number, phrase: string, at: number) => void): void {
    for (let i = 0; i < words.length; i++) {
      const candidates = this.byFirstWord.get(words[i] as string);
      if (!candidates) continue;
      let longest = 0;
      if (this.longestAtEachPlace)
        for (const c of candidates)
          if (c.words.length > longest && startsAt(words, i, c.words)) longest = c.words.length;
      for (const c of candidates) {
        if (c.words.length >= longest && startsAt(words, i, c.words)) found(c.list, c.phrase, i);
      }
    }
  }

  /** For each list, PhraseSet.count: at how many places one of its phrases starts. */
  counts(words: readonly string[]): number[] {
    const counts = new Array<number>(this.length).fill(0);
    const countedAt = new Array<number>(this.length).fill(-1);
    this.scan(words, (list, _phrase, at) => {
      if (countedAt[list] === at) return;
      countedAt[list] = at;
      counts[list] = (counts[list] as number) + 1;
    });
    return counts;
  }

  /** For each list, PhraseSet.find: its first phrase found, or null. */
  firstPhrases(words: readonly string[]): Array<string | null> {
    const phrase = new Array<string | null>(this.length).fill(null);
    this.scan(words, (list, p) => {
      if (phrase[list] === null) phrase[list] = p;
    });
    return phrase;
  }

  /** For each list, PhraseSet.firstIndex: where its first phrase starts, or -1. */
  firstPlaces(words: readonly string[]): number[] {
    const at = new Array<number>(this.length).fill(-1);
    this.scan(words, (list, _phrase, i) => {
      if (at[list] === -1) at[list] = i;
    });
    return at;
  }
}
