import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { afterAll, beforeAll, describe, it } from 'vitest';
import { AnswerPool } from '../../src/discord/answerPool.ts';
import { deployCommands } from '../../src/discord/deploy.ts';
import { createEngine } from '../../src/engine/index.ts';
import { loadKnowledge } from '../../src/kb/load.ts';
import { createLogger } from '../../src/logger.ts';
import { EngineHolder } from '../../src/ops/engineHolder.ts';
import { createKnowledgeReloader, watchKnowledgeDir } from '../../src/ops/knowledgeReloader.ts';
import { SLOW_WORKER } from '../bundledWorkers.ts';
import { BUILD_TIMEOUT_MS, ensureBuilt } from '../compiled.ts';
import { DiscordEmulator, type EmuInteraction } from '../discord/emulator/index.ts';
import { messageText, opt, safeReply } from '../discord/harness.ts';
import { type BotProcess, ROOT, sampleValue, scrape, startBotProcess } from './botProcess.ts';

const ORIGINAL_VERSION = (
  JSON.parse(readFileSync(join(ROOT, 'knowledge', 'meta.json'), 'utf8')) as { version: string }
).version;
const NATTO_TITLE = (
  JSON.parse(readFileSync(join(ROOT, 'knowledge', 'topics', 'natto.json'), 'utf8')) as { title: string }
).title;
const EDITED_TITLE = 'Natto (edited while the bot ran)';
const NATTO_QUESTION = 'how much k2 is in natto?';
const RELOADED_GREETING = 'Hello from the reloaded texts.json!';
/** A made-up word that a reload adds to the natto synonyms in lexicon/synonyms.json. */
const NEW_SYNONYM = 'zorbleflux';
const NEW_SYNONYM_QUESTION = `how much k2 is in ${NEW_SYNONYM}?`;

let dir: string;
const processes: BotProcess[] = [];
beforeAll(() => {
  ensureBuilt();
  dir = mkdtempSync(join(tmpdir(), 'k2-reload-'));
}, BUILD_TIMEOUT_MS);
afterAll(async () => {
  for (const bot of processes) await bot.stop();
  rmSync(dir, { recursive: true, force: true });
});

function copyKnowledge(name: string): string {
  const copy = join(dir, name);
  cpSync(join(ROOT, 'knowledge'), copy, { recursive: true });
  return copy;
}

function editJson(file: string, edit: (data: Record<string, unknown>) => void): void {
  const data = JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>;
  edit(data);
  writeFileSync(file, JSON.stringify(data, null, 2));
}

const setVersion = (knowledge: string, version: string) =>
  editJson(join(knowledge, 'meta.json'), (meta) => {
    meta.version = version;
  });
const setNattoTitle = (knowledge: string, title: string) =>
  editJson(join(knowledge, 'topics', 'natto.json'), (topic) => {
    topic.title = title;
  });

