import type { Topic } from '../kb/schema.ts';
import { type Analysis, Analyzer } from './analyze.ts';
import { GATE_WORDS } from './gateTypos.ts';
import { CONCEPT_WEIGHTS, CONCEPTS, GENERAL_HEALTH_TERMS, GENERIC_TERMS } from './lexicon.ts';
import { normalizeText, tokenize } from './normalize.ts';
import type { PreparedTexts } from './preparedTexts.ts';
import { QuoteIndex } from './quoteIndex.ts';
import { type SearchResult, searchTopics } from './search.ts';
import { SuggestIndex } from './suggestIndex.ts';

/**
 * Everything about the topics that does not depend on the question, built once at load: each
 * topic's weighted terms and sample phrasings, how much each term counts (rarity across topics,
 * tempered by what kind of word it is), the quote index and the autocomplete word index. Ranking a
 * question against it is search.ts.
 */

// The weights below were set by a grid search over the development question set and questions
// written after it; the results were flat around these values.

/** How much a word counts by where it occurs in a topic: titles and keywords say what it is about. */
export const FIELD_WEIGHTS = {
  title: 1.1,
  keywords: 1.1,
  questions: 0.85,
  summary: 0.4,
  facts: 0.35,
  /** The article sections a topic comes from ("…for Bone Remodeling"): what the topic covers. */
  sections: 0.6,
} as const;
type Field = keyof typeof FIELD_WEIGHTS;

/** Plain (non-lexicon) words never weigh more than this. */
const RAW_WORD_MAX_WEIGHT = 1.3;

const DIGITS = /^\d+$/;

/** A sample question, title or keyword as terms, with each term's weight, for phrasing similarity. */
export interface Phrasing {
  terms: string[];
  /** Each of `terms` as its number in `TopicIndex.phrasingTermIds`, in order. */
  ids: Int32Array;
  /** `termWeight` of each of `terms`, in order. */
  weights: Float64Array;
}

/** Phrasings as flat arrays: phrasing g has the terms `ids[start[g]..start[g + 1]]`, in order. */
export interface PhrasingTable {
  /** The topic (by index) of each phrasing. */
  topicOf: Int32Array;
  /** Where each phrasing's terms begin in `ids` and `weights`; one more entry closes the last. */
  start: Int32Array;
  ids: Int32Array;
  weights: Float64Array;
}

/** The topics' phrasings as one table, each topic's repeated phrasings once. */
function flattenPhrasings(entries: readonly IndexedTopic[]): PhrasingTable {
  const kept: Array<{ topic: number; p: Phrasing }> = [];
  entries.forEach((e, topic) => {
    const seen = new Set<string>();
    for (const p of e.phrasings) {
      const key = p.ids.join(' ');
      if (seen.has(key)) continue;
      seen.add(key);
      kept.push({ topic, p });
    }
  });
  const total = kept.reduce((n, k) => n + k.p.ids.length, 0);
  const table: PhrasingTable = {
    topicOf: new Int32Array(kept.length),
    start: new Int32Array(kept.length + 1),
    ids: new Int32Array(total),
    weights: new Float64Array(total),
  };
  let at = 0;
  kept.forEach(({ topic, p }, g) => {
    table.topicOf[g] = topic;
    table.start[g] = at;
    table.ids.set(p.ids, at);
    table.weights.set(p.weights, at);
    at += p.ids.length;
  });
  table.start[kept.length] = at;
  return table;
}

export interface IndexedTopic {
  topic: Topic;
  weights: Map<string, number>;
  /** Written forms of lexicon words, by field weight (see Analysis.surface). */
  surface: Map<string, number>;
  /** Each question, the title and each keyword, for phrasing similarity. */
  phrasings: Phrasing[];
  /** The title's subject terms (no generic ones): what the topic is named after. */
  titleTerms: string[];
  /** The summed `termWeight` of the title terms. */
  titleWeight: number;
}

export class TopicIndex {
  readonly analyzer: Analyzer;
  readonly entries: IndexedTopic[];
  readonly quotes: QuoteIndex;
  /** Inverse document frequency of each term the topics use. */
  readonly idf = new Map<string, number>();
  private readonly maxIdf: number;
  /** The strongest field weight each term has in any topic. */
  readonly strongestField = new Map<string, number>();
  /** Inverse document frequency of the written forms of lexicon words. */
  readonly surfaceIdf = new Map<string, number>();
  /**
   * Every term a title, keyword or question uses, numbered, so that comparing a question with a
   * phrasing reads arrays instead of hashing strings (search.ts).
   */
  readonly phrasingTermIds = new Map<string, number>();
  /** For each term, the topics (by index) using it and its weight in each: search reads these. */
  readonly termTopics = new Map<string, Array<{ topic: number; weight: number }>>();
  /** For each written form of a lexicon word, the topics (by index) using it and its field weight. */
  readonly surfaceTopics = new Map<string, Array<{ topic: number; weight: number }>>();
  /**
   * Every distinct phrasing of every topic, flat, for the closest-phrasing loop of search.ts: a
   * phrasing that repeats another of its topic term for term (a keyword and a sample question that
   * read the same) is kept once, as it can only give the same similarity again.
   */
  readonly phrasingTable: PhrasingTable;
  /** For each term, the phrasings of `phrasingTable` (by number) using it. */
  readonly phrasingsOfTerm = new Map<string, Int32Array>();
  /** `termWeight` of every term the topics or the lexicon use, computed once. */
  private readonly termWeights = new Map<string, number>();
  /** The words of the topics' titles, keywords and questions: the fuzzy tier of autocomplete. */
  readonly suggestions: SuggestIndex;

