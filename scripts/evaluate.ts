import { readFileSync } from 'node:fs';
import type { Engine } from '../src/engine/index.ts';

/**
 * One line of a question set: a topic id, "decline" (off-topic) or "urgent" (must escalate), and
 * optionally what a right reply must show (the fields are described in tests/fixtures/README.md).
 */
export interface EvalCase {
  q: string;
  expect: string;
  also?: string[];
  /** Full fact ids (`topic/fact`) that a right reply shows in its body: all of them. */
  facts?: string[];
  /** Alternatives: a right reply shows at least one of these. */
  anyFacts?: string[];
  /** "partial": the subject is covered but not the asked point; the reply must say so. */
  coverage?: 'partial';
  /** For a decline: the decline class a truthful decline gives. */
  declineReason?: string;
  /** How the first sentence must start. */
  lead?: 'yes' | 'no' | 'not-known' | 'depends' | 'figure';
}

/** Whether an answer shows what a case says a right reply must show (its facts and anyFacts). */
export function showsExpectedFacts(c: EvalCase, shown: readonly string[]): boolean {
  const all = c.facts ?? [];
  const any = c.anyFacts ?? [];
  return all.every((id) => shown.includes(id)) && (any.length === 0 || any.some((id) => shown.includes(id)));
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
  inScope: { total: number; correct: number; accuracy: number };
  /**
   * Answer accuracy: over the cases that name facts (`facts`/`anyFacts`), how many replies show
   * them in the body, which is what the user reads; topic accuracy only checks the topic id.
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

export const THRESHOLDS = {
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
  };
  const answered: Array<{ c: number; ok: boolean }> = [];
  for (const c of cases) {
    const a = engine.ask(c.q);
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
        ...(reason === 'missing-facts' ? { shown: [...a.facts] } : {}),
      });

    if ((c.facts?.length ?? 0) > 0 || (c.anyFacts?.length ?? 0) > 0) {
      m.answers.total++;
      if (showsExpectedFacts(c, a.facts)) m.answers.correct++;
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
    m.inScope.accuracy >= THRESHOLDS.inScopeAccuracy &&
    m.offTopic.rate >= THRESHOLDS.offTopicDeclineRate &&
    m.urgent.recall >= THRESHOLDS.urgentRecall &&
    m.falseAlarms.rate <= THRESHOLDS.falseAlarmRate
  );
}
