import { renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { deployCommands } from '../../src/discord/deploy.ts';
import { type ApiOption, DiscordEmulator } from './emulator/index.ts';
import {
  expectEveryReplySafe,
  type Harness,
  isEphemeral,
  messageText,
  opt,
  safeReply,
  startHarness,
} from './harness.ts';
import { NATTO } from './stubEngine.ts';

let h: Harness;
beforeAll(async () => {
  // Not strict: the handler's own permission check must hold even if a server admin widens the command.
  h = await startHarness({ emulator: { strictCommands: false } });
});
afterAll(async () => {
  await h?.stop();
});

async function runSettings(options: ApiOption[], user = h.emu.users.admin) {
  const interaction = await h.emu.userRunsCommand({ user, name: 'settings', options });
  const reply = await safeReply(interaction);
  expect(isEphemeral(reply)).toBe(true);
  return reply;
}

describe('/settings', () => {
  it('is refused without Manage Server, and nothing changes', async () => {
    const reply = await runSettings([opt.sub('mode', [opt.string('value', 'off')])], h.emu.users.alice);
    expect(messageText(reply)).toContain('Manage Server');
    expect((await h.store.getGuildSettings(h.emu.guildId)).mode).toBe('mention-only');
  });

  it('show reports the current state', async () => {
    const reply = await runSettings([opt.sub('show')]);
    expect(messageText(reply)).toContain('mention-only');
  });

  it('mode, channel add/remove, visibility, cooldown and reset change the stored state and answer with it', async () => {
    let reply = await runSettings([opt.sub('mode', [opt.string('value', 'auto-channels')])]);
    expect(messageText(reply)).toContain('Mode is now auto-channels');
    expect(messageText(reply)).toContain('No auto-answer channel yet');

    reply = await runSettings([
      opt.group('channel', [opt.sub('add', [opt.channel('channel', h.emu.channels.auto)])]),
    ]);
    expect(messageText(reply)).toContain(`<#${h.emu.channels.auto}>`);
    expect((await h.store.getGuildSettings(h.emu.guildId)).autoChannelIds).toEqual([h.emu.channels.auto]);

    reply = await runSettings([opt.sub('visibility', [opt.string('value', 'private')])]);
    expect(messageText(reply)).toContain('private');
    const ask = await h.emu.userRunsCommand({
      user: h.emu.users.bob,
      name: 'ask',
      options: [opt.string('question', 'what is k2')],
    });
    expect(isEphemeral(await safeReply(ask))).toBe(true);

    reply = await runSettings([opt.sub('cooldown', [opt.integer('seconds', 45)])]);
    expect(messageText(reply)).toContain('45 s per member');

    reply = await runSettings([
      opt.group('channel', [opt.sub('remove', [opt.channel('channel', h.emu.channels.auto)])]),
    ]);
    expect((await h.store.getGuildSettings(h.emu.guildId)).autoChannelIds).toEqual([]);

    expect(await h.store.getGuildSettings(h.emu.guildId)).toMatchObject({
      mode: 'auto-channels',
      askVisibility: 'private',
      cooldownSeconds: 45,
    });
    reply = await runSettings([opt.sub('reset')]);
    expect(messageText(reply)).toContain('defaults');
    expect(await h.store.getGuildSettings(h.emu.guildId)).toMatchObject({
      mode: 'mention-only',
      askVisibility: 'public',
      cooldownSeconds: 5,
      autoChannelIds: [],
    });
  });

  it('is refused in DMs', async () => {
    const interaction = await h.emu.userRunsCommand({
      user: h.emu.users.admin,
      name: 'settings',
      dm: true,
      options: [opt.sub('show')],
    });
    expect(messageText(await safeReply(interaction))).toContain('Manage Server');
  });

  it('does not warn about Message Content when the intent is available', async () => {
    const reply = await runSettings([opt.sub('mode', [opt.string('value', 'auto-channels')])]);
    expect(messageText(reply)).not.toContain('Message Content');
    await runSettings([opt.sub('reset')]);
  });
});

describe('/settings checks every value itself and confirms what was stored', () => {
  it('an unknown mode (not one of the registered choices) is refused and nothing changes', async () => {
    const reply = await runSettings([opt.sub('mode', [opt.string('value', 'always')])]);
    expect(messageText(reply)).toContain('Unknown mode "always": choose mention-only, auto-channels, off');
    expect((await h.store.getGuildSettings(h.emu.guildId)).mode).toBe('mention-only');
  });

  it('an unknown visibility is refused', async () => {
    const reply = await runSettings([opt.sub('visibility', [opt.string('value', 'secret')])]);
    expect(messageText(reply)).toContain('Unknown visibility "secret"');
    expect((await h.store.getGuildSettings(h.emu.guildId)).askVisibility).toBe('public');
  });

  it('a fractional cooldown is rounded, stored whole, and the reply shows the stored value', async () => {
    const reply = await runSettings([opt.sub('cooldown', [opt.integer('seconds', 2.5)])]);
    expect((await h.store.getGuildSettings(h.emu.guildId)).cooldownSeconds).toBe(3);
    expect(messageText(reply)).toContain('Cooldown is now 3 s per member');
    expect(messageText(reply)).not.toContain('2.5');
    await runSettings([opt.sub('reset')]);
  });

  it.each([-5, 3601])('a cooldown of %d seconds is refused', async (seconds) => {
    const reply = await runSettings([opt.sub('cooldown', [opt.integer('seconds', seconds)])]);
    expect(messageText(reply)).toContain('The cooldown must be from 0 to 3600 seconds');
    expect((await h.store.getGuildSettings(h.emu.guildId)).cooldownSeconds).toBe(5);
  });
});

describe('a settings database that cannot take the change', () => {
  it('tells the admin why nothing was saved, instead of "Something went wrong"', async () => {
    const other = await startHarness({ emulator: { strictCommands: false } });
    try {
      await other.store.updateGuildSettings(other.emu.guildId, { mode: 'off' });
      // The database's folder disappears and a file takes its name: nothing can be written there.
      const folder = dirname(other.databasePath);
      const moved = `${folder}-moved`;
      renameSync(folder, moved);
      writeFileSync(folder, 'not a folder');
      try {
        const interaction = await other.emu.userRunsCommand({
          user: other.emu.users.admin,
          name: 'settings',
          options: [opt.sub('cooldown', [opt.integer('seconds', 30)])],
        });
        const text = messageText(await safeReply(interaction));
        expect(text).toContain('Not saved: the folder of the settings database cannot be created');
        expect(text).toContain('Your settings are unchanged');
        expect(text).not.toMatch(/something went wrong/i);
        expect(other.logs.some((line) => line.event === 'settings-not-saved' && line.level === 50)).toBe(
          true,
        );
      } finally {
        rmSync(folder, { force: true });
        renameSync(moved, folder);
      }
    } finally {
      await other.stop();
    }
  });
});

describe('registration', () => {
  it("Discord's client offers /settings only to members with Manage Server, and only in servers", async () => {
    const strict = await DiscordEmulator.start({ strictCommands: true });
    try {
      await deployCommands({
        token: strict.token,
        apiBase: strict.apiBase,
        applicationId: strict.appId,
        guildId: strict.guildId,
      });
      const show = [opt.sub('show')];
      await expect(
        strict.userRunsCommand({ user: strict.users.alice, name: 'settings', options: show }),
      ).rejects.toThrow(/permission/i);
      await deployCommands({ token: strict.token, apiBase: strict.apiBase, applicationId: strict.appId });
      await expect(
        strict.userRunsCommand({ user: strict.users.admin, name: 'settings', options: show, dm: true }),
      ).rejects.toThrow();
      const allowed = await strict.userRunsCommand({
        user: strict.users.admin,
        name: 'settings',
        options: show,
      });
      expect(allowed.id).toBeTruthy();
    } finally {
      await strict.close();
    }
  });
});

describe('without the Message Content intent', () => {
  it.each([
    ['turned off in config', { env: { DISCORD_MESSAGE_CONTENT: 'false' } }],
    ['not granted in the portal', { emulator: { messageContentAllowed: false } }],
  ])('auto-channels mode warns clearly (%s)', async (_case, options) => {
    const other = await startHarness(options);
    try {
      expect(other.bot.messageContent).toBe(false);
      const interaction = await other.emu.userRunsCommand({
        user: other.emu.users.admin,
        name: 'settings',
        options: [opt.sub('mode', [opt.string('value', 'auto-channels')])],
      });
      const text = messageText(await safeReply(interaction));
      expect(text).toContain('Message Content intent is off');
      expect(text).toContain('DISCORD_MESSAGE_CONTENT');
      // Mentions still work without the intent.
      const asked = await other.emu.userSendsMessage({
        author: other.emu.users.alice,
        content: 'what is vitamin K2?',
        mentionBot: true,
      });
      const answer = await other.emu.waitForBotMessage(
        (m) => m.message_reference?.message_id === asked.id,
        3000,
      );
      expect(answer.embeds[0]?.title).toBe(NATTO.title);
    } finally {
      await other.stop();
    }
  });
});

describe('every reply in this file', () => {
  it('carries both safety texts, fits Discord limits and pings nobody unasked', () => {
    expect(expectEveryReplySafe(h.emu)).toBeGreaterThan(3);
  });
});
