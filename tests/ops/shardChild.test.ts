import { type ChildProcess, spawn } from 'node:child_process';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isShardAnswer, type ShardAnswer, type ShardQuestion } from '../../src/discord/sharding.ts';
import { BUILD_TIMEOUT_MS, compiled, ensureBuilt } from '../compiled.ts';

// The questions a real shard child answers (readiness, metrics, a knowledge reload) and that it binds
// no health port are sharding.test.ts's, through a real manager and two real shard processes. Here:
// the IPC protocol itself (src/discord/sharding.ts, compiled), in a small process of its own instead of
// a whole bot: a question no handler answers, and a handler that fails, each get an answer naming why,
// so the manager never waits for one that will not come.

const children: ChildProcess[] = [];
beforeAll(ensureBuilt, BUILD_TIMEOUT_MS);
afterAll(() => {
  for (const child of children) if (child.exitCode === null && child.signalCode === null) child.kill();
});

/** A process answering the manager's questions the way main.ts's shard children do, with test handlers. */
function startShardChild(env: Record<string, string>): ChildProcess {
  const script = `
    import { answerShardManager } from ${JSON.stringify(pathToFileURL(compiled('discord/sharding.js')).href)};
    answerShardManager({
      readiness: async () => ({ ready: true }),
      'reload-knowledge': async () => {
        throw new Error('the knowledge is broken');
      },
    });
    // After any answer to a question (those go out as soon as their handler settles): a receipt.
    process.on('message', (message) => {
      if (message?.k2 === 'ask')
        setTimeout(() => process.connected && process.send({ receipt: message.id }), 20);
    });
    // Ends with its manager, as a shard child does.
    process.on('disconnect', () => process.exit(0));
    process.send({ started: true });
  `;
  const child = spawn(process.execPath, ['--input-type=module', '-e', script], {
    env: { PATH: process.env.PATH ?? '', ...env },
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  children.push(child);
  return child;
}

function started(child: ChildProcess): Promise<void> {
  return new Promise((resolve) => child.once('message', () => resolve()));
}

/** Resolves on the receipt for question `id`: the child has nothing more to send about it. */
function receipt(child: ChildProcess, id: number): Promise<void> {
  return new Promise((resolve) => {
    const onMessage = (message: unknown) => {
      if ((message as { receipt?: number }).receipt !== id) return;
      child.off('message', onMessage);
      resolve();
    };
    child.on('message', onMessage);
  });
}

/** What the shard manager does: one question over IPC, one answer back. */
function ask(child: ChildProcess, id: number, what: string): Promise<ShardAnswer> {
  return new Promise((resolve) => {
    const onMessage = (message: unknown) => {
      if (!isShardAnswer(message) || message.id !== id) return;
      child.off('message', onMessage);
      resolve(message);
    };
    child.on('message', onMessage);
    child.send({ k2: 'ask', id, what } satisfies ShardQuestion);
  });
}

describe('a shard child answering its manager over IPC', () => {
  it('answers each question by id, and names the question no handler answers and the error of one that fails', async () => {
    // The environment discord.js's ShardingManager gives a child running shard 0 of 1.
    const child = startShardChild({
      SHARDING_MANAGER: 'true',
      SHARDING_MANAGER_MODE: 'process',
      SHARDS: '0',
    });
    await started(child);
    const lastReceipt = receipt(child, 3);
    const [failed, ready, unknown] = await Promise.all([
      ask(child, 1, 'reload-knowledge'),
      ask(child, 2, 'readiness'),
      ask(child, 3, 'no-such-question'),
    ]);
    // Nothing left in flight when the manager goes: a write to a closed channel would crash the child.
    await lastReceipt;
    expect(ready).toEqual({ k2: 'answer', id: 2, result: { ready: true } });
    expect(failed).toEqual({ k2: 'answer', id: 1, error: 'the knowledge is broken' });
    expect(unknown.result).toBeUndefined();
    expect(unknown.error).toContain('no-such-question');
    child.disconnect();
    expect(await new Promise((resolve) => child.once('exit', resolve))).toBe(0);
  }, 30_000);

  it('answers nothing outside a shard child, where a process message is not a question to it', async () => {
    const child = startShardChild({});
    await started(child);
    const messages: unknown[] = [];
    child.on('message', (message) => messages.push(message));
    const received = receipt(child, 1);
    child.send({ k2: 'ask', id: 1, what: 'readiness' } satisfies ShardQuestion);
    await received;
    expect(messages).toEqual([{ receipt: 1 }]);
    child.disconnect();
  }, 30_000);
});
