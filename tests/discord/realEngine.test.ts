import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ANTICOAGULANT_WARNING, DISCLAIMER, URGENT_NOTICE, urgentNoticeOf } from '../safetyTexts.ts';
import type { EmuMessage } from './emulator/index.ts';
import {
  customIds,
  expectEveryReplySafe,
  type Harness,
  isEphemeral,
  opt,
  safeReply,
  startHarness,
} from './harness.ts';

// End to end with the real engine in its answer workers: a few questions whose topic is written
// out here. Rendering, buttons and limits are tested against the stub engine in the other files.

let h: Harness;
// One answer worker (the default is two): the worker and the main thread each build the real engine,
// and no test here needs a second worker.
beforeAll(async () => {
  h = await startHarness({ engine: 'real', env: { ANSWER_WORKERS: '1' } });
}, 90_000);
afterAll(async () => {
  await h?.stop();
});

const replyTo = (message: EmuMessage) => (m: EmuMessage) => m.message_reference?.message_id === message.id;

async function mention(content: string): Promise<EmuMessage> {
  // A minute apart: past the default cooldown and channel window.
  h.clock.advance(60_000);
  const asked = await h.emu.userSendsMessage({ author: h.emu.users.alice, content, mentionBot: true });
  return h.emu.waitForBotMessage(replyTo(asked), 5000);
}

describe('the real engine through Discord', () => {
  it('/ask about natto answers with the natto topic, warning first (natto matters on warfarin)', async () => {
    const reply = await safeReply(
      await h.emu.userRunsCommand({
        user: h.emu.users.alice,
        name: 'ask',
        options: [opt.string('question', 'how much K2 is in natto?')],
      }),
      8000,
    );
    expect(reply.embeds[0]?.title).toBe('Natto, the richest K2 food');
    expect(reply.embeds[0]?.description?.startsWith(`**${ANTICOAGULANT_WARNING}**`)).toBe(true);
    expect(reply.embeds[0]?.footer?.text).toBe(DISCLAIMER);
    expect(customIds(reply)).toContain('more:natto');
    const more = await safeReply(
      await h.emu.userClicksButton({ user: h.emu.users.bob, message: reply, customId: 'more:natto' }),
    );
    expect(isEphemeral(more)).toBe(true);
    expect(more.embeds[0]?.title).toBe('Natto, the richest K2 food: all facts');
    // The topic summary moved behind More: it opens the More view (after the warning), not the answer.
    const details = more.embeds[0]?.description ?? '';
    expect(details.indexOf('Natto, a Japanese dish of soybeans fermented')).toBeGreaterThan(-1);
    expect(details.indexOf('Natto, a Japanese dish')).toBeLessThan(details.indexOf('• '));
    expect(reply.embeds[0]?.description).not.toContain('Natto, a Japanese dish of soybeans fermented');
  });

  it('a warfarin question gets the warfarin topic with the warning leading', async () => {
    const reply = await mention('can I take K2 with warfarin?');
    expect(reply.embeds[0]?.title).toBe('K2 with warfarin and other anticoagulants');
    expect(reply.embeds[0]?.description?.startsWith(`**${ANTICOAGULANT_WARNING}**`)).toBe(true);
  });

  // Before the emergency below: the messages after one keep its notice first.
  it('an off-topic question is declined', async () => {
    const reply = await mention('who won the football match yesterday');
    expect(reply.embeds[0]?.title).toBe('K2 Bot');
    expect(reply.embeds[0]?.description).toContain("Sorry, that's outside what I know.");
  });

  it('a nosebleed on warfarin is urgent: the urgent notice, then the warning', async () => {
    const reply = await mention('on warfarin and my nose wont stop bleeding');
    expect(reply.embeds[0]?.title).toBe('Urgent: get medical help');
    expect(
      reply.embeds[0]?.description?.startsWith(
        `🚨 **${urgentNoticeOf('bleeding')}**\n\n**${ANTICOAGULANT_WARNING}**`,
      ),
    ).toBe(true);
    expect(customIds(reply).some((id) => id.startsWith('vote:'))).toBe(false);
  });

  it('an emergency stays first for its teller; another member replying to it gets their own answer', async () => {
    const urgent = await mention('my mum is on warfarin and she is coughing up blood');
    expect(urgent.embeds[0]?.description?.startsWith(`🚨 **${urgentNoticeOf('bleeding')}**`)).toBe(true);
    const next = await h.emu.userSendsMessage({
      author: h.emu.users.alice,
      content: 'ok we are driving to the hospital, should i bring her pills?',
      replyTo: urgent.id,
      pingReply: false,
    });
    const kept = await h.emu.waitForBotMessage(replyTo(next), 5000);
    expect(kept.embeds[0]?.description?.startsWith(`🚨 **${urgentNoticeOf('bleeding')}**`)).toBe(true);

    h.clock.advance(6000);
    const bystander = await h.emu.userSendsMessage({
      author: h.emu.users.bob,
      content: 'is mk7 better than mk4?',
      replyTo: urgent.id,
      pingReply: false,
    });
    const own = await h.emu.waitForBotMessage(replyTo(bystander), 5000);
    expect(own.embeds[0]?.description).not.toContain(URGENT_NOTICE);
    expect(own.embeds[0]?.title).toContain('MK-7');
  });

  it('a reply to an answer is read in its context even when it comes before the bot heard back from Discord', async () => {
    // Past the emergency above and every context of it.
    h.clock.advance(11 * 60_000);
    let release = (): void => {};
    const released = new Promise<void>((resolve) => {
      release = resolve;
    });
    // Discord has posted the answer (the members see it) while the bot still waits for the HTTP answer.
    h.emu.holdAnswer('POST', /^\/channels\/\d+\/messages$/, released);
    try {
      const asked = await h.emu.userSendsMessage({
        author: h.emu.users.alice,
        content: 'which foods have the most k2?',
        mentionBot: true,
      });
      const answer = await h.emu.waitForBotMessage(replyTo(asked), 5000);
      const followUp = await h.emu.userSendsMessage({
        author: h.emu.users.bob,
        content: 'and how much is in them?',
        replyTo: answer.id,
        pingReply: false,
      });
      const inContext = h.emu.waitForBotMessage(replyTo(followUp), 5000);
      // Let the bot read the reply while its own answer is still held.
      await new Promise((resolve) => setTimeout(resolve, 300));
      release();
      const reply = await inContext;
      // Read alone, "and how much is in them?" is the daily amount; in context it is about the foods.
      expect(reply.embeds[0]?.title).toMatch(/food/i);
    } finally {
      release();
    }
  });

  it('autocomplete offers the natto topic for "natt"', async () => {
    const choices = await h.emu.userAutocompletes({
      user: h.emu.users.alice,
      name: 'topic',
      options: [opt.string('name', 'natt', true)],
    });
    expect(choices).toContainEqual({ name: 'Natto, the richest K2 food', value: 'natto' });
  });

  it('every reply carries both safety texts, fits Discord limits and pings nobody', () => {
    expect(expectEveryReplySafe(h.emu)).toBeGreaterThanOrEqual(5);
  });
});
