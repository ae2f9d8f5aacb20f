import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { EmuMessage } from './emulator/index.ts';
import {
  expectEveryReplySafe,
  expectSafeReply,
  type Harness,
  isEphemeral,
  messageText,
  opt,
  safeReply,
  sleep,
  startHarness,
} from './harness.ts';

let h: Harness;
beforeAll(async () => {
  h = await startHarness({ emulator: { heartbeatIntervalMs: 1000 } });
});
afterAll(async () => {
  await h?.stop();
});

const replyTo = (message: EmuMessage) => (m: EmuMessage) => m.message_reference?.message_id === message.id;

describe('resilience', () => {
  it('retries a 429 on a channel message and still answers', async () => {
    h.emu.injectFault('POST', /^\/channels\/\d+\/messages$/, 429, {
      headers: { 'Retry-After': '0.2' },
      times: 1,
    });
    const asked = await h.emu.userSendsMessage({
      author: h.emu.users.alice,
      content: 'what is K2?',
      mentionBot: true,
    });
    const reply = await h.emu.waitForBotMessage(replyTo(asked), 5000);
    expectSafeReply(reply);
    const posts = h.emu.requests.filter(
      (r) => r.method === 'POST' && /^\/channels\/\d+\/messages$/.test(r.path),
    );
    expect(posts.some((r) => r.status === 429)).toBe(true);
    expect(h.logs.some((l) => l.msg === 'rate limited')).toBe(true);
  });

  it('retries a 429 on an interaction callback', async () => {
    h.emu.injectFault('POST', /^\/interactions\/\d+\/[^/]+\/callback$/, 429, { times: 1 });
    const interaction = await h.emu.userRunsCommand({
      user: h.emu.users.alice,
      name: 'ask',
      options: [opt.string('question', 'what is mk-7?')],
    });
    await safeReply(interaction);
  });

  it('answers a question sent during a gateway outage exactly once, after RESUME', async () => {
    const identifies = h.emu.identifies;
    const resumes = h.emu.resumes;
    h.emu.dropConnections();
    const asked = await h.emu.userSendsMessage({
      author: h.emu.users.bob,
      content: 'does K2 help bones?',
      mentionBot: true,
    });
    const reply = await h.emu.waitForBotMessage(replyTo(asked), 10_000);
    expectSafeReply(reply);
    await sleep(300);
    expect(h.emu.botMessages().filter(replyTo(asked))).toHaveLength(1);
    expect(h.emu.resumes).toBeGreaterThan(resumes);
    expect(h.emu.identifies).toBe(identifies);
  });

  it('survives a RECONNECT request and keeps answering', async () => {
    const resumes = h.emu.resumes;
    h.emu.requestReconnect();
    await expect.poll(() => h.emu.resumes, { timeout: 5000 }).toBeGreaterThan(resumes);
    const asked = await h.emu.userSendsMessage({
      author: h.emu.users.bob,
      content: 'what is natto?',
      mentionBot: true,
    });
    await h.emu.waitForBotMessage(replyTo(asked), 5000);
  });

  it('replies with an ephemeral apology and safety texts when a reply fails, and logs it', async () => {
    h.emu.injectFault('POST', /^\/interactions\/\d+\/[^/]+\/callback$/, 400, {
      body: { code: 50035, message: 'Invalid Form Body' },
      times: 1,
    });
    const interaction = await h.emu.userRunsCommand({
      user: h.emu.users.alice,
      name: 'ask',
      options: [opt.string('question', 'what is K2?')],
    });
    const apology = await safeReply(interaction);
    expect(isEphemeral(apology)).toBe(true);
    expect(messageText(apology)).toContain('Sorry, something went wrong');
    expect(h.logs.some((l) => l.event === 'command-error')).toBe(true);
  });
});

describe('every reply in this file', () => {
  it('carries both safety texts, fits Discord limits and pings nobody unasked', () => {
    expect(expectEveryReplySafe(h.emu)).toBeGreaterThan(3);
  });
});
