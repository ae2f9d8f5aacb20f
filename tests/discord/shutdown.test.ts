import { describe, expect, it } from 'vitest';
import type { SettingsStore } from '../../src/store/settingsStore.ts';
import { expectSafeReply, sleep, startHarness } from './harness.ts';

describe('stop()', () => {
  it('finishes a reply already in flight, then takes no new work', async () => {
    let entered: () => void = () => {};
    const slowRead = new Promise<void>((resolve) => {
      entered = resolve;
    });
    const h = await startHarness({
      wrapStore: (store): SettingsStore => ({
        ...store,
        getGuildSettings: async (guildId) => {
          entered();
          await sleep(400);
          return store.getGuildSettings(guildId);
        },
        updateGuildSettings: (g, p) => store.updateGuildSettings(g, p),
        addAutoChannel: (g, c) => store.addAutoChannel(g, c),
        removeAutoChannel: (g, c) => store.removeAutoChannel(g, c),
        resetGuildSettings: (g) => store.resetGuildSettings(g),
        close: () => store.close(),
      }),
    });
    try {
      const asked = await h.emu.userSendsMessage({
        author: h.emu.users.alice,
        content: 'what is vitamin K2?',
        mentionBot: true,
      });
      await slowRead;
      const stopping = h.bot.stop();
      // The bot is stopping: this one must not be answered.
      const late = await h.emu.userSendsMessage({
        author: h.emu.users.bob,
        content: 'what is MK-7?',
        mentionBot: true,
      });
      await stopping;
      const reply = h.emu.botMessages().find((m) => m.message_reference?.message_id === asked.id);
      expect(reply).toBeDefined();
      if (reply) expectSafeReply(reply);
      await sleep(200);
      expect(h.emu.botMessages().filter((m) => m.message_reference?.message_id === late.id)).toEqual([]);
    } finally {
      await h.stop();
    }
  });
});
