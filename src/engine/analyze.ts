import Fuse from 'fuse.js';
import { editDistance } from './editDistance.ts';
import { KNOWN_TYPOS, STOP_WORDS, SYNONYM_GROUPS, type SynonymGroup, UNCOVERED_WORDS } from './lexicon.ts';
import { tokenize } from './normalize.ts';
import { chatSpellings } from './phraseSet.ts';
import { knowledgeAnalysis, type PreparedTexts } from './preparedTexts.ts';

/** What matching sees of a text: canonical terms, plus the words nothing knows. */
export interface Analysis {
  /** Canonical terms, de-duplicated, in first-seen order. */
  terms: string[];
  /** Content words that are neither known nor close to a known word. */
  unknown: string[];
  /** Canonical terms that came only from typo-corrected words: matched with less trust. */
  fuzzyTerms: Set<string>;
  /**
   * The words as written, for lexicon matches ("=osteopenia" beside the term "osteoporosis"):
   * a topic using the asker's own word is a slightly better match than one using a synonym.
   */
  surface: string[];
  /** The words with typos corrected ("my todler ate my gumies"), or null when none was. */
  correctedText: string | null;
}

const MAX_PHRASE = 4;
const MAX_WORD = 24;
const MAX_LOOKUPS = 40;

/**
 * A chat spelling of a function word read as the word ("w food" is "with food"), so the phrases it
 * starts form. Spellings of content words ("diff", "yr") stay as written: read as "difference" they
 * would match facts about differences.
 */
function chatFunctionWord(w: string): string | undefined {
  const means = chatSpellings().get(w);
  return means !== undefined && STOP_WORDS.has(means) ? means : undefined;
}

const FUZZY_CACHE_LIMIT = 5000;
const WORD_FACTS_LIMIT = 5000;

/**
 * What analysing reads about one word, whatever the text around it: worked out once per word and
 * kept (words recur from message to message), so a message costs one lookup per word instead of
 * a dozen set and map lookups, a stem and a regular expression.
 */
interface WordFacts {
  /** The word the knowledge base's listed misspelling stands for. */
  alias: string | undefined;
  /** Known, too short or long, or with a digit: no typo to look up as written (`noFix`), or… */
  noFix: boolean;
  /** …known by its stem either: matching takes it as it is. */
  noTypo: boolean;
  /** PHRASE_STARTS; its terms alone, as written or by stem; its written form (`=` and its stem). */
  phraseStart: number | undefined;
  single: readonly string[] | undefined;
  written: string;
  /** A filler word or a single letter: no term. */
  skip: boolean;
  digits: boolean;
  stem: string;
  /** Known as written or by its stem: a term, not an unknown word. */
  known: boolean;
}

function sameAliases(
  aliases: ReadonlyMap<string, string>,
  prepared: ReadonlyArray<[string, string]>,
): boolean {
  return aliases.size === prepared.length && prepared.every(([w, target]) => aliases.get(w) === target);
}

/** Light suffix stripping so "bones"/"bone", "studies"/"study" and "calcified"/"calcify" meet. */
export function stem(word: string): string {
  // String tests rather than regular expressions: this runs for every word of every text.
  const first = word.charCodeAt(0);
  if ((first >= 48 && first <= 57) || word.length <= 3) return word;
  if (word.endsWith('ies') && word.length > 4) return `${word.slice(0, -3)}y`;
  if (word.endsWith('sses')) return word.slice(0, -2);
  if (word.endsWith('xes') || word.endsWith('ches') || word.endsWith('shes')) return word.slice(0, -2);
  if (
    word.endsWith('s') &&
    !(word.endsWith('ss') || word.endsWith('us') || word.endsWith('is') || word.endsWith('os'))
  )
    return word.slice(0, -1);
  if (word.endsWith('ing') && word.length > 5) return word.slice(0, -3);
  if (word.endsWith('ed') && word.length > 4 && !word.endsWith('eed')) return word.slice(0, -2);
  return word;
}

/** One word is a form of the other: the stem of one starts the other ("risky", "risk"). */
function sameRoot(a: string, b: string): boolean {
  return a.startsWith(stem(b)) || b.startsWith(stem(a));
}

const PHRASES: ReadonlyMap<string, readonly string[]> = (() => {
  const map = new Map<string, string[]>();
  for (const group of SYNONYM_GROUPS) {
    for (const variant of group.from) {
      const key = tokenize(variant).join(' ');
      const existing = map.get(key);
      if (existing) {
        for (const t of group.to) if (!existing.includes(t)) existing.push(t);
      } else {
        map.set(key, [...group.to]);
      }
    }
  }
  return map;
})();

