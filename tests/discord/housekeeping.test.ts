import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FeedbackVote, RecordedQuestion } from '../../src/store/learningStore.ts';
import { type Harness, sleep, startHarness } from './harness.ts';

const DAY_MS = 24 * 60 * 60 * 1000;
/** A day `n` days before the bot's clock starts (real time). */
const daysAgo = (n: number) => new Date(Date.now() - n * DAY_MS).toISOString().slice(0, 10);

const question = (guildId: string, text: string, day: string): RecordedQuestion => ({
  guildId,
  text,
  reason: 'declined',
  topicId: null,
  day,
});
const vote = (guildId: string | null, day: string): FeedbackVote => ({
  guildId,
  topicId: 'natto',
  factIds: [],
  coverage: 'full',
  replyKind: 'answer',
  vote: 'helpful',
  day,
});

let h: Harness;
let first: string;
let second: string;

beforeAll(async () => {
  h = await startHarness({
    emulator: { guildCount: 2 },
    env: { LEARNING_RETENTION_DAYS: '30', GUILD_DATA_GRACE_DAYS: '7' },
    housekeepingIntervalMs: 100,
    beforeStart: async (store) => {
      // Written before the bot starts: 60 days old (past the 30-day retention) and 10 days old.
      await store.recordQuestion(question('100000000000000001', 'sixty days old', daysAgo(60)));
      await store.recordQuestion(question('100000000000000001', 'ten days old', daysAgo(10)));
      await store.recordVote('old', vote(null, daysAgo(60)));
      await store.recordVote('recent', vote(null, daysAgo(10)));
    },
  });
  [first, second] = h.emu.guilds.map((g) => g.id) as [string, string];
});
afterAll(async () => {
  await h?.stop();
});

function rows(sql: string, ...params: unknown[]): Record<string, unknown>[] {
  const db = new Database(h.databasePath, { readonly: true });
  try {
    return db.prepare(sql).all(...params) as Record<string, unknown>[];
  } finally {
    db.close();
  }
}

async function eventually(check: () => boolean, timeoutMs = 3000): Promise<boolean> {
  const until = Date.now() + timeoutMs;
  while (Date.now() < until) {
    if (check()) return true;
    await sleep(50);
  }
  return check();
}

describe('retention', () => {
  it('deletes records past LEARNING_RETENTION_DAYS at start-up', () => {
    expect(rows('SELECT text FROM learning_questions').map((r) => r.text)).toEqual(['ten days old']);
    expect(rows('SELECT day FROM feedback_votes').map((r) => r.day)).toEqual([daysAgo(10)]);
  });

  it('and again while running, as the days pass', async () => {
    h.clock.advance(15 * DAY_MS);
    await sleep(400);
    expect(rows('SELECT text FROM learning_questions')).toHaveLength(1);
    h.clock.advance(10 * DAY_MS);
    expect(await eventually(() => rows('SELECT * FROM learning_questions').length === 0)).toBe(true);
    expect(rows('SELECT * FROM feedback_votes')).toEqual([]);
  });
});

describe('leaving a server', () => {
  it('deletes its settings and records GUILD_DATA_GRACE_DAYS after removal, not before, and not once it is back', async () => {
    const today = new Date(h.clock.now()).toISOString().slice(0, 10);
    for (const guildId of [first, second]) {
      await h.store.updateGuildSettings(guildId, { note: `note of ${guildId}`, learning: true });
      await h.store.addAutoChannel(guildId, '200000000000000009');
      await h.store.recordQuestion(question(guildId, `asked in ${guildId}`, today));
      await h.store.recordVote(`v-${guildId}`, vote(guildId, today));
    }
    await h.emu.removeBotFromGuild(first);
    await h.emu.removeBotFromGuild(second);
    expect(await eventually(() => rows('SELECT * FROM guild_departures').length === 2)).toBe(true);
    await h.emu.addBotToGuild(second);
    expect(await eventually(() => rows('SELECT guild_id FROM guild_departures').length === 1)).toBe(true);
    expect(rows('SELECT guild_id FROM guild_departures')).toEqual([{ guild_id: first }]);

    h.clock.advance(7 * DAY_MS - 60_000);
    await sleep(400);
    expect((await h.store.getGuildSettings(first)).note).toBe(`note of ${first}`);

    h.clock.advance(2 * 60_000);
    expect(
      await eventually(() => rows('SELECT * FROM guild_settings WHERE guild_id = ?', first).length === 0),
    ).toBe(true);
    for (const table of ['auto_channels', 'learning_questions', 'feedback_votes', 'guild_departures']) {
      expect(rows(`SELECT * FROM ${table} WHERE guild_id = ?`, first), table).toEqual([]);
    }
    expect((await h.store.getGuildSettings(second)).note).toBe(`note of ${second}`);
    expect(rows('SELECT * FROM learning_questions WHERE guild_id = ?', second)).toHaveLength(1);
  });
});
