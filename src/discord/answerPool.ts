import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { Logger } from 'pino';
import type { Answer, FollowUpContext } from '../engine/index.ts';
import type { Language } from '../kb/load.ts';
import type { KnowledgeBase } from '../kb/schema.ts';
import { preparedTextsFor } from '../kb/snapshot.ts';
import type { AnswerWorkerData } from './answerWorker.ts';
import {
  type AnsweredJob,
  type AskJob,
  MS_PER_CLOCK_TICK,
  threadCpuMs,
  type WorkerReport,
} from './answerWorkerProtocol.ts';

/** How the pool answered: only `answered` carries the engine's answer; the rest need a notice. */
export type PooledAnswer =
  | { status: 'answered'; answer: Answer; context: FollowUpContext | null }
  /** The question ran past the time budget; its worker was terminated and replaced. */
  | { status: 'timed-out' }
  /** Too many questions were waiting, or this one waited too long for a free worker. */
  | { status: 'busy' }
  /** The worker died while answering (a crash or its memory limit). */
  | { status: 'failed' };

/** The asynchronous seam the Discord layer asks through; never rejects. */
export interface Answerer {
  /** `previous`: the compact context of the previous answer, for a follow-up (engine followUp.ts). */
  ask(question: string, previous?: FollowUpContext | null): Promise<PooledAnswer>;
  close(): Promise<void>;
}

export interface AnswerPoolOptions {
  /** The knowledge folder the workers load when `knowledge` is not given; the repository's knowledge/ when unset. */
  knowledgeDir?: string | undefined;
  /**
   * Knowledge the caller has already validated, with its language files: the workers build from it
   * instead of each reading and validating the folder again (a quarter of a worker's start-up).
   */
  knowledge?: { knowledge: KnowledgeBase; language: Language } | undefined;
  /**
   * CPU milliseconds one question may spend in its worker before it is abandoned (wall time where
   * the kernel does not report a thread's CPU time).
   */
  budgetMs: number;
  /**
   * Wall milliseconds after which a question is abandoned whatever CPU it has used: a worker the
   * machine is too busy to run, or one blocked without spending CPU. Default 3 × budgetMs.
   */
  wallLimitMs?: number;
  /** Worker threads, each with its own engine (config ANSWER_WORKERS). Two keep one stalled question from delaying the rest. */
  size?: number;
  /** Questions allowed to wait for a free worker; more are refused at once. */
  maxQueued?: number;
  /** How long a question may wait for a free worker: an interaction must be acknowledged within 3 s. */
  maxWaitMs?: number;
  /** The worker's entry module; tests inject one that stalls on purpose. */
  workerModule?: URL;
  logger?: Logger;
  /** How long the first workers may take to load the knowledge and build their engines. */
  startTimeoutMs?: number;
}

export const DEFAULT_POOL_SIZE = 2;
const DEFAULT_MAX_QUEUED = 100;
const DEFAULT_MAX_WAIT_MS = 2000;
const DEFAULT_START_TIMEOUT_MS = 30_000;
const RESTART_DELAY_MS = 1000;
const DEFAULT_WALL_LIMIT_BUDGETS = 3;
/**
 * Questions handed to one worker at a time. One at a time, each question cost two thread wake-ups
 * (this thread posts, the worker wakes; it answers, this thread wakes) before the next could start,
 * and on a busy machine each wake-up waits for a core: a worker answered ~30 one-millisecond
 * questions a second, and under `npm run bench:shards` the queue, not the engine, made questions
 * late. The time budget still applies to each question: it starts when the one before is answered.
 */
const PIPELINE_DEPTH = 4;

/**
 * A worker's heap limit: a heap past it (a huge pasted message) kills that worker alone, not the bot.
 * The young generation keeps V8's default: capped at 4 MB it saved about 9 MB per worker, but under
 * load (`npm run bench:shards`, 20 askers) most questions then ran past the time budget, their
 * workers were replaced and 140 of 200 went unanswered, against none with the default.
 */
const WORKER_RESOURCE_LIMITS = { maxOldGenerationSizeMb: 256 };

/**
 * The worker module next to this one: `.ts` under tsx (development, tests), `.js` once compiled.
 * Chosen by this module's own extension first, then whichever sibling exists.
 */
