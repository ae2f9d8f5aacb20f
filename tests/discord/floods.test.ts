import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { ReplyQueue } from '../../src/discord/cooldowns.ts';
import { hashUserId } from '../../src/logger.ts';
import type { EmuMessage, EmuUser } from './emulator/index.ts';
import {
  expectEveryReplySafe,
  expectSafeReply,
  type Harness,
  messageText,
  opt,
  safeReply,
  sleep,
  startHarness,
} from './harness.ts';
import { NATTO, STUB } from './stubEngine.ts';

// The defaults as documented in the README ("Floods and pings"), written out here on purpose.
const DEFAULT_COOLDOWN_MS = 5_000;
const CHANNEL_REPLIES = 5;
const CHANNEL_WINDOW_MS = 15_000;
const PING_INTERVAL_MS = 10 * 60_000;
// This file's bot lets only two chat replies wait for Discord at once, so the cap is reachable.
const QUEUED_REPLIES = 2;

let h: Harness;
const queue = new ReplyQueue(QUEUED_REPLIES);
beforeAll(async () => {
  h = await startHarness({ limits: { queue } });
});
afterAll(async () => {
  await h?.stop();
});
afterEach(async () => {
  await h.store.resetGuildSettings(h.emu.guildId);
  h.clock.advance(60 * 60_000);
});

const replyTo = (message: EmuMessage) => (m: EmuMessage) => m.message_reference?.message_id === message.id;
const repliesTo = (message: EmuMessage) => h.emu.botMessages().filter(replyTo(message));

function urgentText(): string {
  return `${STUB.urgent} my chest hurts and I cant breathe`;
}

async function mention(author: EmuUser, content: string, channelId = h.emu.channels.general) {
  return h.emu.userSendsMessage({ author, channelId, content, mentionBot: true });
}

/** Proves silence: a message sent later was answered, and nothing answered `message`. */
async function expectSilence(message: EmuMessage, later: EmuMessage): Promise<void> {
  await h.emu.waitForBotMessage(replyTo(later), 5000);
  await sleep(150);
  expect(repliesTo(message)).toEqual([]);
}

describe('member cooldown for chat answers', () => {
  it('is on out of the box: answered, told once to wait, then silence, then answered again', async () => {
    const first = await mention(h.emu.users.alice, 'what is vitamin K2?');
    const answer = await h.emu.waitForBotMessage(replyTo(first), 5000);
    expect(answer.embeds[0]?.title).toBe(NATTO.title);

    const second = await mention(h.emu.users.alice, 'and which foods have it?');
    const notice = await h.emu.waitForBotMessage(replyTo(second), 5000);
    expectSafeReply(notice);
    expect(notice.embeds[0]?.title).toBe('Please wait a moment');
    expect(messageText(notice)).toMatch(/ask again in [1-5] s: this server has a 5 s cooldown/);

    const third = await mention(h.emu.users.alice, 'hello?? natto?');
    await expectSilence(third, await mention(h.emu.users.bob, 'what is MK-7?'));

    h.clock.advance(DEFAULT_COOLDOWN_MS);
    const fourth = await mention(h.emu.users.alice, 'is natto rich in vitamin K2?');
    const again = await h.emu.waitForBotMessage(replyTo(fourth), 5000);
    expectSafeReply(again);
    expect(again.embeds[0]?.title).toBe(NATTO.title);
  });

  it('applies in DMs', async () => {
    const first = await h.emu.userSendsMessage({ author: h.emu.users.bob, dm: true, content: 'what is K2?' });
    await h.emu.waitForBotMessage(replyTo(first), 5000);
    const second = await h.emu.userSendsMessage({ author: h.emu.users.bob, dm: true, content: 'and MK-4?' });
    const notice = await h.emu.waitForBotMessage(replyTo(second), 5000);
    expectSafeReply(notice);
    expect(messageText(notice)).toMatch(/ask again in [1-5] s: there is a 5 s cooldown/);
  });

  it('follows the server setting: 0 turns it off', async () => {
    await h.store.updateGuildSettings(h.emu.guildId, { cooldownSeconds: 0 });
    const first = await mention(h.emu.users.alice, 'what is K2?');
    await h.emu.waitForBotMessage(replyTo(first), 5000);
    const second = await mention(h.emu.users.alice, 'what is MK-7?');
    const reply = await h.emu.waitForBotMessage(replyTo(second), 5000);
    expect(reply.embeds[0]?.title).toBe(NATTO.title);
  });

  it('never posts a notice in an auto-answer channel', async () => {
    await h.store.updateGuildSettings(h.emu.guildId, { mode: 'auto-channels' });
    await h.store.addAutoChannel(h.emu.guildId, h.emu.channels.auto);
    const first = await mention(h.emu.users.alice, 'what is K2?', h.emu.channels.auto);
    await h.emu.waitForBotMessage(replyTo(first), 5000);
    const second = await h.emu.userSendsMessage({
      author: h.emu.users.alice,
      channelId: h.emu.channels.auto,
      content: 'Which foods have the most vitamin K2?',
    });
    await expectSilence(second, await mention(h.emu.users.bob, 'what is MK-7?', h.emu.channels.auto));
  });
});