/**
 * First words of the lexicon's phrases of two words or more, each with the most words a phrase
 * starting with it has: only these can start one, and no longer phrase is worth looking up.
 */
const PHRASE_STARTS: ReadonlyMap<string, number> = (() => {
  const longest = new Map<string, number>();
  for (const phrase of PHRASES.keys()) {
    const words = phrase.split(' ');
    if (words.length < 2) continue;
    const first = words[0] as string;
    longest.set(first, Math.max(longest.get(first) ?? 0, words.length));
  }
  return longest;
})();

/**
 * The first two words of the lexicon's phrases of two words or more: most words that can start a
 * phrase ("vitamin", "how") are not followed by its second word, and then no phrase of two words
 * or more need be looked up.
 */
const PHRASE_PAIRS: ReadonlySet<string> = new Set(
  [...PHRASES.keys()].flatMap((phrase) => {
    const words = phrase.split(' ');
    return words.length < 2 ? [] : [`${words[0]} ${words[1]}`];
  }),
);

/** Every single word the lexicon knows, for fuzzy correction of typos. */
export const LEXICON_WORDS: ReadonlySet<string> = new Set(
  [...PHRASES.keys()].flatMap((phrase) => phrase.split(' ')),
);

const wordsOf = (groups: readonly SynonymGroup[]) =>
  groups.flatMap((g) => g.from.flatMap((variant) => tokenize(variant)));

/** Words known only from exact-only groups (other languages): never a typo-correction target. */
const EXACT_ONLY_WORDS: ReadonlySet<string> = (() => {
  const elsewhere = new Set(wordsOf(SYNONYM_GROUPS.filter((g) => !g.exactOnly)));
  return new Set(wordsOf(SYNONYM_GROUPS.filter((g) => g.exactOnly)).filter((w) => !elsewhere.has(w)));
})();

/**
 * Maps text to canonical terms. Built once per knowledge base because typo correction needs
 * the knowledge base's own vocabulary.
 */
export class Analyzer {
  private readonly known: Set<string>;
  /**
   * The typo targets by first letter and length: typos keep the first letter and are at most a
   * few letters longer or shorter, so each lookup searches a few small fuse.js indexes.
   */
  private readonly targetsByShape = new Map<string, string[]>();
  /**
   * The fuse.js index of each shape, made on its first lookup: most shapes are never looked up in
   * a thread's life, and making all of them was a fifth of building the engine.
   */
  private readonly fuseByShape = new Map<string, Fuse<string>>();
  private readonly fuzzyCache = new Map<string, string | null>();
  private readonly wordFacts = new Map<string, WordFacts>();

  /** Misspellings the knowledge base itself lists as keywords ("warfrin"), mapped to the word. */
  private readonly aliases = new Map<string, string>();
  /**
   * Analyses of knowledge texts (without typo correction) from the build: used while this
   * analyzer derives the same aliases as the one that made them, else left aside.
   */
  private readonly prepared = new Map<string, [string[], string[]]>();
  /** Set by `recordKnowledgeAnalyses`: every analysis without typo correction, to prepare. */
  private recorded: Map<string, Analysis> | null = null;

  /**
   * @param corpusWords every word of the knowledge base
   * @param proseWords words of its prose (titles, summaries, facts): these are spelled right, so
   *   only the other corpus words (keywords, sample questions) may be listed misspellings
   */
  constructor(
    corpusWords: Iterable<string>,
    proseWords: ReadonlySet<string> = new Set(),
    /** Words typos may be corrected to without being topic words (the emergency gate's). */
    extraTargets: Iterable<string> = [],
    prepared?: PreparedTexts,
  ) {
    this.known = new Set<string>([...LEXICON_WORDS, ...STOP_WORDS]);
    for (const w of corpusWords) this.known.add(w);
    // Short words are too often other real words ("grams" is not "grass"). Targets by first
    // letter, in lexicon order, with their stems: the first close one wins.
    const lexiconTargets = new Map<string, Array<{ word: string; stem: string }>>();
    for (const l of LEXICON_WORDS) {
      if (l.length < 6) continue;
      const list = lexiconTargets.get(l[0] as string);
      const entry = { word: l, stem: stem(l) };
      if (list) list.push(entry);
      else lexiconTargets.set(l[0] as string, [entry]);
    }
    for (const w of this.known) {
      if (w.length < 6 || LEXICON_WORDS.has(w) || STOP_WORDS.has(w) || proseWords.has(w) || /\d/.test(w))
        continue;
      const wordStem = stem(w);
      const target = lexiconTargets
        .get(w[0] as string)
        ?.find((l) => l.stem !== wordStem && editDistance(w, l.word, 1) <= 1);
      if (target) this.aliases.set(w, target.word);
    }
    if (prepared && sameAliases(this.aliases, prepared.aliases)) {
      for (const [text, terms, surface] of prepared.analyses) this.prepared.set(text, [terms, surface]);
    }
    // Short words are too easy to confuse ("bone"/"done"): typo lookup only targets longer ones.
    const targets = [...new Set([...this.known, ...extraTargets])]
      // Filler is no target ("cold" is not "could") unless the lexicon uses it ("vitamn k2").
      .filter(
        (w) =>
          w.length >= 4 &&
          !/\d/.test(w) &&
          (!STOP_WORDS.has(w) || LEXICON_WORDS.has(w)) &&
          !KNOWN_TYPOS.has(w) &&
          !EXACT_ONLY_WORDS.has(w),
      )
      .sort();
    for (const w of targets) {
      const key = `${w[0]}${w.length}`;
      const list = this.targetsByShape.get(key);
      if (list) list.push(w);
      else this.targetsByShape.set(key, [w]);
    }
  }

