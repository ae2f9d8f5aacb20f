import Fuse from 'fuse.js';
import type { Topic } from '../kb/schema.ts';
import { type Analysis, Analyzer, stem } from './analyze.ts';
import {
  ARTICLE_ANCHOR,
  CONCEPT_WEIGHTS,
  CONCEPTS,
  DOMAIN_ANCHORS,
  GENERAL_HEALTH_TERMS,
  GENERIC_TERMS,
  INTENTS,
  OTHER_NUTRIENT,
  STOP_WORDS,
  WARFARIN_COMPANIONS,
} from './lexicon.ts';
import { normalizeText, tokenize } from './normalize.ts';
import { GATE_WORDS } from './safety.ts';

/**
 * Topic search: a weighted term index over every topic field, question-phrasing similarity,
 * and fuse.js for typo-tolerant word lookup and autocomplete. Scores are combined into one
 * calibrated confidence so that a single threshold separates answers from declines.
 */

// The weights below were set by a grid search over the development question set and four more
// rounds of questions written afterwards; the results were flat around these values.

/** How much a word counts by where it occurs in a topic: titles and keywords say what it is about. */
const FIELD_WEIGHTS = {
  title: 1.1,
  keywords: 1.1,
  questions: 0.85,
  summary: 0.4,
  facts: 0.35,
  /** The article sections a topic comes from ("…for Bone Remodeling"): what the topic covers. */
  sections: 0.6,
} as const;
type Field = keyof typeof FIELD_WEIGHTS;

/** Mix of term coverage, closest-phrasing similarity and title match in the raw score. */
const MIX = { coverage: 0.6, phrasing: 0.4, title: 0.2, titleShare: 0.3 } as const;

/** Popular topics are what most people ask: they win exact ties ("k2" → "What is vitamin K2?"). */
const POPULAR_PRIOR = 0.02;

/** Extra credit, relative to a term match, when a topic uses the asker's own word. */
const SURFACE_BONUS = 0.25;
/** A typo-corrected word counts this much of a correctly spelled one. */
const FUZZY_TRUST = 0.7;
/** Without a K2 word, everyday words ("heart", "cheese") need a clearer match. */
const NO_ANCHOR_PENALTY = 0.12;

/** Below this subject weight (a plain word or two, weakly matched) there is no real subject. */
const WEAK_SUBJECT = 0.5;
/** Subject weight (about two specific words) that no amount of chat around it can outweigh. */
const SOLID_SUBJECT = 2.5;

/** A plain word counts this much of its weight as the subject of a question. */
const RAW_SUBJECT_FACTOR = 0.5;

/** Plain (non-lexicon) words never weigh more than this. */
const RAW_WORD_MAX_WEIGHT = 1.3;

/** An unknown content word weighs like a fairly rare term: it is something the KB cannot explain. */
const UNKNOWN_WORD_WEIGHT = 1.6;
/** Long rambling messages carry many irrelevant words; beyond this many they stop counting. */
const MAX_UNKNOWN_COUNTED = 3;

/**
 * Pasted article text: a question holding at least this many word pairs of one fact quote (or
 * this share of a short quote's pairs, with two at least) quotes the article.
 */
const QUOTE_MIN_PAIRS = 3;
const QUOTE_MIN_SHARE = 0.6;
/** A word pair found in more quotes than this ("vitamin k2") says nothing about which one. */
const QUOTE_MAX_DF = 6;
/** Raw-score credit, times the share of the quote pasted, for the topics carrying the quote. */
const QUOTE_BONUS = 0.6;
/** The raw confidence a match on a pasted quote reports at least. */
const QUOTED_CONFIDENCE = 0.9;

/** Single foods: a topic named after one of them answers one food, not a diet. */
const FOOD_ITEMS: ReadonlySet<string> = new Set([
  'natto',
  'cheese',
  'egg',
  'meat',
  'chicken',
  'liver',
  'eel',
  'fish',
  'dairy',
  'fermented',
  'greens',
]);
/** This many foods in one question make it a diet question. */
const MANY_FOODS = 3;
/** What a one-food topic keeps of its score when several foods are named. */
const ONE_FOOD_FACTOR = 0.75;

