import { parentPort } from 'node:worker_threads';
import type { Answer, Engine } from '../engine/index.ts';

/** Main thread → worker: answer one question. */
export interface AskJob {
  id: number;
  question: string;
}

/** Worker → main thread. */
export type WorkerReport = { type: 'ready' } | { type: 'answer'; id: number; answer: Answer };

/**
 * The worker side of the answer pool: reports ready, then answers each job with `engine.ask`.
 * Shared by the real worker module and test workers that wrap the engine.
 */
export function serveAnswers(engine: Engine): void {
  const port = parentPort;
  if (!port) throw new Error('serveAnswers must run inside a worker thread');
  port.on('message', (job: AskJob) => {
    const report: WorkerReport = { type: 'answer', id: job.id, answer: engine.ask(job.question) };
    port.postMessage(report);
  });
  port.postMessage({ type: 'ready' } satisfies WorkerReport);
}