export function defaultWorkerModule(): URL {
  const own = import.meta.url;
  const extensions = own.endsWith('.ts') ? ['.ts', '.js'] : ['.js', '.ts'];
  for (const extension of extensions) {
    const candidate = new URL(`./answerWorker${extension}`, own);
    if (existsSync(candidate)) return candidate;
  }
  throw new Error(`answer worker module not found next to ${own}`);
}

/**
 * Node 20 does not apply `--import` loaders to a worker's entry module, so a TypeScript worker
 * (development and tests) starts from a small script that registers tsx, then imports the module.
 */
function workerSource(module: URL): { source: string | URL; evaluated: boolean } {
  if (!module.pathname.endsWith('.ts')) return { source: module, evaluated: false };
  const tsxPackage = pathToFileURL(createRequire(import.meta.url).resolve('tsx/package.json'));
  // The "import" target of the package's "./esm/api" export.
  const tsxApi = new URL('dist/esm/api/index.mjs', tsxPackage).href;
  const source = `import(${JSON.stringify(tsxApi)}).then((tsx) => { tsx.register(); return import(${JSON.stringify(module.href)}); });`;
  return { source, evaluated: true };
}

interface Job {
  id: number;
  question: string;
  previous: FollowUpContext | null;
  resolve: (result: PooledAnswer) => void;
  waitTimer?: NodeJS.Timeout;
  /** When it was asked: a question sent back to the queue keeps its original wait limit. */
  askedAt: number;
  /** Answered, or given up (busy): a late answer from the worker is dropped. */
  settled: boolean;
}

interface Slot {
  worker: Worker;
  ready: boolean;
  /**
   * Questions handed to the worker, answered in this order; the first is the one it is answering.
   * Several at once so that the worker goes from one to the next without waiting for this thread.
   */
  jobs: Job[];
  budgetTimer?: NodeJS.Timeout | undefined;
  /** The worker thread's CPU counter (Linux), reported when it is ready. */
  cpuStatPath?: string | undefined;
  /** The thread's CPU time as it last reported it (ready, or an answer): it spends none while idle. */
  idleCpuMs?: number;
  /** When the first of `jobs` began (handed over, or the previous answered): wall clock and the thread's CPU time then. */
  jobStartedAt?: number;
  jobCpuAtStartMs?: number;
  /** Its engine predates a knowledge reload: it serves only until the new workers are ready. */
  stale?: boolean;
  /** The new workers are ready: leave the pool once the questions in hand are answered. */
  retired?: boolean;
}

/**
 * Answers questions in worker threads so that no question can block the event loop that keeps the
 * gateway heartbeating and other members' interactions flowing. A question that runs past the
 * budget is answered `timed-out` and its worker is terminated (the only way to stop a synchronous
 * loop) and replaced.
 *
 * The budget counts the CPU time the worker spent on the question, not the wall time: on a busy
 * machine a question of 1 ms can wait hundreds of ms for a core, and treating that as a runaway
 * question terminated the worker, whose rebuild (a second of CPU) starved the rest further; in
 * `npm run bench:shards` that cascade turned into "too many questions" notices. The wall limit
 * still ends a question the machine cannot run in time.
 */
export class AnswerPool implements Answerer {
  readonly #options: Required<Omit<AnswerPoolOptions, 'knowledgeDir' | 'knowledge' | 'logger'>> &
    AnswerPoolOptions;
  readonly #slots: Slot[] = [];
  readonly #queue: Job[] = [];
  #nextId = 1;
  #closed = false;
  #started: Promise<void> = Promise.resolve();
  #startFailed = false;
  /** Validated knowledge (given at creation or by a reload): new workers build from it instead of reading the folder. */
  #knowledge: KnowledgeBase | undefined;
  #language: Language | undefined;
  /** Workers replaced after a timeout or a crash, for tests and metrics. */
  restarts = 0;

