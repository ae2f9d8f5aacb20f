import { readFileSync } from 'node:fs';
import type { Engine } from '../src/engine/index.ts';

/** One line of a question set: a topic id, "decline" (off-topic) or "urgent" (must escalate). */
export interface EvalCase {
  q: string;
  expect: string;
  also?: string[];
}

export interface EvalFailure {
  q: string;
  expect: string;
  also: string[];
  got: string;
  confidence: number;
  urgent: boolean;
  reason: 'wrong-topic' | 'not-answered' | 'answered-off-topic' | 'missed-urgent' | 'false-alarm';
}

export interface EvalMetrics {
  total: number;
  inScope: { total: number; correct: number; accuracy: number };
  offTopic: { total: number; declined: number; rate: number };
  urgent: { total: number; flagged: number; recall: number };
  falseAlarms: { total: number; flagged: number; rate: number };
  failures: EvalFailure[];
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
    offTopic: { total: 0, declined: 0, rate: 0 },
    urgent: { total: 0, flagged: 0, recall: 0 },
    falseAlarms: { total: 0, flagged: 0, rate: 0 },
    failures: [],
  };
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
      });

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
  m.inScope.accuracy = ratio(m.inScope.correct, m.inScope.total);
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
