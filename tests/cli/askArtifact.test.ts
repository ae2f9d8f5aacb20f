import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { askArtifactFile, readAskArtifact } from '../../src/cli/askArtifact.ts';
import { BUILD_TIMEOUT_MS, compiled, ensureBuilt, REPO_ROOT } from '../compiled.ts';
import { type ProcessRun, runNode } from '../runProcess.ts';
import { ANTICOAGULANT_WARNING, DISCLAIMER, urgentNoticeOf } from '../safetyTexts.ts';

// `npm run ask` reads the engine's indexes from the build's artifact (src/cli/askArtifact.ts) in one
// process. It must say exactly what validating and building says, and never answer from knowledge
// that changed since the build.

const cliDir = () => dirname(compiled('cli/ask.js'));

const ask = (args: string[], env: NodeJS.ProcessEnv = {}, stdin = ''): Promise<ProcessRun> =>
  runNode([compiled('cli/ask.js'), ...args], { env, stdin });
const withoutArtifact = (args: string[], env: NodeJS.ProcessEnv = {}, stdin = '') =>
  ask(args, { ...env, K2_ASK_ARTIFACT: 'off' }, stdin);

describe('the engine artifact of npm run ask', () => {
  const tempDirs: string[] = [];
  const tempDir = (prefix: string) => {
    const dir = mkdtempSync(join(tmpdir(), prefix));
    tempDirs.push(dir);
    return dir;
  };
  const knowledgeCopy = () => {
    const dir = tempDir('k2-artifact-kb-');
    cpSync(join(REPO_ROOT, 'knowledge'), dir, { recursive: true });
    return dir;
  };
  beforeAll(ensureBuilt, BUILD_TIMEOUT_MS);
  afterAll(() => {
    for (const dir of tempDirs) rmSync(dir, { recursive: true, force: true });
  });

  it('is built by npm run build for the repository knowledge, and serves an unchanged copy too', () => {
    const file = askArtifactFile(cliDir());
    expect(readAskArtifact(file, join(REPO_ROOT, 'knowledge'), {})).toMatchObject({ usable: true });
    expect(readAskArtifact(file, knowledgeCopy(), {})).toMatchObject({ usable: true });
    expect(readAskArtifact(file, join(REPO_ROOT, 'knowledge'), { K2_ASK_ARTIFACT: 'off' })).toEqual({
      usable: false,
      reason: 'K2_ASK_ARTIFACT=off',
    });
  });

  it('answers exactly as validating and building does: an answer, an urgent message, a decline, plain text', async () => {
    const cases: { args: string[]; expected: string[] }[] = [
      { args: ['--json', 'how much k2 in natto'], expected: ['About 150 mcg of K2 per tablespoon of natto'] },
      {
        args: ['--json', "i'm on warfarin and bleeding a lot from my gums and nose"],
        expected: [urgentNoticeOf('bleeding')],
      },
      { args: ['--json', 'what is the capital of france'], expected: ['"kind":"decline"'] },
      { args: ['is mk7 better than mk4??'], expected: ['MK-7'] },
    ];
    // All eight processes at once: each waits on its own exit, not on the others.
    const runs = await Promise.all(cases.map(({ args }) => Promise.all([ask(args), withoutArtifact(args)])));
    for (const [index, { expected }] of cases.entries()) {
      const [fromArtifact, built] = runs[index] as [ProcessRun, ProcessRun];
      expect(built.code, built.stderr).toBe(0);
      expect(built.stderr).toBe('');
      for (const text of [...expected, DISCLAIMER, ANTICOAGULANT_WARNING])
        expect(built.stdout).toContain(text);
      expect(fromArtifact).toEqual(built);
    }
  }, 120_000);

  it('carries a follow-up conversation (--jsonl) the same way', async () => {
    const input = [
      '{"q": "how much k2 in natto", "conversation": "c1"}',
      '{"q": "what about cheese?", "conversation": "c1"}',
    ].join('\n');
    const [fromArtifact, built] = await Promise.all([
      ask(['--jsonl'], {}, input),
      withoutArtifact(['--jsonl'], {}, input),
    ]);
    expect(fromArtifact).toEqual(built);
    const records = built.stdout
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line));
    expect(records.map((r) => [r.topic, r.followUp])).toEqual([
      ['natto', false],
      ['cheese', true],
    ]);
  }, 60_000);

  it('never answers from knowledge that changed since the build: an edited copy is validated instead', async () => {
    const dir = knowledgeCopy();
    const textsFile = join(dir, 'texts.json');
    const edited = JSON.parse(readFileSync(textsFile, 'utf8'));
    edited.terminal.disclaimerLabel = 'Please note:';
    writeFileSync(textsFile, JSON.stringify(edited));
    expect(readAskArtifact(askArtifactFile(cliDir()), dir, {})).toEqual({
      usable: false,
      reason: 'the knowledge changed since the build',
    });
    const answered = await ask(['what is k2'], { KNOWLEDGE_DIR: dir });
    expect(answered.code, answered.stderr).toBe(0);
    expect(answered.stdout).toContain(`Please note: ${DISCLAIMER}`);
  }, 60_000);

  it('refuses broken knowledge naming the file and field', async () => {
    const dir = knowledgeCopy();
    const topicFile = join(dir, 'topics', 'natto.json');
    const topic = JSON.parse(readFileSync(topicFile, 'utf8'));
    delete topic.facts[0].text;
    writeFileSync(topicFile, JSON.stringify(topic));
    const refused = await ask(['--json', 'natto'], { KNOWLEDGE_DIR: dir });
    expect(refused.code).toBe(1);
    expect(refused.stdout).toBe('');
    expect(refused.stderr).toContain('the knowledge base is broken');
    expect(refused.stderr).toContain(`${topicFile}: field "facts[0].text"`);
  }, 60_000);

  it('falls back quietly to validating when the artifact is missing, damaged, of another format or not an engine', async () => {
    const whole = readFileSync(askArtifactFile(cliDir()), 'utf8');
    const [header, body] = whole.split('\n');
    const variants: Record<string, string | null> = {
      missing: null,
      damaged: `${header}\n${body?.slice(0, 1000)}\n`,
      'another format': `${JSON.stringify({ ...JSON.parse(header ?? ''), format: 0 })}\n${body}\n`,
      'not an engine': `${header}\n${JSON.stringify({ ...JSON.parse(body ?? ''), engine: { index: {} } })}\n`,
    };
    // For each variant, a copy of the parts of a build the CLI runs, beside a copy of the knowledge:
    // the variants run at once, each process waiting on its own exit.
    const builds = Object.entries(variants).map(([what, text]) => {
      const root = tempDir('k2-artifact-build-');
      cpSync(join(REPO_ROOT, 'package.json'), join(root, 'package.json'));
      cpSync(join(REPO_ROOT, 'knowledge'), join(root, 'knowledge'), { recursive: true });
      for (const file of ['cli/ask.js', 'cli/askCommand.js', 'knowledge.snapshot.json'])
        cpSync(join(REPO_ROOT, 'dist', file), join(root, 'dist', file));
      const artifact = askArtifactFile(join(root, 'dist', 'cli'));
      rmSync(artifact, { force: true });
      if (text !== null) writeFileSync(artifact, text);
      return { what, root, artifact, cli: join(root, 'dist', 'cli', 'ask.js') };
    });
    const args = ['--json', 'how much k2 in natto'];
    const [expected, ...answers] = await Promise.all([
      withoutArtifact(args),
      ...builds.map(({ cli }) => runNode([cli, ...args])),
    ]);
    expect(expected?.code).toBe(0);
    for (const [index, { what }] of builds.entries()) expect(answers[index], what).toEqual(expected);
    // The last passes every check of the file itself: reading the engine back is what fails.
    const last = builds.at(-1);
    expect(last?.what).toBe('not an engine');
    expect(readAskArtifact(last?.artifact ?? '', join(last?.root ?? '', 'knowledge'), {})).toMatchObject({
      usable: true,
    });
  }, 60_000);
});
