import { describe, expect, it } from 'vitest';
import { countStoreErrors, createBotMetrics, replyKindOf } from '../../src/ops/metrics.ts';
import { defaultGuildSettings } from '../../src/store/settingsStore.ts';
import { openSqliteStore } from '../../src/store/sqliteStore.ts';
import { sampleValue } from './botProcess.ts';
import { failingStore } from './fakeStores.ts';

describe('metrics', () => {
  it.each([
    [{ kind: 'answer', urgent: false }, 'answered'],
    [{ kind: 'decline', urgent: false }, 'declined'],
    [{ kind: 'empty', urgent: false }, 'declined'],
    [{ kind: 'partial', urgent: false }, 'partial'],
    [{ kind: 'decline', urgent: true }, 'urgent'],
    [{ kind: 'answer', urgent: true }, 'urgent'],
    [{ kind: 'cooldown' }, null],
    [{ kind: 'browse-category' }, null],
  ])('labels the outcome %o as %s', (outcome, kind) => {
    expect(replyKindOf(outcome)).toBe(kind);
  });

  it('counts failed store calls by operation and still passes the error on', async () => {
    const metrics = createBotMetrics({
      shards: () => null,
      guildCount: () => null,
      knowledgeVersion: () => null,
      readiness: async () => ({ ready: false }) as never,
    });
    const store = countStoreErrors(failingStore('locked'), metrics);
    await expect(store.getGuildSettings('1')).rejects.toThrow('locked');
    await expect(store.getGuildSettings('1')).rejects.toThrow('locked');
    expect(await store.updateGuildSettings('1', { cooldownSeconds: 5 })).toEqual({
      ...defaultGuildSettings('1'),
      cooldownSeconds: 5,
    });
    const text = await metrics.registry.metrics();
    expect(sampleValue(text, 'k2_store_errors_total{operation="getGuildSettings"}')).toBe(2);
    expect(sampleValue(text, 'k2_store_errors_total{operation="updateGuildSettings"}')).toBeUndefined();
    await store.close();
  });

  it('closes the real store through the counting wrapper', async () => {
    const metrics = createBotMetrics({
      shards: () => null,
      guildCount: () => null,
      knowledgeVersion: () => null,
      readiness: async () => ({ ready: false }) as never,
    });
    const store = countStoreErrors(openSqliteStore(':memory:'), metrics);
    await store.getGuildSettings('1');
    await expect(store.close()).resolves.toBeUndefined();
  });
});
