import {
  type AutocompleteInteraction,
  type CommandInteraction,
  InteractionContextType,
  type RESTPostAPIApplicationCommandsJSONBody,
} from 'discord.js';
import type { BotContext } from './context.ts';

/** What a handler reports for the command log line. */
export interface CommandOutcome {
  topic?: string | null;
  confidence?: number;
  kind?: string;
  urgent?: boolean;
}

/** One file per command exports one of these; the registry feeds both dispatcher and deploy. */
export interface Command {
  data: { name: string; toJSON(): RESTPostAPIApplicationCommandsJSONBody };
  /** What the command is for (knowledge/texts.json `commandHelp`): /help and the README show it. */
  help: string;
  execute(interaction: CommandInteraction, ctx: BotContext): Promise<CommandOutcome | undefined>;
  autocomplete?(interaction: AutocompleteInteraction, ctx: BotContext): Promise<void>;
}

/** Where member commands work: servers, DMs with the bot, and group DMs. /settings is server-only. */
export const EVERYWHERE = [
  InteractionContextType.Guild,
  InteractionContextType.BotDM,
  InteractionContextType.PrivateChannel,
] as const;
