/** Gateway intent bits the emulator interprets (gateway.mdx "List of Intents"). */
export const Intent = {
  Guilds: 1 << 0,
  GuildMembers: 1 << 1,
  GuildPresences: 1 << 8,
  GuildMessages: 1 << 9,
  DirectMessages: 1 << 12,
  MessageContent: 1 << 15,
} as const;

/** Highest defined intent is 1 << 25 (DIRECT_MESSAGE_POLLS); anything above is "invalid intents" (4013). */
export const VALID_INTENTS = (1 << 26) - 1;

export interface PrivilegedIntentSettings {
  messageContentAllowed: boolean;
  guildMembersAllowed: boolean;
  presencesAllowed: boolean;
}

/** Returns the gateway close code IDENTIFY must be answered with, or undefined if the intents are fine. */
export function checkIntents(intents: unknown, portal: PrivilegedIntentSettings): number | undefined {
  if (typeof intents !== 'number' || !Number.isInteger(intents) || intents < 0 || intents & ~VALID_INTENTS) {
    return 4013;
  }
  if (intents & Intent.MessageContent && !portal.messageContentAllowed) return 4014;
  if (intents & Intent.GuildMembers && !portal.guildMembersAllowed) return 4014;
  if (intents & Intent.GuildPresences && !portal.presencesAllowed) return 4014;
  return undefined;
}
