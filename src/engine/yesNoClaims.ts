import { language, texts } from '../kb/language.ts';
import type { Topic } from '../kb/schema.ts';
import { fillText } from '../kb/templates.ts';
import type { Analyzer } from './analyze.ts';
import { STOP_WORDS } from './lexicon.ts';
import { normalizeText, tokenize } from './normalize.ts';
import { phraseRegex } from './phrasePattern.ts';
import { stemmedWords } from './phraseSet.ts';
import type { YesNoLead } from './questionFocus.ts';

/**
 * Which yes/no claims a question asks, and so whether its reply may open with "Yes."/"No.".
 *
 * A fact's yes or no answers one claim ("K2 thins the blood": no), not every yes/no question that
 * picks the fact: "is natto fine on warfarin?" and "is natto risky on warfarin?" pick the same fact
 * and need opposite words. So facts name the claims they answer (`answers` in
 * knowledge/topics/*.json), and a question gets a lead only when it asks one of them:
 *
 * - every word of the claim is in the question, as written, as a word of the same group
 *   (lexicon/focus.json `polarity.equivalents`: "ok" for "safe"), or as the same lexicon term
 *   ("coumadin" for "warfarin"), unless that term lumps different points together
 *   (`polarity.broadTerms`: "toxic" and "side effects" are both `sideeffect`);
 * - or as its opposite (`polarity.opposites`): a contradictory opposite ("risky" for "safe")
 *   turns yes into no and no into yes; a contrary one ("worse" for "better": both can be false)
 *   keeps only a yes, as a no, and gives no lead otherwise;
 * - the question asks nothing else: no word of its own that the claim does not have ("does k2
 *   affect warfarin?" is not "is k2 safe with warfarin?"), no other subject ("eliquis" is not
 *   warfarin);
 * - the question is not negated inside ("is it ok not to …", "does k2 never …"): the bare word
 *   would be ambiguous. A negated opener ("doesn't k2 thin the blood?") is answered as the plain
 *   question, as English answers it ("No, it doesn't").
 *
 * When claims of several facts match and disagree, there is no lead.
 */

const POLARITY = language().focus.polarity;

type Side = { group: number; opposite: number; kind: 'contradictory' | 'contrary' };

/** Each grouped word's group, and for opposites the group it is opposed to. */
const GROUP_OF = new Map<string, number>();
const OPPOSITE_OF = new Map<number, Side>();
{
  let next = 0;
  const add = (words: readonly string[]) => {
    const id = next++;
    for (const w of words) for (const s of stemmedWords(w)) GROUP_OF.set(s, id);
    return id;
  };
  for (const words of POLARITY.equivalents) add(words);
  for (const o of POLARITY.opposites) {
    const a = add(o.words);
    const b = add(o.opposite);
    OPPOSITE_OF.set(a, { group: a, opposite: b, kind: o.kind });
    OPPOSITE_OF.set(b, { group: b, opposite: a, kind: o.kind });
  }
}
const BROAD_TERMS: ReadonlySet<string> = new Set(POLARITY.broadTerms);
const NEGATIONS: ReadonlySet<string> = new Set(POLARITY.negations.flatMap((w) => stemmedWords(w)));
const CONTEXT_TERMS: ReadonlySet<string> = new Set(POLARITY.contextTerms);
const QUALIFIERS: ReadonlySet<string> = new Set(POLARITY.qualifiers.flatMap((w) => stemmedWords(w)));
const FUNCTION_WORDS: ReadonlySet<string> = new Set(POLARITY.functionWords.flatMap((w) => stemmedWords(w)));
const ALTERNATIVES: ReadonlySet<string> = new Set(POLARITY.alternatives.flatMap((w) => stemmedWords(w)));
const INTENSIFIERS = phraseRegex({ words: POLARITY.intensifiers }, 'g');
const HOLDS: ReadonlySet<string> = new Set(POLARITY.truth.holds.flatMap((w) => stemmedWords(w)));
const DOUBTS: ReadonlySet<string> = new Set(POLARITY.truth.doubts.flatMap((w) => stemmedWords(w)));
/** A doubt offered as the other answer at the end ("…, or is that a myth?", "or just marketing"). */
const DOUBT_TAIL = new RegExp(
  `,?\\s(?:or|or is (?:that|it|this|all that))\\s(?:(?:just|all|a|an|pure|total) )?(?:${POLARITY.truth.doubts.join('|')})[?!.\\s]*$`,
);

