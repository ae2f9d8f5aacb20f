import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseSince, runReview } from '../../src/cli/review.ts';
import type { ReviewReport } from '../../src/learning/review.ts';
import { dayOf, type FeedbackVote, type RecordedQuestion } from '../../src/store/learningStore.ts';
import { openSqliteStore } from '../../src/store/sqliteStore.ts';
import { BUILD_TIMEOUT_MS, compiled, ensureBuilt } from '../compiled.ts';
import { runNode } from '../runProcess.ts';

const root = join(import.meta.dirname, '..', '..');
const GUILD = '100000000000000001';
const DAY_MS = 24 * 60 * 60 * 1000;
const today = dayOf(new Date());
const daysAgo = (n: number) => dayOf(new Date(Date.now() - n * DAY_MS));

let dir: string;
let databasePath: string;

/** A database as a few weeks of use would leave it, written through the real store. */
async function seed(path: string): Promise<void> {
  const store = openSqliteStore(path);
  const question = (
    text: string,
    reason: RecordedQuestion['reason'],
    day = today,
    topicId: string | null = null,
  ) => store.recordQuestion({ guildId: GUILD, text, reason, topicId, day });
  await question('does k2 help with gout?', 'declined');
  await question('does K2 help gout', 'declined');
  await question('can k2 help with gout', 'declined', daysAgo(2));
  await question('is k2 good for tinnitus?', 'declined');
  await question('k2 for tinnitus', 'declined', daysAgo(3));
  await question('will k2 stop my hair loss', 'declined', daysAgo(20));
  await question('k2 and iron together?', 'low-confidence', today, 'd3-k2-cosupplementation');
  const vote = (key: string, over: Partial<FeedbackVote>) =>
    store.recordVote(key, {
      guildId: GUILD,
      topicId: 'k2-overview',
      factIds: [],
      coverage: 'full',
      replyKind: 'answer',
      vote: 'helpful',
      day: today,
      ...over,
    });
  await vote('a', { topicId: 'natto', vote: 'not-helpful' });
  await vote('b', { topicId: 'natto', vote: 'not-helpful' });
  await vote('c', { topicId: 'natto' });
  await vote('d', { topicId: 'mk7-vs-mk4', vote: 'not-helpful', day: daysAgo(20) });
  await vote('e', { topicId: 'k2-overview' });
  await store.close();
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'k2-review-'));
  databasePath = join(dir, 'k2.sqlite');
  await seed(databasePath);
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** `npm run review` in this process: the same function the entry point runs, on our database. */
function review(args: string[], env: NodeJS.ProcessEnv = {}) {
  return runReview(args, { DATABASE_PATH: databasePath, ...env });
}

/** The real compiled entry point as a fresh process. */
function spawnReview(args: string[]) {
  return runNode([compiled('cli/review.js'), ...args], { cwd: root, env: { DATABASE_PATH: databasePath } });
}

describe('npm run review', () => {
  it('groups the unanswered questions with counts and wordings, ranks "Not helpful" topics, and names unknown words', async () => {
    const result = await review([]);
    expect(result.stderr).toBe('');
    expect(result.exitCode).toBe(0);
    const lines = result.stdout.split('\n');
    // Three wordings of the gout question are one group of three, listed first.
    const gout = lines.findIndex((line) => /^\s+3 × .*gout/.test(line));
    expect(gout).toBeGreaterThan(lines.indexOf('Unanswered questions (declined), grouped by similarity:'));
    const unansweredSection = lines.slice(
      gout,
      lines.indexOf('Partly covered and low-confidence questions:'),
    );
    expect(unansweredSection.filter((line) => line.includes('gout'))).toHaveLength(3);
    expect(result.stdout).toMatch(/^\s+2 × .*tinnitus/m);
    expect(result.stdout).toMatch(/^\s+1 × will k2 stop my hair loss/m);
    expect(result.stdout).toMatch(
      /^\s+1 × k2 and iron together\? +\(low-confidence 1; answered with d3-k2-cosupplementation\)/m,
    );
    expect(result.stdout).toMatch(/^\s+2 not helpful, +1 helpful +natto$/m);
    expect(result.stdout).toMatch(/^\s+1 not helpful, +0 helpful +mk7-vs-mk4$/m);
    expect(result.stdout).not.toMatch(/k2-overview$/m);
    // "gout" and "tinnitus" are in no synonym list or topic; "help" and "k2" are.
    expect(result.stdout).toMatch(/^\s+3 × gout$/m);
    expect(result.stdout).toMatch(/^\s+2 × tinnitus$/m);
    expect(result.stdout).not.toMatch(/^\s+\d+ × (help|k2|good)$/m);
  });

  it('--since 7d leaves out older records, --json gives the same report as one object', async () => {
    const result = await review(['--since', '7d', '--json']);
    expect(result.exitCode).toBe(0);
    const report = JSON.parse(result.stdout) as ReviewReport;
    expect(report.since).toBe(daysAgo(7));
    expect(report.questions).toBe(6);
    expect(report.votes).toBe(4);
    expect(report.unanswered.map((group) => group.count)).toEqual([3, 2]);
    expect(report.unanswered[0]?.examples).toHaveLength(3);
    expect(report.notHelpfulTopics).toEqual([{ id: 'natto', notHelpful: 2, helpful: 1 }]);
  });

  it('says clearly what is wrong with a bad --since or a missing database', async () => {
    const bad = await review(['--since', 'last week']);
    expect(bad.exitCode).toBe(2);
    expect(bad.stderr).toContain('--since last week: use a number of hours, days or weeks');
    const missing = await review([], { DATABASE_PATH: join(dir, 'nothing-here.sqlite') });
    expect(missing.exitCode).toBe(1);
    expect(missing.stderr).toContain('No database at');
  });

  it.each([
    ['7d', '2026-11-23'],
    ['2w', '2026-11-16'],
    ['12h', '2026-11-29'],
    ['2026-11-01', '2026-11-01'],
    ['seven days', undefined],
  ])('--since %s from 2026-11-30T06:00Z starts on %s', (text, day) => {
    expect(parseSince(text, new Date('2026-11-30T06:00:00Z'))).toBe(day);
  });
});

describe('npm run review as a fresh process (the compiled entry point)', () => {
  beforeAll(ensureBuilt, BUILD_TIMEOUT_MS);

  // Two fresh processes, each loading the knowledge: slow on a busy machine, and only waiting.
  it('exits 0 with the report as JSON on stdout, and 2 with the reason on stderr', async () => {
    const ok = await spawnReview(['--json']);
    expect(ok.stderr).toBe('');
    expect(ok.code).toBe(0);
    expect((JSON.parse(ok.stdout) as ReviewReport).questions).toBe(7);
    const bad = await spawnReview(['--since', 'last week']);
    expect(bad.code).toBe(2);
    expect(bad.stdout).toBe('');
    expect(bad.stderr).toContain('--since last week');
  }, 60_000);
});
