/**
 * The parts of the eval that read the reply a person sees, beyond its topic and facts: whether a
 * partly covered question is answered honestly, whether a decline's stated reason is true, how
 * the first sentence leads, how long replies are, and conversations. Pure functions of a case and
 * the engine's Answer, so evaluate.ts can score every case in one pass.
 */
import { plainStyle, renderAnswerText } from '../src/cli/renderText.ts';
import { DECLINE_TEXTS, GREETING_TEXT, THANKS_TEXT } from '../src/engine/declines.ts';
import type { Answer } from '../src/engine/index.ts';
import { UNSURE_TEXT } from '../src/engine/safety.ts';
import type { EvalCase } from './evaluate.ts';

/** Whether an answer shows what a case says a right reply must show (all `facts`, one of `anyFacts`). */
export function showsExpectedFacts(c: EvalCase, shown: readonly string[]): boolean {
  const all = c.facts ?? [];
  const any = c.anyFacts ?? [];
  return all.every((id) => shown.includes(id)) && (any.length === 0 || any.some((id) => shown.includes(id)));
}

/**
 * A reply is right for a case when it does what the case asks: escalates an urgent message,
 * declines an out-of-scope one, and otherwise answers with the named facts in its body (or, for a
 * case that names none, with the expected topic).
 */
export function replyIsRight(c: EvalCase, a: Answer): boolean {
  if (c.expect === 'urgent') return a.urgent;
  if (a.urgent) return false;
  if (c.expect === 'decline') return a.kind !== 'answer';
  if (a.kind !== 'answer') return false;
  if (namesFacts(c)) return showsExpectedFacts(c, shownFacts(a));
  return !!a.topic && (a.topic.id === c.expect || (c.also ?? []).includes(a.topic.id));
}

/** True when a case says which facts a right reply shows. */
export function namesFacts(c: EvalCase): boolean {
  return (c.facts?.length ?? 0) > 0 || (c.anyFacts?.length ?? 0) > 0;
}

/** The fact ids a reply shows in its body, in order. */
export function shownFacts(a: Answer): readonly string[] {
  return a.facts;
}

/**
 * The first sentence of a body: up to the first sentence end that is not inside a number or an
 * abbreviation ("about 4.5 mcg", "e.g."), or the whole body.
 */