/** A question without the doubt offered as its other answer ("is there more k2, or is that hype?"). */
export function withoutDoubtTail(text: string): string {
  return text.replace(DOUBT_TAIL, '');
}

const OPENERS: ReadonlySet<string> = new Set(
  [...language().focus.yesNoStarts, ...language().focus.openers].flatMap((w) => stemmedWords(w)),
);

/** A word as compared: its group when it has one, else itself. */
const canonical = (word: string) => {
  const g = GROUP_OF.get(word);
  return g === undefined ? word : `#${g}`;
};

/** One word of a claim or a question, with the lexicon terms it stands for. */
interface Word {
  word: string;
  canonical: string;
  terms: string[];
  /** Chat filler in a question ("really", "same"): found when a claim needs it, asks nothing alone. */
  filler: boolean;
}

export interface Claim {
  /** The fact's full id. */
  factId: string;
  text: string;
  polarity: YesNoLead;
  words: Word[];
}

export interface ClaimMatch {
  claim: Claim;
  /** The lead the question gets: the claim's polarity, turned by an opposite word. */
  lead: YesNoLead;
}

/** Whether a word is one side of an opposite pair ("safe", "need"): it carries the polarity. */
const isPolar = (word: string) => {
  const group = GROUP_OF.get(word);
  return group !== undefined && OPPOSITE_OF.has(group);
};

/** "mk 7", "k-2", "d 3" as one word, the way "mk7", "k2" and "d3" are written. */
const joinForms = (text: string) => text.replace(/\b(mk|k|d)[ -](\d{1,2})\b/g, '$1$2');

/**
 * Words of normalised text, without the function words ("the", "is", "with"). A claim keeps every
 * other word, filler included ("only", "same", "most" change what it says); a question marks its
 * filler, which it need not explain.
 */
function contentWords(text: string, analyzer: Analyzer, cache: Map<string, string[]>): Word[] {
  const out: Word[] = [];
  const read = joinForms(text).replace(INTENSIFIERS, ' ');
  const all = stemmedWords(read);
  const written = tokenize(read);
  for (let i = 0; i < all.length; i++) {
    const word = all[i] as string;
    const marks = isPolar(word) || NEGATIONS.has(word) || HOLDS.has(word) || DOUBTS.has(word);
    if ((FUNCTION_WORDS.has(word) || OPENERS.has(word)) && !marks && !QUALIFIERS.has(word)) continue;
    // "Only", "just", "all": filler in chat, but a claim must say them for a question that does.
    const filler = STOP_WORDS.has(word) && !marks && !QUALIFIERS.has(word);
    // A marking word ("safe", "not", "true") is read by its group, never by a phrase it stands in.
    const terms =
      filler || marks ? termsOf(word, analyzer, cache) : phraseTerms(all, written, i, analyzer, cache);
    out.push({ word, canonical: canonical(word), terms, filler });
  }
  return out;
}

function termsOf(text: string, analyzer: Analyzer, cache: Map<string, string[]>): string[] {
  let terms = cache.get(text);
  if (!terms) {
    terms = analyzer.analyze(text, false).terms;
    cache.set(text, terms);
  }
  return terms;
}

/**
 * The terms a word stands for as part of a two-word lexicon phrase ("hardened" in "hardened
 * arteries": calcification), when the phrase means more than its words apart: read alone,
 * "hardened" is a word no claim explains, and the question would ask no claim. Pairs are not
 * cached: they come from what members type, and the cache would grow without end.
 */
