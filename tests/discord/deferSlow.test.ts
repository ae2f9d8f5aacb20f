import { afterAll, beforeAll, describe, it } from 'vitest';
import { type Answerer, AnswerPool } from '../../src/discord/answerPool.ts';
import {
  expectSafeReply,
  type Harness,
  isEphemeral,
  opt,
  safeReply,
  sleep,
  startHarness,
} from './harness.ts';
import { NATTO } from './stubEngine.ts';
import { STUB_WORKER } from './stubWorker.ts';

// An /ask whose answer is not ready within Discord's 3 s (a busy host) is acknowledged first and
// answered by editing the acknowledgement, instead of being refused as late.

/** Longer than Discord's 3 s deadline for a first response: without a defer the answer is refused. */
const SLOW_MS = 3500;
const BUSY = 'answered-busy';

let h: Harness;
let pool: AnswerPool;
beforeAll(async () => {
  pool = await AnswerPool.start({ budgetMs: 250, workerModule: STUB_WORKER });
  const slow: Answerer = {
    ask: async (question, previous) => {
      await sleep(SLOW_MS);
      // A question the workers could not take in time, after all that waiting.
      if (question.includes(BUSY)) return { status: 'busy' };
      return pool.ask(question, previous);
    },
    close: () => pool.close(),
  };
  // The emulator refuses a first callback after 3 s, as Discord does.
  h = await startHarness({ answerer: slow, emulator: { ackDeadlineMs: 3000 } });
});
afterAll(async () => {
  await h?.stop();
});

// At once: each question waits out SLOW_MS on its own timer, three in a row would wait 10.5 s.
describe.concurrent('a slow /ask', () => {
  it('is deferred in time, then the answer replaces the placeholder', async ({ expect }) => {
    const interaction = await h.emu.userRunsCommand({
      user: h.emu.users.alice,
      name: 'ask',
      options: [opt.string('question', 'what is vitamin K2?')],
    });
    const reply = await safeReply(interaction, SLOW_MS + 10_000);
    expect(interaction.callbacks[0]?.type).toBe(5);
    expect(reply.embeds[0]?.title).toBe(NATTO.title);
    expect(isEphemeral(reply)).toBe(false);
  });

  it('keeps a private answer private', async ({ expect }) => {
    const interaction = await h.emu.userRunsCommand({
      user: h.emu.users.bob,
      name: 'ask',
      options: [opt.string('question', 'what is vitamin K2?'), opt.boolean('private', true)],
    });
    const reply = await safeReply(interaction, SLOW_MS + 10_000);
    expect(interaction.callbacks[0]?.type).toBe(5);
    expect(reply.embeds[0]?.title).toBe(NATTO.title);
    expect(isEphemeral(reply)).toBe(true);
  });

  it('a public placeholder for a question left unanswered is removed, and the notice is private', async ({
    expect,
  }) => {
    const interaction = await h.emu.userRunsCommand({
      user: h.emu.users.alice,
      name: 'ask',
      options: [opt.string('question', `${BUSY} natto`)],
    });
    const notice = await interaction.nextFollowup(SLOW_MS + 10_000);
    expect(interaction.callbacks[0]?.type).toBe(5);
    expect(interaction.deleted).toBe(true);
    expect(notice.embeds[0]?.title).toBe('Too many questions right now');
    expect(isEphemeral(notice)).toBe(true);
    expectSafeReply(notice);
  });
});
