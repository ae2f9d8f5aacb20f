import type { Topic } from '../kb/schema.ts';
import { stem } from './analyze.ts';
import { editDistance, prefixEditDistance } from './editDistance.ts';
import { normalizeText, tokenize } from './normalize.ts';

/**
 * The fuzzy tier of autocomplete: every word of the topics' titles, keywords and sample questions,
 * indexed once at load, so that a keystroke costs a few lookups in a vocabulary of a few hundred
 * words instead of a fuzzy scan of every sentence. A topic is offered when one of its titles,
 * keywords or questions accounts for most of what was typed: the unfinished last word counts as
 * the start of a word, and a typo (within one or two edits, same first letter, as typos go, see
 * Analyzer.correct) counts for its letters less its edits.
 */

/** How much a field counts: titles name the topic, keywords describe it, questions only ask. */
const FIELD_WEIGHTS = [3, 2, 1] as const;

/**
 * Share of the typed letters one title, keyword or question must account for. Set, with the
 * other constants here, by how often the development questions' expected topic comes first,
 * in the top 3 and in the top 5 while they are typed (scripts/dumpEngineOutputs.ts).
 */
const MIN_COVERAGE = 0.4;
/**
 * A phrase counts by its coverage to this power: one phrase covering all of the text beats
 * several covering half of it, yet a topic with many close phrases still beats one with one.
 */
const COVERAGE_POWER = 4;
/** Typos are looked for in words at least this long ("mny" for "many"). */
const MIN_TYPO_LENGTH = 3;
/** Words longer than this may carry two typos. */
const ONE_TYPO_MAX_LENGTH = 7;
/** The first words of a long text are enough to rank by; the rest cost without changing much. */
const MAX_QUERY_WORDS = 12;

const DIGITS = /^\d+$/;
/** A text ending in a letter or digit is still being typed: its last word is unfinished. */
const ENDS_IN_WORD = /[\p{L}\p{N}]$/u;

interface Phrase {
  topic: number;
  /** Index into FIELD_WEIGHTS. */
  field: number;
}

interface IndexedWord {
  word: string;
  /** The phrases (by index) using the word. */
  phrases: number[];
}

/** The words of a text, plus each number joined to its neighbours ("mk-7" is also "mk7"). */
function wordsOf(normalized: string): string[] {
  const tokens = tokenize(normalized);
  const out = [...tokens];
  for (let i = 0; i + 1 < tokens.length; i++) {
    const a = tokens[i] as string;
    const b = tokens[i + 1] as string;
    if (DIGITS.test(a) || DIGITS.test(b)) out.push(a + b);
  }
  return out;
}

export class SuggestIndex {
  private readonly phrases: Phrase[] = [];
  private readonly words = new Map<string, IndexedWord>();
  private readonly byStem = new Map<string, IndexedWord[]>();
  /** Words by first letter: started words and typos keep it. */
  private readonly byInitial = new Map<string, IndexedWord[]>();
  private readonly topicCount: number;

  /** @param normalize normalizeText, or a cached copy of it */
  constructor(topics: readonly Topic[], normalize: (text: string) => string = normalizeText) {
    this.topicCount = topics.length;
    topics.forEach((topic, index) => {
      const fields = [[topic.title], topic.keywords, topic.questions];
      fields.forEach((texts, field) => {
        for (const text of texts) {
          const phrase = this.phrases.length;
          this.phrases.push({ topic: index, field });
          for (const word of new Set(wordsOf(normalize(text)))) {
            let entry = this.words.get(word);
            if (!entry) {
              entry = { word, phrases: [] };
              this.words.set(word, entry);
            }
            entry.phrases.push(phrase);
          }
        }
      });
    });
    for (const entry of this.words.values()) {
      const s = stem(entry.word);
      const sameStem = this.byStem.get(s);
      if (sameStem) sameStem.push(entry);
      else this.byStem.set(s, [entry]);
      const initial = entry.word[0] as string;
      const sameInitial = this.byInitial.get(initial);
      if (sameInitial) sameInitial.push(entry);
      else this.byInitial.set(initial, [entry]);
    }
  }

  /**
   * Topics (by index) with a title, keyword or question resembling the text, best first (ties in
   * topic order), skipping `exclude`. `normalized` is normalizeText output.
   */
  rank(normalized: string, exclude: ReadonlySet<number> = new Set()): number[] {
    const tokens = tokenize(normalized);
    if (tokens.length === 0) return [];
    const unfinished = ENDS_IN_WORD.test(normalized) ? tokens.at(-1) : undefined;
    const query = tokens.slice(0, MAX_QUERY_WORDS);
    if (unfinished !== undefined && query.at(-1) !== unfinished) query.push(unfinished);

    let typed = 0;
    for (const q of query) typed += q.length;
    // Letters of the text each phrase accounts for.
    const covered = new Float64Array(this.phrases.length);
    const forWord = new Float64Array(this.phrases.length);
    query.forEach((q, i) => {
      forWord.fill(0);
      const last = i === query.length - 1 && q === unfinished;
      for (const [entry, letters] of this.matches(q, last)) {
        for (const p of entry.phrases) if (letters > (forWord[p] as number)) forWord[p] = letters;
      }
      for (let p = 0; p < covered.length; p++) covered[p] = (covered[p] as number) + (forWord[p] as number);
    });

    // A topic adds up its phrases' coverage by field weight: one that matches in its title,
    // keywords and questions beats one that matches in a question only.
    const scores = new Float64Array(this.topicCount);
    this.phrases.forEach((phrase, p) => {
      const coverage = (covered[p] as number) / typed;
      if (coverage >= MIN_COVERAGE) {
        scores[phrase.topic] =
          (scores[phrase.topic] as number) +
          coverage ** COVERAGE_POWER * (FIELD_WEIGHTS[phrase.field] as number);
      }
    });
    const ranked: number[] = [];
    for (let t = 0; t < this.topicCount; t++)
      if ((scores[t] as number) > 0 && !exclude.has(t)) ranked.push(t);
    return ranked.sort((a, b) => (scores[b] as number) - (scores[a] as number) || a - b);
  }

  /**
   * The indexed words one typed word may stand for, each with how many of its letters that
   * accounts for: all of them for the word itself or the start of a word, fewer by each edit.
   */
  private matches(typed: string, unfinished: boolean): Map<IndexedWord, number> {
    const found = new Map<IndexedWord, number>();
    const offer = (entry: IndexedWord, letters: number) => {
      if (letters > (found.get(entry) ?? 0)) found.set(entry, letters);
    };
    const exact = this.words.get(typed);
    if (exact) offer(exact, typed.length);
    for (const entry of this.byStem.get(stem(typed)) ?? []) {
      offer(entry, typed.length - Math.abs(typed.length - entry.word.length));
    }
    const sameInitial = this.byInitial.get(typed[0] as string) ?? [];
    if (unfinished) {
      for (const entry of sameInitial) if (entry.word.startsWith(typed)) offer(entry, typed.length);
    }
    if (typed.length >= MIN_TYPO_LENGTH && !/\d/.test(typed)) {
      const maxEdits = typed.length <= ONE_TYPO_MAX_LENGTH ? 1 : 2;
      for (const entry of sameInitial) {
        const edits = unfinished
          ? prefixEditDistance(typed, entry.word, maxEdits)
          : editDistance(typed, entry.word, maxEdits);
        if (edits > 0 && edits <= maxEdits) offer(entry, typed.length - edits);
      }
    }
    return found;
  }
}
