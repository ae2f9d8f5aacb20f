import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AnswerPool } from '../../src/discord/answerPool.ts';
import { ANTICOAGULANT_WARNING } from '../safetyTexts.ts';
import type { EmuMessage, WsCloseInfo } from './emulator/index.ts';
import {
  expectEveryReplySafe,
  expectSafeReply,
  type Harness,
  isEphemeral,
  messageText,
  opt,
  safeReply,
  startHarness,
} from './harness.ts';
import { NATTO, STUB } from './stubEngine.ts';
import { STUB_WORKER } from './stubWorker.ts';

// The stub engine never finishes a question containing this.
const STALL = STUB.stalls;
const BUDGET_MS = 1000;
const HEARTBEAT_MS = 100;

let h: Harness;
let pool: AnswerPool;
const closes: WsCloseInfo[] = [];

beforeAll(async () => {
  pool = await AnswerPool.start({
    budgetMs: BUDGET_MS,
    // The stalled question spends no CPU: the wall limit is what ends it, within /ask's 3 s.
    wallLimitMs: BUDGET_MS,
    workerModule: STUB_WORKER,
  });
  h = await startHarness({ emulator: { heartbeatIntervalMs: HEARTBEAT_MS }, answerer: pool });
  h.emu.on('wsClose', (info: WsCloseInfo) => closes.push(info));
});
afterAll(async () => {
  await h?.stop();
});

const replyTo = (message: EmuMessage) => (m: EmuMessage) => m.message_reference?.message_id === message.id;

function expectTooLongNotice(reply: EmuMessage): void {
  expectSafeReply(reply);
  const text = messageText(reply);
  expect(reply.embeds[0]?.title).toBe('That question took too long');
  expect(text).toContain('call your local emergency number now');
  // Nobody read the question, so it may be about a blood thinner: the warning leads.
  expect(text.indexOf(ANTICOAGULANT_WARNING)).toBeLessThan(text.indexOf('took too long to answer'));
}

describe('answer time budget', () => {
  it('a question that never finishes gets a safe notice, while heartbeats and another member are served', async () => {
    const identifies = h.emu.identifies;
    const resumes = h.emu.resumes;
    const restarts = pool.restarts;
    const stalled = await h.emu.userSendsMessage({
      author: h.emu.users.alice,
      dm: true,
      content: `took all the all the all the ${STALL} pills`,
    });
    const heartbeatsAtStall = h.emu.heartbeats;

    // Bob's /ask is answered while Alice's question is still stuck in its worker.
    const bobAsks = await h.emu.userRunsCommand({
      user: h.emu.users.bob,
      name: 'ask',
      options: [opt.string('question', 'what is vitamin K2?')],
    });
    const bobReply = await safeReply(bobAsks);
    expect(bobReply.embeds[0]?.title).toBe(NATTO.title);
    expect(h.emu.botMessages().filter(replyTo(stalled))).toEqual([]);

    const notice = await h.emu.waitForBotMessage(replyTo(stalled), BUDGET_MS + 5000);
    expectTooLongNotice(notice);
    // The event loop stayed free for the whole budget: the gateway kept heartbeating.
    expect(h.emu.heartbeats - heartbeatsAtStall).toBeGreaterThanOrEqual(5);
    expect(closes).toEqual([]);
    expect(h.emu.identifies).toBe(identifies);
    expect(h.emu.resumes).toBe(resumes);
    expect(pool.restarts).toBe(restarts + 1);
  });

  it('the replaced worker answers the next question normally', async () => {
    // Past Alice's DM cooldown from the stalled question.
    h.clock.advance(60_000);
    const asked = await h.emu.userSendsMessage({
      author: h.emu.users.alice,
      dm: true,
      content: 'how much vitamin K2 is in natto?',
    });
    const reply = await h.emu.waitForBotMessage(replyTo(asked), 5000);
    expectSafeReply(reply);
    expect(reply.embeds[0]?.title).toBe(NATTO.title);
  });

  it('/ask that never finishes is acknowledged in time with a private notice', async () => {
    const interaction = await h.emu.userRunsCommand({
      user: h.emu.users.alice,
      name: 'ask',
      options: [opt.string('question', `${STALL} natto`)],
    });
    // Acknowledged in time: answered at once, or (a busy machine) deferred, then the public
    // placeholder is removed and the notice follows privately.
    const first = await interaction.callback(BUDGET_MS + 5000);
    const reply =
      first.type === 5
        ? await interaction.nextFollowup(BUDGET_MS + 5000)
        : await interaction.reply(BUDGET_MS + 5000);
    if (first.type === 5) expect(interaction.deleted).toBe(true);
    expectTooLongNotice(reply);
    expect(isEphemeral(reply)).toBe(true);
  });

  it('every reply in this file carries both safety texts', () => {
    expect(expectEveryReplySafe(h.emu)).toBeGreaterThanOrEqual(3);
  });
});