export function firstSentence(body: string): string {
  const m = /^[\s\S]*?[.!?](?=\s+[A-Z"“(]|\s*$)/.exec(body.trim());
  return (m ? m[0] : body).trim();
}

/**
 * "The article doesn't say …", "… is not covered …": the words of an honest partial answer. In the
 * past tense only of the article: a trial that "did not measure strength" says what it found.
 */
const SAYS_NOT_COVERED =
  /\b(doesn'?t|does not|don'?t|do not|never|article (didn'?t|did not))\s+(say|cover|mention|give|compare|discuss|address|state|list|tell|go into|look at|measure|report)\b|\b(not|isn'?t|aren'?t) (covered|mentioned|discussed|addressed|stated|known|given)\b|\bno (information|figure|data|mention)\b|\bnothing (about|on)\b|\bsilent (on|about)\b/i;

export function saysNotCovered(sentence: string): boolean {
  return SAYS_NOT_COVERED.test(sentence.replace(/[’‘]/g, "'"));
}

const AMOUNT =
  /\d[\d,.]*\s*(?:[-–]|to)?\s*[\d,.]*\s*(?:%|percent|mcg|µg|μg|micrograms?|mg|milligrams?|g\b|grams?|hours?|days?|years?|months?|weeks?|people|adults|women|men|patients|trials|studies|times)/i;

const LEADS: Record<NonNullable<EvalCase['lead']>, (sentence: string) => boolean> = {
  yes: (s) => /^yes\b/i.test(s),
  // "Not shown" / "Not proven" answer "has it been shown …?" as directly as "No".
  no: (s) => /^(no\b(?! one\b)|not (yet )?(shown|proven|established)\b)/i.test(s),
  // "No trial has shown that K2 prevents fractures": what is not known, said as a whole sentence.
  'not-known': (s) =>
    /^(not known|unknown|it'?s not known|it is not known|it isn'?t known|no one knows|nobody knows|not (yet )?(shown|proven|established)|no (clinical )?(trial|study|studies|research) (has|have) (yet )?(shown|proven))\b/i.test(
      s,
    ),
  depends: (s) => /^(it )?depends\b/i.test(s),
  // The figure and its unit within the first few words ("About 150 mcg per tablespoon …",
  // "Natto has about 850 mcg …"), not somewhere later in the sentence.
  figure: (s) => AMOUNT.test(s.split(/\s+/).slice(0, 6).join(' ')),
};

/** Whether a body's first sentence starts the way a case's `lead` asks. */
export function leadMatches(lead: NonNullable<EvalCase['lead']>, body: string): boolean {
  return LEADS[lead](
    firstSentence(body)
      .replace(/[’‘]/g, "'")
      .replace(/^[*_\s]+/, ''),
  );
}

/**
 * The reason a decline gives, as a decline class id: the engine's own field when it has one,
 * otherwise the class whose fixed text the body is. "unsure" is the "not sure which part" reply,
 * which names no reason; "greeting" and "thanks" are the small-talk replies.
 */
export function declineClassOf(a: Answer): string {
  const own =
    (a as { declineReason?: unknown; declineClass?: unknown }).declineReason ??
    (a as { declineClass?: unknown }).declineClass;
  if (typeof own === 'string') return own;
  for (const [cls, text] of Object.entries(DECLINE_TEXTS)) if (a.body === text) return cls;
  if (a.body === UNSURE_TEXT) return 'unsure';
  if (a.body === GREETING_TEXT) return 'greeting';
  if (a.body === THANKS_TEXT) return 'thanks';
  return 'other';
}

/** The whole reply as the terminal shows it without colours: what a person reads. */
export function replyText(a: Answer): string {
  return renderAnswerText(a, plainStyle);
}

export function wordCount(text: string): number {
  return text.split(/\s+/).filter((w) => /[\p{L}\p{N}]/u.test(w)).length;
}

export function median(values: readonly number[]): number {
  if (values.length === 0) return 0;
  const s = [...values].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 === 1 ? (s[mid] as number) : ((s[mid - 1] as number) + (s[mid] as number)) / 2;
}

/** One case the reply-level checks found wanting, with the kind of miss. */
export interface ReplyMiss {
  kind: ReplyMissKind;
  q: string;
  /** What the reply did: its kind/topic, decline class, coverage or first sentence. */
  got: string;
  /** What a right reply does. */
  want: string;
}

export type ReplyMissKind =
  /** A partly covered case answered as if fully covered (coverage not "partial"). */
  | 'partial-not-flagged'
  /** Coverage "partial" but the first sentence does not say what the article leaves out. */
  | 'partial-not-said-first'
  /** Partly covered, said so, but without the nearest facts. */
  | 'partial-without-nearest'
  /** A covered point answered with "the article doesn't say" or coverage "partial". */
  | 'false-not-covered'
  /** A decline of a question the knowledge base answers. */
  | 'declined-covered'
  /** A decline whose stated class is not the true one. */
  | 'decline-wrong-reason'
  /** The first sentence does not lead with yes / no / not known / it depends / the figure. */
  | 'lead'
  /** The body is longer than 100 words. */
  | 'body-over-100-words';

export interface ReplyMetrics {
  /** Cases marked `coverage: "partial"`: reply partial, first sentence says so, nearest facts shown. */
  honestPartial: { total: number; honest: number; rate: number };
  /** Covered cases (facts named, not partial) whose reply claims the article does not cover the point. */
  falseNotCovered: { total: number; claimed: number; rate: number };
  /** The engine's declines (not urgent) whose stated reason is true. */
  declinePrecision: {
    declines: number;
    truthful: number;
    precision: number;
    /** Declines of questions the knowledge base answers. */
    ofCovered: number;
    /** Declines of out-of-scope questions with a class other than the case's `declineReason`. */
    wrongClass: number;
  };
  /** Cases with a `lead`: answered, and the first sentence leads that way. */
  lead: { total: number; ok: number; rate: number; byLead: Record<string, { total: number; ok: number }> };
  /** Answers (not declines, not urgent): the body and the whole reply as the terminal renders it. */
  length: {
    answers: number;
    medianBodyWords: number;
    maxBodyWords: number;
    bodiesOver100Words: number;
    medianReplyChars: number;
  };
  misses: ReplyMiss[];
}

const ratio = (a: number, b: number) => (b === 0 ? 1 : a / b);

function describe(a: Answer): string {
  if (a.urgent) return 'urgent';
  if (a.kind !== 'answer') return `${a.kind} (${declineClassOf(a)})`;
  return `${a.topic?.id ?? 'answer'} [${shownFacts(a).join(', ')}]`;
}

/** Collects the reply-level checks case by case; `result()` gives the figures. */
export class ReplyScorer {
  private readonly bodyWords: number[] = [];
  private readonly replyChars: number[] = [];
  private readonly m: ReplyMetrics = {
    honestPartial: { total: 0, honest: 0, rate: 0 },
    falseNotCovered: { total: 0, claimed: 0, rate: 0 },
    declinePrecision: { declines: 0, truthful: 0, precision: 0, ofCovered: 0, wrongClass: 0 },
    lead: { total: 0, ok: 0, rate: 0, byLead: {} },
    length: { answers: 0, medianBodyWords: 0, maxBodyWords: 0, bodiesOver100Words: 0, medianReplyChars: 0 },
    misses: [],
  };

  add(c: EvalCase, a: Answer): void {
    const miss = (kind: ReplyMissKind, want: string, got = describe(a)) =>
      this.m.misses.push({ kind, q: c.q, got, want });
    const first = firstSentence(a.body);
    const answered = a.kind === 'answer' && !a.urgent;

    if (answered) {
      const words = wordCount(a.body);
      this.bodyWords.push(words);
      this.replyChars.push(replyText(a).length);
      if (words > 100) miss('body-over-100-words', 'at most 100 words', `${words} words`);
    }

    if (c.coverage === 'partial') {
      this.m.honestPartial.total++;
      const want = `coverage "partial", says first what is not covered, shows ${expectedFacts(c)}`;
      if (!answered) miss(a.urgent ? 'partial-not-flagged' : 'declined-covered', want);
      else if (a.coverage !== 'partial') miss('partial-not-flagged', want, `coverage ${a.coverage}`);
      else if (!saysNotCovered(first)) miss('partial-not-said-first', want, JSON.stringify(first));
      else if (!showsExpectedFacts(c, shownFacts(a))) miss('partial-without-nearest', want);
      else this.m.honestPartial.honest++;
    } else if (c.expect !== 'decline' && c.expect !== 'urgent' && namesFacts(c)) {
      this.m.falseNotCovered.total++;
      if (answered && (a.coverage === 'partial' || saysNotCovered(first))) {
        this.m.falseNotCovered.claimed++;
        miss('false-not-covered', `the covered fact ${expectedFacts(c)}`, JSON.stringify(first));
      }
    }

    if (!a.urgent && a.kind !== 'answer') {
      const cls = declineClassOf(a);
      const dp = this.m.declinePrecision;
      dp.declines++;
      if (c.expect === 'decline') {
        if (c.declineReason === undefined || c.declineReason === cls) dp.truthful++;
        else {
          dp.wrongClass++;
          miss('decline-wrong-reason', `decline "${c.declineReason}"`, `decline "${cls}"`);
        }
      } else if (c.expect !== 'urgent') {
        dp.ofCovered++;
        if (c.coverage !== 'partial')
          miss('declined-covered', `${c.expect} ${expectedFacts(c)}`, `decline "${cls}"`);
      }
    }

    if (c.lead) {
      const bucket = this.m.lead.byLead[c.lead] ?? { total: 0, ok: 0 };
      this.m.lead.byLead[c.lead] = bucket;
      this.m.lead.total++;
      bucket.total++;
      if (answered && leadMatches(c.lead, a.body)) {
        this.m.lead.ok++;
        bucket.ok++;
      } else {
        miss('lead', `first sentence leads with ${c.lead}`, answered ? JSON.stringify(first) : describe(a));
      }
    }
  }

  result(): ReplyMetrics {
    const m = this.m;
    m.honestPartial.rate = ratio(m.honestPartial.honest, m.honestPartial.total);
    m.falseNotCovered.rate =
      m.falseNotCovered.total === 0 ? 0 : m.falseNotCovered.claimed / m.falseNotCovered.total;
    m.declinePrecision.precision = ratio(m.declinePrecision.truthful, m.declinePrecision.declines);
    m.lead.rate = ratio(m.lead.ok, m.lead.total);
    m.length = {
      answers: this.bodyWords.length,
      medianBodyWords: median(this.bodyWords),
      maxBodyWords: this.bodyWords.length === 0 ? 0 : Math.max(...this.bodyWords),
      bodiesOver100Words: this.bodyWords.filter((w) => w > 100).length,
      medianReplyChars: median(this.replyChars),
    };
    return m;
  }
}

function expectedFacts(c: EvalCase): string {
  const parts = [...(c.facts ?? [])];
  if (c.anyFacts?.length) parts.push(`one of ${c.anyFacts.join('|')}`);
  return parts.length > 0 ? parts.join(' + ') : '(no facts named)';
}
