import { readFileSync } from 'node:fs';
import type { Engine } from '../src/engine/index.ts';
import {
  namesFacts,
  type ReplyMetrics,
  ReplyScorer,
  replyIsRight,
  shownFacts,
  showsExpectedFacts,
} from './evalReplies.ts';

export { showsExpectedFacts };

/**
 * One line of a question set: a topic id, "decline" (off-topic) or "urgent" (must escalate), and
 * optionally what a right reply must show (tests/fixtures/README.md describes the fields).
 */
export interface EvalCase {
  q: string;
  expect: string;
  also?: string[];
  /** Full fact ids (`topic/fact`) that a right reply shows in its body: all of them. */
  facts?: string[];
  /** Alternatives: a right reply shows at least one of these. */
  anyFacts?: string[];
  /** "partial": the subject is covered but not the asked point; the reply must say so first. */
  coverage?: 'partial';
  /** For a decline: the decline class a truthful decline gives (src/engine/declines.ts). */
  declineReason?: string;
  /** How the first sentence must start. */
  lead?: 'yes' | 'no' | 'not-known' | 'depends' | 'figure';
  /** Conversation files only: turns with the same id are one conversation, in file order. */
  conversation?: string;
}

export interface EvalFailure {
  q: string;
  expect: string;
  also: string[];
  got: string;
  confidence: number;
  urgent: boolean;
  reason:
    | 'wrong-topic'
    | 'not-answered'
    | 'answered-off-topic'
    | 'missed-urgent'
    | 'false-alarm'
    | 'missing-facts';
  /** For 'missing-facts': the fact ids the reply showed. */
  shown?: string[];
}

/** Answered questions in one confidence band: how often they were right. */
export interface ReliabilityBand {
  from: number;
  to: number;
  answered: number;
  correct: number;
  accuracy: number;
  meanConfidence: number;
}

export interface EvalMetrics {
  total: number;
  /** Topic accuracy: the answer's topic id is the expected one (not what the user reads). */
  inScope: { total: number; correct: number; accuracy: number };
  /**
   * Answer accuracy: over the cases that name facts (`facts`/`anyFacts`), how many replies show
   * them in the body, which is what the user reads.
   */
  answers: { total: number; correct: number; accuracy: number };
  offTopic: { total: number; declined: number; rate: number };
  urgent: { total: number; flagged: number; recall: number };
  falseAlarms: { total: number; flagged: number; rate: number };
  failures: EvalFailure[];
  /**
   * Calibration of the answers (non-urgent cases the engine answered; an answered off-topic
   * question counts as wrong): accuracy per confidence band, and the expected calibration error
   * over ten equal-width bins (the answer-weighted mean |accuracy − mean confidence|).
   */
  reliability: { bands: ReliabilityBand[]; ece: number };
  /**
   * The same, with "right" meaning the reply shows the case's facts (cases that name facts, and
   * off-topic cases, where any answer is wrong): whether confidence means what the user reads.
   */
  answerReliability: { bands: ReliabilityBand[]; ece: number };
  /** Honest partial answers, decline reasons, leads and lengths (evalReplies.ts). */
  replies: ReplyMetrics;
}

/** The bands the report shows. */
export const RELIABILITY_BANDS: ReadonlyArray<readonly [number, number]> = [
  [0.5, 0.7],
  [0.7, 0.9],
  [0.9, 1],
];

function band(points: ReadonlyArray<{ c: number; ok: boolean }>, from: number, to: number): ReliabilityBand {
  const inBand = points.filter((p) => p.c >= from && (p.c < to || (to === 1 && p.c <= 1)));
  const correct = inBand.filter((p) => p.ok).length;
  const n = inBand.length;
  return {
    from,
    to,
    answered: n,
    correct,
    accuracy: n === 0 ? 0 : correct / n,
    meanConfidence: n === 0 ? 0 : inBand.reduce((sum, p) => sum + p.c, 0) / n,
  };
}

/** Reliability of a set of (confidence, right) points; see EvalMetrics.reliability. */
export function reliability(points: ReadonlyArray<{ c: number; ok: boolean }>): EvalMetrics['reliability'] {
  let ece = 0;
  for (let i = 0; i < 10; i++) {
    const b = band(points, i / 10, (i + 1) / 10);
    if (points.length > 0) ece += (b.answered / points.length) * Math.abs(b.accuracy - b.meanConfidence);
  }
  return { bands: RELIABILITY_BANDS.map(([from, to]) => band(points, from, to)), ece };
}

/**
 * The gate (tests/engine/eval.test.ts, npm run eval's exit code). Answer accuracy gates at what the
 * engine reached on the development set once fact-level answers landed (77.9%, 304/390, on
 * 2026-11-30), so it can only hold or rise; issue 7's target is 0.9. Topic accuracy is reported
 * beside it and no longer gates: a right topic with the wrong facts is what users complained about.
 */
