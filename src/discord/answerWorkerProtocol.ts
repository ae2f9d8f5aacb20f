import { readlinkSync } from 'node:fs';
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
  /** `cpuStatPath`: where the kernel counts this thread's CPU time (Linux), for the time budget. */
  | { type: 'ready'; cpuStatPath?: string | undefined }
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
  port.postMessage({ type: 'ready', cpuStatPath: ownCpuStatPath() } satisfies WorkerReport);
}

/**
 * This thread's `/proc/<pid>/task/<tid>/stat` (Linux), read by the pool to charge a question only
 * for the CPU time its worker spent; undefined where there is no /proc (the budget is then wall time).
 */
function ownCpuStatPath(): string | undefined {
  try {
    return `/proc/${readlinkSync('/proc/thread-self')}/stat`;
  } catch {
    return undefined;
  }
}