describe('per-channel reply cap', () => {
  it(`answers at most ${CHANNEL_REPLIES} chat questions per channel in ${CHANNEL_WINDOW_MS / 1000} s, silently; urgent ones always`, async () => {
    await h.store.updateGuildSettings(h.emu.guildId, { cooldownSeconds: 0 });
    for (let i = 0; i < CHANNEL_REPLIES; i++) {
      const asked = await mention(h.emu.users.alice, 'what is vitamin K2?');
      expectSafeReply(await h.emu.waitForBotMessage(replyTo(asked), 5000));
    }
    const over = await mention(h.emu.users.bob, 'what is MK-7?');
    const urgent = await mention(h.emu.users.bob, urgentText());
    await expectSilence(over, urgent);
    // Another channel has its own window.
    const elsewhere = await mention(h.emu.users.bob, 'what is MK-7?', h.emu.channels.other);
    expectSafeReply(await h.emu.waitForBotMessage(replyTo(elsewhere), 5000));

    h.clock.advance(CHANNEL_WINDOW_MS);
    const later = await mention(h.emu.users.bob, 'what is MK-7?');
    expectSafeReply(await h.emu.waitForBotMessage(replyTo(later), 5000));
  });
});

describe('queued replies cap', () => {
  it('drops chat questions while too many replies wait for Discord, but not urgent ones', async () => {
    await h.store.updateGuildSettings(h.emu.guildId, { cooldownSeconds: 0 });
    // Only this test's drops count: on a busy machine the channel-cap test's silent question can meet
    // a queue still holding the slots of replies Discord has already shown (CI, stop 27).
    const logsBefore = h.logs.length;
    // Discord holds this channel's first reply until the test lets it go, then rate-limits it: replies
    // pile up behind it (held instead of a fixed 2 s Retry-After, so the test waits no longer than it must).
    let release = (): void => {};
    const released = new Promise<void>((resolve) => {
      release = resolve;
    });
    h.emu.injectFault('POST', /^\/channels\/\d+\/messages$/, 429, {
      headers: { 'Retry-After': '0.2' },
      times: 1,
      heldUntil: released,
    });
    const channelId = h.emu.channels.other;
    const waiting = [
      await mention(h.emu.users.alice, 'what is vitamin K2?', channelId),
      await mention(h.emu.users.bob, 'what is MK-7?', channelId),
    ];
    // Both answers waiting for Discord before the third question: on a busy machine the second answer
    // could otherwise come after the third's, and the second would be the one dropped.
    await expect.poll(() => queue.size, { timeout: 5000, interval: 10 }).toBe(QUEUED_REPLIES);
    const dropped = await mention(h.emu.users.admin, 'does K2 help bones?', channelId);
    const urgent = await mention(h.emu.users.admin, urgentText(), channelId);
    release();
    await h.emu.waitForRequest((r) => r.method === 'POST' && r.status === 429, 5000);
    for (const message of waiting) expectSafeReply(await h.emu.waitForBotMessage(replyTo(message), 8000));
    expectSafeReply(await h.emu.waitForBotMessage(replyTo(urgent), 8000));
    await sleep(150);
    expect(repliesTo(dropped)).toEqual([]);
    const drops = h.logs.slice(logsBefore).filter((l) => l.msg?.startsWith('chat reply dropped'));
    expect(drops.map((l) => [l.level, l.userHash])).toEqual([[40, hashUserId(h.emu.users.admin.id)]]);
    // Full when it was dropped: the two held replies, and the urgent one if it was answered first.
    expect(drops[0]?.queued).toBeGreaterThanOrEqual(QUEUED_REPLIES);
  });
});

describe('/ask for: pings', () => {
  async function askFor(target: EmuUser) {
    const interaction = await h.emu.userRunsCommand({
      user: h.emu.users.alice,
      name: 'ask',
      options: [opt.string('question', 'what is vitamin K2?'), opt.user('for', target.id)],
    });
    return interaction.reply(5000);
  }

  it('pings a member once per 10 minutes per server; later the mention is shown but inert', async () => {
    const bob = h.emu.users.bob.id;
    const first = await askFor(h.emu.users.bob);
    expectSafeReply(first, { pinged: [bob] });

    const again = await askFor(h.emu.users.bob);
    expectSafeReply(again, { pinged: [] });
    expect(again.content).toContain(`<@${bob}>`);
    expect(again.allowed_mentions?.users ?? []).toEqual([]);

    // Another member is a separate target.
    const admin = h.emu.users.admin.id;
    expectSafeReply(await askFor(h.emu.users.admin), { pinged: [admin] });

    h.clock.advance(PING_INTERVAL_MS - 1000);
    expectSafeReply(await askFor(h.emu.users.bob), { pinged: [] });
    h.clock.advance(1000);
    expectSafeReply(await askFor(h.emu.users.bob), { pinged: [bob] });
  });

  it('does not limit /ask itself (the cooldown is for chat answers)', async () => {
    for (let i = 0; i < 3; i++) {
      const interaction = await h.emu.userRunsCommand({
        user: h.emu.users.alice,
        name: 'ask',
        options: [opt.string('question', 'what is MK-7?')],
      });
      expect((await safeReply(interaction)).embeds[0]?.title).toBe(NATTO.title);
    }
  });
});

describe('every reply in this file', () => {
  it('carries both safety texts, fits Discord limits and pings nobody unasked', () => {
    expect(expectEveryReplySafe(h.emu)).toBeGreaterThan(10);
  });
});
