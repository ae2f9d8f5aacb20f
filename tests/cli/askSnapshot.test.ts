import { cpSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  ASK_SNAPSHOT_NODE_FLAGS,
  askSnapshotFiles,
  checkAskSnapshot,
} from '../../src/cli/askStartupSnapshot.ts';
import { BUILD_TIMEOUT_MS, compiled, ensureBuilt, REPO_ROOT } from '../compiled.ts';
import { type ProcessRun, runNode } from '../runProcess.ts';
import { ANTICOAGULANT_WARNING, DISCLAIMER, URGENT_NOTICE } from '../safetyTexts.ts';

// `npm run ask` answers from a V8 start-up snapshot of the built engine (src/cli/askStartupSnapshot.ts).
// It must say exactly what loading the knowledge says, and never answer from knowledge that changed.

function run(nodeArgs: string[], env: NodeJS.ProcessEnv = {}, stdin = ''): Promise<ProcessRun> {
  return runNode(nodeArgs, { env, stdin });
}

const cliDir = () => dirname(compiled('cli/ask.js'));

/** The three ways in: the launcher (snapshot when fresh), the launcher told not to, and the blob itself. */
const launcher = (args: string[], env?: NodeJS.ProcessEnv, stdin?: string) =>
  run([compiled('cli/ask.js'), ...args], env, stdin);
const withoutSnapshot = (args: string[], env?: NodeJS.ProcessEnv, stdin?: string) =>
  run([compiled('cli/ask.js'), ...args], { ...env, K2_ASK_SNAPSHOT: 'off' }, stdin);
const fromBlob = (args: string[], env?: NodeJS.ProcessEnv, stdin?: string) =>
  run(
    [
      ...ASK_SNAPSHOT_NODE_FLAGS,
      '--snapshot-blob',
      askSnapshotFiles(cliDir()).blob,
      compiled('cli/ask.js'),
      ...args,
    ],
    env,
    stdin,
  );

