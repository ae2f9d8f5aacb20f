import { parentPort } from 'node:worker_threads';
import type { Answer, Engine, FollowUpContext } from '../engine/index.ts';

/** Main thread → worker: answer one question. */
export interface AskJob {
  id: number;
  question: string;
  /** The previous answer's compact context, when the question may be a follow-up. */
  previous?: FollowUpContext | null;
}

/** Worker → main thread. */
export type WorkerReport =
  | { type: 'ready' }
  | { type: 'answer'; id: number; answer: Answer; context: FollowUpContext | null };

/**
 * The worker side of the answer pool: reports ready, then answers each job with
 * `engine.askInContext`, in the context the job carries, and reports the context for the next.
 * Shared by the real worker module and test workers that wrap the engine.
 */
export function serveAnswers(engine: Engine): void {
  const port = parentPort;
  if (!port) throw new Error('serveAnswers must run inside a worker thread');
  port.on('message', (job: AskJob) => {
    const { answer, context } = engine.askInContext(job.question, job.previous ?? null);
    const report: WorkerReport = { type: 'answer', id: job.id, answer, context };
    port.postMessage(report);
  });
  port.postMessage({ type: 'ready' } satisfies WorkerReport);
}
