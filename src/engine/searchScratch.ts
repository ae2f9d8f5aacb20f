import type { TopicIndex } from './topicIndex.ts';

/**
 * The working memory of a search (search.ts), kept with its topic index: typed arrays over the
 * index's phrasing terms, phrasings and topics that every search reuses instead of allocating,
 * and the topics' title terms as term numbers, so that title matching reads arrays rather than
 * hashing strings.
 */

export interface Scratch {
  queryWeightById: Float64Array;
  queryHasId: Uint8Array;
  /** Marks the terms of the phrasing being compared (the mark is a fresh number each time). */
  phrasingStamp: { byId: Int32Array; current: number };
  /** The search (by its number) that last compared each phrasing of `TopicIndex.phrasingTable`. */
  phrasingVisit: Int32Array;
  /** A fresh number per search, marking the phrasings already compared (`phrasingVisit`). */
  visits: number;
  /** The term numbers the last search set in the arrays above. */
  queryIds: number[];
  /** Per topic: the closest phrasing's similarity, the matched term weight, the score. */
  bestPhrasing: Float64Array;
  matched: Float64Array;
  scores: Float64Array;
  /** Topic t's title terms are `titleIds[titleStart[t]..titleStart[t + 1]]`, in title order… */
  titleStart: Int32Array;
  titleIds: Int32Array;
  /** …each with its `termWeight`. */
  titleWeights: Float64Array;
}

/** The marks count up to this and then start again from cleared arrays. */
const MAX_MARK = 0x7fffffff;

export function nextStamp(stamp: { byId: Int32Array; current: number }): number {
  if (stamp.current >= MAX_MARK) {
    stamp.byId.fill(0);
    stamp.current = 0;
  }
  return ++stamp.current;
}

export function nextVisit(scratch: Scratch): number {
  if (scratch.visits >= MAX_MARK) {
    scratch.phrasingVisit.fill(0);
    scratch.visits = 0;
  }
  return ++scratch.visits;
}

/** Clears what a search set, even one that did not finish. */
export function clearQuery(scratch: Scratch): void {
  for (const id of scratch.queryIds) {
    if (id >= 0) {
      scratch.queryHasId[id] = 0;
      scratch.queryWeightById[id] = 0;
    }
  }
  scratch.queryIds.length = 0;
}

/** Every title term is a phrasing term (a title is one of its topic's phrasings): its number. */
function titleTable(index: TopicIndex): Pick<Scratch, 'titleStart' | 'titleIds' | 'titleWeights'> {
  const titleStart = new Int32Array(index.entries.length + 1);
  const ids: number[] = [];
  const weights: number[] = [];
  index.entries.forEach((e, topic) => {
    titleStart[topic] = ids.length;
    for (const t of e.titleTerms) {
      const id = index.phrasingTermIds.get(t);
      if (id === undefined) throw new Error(`title term "${t}" of ${e.topic.id} is no phrasing term`);
      ids.push(id);
      weights.push(index.termWeight(t));
    }
  });
  titleStart[index.entries.length] = ids.length;
  return { titleStart, titleIds: Int32Array.from(ids), titleWeights: Float64Array.from(weights) };
}

const scratches = new WeakMap<TopicIndex, Scratch>();

/** The scratch of a topic index, made on its first search. */
export function scratchFor(index: TopicIndex): Scratch {
  let s = scratches.get(index);
  if (!s) {
    const n = index.phrasingTermIds.size;
    const topics = index.entries.length;
    s = {
      queryWeightById: new Float64Array(n),
      queryHasId: new Uint8Array(n),
      phrasingStamp: { byId: new Int32Array(n), current: 0 },
      phrasingVisit: new Int32Array(index.phrasingTable.topicOf.length),
      visits: 0,
      queryIds: [],
      bestPhrasing: new Float64Array(topics),
      matched: new Float64Array(topics),
      scores: new Float64Array(topics),
      ...titleTable(index),
    };
    scratches.set(index, s);
  }
  return s;
}

/**
 * Topic numbers by score, best first; equal scores keep the topics' order: what a stable sort
 * gives, by insertion, without a comparator call per pair. A score that is not a finite number (a
 * message of bare numbers can divide by a zero mass) makes the comparison inconsistent: such
 * scores are ranked by Array.prototype.sort, as they always were.
 */
export function byScore(scores: Float64Array): number[] {
  const order = new Array<number>(scores.length);
  for (let i = 0; i < scores.length; i++) {
    const score = scores[i] as number;
    if (!Number.isFinite(score))
      return Array.from(scores, (_, k) => k).sort((a, b) => (scores[b] as number) - (scores[a] as number));
    let at = i;
    while (at > 0 && (scores[order[at - 1] as number] as number) < score) {
      order[at] = order[at - 1] as number;
      at--;
    }
    order[at] = i;
  }
  return order;
}