describe('the start-up snapshot of npm run ask', () => {
  const tempDirs: string[] = [];
  const tempDir = (prefix: string) => {
    const dir = mkdtempSync(join(tmpdir(), prefix));
    tempDirs.push(dir);
    return dir;
  };
  const knowledgeCopy = () => {
    const dir = tempDir('k2-snapshot-kb-');
    cpSync(join(REPO_ROOT, 'knowledge'), dir, { recursive: true });
    return dir;
  };
  beforeAll(ensureBuilt, BUILD_TIMEOUT_MS);
  afterAll(() => {
    for (const dir of tempDirs) rmSync(dir, { recursive: true, force: true });
  });

  it('is built by npm run build on this machine, for the repository knowledge', () => {
    expect(checkAskSnapshot(cliDir(), join(REPO_ROOT, 'knowledge'), {})).toMatchObject({ usable: true });
    // An unchanged copy has the same content: the snapshot serves it too.
    expect(checkAskSnapshot(cliDir(), knowledgeCopy(), {})).toMatchObject({ usable: true });
  });

  it('answers exactly as loading the knowledge does: an answer, an urgent message, a decline, plain text', async () => {
    const cases: { args: string[]; expected: string[] }[] = [
      { args: ['--json', 'how much k2 in natto'], expected: ['About 150 mcg of K2 per tablespoon of natto'] },
      {
        args: ['--json', "i'm on warfarin and bleeding a lot from my gums and nose"],
        expected: [URGENT_NOTICE],
      },
      { args: ['--json', 'what is the capital of france'], expected: ['"kind":"decline"'] },
      { args: ['is mk7 better than mk4??'], expected: ['MK-7'] },
    ];
    for (const { args, expected } of cases) {
      const [snapshot, loaded, blob] = await Promise.all([
        launcher(args),
        withoutSnapshot(args),
        fromBlob(args),
      ]);
      expect(loaded.code, loaded.stderr).toBe(0);
      expect(loaded.stderr).toBe('');
      for (const text of [...expected, DISCLAIMER, ANTICOAGULANT_WARNING])
        expect(loaded.stdout).toContain(text);
      expect(snapshot).toEqual(loaded);
      expect(blob).toEqual(loaded);
    }
  }, 120_000);

  it('carries a follow-up conversation (--jsonl) the same way when started from the blob', async () => {
    const input = [
      '{"q": "how much k2 in natto", "conversation": "c1"}',
      '{"q": "what about cheese?", "conversation": "c1"}',
    ].join('\n');
    const [blob, loaded] = await Promise.all([
      fromBlob(['--jsonl'], {}, input),
      withoutSnapshot(['--jsonl'], {}, input),
    ]);
    expect(blob).toEqual(loaded);
    const records = loaded.stdout
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line));
    expect(records.map((r) => [r.topic, r.followUp])).toEqual([
      ['natto', false],
      ['cheese', true],
    ]);
    for (const record of records) {
      expect(record.disclaimer).toBe(DISCLAIMER);
      expect(record.warning).toBe(ANTICOAGULANT_WARNING);
    }
  }, 60_000);

  it('never answers from knowledge that changed since the build: an edited copy is loaded instead', async () => {
    const dir = knowledgeCopy();
    const textsFile = join(dir, 'texts.json');
    const edited = JSON.parse(readFileSync(textsFile, 'utf8'));
    edited.terminal.disclaimerLabel = 'Please note:';
    writeFileSync(textsFile, JSON.stringify(edited));
    expect(checkAskSnapshot(cliDir(), dir, {})).toEqual({
      usable: false,
      reason: 'the knowledge changed since the build',
    });
    // The launcher loads the copy; the blob started directly notices the edit by itself.
    for (const ask of [launcher, fromBlob]) {
      const answered = await ask(['what is k2'], { KNOWLEDGE_DIR: dir });
      expect(answered.code, answered.stderr).toBe(0);
      expect(answered.stdout).toContain(`Please note: ${DISCLAIMER}`);
    }
  }, 60_000);

  it('refuses broken knowledge naming the file and field, as without a snapshot', async () => {
    const dir = knowledgeCopy();
    const topicFile = join(dir, 'topics', 'natto.json');
    const topic = JSON.parse(readFileSync(topicFile, 'utf8'));
    delete topic.facts[0].text;
    writeFileSync(topicFile, JSON.stringify(topic));
    const refused = await launcher(['--json', 'natto'], { KNOWLEDGE_DIR: dir });
    expect(refused.code).toBe(1);
    expect(refused.stdout).toBe('');
    expect(refused.stderr).toContain('the knowledge base is broken');
    expect(refused.stderr).toContain(`${topicFile}: field "facts[0].text"`);
  }, 60_000);

  it('falls back quietly in a build whose blob is missing or was made by another Node', async () => {
    // A copy of the parts of a build the CLI runs, beside a copy of the knowledge.
    const root = tempDir('k2-snapshot-build-');
    cpSync(join(REPO_ROOT, 'package.json'), join(root, 'package.json'));
    cpSync(join(REPO_ROOT, 'knowledge'), join(root, 'knowledge'), { recursive: true });
    for (const file of ['cli/ask.js', 'cli/askStartupSnapshot.js', 'cli/askCommand.js', 'knowledgeHash.js'])
      cpSync(join(REPO_ROOT, 'dist', file), join(root, 'dist', file), { recursive: true });
    const copied = askSnapshotFiles(join(root, 'dist', 'cli'));
    const stamp = JSON.parse(readFileSync(askSnapshotFiles(cliDir()).stamp, 'utf8'));
    writeFileSync(copied.stamp, JSON.stringify(stamp));
    const args = ['--json', 'how much k2 in natto'];
    const expected = await withoutSnapshot(args);
    expect(expected.code).toBe(0);

    // The stamp of a blob that is not there.
    const noBlob = await run([join(root, 'dist', 'cli', 'ask.js'), ...args]);
    expect(noBlob).toEqual(expected);

    // A blob this Node would refuse (it exits with an error of its own before any of our code runs).
    cpSync(askSnapshotFiles(cliDir()).blob, copied.blob);
    writeFileSync(copied.stamp, JSON.stringify({ ...stamp, node: 'v20.0.0' }));
    const otherNode = await run([join(root, 'dist', 'cli', 'ask.js'), ...args]);
    expect(otherNode).toEqual(expected);
  }, 60_000);

  it('is not used when its blob is missing or incomplete, another Node made it, or it is switched off', () => {
    const knowledge = join(REPO_ROOT, 'knowledge');
    const copyOfBuild = () => {
      const dir = tempDir('k2-snapshot-cli-');
      const [from, to] = [askSnapshotFiles(cliDir()), askSnapshotFiles(dir)];
      writeFileSync(to.stamp, readFileSync(from.stamp));
      cpSync(from.blob, to.blob);
      return { dir, files: to, stamp: JSON.parse(readFileSync(to.stamp, 'utf8')) };
    };
    const whole = copyOfBuild();
    expect(checkAskSnapshot(whole.dir, knowledge, {})).toMatchObject({ usable: true });
    expect(checkAskSnapshot(whole.dir, knowledge, { K2_ASK_SNAPSHOT: 'off' })).toEqual({
      usable: false,
      reason: 'K2_ASK_SNAPSHOT=off',
    });

    const olderNode = copyOfBuild();
    writeFileSync(olderNode.files.stamp, JSON.stringify({ ...olderNode.stamp, node: 'v20.0.0' }));
    expect(checkAskSnapshot(olderNode.dir, knowledge, {})).toEqual({
      usable: false,
      reason: `the snapshot was built by Node v20.0.0 (${process.platform}-${process.arch})`,
    });

    const otherBinary = copyOfBuild();
    writeFileSync(
      otherBinary.files.stamp,
      JSON.stringify({ ...otherBinary.stamp, nodeBinary: '/opt/node 1 2' }),
    );
    expect(checkAskSnapshot(otherBinary.dir, knowledge, {})).toEqual({
      usable: false,
      reason: 'the snapshot was built by another Node binary',
    });

    const cutShort = copyOfBuild();
    writeFileSync(cutShort.files.blob, readFileSync(cutShort.files.blob).subarray(0, 1000));
    expect(statSync(cutShort.files.blob).size).toBe(1000);
    expect(checkAskSnapshot(cutShort.dir, knowledge, {})).toEqual({
      usable: false,
      reason: 'the snapshot blob is missing or incomplete',
    });

    const noBlob = copyOfBuild();
    rmSync(noBlob.files.blob);
    expect(checkAskSnapshot(noBlob.dir, knowledge, {})).toEqual({
      usable: false,
      reason: 'the snapshot blob is missing or incomplete',
    });

    const noStamp = copyOfBuild();
    rmSync(noStamp.files.stamp);
    expect(checkAskSnapshot(noStamp.dir, knowledge, {})).toEqual({
      usable: false,
      reason: 'no snapshot was built',
    });
  });
});
