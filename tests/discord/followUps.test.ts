import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { EmuMessage } from './emulator/index.ts';
import { expectEveryReplySafe, expectSafeReply, type Harness, messageText, startHarness } from './harness.ts';
import { ANSWER_BODY, CHEESE, STUB } from './stubEngine.ts';

/**
 * Follow-ups through the emulator: the stub engine answers STUB.followUp in the previous answer's
 * topic when the bot hands it that context (through the answer workers), and as a plain natto
 * answer when it does not.
 */
let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => {
  await h?.stop();
});
afterEach(() => {
  // Past cooldowns, channel windows and every follow-up context.
  h.clock.advance(60 * 60_000);
});

const replyTo = (message: EmuMessage) => (m: EmuMessage) => m.message_reference?.message_id === message.id;
const IN_CHEESE_CONTEXT = 'In context of the previous answer: Cheese (stub topic) (stub follow-up).';

describe('follow-up questions on Discord', () => {
  it('a two-turn reply chain: each reply to an answer is read in that answer’s context', async () => {
    const asked = await h.emu.userSendsMessage({
      author: h.emu.users.alice,
      content: `tell me about cheese ${STUB.cheese}`,
      mentionBot: true,
    });
    const first = await h.emu.waitForBotMessage(replyTo(asked), 3000);
    expect(first.embeds[0]?.title).toBe(CHEESE.title);
    h.clock.advance(6000);

    const followUp = await h.emu.userSendsMessage({
      author: h.emu.users.alice,
      content: `how much? ${STUB.followUp}`,
      replyTo: first.id,
      pingReply: false,
    });
    const second = await h.emu.waitForBotMessage(replyTo(followUp), 3000);
    expectSafeReply(second);
    expect(messageText(second)).toContain(IN_CHEESE_CONTEXT);
    h.clock.advance(6000);

    const again = await h.emu.userSendsMessage({
      author: h.emu.users.alice,
      content: `why? ${STUB.followUp}`,
      replyTo: second.id,
      pingReply: false,
    });
    const third = await h.emu.waitForBotMessage(replyTo(again), 3000);
    expect(messageText(third)).toContain(IN_CHEESE_CONTEXT);
  });

  it('another member’s mention in the same channel is not read in someone else’s context', async () => {
    const asked = await h.emu.userSendsMessage({
      author: h.emu.users.alice,
      content: `cheese? ${STUB.cheese}`,
      mentionBot: true,
    });
    await h.emu.waitForBotMessage(replyTo(asked), 3000);
    const other = await h.emu.userSendsMessage({
      author: h.emu.users.bob,
      content: `how much? ${STUB.followUp}`,
      mentionBot: true,
    });
    const reply = await h.emu.waitForBotMessage(replyTo(other), 3000);
    expect(messageText(reply)).toContain(ANSWER_BODY);
    expect(messageText(reply)).not.toContain('In context of the previous answer');
  });

  it('the next DM within 10 minutes is a follow-up; after 10 minutes it is read on its own', async () => {
    const asked = await h.emu.userSendsMessage({ author: h.emu.users.bob, dm: true, content: STUB.cheese });
    const first = await h.emu.waitForBotMessage(replyTo(asked), 3000);
    expect(first.embeds[0]?.title).toBe(CHEESE.title);
    h.clock.advance(9 * 60_000);

    const followUp = await h.emu.userSendsMessage({
      author: h.emu.users.bob,
      dm: true,
      content: `and for kids? ${STUB.followUp}`,
    });
    const second = await h.emu.waitForBotMessage(replyTo(followUp), 3000);
    expectSafeReply(second);
    expect(messageText(second)).toContain(IN_CHEESE_CONTEXT);

    h.clock.advance(10 * 60_000 + 1000);
    const late = await h.emu.userSendsMessage({
      author: h.emu.users.bob,
      dm: true,
      content: `and for kids? ${STUB.followUp}`,
    });
    const third = await h.emu.waitForBotMessage(replyTo(late), 3000);
    expect(messageText(third)).toContain(ANSWER_BODY);
  });

  it('every reply in this file carries both safety texts and fits Discord limits', () => {
    expectEveryReplySafe(h.emu);
  });
});
