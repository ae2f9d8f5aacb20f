import type { APIAllowedMentions, APIEmbed } from 'discord.js';
import { ApiError, Errors } from './errors.ts';
import { findChannel, findUser, memberPayload, type World } from './fixtures.ts';
import type { Gateway, Session } from './gateway.ts';
import { Intent } from './intents.ts';
import { assertNotEmpty, validateMessageBody } from './limits.ts';
import { evaluateMentions, type MentionSource, validateAllowedMentions } from './mentions.ts';
import type { SnowflakeFactory } from './snowflake.ts';
import { timestampOf } from './snowflake.ts';
import type {
  ApiCommand,
  ApiComponent,
  EmuAttachment,
  EmuMessage,
  EmuMessageReference,
  EmuUser,
  RecordedRequest,
} from './types.ts';
import type { ChangeSignal } from './waiters.ts';

export interface ResolvedOptions {
  token: string;
  messageContentAllowed: boolean;
  guildMembersAllowed: boolean;
  presencesAllowed: boolean;
  ackDeadlineMs: number;
  heartbeatIntervalMs: number;
  interactionTokenLifetimeMs: number;
  strictCommands: boolean;
  shardCount: number;
  guildCount: number;
  maxConcurrency: number;
}

/** Where a message comes from decides its defaults (allowed_mentions) and wire shape. */
export interface MessageOrigin {
  channelId: string;
  author: EmuUser;
  source: MentionSource;
  /** Message type: 0 default, 19 reply, 20/23 interaction responses. */
  type?: number;
  interactionId?: string;
  interactionMetadata?: Record<string, unknown>;
}

/** Fields of a create/edit payload the emulator understands. */
export interface MessageBody {
  content?: string;
  embeds?: APIEmbed[];
  components?: ApiComponent[];
  flags?: number;
  tts?: boolean;
  allowed_mentions?: APIAllowedMentions;
  message_reference?: EmuMessageReference;
  attachments?: Array<{ id: string | number; filename?: string; description?: string }>;
  sticker_ids?: string[];
  poll?: unknown;
}

/** Shared mutable state of one emulator instance, used by the REST, gateway and interaction layers. */
export class EmulatorState {
  readonly messages = new Map<string, EmuMessage>();
  /** Ids of channel messages the bot posted over REST, in order. */
  readonly botMessageIds: string[] = [];
  readonly globalCommands: ApiCommand[] = [];
  readonly guildCommands = new Map<string, ApiCommand[]>();
  readonly requests: RecordedRequest[] = [];

  constructor(
    readonly options: ResolvedOptions,
    readonly ids: SnowflakeFactory,
    readonly world: World,
    readonly signal: ChangeSignal,
    readonly gateway: Gateway,
  ) {}

  get appId(): string {
    return this.world.bot.id;
  }

  isKnownRole = (id: string): boolean => this.world.guilds.some((g) => g.roles.some((r) => r.id === id));
  isKnownUser = (id: string): boolean => findUser(this.world, id) !== undefined;

  guildOf(channelId: string): string | undefined {
    return this.world.channels.get(channelId)?.guild_id;
  }

  requireChannel(channelId: string): void {
    if (!findChannel(this.world, channelId)) throw Errors.unknownChannel();
  }

  /** Validates a create payload like Discord and stores the resulting message. */
  createMessage(origin: MessageOrigin, body: MessageBody): EmuMessage {
    validateMessageBody(body);
    validateAllowedMentions(body.allowed_mentions);
    // The bot uploads no files (uploads are refused in http.ts): a message has no attachments.
    const attachments: EmuAttachment[] = [];
    const reference = body.message_reference;
    let replied: EmuMessage | undefined;
    if (reference?.message_id && (reference.type ?? 0) === 0) {
      replied = this.messages.get(reference.message_id);
      if (!replied && reference.fail_if_not_exists !== false) {
        throw new ApiError(400, 50035, 'Invalid Form Body', {
          message_reference: {
            _errors: [{ code: 'MESSAGE_REFERENCE_UNKNOWN_MESSAGE', message: 'Unknown message' }],
          },
        });
      }
    }
    const content = body.content ?? '';
    const draft = {
      content,
      embeds: body.embeds ?? [],
      components: body.components ?? [],
      attachments,
      stickers: body.sticker_ids ?? [],
      poll: body.poll,
    };
    assertNotEmpty(draft);
    const id = this.ids.next();
    const guildId = this.guildOf(origin.channelId);
    const pinged = evaluateMentions({
      content,
      allowedMentions: body.allowed_mentions,
      source: origin.source,
      repliedUserId: replied?.author.id,
      isKnownUser: this.isKnownUser,
      isKnownRole: this.isKnownRole,
    });
    const message: EmuMessage = {
      id,
      channel_id: origin.channelId,
      author: origin.author,
      content,
      embeds: draft.embeds,
      components: draft.components,
      attachments,
      flags: body.flags ?? 0,
      type: origin.type ?? (replied ? 19 : 0),
      timestamp: timestampOf(id),
      edited_timestamp: null,
      allowed_mentions: body.allowed_mentions,
      ...pinged,
      tts: body.tts ?? false,
      deleted: false,
      raw: body,
    };
    if (guildId) message.guild_id = guildId;
    if (replied) {
      message.message_reference = {
        type: 0,
        message_id: replied.id,
        channel_id: replied.channel_id,
        ...(replied.guild_id ? { guild_id: replied.guild_id } : {}),
      };
    }
    if (origin.interactionId) message.interaction_id = origin.interactionId;
    if (origin.interactionMetadata) message.interaction_metadata = origin.interactionMetadata;
    this.messages.set(id, message);
    const channel = findChannel(this.world, origin.channelId);
    if (channel) channel.last_message_id = id;
    return message;
  }

