import { language } from '../kb/language.ts';
import type { Topic } from '../kb/schema.ts';
import type { Analysis } from './analyze.ts';
import {
  ARTICLE_ANCHOR,
  ARTICLE_SUBJECT_PAIRS,
  CONCEPTS,
  DOMAIN_ANCHORS,
  GENERIC_TERMS,
  INTENTS,
  OTHER_NUTRIENT,
  WARFARIN_COMPANIONS,
} from './lexicon.ts';
import { unionOf } from './phrasePattern.ts';
import { rawConfidence } from './rawConfidence.ts';
import { byScore, clearQuery, nextStamp, nextVisit, type Scratch, scratchFor } from './searchScratch.ts';
import type { IndexedTopic, TopicIndex } from './topicIndex.ts';

/**
 * Ranks the topics for one question: weighted term coverage of every topic field, similarity to
 * the closest sample phrasing, title match, a pasted article quote and category boosts, combined
 * into one score per topic and a raw confidence (rawConfidence.ts) for the best.
 */

/**
 * The vitamin's own names (focus.json vitaminNames: "mk7", "k1"): like "k2" they say what the
 * question is about, not which part of it, so a topic without them ("is mk7 safe?": the safety
 * topic) has not left part of the question unmatched.
 */
const VITAMIN_TERMS: ReadonlySet<string> = new Set(
  language().focus.vitaminNames.filter((n) => !n.includes(' ')),
);

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

const NO_BOOSTS: ReadonlyMap<string, number> = new Map();

/** Whether any intent's pattern matches: most questions match none, and one scan costs less than eight. */
const ANY_INTENT = unionOf(INTENTS.map((intent) => intent.pattern));

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

/**
 * Phrasing similarity: for each topic, the weighted Jaccard of the question with its closest
 * question, title or keyword. Only phrasings sharing a term with the question can score above
 * zero. A function of its own, over typed arrays only, so that the engine compiles this loop, the
 * hottest of a search, on its own.
 */
function closestPhrasings(
  index: TopicIndex,
  scratch: Scratch,
  queryTerms: ReadonlySet<string>,
  queryWeights: readonly number[],
  unknownMass: number,
): Float64Array {
  const best = scratch.bestPhrasing.fill(0);
  const { topicOf, start, ids, weights } = index.phrasingTable;
  const { queryWeightById, queryHasId, phrasingStamp, phrasingVisit, queryIds } = scratch;
  const stampById = phrasingStamp.byId;
  const visit = nextVisit(scratch);
  for (const t of queryTerms) {
    const found = index.phrasingsOfTerm.get(t);
    if (!found) continue;
    for (let f = 0; f < found.length; f++) {
      const g = found[f] as number;
      if (phrasingVisit[g] === visit) continue;
      phrasingVisit[g] = visit;
      const stamp = nextStamp(phrasingStamp);
      let inter = 0;
      let union = unknownMass * 0.5;
      const end = start[g + 1] as number;
      for (let k = start[g] as number; k < end; k++) {
        const id = ids[k] as number;
        stampById[id] = stamp;
        union += weights[k] as number;
        if (queryHasId[id] === 1) inter += queryWeightById[id] as number;
      }
      for (let j = 0; j < queryIds.length; j++) {
        const id = queryIds[j] as number;
        if (id < 0 || stampById[id] !== stamp) union += queryWeights[j] as number;
      }
      const topic = topicOf[g] as number;
      if (union > 0) best[topic] = Math.max(best[topic] as number, inter / union);
    }
  }
  return best;
}

