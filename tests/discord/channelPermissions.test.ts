import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectEveryReplySafe, type Harness, messageText, opt, safeReply, startHarness } from './harness.ts';

// Discord's permission bits (https://discord.com/developers/docs/topics/permissions).
const VIEW_CHANNEL = 1n << 10n;
const SEND_MESSAGES = 1n << 11n;
const EMBED_LINKS = 1n << 14n;
const READ_MESSAGE_HISTORY = 1n << 16n;

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => {
  await h?.stop();
});

/** A server admin takes permissions from the bot's role in one channel. */
function denyBotRole(channelId: string, deny: bigint) {
  return h.emu.setChannelPermissionOverwrites(channelId, [
    { id: h.emu.roles.bot, type: 0, allow: '0', deny: deny.toString() },
  ]);
}

async function addChannel(channelId: string): Promise<string> {
  const interaction = await h.emu.userRunsCommand({
    user: h.emu.users.admin,
    name: 'settings',
    options: [opt.group('channel', [opt.sub('add', [opt.channel('channel', channelId)])])],
  });
  return messageText(await safeReply(interaction));
}

describe('/settings channel add checks what the bot may do in that channel', () => {
  it('names each missing permission and adds nothing', async () => {
    await denyBotRole(h.emu.channels.other, SEND_MESSAGES | EMBED_LINKS);
    const text = await addChannel(h.emu.channels.other);
    expect(text).toContain(
      `K2 Bot cannot answer in <#${h.emu.channels.other}>: it is missing Send Messages, Embed Links there`,
    );
    expect(text).not.toContain('View Channel');
    expect(text).toContain('Nothing was changed');
    expect((await h.store.getGuildSettings(h.emu.guildId)).autoChannelIds).toEqual([]);
  });

  it('counts a channel it cannot see or read the history of as missing those', async () => {
    await denyBotRole(h.emu.channels.other, VIEW_CHANNEL | READ_MESSAGE_HISTORY);
    const text = await addChannel(h.emu.channels.other);
    expect(text).toContain('it is missing View Channel, Read Message History there');
  });

  it('adds the channel once the permissions are back', async () => {
    await h.emu.setChannelPermissionOverwrites(h.emu.channels.other, []);
    expect(await addChannel(h.emu.channels.other)).toContain(`Added <#${h.emu.channels.other}>.`);
    expect((await h.store.getGuildSettings(h.emu.guildId)).autoChannelIds).toEqual([h.emu.channels.other]);
  });
});

describe('a reply refused with Missing Permissions', () => {
  it('is logged once per channel and told to each asker once, privately', async () => {
    const channelId = h.emu.channels.general;
    await denyBotRole(channelId, SEND_MESSAGES);
    const refusedPost = (r: { method: string; path: string; status: number }) =>
      r.method === 'POST' && r.path === `/channels/${channelId}/messages` && r.status === 403;
    const dmOf = (user: typeof h.emu.users.alice) => (m: { channel_id: string }) =>
      m.channel_id === h.emu.dmChannelOf(user);

    await h.emu.userSendsMessage({
      author: h.emu.users.alice,
      content: 'what is vitamin K2?',
      mentionBot: true,
    });
    const note = await h.emu.waitForBotMessage(dmOf(h.emu.users.alice));
    expect(messageText(note)).toContain(
      `I could not answer your question in <#${channelId}>: I am missing Send Messages there`,
    );

    await h.emu.userSendsMessage({
      author: h.emu.users.alice,
      content: 'and how much natto?',
      mentionBot: true,
    });
    await h.emu.waitForRequest(refusedPost);
    await h.emu.waitForRequest(refusedPost);
    await h.emu.userSendsMessage({
      author: h.emu.users.bob,
      content: 'does k2 help bones?',
      mentionBot: true,
    });
    await h.emu.waitForBotMessage(dmOf(h.emu.users.bob));

    const dmsToAlice = h.emu.botMessages().filter(dmOf(h.emu.users.alice));
    expect(dmsToAlice).toHaveLength(1);
    const logged = h.logs.filter((line) => line.event === 'missing-permissions');
    expect(logged).toHaveLength(1);
    expect(logged[0]).toMatchObject({ level: 50, channelId, missing: ['Send Messages'] });
    expect(h.logs.filter((line) => line.event === 'message-error')).toEqual([]);
    await h.emu.setChannelPermissionOverwrites(channelId, []);
  });
});

describe('every reply in this file', () => {
  it('carries both safety texts, fits Discord limits and pings nobody unasked', () => {
    expect(expectEveryReplySafe(h.emu)).toBeGreaterThan(4);
  });
});
