import {
  type CommandInteraction,
  type InteractionReplyOptions,
  type MessageComponentInteraction,
  MessageFlags,
  type ModalSubmitInteraction,
} from 'discord.js';
import type { RenderedReply } from './renderEmbeds.ts';

function toOptions(reply: RenderedReply): Omit<InteractionReplyOptions, 'flags'> {
  return {
    ...(reply.content !== undefined ? { content: reply.content } : {}),
    embeds: reply.embeds,
    components: reply.components,
    allowedMentions: reply.allowedMentions,
  };
}

/**
 * Sends a rendered reply whatever state the interaction is in: first reply, after a defer
 * (the defer already fixed the visibility), or as a follow-up.
 */
export async function sendInteractionReply(
  interaction: CommandInteraction | MessageComponentInteraction | ModalSubmitInteraction,
  reply: RenderedReply,
  options: { ephemeral: boolean },
): Promise<void> {
  const payload = toOptions(reply);
  if (interaction.deferred && !interaction.replied) {
    await interaction.editReply(payload);
    return;
  }
  const flags = options.ephemeral ? MessageFlags.Ephemeral : undefined;
  if (interaction.replied) {
    await interaction.followUp(flags ? { ...payload, flags } : payload);
    return;
  }
  await interaction.reply(flags ? { ...payload, flags } : payload);
}

export function toMessageOptions(reply: RenderedReply) {
  return {
    ...(reply.content !== undefined ? { content: reply.content } : {}),
    embeds: reply.embeds,
    components: reply.components,
    allowedMentions: reply.allowedMentions,
  };
}
