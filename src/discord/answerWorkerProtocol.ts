import { openSync, readFileSync, readlinkSync, readSync } from 'node:fs';
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
  /**
   * `reply`: the `AnsweredJob` as JSON. The main thread, which handles every Discord event, reads a
   * JSON string in about half the time a structured clone of the same answer takes to rebuild.
   */
  | { type: 'answer'; id: number; reply: string; cpuMs: number };

/** What a worker answers a job with (sent as JSON, see `WorkerReport`). */
export interface AnsweredJob {
  answer: Answer;
  context: FollowUpContext | null;
}

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
 * A thread's own CPU counter, read again and again: the file stays open and is re-read from its
 * start (the kernel writes it afresh each time), which skips an open and a close per answer.
 */
function cpuCounter(statPath: string | undefined): () => number {
  if (!statPath) return () => Number.NaN;
  let fd: number;
  try {
    fd = openSync(statPath, 'r');
  } catch {
    return () => Number.NaN;
  }
  const buffer = Buffer.alloc(1024);
  return () => {
    try {
      const length = readSync(fd, buffer, 0, buffer.length, 0);
      const fields = buffer.toString('latin1', 0, length).split(') ')[1]?.split(' ');
      return (Number(fields?.[11]) + Number(fields?.[12])) * MS_PER_CLOCK_TICK;
    } catch {
      return Number.NaN;
    }
  };
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
  const cpuMs = cpuCounter(cpuStatPath);
  port.on('message', (job: AskJob) => {
    const { answer, context } = engine.askInContext(job.question, job.previous ?? null);
    const reply = JSON.stringify({ answer, context } satisfies AnsweredJob);
    // Read here, off the main thread: the pool counts the next question's CPU from it.
    port.postMessage({ type: 'answer', id: job.id, reply, cpuMs: cpuMs() } satisfies WorkerReport);
  });
  port.postMessage({ type: 'ready', cpuStatPath, cpuMs: cpuMs() } satisfies WorkerReport);
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
