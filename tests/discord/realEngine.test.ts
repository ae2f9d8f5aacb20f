import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ANTICOAGULANT_WARNING, DISCLAIMER, URGENT_NOTICE } from '../safetyTexts.ts';
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
      reply.embeds[0]?.description?.startsWith(`🚨 **${URGENT_NOTICE}**\n\n**${ANTICOAGULANT_WARNING}**`),
    ).toBe(true);
    expect(customIds(reply).some((id) => id.startsWith('vote:'))).toBe(false);
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
