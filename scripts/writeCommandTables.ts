/**
 * Writes the README's command tables from the registries: the Discord commands (their
 * definitions and help texts) and the terminal chat's commands. `npm run docs:commands` after
 * adding or changing a command; a test fails while the README differs from what this writes.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { CHAT_COMMANDS } from '../src/cli/chatCommands.ts';
import { catalogCommands } from '../src/discord/commandCatalog.ts';
import { COMMANDS } from '../src/discord/commands/index.ts';

export const README_PATH = join(import.meta.dirname, '..', 'README.md');

function escapeCell(text: string): string {
  return text.replaceAll('|', '\\|');
}

function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** One row per registered Discord command, in the registry's order. */
export function discordCommandTable(): string {
  const rows = catalogCommands(COMMANDS).map((entry) => {
    const usage = entry.kind === 'slash' ? `\`${entry.fullUsage}\`` : `*Apps → ${entry.name}* (message menu)`;
    const options = entry.options.map(
      (option) => `\`${option.name}\`: ${option.description}${option.autocomplete ? ' (autocomplete)' : ''}`,
    );
    const what = [
      `${entry.description || capitalize(entry.help)}.`,
      ...(options.length ? [`${options.join('; ')}.`] : []),
    ];
    return `| ${escapeCell(usage)} | ${escapeCell(what.join(' '))} |`;
  });
  return ['| command | what it does |', '|---|---|', ...rows].join('\n');
}

/** One row per line of the terminal chat's /help. */
export function terminalCommandTable(): string {
  const rows = CHAT_COMMANDS.map((command) => {
    const names = command.names.map((name) => `\`/${name}\``);
    const usage = command.usage.includes(' ') ? `\`${command.usage}\`` : names.join(', ');
    const aliases = command.aliases?.length
      ? ` (also ${command.aliases.map((a) => `\`${a}\``).join(', ')})`
      : '';
    return `| ${escapeCell(usage)}${aliases} | ${escapeCell(capitalize(command.help))} |`;
  });
  return ['| command | what it does |', '|---|---|', ...rows].join('\n');
}

const TABLES: Record<string, () => string> = {
  'discord-commands': discordCommandTable,
  'terminal-commands': terminalCommandTable,
};

/** The README with every generated table replaced; throws when a table's markers are missing. */
export function withCommandTables(readme: string): string {
  let text = readme;
  for (const [name, table] of Object.entries(TABLES)) {
    const start = `<!-- ${name}:start (npm run docs:commands) -->`;
    const end = `<!-- ${name}:end -->`;
    const from = text.indexOf(start);
    const to = text.indexOf(end);
    if (from < 0 || to < from) throw new Error(`README.md has no ${start} … ${end} markers`);
    text = `${text.slice(0, from + start.length)}\n${table()}\n${text.slice(to)}`;
  }
  return text;
}

if (process.argv[1] && import.meta.filename === process.argv[1]) {
  const before = readFileSync(README_PATH, 'utf8');
  const after = withCommandTables(before);
  if (after !== before) writeFileSync(README_PATH, after);
  console.log(
    after === before ? 'README.md command tables are up to date.' : 'README.md command tables written.',
  );
}
