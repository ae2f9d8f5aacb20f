import { createInterface } from 'node:readline';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import type { Engine } from '../engine/index.ts';
import { KnowledgeError } from '../kb/load.ts';
import { loadEngine } from './loadEngine.ts';
import { chooseStyle, renderAnswerText, toJsonRecord } from './renderText.ts';

const USAGE = `Ask k2-bot one question from the terminal.

  npm run ask -- "is mk7 better than mk4?"          the answer as a person reads it
  npm run ask -- --json "natto how much k2"         one JSON object
  npm run --silent ask -- --jsonl < questions.txt   one JSON object per input line, in order

Every answer carries the safety disclaimer and the anticoagulant warning.`;

/**
 * Streams answers for one question per line. Output is batched per chunk of input so that
 * large files are fast, while a person typing line by line still sees each answer at once.
 */
async function answerLines(engine: Engine, input: NodeJS.ReadableStream, output: NodeJS.WritableStream) {
  const lines = createInterface({ input, crlfDelay: Number.POSITIVE_INFINITY });
  let pending: string[] = [];
  let flushScheduled = false;
  const flush = () => {
    flushScheduled = false;
    if (pending.length === 0) return;
    output.write(pending.join(''));
    pending = [];
  };
  for await (const line of lines) {
    pending.push(`${JSON.stringify(toJsonRecord(engine.ask(line)))}\n`);
    if (pending.length >= 256) flush();
    else if (!flushScheduled) {
      flushScheduled = true;
      setImmediate(flush);
    }
  }
  flush();
}

/** Where one run of the CLI reads and writes: the process's own streams, or a test's. */
export interface AskIo {
  stdin: NodeJS.ReadableStream;
  stdout: NodeJS.WritableStream & { isTTY?: boolean };
  stderr: NodeJS.WritableStream;
  env: NodeJS.ProcessEnv;
}

/** `npm run ask` without the process: answers `argv` on `io` and resolves with the exit code. */
export async function runAsk(argv: string[], io: AskIo): Promise<number> {
  let parsed: ReturnType<typeof parse>;
  function parse() {
    return parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        json: { type: 'boolean', default: false },
        jsonl: { type: 'boolean', default: false },
        help: { type: 'boolean', short: 'h', default: false },
      },
    });
  }
  try {
    parsed = parse();
  } catch (error) {
    io.stderr.write(`${(error as Error).message}\n\n${USAGE}\n`);
    return 2;
  }
  const { values, positionals } = parsed;
  if (values.help) {
    io.stdout.write(`${USAGE}\n`);
    return 0;
  }

  let engine: Engine;
  try {
    // KNOWLEDGE_DIR lets a reviewer try an edited copy of the knowledge base without touching the repo.
    // A JIT warm-up pays off over many questions (--jsonl), not for one.
    engine = await loadEngine(io.env.KNOWLEDGE_DIR || undefined, {
      warmUp: values.jsonl ? 'all' : 'none',
    });
  } catch (error) {
    if (error instanceof KnowledgeError) {
      io.stderr.write(`k2-bot cannot start: the knowledge base is broken.\n${error.message}\n`);
      return 1;
    }
    throw error;
  }

  if (values.jsonl) {
    await answerLines(engine, io.stdin, io.stdout);
    return 0;
  }
  if (positionals.length === 0) {
    io.stderr.write(`Give a question in quotes.\n\n${USAGE}\n`);
    return 2;
  }
  const answer = engine.ask(positionals.join(' '));
  if (values.json) {
    io.stdout.write(`${JSON.stringify(toJsonRecord(answer))}\n`);
  } else {
    io.stdout.write(`${renderAnswerText(answer, chooseStyle(io.stdout, io.env))}\n`);
  }
  return 0;
}

const isEntryPoint = process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href;
if (isEntryPoint) {
  // A closed pipe (`| head`) is the reader saying it has enough, not an error.
  process.stdout.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE') process.exit(0);
    throw error;
  });
  const { stdin, stdout, stderr, env } = process;
  process.exitCode = await runAsk(process.argv.slice(2), { stdin, stdout, stderr, env });
}
