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
      // Every other method reaches the real store (a spread would lose the class's methods).
      wrapStore: (store): SettingsStore =>
        new Proxy(store, {
          get(target, property) {
            if (property === 'getGuildSettings') {
              return async (guildId: string) => {
                entered();
                await sleep(400);
                return target.getGuildSettings(guildId);
              };
            }
            const value: unknown = Reflect.get(target, property);
            return typeof value === 'function' ? value.bind(target) : value;
          },
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
