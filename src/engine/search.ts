import type { Topic } from '../kb/schema.ts';
import type { Analysis } from './analyze.ts';
import {
  ARTICLE_ANCHOR,
  CONCEPTS,
  DOMAIN_ANCHORS,
  GENERIC_TERMS,
  INTENTS,
  OTHER_NUTRIENT,
  WARFARIN_COMPANIONS,
} from './lexicon.ts';
import { rawConfidence } from './rawConfidence.ts';
import type { IndexedTopic, Phrasing, TopicIndex } from './topicIndex.ts';

/**
 * Ranks the topics for one question: weighted term coverage of every topic field, similarity to
 * the closest sample phrasing, title match, a pasted article quote and category boosts, combined
 * into one score per topic and a raw confidence (rawConfidence.ts) for the best.
 */

/** Mix of term coverage, closest-phrasing similarity and title match in the raw score. */
const MIX = { coverage: 0.6, phrasing: 0.4, title: 0.2, titleShare: 0.3 } as const;

/** Popular topics are what most people ask: they win exact ties ("k2" → "What is vitamin K2?"). */
const POPULAR_PRIOR = 0.02;

/** Extra credit, relative to a term match, when a topic uses the asker's own word. */
const SURFACE_BONUS = 0.25;
/** A typo-corrected word counts this much of a correctly spelled one. */
const FUZZY_TRUST = 0.7;

/** A plain word counts this much of its weight as the subject of a question. */
const RAW_SUBJECT_FACTOR = 0.5;

/** An unknown content word weighs like a fairly rare term: it is something the KB cannot explain. */
const UNKNOWN_WORD_WEIGHT = 1.6;
/** Long rambling messages carry many irrelevant words; beyond this many they stop counting. */
const MAX_UNKNOWN_COUNTED = 3;

/** Raw-score credit, times the share of the quote pasted, for the topics carrying the quote. */
const QUOTE_BONUS = 0.6;

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

const DIGITS = /^\d+$/;

export interface ScoredTopic {
  topic: Topic;
  /** The combined raw score, before it becomes a confidence. */
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
  /** Raw 0..1 confidence of the best topic (rawConfidence.ts). */
  confidence: number;
  hasAnchor: boolean;
  features: MatchFeatures;
}

/** Reusable arrays over an index's phrasing terms: a search allocates none of them. */
interface Scratch {
  queryWeightById: Float64Array;
  queryHasId: Uint8Array;
  /** Marks the terms of the phrasing being compared (the mark is a fresh number each time). */
  phrasingStamp: { byId: Int32Array; current: number };
  /** A fresh number per search, marking the phrasings already compared (IndexedTopic.phrasingVisit). */
  visits: number;
  /** The term numbers the last search set in the arrays above. */
  queryIds: number[];
}

/** The marks count up to this and then start again from cleared arrays. */
const MAX_MARK = 0x7fffffff;

function nextStamp(stamp: { byId: Int32Array; current: number }): number {
  if (stamp.current >= MAX_MARK) {
    stamp.byId.fill(0);
    stamp.current = 0;
  }
  return ++stamp.current;
}

function nextVisit(index: TopicIndex, scratch: Scratch): number {
  if (scratch.visits >= MAX_MARK) {
    for (const e of index.entries) e.phrasingVisit.fill(0);
    scratch.visits = 0;
  }
  return ++scratch.visits;
}

/** Clears what a search set, even one that did not finish. */
function clearQuery(scratch: Scratch): void {
  for (const id of scratch.queryIds) {
    if (id >= 0) {
      scratch.queryHasId[id] = 0;
      scratch.queryWeightById[id] = 0;
    }
  }
  scratch.queryIds.length = 0;
}
const scratches = new WeakMap<TopicIndex, Scratch>();
function scratchFor(index: TopicIndex): Scratch {
  let s = scratches.get(index);
  if (!s) {
    const n = index.phrasingTermIds.size;
    s = {
      queryWeightById: new Float64Array(n),
      queryHasId: new Uint8Array(n),
      phrasingStamp: { byId: new Int32Array(n), current: 0 },
      visits: 0,
      queryIds: [],
    };
    scratches.set(index, s);
  }
  return s;
}

