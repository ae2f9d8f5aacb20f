import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runAsk as runAskIn } from '../../src/cli/askCommand.ts';
import { loadEngine } from '../../src/cli/loadEngine.ts';
import { BUILD_TIMEOUT_MS, compiled, ensureBuilt } from '../compiled.ts';
import { runNode } from '../runProcess.ts';
import { ANTICOAGULANT_WARNING, DISCLAIMER } from '../safetyTexts.ts';
import { sharedEngine } from '../sharedEngine.ts';

const root = join(import.meta.dirname, '..', '..');

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

function collect(stream: PassThrough): () => string {
  let text = '';
  stream.setEncoding('utf8').on('data', (chunk: string) => {
    text += chunk;
  });
  return () => text;
}

/**
 * The committed knowledge's engine is built once per worker (sharedEngine); an edited KNOWLEDGE_DIR gets
 * the CLI's own loader. Every load is counted, so a test can see that none happened.
 */
const engineLoads: Array<string | undefined> = [];
const loadSharedEngine: typeof loadEngine = async (dir, options) => {
  engineLoads.push(dir);
  return dir === undefined ? sharedEngine() : loadEngine(dir, options);
};

/** The CLI in this process, on pipes (not a terminal), with only the given environment. */
async function runAsk(
  args: string[],
  options: { stdin?: string; env?: NodeJS.ProcessEnv } = {},
): Promise<Run> {
  const [stdin, stdout, stderr] = [new PassThrough(), new PassThrough(), new PassThrough()];
  const [out, err] = [collect(stdout), collect(stderr)];
  stdin.end(options.stdin ?? '');
  const code = await runAskIn(args, { stdin, stdout, stderr, env: options.env ?? {} }, loadSharedEngine);
  return { code, stdout: out(), stderr: err() };
}

/** The real compiled CLI as a child process, the way `npm run ask` runs it. */
function spawnAsk(args: string[], options: { env?: NodeJS.ProcessEnv } = {}): Promise<Run> {
  return runNode([compiled('cli/ask.js'), ...args], { cwd: root, env: options.env ?? {} });
}

const REQUIRED_FIELDS = [
  'matched',
  'urgent',
  'topic',
  'confidence',
  'answer',
  'facts',
  'coverage',
  'disclaimer',
  'warning',
  'text',
];