  /** Applies an edit payload (PATCH message / @original / update callback) in place. */
  editMessage(message: EmuMessage, body: MessageBody, source: MentionSource): EmuMessage {
    const merged = {
      content: body.content ?? message.content,
      embeds: body.embeds ?? message.embeds,
      components: body.components ?? message.components,
      // Ephemeral/loading state is fixed by the response type, not by the edit.
      flags: body.flags === undefined ? message.flags : (body.flags & ~64) | (message.flags & 64),
    };
    validateMessageBody(merged);
    validateAllowedMentions(body.allowed_mentions);
    // An edit can only keep or drop attachments, and the bot's messages have none.
    const attachments = body.attachments?.length === 0 ? [] : message.attachments;
    assertNotEmpty({ ...merged, attachments });
    const allowed = body.allowed_mentions ?? message.allowed_mentions;
    const repliedId = message.message_reference?.message_id;
    const pinged = evaluateMentions({
      content: merged.content,
      allowedMentions: allowed,
      source,
      repliedUserId: repliedId ? this.messages.get(repliedId)?.author.id : undefined,
      isKnownUser: this.isKnownUser,
      isKnownRole: this.isKnownRole,
    });
    Object.assign(message, merged, pinged, {
      // The loading flag disappears once the deferred response gets real content.
      flags: merged.flags & ~128,
      attachments,
      allowed_mentions: allowed,
      edited_timestamp: new Date().toISOString(),
      raw: body,
    });
    return message;
  }

  apiUser(user: EmuUser): Record<string, unknown> {
    return {
      ...user,
      public_flags: 0,
      flags: 0,
      banner: null,
      accent_color: null,
      avatar_decoration_data: null,
    };
  }

  /** The message object as Discord's API returns it (REST responses and gateway payloads). */
  toApiMessage(
    message: EmuMessage,
    opts: { member?: boolean; nested?: boolean } = {},
  ): Record<string, unknown> {
    const guildId = message.guild_id;
    const withMember = opts.member === true && guildId !== undefined;
    const api: Record<string, unknown> = {
      id: message.id,
      channel_id: message.channel_id,
      ...(guildId ? { guild_id: guildId } : {}),
      author: this.apiUser(message.author),
      content: message.content,
      timestamp: message.timestamp,
      edited_timestamp: message.edited_timestamp,
      tts: message.tts,
      mention_everyone: message.mention_everyone,
      mentions: message.mentions.flatMap((id) => {
        const u = findUser(this.world, id);
        if (!u) return [];
        return [
          {
            ...this.apiUser(u),
            ...(withMember ? { member: memberPayload(this.world, id, false, guildId) } : {}),
          },
        ];
      }),
      mention_roles: message.mention_roles,
      attachments: message.attachments,
      embeds: message.embeds,
      components: message.components,
      pinned: false,
      type: message.type,
      flags: message.flags,
    };
    if (withMember) api.member = memberPayload(this.world, message.author.id, false, guildId);
    if (message.author.id === this.appId && message.interaction_id) {
      api.application_id = this.appId;
      api.webhook_id = this.appId;
      if (message.interaction_metadata) api.interaction_metadata = message.interaction_metadata;
    }
    if (message.message_reference) {
      api.message_reference = message.message_reference;
      if (!opts.nested) {
        const ref = message.message_reference.message_id;
        const referenced = ref ? this.messages.get(ref) : undefined;
        api.referenced_message =
          referenced && !referenced.deleted ? this.toApiMessage(referenced, { nested: true }) : null;
      }
    }
    return api;
  }

  /** Message events obey intents: GuildMessages / DirectMessages, and MessageContent redaction. */
  private messageEventFor(session: Session, message: EmuMessage): Record<string, unknown> | undefined {
    const isDm = message.guild_id === undefined;
    if (!(session.intents & (isDm ? Intent.DirectMessages : Intent.GuildMessages))) return undefined;
    const api = this.toApiMessage(message, { member: true });
    // discord.js needs channel_type to build an uncached (partial) DM channel; without it DMs are dropped.
    const channel = findChannel(this.world, message.channel_id);
    if (channel) api.channel_type = channel.type;
    const contentVisible =
      session.intents & Intent.MessageContent ||
      isDm ||
      message.author.id === this.appId ||
      message.mentions.includes(this.appId);
    if (!contentVisible) {
      Object.assign(api, { content: '', embeds: [], attachments: [], components: [] });
      delete api.poll;
    }
    return api;
  }

  dispatchMessage(event: 'MESSAGE_CREATE' | 'MESSAGE_UPDATE', message: EmuMessage): Promise<void> {
    return this.gateway.dispatch(event, message.guild_id, (session) =>
      this.messageEventFor(session, message),
    );
  }

  dispatchMessageDelete(message: EmuMessage): Promise<void> {
    const isDm = message.guild_id === undefined;
    return this.gateway.dispatch('MESSAGE_DELETE', message.guild_id, (session) =>
      session.intents & (isDm ? Intent.DirectMessages : Intent.GuildMessages)
        ? { id: message.id, channel_id: message.channel_id, ...(isDm ? {} : { guild_id: message.guild_id }) }
        : undefined,
    );
  }
}
