import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { README_PATH, withCommandTables } from '../../scripts/writeCommandTables.ts';
import { catalogCommands } from '../../src/discord/commandCatalog.ts';
import { COMMANDS } from '../../src/discord/commands/index.ts';
import { renderHelp } from '../../src/discord/renderEmbeds.ts';
import { ANTICOAGULANT_WARNING, DISCLAIMER } from '../../src/engine/index.ts';
import { texts } from '../../src/kb/language.ts';

const catalog = catalogCommands(COMMANDS);
const safety = { disclaimer: DISCLAIMER, warning: ANTICOAGULANT_WARNING, warningFirst: false };

describe('the command catalog', () => {
  it.each([
    ['/ask', '/ask question', '/ask question:<text> [private] [for:<member>]'],
    ['/topic', '/topic name', '/topic name:<text> [private]'],
    ['/topics', '/topics', '/topics'],
    ['/foods', '/foods', '/foods'],
    ['/dosage', '/dosage [group]', '/dosage [group:<text>]'],
    ['/about', '/about', '/about'],
    ['/help', '/help', '/help'],
    ['/settings', '/settings', '/settings <subcommand>'],
    ['Ask K2 Bot', 'Ask K2 Bot', 'Ask K2 Bot'],
  ])('shows %s as %j in /help and %j in the README', (name, helpUsage, fullUsage) => {
    const entry = catalog.find((command) => command.name === name);
    expect(entry?.helpUsage).toBe(helpUsage);
    expect(entry?.fullUsage).toBe(fullUsage);
  });

  it('has one help text per command, each used by exactly one command', () => {
    expect(COMMANDS.map((command) => command.help).sort()).toEqual(Object.values(texts().commandHelp).sort());
  });
});

describe('/help', () => {
  it('lists every command of the registry, in its order, with the texts it has always had', () => {
    const description = renderHelp(catalog, safety).embeds[0]?.description ?? '';
    expect(description).toContain(
      [
        '`/ask question` ask anything about vitamin K2 (`private` for only you, `for` to address a member)',
        '`/topic name` show one topic',
        '`/topics` browse topics by category',
        '`/foods` foods by K2 amount',
        '`/dosage [group]` the article’s dose figures',
        '`/about` sources, knowledge version, what is stored',
        '`/help` this help',
        '`/settings` server settings (Manage Server)',
        'In chat: mention the bot, reply to one of its answers, or DM it. Right-click a message → Apps → **Ask K2 Bot**.',
      ].join('\n'),
    );
  });
});

describe('README command tables', () => {
  it('are what `npm run docs:commands` writes from the registries', () => {
    const readme = readFileSync(README_PATH, 'utf8');
    expect(readme, 'README.md is out of date: run npm run docs:commands').toBe(withCommandTables(readme));
  });

  it('name every Discord command', () => {
    const readme = readFileSync(README_PATH, 'utf8');
    const table = readme.slice(
      readme.indexOf('<!-- discord-commands:start'),
      readme.indexOf('<!-- discord-commands:end'),
    );
    for (const name of [
      '/ask',
      '/topic',
      '/topics',
      '/foods',
      '/dosage',
      '/about',
      '/help',
      '/settings',
      'Ask K2 Bot',
    ]) {
      expect(table).toContain(name);
    }
  });
});