export const THRESHOLDS = {
  answerAccuracy: 0.77,
  /** Issue 7's target for answer accuracy, shown beside the gate. */
  answerAccuracyTarget: 0.9,
  inScopeAccuracy: 0.9,
  offTopicDeclineRate: 0.9,
  urgentRecall: 1,
  falseAlarmRate: 0.02,
} as const;

export function loadCases(file: string): EvalCase[] {
  return readFileSync(file, 'utf8')
    .split('\n')
    .map((line, i) => ({ line: line.trim(), n: i + 1 }))
    .filter(({ line }) => line !== '')
    .map(({ line, n }) => {
      const c = JSON.parse(line) as EvalCase;
      if (typeof c.q !== 'string' || typeof c.expect !== 'string') {
        throw new Error(`${file}:${n}: each line needs "q" and "expect"`);
      }
      return c;
    });
}

const ratio = (a: number, b: number) => (b === 0 ? 1 : a / b);

/** Runs every case through `engine.ask` and scores it the way the held-out set is scored. */
export function evaluate(engine: Engine, cases: readonly EvalCase[]): EvalMetrics {
  const m: EvalMetrics = {
    total: cases.length,
    inScope: { total: 0, correct: 0, accuracy: 0 },
    answers: { total: 0, correct: 0, accuracy: 0 },
    offTopic: { total: 0, declined: 0, rate: 0 },
    urgent: { total: 0, flagged: 0, recall: 0 },
    falseAlarms: { total: 0, flagged: 0, rate: 0 },
    failures: [],
    reliability: { bands: [], ece: 0 },
    answerReliability: { bands: [], ece: 0 },
    replies: new ReplyScorer().result(),
  };
  const answered: Array<{ c: number; ok: boolean }> = [];
  const answeredByFacts: Array<{ c: number; ok: boolean }> = [];
  const replies = new ReplyScorer();
  for (const c of cases) {
    const a = engine.ask(c.q);
    replies.add(c, a);
    const also = c.also ?? [];
    const got = a.kind === 'answer' ? (a.topic?.id ?? 'answer') : a.kind;
    const fail = (reason: EvalFailure['reason']) =>
      m.failures.push({
        q: c.q,
        expect: c.expect,
        also,
        got,
        confidence: a.confidence,
        urgent: a.urgent,
        reason,
        ...(reason === 'missing-facts' ? { shown: [...shownFacts(a)] } : {}),
      });

    if (namesFacts(c)) {
      m.answers.total++;
      if (showsExpectedFacts(c, shownFacts(a))) m.answers.correct++;
      else if (c.expect !== 'urgent') fail('missing-facts');
    }

    if (c.expect === 'urgent') {
      m.urgent.total++;
      if (a.urgent) m.urgent.flagged++;
      else fail('missed-urgent');
      continue;
    }
    m.falseAlarms.total++;
    if (a.urgent) {
      m.falseAlarms.flagged++;
      fail('false-alarm');
    }
    if (a.kind === 'answer') {
      const ok =
        c.expect !== 'decline' && !!a.topic && (a.topic.id === c.expect || also.includes(a.topic.id));
      answered.push({ c: a.confidence, ok });
      if (namesFacts(c) || c.expect === 'decline')
        answeredByFacts.push({ c: a.confidence, ok: replyIsRight(c, a) });
    }
    if (c.expect === 'decline') {
      m.offTopic.total++;
      if (a.kind !== 'answer') m.offTopic.declined++;
      else fail('answered-off-topic');
    } else {
      m.inScope.total++;
      if (a.kind === 'answer' && a.topic && (a.topic.id === c.expect || also.includes(a.topic.id))) {
        m.inScope.correct++;
      } else {
        fail(a.kind === 'answer' ? 'wrong-topic' : 'not-answered');
      }
    }
  }
  m.reliability = reliability(answered);
  m.answerReliability = reliability(answeredByFacts);
  m.replies = replies.result();
  m.inScope.accuracy = ratio(m.inScope.correct, m.inScope.total);
  m.answers.accuracy = ratio(m.answers.correct, m.answers.total);
  m.offTopic.rate = ratio(m.offTopic.declined, m.offTopic.total);
  m.urgent.recall = ratio(m.urgent.flagged, m.urgent.total);
  m.falseAlarms.rate = m.falseAlarms.total === 0 ? 0 : m.falseAlarms.flagged / m.falseAlarms.total;
  return m;
}

/** True when every figure meets its target. */
export function meetsThresholds(m: EvalMetrics): boolean {
  return (
    m.answers.accuracy >= THRESHOLDS.answerAccuracy &&
    m.offTopic.rate >= THRESHOLDS.offTopicDeclineRate &&
    m.urgent.recall >= THRESHOLDS.urgentRecall &&
    m.falseAlarms.rate <= THRESHOLDS.falseAlarmRate
  );
}