  /** The fuse.js index of the typo targets of one shape (see targetsByShape), if it has any. */
  private fuseFor(shape: string): Fuse<string> | undefined {
    let fuse = this.fuseByShape.get(shape);
    if (fuse === undefined) {
      const words = this.targetsByShape.get(shape);
      if (words === undefined) return undefined;
      fuse = new Fuse(words, {
        includeScore: true,
        threshold: 0.34,
        ignoreLocation: true,
        isCaseSensitive: true,
        shouldSort: true,
      });
      this.fuseByShape.set(shape, fuse);
    }
    return fuse;
  }

  /** True for a word of the knowledge base, the lexicon or the filler list. */
  isKnown(word: string): boolean {
    return this.known.has(word) || this.known.has(stem(word));
  }

  /** The known word closest to a typo, or null. */
  correct(word: string): string | null {
    const cached = this.fuzzyCache.get(word);
    if (cached !== undefined) return cached;
    let best: string | null = null;
    let bestScore = Number.POSITIVE_INFINITY;
    // Typos keep the first letter and stay within a few edits; fuse.js proposes, the edit
    // distance decides, so "besides" never becomes "diabetes".
    const maxEdits = word.length <= 7 ? 1 : word.length <= 10 ? 2 : 3;
    const results = [];
    for (let len = word.length - maxEdits; len <= word.length + maxEdits; len++) {
      const fuse = this.fuseFor(`${word[0]}${len}`);
      if (fuse) results.push(...fuse.search(word, { limit: 4 }));
    }
    for (const r of results) {
      const candidate = r.item;
      if (candidate[0] !== word[0]) continue;
      if (Math.abs(candidate.length - word.length) > maxEdits) continue;
      const edits = editDistance(word, candidate, maxEdits);
      if (edits > maxEdits) continue;
      const score = edits + (r.score ?? 1);
      if (score < bestScore) {
        bestScore = score;
        best = candidate;
      }
    }
    if (best === word) best = null;
    // A word the article does not cover is no typo of a topic word, only of its own forms
    // ("risky" may be "risk"; "chickpeas" is no "chickens", "rice" no "rich").
    if (best !== null && UNCOVERED_WORDS.has(word) && !sameRoot(word, best)) best = null;
    if (this.fuzzyCache.size >= FUZZY_CACHE_LIMIT) this.fuzzyCache.clear();
    this.fuzzyCache.set(word, best);
    return best;
  }

  /** The aliases and every analysis without typo correction made since `recordKnowledgeAnalyses`. */
  knowledgeAnalyses(): Pick<PreparedTexts, 'aliases' | 'analyses'> {
    return {
      aliases: [...this.aliases],
      analyses: [...(this.recorded ?? [])].map(([text, a]) => [text, a.terms, a.surface]),
    };
  }

  /** Starts keeping every analysis without typo correction (for the build's snapshot). */
  recordKnowledgeAnalyses(): void {
    this.recorded = new Map();
  }

  private factsOf(w: string): WordFacts {
    let facts = this.wordFacts.get(w);
    if (facts === undefined) {
      const s = stem(w);
      const noFix = this.known.has(w) || w.length < 4 || w.length > MAX_WORD || /\d/.test(w);
      facts = {
        alias: this.aliases.get(w) ?? chatFunctionWord(w),
        noFix,
        noTypo: noFix || this.known.has(s),
        phraseStart: PHRASE_STARTS.get(w),
        single: PHRASES.get(w) ?? PHRASES.get(s),
        written: `=${s}`,
        skip: STOP_WORDS.has(w) || w.length < 2,
        digits: /^\d+$/.test(w),
        stem: s,
        known: this.known.has(w) || this.known.has(s),
      };
      if (this.wordFacts.size >= WORD_FACTS_LIMIT) this.wordFacts.clear();
      this.wordFacts.set(w, facts);
    }
    return facts;
  }

