import { texts } from '../kb/language.ts';

/**
 * The terminal chat's commands: the one list its dispatcher reads and its /help prints (and the
 * README's table of them). Aliases work but /help does not list them.
 */

const CHAT_HELP = texts().terminalCommandHelp;

export type ChatCommandName =
  | 'topics'
  | 'topic'
  | 'more'
  | 'foods'
  | 'dosage'
  | 'good'
  | 'bad'
  | 'help'
  | 'new'
  | 'quit';

export interface ChatCommand {
  /** What /help shows on the left, e.g. `/topic ID`. */
  usage: string;
  /** Every command the line stands for (`/good` and `/bad` share one line). */
  names: readonly ChatCommandName[];
  aliases?: readonly string[];
  help: string;
}

export const CHAT_COMMANDS: readonly ChatCommand[] = [
  { usage: '/topics', names: ['topics'], help: CHAT_HELP.topics },
  { usage: '/topic ID', names: ['topic'], help: CHAT_HELP.topic },
  { usage: '/more', names: ['more'], help: CHAT_HELP.more },
  { usage: '/foods', names: ['foods'], help: CHAT_HELP.foods },
  { usage: '/dosage', names: ['dosage'], aliases: ['/doses'], help: CHAT_HELP.dosage },
  { usage: '/good', names: ['good', 'bad'], help: CHAT_HELP.vote },
  { usage: '/help', names: ['help'], help: CHAT_HELP.help },
  { usage: '/new', names: ['new'], aliases: ['/reset'], help: CHAT_HELP.new },
  { usage: '/quit', names: ['quit'], aliases: ['/exit'], help: CHAT_HELP.quit },
];

/** The command a typed word stands for (`/doses` is `dosage`), or undefined when there is none. */
export function findChatCommand(typed: string | undefined): ChatCommandName | undefined {
  for (const command of CHAT_COMMANDS) {
    const name = command.names.find((candidate) => `/${candidate}` === typed);
    if (name) return name;
    if (typed !== undefined && command.aliases?.includes(typed)) return command.names[0];
  }
  return undefined;
}

const USAGE_WIDTH = Math.max(...CHAT_COMMANDS.map((command) => command.usage.length));

/** The chat's /help text: the lead line, then one line per command. */
export function chatHelpText(): string {
  return [
    CHAT_HELP.lead,
    ...CHAT_COMMANDS.map((command) => `  ${command.usage.padEnd(USAGE_WIDTH)} ${command.help}`),
  ].join('\n');
}
