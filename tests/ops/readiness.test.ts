import { describe, expect, it } from 'vitest';
import { createReadinessCheck, type ShardState } from '../../src/ops/readiness.ts';
import { openSqliteStore } from '../../src/store/sqliteStore.ts';
import { failingStore, silentStore } from './fakeStores.ts';

const ready = (id: number): ShardState => ({ id, status: 'ready', ready: true, pingMs: 40 });

describe('readiness', () => {
  it.each([
    ['not connected yet', null, 'gateway: not connected yet'],
    [
      'one shard of two resuming',
      [ready(0), { id: 1, status: 'resuming', ready: false, pingMs: null }],
      'gateway: shard 1 is resuming',
    ],
  ])('is not ready when the gateway is %s', async (_, shards, reason) => {
    const check = createReadinessCheck({
      shards: () => shards,
      store: openSqliteStore(':memory:'),
      knowledgeVersion: () => '1.0.0',
    });
    expect(await check()).toMatchObject({ ready: false, reason, knowledgeVersion: '1.0.0' });
  });

  it('is ready with every shard ready, the store answering and knowledge loaded', async () => {
    const check = createReadinessCheck({
      shards: () => [ready(0), ready(1)],
      store: openSqliteStore(':memory:'),
      knowledgeVersion: () => '2.1.0',
    });
    expect(await check()).toEqual({
      ready: true,
      reason: null,
      knowledgeVersion: '2.1.0',
      checks: {
        gateway: { ready: true, shards: [ready(0), ready(1)] },
        store: { ready: true },
        knowledge: { ready: true, version: '2.1.0' },
        answers: { ready: true },
      },
    });
  });

  it.each([
    ['fails', failingStore('disk I/O error'), 'store: disk I/O error'],
    ['does not answer', silentStore(), 'store: did not answer within 50 ms'],
  ])('names the store when it %s', async (_, store, reason) => {
    const check = createReadinessCheck({
      shards: () => [ready(0)],
      store,
      knowledgeVersion: () => '1.0.0',
      storeTimeoutMs: 50,
    });
    expect(await check()).toMatchObject({ ready: false, reason, checks: { store: { ready: false } } });
  });

  it('lists every failing check, and shutting down first', async () => {
    const check = createReadinessCheck({
      shards: () => null,
      store: failingStore('gone'),
      knowledgeVersion: () => null,
      answers: () => 'the answer workers are starting',
      draining: () => true,
    });
    expect((await check()).reason).toBe(
      'shutting down; gateway: not connected yet; store: gone; knowledge: not loaded; answers: the answer workers are starting',
    );
  });
});

describe('readiness with a store that checks itself', () => {
  it.each([
    ['healthy', () => Promise.resolve(), { ready: true, reason: null }],
    [
      'down while its reads still answer from memory',
      () => Promise.reject(new Error('the settings database is unreachable')),
      { ready: false, reason: 'store: the settings database is unreachable' },
    ],
  ])('asks the store its own check when it is %s', async (_, checkHealth, expected) => {
    const store = Object.assign(openSqliteStore(':memory:'), { checkHealth });
    const check = createReadinessCheck({ shards: () => [ready(0)], store, knowledgeVersion: () => '1.0.0' });
    expect(await check()).toMatchObject(expected);
  });
});
