import { type ClientOptions, Options } from 'discord.js';

/**
 * What discord.js may keep in memory for this bot. It answers from the event in hand, so by default
 * it would only pile up what it never reads: every message seen (200 per channel), every member and
 * user who ever asked, emoji, stickers, voice states, presences. Kept: guilds, channels, roles and
 * threads (permissions and routing read them) and the bot's own member and user (`guild.members.me`
 * decides whether it may answer in a channel). A message the bot needs later (the one a reply
 * refers to) is fetched (`fetchReference`); an event's member and user objects are built from its
 * payload whether cached or not.
 */
export function botCacheOptions(): Pick<ClientOptions, 'makeCache'> {
  const isBot = (entity: { id: string; client: { user: { id: string } | null } }) =>
    entity.id === entity.client.user?.id;
  return {
    makeCache: Options.cacheWithLimits({
      ...Options.DefaultMakeCacheSettings,
      MessageManager: 0,
      GuildMemberManager: { maxSize: 0, keepOverLimit: isBot },
      UserManager: { maxSize: 0, keepOverLimit: isBot },
      PresenceManager: 0,
      ReactionManager: 0,
      ReactionUserManager: 0,
      GuildEmojiManager: 0,
      BaseGuildEmojiManager: 0,
      GuildStickerManager: 0,
      GuildScheduledEventManager: 0,
      StageInstanceManager: 0,
      VoiceStateManager: 0,
      ThreadMemberManager: 0,
      GuildInviteManager: 0,
      GuildBanManager: 0,
      AutoModerationRuleManager: 0,
      ApplicationCommandManager: 0,
    }),
  };
}