/** What the subject words of the question give one topic (the best one: see MatchFeatures). */
function subjectOfTopic(
  index: TopicIndex,
  topic: number,
  terms: readonly string[],
  subjectFactor: ReadonlyMap<string, number>,
  weightOf: (t: string) => number,
  fuzzyTerms: ReadonlySet<string>,
): { mass: number; exactMass: number; terms: string[] } {
  // The same sums, in the same order, as adding every topic's at once.
  let mass = 0;
  let exactMass = 0;
  const subjectTerms: string[] = [];
  for (const t of terms) {
    const factor = subjectFactor.get(t);
    if (factor === undefined) continue;
    const found = index.termTopics.get(t);
    if (!found) continue;
    for (const { topic: other, weight } of found) {
      if (other !== topic) continue;
      const v = weight * weightOf(t);
      const sv = factor === 1 ? v : v * factor;
      mass += sv;
      subjectTerms.push(t);
      if (!fuzzyTerms.has(t)) exactMass += sv;
    }
  }
  return { mass, exactMass, terms: subjectTerms };
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
  if (terms.length === 0) {
    return {
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
  }

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

  // The caller's boosts, copied only when an intent adds to them: most questions match none.
  let intentBoosts: ReadonlyMap<string, number> = categoryBoosts ?? NO_BOOSTS;
  if (ANY_INTENT.test(plain)) {
    const boosted = new Map<string, number>(categoryBoosts ?? []);
    for (const intent of INTENTS) {
      if (intent.pattern.test(plain)) {
        for (const c of intent.categories) boosted.set(c, (boosted.get(c) ?? 0) + intent.boost);
      }
    }
    intentBoosts = boosted;
  }

  // The question's terms by phrasing term number (search scratch, cleared below): its weight and
  // whether it is asked at all, and each term's number in question order (-1: no phrasing uses it).
  const scratch = scratchFor(index);
  clearQuery(scratch);
  const { queryWeightById, queryHasId } = scratch;
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

  // Several foods named ("eggs, cheese, kefir: am I getting enough?") ask about a diet, not one food.
  const manyFoods = terms.filter((t) => FOOD_ITEMS.has(t)).length >= MANY_FOODS;
  // Each term's and written form's topics, read once per question instead of once per topic;
  // each topic's sums still add the terms in question order, so the figures are the same.
  const topicCount = index.entries.length;
  const matchedOf = scratch.matched.fill(0);
  for (const t of terms) {
    const found = index.termTopics.get(t);
    if (!found) continue;
    const w = weightOf(t);
    for (const { topic, weight } of found) matchedOf[topic] = (matchedOf[topic] as number) + weight * w;
  }
  for (const w of analysis.surface) {
    const found = index.surfaceTopics.get(w);
    if (!found) continue;
    const idf = index.surfaceIdf.get(w) ?? 0;
    for (const { topic, weight } of found) {
      matchedOf[topic] = (matchedOf[topic] as number) + SURFACE_BONUS * weight * idf;
    }
  }

  const bestPhrasingOf = closestPhrasings(index, scratch, queryTerms, queryWeights, unknownMass);

  const scores = scratch.scores;
  const { titleStart, titleIds, titleWeights } = scratch;
  for (let entryIdx = 0; entryIdx < topicCount; entryIdx++) {
    const e = index.entries[entryIdx] as IndexedTopic;
    const coverage = (matchedOf[entryIdx] as number) / denominator;
    const best = bestPhrasingOf[entryIdx] as number;

    // Title recall: a question about the thing a topic is named after belongs to that topic
    // ("osteoporosis" → "Vitamin K2 and osteoporosis", not "Does vitamin K2 help bones?").
    let titleHit = 0;
    const titleAll = e.titleWeight;
    for (let k = titleStart[entryIdx] as number; k < (titleStart[entryIdx + 1] as number); k++) {
      if (queryHasId[titleIds[k] as number] === 1) titleHit += titleWeights[k] as number;
    }
    // Half "how much of the title the question covers", half "how much of the question the
    // title explains", so a short title does not win on one shared word.
    const titleRecall =
      titleAll > 0
        ? (1 - MIX.titleShare) * (titleHit / titleAll) + MIX.titleShare * Math.min(1, titleHit / knownMass)
        : 0;

    // Most questions have no category boost: no lookup per topic then.
    const categoryBoost = intentBoosts.size > 0 ? (intentBoosts.get(e.topic.category) ?? 0) : 0;
    const boost = categoryBoost + (e.topic.popular ? POPULAR_PRIOR : 0);
    const quoteCredit = QUOTE_BONUS * (quoteShare.get(entryIdx) ?? 0);
    const oneFood = manyFoods && e.titleTerms.some((t) => FOOD_ITEMS.has(t)) ? ONE_FOOD_FACTOR : 1;
    scores[entryIdx] =
      oneFood *
      (MIX.coverage * coverage + MIX.phrasing * best + MIX.title * titleRecall + quoteCredit) *
      (1 + boost);
  }
  clearQuery(scratch);
  const order = byScore(scores);
  const ranked: ScoredTopic[] = order.map((i) => ({
    topic: (index.entries[i] as IndexedTopic).topic,
    score: scores[i] as number,
  }));

  const firstIdx = order[0] as number;
  const first = ranked[0];
  const subject = first
    ? subjectOfTopic(index, firstIdx, terms, subjectFactor, weightOf, analysis.fuzzyTerms)
    : { mass: 0, exactMass: 0, terms: [] };
  const features: MatchFeatures = {
    top: first?.score ?? 0,
    second: ranked[1]?.score ?? 0,
    subjectMass: subject.mass,
    exactSubjectMass: subject.exactMass,
    generalHealthOnly:
      subject.terms.every((t) => !index.isSpecific(t)) &&
      !ARTICLE_SUBJECT_PAIRS.some((pair) => pair.every((t) => terms.includes(t))),
    unmatchedTerms: first
      ? terms.filter(
          (t) =>
            !GENERIC_TERMS.has(t) && !VITAMIN_TERMS.has(t) && !DIGITS.test(t) && !subject.terms.includes(t),
        ).length
      : 0,
    unknownMass,
    hasAnchor,
    asksDefinition: queryTerms.has('define'),
    quoted: first ? (quoteShare.get(firstIdx) ?? 0) > 0 : false,
    hasGenericTerms: terms.some((t) => GENERIC_TERMS.has(t)),
  };
  return { analysis, ranked, confidence: rawConfidence(features), hasAnchor, features };
}
