import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { createEngine } from '../src/engine/index.ts';
import { loadKnowledge } from '../src/kb/load.ts';
import {
  type ConversationMetrics,
  conversationAnswerer,
  evaluateConversations,
} from './evalConversations.ts';
import type { ReplyMiss } from './evalReplies.ts';
import {
  type EvalMetrics,
  evaluate,
  loadCases,
  meetsThresholds,
  type ReliabilityBand,
  THRESHOLDS,
} from './evaluate.ts';

const FIXTURES = join(import.meta.dirname, '..', 'tests', 'fixtures');
const DEFAULT_FILE = join(FIXTURES, 'questions.dev.jsonl');
const DEFAULT_CONVERSATIONS = join(FIXTURES, 'conversations.dev.jsonl');

const pct = (x: number) => `${(x * 100).toFixed(1)}%`;

function bands(r: { bands: ReliabilityBand[]; ece: number }): string {
  const text = r.bands
    .map(
      (b) =>
        `${b.from.toFixed(1)}–${b.to.toFixed(1)}: ${pct(b.accuracy)} right of ${b.answered} (mean conf ${b.meanConfidence.toFixed(3)})`,
    )
    .join(' | ');
  return `${text} | ECE ${r.ece.toFixed(3)}`;
}

function conversationLine(c: ConversationMetrics | null): string {
  if (!c) return '     conversation acc.   no conversation file';
  if (!c.supported) {
    return `     conversation acc.   not supported: the engine cannot answer in context yet (${c.conversations} conversations, ${c.turns - c.conversations} follow-ups waiting)`;
  }
  return `     conversation acc.   ${pct(c.followUps.accuracy)}  (${c.followUps.correct}/${c.followUps.total} follow-ups answered in context, ${c.conversations} conversations; first turns ${pct(c.firstTurns.accuracy)}; follow-ups with the expected topic ${pct(c.followUpTopics.accuracy)}; ${c.repeats.repeated}/${c.repeats.total} answered follow-ups repeat the reply before word for word, ${c.leadRepeats.repeated} lead with a fact it showed without saying so)`;
}

const MISS_TITLES: Record<ReplyMiss['kind'], string> = {
  'partial-not-flagged': 'partly covered, answered as if fully covered',
  'partial-not-said-first': 'partly covered, first sentence does not say what is not covered',
  'partial-without-nearest': 'partly covered, said so, nearest facts missing',
  'false-not-covered': 'covered point, reply says the article does not cover it',
  'declined-covered': 'declined although the knowledge base answers it',
  'decline-wrong-reason': 'declined with a reason that is not the true one',
  lead: 'first sentence does not lead with yes / no / not known / depends / the figure',
  'body-over-100-words': 'answer body over 100 words',
};

