import { copyFileSync, existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, onTestFinished } from 'vitest';
import { KnowledgeError, loadKnowledge, loadKnowledgeWithLanguage, loadLanguage } from '../../src/kb/load.ts';
import { adoptPreparedTexts, preparedTextsFor, readKnowledgeSnapshot } from '../../src/kb/snapshot.ts';
import { writeKnowledgeSnapshot } from '../../src/kb/writeSnapshot.ts';
import { copyKnowledge, editJson } from './knowledgeCopies.ts';
import { KNOWLEDGE_DIR } from './knowledgePaths.ts';

/**
 * The snapshot the build writes of the committed knowledge, written once for the file: writing one
 * validates the knowledge and prepares every text the engine indexes (about 0.6 CPU-s), and a copy of
 * the folder has the same content, so the same snapshot is that of each test's copy.
 */
let written: string;
let writtenDir: string;
beforeAll(async () => {
  writtenDir = mkdtempSync(join(tmpdir(), 'k2-snapshot-'));
  written = join(writtenDir, 'knowledge.snapshot.json');
  expect(await writeKnowledgeSnapshot(KNOWLEDGE_DIR, written)).toBe(true);
});
afterAll(() => rmSync(writtenDir, { recursive: true, force: true }));

/** A knowledge copy and the snapshot the build would write of it, in a folder of its own. */
async function snapshotted(): Promise<{ dir: string; file: string }> {
  const dir = copyKnowledge();
  const out = mkdtempSync(join(tmpdir(), 'k2-snapshot-'));
  onTestFinished(() => rmSync(out, { recursive: true, force: true }));
  const file = join(out, 'knowledge.snapshot.json');
  copyFileSync(written, file);
  return { dir, file };
}

describe('the knowledge snapshot the build writes', async () => {
  it('is read while the folder is unchanged, and holds exactly what validation gives', async () => {
    const { dir, file } = await snapshotted();
    expect(readKnowledgeSnapshot(dir, file)).not.toBeNull();
    const validated = loadKnowledgeWithLanguage(dir, { snapshot: false });
    expect(loadKnowledgeWithLanguage(dir, { snapshot: file })).toEqual(validated);
    expect(loadLanguage(dir, { snapshot: file })).toEqual(validated.language);
  });

  it("hands the engine its prepared texts only when the engine's language was read from it too", async () => {
    const { dir, file } = await snapshotted();
    const { knowledge, language } = loadKnowledgeWithLanguage(dir, { snapshot: file });
    expect(preparedTextsFor(knowledge, language)?.analyses.length).toBeGreaterThan(0);
    expect(preparedTextsFor(knowledge, loadLanguage(dir, { snapshot: false }))).toBeUndefined();
    const validated = loadKnowledgeWithLanguage(dir, { snapshot: false });
    expect(preparedTextsFor(validated.knowledge, language)).toBeUndefined();
  });

  it("hands an answer worker's copies of the knowledge and language the main thread's prepared texts", async () => {
    const { dir, file } = await snapshotted();
    const { knowledge, language } = loadKnowledgeWithLanguage(dir, { snapshot: file });
    const prepared = preparedTextsFor(knowledge, language);
    // What a worker receives: structured clones, which the snapshot never marked.
    const copy = structuredClone({ knowledge, language, prepared });
    expect(preparedTextsFor(copy.knowledge, copy.language)).toBeUndefined();
    adoptPreparedTexts(copy.knowledge, copy.language, copy.prepared as NonNullable<typeof prepared>);
    expect(preparedTextsFor(copy.knowledge, copy.language)).toEqual(prepared);
    expect(preparedTextsFor(copy.knowledge, loadLanguage(dir, { snapshot: false }))).toBeUndefined();
  });

  it('is ignored after an edit: the edited file is validated and the error names the file and field', async () => {
    const { dir, file } = await snapshotted();
    editJson(dir, 'topics/eel.json', (topic) => {
      topic.popular = 'yes';
    });
    expect(readKnowledgeSnapshot(dir, file)).toBeNull();
    let error: unknown;
    try {
      loadKnowledge(dir, { snapshot: file });
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(KnowledgeError);
    expect((error as KnowledgeError).file).toMatch(/topics[/\\]eel\.json$/);
    expect((error as KnowledgeError).field).toBe('popular');
  });

  it('is ignored after a lexicon edit, so the language files are validated too', async () => {
    const { dir, file } = await snapshotted();
    editJson(dir, 'lexicon/synonyms.json', (lexicon) => {
      (lexicon.groups as Array<Record<string, unknown>>)[0] = { from: 'not a list' };
    });
    expect(() => loadLanguage(dir, { snapshot: file })).toThrow(
      /lexicon[/\\]synonyms\.json: field "groups\[0\]/,
    );
  });

  it('is ignored when a file is added to the folder', async () => {
    const { dir, file } = await snapshotted();
    writeFileSync(join(dir, 'topics', 'notes.txt'), 'a note');
    expect(readKnowledgeSnapshot(dir, file)).toBeNull();
  });

  it('falls back to validation when the snapshot file is damaged or missing', async () => {
    const { dir, file } = await snapshotted();
    writeFileSync(file, '{"format": 1, "hash": ');
    expect(readKnowledgeSnapshot(dir, file)).toBeNull();
    expect(loadKnowledge(dir, { snapshot: file }).topics.length).toBeGreaterThan(0);
    rmSync(file);
    expect(existsSync(file)).toBe(false);
    expect(loadKnowledge(dir, { snapshot: file }).topics.length).toBeGreaterThan(0);
  });

  it('is not written for broken knowledge', async () => {
    const dir = copyKnowledge();
    editJson(dir, 'topics/natto.json', (topic) => {
      delete topic.summary;
    });
    const file = join(dir, '..', `k2-snapshot-${process.pid}-broken.json`);
    onTestFinished(() => rmSync(file, { force: true }));
    await expect(writeKnowledgeSnapshot(dir, file)).rejects.toThrow(KnowledgeError);
    expect(existsSync(file)).toBe(false);
  });
});
