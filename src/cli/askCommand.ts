import { createInterface } from 'node:readline';
import { parseArgs } from 'node:util';
import { FollowUpMemory } from '../engine/followUpMemory.ts';
import type { Engine } from '../engine/index.ts';
import { KnowledgeError } from '../kb/knowledgeError.ts';
import type { loadEngine } from './loadEngine.ts';
import { chooseStyle, renderAnswerText, toJsonRecord } from './renderText.ts';

const USAGE = `Ask k2-bot one question from the terminal.

  npm run ask -- "is mk7 better than mk4?"          the answer as a person reads it
  npm run ask -- --json "natto how much k2"         one JSON object
  npm run --silent ask -- --jsonl < questions.txt   one JSON object per input line, in order

With --jsonl a line is a question, or a JSON object {"q": "…", "conversation": "c1"}: lines with
the same conversation are read in order, each follow-up in the context of the previous answer.

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
  // A file is read in one go: its conversations never expire, only the oldest are forgotten.
  const conversations = new FollowUpMemory({ ttlMs: Number.POSITIVE_INFINITY });
  for await (const line of lines) {
    pending.push(`${JSON.stringify(answerLine(engine, line, conversations))}\n`);
    if (pending.length >= 256) flush();
    else if (!flushScheduled) {
      flushScheduled = true;
      setImmediate(flush);
    }
  }
  flush();
}

/** One input line of --jsonl: a plain question, or `{"q": "…", "conversation": "…"}`. */
function parseLine(line: string): { q: string; conversation: string | null } | { error: string } {
  if (!line.trimStart().startsWith('{')) return { q: line, conversation: null };
  let value: unknown;
  try {
    value = JSON.parse(line);
  } catch (error) {
    return { error: `not a JSON object: ${(error as Error).message}` };
  }
  const { q, conversation } = (value ?? {}) as { q?: unknown; conversation?: unknown };
  if (typeof q !== 'string') return { error: 'a JSON line needs "q", the question, as a string' };
  if (conversation !== undefined && typeof conversation !== 'string')
    return { error: '"conversation" must be a string' };
  return { q, conversation: conversation ?? null };
}

function answerLine(engine: Engine, line: string, conversations: FollowUpMemory) {
  const parsed = parseLine(line);
  // A bad line gets a record of its own, with the safety texts like every reply, and the run goes on.
  if ('error' in parsed)
    return { error: parsed.error, ...toJsonRecord(engine.notice(`Bad input line: ${parsed.error}.`)) };
  if (parsed.conversation === null) return toJsonRecord(engine.ask(parsed.q));
  const { answer, context, followUp } = engine.askInContext(parsed.q, conversations.get(parsed.conversation));
  conversations.set(parsed.conversation, context);
  return { conversation: parsed.conversation, followUp, ...toJsonRecord(answer) };
}

/** Where one run of the CLI reads and writes: the process's own streams, or a test's. */
export interface AskIo {
  stdin: NodeJS.ReadableStream;
  stdout: NodeJS.WritableStream & { isTTY?: boolean };
  stderr: NodeJS.WritableStream;
  env: NodeJS.ProcessEnv;
}

/**
 * Reads and validates the knowledge, then builds the engine. Imported when called: ask.ts hands in
 * an engine read from the build's artifact (askArtifact.ts), and its bundle, dist/cli/ask.js, holds
 * neither this loader nor zod.
 */
const loadEngineHere: typeof loadEngine = async (dir, options) =>
  (await import('./loadEngine.ts')).loadEngine(dir, options);

/**
 * `npm run ask` without the process: answers `argv` on `io` and resolves with the exit code.
 * `load` builds the engine (tests hand in one they already built; the CLI builds its own).
 */
export async function runAsk(
  argv: string[],
  io: AskIo,
  load: typeof loadEngine = loadEngineHere,
): Promise<number> {
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
  // A usage error is known before the knowledge base is read: say so at once.
  if (!values.jsonl && positionals.length === 0) {
    io.stderr.write(`Give a question in quotes.\n\n${USAGE}\n`);
    return 2;
  }

  let engine: Engine;
  try {
    // KNOWLEDGE_DIR lets a reviewer try an edited copy of the knowledge base without touching the repo.
    // A JIT warm-up pays off over many questions (--jsonl), not for one.
    engine = await load(io.env.KNOWLEDGE_DIR || undefined, {
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
  const answer = engine.ask(positionals.join(' '));
  if (values.json) {
    io.stdout.write(`${JSON.stringify(toJsonRecord(answer))}\n`);
  } else {
    io.stdout.write(`${renderAnswerText(answer, chooseStyle(io.stdout, io.env))}\n`);
  }
  return 0;
}

/**
 * Runs the CLI on this process's own streams and arguments and sets its exit code. ask.ts hands in
 * the engine of the build's artifact when it fits the knowledge folder.
 */
export async function runAskInProcess(load: typeof loadEngine = loadEngineHere): Promise<void> {
  // A closed pipe (`| head`) is the reader saying it has enough, not an error.
  process.stdout.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE') process.exit(0);
    throw error;
  });
  const { stdin, stdout, stderr, env } = process;
  process.exitCode = await runAsk(process.argv.slice(2), { stdin, stdout, stderr, env }, load);
}
