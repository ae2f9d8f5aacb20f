import { SlashCommandBuilder } from 'discord.js';
import { texts } from '../../kb/language.ts';
import { type Command, EVERYWHERE } from '../command.ts';
import { catalogCommands } from '../commandCatalog.ts';
import { safetyOf } from '../context.ts';
import { renderHelp } from '../renderEmbeds.ts';
import { sendInteractionReply } from '../sendReply.ts';

const data = new SlashCommandBuilder()
  .setName('help')
  .setDescription('How to use K2 Bot')
  .setContexts(...EVERYWHERE);

/** /help lists the registry it is part of, so it takes the list rather than importing it. */
export function createHelpCommand(registry: () => readonly Command[]): Command {
  return {
    data,
    help: texts().commandHelp.help,
    async execute(interaction, ctx) {
      await sendInteractionReply(interaction, renderHelp(catalogCommands(registry()), safetyOf(ctx)), {
        ephemeral: true,
      });
      return undefined;
    },
  };
}