/** Content words of a text, stemmed, paired with their neighbour: the quote index's keys. */
function contentPairs(text: string): string[] {
  const words = tokenize(text)
    .filter((w) => !STOP_WORDS.has(w))
    .map(stem);
  const pairs: string[] = [];
  for (let i = 1; i < words.length; i++) pairs.push(`${words[i - 1]} ${words[i]}`);
  return pairs;
}

export interface ScoredTopic {
  topic: Topic;
  /** The combined raw score before calibration. */
  score: number;
}

/** What the confidence is computed from; exposed for tuning and tests. */
export interface MatchFeatures {
  top: number;
  second: number;
  /** Matched weight of the best topic from subject words (not "k2", "what is", "good for"). */
  subjectMass: number;
  /** The part of subjectMass from correctly spelled words. */
  exactSubjectMass: number;
  /** Every matched subject word is a general health word ("heart", "blood pressure"). */
  generalHealthOnly: boolean;
  /** Known, non-generic words of the question that the best topic does not use. */
  unmatchedTerms: number;
  /** The question also has generic words ("what is", "prevent", "safe"), not only a subject. */
  hasGenericTerms: boolean;
  unknownMass: number;
  hasAnchor: boolean;
  /** "What is …": a bare "what is K2" has no subject but is answerable. */
  asksDefinition: boolean;
  /** The question pastes a substantial part of an article quote the best topic carries. */
  quoted: boolean;
}

export interface SearchResult {
  analysis: Analysis;
  ranked: ScoredTopic[];
  /** Calibrated 0..1 confidence of the best topic. */
  confidence: number;
  hasAnchor: boolean;
  features: MatchFeatures;
}

interface IndexedTopic {
  topic: Topic;
  weights: Map<string, number>;
  /** Written forms of lexicon words, by field weight (see Analysis.surface). */
  surface: Map<string, number>;
  /** Each question and the title as a set of terms, for phrasing similarity. */
  phrasings: string[][];
  /** The title's subject terms (no generic ones): what the topic is named after. */
  titleTerms: string[];
}

export class TopicIndex {
  readonly analyzer: Analyzer;
  private readonly entries: IndexedTopic[];
  private readonly idf = new Map<string, number>();
  private readonly maxIdf: number;
  private readonly strongestField = new Map<string, number>();
  private readonly surfaceIdf = new Map<string, number>();
  private readonly termWeightCache = new Map<string, number>();
  /**
   * fuse.js over each topic's title, keywords and questions (one index per topic, in topic order):
   * the fuzzy tier of autocomplete. Per topic, so that topics an earlier tier already found are
   * not searched again; a topic's score does not depend on the other topics.
   */
  readonly suggestFuse: ReadonlyArray<
    Fuse<{ topic: Topic; title: string; keywords: string[]; questions: string[] }>
  >;
  /** Word pair → the quotes (by index) holding it; each quote's pair count and topics. */
  private readonly quotePairs = new Map<string, number[]>();
  private readonly quotes: Array<{ pairs: number; topics: number[] }> = [];

