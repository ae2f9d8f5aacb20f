import { spawn } from 'node:child_process';
import { REPO_ROOT } from './compiled.ts';

export interface ProcessRun {
  code: number | null;
  stdout: string;
  stderr: string;
}

export interface RunProcessOptions {
  /** The repository root unless given. */
  cwd?: string;
  /** Added to PATH, the only variable a test process inherits: a developer's shell or .env must not leak in. */
  env?: NodeJS.ProcessEnv;
  /** Written to stdin, which is then closed (empty by default: nothing waits for input). */
  stdin?: string;
}

/** Runs a command to its end and collects what it wrote to each stream. */
export function runProcess(
  command: string,
  args: string[],
  options: RunProcessOptions = {},
): Promise<ProcessRun> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, {
      cwd: options.cwd ?? REPO_ROOT,
      env: { PATH: process.env.PATH ?? '', ...options.env },
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
      stdout += chunk;
    });
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => {
      stderr += chunk;
    });
    child.on('error', reject);
    // A child that exits without reading its input is not a failure of the test.
    child.stdin.on('error', () => {});
    // 'close', not 'exit': both streams are read to their end.
    child.on('close', (code) => resolve({ code, stdout, stderr }));
    child.stdin.end(options.stdin ?? '');
  });
}

/** A script (a compiled entry point, or node flags before it) run by this Node, as `npm run` would. */
export function runNode(args: string[], options: RunProcessOptions = {}): Promise<ProcessRun> {
  return runProcess(process.execPath, args, options);
}