// The three tests run at once (concurrent suites in a row), each on its own copy of the knowledge:
// the bot process spends most of its time starting and rebuilding its answer workers, while the
// other two work in this process.
describe.concurrent('knowledge reload in a real bot process', () => {
  it('SIGHUP swaps in a valid edit and keeps the old knowledge when the edit is broken', async ({
    expect,
  }) => {
    const knowledge = copyKnowledge('process');
    const emu = await DiscordEmulator.start();
    try {
      await deployCommands({
        token: emu.token,
        apiBase: emu.apiBase,
        applicationId: emu.appId,
        guildId: emu.guildId,
      });
      const bot = startBotProcess({
        DISCORD_TOKEN: emu.token,
        DISCORD_API_BASE: emu.apiBase,
        DATABASE_PATH: join(dir, 'process.sqlite'),
        KNOWLEDGE_DIR: knowledge,
        HEALTH_PORT: '0',
      });
      processes.push(bot);
      const port = await bot.healthPort();
      // The reason shows in a failure message; answer workers take a while to build under load.
      await expect
        .poll(async () => (await scrape(port, '/readyz')).json().reason, { timeout: 30_000 })
        .toBeNull();
      const versionInReadyz = async () => (await scrape(port, '/readyz')).json().knowledgeVersion;
      const run = async (name: string, question?: string): Promise<string> => {
        const interaction: EmuInteraction = await emu.userRunsCommand({
          user: emu.users.alice,
          name,
          ...(question ? { options: [opt.string('question', question)] } : {}),
        });
        return messageText(await safeReply(interaction, 5000));
      };
      expect(await versionInReadyz()).toBe(ORIGINAL_VERSION);
      expect(await run('about')).toContain(`Version ${ORIGINAL_VERSION},`);
      expect(await run('ask', NATTO_QUESTION)).toContain(NATTO_TITLE);
      expect(await run('ask', 'hello')).not.toContain(RELOADED_GREETING);
      expect(await run('ask', NEW_SYNONYM_QUESTION)).not.toContain(NATTO_TITLE);

      setVersion(knowledge, '7.7.7');
      setNattoTitle(knowledge, EDITED_TITLE);
      // The language files are part of the knowledge a reload takes: a fixed text and a new word.
      editJson(join(knowledge, 'texts.json'), (texts) => {
        (texts.replies as Record<string, string>).greeting = `${RELOADED_GREETING} {canAnswer}`;
      });
      editJson(join(knowledge, 'lexicon', 'synonyms.json'), (lexicon) => {
        const groups = lexicon.groups as Array<{ to: string[]; from: string[] }>;
        groups.find((group) => group.to.length === 1 && group.to[0] === 'natto')?.from.push(NEW_SYNONYM);
      });
      bot.child.kill('SIGHUP');
      await expect.poll(versionInReadyz, { timeout: 10_000 }).toBe('7.7.7');
      expect(await run('about')).toContain('Version 7.7.7,');
      // Answers come from the new answer workers once they have built their engines.
      await expect
        .poll(() => run('ask', NATTO_QUESTION), { timeout: 30_000, interval: 500 })
        .toContain(EDITED_TITLE);
      expect(await run('ask', 'hello')).toContain(RELOADED_GREETING);
      expect(await run('ask', NEW_SYNONYM_QUESTION)).toContain(EDITED_TITLE);

      // A broken edit: the meta file is fine, a topic's summary is not text.
      setVersion(knowledge, '8.0.0');
      editJson(join(knowledge, 'topics', 'natto.json'), (topic) => {
        topic.summary = 42;
      });
      bot.child.kill('SIGHUP');
      await expect
        .poll(() => bot.logs().find((line) => line.msg?.toString().startsWith('knowledge reload failed')), {
          timeout: 10_000,
        })
        .toMatchObject({
          file: join(knowledge, 'topics', 'natto.json'),
          field: 'summary',
          keptVersion: '7.7.7',
        });
      expect(await versionInReadyz()).toBe('7.7.7');
      expect((await scrape(port, '/readyz')).status).toBe(200);
      expect(await run('about')).toContain('Version 7.7.7,');
      expect(await run('ask', NATTO_QUESTION)).toContain(EDITED_TITLE);

      const metrics = (await scrape(port, '/metrics')).text;
      expect(sampleValue(metrics, 'k2_knowledge_reloads_total{result="success"}')).toBe(1);
      expect(sampleValue(metrics, 'k2_knowledge_reloads_total{result="failure"}')).toBe(1);
      expect(sampleValue(metrics, 'k2_knowledge_info{version="7.7.7"}')).toBe(1);
      expect(sampleValue(metrics, `k2_knowledge_info{version="${ORIGINAL_VERSION}"}`)).toBeUndefined();
      // SIGHUP reloads; it does not stop the bot.
      expect(bot.child.exitCode).toBeNull();
    } finally {
      for (const bot of processes) await bot.stop();
      await emu.close();
    }
  }, 90_000);
});

describe.concurrent('knowledge reload inside the bot', () => {
  const quietLogger = () =>
    createLogger({
      level: 'info',
      destination: new Writable({
        write(_chunk, _encoding, done) {
          done();
        },
      }),
    });

  it('rebuilds the answer workers on a reload; a question a worker is answering finishes on the old knowledge', async ({
    expect,
  }) => {
    const editedDir = copyKnowledge('pool');
    setNattoTitle(editedDir, EDITED_TITLE);
    const pool = await AnswerPool.start({
      workerModule: SLOW_WORKER,
      knowledgeDir: join(ROOT, 'knowledge'),
      budgetMs: 10_000,
      maxWaitMs: 20_000,
      size: 1,
    });
    try {
      // The only worker takes this question at once and is still answering it when the reload comes.
      const inFlight = pool.ask(`answer-this-slowly ${NATTO_QUESTION}`);
      pool.reload(loadKnowledge(editedDir));
      const before = await inFlight;
      expect(before.status === 'answered' && before.answer.topic?.title).toBe(NATTO_TITLE);
      // The old worker may take a question or two more while the new one builds its engine.
      await expect
        .poll(
          async () => {
            const after = await pool.ask(NATTO_QUESTION);
            return after.status === 'answered' && after.answer.topic?.title;
          },
          { timeout: 20_000 },
        )
        .toBe(EDITED_TITLE);
      // A reload is not a failure.
      expect(pool.restarts).toBe(0);
    } finally {
      await pool.close();
    }
  }, 30_000);

  it('with a watched folder, an edit is picked up without a signal and listeners hear the swap', async ({
    expect,
  }) => {
    const knowledge = copyKnowledge('watched');
    const holder = new EngineHolder(createEngine(loadKnowledge(knowledge)));
    const swaps: string[] = [];
    holder.onSwap((next, previous) =>
      swaps.push(`${previous.knowledge.meta.version}->${next.knowledge.meta.version}`),
    );
    const reload = createKnowledgeReloader({
      holder,
      buildEngine: () => createEngine(loadKnowledge(knowledge)),
      logger: quietLogger(),
    });
    const watcher = watchKnowledgeDir(knowledge, reload, { debounceMs: 100 });
    try {
      setNattoTitle(knowledge, EDITED_TITLE);
      setVersion(knowledge, '7.7.7');
      await expect.poll(() => holder.version(), { timeout: 10_000 }).toBe('7.7.7');
      expect(holder.current().showTopic('natto')?.topic?.title).toBe(EDITED_TITLE);
      expect(swaps.at(-1)).toBe(`${ORIGINAL_VERSION}->7.7.7`);
    } finally {
      watcher.close();
    }
  });
});