  constructor(topics: readonly Topic[]) {
    const fieldTexts = (t: Topic): Record<Field, string[]> => ({
      title: [t.title],
      keywords: t.keywords,
      questions: t.questions,
      summary: [t.summary],
      facts: t.facts.map((f) => f.text),
      sections: t.sections,
    });

    const corpus = new Set<string>();
    const prose = new Set<string>();
    for (const t of topics) {
      const texts = fieldTexts(t);
      for (const field of Object.keys(texts) as Field[]) {
        const isProse = field === 'title' || field === 'summary' || field === 'facts' || field === 'sections';
        for (const text of texts[field]) {
          for (const w of tokenize(normalizeText(text))) {
            corpus.add(w);
            if (isProse) prose.add(w);
          }
        }
      }
    }
    this.analyzer = new Analyzer(corpus, prose, GATE_WORDS);

    this.entries = topics.map((topic) => {
      const weights = new Map<string, number>();
      const surface = new Map<string, number>();
      const fieldsOf = new Map<string, number>();
      const texts = fieldTexts(topic);
      for (const field of Object.keys(FIELD_WEIGHTS) as Field[]) {
        const fieldSeen = new Set<string>();
        for (const text of texts[field]) {
          const a = this.analyzer.analyze(normalizeText(text), false);
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
      const phrasings = [topic.title, ...topic.questions, ...topic.keywords].map(
        (q) => this.analyzer.analyze(normalizeText(q), false).terms,
      );
      const titleTerms = this.analyzer
        .analyze(normalizeText(topic.title), false)
        .terms.filter((t) => !GENERIC_TERMS.has(t) && !/^\d+$/.test(t));
      return { topic, weights, surface, phrasings, titleTerms };
    });

    for (const e of this.entries) {
      for (const [term, w] of e.weights)
        this.strongestField.set(term, Math.max(this.strongestField.get(term) ?? 0, w));
    }
    // Document frequency counts strong occurrences fully and passing mentions in facts a little.
    const df = new Map<string, number>();
    for (const e of this.entries) {
      for (const [term, w] of e.weights) df.set(term, (df.get(term) ?? 0) + (w >= 0.55 ? 1 : 0.35));
    }
    const n = this.entries.length;
    let maxIdf = 0;
    for (const [term, d] of df) {
      const v = Math.log(1 + n / Math.max(d, 0.35));
      this.idf.set(term, v);
      maxIdf = Math.max(maxIdf, v);
    }
    this.maxIdf = maxIdf;
    const surfaceDf = new Map<string, number>();
    for (const e of this.entries)
      for (const w of e.surface.keys()) surfaceDf.set(w, (surfaceDf.get(w) ?? 0) + 1);
    for (const [w, d] of surfaceDf) this.surfaceIdf.set(w, Math.log(1 + n / d));

    // The quote index: every distinct fact quote (verbatim article text) as word pairs.
    const quoteIds = new Map<string, number>();
    this.entries.forEach((e, topicIdx) => {
      for (const f of e.topic.facts) {
        const key = normalizeText(f.quote);
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
    for (const q of this.quotes) q.pairs = 0;
    for (const ids of this.quotePairs.values())
      for (const id of ids) (this.quotes[id] as { pairs: number }).pairs++;

    this.suggestFuse = topics.map(
      (topic) =>
        new Fuse([{ topic, title: topic.title, keywords: topic.keywords, questions: topic.questions }], {
          includeScore: true,
          ignoreLocation: true,
          threshold: 0.4,
          keys: [
            { name: 'title', weight: 3 },
            { name: 'keywords', weight: 2 },
            { name: 'questions', weight: 1 },
          ],
        }),
    );
  }

  /**
   * A subject word that points at this knowledge base rather than at health in general: a
   * lexicon concept outside the general-health list, or a plain word a title or keyword uses
   * ("paradox" in "calcium paradox"), not one that only turns up in sample questions ("lower").
   */
  private isSpecific(term: string): boolean {
    if (CONCEPTS.has(term)) return !GENERAL_HEALTH_TERMS.has(term);
    return (this.strongestField.get(term) ?? 0) >= FIELD_WEIGHTS.keywords;
  }

  /** How much a query term counts: its rarity across topics, tempered by what kind of word it is. */
  idfOf(term: string): number {
    const cached = this.termWeightCache.get(term);
    if (cached !== undefined) return cached;
    // Terms the KB never uses (lexicon-only) are as informative as the rarest KB term.
    let v = this.idf.get(term) ?? this.maxIdf;
    if (/^\d+$/.test(term)) {
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
    this.termWeightCache.set(term, v);
    return v;
  }

  /**
   * For each topic (by index) the largest share of one of its fact quotes that the text pastes,
   * counting only quotes pasted substantially (see QUOTE_MIN_PAIRS); empty when none is.
   */
  quotedShare(normalized: string): Map<number, number> {
    const out = new Map<number, number>();
    const found = new Map<number, number>();
    for (const p of new Set(contentPairs(normalized))) {
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
    const terms = analysis.terms.filter((t) => !/^\d+$/.test(t) || this.idf.has(t));
    const plain = normalized.replace(/'/g, '');
    // An anticoagulant alone is a drug question ("how long does warfarin last"); with a food or a
    // supplement it is the K2 interaction question ("on warfarin can I eat cheese").
    // Pasted article text points at K2 as surely as "K2" does.
    const quoteShare = this.quotedShare(normalized);
    const hasAnchor =
      quoteShare.size > 0 ||
      terms.some((t) => DOMAIN_ANCHORS.has(t) && !analysis.fuzzyTerms.has(t)) ||
      (terms.includes('warfarin') && terms.some((t) => WARFARIN_COMPANIONS.has(t))) ||
      (ARTICLE_ANCHOR.test(plain) && !OTHER_NUTRIENT.test(plain));
    const unknownMass = Math.min(analysis.unknown.length, MAX_UNKNOWN_COUNTED) * UNKNOWN_WORD_WEIGHT;
    const empty: SearchResult = {
      analysis,
      ranked: [],
      confidence: 0,
      hasAnchor,
      features: {
        top: 0,
        second: 0,
        subjectMass: 0,
        exactSubjectMass: 0,
        generalHealthOnly: true,
        unmatchedTerms: 0,
        hasGenericTerms: false,
        unknownMass,
        hasAnchor,
        asksDefinition: false,
        quoted: false,
      },
    };
    if (terms.length === 0) return empty;

    // Typo-corrected words are likely but not certain: they count for less.
    const weightOf = (t: string) => this.idfOf(t) * (analysis.fuzzyTerms.has(t) ? FUZZY_TRUST : 1);
    const knownMass = terms.reduce((sum, t) => sum + (/^\d+$/.test(t) ? 0 : weightOf(t)), 0);
    const denominator = knownMass + unknownMass;
    const queryTerms = new Set(terms);

    const intentBoosts = new Map<string, number>(categoryBoosts ?? []);
    for (const intent of INTENTS) {
      if (intent.pattern.test(plain)) {
        for (const c of intent.categories) intentBoosts.set(c, (intentBoosts.get(c) ?? 0) + intent.boost);
      }
    }

    // Several foods named ("eggs, cheese, kefir: am I getting enough?") ask about a diet, not one food.
    const manyFoods = terms.filter((t) => FOOD_ITEMS.has(t)).length >= MANY_FOODS;
    const subjects = new Map<Topic, [number, number, string[]]>();
    const ranked: ScoredTopic[] = this.entries.map((e, entryIdx) => {
      let matched = 0;
      let subject = 0;
      let exactSubject = 0;
      const subjectTerms: string[] = [];
      for (const t of terms) {
        const w = e.weights.get(t);
        if (!w) continue;
        const v = w * weightOf(t);
        matched += v;
        if (!GENERIC_TERMS.has(t) && !/^\d+$/.test(t)) {
          // Plain words ("health", "quality", "together") are weaker evidence of a subject
          // than lexicon concepts: "k2 for eye health" is about eyes, not health topics.
          const sv = CONCEPTS.has(t) ? v : v * RAW_SUBJECT_FACTOR;
          subject += sv;
          subjectTerms.push(t);
          if (!analysis.fuzzyTerms.has(t)) exactSubject += sv;
        }
      }
      for (const w of analysis.surface) {
        const sw = e.surface.get(w);
        if (sw) matched += SURFACE_BONUS * sw * (this.surfaceIdf.get(w) ?? 0);
      }
      subjects.set(e.topic, [subject, exactSubject, subjectTerms]);
      const coverage = matched / denominator;

      // Phrasing similarity: weighted Jaccard with the closest question, title or keyword.
      let best = 0;
      for (const p of e.phrasings) {
        if (p.length === 0) continue;
        let inter = 0;
        let union = unknownMass * 0.5;
        for (const t of p) {
          const v = this.idfOf(t);
          union += v;
          if (queryTerms.has(t)) inter += weightOf(t);
        }
        for (const t of queryTerms) if (!p.includes(t)) union += weightOf(t);
        if (union > 0) best = Math.max(best, inter / union);
      }

      // Title recall: a question about the thing a topic is named after belongs to that topic
      // ("osteoporosis" → "Vitamin K2 and osteoporosis", not "Does vitamin K2 help bones?").
      let titleHit = 0;
      let titleAll = 0;
      for (const t of e.titleTerms) {
        const v = this.idfOf(t);
        titleAll += v;
        if (queryTerms.has(t)) titleHit += v;
      }
      // Half "how much of the title the question covers", half "how much of the question the
      // title explains", so a short title does not win on one shared word.
      const titleRecall =
        titleAll > 0
          ? (1 - MIX.titleShare) * (titleHit / titleAll) + MIX.titleShare * Math.min(1, titleHit / knownMass)
          : 0;

      const boost = (intentBoosts.get(e.topic.category) ?? 0) + (e.topic.popular ? POPULAR_PRIOR : 0);
      const quoteCredit = QUOTE_BONUS * (quoteShare.get(entryIdx) ?? 0);
      const oneFood = manyFoods && e.titleTerms.some((t) => FOOD_ITEMS.has(t)) ? ONE_FOOD_FACTOR : 1;
      const score =
        oneFood *
        (MIX.coverage * coverage + MIX.phrasing * best + MIX.title * titleRecall + quoteCredit) *
        (1 + boost);
      return { topic: e.topic, score };
    });
    ranked.sort((a, b) => b.score - a.score);

    const first = ranked[0];
    const features: MatchFeatures = {
      top: first?.score ?? 0,
      second: ranked[1]?.score ?? 0,
      subjectMass: first ? (subjects.get(first.topic)?.[0] ?? 0) : 0,
      exactSubjectMass: first ? (subjects.get(first.topic)?.[1] ?? 0) : 0,
      generalHealthOnly: first
        ? (subjects.get(first.topic)?.[2] ?? []).every((t) => !this.isSpecific(t))
        : true,
      unmatchedTerms: first
        ? terms.filter(
            (t) =>
              !GENERIC_TERMS.has(t) &&
              !/^\d+$/.test(t) &&
              !(subjects.get(first.topic)?.[2] ?? []).includes(t),
          ).length
        : 0,
      unknownMass,
      hasAnchor,
      asksDefinition: queryTerms.has('define'),
      quoted: first
        ? (quoteShare.get(this.entries.findIndex((e) => e.topic === first.topic)) ?? 0) > 0
        : false,
      hasGenericTerms: terms.some((t) => GENERIC_TERMS.has(t)),
    };
    return { analysis, ranked, confidence: calibrate(features), hasAnchor, features };
  }
}

/**
 * Maps match features to a 0..1 confidence. The raw score is coverage-like; a clear winner and
 * a K2 word make a match more trustworthy. A question whose subject the knowledge base does
 * not know ("k2 for gout": only "k2" matches, "gout" is unknown) is held down, because the
 * matching words are the generic ones.
 */
export function calibrate(f: MatchFeatures): number {
  const margin = f.top - f.second;
  let x = Math.min(f.top, 1) + 0.5 * Math.min(margin, 0.2);
  if (!f.hasAnchor) x -= NO_ANCHOR_PENALTY;
  // Without a K2 word, a word the knowledge base does not know is probably the real subject.
  if (!f.hasAnchor && f.unknownMass > 0) x -= 0.3;
  // Unknown words outweighing the subject suggest the subject is one of them ("k2 for gout"),
  // unless a K2 word and a solid known subject are there (a long message with chat around it)
  // or the question asks what K2 is.
  const solidSubject = f.hasAnchor && (f.subjectMass >= SOLID_SUBJECT || f.asksDefinition);
  if (!solidSubject && f.unknownMass > f.subjectMass * (f.hasAnchor ? 1.5 : 0.9)) x -= 0.25;
  let conf = 1 / (1 + Math.exp(-12 * (x - 0.35)));
  const noSubject = f.subjectMass < WEAK_SUBJECT && !(f.hasAnchor && f.asksDefinition);
  // Only generic words matched ("can you help me", "k2 for gout", "k2 and hearing loss"):
  // nothing to answer from.
  if (noSubject && (f.unknownMass > 0 || !f.hasAnchor || f.unmatchedTerms > 0)) conf = Math.min(conf, 0.2);
  // Only a typo-corrected guess matched and nothing says K2: too little to go on.
  if (!f.hasAnchor && f.exactSubjectMass === 0) conf = Math.min(conf, 0.3);
  // Nothing says K2 and the message has words the knowledge base does not know, or it is about
  // general health and says more than its subject: it is somebody else's question ("does
  // exercise help osteoporosis", "how to prevent heart disease", "what is menopause"). A bare
  // "osteoporosis?" in a K2 bot is still about K2.
  if (
    !f.hasAnchor &&
    (f.unknownMass > 0 || (f.generalHealthOnly && (f.unmatchedTerms > 0 || f.hasGenericTerms)))
  ) {
    conf = Math.min(conf, 0.3);
  }
  // A pasted article quote names its topic, whatever words surround it.
  if (f.quoted) conf = Math.max(conf, QUOTED_CONFIDENCE);
  return Math.round(conf * 1000) / 1000;
}
