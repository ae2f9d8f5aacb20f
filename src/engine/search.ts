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
import type { Phrasing, TopicIndex } from './topicIndex.ts';

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

  // Several foods named ("eggs, cheese, kefir: am I getting enough?") ask about a diet, not one food.
  const manyFoods = terms.filter((t) => FOOD_ITEMS.has(t)).length >= MANY_FOODS;
  const subjects = new Map<Topic, [number, number, string[]]>();
  const ranked: ScoredTopic[] = index.entries.map((e, entryIdx) => {
    let matched = 0;
    let subject = 0;
    let exactSubject = 0;
    const subjectTerms: string[] = [];
    for (const t of terms) {
      const w = e.weights.get(t);
      if (!w) continue;
      const v = w * weightOf(t);
      matched += v;
      const factor = subjectFactor.get(t);
      if (factor !== undefined) {
        const sv = factor === 1 ? v : v * factor;
        subject += sv;
        subjectTerms.push(t);
        if (!analysis.fuzzyTerms.has(t)) exactSubject += sv;
      }
    }
    for (const w of analysis.surface) {
      const sw = e.surface.get(w);
      if (sw) matched += SURFACE_BONUS * sw * (index.surfaceIdf.get(w) ?? 0);
    }
    subjects.set(e.topic, [subject, exactSubject, subjectTerms]);
    const coverage = matched / denominator;

    // Phrasing similarity: weighted Jaccard with the closest question, title or keyword. Only
    // phrasings sharing a term with the question can score above zero.
    let best = 0;
    const sharing = new Set<number>();
    for (const t of queryTerms) {
      const found = e.phrasingsByTerm.get(t);
      if (found) for (const i of found) sharing.add(i);
    }
    for (const i of sharing) {
      const p = e.phrasings[i] as Phrasing;
      let inter = 0;
      let union = unknownMass * 0.5;
      for (let k = 0; k < p.terms.length; k++) {
        const t = p.terms[k] as string;
        union += p.weights[k] as number;
        if (queryTerms.has(t)) inter += weightOf(t);
      }
      for (const t of queryTerms) if (!p.termSet.has(t)) union += weightOf(t);
      if (union > 0) best = Math.max(best, inter / union);
    }

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
