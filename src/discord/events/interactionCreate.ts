import type { Interaction } from 'discord.js';
import { texts } from '../../kb/language.ts';
import type { RepliedEvent } from '../askEngine.ts';
import type { CommandOutcome } from '../command.ts';
import { findCommand } from '../commands/index.ts';
import { handleComponent } from '../components.ts';
import { type BotContext, renderEngineNotice } from '../context.ts';
import { sendInteractionReply } from '../sendReply.ts';

function nameOf(interaction: Interaction): string {
  if (interaction.isCommand() || interaction.isAutocomplete()) return interaction.commandName;
  if (interaction.isMessageComponent()) return `component:${interaction.customId.split(':')[0]}`;
  return `type:${interaction.type}`;
}

function surfaceOf(interaction: Interaction): RepliedEvent['surface'] {
  if (interaction.isChatInputCommand()) return 'slash';
  if (interaction.isContextMenuCommand()) return 'context-menu';
  return 'button';
}

export async function handleInteraction(
  interaction: Interaction,
  ctx: BotContext,
): Promise<RepliedEvent | undefined> {
  const started = performance.now();
  const base = { command: nameOf(interaction), guildId: interaction.guildId, userId: interaction.user.id };
  try {
    if (interaction.isAutocomplete()) {
      // Autocomplete cannot be deferred: answer from memory at once.
      await findCommand(interaction.commandName)?.autocomplete?.(interaction, ctx);
      ctx.logger.debug(
        { ...base, event: 'autocomplete', latencyMs: Math.round(performance.now() - started) },
        'autocomplete',
      );
      return;
    }
    let outcome: CommandOutcome | undefined;
    if (interaction.isCommand()) {
      const command = findCommand(interaction.commandName);
      if (!command) {
        await sendInteractionReply(interaction, renderEngineNotice(ctx, texts().discord.unknownCommand), {
          ephemeral: true,
        });
        return;
      }
      if (interaction.isChatInputCommand() && ctx.logger.isLevelEnabled('debug')) {
        ctx.logger.debug({ ...base, options: interaction.options.data }, 'command input');
      }
      outcome = await command.execute(interaction, ctx);
    } else if (interaction.isMessageComponent()) {
      outcome = await handleComponent(interaction, ctx);
    } else {
      return;
    }
    ctx.logger.info(
      { ...base, event: 'command', ...outcome, latencyMs: Math.round(performance.now() - started) },
      'command handled',
    );
    return outcome ? { surface: surfaceOf(interaction), outcome } : undefined;
  } catch (error) {
    ctx.logger.error(
      { ...base, event: 'command-error', err: error, latencyMs: Math.round(performance.now() - started) },
      'command failed',
    );
    await replyWithApology(interaction, ctx);
    return undefined;
  }
}

async function replyWithApology(interaction: Interaction, ctx: BotContext): Promise<void> {
  try {
    if (interaction.isAutocomplete()) {
      if (!interaction.responded) await interaction.respond([]);
      return;
    }
    if (!interaction.isRepliable()) return;
    const apology = renderEngineNotice(ctx, texts().discord.apology, texts().discord.apologyTitle);
    await sendInteractionReply(interaction, apology, { ephemeral: true });
  } catch (error) {
    ctx.logger.warn({ err: error, command: nameOf(interaction) }, 'could not send the error reply');
  }
}
