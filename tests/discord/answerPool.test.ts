import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AnswerPool } from '../../src/discord/answerPool.ts';
import { STUB, STUB_WORKER } from './stubEngine.ts';

describe('answer pool limits', () => {
  let pool: AnswerPool;
  beforeAll(async () => {
    // One worker, room for one waiting question, a short wait and a long budget: while the worker
    // is stuck, the queue fills and empties on the pool's own limits, never on the budget.
    pool = await AnswerPool.start({
      budgetMs: 60_000,
      size: 1,
      maxQueued: 1,
      maxWaitMs: 300,
      workerModule: STUB_WORKER,
    });
  });
  afterAll(async () => {
    await pool?.close();
  });

  it('answers through a worker', async () => {
    const result = await pool.ask('what is vitamin K2?');
    expect(result.status === 'answered' && result.answer.topic?.id).toBe('natto');
  });

  it('refuses at once when the queue is full, and a question that waited too long gets busy', async () => {
    const stuck = pool.ask(`${STUB.stalls} natto`);
    const waiting = pool.ask('what is MK-7?');
    expect(await pool.ask('does K2 help bones?')).toEqual({ status: 'busy' });
    expect(await waiting).toEqual({ status: 'busy' });
    await pool.close();
    // Closing ends the stuck worker; its question is reported as failed, not left hanging.
    expect(await stuck).toEqual({ status: 'failed' });
    expect(await pool.ask('what is K2?')).toEqual({ status: 'failed' });
  });
});

describe('an engine that throws', () => {
  it('is reported as failed, and the next question is answered by a new worker', async () => {
    // Room to wait while the replacement worker starts on a busy machine.
    const pool = await AnswerPool.start({
      budgetMs: 60_000,
      size: 1,
      maxWaitMs: 20_000,
      workerModule: STUB_WORKER,
    });
    try {
      expect(await pool.ask(`${STUB.throws} natto`)).toEqual({ status: 'failed' });
      const next = await pool.ask('what is vitamin K2?');
      expect(next.status === 'answered' && next.answer.topic?.id).toBe('natto');
      expect(pool.restarts).toBe(1);
    } finally {
      await pool.close();
    }
  });
});
