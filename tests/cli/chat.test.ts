import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { beforeAll, describe, expect, it } from 'vitest';
import { runChat } from '../../src/cli/chat.ts';
import { CHAT_COMMANDS } from '../../src/cli/chatCommands.ts';
import type { Engine } from '../../src/engine/index.ts';
import { openSqliteStore } from '../../src/store/sqliteStore.ts';
import { ANTICOAGULANT_WARNING, DISCLAIMER } from '../safetyTexts.ts';
import { sharedEngine } from '../sharedEngine.ts';

let engine: Engine;
beforeAll(() => {
  engine = sharedEngine();
});

async function chat(lines: string[]): Promise<string> {
  const input = new PassThrough();
  const output = new PassThrough();
  let text = '';
  output.setEncoding('utf8').on('data', (chunk: string) => {
    text += chunk;
  });
  const done = runChat({ engine, input, output });
  input.end(`${lines.join('\n')}\n`);
  await done;
  return text;
}

function countOf(haystack: string, needle: string): number {
  return haystack.split(needle).length - 1;
}

describe('terminal chat', () => {
  it('says how to connect to Discord first', async () => {
    const text = await chat(['/quit']);
    expect(text.split('\n')[0]).toMatch(/DISCORD_TOKEN/);
  });

  it('answers questions and every command reply with both safety texts', async () => {
    const text = await chat([
      'what foods have k2',
      '/foods',
      '/dosage',
      '/topics',
      '/topic natto',
      '/nope',
      '/quit',
    ]);
    expect(countOf(text, DISCLAIMER)).toBe(6);
    expect(countOf(text, ANTICOAGULANT_WARNING)).toBe(6);
    expect(text).toMatch(/Natto/);
    expect(text).toMatch(/Unknown command \/nope/);
  });

  it('puts the anticoagulant warning above the dose list', async () => {
    const text = await chat(['/dosage']);
    const doses = text.slice(text.indexOf('Warning:'));
    expect(doses.indexOf(ANTICOAGULANT_WARNING)).toBeLessThan(doses.indexOf('Dose figures'));
  });

  it('/help lists every command of the chat, as it always has', async () => {
    const text = await chat(['/help', '/quit']);
    const help = [
      'Ask anything about vitamin K2, in your own words. Commands:',
      '  /topics   every topic the bot knows',
      '  /topic ID one topic in full',
      '  /more     the rest of the last answer: the topic summary, every fact, corrections with references',
      '  /foods    foods by K2 amount',
      '  /dosage   the dose figures the article gives',
      '  /good     the last answer was helpful (/bad: it was not); no question or name is stored',
      '  /help     this help',
      '  /new      start a new conversation: the next question is not read as a follow-up (the context also ends after 10 minutes)',
      '  /quit     leave (Ctrl+D works too)',
    ].join('\n');
    // Once at the start and once for /help.
    expect(countOf(text, help)).toBe(2);
    for (const name of CHAT_COMMANDS.flatMap((command) => command.names)) expect(help).toContain(`/${name}`);
  });

  it('/more shows what the short answer left out: the summary, every fact, corrections with references', async () => {
    const engine = sharedEngine();
    const natto = engine.knowledge.topics.find((t) => t.id === 'natto');
    const text = await chat(['how much k2 is in natto', '/more', '/quit']);
    const [answer, more] = text.split('Natto, the richest K2 food').slice(1);
    expect(answer).not.toContain(natto?.summary);
    expect(more).toContain(natto?.summary);
    for (const fact of natto?.facts ?? []) expect(more).toContain(fact.text);
    expect(more).toContain('Reference: ');
    expect(more).toContain(DISCLAIMER);
    expect(more).toContain(ANTICOAGULANT_WARNING);
  });

  it('reads each question in the context of the previous answer until /new', async () => {
    const text = await chat(['does cheese have k2', 'how much?', '/new', 'how much?', '/quit']);
    // One reply per line before /quit, each closed by the disclaimer.
    const replies = text.split(DISCLAIMER).slice(0, 4);
    expect(replies).toHaveLength(4);
    expect(replies[0]).toContain('Cheese as a K2 source');
    expect(replies[1]).toContain('Cheese as a K2 source');
    expect(replies[2]).toContain('New conversation: your next question is read on its own');
    expect(replies[3]).not.toContain('Cheese as a K2 source');
  });

  it('/more before any question says to ask first', async () => {
    const text = await chat(['/more', '/quit']);
    expect(text).toContain("Ask a question first; /more then shows the rest of that answer's topic.");
  });

  it.each([
    ['/doses', 'Dose figures as the article reports them'],
    ['/exit', 'Bye. Stay safe.'],
  ])('still understands the alias %s', async (alias, expected) => {
    const text = await chat([alias, '/quit']);
    expect(text).toContain(expected);
    expect(text).not.toContain('Unknown command');
  });

  it('stops reading after /quit', async () => {
    const text = await chat(['/quit', 'what is k2']);
    expect(countOf(text, DISCLAIMER)).toBe(0);
    expect(text).toMatch(/Bye/);
  });
});

describe('terminal votes', () => {
  it('/good and /bad rate the last answer once (a second vote changes it), stored without a server id', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'k2-chat-votes-'));
    const path = join(dir, 'k2.sqlite');
    try {
      const input = new PassThrough();
      const output = new PassThrough();
      let text = '';
      output.setEncoding('utf8').on('data', (chunk: string) => {
        text += chunk;
      });
      const done = runChat({ engine, input, output, openVoteStore: async () => openSqliteStore(path) });
      input.end(['/good', 'what is natto', '/good', '/bad', 'what is mk-7', '/good', '/quit'].join('\n'));
      await done;
      expect(text).toContain('Ask a question first; /good and /bad rate the last answer.');
      expect(text).toContain('Thanks: your vote on the last answer is now "not helpful".');
      const store = openSqliteStore(path);
      const votes = await store.readVotes('2000-01-01');
      await store.close();
      expect(votes.map((v) => [v.guildId, v.topicId, v.vote])).toEqual([
        [null, engine.ask('what is natto').topic?.id, 'not-helpful'],
        [null, engine.ask('what is mk-7').topic?.id, 'helpful'],
      ]);
      // The database holds no trace of the questions.
      expect(readFileSync(path).includes('what is natto')).toBe(false);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
