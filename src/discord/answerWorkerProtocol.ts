import { readFileSync, readlinkSync } from 'node:fs';
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
  /**
   * `cpuStatPath`: where the kernel counts this thread's CPU time (Linux), for the time budget;
   * `cpuMs`: that CPU time when the report was sent (NaN without /proc).
   */
  | { type: 'ready'; cpuStatPath?: string | undefined; cpuMs: number }
  | { type: 'answer'; id: number; answer: Answer; context: FollowUpContext | null; cpuMs: number };

/** Linux reports a thread's CPU time in clock ticks of 1/100 s (USER_HZ) on every architecture. */
export const MS_PER_CLOCK_TICK = 10;

/** User + system CPU time of a thread from its `/proc/.../stat`, in ms; NaN if it cannot be read. */
export function threadCpuMs(statPath: string | undefined): number {
  if (!statPath) return Number.NaN;
  try {
    // The command name in brackets may hold spaces; utime and stime are the 12th and 13th fields after it.
    const fields = readFileSync(statPath, 'utf8').split(') ')[1]?.split(' ');
    return (Number(fields?.[11]) + Number(fields?.[12])) * MS_PER_CLOCK_TICK;
  } catch {
    return Number.NaN;
  }
}

/**
 * The worker side of the answer pool: reports ready, then answers each job with
 * `engine.askInContext`, in the context the job carries, and reports the context for the next.
 * Shared by the real worker module and test workers that wrap the engine.
 */
export function serveAnswers(engine: Engine): void {
  const port = parentPort;
  if (!port) throw new Error('serveAnswers must run inside a worker thread');
  const cpuStatPath = ownCpuStatPath();
  port.on('message', (job: AskJob) => {
    const { answer, context } = engine.askInContext(job.question, job.previous ?? null);
    // Read here, off the main thread: the pool counts the next question's CPU from it.
    const report: WorkerReport = {
      type: 'answer',
      id: job.id,
      answer,
      context,
      cpuMs: threadCpuMs(cpuStatPath),
    };
    port.postMessage(report);
  });
  port.postMessage({ type: 'ready', cpuStatPath, cpuMs: threadCpuMs(cpuStatPath) } satisfies WorkerReport);
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