  /**
   * normalizeText for the knowledge's own texts, each worked out once (or taken from the build's
   * prepared texts): titles, keywords and questions are read by several passes, and the fact and
   * quote indexes read the same texts again.
   */
  readonly normalizeKnowledge: (text: string) => string;
  /** Every knowledge text normalised so far, for the build's prepared texts. */
  private readonly normalizedTexts: Map<string, string>;

  /**
   * @param prepared the build's prepared texts (preparedTexts.ts), or `record` to make them
   */
  constructor(topics: readonly Topic[], prepared?: PreparedTexts | 'record') {
    const seed = prepared === 'record' ? undefined : prepared;
    const normalized = new Map<string, string>(seed?.normalized);
    this.normalizedTexts = normalized;
    const normalize = (text: string): string => {
      let n = normalized.get(text);
      if (n === undefined) {
        n = normalizeText(text);
        normalized.set(text, n);
      }
      return n;
    };
    this.normalizeKnowledge = normalize;
    const analysed = new Map<string, Analysis>();
    const analyse = (text: string): Analysis => {
      let a = analysed.get(text);
      if (a === undefined) {
        a = this.analyzer.analyze(normalize(text), false);
        analysed.set(text, a);
      }
      return a;
    };
    const fieldTexts = (t: Topic): Record<Field, string[]> => ({
      title: [t.title],
      keywords: t.keywords,
      questions: t.questions,
      summary: [t.summary],
      facts: t.facts.filter((f) => !f.definitionOnly && !f.askedOnly).map((f) => f.text),
      sections: t.sections,
    });

    const corpus = new Set<string>();
    const prose = new Set<string>();
    for (const t of topics) {
      const texts = fieldTexts(t);
      for (const field of Object.keys(texts) as Field[]) {
        const isProse = field === 'title' || field === 'summary' || field === 'facts' || field === 'sections';
        for (const text of texts[field]) {
          for (const w of tokenize(normalize(text))) {
            corpus.add(w);
            if (isProse) prose.add(w);
          }
        }
      }
    }
    this.analyzer = new Analyzer(corpus, prose, GATE_WORDS, seed);
    if (prepared === 'record') this.analyzer.recordKnowledgeAnalyses();

    const built = topics.map((topic) => {
      const weights = new Map<string, number>();
      const surface = new Map<string, number>();
      const fieldsOf = new Map<string, number>();
      const texts = fieldTexts(topic);
      for (const field of Object.keys(FIELD_WEIGHTS) as Field[]) {
        const fieldSeen = new Set<string>();
        for (const text of texts[field]) {
          const a = analyse(text);
          for (const term of a.terms) fieldSeen.add(term);
          for (const w of a.surface) surface.set(w, Math.max(surface.get(w) ?? 0, FIELD_WEIGHTS[field]));
        }
        for (const term of fieldSeen) {
          weights.set(term, Math.max(weights.get(term) ?? 0, FIELD_WEIGHTS[field]));
          fieldsOf.set(term, (fieldsOf.get(term) ?? 0) + 1);
        }
      }
      // A term that recurs across fields is central to the topic, not a passing mention.
      for (const [term, n] of fieldsOf) {
        weights.set(term, Math.min(1.4, (weights.get(term) ?? 0) + 0.05 * (n - 1)));
      }
      const phrasingTerms = [topic.title, ...topic.questions, ...topic.keywords].map((q) => analyse(q).terms);
      const titleTerms = analyse(topic.title).terms.filter((t) => !GENERIC_TERMS.has(t) && !DIGITS.test(t));
      return { topic, weights, surface, phrasingTerms, titleTerms };
    });

    for (const e of built) {
      for (const [term, w] of e.weights)
        this.strongestField.set(term, Math.max(this.strongestField.get(term) ?? 0, w));
    }
    // Document frequency counts strong occurrences fully and passing mentions in facts a little.
    const df = new Map<string, number>();
    for (const e of built) {
      for (const [term, w] of e.weights) df.set(term, (df.get(term) ?? 0) + (w >= 0.55 ? 1 : 0.35));
    }
    const n = built.length;
    let maxIdf = 0;
    for (const [term, d] of df) {
      const v = Math.log(1 + n / Math.max(d, 0.35));
      this.idf.set(term, v);
      maxIdf = Math.max(maxIdf, v);
    }
    this.maxIdf = maxIdf;
    const surfaceDf = new Map<string, number>();
    for (const e of built) for (const w of e.surface.keys()) surfaceDf.set(w, (surfaceDf.get(w) ?? 0) + 1);
    for (const [w, d] of surfaceDf) this.surfaceIdf.set(w, Math.log(1 + n / d));
    for (const term of [...this.idf.keys(), ...CONCEPTS]) {
      this.termWeights.set(term, this.computeTermWeight(term));
    }

    this.entries = built.map(({ topic, weights, surface, phrasingTerms, titleTerms }) => {
      const phrasings = phrasingTerms.map((terms) => {
        const ids = new Int32Array(terms.length);
        terms.forEach((t, k) => {
          let id = this.phrasingTermIds.get(t);
          if (id === undefined) {
            id = this.phrasingTermIds.size;
            this.phrasingTermIds.set(t, id);
          }
          ids[k] = id;
        });
        return { terms, ids, weights: Float64Array.from(terms, (t) => this.termWeight(t)) };
      });
      let titleWeight = 0;
      for (const t of titleTerms) titleWeight += this.termWeight(t);
      return { topic, weights, surface, phrasings, titleTerms, titleWeight };
    });
    this.phrasingTable = flattenPhrasings(this.entries);
    const phrasingsOfTerm = new Map<string, number[]>();
    const { topicOf, start, ids } = this.phrasingTable;
    const termOfId: string[] = [];
    for (const [term, id] of this.phrasingTermIds) termOfId[id] = term;
    for (let g = 0; g < topicOf.length; g++) {
      for (const id of new Set(ids.subarray(start[g] as number, start[g + 1] as number))) {
        const term = termOfId[id] as string;
        const list = phrasingsOfTerm.get(term);
        if (list) list.push(g);
        else phrasingsOfTerm.set(term, [g]);
      }
    }
    for (const [term, list] of phrasingsOfTerm) this.phrasingsOfTerm.set(term, Int32Array.from(list));

    const post = <T>(map: Map<string, T[]>, key: string, value: T) => {
      const list = map.get(key);
      if (list) list.push(value);
      else map.set(key, [value]);
    };
    this.entries.forEach((e, topic) => {
      for (const [term, weight] of e.weights) post(this.termTopics, term, { topic, weight });
      for (const [w, weight] of e.surface) post(this.surfaceTopics, w, { topic, weight });
    });

    this.quotes = new QuoteIndex(topics, normalize);

    this.suggestions = new SuggestIndex(topics, normalize);
  }

