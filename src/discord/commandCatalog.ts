import {
  type APIApplicationCommandOption,
  ApplicationCommandOptionType,
  ApplicationCommandType,
  type RESTPostAPIApplicationCommandsJSONBody,
  type RESTPostAPIChatInputApplicationCommandsJSONBody,
} from 'discord.js';
import type { Command } from './command.ts';

/**
 * What the command registry looks like to a person: the lines of /help and the rows of the
 * README's command table, both read from the slash-command definitions and each command's `help`
 * text, so neither is a copy that can drift from what is deployed.
 */

/** One command as /help and the README show it. */
export interface CatalogEntry {
  /** `/name …` for a slash command; the menu name for a message command. */
  name: string;
  kind: 'slash' | 'message';
  /** The short form in /help: required options by name, optional text options in brackets. */
  helpUsage: string;
  /** The long form in the README: every option with what it takes (`question:<text> [private]`). */
  fullUsage: string;
  /** Discord's own description of the command (none for menu commands). */
  description: string;
  /** What the command is for, from knowledge/texts.json. */
  help: string;
  options: readonly { name: string; description: string; autocomplete: boolean }[];
}

const VALUE_OF: Partial<Record<ApplicationCommandOptionType, string>> = {
  [ApplicationCommandOptionType.String]: '<text>',
  [ApplicationCommandOptionType.Integer]: '<number>',
  [ApplicationCommandOptionType.Number]: '<number>',
  [ApplicationCommandOptionType.User]: '<member>',
  [ApplicationCommandOptionType.Channel]: '<#channel>',
  [ApplicationCommandOptionType.Role]: '<@role>',
  [ApplicationCommandOptionType.Mentionable]: '<mention>',
  [ApplicationCommandOptionType.Attachment]: '<file>',
};

function isSubcommand(option: APIApplicationCommandOption): boolean {
  return (
    option.type === ApplicationCommandOptionType.Subcommand ||
    option.type === ApplicationCommandOptionType.SubcommandGroup
  );
}

// Flags and members are left to the help text: "`/ask question` … (`private` for only you …)".
function helpUsageOf(name: string, options: readonly APIApplicationCommandOption[]): string {
  const parts = options.flatMap((option) => {
    if (isSubcommand(option)) return [];
    if (option.required) return [option.name];
    const isValue =
      option.type === ApplicationCommandOptionType.String ||
      option.type === ApplicationCommandOptionType.Integer ||
      option.type === ApplicationCommandOptionType.Number;
    return isValue ? [`[${option.name}]`] : [];
  });
  return [`/${name}`, ...parts].join(' ');
}

function fullUsageOf(name: string, options: readonly APIApplicationCommandOption[]): string {
  if (options.some(isSubcommand)) return `/${name} <subcommand>`;
  const parts = options.map((option) => {
    if (option.type === ApplicationCommandOptionType.Boolean) {
      return option.required ? `${option.name}:<true|false>` : `[${option.name}]`;
    }
    const value = `${option.name}:${VALUE_OF[option.type] ?? '<value>'}`;
    return option.required ? value : `[${value}]`;
  });
  return [`/${name}`, ...parts].join(' ');
}

function isSlashCommand(
  json: RESTPostAPIApplicationCommandsJSONBody,
): json is RESTPostAPIChatInputApplicationCommandsJSONBody {
  return json.type === undefined || json.type === ApplicationCommandType.ChatInput;
}

/** The registry, in its order, as people see it. */
export function catalogCommands(commands: readonly Command[]): CatalogEntry[] {
  return commands.map((command) => {
    const json = command.data.toJSON();
    if (!isSlashCommand(json)) {
      return {
        name: json.name,
        kind: 'message',
        helpUsage: json.name,
        fullUsage: json.name,
        description: '',
        help: command.help,
        options: [],
      };
    }
    const options = json.options ?? [];
    return {
      name: `/${json.name}`,
      kind: 'slash',
      helpUsage: helpUsageOf(json.name, options),
      fullUsage: fullUsageOf(json.name, options),
      description: json.description,
      help: command.help,
      options: options
        .filter((option) => !isSubcommand(option))
        .map((option) => ({
          name: option.name,
          description: option.description,
          autocomplete: 'autocomplete' in option && option.autocomplete === true,
        })),
    };
  });
}
