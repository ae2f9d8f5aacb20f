import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { hashUserId } from '../../src/logger.ts';
import { URGENT_NOTICE } from '../safetyTexts.ts';
import type { EmuMessage } from './emulator/index.ts';
import {
  customIds,
  expectEveryReplySafe,
  expectSafeReply,
  type Harness,
  messageText,
  sleep,
  startHarness,
} from './harness.ts';
import { NATTO, STUB } from './stubEngine.ts';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => {
  await h?.stop();
});
afterEach(async () => {
  await h.store.resetGuildSettings(h.emu.guildId);
  // Every test starts with cooldowns and channel windows expired.
  h.clock.advance(60 * 60_000);
});

const replyTo = (message: EmuMessage) => (m: EmuMessage) => m.message_reference?.message_id === message.id;

/** Proves silence: a later mention in the same channel is answered, and nothing answered `message`. */
async function expectNoReply(message: EmuMessage): Promise<void> {
  const probe = await h.emu.userSendsMessage({
    author: h.emu.users.admin,
    channelId: message.channel_id,
    content: 'what is vitamin k2?',
    mentionBot: true,
  });
  await h.emu.waitForBotMessage(replyTo(probe), 3000);
  await sleep(100);
  expect(h.emu.botMessages().filter(replyTo(message))).toEqual([]);
}

describe('chat answering', () => {
  it('answers a mention as a reply, with safety texts, and does not answer its own message', async () => {
    const before = h.emu.botMessages().length;
    const asked = await h.emu.userSendsMessage({
      author: h.emu.users.alice,
      content: 'how much K2 is in natto?',
      mentionBot: true,
    });
    const reply = await h.emu.waitForBotMessage(replyTo(asked), 3000);
    expectSafeReply(reply);
    expect(reply.embeds[0]?.title).toBe(NATTO.title);
    expect(customIds(reply)).toContain(`delete:${h.emu.users.alice.id}`);
    await sleep(150);
    expect(h.emu.botMessages().length).toBe(before + 1);
  });

  it('answers a reply to one of its answers without a mention', async () => {
    const asked = await h.emu.userSendsMessage({
      author: h.emu.users.alice,
      content: 'what is K2?',
      mentionBot: true,
    });
    const answer = await h.emu.waitForBotMessage(replyTo(asked), 3000);
    h.clock.advance(6000);
    const followUp = await h.emu.userSendsMessage({
      author: h.emu.users.alice,
      content: 'and which foods have it?',
      replyTo: answer.id,
      pingReply: false,
    });
    const second = await h.emu.waitForBotMessage(replyTo(followUp), 3000);
    expectSafeReply(second);
    expect(messageText(second)).not.toMatch(/ask again in/);
  });

  it('answers in DMs without a mention', async () => {
    const asked = await h.emu.userSendsMessage({
      author: h.emu.users.bob,
      dm: true,
      content: 'is MK-7 better than MK-4?',
    });
    const reply = await h.emu.waitForBotMessage(replyTo(asked), 3000);
    expectSafeReply(reply);
    expect(reply.guild_id).toBeUndefined();
  });

  it('ignores messages from bots, including its own', async () => {
    const fromBot = await h.emu.userSendsMessage({
      author: h.emu.botUser,
      content: 'what is K2?',
      mentionBot: true,
    });
    await expectNoReply(fromBot);
  });

  it('ignores plain messages in mention-only mode', async () => {
    const plain = await h.emu.userSendsMessage({
      author: h.emu.users.alice,
      content: 'what foods have vitamin K2?',
    });
    await expectNoReply(plain);
  });

  it('never pings @everyone, roles or users quoted in a question', async () => {
    const asked = await h.emu.userSendsMessage({
      author: h.emu.users.alice,
      content: `@everyone @here <@&${h.emu.roles.admin}> <@${h.emu.users.bob.id}> what is vitamin K2?`,
      mentionBot: true,
    });
    const reply = await h.emu.waitForBotMessage(replyTo(asked), 3000);
    expectSafeReply(reply);
    expect(reply.mention_everyone).toBe(false);
    expect(reply.allowed_mentions?.parse).toEqual([]);
    expect(reply.mentions).toEqual([]);
  });

  it('answers an empty mention with something useful', async () => {
    const asked = await h.emu.userSendsMessage({ author: h.emu.users.alice, content: '', mentionBot: true });
    expectSafeReply(await h.emu.waitForBotMessage(replyTo(asked), 3000));
  });

  it('stays quiet everywhere in mode off', async () => {
    await h.store.updateGuildSettings(h.emu.guildId, { mode: 'off' });
    const asked = await h.emu.userSendsMessage({
      author: h.emu.users.alice,
      content: 'what is K2?',
      mentionBot: true,
    });
    await sleep(200);
    expect(h.emu.botMessages().filter(replyTo(asked))).toEqual([]);
  });
});