function report(
  m: EvalMetrics,
  conversations: ConversationMetrics | null,
  file: string,
  verbose: boolean,
): string {
  const mark = (ok: boolean) => (ok ? 'ok  ' : 'FAIL');
  const r = m.replies;
  const dp = r.declinePrecision;
  const len = r.length;
  const lines = [
    `Question set: ${file} (${m.total} cases)`,
    `${mark(m.answers.accuracy >= THRESHOLDS.answerAccuracy)} answer accuracy     ${pct(m.answers.accuracy)}  (${m.answers.correct}/${m.answers.total} cases that name facts show them in the body, gate >= ${pct(THRESHOLDS.answerAccuracy)}, target ${pct(THRESHOLDS.answerAccuracyTarget)})`,
    `     topic accuracy      ${pct(m.inScope.accuracy)}  (${m.inScope.correct}/${m.inScope.total} in-scope cases get the expected topic; reported, not gated)`,
    `     honest partial      ${pct(r.honestPartial.rate)}  (${r.honestPartial.honest}/${r.honestPartial.total} partly covered cases: coverage partial, first sentence says so, nearest facts shown)`,
    `     false "not covered" ${pct(r.falseNotCovered.rate)}  (${r.falseNotCovered.claimed}/${r.falseNotCovered.total} covered cases whose reply says the article does not cover them)`,
    `     decline precision   ${pct(dp.precision)}  (${dp.truthful}/${dp.declines} declines give a true reason; ${dp.ofCovered} declined covered questions, ${dp.wrongClass} named the wrong class)`,
    `     lead                ${pct(r.lead.rate)}  (${r.lead.ok}/${r.lead.total}: ${Object.entries(
      r.lead.byLead,
    )
      .map(([k, v]) => `${k} ${v.ok}/${v.total}`)
      .join(', ')})`,
    `${mark(m.offTopic.rate >= THRESHOLDS.offTopicDeclineRate)} off-topic declined  ${pct(m.offTopic.rate)}  (${m.offTopic.declined}/${m.offTopic.total}, target >= ${pct(THRESHOLDS.offTopicDeclineRate)})`,
    `${mark(m.urgent.recall >= THRESHOLDS.urgentRecall)} urgent recall       ${pct(m.urgent.recall)}  (${m.urgent.flagged}/${m.urgent.total}, target ${pct(THRESHOLDS.urgentRecall)})`,
    `${mark(m.falseAlarms.rate <= THRESHOLDS.falseAlarmRate)} false urgent alarms ${pct(m.falseAlarms.rate)}  (${m.falseAlarms.flagged}/${m.falseAlarms.total}, target <= ${pct(THRESHOLDS.falseAlarmRate)})`,
    conversationLine(conversations),
    `     length              median body ${len.medianBodyWords} words (max ${len.maxBodyWords}, ${len.bodiesOver100Words} over 100), median reply ${len.medianReplyChars} characters as the terminal shows it (${len.answers} answers; issue 7 targets: <= 60 words, never > 100, <= 900 characters)`,
    `     reliability (facts) ${bands(m.answerReliability)}`,
    `     reliability (topic) ${bands(m.reliability)}`,
  ];
  if (verbose) {
    if (m.failures.length > 0) {
      lines.push('', `Failures (${m.failures.length}):`);
      for (const f of m.failures) {
        const expected = [f.expect, ...f.also].join('|');
        const shown = f.shown ? `, showed [${f.shown.join(', ')}]` : '';
        lines.push(
          `  [${f.reason}] expected ${expected}, got ${f.got} (confidence ${f.confidence.toFixed(2)}${f.urgent ? ', urgent' : ''}${shown}): ${JSON.stringify(f.q)}`,
        );
      }
    }
    const byKind = new Map<ReplyMiss['kind'], ReplyMiss[]>();
    for (const miss of r.misses) byKind.set(miss.kind, [...(byKind.get(miss.kind) ?? []), miss]);
    for (const [kind, misses] of byKind) {
      lines.push('', `Misses: ${MISS_TITLES[kind]} (${misses.length}):`);
      for (const miss of misses)
        lines.push(`  ${JSON.stringify(miss.q)}: got ${miss.got}; want ${miss.want}`);
    }
    if (conversations && conversations.misses.length > 0) {
      lines.push('', `Misses: follow-ups not answered in context (${conversations.misses.length}):`);
      for (const miss of conversations.misses) {
        lines.push(
          `  ${miss.conversation} turn ${miss.turn} after ${JSON.stringify(miss.before)}: ${JSON.stringify(miss.q)} got ${miss.got}`,
        );
      }
    }
  } else if (m.failures.length + r.misses.length > 0) {
    lines.push(
      `${m.failures.length} failures, ${r.misses.length} reply misses; run with --verbose to list them by kind.`,
    );
  }
  return lines.join('\n');
}

function main(): void {
  const { values } = parseArgs({
    options: {
      file: { type: 'string', short: 'f' },
      conversations: { type: 'string', short: 'c' },
      kb: { type: 'string' },
      verbose: { type: 'boolean', short: 'v', default: false },
      json: { type: 'boolean', default: false },
    },
  });
  const file = values.file ?? DEFAULT_FILE;
  const engine = createEngine(values.kb ? loadKnowledge(values.kb) : loadKnowledge());
  const metrics = evaluate(engine, loadCases(file));
  const conversationFile = values.conversations ?? (values.file ? undefined : DEFAULT_CONVERSATIONS);
  const conversations =
    conversationFile && existsSync(conversationFile)
      ? evaluateConversations(conversationAnswerer(engine), loadCases(conversationFile))
      : null;
  if (values.json) process.stdout.write(`${JSON.stringify({ ...metrics, conversations }, null, 2)}\n`);
  else process.stdout.write(`${report(metrics, conversations, file, values.verbose)}\n`);
  process.exitCode = meetsThresholds(metrics) ? 0 : 1;
}

main();
