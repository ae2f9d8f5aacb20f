import type { Topic } from '../kb/schema.ts';
import { stem } from './analyze.ts';
import { STOP_WORDS } from './lexicon.ts';
import { normalizeText, tokenize } from './normalize.ts';

/**
 * Finds pasted article text: every distinct fact quote (verbatim article text) indexed by its
 * pairs of neighbouring content words, so a message that pastes a good part of a quote points
 * at the topics carrying it.
 */

/**
 * A message holding at least this many word pairs of one fact quote (or this share of a short
 * quote's pairs, with two at least) quotes the article.
 */
const QUOTE_MIN_PAIRS = 3;
const QUOTE_MIN_SHARE = 0.6;
/** A word pair found in more quotes than this ("vitamin k2") says nothing about which one. */
const QUOTE_MAX_DF = 6;

/** Content words of a text, stemmed, paired with their neighbour: the quote index's keys. */
function contentPairs(text: string, vocabulary?: ReadonlySet<string>): string[] {
  const words = tokenize(text)
    .filter((w) => !STOP_WORDS.has(w))
    .map(stem);
  const pairs: string[] = [];
  for (let i = 1; i < words.length; i++) {
    const a = words[i - 1] as string;
    const b = words[i] as string;
    // A pair with a word no indexed pair has cannot be one: not worth making its key.
    if (vocabulary && !(vocabulary.has(a) && vocabulary.has(b))) continue;
    pairs.push(`${a} ${b}`);
  }
  return pairs;
}

export class QuoteIndex {
  /** Word pair → the quotes (by index) holding it. */
  private readonly quotePairs = new Map<string, number[]>();
  /** Each quote's count of distinctive pairs and the topics (by index) carrying it. */
  private readonly quotes: Array<{ pairs: number; topics: number[] }> = [];
  /** Every word of an indexed pair: a message's pair with any other word is in no quote. */
  private readonly pairWords = new Set<string>();

  /** @param normalize normalizeText, or a cached copy of it */
  constructor(topics: readonly Topic[], normalize: (text: string) => string = normalizeText) {
    const quoteIds = new Map<string, number>();
    topics.forEach((topic, topicIdx) => {
      for (const f of topic.facts) {
        const key = normalize(f.quote);
        let id = quoteIds.get(key);
        if (id === undefined) {
          id = this.quotes.length;
          quoteIds.set(key, id);
          const pairs = new Set(contentPairs(key));
          this.quotes.push({ pairs: pairs.size, topics: [] });
          for (const p of pairs) {
            const list = this.quotePairs.get(p);
            if (list) list.push(id);
            else this.quotePairs.set(p, [id]);
          }
        }
        const q = this.quotes[id];
        if (q && !q.topics.includes(topicIdx)) q.topics.push(topicIdx);
      }
    });
    for (const [p, ids] of this.quotePairs) if (ids.length > QUOTE_MAX_DF) this.quotePairs.delete(p);
    for (const p of this.quotePairs.keys()) for (const w of p.split(' ')) this.pairWords.add(w);
    for (const q of this.quotes) q.pairs = 0;
    for (const ids of this.quotePairs.values())
      for (const id of ids) (this.quotes[id] as { pairs: number }).pairs++;
  }

  /**
   * For each topic (by index) the largest share of one of its fact quotes that the text pastes,
   * counting only quotes pasted substantially (see QUOTE_MIN_PAIRS); empty when none is.
   */
  quotedShare(normalized: string): Map<number, number> {
    const out = new Map<number, number>();
    const found = new Map<number, number>();
    for (const p of new Set(contentPairs(normalized, this.pairWords))) {
      const ids = this.quotePairs.get(p);
      if (ids) for (const id of ids) found.set(id, (found.get(id) ?? 0) + 1);
    }
    for (const [id, n] of found) {
      const q = this.quotes[id];
      if (!q || q.pairs === 0) continue;
      const share = n / q.pairs;
      if (n < QUOTE_MIN_PAIRS && !(n >= 2 && share >= QUOTE_MIN_SHARE)) continue;
      for (const t of q.topics) out.set(t, Math.max(out.get(t) ?? 0, share));
    }
    return out;
  }
}