describe('npm run ask', () => {
  const tempDirs: string[] = [];
  afterAll(() => {
    for (const dir of tempDirs) rmSync(dir, { recursive: true, force: true });
  });

  it('prints a readable answer with both safety texts and no colour codes in a pipe', async () => {
    const run = await runAsk(['how much k2 is in natto?']);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain(DISCLAIMER);
    expect(run.stdout).toContain(ANTICOAGULANT_WARNING);
    expect(run.stdout).toMatch(/natto/i);
    expect(run.stdout).not.toContain('\u001b[');
  });

  it('--json prints exactly one object with the documented fields', async () => {
    const run = await runAsk(['--json', 'can i take k2 with warfarin']);
    expect(run.code).toBe(0);
    const lines = run.stdout.trim().split('\n');
    expect(lines).toHaveLength(1);
    const record = JSON.parse(lines[0] ?? '');
    for (const field of REQUIRED_FIELDS) expect(record).toHaveProperty(field);
    expect(record.disclaimer).toBe(DISCLAIMER);
    expect(record.warning).toBe(ANTICOAGULANT_WARNING);
    expect(record.warningFirst).toBe(true);
    expect(Array.isArray(record.facts)).toBe(true);
    expect(['full', 'partial']).toContain(record.coverage);
    expect(record.text.indexOf(ANTICOAGULANT_WARNING)).toBeLessThan(record.text.indexOf(DISCLAIMER));
  });

  it('tells a personal question first that it gives general facts, not advice for the asker', async () => {
    const run = await runAsk(['--json', 'should I take 200 mcg of k2 with my meds?']);
    const record = JSON.parse(run.stdout);
    expect(record.personal).toBe(true);
    expect(record.personalNotice).toMatch(/not advice for you personally/);
    expect(record.text.indexOf(record.personalNotice)).toBeLessThan(record.text.indexOf(record.answer));
  });

  it('--jsonl answers every line in order, empty lines included, and prints nothing else', async () => {
    const questions = [
      'what is vitamin k2',
      '',
      'whats the price of bitcoin',
      'mk7 vs mk4 which is better',
      '   ',
    ];
    const run = await runAsk(['--jsonl'], { stdin: `${questions.join('\n')}\n` });
    expect(run.code).toBe(0);
    const lines = run.stdout.split('\n').filter((line, i, all) => i < all.length - 1 || line !== '');
    expect(lines).toHaveLength(questions.length);
    const records = lines.map((line) => JSON.parse(line));
    for (const record of records) {
      for (const field of REQUIRED_FIELDS) expect(record).toHaveProperty(field);
      expect(record.text).toContain(DISCLAIMER);
      expect(record.text).toContain(ANTICOAGULANT_WARNING);
    }
    expect(records[0].matched).toBe(true);
    expect(records[1].matched).toBe(false);
    expect(records[2].matched).toBe(false);
    expect(records[3].matched).toBe(true);
    expect(records[4].matched).toBe(false);
  });

  it('--jsonl handles CRLF input and a last line without a newline', async () => {
    const run = await runAsk(['--jsonl'], { stdin: 'what is k2\r\nnatto k2 amount' });
    const records = run.stdout
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line));
    expect(records).toHaveLength(2);
    expect(records.every((r) => r.matched)).toBe(true);
  });

  it('--jsonl reads JSON lines with the same conversation in context, in order, one record per line', async () => {
    const input = [
      { q: 'does cheese have k2', conversation: 'c1' },
      { q: 'how much k2 is in natto', conversation: 'c2' },
      { q: 'how much?', conversation: 'c1' },
      'how much?',
      { q: 'what about gouda?', conversation: 'c2' },
      { q: 'why?' },
      '{"q": 42}',
      '{not json',
    ].map((line) => (typeof line === 'string' ? line : JSON.stringify(line)));
    const run = await runAsk(['--jsonl'], { stdin: `${input.join('\n')}\n` });
    expect(run.code).toBe(0);
    const records = run.stdout
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line));
    expect(records).toHaveLength(input.length);
    expect(records.map((r) => r.conversation ?? null)).toEqual([
      'c1',
      'c2',
      'c1',
      null,
      'c2',
      null,
      null,
      null,
    ]);
    expect(records.map((r) => r.topic)).toEqual([
      'cheese',
      'natto',
      'cheese', // "how much?" after cheese: the amount in cheese
      records[3].topic, // the same words as a plain line have no context
      'cheese', // "what about gouda?" after natto's amount
      null, // "why?" with no conversation: nothing to say why about
      null,
      null,
    ]);
    expect(records[3].topic).not.toBe('cheese');
    expect(records[2].followUp).toBe(true);
    expect(records[0].followUp).toBe(false);
    expect(records[6].error).toBe('a JSON line needs "q", the question, as a string');
    expect(records[7].error).toMatch(/^not a JSON object/);
    for (const record of records) {
      expect(record.text).toContain(DISCLAIMER);
      expect(record.text).toContain(ANTICOAGULANT_WARNING);
    }
  });

  it('refuses to start on broken knowledge: exit 1, the file named on stderr, nothing on stdout', async () => {
    // Which fields the loader names is corruptKnowledge.test.ts's business; here: how the CLI reports it.
    const dir = mkdtempSync(join(tmpdir(), 'k2-kb-'));
    tempDirs.push(dir);
    const run = await runAsk(['what is k2'], { env: { KNOWLEDGE_DIR: dir } });
    expect(run.code).toBe(1);
    expect(run.stdout).toBe('');
    expect(run.stderr).toContain('the knowledge base is broken');
    expect(run.stderr).toContain(join(dir, 'meta.json'));
  });

  it('colours the answer on a terminal, unless NO_COLOR is set', async () => {
    const onTerminal = async (env: NodeJS.ProcessEnv) => {
      const stdout = Object.assign(new PassThrough(), { isTTY: true });
      const text = collect(stdout);
      const code = await runAskIn(
        ['what is k2'],
        { stdin: new PassThrough(), stdout, stderr: new PassThrough(), env },
        loadSharedEngine,
      );
      expect(code).toBe(0);
      return text();
    };
    expect(await onTerminal({})).toContain('\u001b[');
    const plain = await onTerminal({ NO_COLOR: '1' });
    expect(plain).not.toContain('\u001b[');
    expect(plain).toContain(DISCLAIMER);
  });

  it('explains its usage when no question is given, without reading the knowledge base', async () => {
    const loadsBefore = engineLoads.length;
    const run = await runAsk([]);
    expect(run.code).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toContain('Give a question in quotes.');
    expect(run.stderr).toContain('npm run ask');
    expect(engineLoads.length).toBe(loadsBefore);
  });
});

// At once: each process waits on its own exit.
describe.concurrent('npm run ask as a fresh process (the compiled entry point)', () => {
  beforeAll(ensureBuilt, BUILD_TIMEOUT_MS);
  const tempDirs: string[] = [];
  afterAll(() => {
    for (const dir of tempDirs) rmSync(dir, { recursive: true, force: true });
  });

  // A thread speaks one language, installed before the engine loads: only a fresh process can
  // show that the texts of KNOWLEDGE_DIR are the ones it speaks.
  it('speaks the texts of KNOWLEDGE_DIR, down to the terminal labels', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'k2-kb-'));
    tempDirs.push(dir);
    cpSync(join(root, 'knowledge'), dir, { recursive: true });
    const textsFile = join(dir, 'texts.json');
    const edited = JSON.parse(readFileSync(textsFile, 'utf8'));
    edited.terminal.disclaimerLabel = 'Please note:';
    writeFileSync(textsFile, JSON.stringify(edited));
    const run = await spawnAsk(['what is k2'], { env: { KNOWLEDGE_DIR: dir } });
    expect(run.code).toBe(0);
    expect(run.stdout).toContain(`Please note: ${DISCLAIMER}`);
  }, 60_000);

  // Two fresh processes at once (the usage error reads no knowledge: it is quick).
  it('exits 0 with one JSON answer on stdout carrying both safety texts, and exits 2 with usage on stderr', async () => {
    const [answered, usage] = await Promise.all([
      spawnAsk(['--json', 'how much k2 is in natto?']),
      spawnAsk([]),
    ]);
    expect(answered.stderr).toBe('');
    expect(answered.code).toBe(0);
    const record = JSON.parse(answered.stdout);
    expect(record.matched).toBe(true);
    expect(record.disclaimer).toBe(DISCLAIMER);
    expect(record.warning).toBe(ANTICOAGULANT_WARNING);

    expect(usage.code).toBe(2);
    expect(usage.stdout).toBe('');
    expect(usage.stderr).toContain('npm run ask');
  }, 60_000);
});