/** Ranks every topic of `index` for normalised text; see TopicIndex.search. */
export function searchTopics(
  index: TopicIndex,
  normalized: string,
  categoryBoosts: ReadonlyMap<string, number> | undefined,
  analysis: Analysis,
): SearchResult {
  const terms = analysis.terms.filter((t) => !DIGITS.test(t) || index.idf.has(t));
  const plain = normalized.replace(/'/g, '');
  // An anticoagulant alone is a drug question ("how long does warfarin last"); with a food or a
  // supplement it is the K2 interaction question ("on warfarin can I eat cheese").
  // Pasted article text points at K2 as surely as "K2" does.
  const quoteShare = index.quotes.quotedShare(normalized);
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
  const queryWeight = new Map<string, number>();
  for (const t of terms) {
    queryWeight.set(t, index.termWeight(t) * (analysis.fuzzyTerms.has(t) ? FUZZY_TRUST : 1));
  }
  const weightOf = (t: string) => queryWeight.get(t) as number;
  const knownMass = terms.reduce((sum, t) => sum + (DIGITS.test(t) ? 0 : weightOf(t)), 0);
  const denominator = knownMass + unknownMass;
  const queryTerms = new Set(terms);
  /** Per query term: counts towards the subject (not generic, not a number), and how much. */
  const subjectFactor = new Map<string, number>();
  for (const t of queryTerms) {
    // Plain words ("health", "quality", "together") are weaker evidence of a subject than
    // lexicon concepts: "k2 for eye health" is about eyes, not health topics.
    if (!GENERIC_TERMS.has(t) && !DIGITS.test(t))
      subjectFactor.set(t, CONCEPTS.has(t) ? 1 : RAW_SUBJECT_FACTOR);
  }

  const intentBoosts = new Map<string, number>(categoryBoosts ?? []);
  for (const intent of INTENTS) {
    if (intent.pattern.test(plain)) {
      for (const c of intent.categories) intentBoosts.set(c, (intentBoosts.get(c) ?? 0) + intent.boost);
    }
  }

  // The question's terms by phrasing term number (search scratch, cleared below): its weight and
  // whether it is asked at all, and each term's number in question order (-1: no phrasing uses it).
  const scratch = scratchFor(index);
  clearQuery(scratch);
  const { queryWeightById, queryHasId, phrasingStamp } = scratch;
  const queryIds = scratch.queryIds;
  queryIds.length = 0;
  const queryWeights: number[] = [];
  for (const t of queryTerms) {
    const id = index.phrasingTermIds.get(t) ?? -1;
    queryIds.push(id);
    queryWeights.push(weightOf(t));
    if (id >= 0) {
      queryHasId[id] = 1;
      queryWeightById[id] = weightOf(t);
    }
  }
  const visit = nextVisit(index, scratch);

  // Several foods named ("eggs, cheese, kefir: am I getting enough?") ask about a diet, not one food.
  const manyFoods = terms.filter((t) => FOOD_ITEMS.has(t)).length >= MANY_FOODS;
  // Each term's and written form's topics, read once per question instead of once per topic;
  // each topic's sums still add the terms in question order, so the figures are the same.
  const topicCount = index.entries.length;
  const matchedOf = new Float64Array(topicCount);
  const subjectOf = new Float64Array(topicCount);
  const exactSubjectOf = new Float64Array(topicCount);
  const subjectTermsOf: string[][] = Array.from({ length: topicCount }, () => []);
  for (const t of terms) {
    const found = index.termTopics.get(t);
    if (!found) continue;
    const factor = subjectFactor.get(t);
    const exact = !analysis.fuzzyTerms.has(t);
    for (const { topic, weight } of found) {
      const v = weight * weightOf(t);
      matchedOf[topic] = (matchedOf[topic] as number) + v;
      if (factor !== undefined) {
        const sv = factor === 1 ? v : v * factor;
        subjectOf[topic] = (subjectOf[topic] as number) + sv;
        (subjectTermsOf[topic] as string[]).push(t);
        if (exact) exactSubjectOf[topic] = (exactSubjectOf[topic] as number) + sv;
      }
    }
  }
  for (const w of analysis.surface) {
    const found = index.surfaceTopics.get(w);
    if (!found) continue;
    const idf = index.surfaceIdf.get(w) ?? 0;
    for (const { topic, weight } of found) {
      matchedOf[topic] = (matchedOf[topic] as number) + SURFACE_BONUS * weight * idf;
    }
  }

  // Phrasing similarity: weighted Jaccard with the closest question, title or keyword. Only
  // phrasings sharing a term with the question can score above zero. Same sums, in the same
  // order, as over the term strings; only the lookups are array reads.
  const bestPhrasingOf = new Float64Array(topicCount);
  for (const t of queryTerms) {
    const found = index.phrasingsOfTerm.get(t);
    if (!found) continue;
    for (const { topic, phrasing } of found) {
      const e = index.entries[topic] as IndexedTopic;
      if (e.phrasingVisit[phrasing] === visit) continue;
      e.phrasingVisit[phrasing] = visit;
      const p = e.phrasings[phrasing] as Phrasing;
      const stamp = nextStamp(phrasingStamp);
      let inter = 0;
      let union = unknownMass * 0.5;
      for (let k = 0; k < p.ids.length; k++) {
        const id = p.ids[k] as number;
        phrasingStamp.byId[id] = stamp;
        union += p.weights[k] as number;
        if (queryHasId[id] === 1) inter += queryWeightById[id] as number;
      }
      for (let j = 0; j < queryIds.length; j++) {
        const id = queryIds[j] as number;
        if (id < 0 || phrasingStamp.byId[id] !== stamp) union += queryWeights[j] as number;
      }
      if (union > 0) bestPhrasingOf[topic] = Math.max(bestPhrasingOf[topic] as number, inter / union);
    }
  }

  const ranked: ScoredTopic[] = index.entries.map((e, entryIdx) => {
    const coverage = (matchedOf[entryIdx] as number) / denominator;
    const best = bestPhrasingOf[entryIdx] as number;

    // Title recall: a question about the thing a topic is named after belongs to that topic
    // ("osteoporosis" → "Vitamin K2 and osteoporosis", not "Does vitamin K2 help bones?").
    let titleHit = 0;
    const titleAll = e.titleWeight;
    for (const t of e.titleTerms) if (queryTerms.has(t)) titleHit += index.termWeight(t);
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
  clearQuery(scratch);

  const subjects = new Map<Topic, [number, number, string[]]>();
  for (const [i, e] of index.entries.entries()) {
    subjects.set(e.topic, [
      subjectOf[i] as number,
      exactSubjectOf[i] as number,
      subjectTermsOf[i] as string[],
    ]);
  }
  const first = ranked[0];
  const features: MatchFeatures = {
    top: first?.score ?? 0,
    second: ranked[1]?.score ?? 0,
    subjectMass: first ? (subjects.get(first.topic)?.[0] ?? 0) : 0,
    exactSubjectMass: first ? (subjects.get(first.topic)?.[1] ?? 0) : 0,
    generalHealthOnly: first
      ? (subjects.get(first.topic)?.[2] ?? []).every((t) => !index.isSpecific(t))
      : true,
    unmatchedTerms: first
      ? terms.filter(
          (t) =>
            !GENERIC_TERMS.has(t) && !DIGITS.test(t) && !(subjects.get(first.topic)?.[2] ?? []).includes(t),
        ).length
      : 0,
    unknownMass,
    hasAnchor,
    asksDefinition: queryTerms.has('define'),
    quoted: first
      ? (quoteShare.get(index.entries.findIndex((e) => e.topic === first.topic)) ?? 0) > 0
      : false,
    hasGenericTerms: terms.some((t) => GENERIC_TERMS.has(t)),
  };
  return { analysis, ranked, confidence: rawConfidence(features), hasAnchor, features };
}