function phraseTerms(
  words: readonly string[],
  written: readonly string[],
  at: number,
  analyzer: Analyzer,
  cache: Map<string, string[]>,
): string[] {
  const own = termsOf(words[at] as string, analyzer, cache);
  for (const other of [at + 1, at - 1]) {
    const neighbour = words[other];
    if (neighbour === undefined || FUNCTION_WORDS.has(neighbour)) continue;
    const pair = other > at ? `${written[at]} ${written[other]}` : `${written[other]} ${written[at]}`;
    const its = termsOf(neighbour, analyzer, cache);
    const phrase = analyzer.analyze(pair, false).terms;
    // "arteries" keeps its own meaning inside "hardened arteries"; "hardened" loses its own to the phrase's.
    if (own.length > 0 && own.every((t) => phrase.includes(t))) continue;
    const more = phrase.filter((t) => !its.includes(t) && !own.includes(t));
    if (more.length > 0) return more;
  }
  return own;
}

/** A word of the claims with what `find` reads of it worked out once, when the claims are first matched. */
interface ClaimWord {
  canonical: string;
  terms: readonly string[];
  /** Its terms stand for it: it has some and none is broad. */
  termsTell: boolean;
  /** The side of an opposite pair it is on, and the canonical form of the other side. */
  side: Side | undefined;
  oppositeCanonical: string;
}

function claimWord(w: Word): ClaimWord {
  const group = GROUP_OF.get(w.word);
  const side = group === undefined ? undefined : OPPOSITE_OF.get(group);
  return {
    canonical: w.canonical,
    terms: w.terms,
    termsTell: w.terms.length > 0 && w.terms.every((t) => !BROAD_TERMS.has(t)),
    side,
    oppositeCanonical: side ? `#${side.opposite}` : '',
  };
}

/**
 * How a word of the claim is found among the question's words: the same word or group, or every
 * term the word stands for ("doacs" is `warfarin` and `doac`: "warfarin" alone is not it); the
 * opposite group; or not at all.
 */
function find(claimWord: ClaimWord, question: QuestionWords): 'same' | Side | null {
  if (question.canonicals.has(claimWord.canonical)) return 'same';
  if (claimWord.termsTell && allIn(claimWord.terms, question.terms)) return 'same';
  if (claimWord.side && question.canonicals.has(claimWord.oppositeCanonical)) return claimWord.side;
  return null;
}

/**
 * Whether every one of `terms` is in `set`. A loop, not `every` with a closure: a closure over
 * the question made every call of `find`, a few hundred per yes/no question, allocate its context.
 */
function allIn(terms: readonly string[], set: ReadonlySet<string>): boolean {
  for (let i = 0; i < terms.length; i++) if (!set.has(terms[i] as string)) return false;
  return true;
}

/** A question's words as `find` looks them up, worked out once per question rather than per claim word. */
interface QuestionWords {
  canonicals: ReadonlySet<string>;
  terms: ReadonlySet<string>;
}

const questionWords = (words: readonly Word[]): QuestionWords => ({
  canonicals: new Set(words.map((w) => w.canonical)),
  terms: new Set(words.flatMap((w) => w.terms)),
});

/** Whether a question's word is part of the claim (itself, its group, its opposite or its term). */
function covered(q: Word, claim: Claim): boolean {
  if (q.filler) return true;
  for (const c of claim.words) {
    if (q.canonical === c.canonical) return true;
    const group = GROUP_OF.get(c.word);
    const side = group === undefined ? undefined : OPPOSITE_OF.get(group);
    if (side && q.canonical === `#${side.opposite}`) return true;
  }
  // A word the lexicon does not know may change the point ("barely", "contraindicated"): only
  // the claim's own words are safe to read.
  if (q.terms.length === 0) return false;
  return q.terms.every((t) => claim.words.some((c) => c.terms.includes(t)));
}