  private constructor(options: AnswerPoolOptions) {
    this.#options = {
      size: DEFAULT_POOL_SIZE,
      maxQueued: DEFAULT_MAX_QUEUED,
      maxWaitMs: DEFAULT_MAX_WAIT_MS,
      startTimeoutMs: DEFAULT_START_TIMEOUT_MS,
      workerModule: options.workerModule ?? defaultWorkerModule(),
      ...options,
      wallLimitMs: options.wallLimitMs ?? DEFAULT_WALL_LIMIT_BUDGETS * options.budgetMs,
    };
    this.#knowledge = options.knowledge?.knowledge;
    this.#language = options.knowledge?.language;
  }

  /**
   * A pool whose workers start on `launch()`. Until then, and until a worker is ready, questions
   * wait in the queue; the bot connects first so that building engines does not slow its IDENTIFY.
   */
  static create(options: AnswerPoolOptions): AnswerPool {
    return new AnswerPool(options);
  }

  /** Starts the workers and waits until each has built its engine; rejects if one cannot. */
  static async start(options: AnswerPoolOptions): Promise<AnswerPool> {
    const pool = new AnswerPool(options);
    await pool.launch();
    return pool;
  }

  /**
   * Starts the workers; resolves when each has built its engine, rejects (and closes) if one cannot.
   * The first worker starts alone and the others once it is ready: one worker is all a first
   * question needs, and on a small machine several engines built at once would slow the main
   * thread's own start-up (its engine, the store, the gateway handshake) that runs meanwhile.
   */
  async launch(): Promise<void> {
    if (this.#slots.length === 0 && !this.#closed) {
      const first = this.#spawn();
      this.#started = this.#whenReady(first).then(async () => {
        if (this.#closed) return;
        const others = Array.from({ length: Math.max(1, this.#options.size) - 1 }, () => this.#spawn());
        await Promise.all(others.map((slot) => this.#whenReady(slot)));
      });
    }
    try {
      await this.#started;
    } catch (error) {
      // Closed while starting (a shutdown) is not a start-up failure; every caller of a pool that
      // failed to start hears so, the second (main.ts launches early, the bot again) as the first.
      if (this.#closed && !this.#startFailed) return;
      this.#startFailed = true;
      await this.close();
      throw error;
    }
  }

  ask(question: string, previous: FollowUpContext | null = null): Promise<PooledAnswer> {
    if (this.#closed) return Promise.resolve({ status: 'failed' });
    if (this.#waiting() >= this.#options.maxQueued) return Promise.resolve({ status: 'busy' });
    return new Promise((resolve) => {
      const job: Job = {
        id: this.#nextId++,
        question,
        previous,
        askedAt: performance.now(),
        settled: false,
        resolve: (result) => {
          job.settled = true;
          clearTimeout(job.waitTimer);
          resolve(result);
        },
      };
      this.#enqueue(job, 'last');
      this.#dispatch();
    });
  }

  /**
   * A knowledge reload: every worker is rebuilt from `knowledge` and its `language` files, already
   * validated by the caller (not read from disk again, where they may have changed since). New
   * threads load the engine's modules afresh, so they speak the new language files too. A worker
   * answering a question finishes it on its old engine first.
   */
  reload(knowledge: KnowledgeBase, language?: Language): void {
    this.#knowledge = knowledge;
    this.#language = language;
    if (this.#slots.length === 0 || this.#closed) return;
    // The old workers keep answering until the new ones have built their engines, so a reload
    // never leaves questions waiting for a worker.
    const old = this.#slots.filter((slot) => !slot.stale);
    for (const slot of old) slot.stale = true;
    const fresh = Array.from({ length: Math.max(1, this.#options.size) }, () => this.#spawn());
    Promise.all(fresh.map((slot) => this.#whenReady(slot))).then(
      () => {
        for (const slot of old) this.#retire(slot);
      },
      (error: unknown) =>
        this.#options.logger?.error(
          { err: error },
          'new answer workers failed to start; the old ones keep answering',
        ),
    );
  }

  async close(): Promise<void> {
    this.#closed = true;
    for (const job of this.#queue.splice(0)) {
      clearTimeout(job.waitTimer);
      job.resolve({ status: 'busy' });
    }
    await Promise.all(
      this.#slots.map((slot) => {
        clearTimeout(slot.budgetTimer);
        for (const job of slot.jobs.splice(0)) job.resolve({ status: 'failed' });
        return slot.worker.terminate();
      }),
    );
  }

  #spawn(existing?: Slot): Slot {
    const { source, evaluated } = workerSource(this.#options.workerModule);
    const worker = new Worker(source, {
      eval: evaluated,
      workerData: {
        knowledgeDir: this.#options.knowledgeDir,
        knowledge: this.#knowledge,
        language: this.#language,
        // The build's analyses of the knowledge texts, so that each worker need not redo them.
        prepared:
          this.#knowledge && this.#language ? preparedTextsFor(this.#knowledge, this.#language) : undefined,
      } satisfies AnswerWorkerData,
      resourceLimits: WORKER_RESOURCE_LIMITS,
    });
    // The pool never keeps a finished process alive; the gateway socket does while the bot runs.
    worker.unref();
    const slot: Slot = existing ?? { worker, ready: false, jobs: [] };
    slot.worker = worker;
    slot.ready = false;
    if (!existing) this.#slots.push(slot);
    worker.on('message', (report: WorkerReport) => this.#onReport(slot, worker, report));
    worker.on('error', (error) => this.#onWorkerGone(slot, worker, error));
    worker.on('exit', (code) =>
      this.#onWorkerGone(slot, worker, new Error(`worker exited with code ${code}`)),
    );
    return slot;
  }

  #whenReady(slot: Slot): Promise<void> {
    const { worker } = slot;
    return new Promise((resolve, reject) => {
      const timer = setTimeout(
        () => reject(new Error(`answer worker not ready within ${this.#options.startTimeoutMs} ms`)),
        this.#options.startTimeoutMs,
      );
      const done = (error?: Error) => {
        clearTimeout(timer);
        worker.off('message', onMessage);
        worker.off('error', onError);
        worker.off('exit', onExit);
        if (error) reject(error);
        else resolve();
      };
      const onMessage = (report: WorkerReport) => {
        if (report.type === 'ready') done();
      };
      const onError = (error: Error) => done(new Error(`answer worker failed to start: ${error.message}`));
      const onExit = (code: number) =>
        done(new Error(`answer worker exited with code ${code} while starting`));
      worker.on('message', onMessage);
      worker.on('error', onError);
      worker.on('exit', onExit);
    });
  }

  #onReport(slot: Slot, worker: Worker, report: WorkerReport): void {
    if (slot.worker !== worker) return;
    if (report.type === 'ready') {
      slot.ready = true;
      slot.cpuStatPath = report.cpuStatPath;
      slot.idleCpuMs = report.cpuMs;
    } else if (slot.jobs[0]?.id === report.id) {
      clearTimeout(slot.budgetTimer);
      const job = slot.jobs.shift() as Job;
      slot.idleCpuMs = report.cpuMs;
      const { answer, context } = JSON.parse(report.reply) as AnsweredJob;
      job.resolve({ status: 'answered', answer, context });
      // The worker has moved on to the next question it holds, if any.
      if (slot.jobs.length > 0) this.#startBudget(slot);
    }
    if (slot.retired && slot.jobs.length === 0) this.#remove(slot);
    this.#dispatch();
  }

  #onWorkerGone(slot: Slot, worker: Worker, error: Error): void {
    if (slot.worker !== worker || this.#closed || !this.#slots.includes(slot)) return;
    const wasReady = slot.ready;
    this.#options.logger?.error({ err: error, wasReady }, 'answer worker died; replacing it');
    clearTimeout(slot.budgetTimer);
    slot.jobs.shift()?.resolve({ status: 'failed' });
    this.#requeue(slot);
    slot.ready = false;
    // A worker that died before it was ready would die again at once: do not spin.
    if (wasReady) this.#replace(slot);
    else setTimeout(() => this.#closed || this.#replace(slot), RESTART_DELAY_MS).unref();
  }

  /** The budget's timer fired: a starved question gets the rest of its CPU budget, up to the wall limit. */
  #checkBudget(slot: Slot, job: Job): void {
    if (slot.jobs[0] !== job) return;
    const { budgetMs, wallLimitMs } = this.#options;
    const wallMs = performance.now() - (slot.jobStartedAt ?? 0);
    const cpuMs = threadCpuMs(slot.cpuStatPath) - (slot.jobCpuAtStartMs ?? Number.NaN);
    if (cpuMs < budgetMs && wallMs < wallLimitMs) {
      const waitMs = Math.max(MS_PER_CLOCK_TICK, Math.min(budgetMs - cpuMs, wallLimitMs - wallMs));
      slot.budgetTimer = setTimeout(() => this.#checkBudget(slot, job), waitMs);
      return;
    }
    // Timers run before the worker's messages in each turn of the event loop: an answer posted while
    // this thread was busy is read first, not thrown away with its worker.
    setImmediate(() => {
      if (slot.jobs[0] === job) this.#onBudgetExceeded(slot, { wallMs: Math.round(wallMs), cpuMs });
    });
  }

  #onBudgetExceeded(slot: Slot, spent: { wallMs: number; cpuMs: number }): void {
    const job = slot.jobs.shift();
    if (!job) return;
    const { budgetMs, wallLimitMs } = this.#options;
    this.#options.logger?.warn(
      { budgetMs, wallLimitMs, ...spent, cpuMs: Number.isNaN(spent.cpuMs) ? null : spent.cpuMs },
      'question exceeded the time budget',
    );
    job.resolve({ status: 'timed-out' });
    this.#requeue(slot);
    this.#replace(slot);
    this.#dispatch();
  }

  /** Questions not begun: in the queue, or handed to a worker behind the one it is answering. */
  #waiting(): number {
    let waiting = this.#queue.length;
    for (const slot of this.#slots) waiting += Math.max(0, slot.jobs.length - 1);
    return waiting;
  }

  /** The questions a terminated worker held but had not begun go back to the front of the queue. */
  #requeue(slot: Slot): void {
    for (const job of slot.jobs.splice(0).reverse()) this.#enqueue(job, 'first');
  }

  /** Queues a question with what is left of its wait limit: past it, it is answered busy. */
  #enqueue(job: Job, where: 'first' | 'last'): void {
    if (job.settled) return;
    const waitMs = this.#options.maxWaitMs - (performance.now() - job.askedAt);
    if (waitMs <= 0) {
      job.resolve({ status: 'busy' });
      return;
    }
    // Waiting ends when the worker begins the question (#startBudget). One still in the queue leaves
    // it; one already handed to a worker behind another is answered busy, its late answer dropped.
    job.waitTimer = setTimeout(() => {
      const at = this.#queue.indexOf(job);
      if (at >= 0) this.#queue.splice(at, 1);
      job.resolve({ status: 'busy' });
    }, waitMs);
    if (where === 'first') this.#queue.unshift(job);
    else this.#queue.push(job);
  }

  /** The worker begins the first question it holds: its budget counts from here. */
  #startBudget(slot: Slot): void {
    const job = slot.jobs[0];
    if (!job) return;
    clearTimeout(job.waitTimer);
    slot.jobStartedAt = performance.now();
    // The worker's own last report, not a read of /proc here: this thread handles every question.
    slot.jobCpuAtStartMs = slot.idleCpuMs ?? Number.NaN;
    slot.budgetTimer = setTimeout(() => this.#checkBudget(slot, job), this.#options.budgetMs);
  }

  #replace(slot: Slot): void {
    const old = slot.worker;
    this.restarts += 1;
    this.#spawn(slot);
    void old.terminate();
  }

  #retire(slot: Slot): void {
    slot.retired = true;
    if (slot.jobs.length === 0) this.#remove(slot);
  }

  #remove(slot: Slot): void {
    const at = this.#slots.indexOf(slot);
    if (at >= 0) this.#slots.splice(at, 1);
    clearTimeout(slot.budgetTimer);
    void slot.worker.terminate();
  }

  #dispatch(): void {
    // Workers on the current knowledge first; those from before a reload only while it settles.
    // Each question goes to the worker holding the fewest, so one slow question delays few others.
    const usable = (stale: boolean) =>
      this.#slots.filter((s) => s.ready && !s.retired && Boolean(s.stale) === stale);
    for (const slots of [usable(false), usable(true)]) {
      for (;;) {
        if (this.#queue.length === 0) return;
        const slot = slots.reduce<Slot | undefined>(
          (best, s) =>
            s.jobs.length < PIPELINE_DEPTH && (!best || s.jobs.length < best.jobs.length) ? s : best,
          undefined,
        );
        if (!slot) break;
        const job = this.#queue.shift() as Job;
        slot.jobs.push(job);
        if (slot.jobs.length === 1) this.#startBudget(slot);
        slot.worker.postMessage({
          id: job.id,
          question: job.question,
          previous: job.previous,
        } satisfies AskJob);
      }
    }
  }
}
