import { existsSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AnswerPool } from '../../src/discord/answerPool.ts';
import { PAUSE_MS, STUB } from './stubEngine.ts';
import { STUB_WORKER } from './stubWorker.ts';

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

// The budget counts the worker thread's CPU time, which Linux reports in /proc.
describe.runIf(existsSync('/proc/thread-self'))('the time budget counts CPU time, not waiting', () => {
  const BUDGET_MS = PAUSE_MS / 3;

  it('a question held up without spending CPU past its budget is still answered, by the same worker', async () => {
    const pool = await AnswerPool.start({
      budgetMs: BUDGET_MS,
      wallLimitMs: 60_000,
      size: 1,
      workerModule: STUB_WORKER,
    });
    try {
      const result = await pool.ask(`${STUB.pauses} natto`);
      expect(result.status === 'answered' && result.answer.topic?.id).toBe('natto');
      expect(pool.restarts).toBe(0);
    } finally {
      await pool.close();
    }
  });

  it('a question that burns CPU is stopped by the budget long before the wall limit', async () => {
    const pool = await AnswerPool.start({
      budgetMs: BUDGET_MS,
      // Far past the test's own timeout: only the CPU budget can end this question in time.
      wallLimitMs: 600_000,
      size: 1,
      maxWaitMs: 20_000,
      workerModule: STUB_WORKER,
    });
    try {
      expect(await pool.ask(`${STUB.spins} natto`)).toEqual({ status: 'timed-out' });
      expect(pool.restarts).toBe(1);
      const next = await pool.ask('what is vitamin K2?');
      expect(next.status === 'answered' && next.answer.topic?.id).toBe('natto');
    } finally {
      await pool.close();
    }
  });

  it('questions handed to a worker behind one that runs out of budget are answered by its replacement', async () => {
    const pool = await AnswerPool.start({
      budgetMs: BUDGET_MS,
      wallLimitMs: 600_000,
      size: 1,
      // Room for the replacement worker to start on a busy machine.
      maxWaitMs: 20_000,
      workerModule: STUB_WORKER,
    });
    try {
      const [runaway, first, second] = await Promise.all([
        pool.ask(`${STUB.spins} natto`),
        pool.ask('what is vitamin K2?'),
        pool.ask('how much K2 is in natto?'),
      ]);
      expect(runaway).toEqual({ status: 'timed-out' });
      expect(first.status === 'answered' && first.answer.topic?.id).toBe('natto');
      expect(second.status === 'answered' && second.answer.topic?.id).toBe('natto');
      expect(pool.restarts).toBe(1);
    } finally {
      await pool.close();
    }
  });

  it('a question blocked without spending CPU ends at the wall limit', async () => {
    const pool = await AnswerPool.start({
      budgetMs: BUDGET_MS,
      wallLimitMs: 2 * BUDGET_MS,
      size: 1,
      workerModule: STUB_WORKER,
    });
    try {
      expect(await pool.ask(`${STUB.stalls} natto`)).toEqual({ status: 'timed-out' });
      expect(pool.restarts).toBe(1);
    } finally {
      await pool.close();
    }
  });
});