function turned(polarity: YesNoLead, kind: Side['kind']): YesNoLead | null {
  if (polarity === 'depends' || polarity === 'not-known' || polarity === 'mixed') return polarity;
  if (kind === 'contradictory') return polarity === 'yes' ? 'no' : 'yes';
  // "Is MK-7 worse?" when it is better: no. When it is not better, it may still not be worse.
  return polarity === 'yes' ? 'no' : null;
}

/**
 * The claims' words by number: each claim's word numbers, and one ClaimWord per number (the words
 * of one spelling are alike: the same canonical form and terms). A question then keeps how each
 * word is found in an array rather than a map keyed by the word: every question reads a few hundred.
 */
interface ClaimWordTable {
  idsOf: Int32Array[];
  words: ClaimWord[];
  /**
   * How each word was found in the question being matched (undefined: not looked for yet), one
   * slot per word number: kept with the table and cleared per question instead of allocated.
   */
  foundAs: Array<'same' | Side | null | undefined>;
}

/** Kept beside the index, not in it: the index is what the build artifact stores. */
const wordTables = new WeakMap<ClaimIndex, ClaimWordTable>();

function claimWordTable(index: ClaimIndex): ClaimWordTable {
  let table = wordTables.get(index);
  if (table) return table;
  const idOf = new Map<string, number>();
  const words: ClaimWord[] = [];
  const idsOf = index.claims.map((claim) =>
    Int32Array.from(claim.words, (w) => {
      let id = idOf.get(w.word);
      if (id === undefined) {
        id = words.length;
        idOf.set(w.word, id);
        words.push(claimWord(w));
      }
      return id;
    }),
  );
  table = { idsOf, words, foundAs: Array.from(words, () => undefined) };
  wordTables.set(index, table);
  return table;
}

/** The claims of a knowledge base, ready to match questions against. */
export class ClaimIndex {
  readonly claims: Claim[] = [];
  private readonly cache = new Map<string, string[]>();

  constructor(
    topics: readonly Topic[],
    private readonly analyzer: Analyzer,
  ) {
    for (const topic of topics) {
      for (const fact of topic.facts) {
        for (const a of fact.answers ?? []) {
          this.claims.push({
            factId: `${topic.id}/${fact.id}`,
            text: a.claim,
            polarity: a.polarity,
            words: contentWords(normalizeText(a.claim), analyzer, this.cache),
          });
        }
      }
    }
  }