  /** The knowledge texts normalised and analysed so far (see preparedTexts.ts). */
  preparedTexts(): PreparedTexts {
    return { normalized: [...this.normalizedTexts], ...this.analyzer.knowledgeAnalyses() };
  }

  /**
   * A subject word that points at this knowledge base rather than at health in general: a
   * lexicon concept outside the general-health list, or a plain word a title or keyword uses
   * ("paradox" in "calcium paradox"), not one that only turns up in sample questions ("lower").
   */
  isSpecific(term: string): boolean {
    if (CONCEPTS.has(term)) return !GENERAL_HEALTH_TERMS.has(term);
    return (this.strongestField.get(term) ?? 0) >= FIELD_WEIGHTS.keywords;
  }

  /** How much a query term counts: its rarity across topics, tempered by what kind of word it is. */
  termWeight(term: string): number {
    return this.termWeights.get(term) ?? this.computeTermWeight(term);
  }

  private computeTermWeight(term: string): number {
    // Terms the KB never uses (lexicon-only) are as informative as the rarest KB term.
    let v = this.idf.get(term) ?? this.maxIdf;
    if (DIGITS.test(term)) {
      // Numbers ("10", "45") recur in unrelated facts: they may tip a tie but never decide a match.
      v *= 0.15;
    } else if (CONCEPTS.has(term)) {
      v *= CONCEPT_WEIGHTS[term] ?? 1;
    } else {
      // A plain word is rare in a small corpus by accident ("find", "since", "together"): it counts
      // less than a lexicon concept, and even less when no title, keyword or question uses it.
      v =
        Math.min(v, RAW_WORD_MAX_WEIGHT) *
        ((this.strongestField.get(term) ?? 0) >= FIELD_WEIGHTS.questions ? 1 : 0.5);
    }
    return v;
  }

  /**
   * Ranks topics for normalised text. `categoryBoosts` lets the caller lean towards a category
   * it already knows is relevant (an overdose message → safety); `analysis` saves analysing the
   * text twice when the caller already has it.
   */
  search(
    normalized: string,
    categoryBoosts?: ReadonlyMap<string, number>,
    analysis: Analysis = this.analyzer.analyze(normalized),
  ): SearchResult {
    return searchTopics(this, normalized, categoryBoosts, analysis);
  }
}