describe('auto-answer channels', () => {
  const URGENT = `${STUB.urgent} my nose will not stop bleeding`;

  async function enableAuto() {
    await h.store.updateGuildSettings(h.emu.guildId, { mode: 'auto-channels' });
    await h.store.addAutoChannel(h.emu.guildId, h.emu.channels.auto);
  }

  it('answers a confident K2 question without a mention', async () => {
    await enableAuto();
    const asked = await h.emu.userSendsMessage({
      author: h.emu.users.alice,
      channelId: h.emu.channels.auto,
      content: 'Which foods have the most vitamin K2?',
    });
    const reply = await h.emu.waitForBotMessage(replyTo(asked), 3000);
    expectSafeReply(reply);
    expect(reply.embeds[0]?.title).toBe(NATTO.title);
  });

  it('stays quiet for a K2 question the engine declines', async () => {
    await enableAuto();
    const message = await h.emu.userSendsMessage({
      author: h.emu.users.alice,
      channelId: h.emu.channels.auto,
      content: `What is vitamin K2 ${STUB.decline}?`,
    });
    await expectNoReply(message);
  });

  it.each([
    'lol nice weather today',
    'I had natto for breakfast',
    'what time is the meeting?',
    'can someone review my pull request?',
  ])('stays quiet for %j', async (content) => {
    await enableAuto();
    const message = await h.emu.userSendsMessage({
      author: h.emu.users.alice,
      channelId: h.emu.channels.auto,
      content,
    });
    await expectNoReply(message);
  });

  it('does not auto-answer in channels that are not listed', async () => {
    await enableAuto();
    const message = await h.emu.userSendsMessage({
      author: h.emu.users.alice,
      channelId: h.emu.channels.other,
      content: 'Which foods have the most vitamin K2?',
    });
    await expectNoReply(message);
  });

  it('always answers an urgent message, notice first', async () => {
    await enableAuto();
    const message = await h.emu.userSendsMessage({
      author: h.emu.users.bob,
      channelId: h.emu.channels.auto,
      content: URGENT,
    });
    const reply = await h.emu.waitForBotMessage(replyTo(message), 3000);
    expectSafeReply(reply);
    expect(reply.embeds[0]?.description?.startsWith(`🚨 **${URGENT_NOTICE}**`)).toBe(true);
  });
});

describe('cooldown', () => {
  it('tells a member to wait, but urgent messages bypass it', async () => {
    await h.store.updateGuildSettings(h.emu.guildId, { cooldownSeconds: 60 });
    const first = await h.emu.userSendsMessage({
      author: h.emu.users.bob,
      content: 'what is K2?',
      mentionBot: true,
    });
    expectSafeReply(await h.emu.waitForBotMessage(replyTo(first), 3000));
    const second = await h.emu.userSendsMessage({
      author: h.emu.users.bob,
      content: 'and MK-7?',
      mentionBot: true,
    });
    const notice = await h.emu.waitForBotMessage(replyTo(second), 3000);
    expectSafeReply(notice);
    expect(messageText(notice)).toMatch(/ask again in \d+ s/);
    const urgent = await h.emu.userSendsMessage({
      author: h.emu.users.bob,
      content: `${STUB.urgent} my chest hurts`,
      mentionBot: true,
    });
    const reply = await h.emu.waitForBotMessage(replyTo(urgent), 3000);
    expect(messageText(reply)).not.toMatch(/ask again in/);
    expect(reply.embeds[0]?.description?.startsWith(`🚨 **${URGENT_NOTICE}**`)).toBe(true);
  });
});

describe('every reply in this file', () => {
  it('carries both safety texts, fits Discord limits and pings nobody unasked', () => {
    expect(expectEveryReplySafe(h.emu)).toBeGreaterThan(3);
  });
});

describe('delete button on a chat answer', () => {
  it('is refused for another member and works for the asker', async () => {
    const asked = await h.emu.userSendsMessage({
      author: h.emu.users.alice,
      content: 'what is K2?',
      mentionBot: true,
    });
    const answer = await h.emu.waitForBotMessage(replyTo(asked), 3000);
    const customId = `delete:${h.emu.users.alice.id}`;
    const refused = await h.emu.userClicksButton({ user: h.emu.users.bob, message: answer, customId });
    expectSafeReply(await refused.reply());
    expect(h.emu.message(answer.id)?.deleted).toBe(false);
    await h.emu.userClicksButton({ user: h.emu.users.alice, message: answer, customId });
    await expect.poll(() => h.emu.message(answer.id)?.deleted, { timeout: 3000 }).toBe(true);
  });
});

describe('logging', () => {
  it('logs each chat answer with topic, confidence, latency and guild; user text only at debug', async () => {
    const question = 'what does vitamin K2 do for zebra-striped-marker bones?';
    const asked = await h.emu.userSendsMessage({
      author: h.emu.users.alice,
      content: question,
      mentionBot: true,
    });
    await h.emu.waitForBotMessage(replyTo(asked), 3000);
    await expect
      .poll(() =>
        h.logs.find((l) => l.msg === 'message answered' && l.userHash === hashUserId(h.emu.users.alice.id)),
      )
      .toBeDefined();
    const answered = h.logs.filter((l) => l.msg === 'message answered');
    const last = answered.at(-1);
    expect(last).toMatchObject({ event: 'message', via: 'mention', guildId: h.emu.guildId });
    expect(typeof last?.latencyMs).toBe('number');
    expect(typeof last?.confidence).toBe('number');
    expect('topic' in (last ?? {})).toBe(true);
    const mentioning = h.logs.filter((l) => JSON.stringify(l).includes('zebra-striped-marker'));
    expect(mentioning.length).toBeGreaterThan(0);
    expect(mentioning.every((l) => l.level <= 20)).toBe(true);
    expect(h.rawLogs()).not.toContain(h.emu.token);
  });
});
