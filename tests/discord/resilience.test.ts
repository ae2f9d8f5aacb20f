import { afterAll, beforeAll, describe, type ExpectStatic, expect, it } from 'vitest';
import { ReconnectLog } from '../../src/discord/gatewayStatus.ts';
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

// The two suites run at once: the outage of the reconnect-logging test is on a bot and emulator of its
// own, while the tests of the first suite share this file's bot, in order (it.sequential).
describe.concurrent('resilience', () => {
  it.sequential('retries a 429 on a channel message and still answers', async ({ expect }) => {
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

  it.sequential('retries a 429 on an interaction callback', async () => {
    h.emu.injectFault('POST', /^\/interactions\/\d+\/[^/]+\/callback$/, 429, { times: 1 });
    const interaction = await h.emu.userRunsCommand({
      user: h.emu.users.alice,
      name: 'ask',
      options: [opt.string('question', 'what is mk-7?')],
    });
    await safeReply(interaction);
  });

  it.sequential('answers a question sent during a gateway outage exactly once, after RESUME', async ({
    expect,
  }) => {
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

  it.sequential('survives a RECONNECT request and keeps answering', async ({ expect }) => {
    const resumes = h.emu.resumes;
    h.emu.requestReconnect();
    await expect.poll(() => h.emu.resumes, { timeout: 5000 }).toBeGreaterThan(resumes);
    // Bob asked in the previous test: another member, so the default cooldown cannot be what answers.
    const asked = await h.emu.userSendsMessage({
      author: h.emu.users.admin,
      content: 'what is natto?',
      mentionBot: true,
    });
    const reply = await h.emu.waitForBotMessage(replyTo(asked), 5000);
    expectSafeReply(reply);
    expect(messageText(reply).toLowerCase()).toContain('natto');
    expect(messageText(reply)).not.toContain('You can ask again');
  });

  it.sequential('replies with an ephemeral apology and safety texts when a reply fails, and logs it', async ({
    expect,
  }) => {
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

describe.concurrent('reconnect logging during a gateway outage', () => {
  it('logs the first attempt, then after 1, 2, 4 ... s at most once a minute, and the way back', ({
    expect,
  }) => {
    const lines: Array<{ level: string; fields: Record<string, unknown>; msg: string }> = [];
    const record = (level: string) => (fields: object, msg?: string) =>
      lines.push({ level, fields: fields as Record<string, unknown>, msg: msg ?? '' });
    let now = 0;
    const log = new ReconnectLog({ info: record('info'), warn: record('warn') } as never, () => now);
    // discord.js retries every 500 ms: 10 minutes of outage is 1,200 attempts.
    for (let attempt = 0; attempt < 1200; attempt++, now += 500) log.reconnecting(0);
    log.connected(0, 'resumed');
    const times = lines
      .filter((l) => l.msg === 'gateway still reconnecting')
      .map((l) => l.fields.downForSeconds);
    expect(lines[0]?.msg).toBe('gateway connection lost; reconnecting');
    expect(times).toEqual([1, 3, 7, 15, 31, 63, 123, 183, 243, 303, 363, 423, 483, 543]);
    expect(lines.at(-1)).toMatchObject({ msg: 'gateway connection back', fields: { attempts: 1200 } });
    expect(lines.filter((l) => l.level === 'warn').every((l) => typeof l.fields.attempts === 'number')).toBe(
      true,
    );
  });

  it('writes a few lines, not one per attempt, while the gateway keeps dropping the bot', async ({
    expect,
  }) => {
    const o = await startHarness({ emulator: { heartbeatIntervalMs: 1000 } });
    try {
      await outageTest(o, expect);
    } finally {
      await o.stop();
    }
  }, 20_000);
});

/** The outage test on its own bot `o`: the gateway drops it at every attempt until it has tried enough. */
async function outageTest(o: Harness, expect: ExpectStatic): Promise<void> {
  const linesBefore = o.logs.length;
  // The outage lasts until discord.js has tried to reconnect this many times (about 3 s), not a fixed time.
  const ATTEMPTS = 5;
  let attempts = 0;
  let enough = (): void => {};
  const tried = new Promise<void>((resolve) => {
    enough = resolve;
  });
  const dropAtOnce = () => {
    attempts += 1;
    setImmediate(() => o.emu.dropConnections());
    if (attempts >= ATTEMPTS) enough();
  };
  o.emu.on('wsConnect', dropAtOnce);
  o.emu.dropConnections();
  await tried;
  o.emu.off('wsConnect', dropAtOnce);
  await o.emu.waitForConnectedSessions(1, 10_000);
  await expect
    .poll(() => o.logs.slice(linesBefore).some((l) => l.msg === 'gateway connection back'), {
      timeout: 5000,
    })
    .toBe(true);
  const outage = o.logs.slice(linesBefore).filter((l) => /gateway/.test(l.msg ?? ''));
  expect(attempts).toBeGreaterThanOrEqual(ATTEMPTS);
  // First attempt, after ~1 s and ~3 s, and the way back: well under one line per attempt.
  expect(outage.length).toBeLessThanOrEqual(5);
  expect(outage.length).toBeLessThan(attempts);
  expect(outage.at(-1)).toMatchObject({ msg: 'gateway connection back' });
}

describe('every reply in this file', () => {
  it('carries both safety texts, fits Discord limits and pings nobody unasked', () => {
    expect(expectEveryReplySafe(h.emu)).toBeGreaterThan(3);
  });
});
