import { type ChildProcess, spawn } from 'node:child_process';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect } from 'vitest';
import { compiled } from '../compiled.ts';

export const ROOT = resolve(fileURLToPath(new URL('../..', import.meta.url)));

export interface BotProcess {
  child: ChildProcess;
  output(): string;
  /** Parsed JSON log lines written so far. */
  logs(): Array<Record<string, unknown>>;
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  /** Resolves with the health server's port once the process has logged it. */
  healthPort(): Promise<number>;
  stop(): Promise<void>;
}

/**
 * `npm start` without npm: the compiled entry point (call `ensureBuilt` first) as its own process, with
 * only the given environment. Compiled, its answer workers load JavaScript too: no TypeScript
 * transpiled at start-up in the process or in each worker.
 */
export function startBotProcess(env: Record<string, string>, options: { ipc?: boolean } = {}): BotProcess {
  const child = spawn(process.execPath, [compiled('main.js')], {
    cwd: ROOT,
    // One answer worker instead of the default two: each builds its own engine (about 1.5 CPU-s),
    // and no test of a whole process counts workers (answerWorkersFail and production.test keep two).
    env: {
      PATH: process.env.PATH ?? '',
      NODE_ENV: 'production',
      LOG_LEVEL: 'info',
      ANSWER_WORKERS: '1',
      ...env,
    },
    // An IPC channel, as discord.js's ShardingManager gives its shard children.
    stdio: options.ipc ? ['ignore', 'pipe', 'pipe', 'ipc'] : ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout?.on('data', (d: Buffer) => {
    output += d.toString();
  });
  child.stderr?.on('data', (d: Buffer) => {
    output += d.toString();
  });
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((done) =>
    child.on('exit', (code, signal) => done({ code, signal })),
  );
  const logs = () =>
    output
      .split('\n')
      .filter((line) => line.startsWith('{'))
      .map((line) => JSON.parse(line) as Record<string, unknown>);
  return {
    child,
    output: () => output,
    logs,
    exited,
    async healthPort() {
      let port: number | undefined;
      await expect
        .poll(
          () => {
            port = logs().find((line) => line.msg === 'health server listening')?.port as number | undefined;
            return port;
          },
          { timeout: 15_000, interval: 50 },
        )
        .toBeTypeOf('number');
      return port as number;
    },
    async stop() {
      if (child.exitCode !== null || child.signalCode !== null) return;
      child.kill('SIGKILL');
      await exited;
    },
  };
}

export interface Scraped {
  status: number;
  contentType: string;
  text: string;
  json(): Record<string, unknown>;
}

export async function scrape(port: number, path: string): Promise<Scraped> {
  const response = await fetch(`http://127.0.0.1:${port}${path}`);
  const text = await response.text();
  return {
    status: response.status,
    contentType: response.headers.get('content-type') ?? '',
    text,
    json: () => JSON.parse(text) as Record<string, unknown>,
  };
}

/** The value of one exposition line, e.g. `k2_replies_total{kind="answered",surface="dm"}`; undefined when absent. */
export function sampleValue(exposition: string, series: string): number | undefined {
  const line = exposition.split('\n').find((l) => l.startsWith(`${series} `));
  return line === undefined ? undefined : Number(line.slice(series.length + 1));
}
