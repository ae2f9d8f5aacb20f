import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AnswerPool } from '../../src/discord/answerPool.ts';

// The test worker (fixtures/stallingAnswerWorker.ts) never finishes a question containing this.
const STALL = 'stall-the-engine-forever';

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
      workerModule: new URL('./fixtures/stallingAnswerWorker.ts', import.meta.url),
    });
  });
  afterAll(async () => {
    await pool?.close();
  });

  it('answers through a worker', async () => {
    const result = await pool.ask('what is vitamin K2?');
    expect(result.status).toBe('answered');
  });

  it('refuses at once when the queue is full, and a question that waited too long gets busy', async () => {
    const stuck = pool.ask(`${STALL} natto`);
    const waiting = pool.ask('what is MK-7?');
    expect(await pool.ask('does K2 help bones?')).toEqual({ status: 'busy' });
    expect(await waiting).toEqual({ status: 'busy' });
    await pool.close();
    // Closing ends the stuck worker; its question is reported as failed, not left hanging.
    expect(await stuck).toEqual({ status: 'failed' });
    expect(await pool.ask('what is K2?')).toEqual({ status: 'failed' });
  });
});
