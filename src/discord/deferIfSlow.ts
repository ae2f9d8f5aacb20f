import { type CommandInteraction, MessageFlags } from 'discord.js';

/**
 * Discord refuses a first response that comes more than 3 s after the interaction. An answer that
 * is not ready this long after it acknowledges the interaction first, leaving room for the REST call.
 */
export const DEFER_AFTER_MS = 1500;

/**
 * Runs `work` (an answer being prepared); if it is still running DEFER_AFTER_MS after the interaction
 * was created, acknowledges the interaction with the visibility the answer will have, so the answer
 * is sent by editing that response (allowed for 15 minutes) instead of being refused as late. On a
 * busy host (`npm run bench:shards` with 200 askers) most late answers were refused that way.
 * Resolves with the work's result once a defer in flight has settled, so the reply that follows sees
 * the interaction's real state (sendInteractionReply edits a deferred response).
 */
export async function deferIfSlow<T>(
  interaction: CommandInteraction,
  ephemeral: boolean,
  work: Promise<T>,
  now: () => number = Date.now,
): Promise<T> {
  const delayMs = Math.max(
    0,
    Math.min(DEFER_AFTER_MS, interaction.createdTimestamp + DEFER_AFTER_MS - now()),
  );
  let deferring: Promise<unknown> | undefined;
  const timer = setTimeout(() => {
    if (interaction.deferred || interaction.replied) return;
    // A defer that fails (already too late) leaves the reply to fail and be reported as before.
    deferring = interaction
      .deferReply(ephemeral ? { flags: MessageFlags.Ephemeral } : {})
      .catch(() => undefined);
  }, delayMs);
  try {
    return await work;
  } finally {
    clearTimeout(timer);
    await deferring;
  }
}
