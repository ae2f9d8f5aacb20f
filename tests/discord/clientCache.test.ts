import type { Client } from 'discord.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { EmuMessage } from './emulator/index.ts';
import { type Harness, isEphemeral, messageText, opt, safeReply, startHarness } from './harness.ts';
import { NATTO } from './stubEngine.ts';

// The bot's discord.js cache limits (src/discord/clientCache.ts): it keeps no messages, members or
// users but its own, and answering, replies and /settings (whose channel check reads the bot's own
// member) work as before.

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => {
  await h?.stop();
});

const replyTo = (message: EmuMessage) => (m: EmuMessage) => m.message_reference?.message_id === message.id;

describe('discord.js caches only what the bot reads', () => {
  it('answers mentions, a reply to an answer, /ask and /settings, then holds no messages, members or users but its own', async () => {
    const client = h.bot.client as Client<true>;
    const asked = await h.emu.userSendsMessage({
      author: h.emu.users.alice,
      content: 'how much K2 is in natto?',
      mentionBot: true,
    });
    const answer = await h.emu.waitForBotMessage(replyTo(asked), 5000);
    expect(answer.embeds[0]?.title).toBe(NATTO.title);

    // A reply without the ping: the bot recognises its own answer without a cached message.
    const followUp = await h.emu.userSendsMessage({
      author: h.emu.users.bob,
      content: 'and what about cheese?',
      replyTo: answer.id,
      pingReply: false,
    });
    const followUpAnswer = await h.emu.waitForBotMessage(replyTo(followUp), 5000);
    expect(followUpAnswer.embeds.length).toBeGreaterThan(0);

    const slash = await h.emu.userRunsCommand({
      user: h.emu.users.bob,
      name: 'ask',
      options: [opt.string('question', 'what is vitamin K2?')],
    });
    expect((await safeReply(slash)).embeds[0]?.title).toBe(NATTO.title);

    const settings = await h.emu.userRunsCommand({
      user: h.emu.users.admin,
      name: 'settings',
      options: [opt.group('channel', [opt.sub('add', [opt.channel('channel', h.emu.channels.auto)])])],
    });
    const settingsReply = await safeReply(settings);
    expect(isEphemeral(settingsReply)).toBe(true);
    expect(messageText(settingsReply)).toContain(`<#${h.emu.channels.auto}>`);
    expect((await h.store.getGuildSettings(h.emu.guildId)).autoChannelIds).toEqual([h.emu.channels.auto]);

    const botId = client.user.id;
    const guild = client.guilds.cache.get(h.emu.guildId);
    expect(guild?.members.me?.id).toBe(botId);
    expect([...(guild?.members.cache.keys() ?? [])]).toEqual([botId]);
    expect([...client.users.cache.keys()]).toEqual([botId]);
    const general = client.channels.cache.get(h.emu.channels.general);
    expect(general?.isTextBased() && general.messages.cache.size).toBe(0);
    // Channels and roles stay: permissions and routing read them.
    expect(guild?.channels.cache.has(h.emu.channels.auto)).toBe(true);
    expect(guild?.roles.cache.size).toBeGreaterThan(0);
  });
});