  /** Analyses normalised text (see normalizeText). `fuzzy` is off for the knowledge base itself. */
  analyze(normalized: string, fuzzy = true): Analysis {
    if (!fuzzy) {
      const prepared = this.prepared.get(normalized);
      if (prepared) return knowledgeAnalysis(prepared[0], prepared[1]);
      if (this.recorded) {
        const analysis = this.analyzeText(normalized, false);
        this.recorded.set(normalized, analysis);
        return knowledgeAnalysis(analysis.terms, analysis.surface);
      }
    }
    return this.analyzeText(normalized, fuzzy);
  }

  private analyzeText(normalized: string, fuzzy: boolean): Analysis {
    const raw = tokenize(normalized);
    // Each word's facts, looked up once: the passes below read them again.
    const rawFacts = raw.map((w) => this.factsOf(w));
    const correctedAt = new Set<number>();
    // A wall of unknown words (a pasted log, keyboard mashing) gets a bounded number of lookups.
    let lookups = 0;
    const lookup = (w: string): string | null => (lookups++ < MAX_LOOKUPS ? this.correct(w) : null);
    const words = raw.map((w, idx) => {
      const facts = rawFacts[idx] as WordFacts;
      // The knowledge base lists these misspellings itself: they are certain, not guesses.
      if (facts.alias) return facts.alias;
      // No real word is longer than MAX_WORD: longer tokens are noise and too slow to look up.
      if (!fuzzy || facts.noTypo) return w;
      const fix = lookup(w);
      if (fix) {
        correctedAt.add(idx);
        return fix;
      }
      return w;
    });

    const terms: string[] = [];
    const unknown: string[] = [];
    const seen = new Set<string>();
    const fuzzyTerms = new Set<string>();
    const exactTerms = new Set<string>();
    const surface: string[] = [];
    const surfaceSeen = new Set<string>();
    const push = (t: string, fuzzyFrom = false) => {
      if (fuzzyFrom) fuzzyTerms.add(t);
      else exactTerms.add(t);
      if (!seen.has(t)) {
        seen.add(t);
        terms.push(t);
      }
    };
    let i = 0;
    while (i < words.length) {
      let matched = false;
      const first = words[i] === raw[i] ? (rawFacts[i] as WordFacts) : this.factsOf(words[i] as string);
      const startsUpTo = first.phraseStart;
      let longest = startsUpTo ? Math.min(MAX_PHRASE, words.length - i, startsUpTo) : 1;
      if (longest >= 2 && !PHRASE_PAIRS.has(`${words[i]} ${words[i + 1]}`)) longest = 1;
      for (let len = longest; len >= 1; len--) {
        const phrase = len === 1 ? (words[i] as string) : words.slice(i, i + len).join(' ');
        const canon = len === 1 ? first.single : PHRASES.get(phrase);
        if (canon) {
          // A phrase is a guess only when every word of it was corrected ("vitamn k2" is sure).
          let fuzzyFrom = true;
          for (let k = i; k < i + len; k++) if (!correctedAt.has(k)) fuzzyFrom = false;
          for (const t of canon) push(t, fuzzyFrom);
          const written = len === 1 ? first.written : `=${phrase}`;
          if (!surfaceSeen.has(written)) {
            surfaceSeen.add(written);
            surface.push(written);
          }
          i += len;
          matched = true;
          break;
        }
      }
      if (matched) continue;
      const w = words[i] as string;
      const wasCorrected = correctedAt.has(i);
      i++;
      if (first.skip) continue;
      if (first.digits) {
        // Numbers are kept as terms ("45 mg", "6425 women") but never count against a match.
        push(w);
        continue;
      }
      if (fuzzy && !first.known) unknown.push(w);
      else push(first.stem, wasCorrected);
    }
    for (const t of exactTerms) fuzzyTerms.delete(t);
    let correctedText: string | null = null;
    if (fuzzy) {
      // For the emergency gate: every unknown word gets its closest spelling, even where the
      // stem alone was enough for matching ("bleding" → "bleeding", "closng" → "closing").
      const fixed = raw.map((w, idx) => {
        if (words[idx] !== w || (rawFacts[idx] as WordFacts).noFix) {
          return words[idx] as string;
        }
        return lookup(w) ?? w;
      });
      if (fixed.some((w, idx) => w !== raw[idx])) correctedText = fixed.join(' ');
    }
    return { terms, unknown, fuzzyTerms, surface, correctedText };
  }
}