  /**
   * The claim a yes/no question asks and the lead it gets, or null. `question` is the asking part
   * of the message, normalised; `carried` the subject of the previous question for a follow-up
   * ("does it thin the blood?" after a K2 answer): it may supply the claim's words, never extra ones.
   */
  match(asking: string, carried = '', whole = asking): ClaimMatch | null {
    // "is k2 actually good for bones or is that a myth": the doubt after "or" asks the claim itself.
    const question = asking.replace(DOUBT_TAIL, '');
    // "Is 120 mcg the RDA or the AI?" asks which, not whether.
    if (stemmedWords(question).some((w) => ALTERNATIVES.has(w))) return null;
    const words = contentWords(question, this.analyzer, this.cache);
    // "I take rivaroxaban. Does k2 affect it the way it affects warfarin?": a medicine or a group
    // of people named anywhere in the message must be one the claim is about. Read from the whole
    // message only once a claim gets that far: most questions match no claim's words.
    let named: ReadonlySet<string> | null = null;
    const namedInMessage = () => {
      named ??= new Set(
        contentWords(whole, this.analyzer, this.cache).flatMap((w) =>
          w.terms.filter((t) => CONTEXT_TERMS.has(t)),
        ),
      );
      return named;
    };
    if (words.some((w) => NEGATIONS.has(w.word) || DOUBTS.has(w.word))) return null;
    // "Is it true / really so that …" asks the claim itself.
    const asked = words.filter((w) => !HOLDS.has(w.word));
    const context = questionWords(carried ? contentWords(carried, this.analyzer, this.cache) : []);
    const askedWords = questionWords(asked);
    // Claims share words ("k2", "warfarin", "safe"): each word is looked for once per question.
    const table = claimWordTable(this);
    const foundAs = table.foundAs.fill(undefined);
    // Without a previous question the context is empty: nothing is found in it.
    const hasContext = context.canonicals.size > 0 || context.terms.size > 0;
    const findWord = (id: number) => {
      let how = foundAs[id];
      if (how === undefined) {
        const w = table.words[id] as ClaimWord;
        how = find(w, askedWords) ?? (hasContext && find(w, context) === 'same' ? 'same' : null);
        foundAs[id] = how;
      }
      return how;
    };
    const found: ClaimMatch[] = [];
    for (let c = 0; c < this.claims.length; c++) {
      const claim = this.claims[c] as Claim;
      const ids = table.idsOf[c] as Int32Array;
      if (ids.length === 0) continue;
      let lead: YesNoLead | null = claim.polarity;
      for (let k = 0; k < ids.length; k++) {
        const how = findWord(ids[k] as number);
        if (how === null) {
          lead = null;
          break;
        }
        if (how !== 'same' && lead !== null) lead = turned(lead, how.kind);
      }
      if (lead === null) continue;
      if (!asked.every((q) => covered(q, claim))) continue;
      if ([...namedInMessage()].some((t) => !claim.words.some((c) => c.terms.includes(t)))) continue;
      found.push({ claim, lead });
    }
    const first = found[0];
    if (!first || found.some((m) => m.lead !== first.lead)) return null;
    return first;
  }
}

const built = new WeakMap<object, ClaimIndex>();

/** Makes `claims` the claim index kept with `owner`: one restored from the build (indexArtifact.ts). */
export function adoptClaimIndex(owner: object, claims: ClaimIndex): void {
  built.set(owner, claims);
}

/** The claim index of a set of topics and its analyzer, built on first use and kept with `owner`. */
export function claimIndexOf(owner: object, topics: () => readonly Topic[], analyzer: Analyzer): ClaimIndex {
  let claims = built.get(owner);
  if (!claims) {
    claims = new ClaimIndex(topics(), analyzer);
    built.set(owner, claims);
  }
  return claims;
}

/** A claim needs at least a subject and what is said of it. */
const MIN_CLAIM_WORDS = 2;

/**
 * What is wrong with the claims of a knowledge base (npm run kb:check): a claim too short to tell
 * questions apart, or one that does not get its own answer when asked as written, because its
 * words are unknown or another claim with another answer matches it too.
 */
export function claimProblems(claims: ClaimIndex): string[] {
  const problems: string[] = [];
  for (const claim of claims.claims) {
    const where = `${claim.factId}: claim "${claim.text}"`;
    if (claim.words.length < MIN_CLAIM_WORDS) {
      problems.push(`${where} has fewer than ${MIN_CLAIM_WORDS} words that say something`);
      continue;
    }
    const asked = claims.match(normalizeText(claim.text));
    if (!asked)
      problems.push(`${where} does not match itself, or another claim with another answer matches it`);
    else if (asked.lead !== claim.polarity)
      problems.push(`${where} asked as written gets "${asked.lead}", not its own "${claim.polarity}"`);
  }
  return problems;
}

/**
 * The first sentence of a reply to a claim a fact answers: "Yes.", "No.", "It depends." or "The
 * evidence is mixed." (trials point both ways); for an
 * unproven claim a whole sentence that names it ("No trial has shown that K2 prevents fractures.").
 */
export function claimLeadSentence(match: ClaimMatch): string {
  const leads = texts().replies.claimLeads;
  if (match.lead === 'yes') return leads.yes;
  if (match.lead === 'no') return leads.no;
  if (match.lead === 'depends') return leads.depends;
  if (match.lead === 'mixed') return leads.mixed;
  return fillText(leads.notShown, { claim: match.claim.text });
}
