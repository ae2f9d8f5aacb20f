import {
  type CommandInteraction,
  type InteractionReplyOptions,
  type JSONEncodable,
  type MessageComponentInteraction,
  MessageFlags,
  type ModalSubmitInteraction,
} from 'discord.js';
import type { RenderedReply } from './renderEmbeds.ts';

/**
 * Rendered embeds and components are Discord's API JSON already. Handed over as plain objects,
 * discord.js copies each one through its camelCase-to-snake_case converter (lodash per key), which
 * cost about twice as much as rendering the answer (0.1 ms); as JSONEncodable it sends them as they are.
 */
function asApiJson<T>(data: T): JSONEncodable<T> {
  return { toJSON: () => data };
}

function toOptions(reply: RenderedReply): Omit<InteractionReplyOptions, 'flags'> {
  return toMessageOptions(reply);
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
    embeds: reply.embeds.map(asApiJson),
    components: reply.components.map(asApiJson),
    allowedMentions: reply.allowedMentions,
  };
}
