import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { BUILD_TIMEOUT_MS, compiled, ensureBuilt, REPO_ROOT } from '../compiled.ts';

// Every shard runs answer worker threads that build their engine from knowledge the main thread has
// already validated; zod, loaded only to validate, cost each of them about 5 MB of heap. The build
// makes dist/discord/answerWorker.js one file without the schemas (scripts/build.mjs).

/** Specifiers the bundle imports: static imports and dynamic import() calls. */
function importsOf(source: string): string[] {
  return [
    ...source.matchAll(/^import\s[^'"]*?['"]([^'"]+)['"]/gm),
    ...source.matchAll(/\bimport\(\s*['"]([^'"]+)['"]\s*\)/g),
  ].map((m) => m[1] ?? '');
}

/** Answers one question with a compiled pool of one worker, in a fresh Node process. */
async function askCompiledPool(handKnowledge: boolean): Promise<{ status: string; topic: unknown }> {
  const script = `
    const { AnswerPool } = await import(${JSON.stringify(pathToFileURL(compiled('discord/answerPool.js')).href)});
    const { loadKnowledgeWithLanguage } = await import(${JSON.stringify(pathToFileURL(compiled('kb/load.js')).href)});
    const pool = await AnswerPool.start({
      budgetMs: 5000,
      size: 1,
      ${handKnowledge ? 'knowledge: loadKnowledgeWithLanguage(),' : ''}
    });
    const reply = await pool.ask('how much k2 in natto');
    await pool.close();
    console.log(JSON.stringify({ status: reply.status, topic: reply.answer?.topic?.id ?? null }));
  `;
  // A file, not --eval: the worker thread would inherit --input-type.
  const dir = mkdtempSync(join(tmpdir(), 'k2-worker-'));
  try {
    writeFileSync(join(dir, 'ask.mjs'), script);
    const out = await new Promise<string>((resolve, reject) =>
      execFile(
        process.execPath,
        [join(dir, 'ask.mjs')],
        { cwd: REPO_ROOT, encoding: 'utf8', timeout: 60_000 },
        (error, stdout) => (error ? reject(error) : resolve(stdout)),
      ),
    );
    return JSON.parse(out.trim().split('\n').at(-1) ?? '{}');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

describe('the compiled answer worker', () => {
  beforeAll(() => ensureBuilt(), BUILD_TIMEOUT_MS);

  it('is one file without zod: it imports Node built-ins, and kb/load.js only when it must read files', () => {
    const bundle = readFileSync(compiled('discord/answerWorker.js'), 'utf8');
    const builtins = new Set(builtinModules);
    const local = importsOf(bundle).filter((spec) => !spec.startsWith('node:') && !builtins.has(spec));
    expect(local).toEqual(['../kb/load.js']);
    expect(bundle).toMatch(/await import\(['"]\.\.\/kb\/load\.js['"]\)/);
    expect(bundle).not.toMatch(/\bzod\b|strictObject|safeParse/);
  });

  // The two processes at once: each waits on its own worker.
  it.concurrent('answers from the knowledge the main thread hands it', async ({ expect }) => {
    expect(await askCompiledPool(true)).toEqual({ status: 'answered', topic: 'natto' });
  }, 60_000);

  it.concurrent('answers when it is handed only the folder, reading and validating the knowledge itself', async ({
    expect,
  }) => {
    expect(await askCompiledPool(false)).toEqual({ status: 'answered', topic: 'natto' });
  }, 60_000);
});
