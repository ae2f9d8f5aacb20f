import { randomBytes } from 'node:crypto';
import { ApiError, Errors, formError } from './errors.ts';
import { dmChannelFor, findUser, guildFixture, memberPayload, permissionsOf } from './fixtures.ts';
import { type CallbackData, EmuInteraction, type InteractionContext } from './interaction.ts';
import { validateChoices } from './limits.ts';
import { timestampOf } from './snowflake.ts';
import type { EmulatorState, MessageBody } from './state.ts';
import type { ApiCommand, ApiOption, EmuMessage, EmuUser } from './types.ts';

/** Callback types each interaction type accepts (receiving-and-responding.mdx). */
// Modals (callback 9, modal-submit interactions) are not emulated: the bot shows none.
const ALLOWED_CALLBACKS: Record<number, number[]> = {
  2: [4, 5],
  3: [4, 5, 6, 7],
  4: [8],
};

const EPHEMERAL = 64;
const LOADING = 128;

export interface StartInteraction {
  type: number;
  user: EmuUser;
  channelId?: string | undefined;
  dm?: boolean | undefined;
  data: Record<string, unknown>;
  /** Message the component sits on (component interactions). */
  message?: EmuMessage;
  responseType: number;
}

export interface Reply {
  status: number;
  body?: unknown;
}

/** Creates interactions, sends INTERACTION_CREATE, and serves the callback and webhook routes. */
export class InteractionHub {
  private readonly byId = new Map<string, EmuInteraction>();
  private readonly byToken = new Map<string, EmuInteraction>();
  /** Stable ids for commands that were never registered, so repeated runs look consistent. */
  private readonly unregisteredCommandIds = new Map<string, string>();

  constructor(private readonly state: EmulatorState) {}

  all(): EmuInteraction[] {
    return [...this.byId.values()];
  }

  /** The registered command a user would see: guild commands shadow global ones. */
  findCommand(name: string, type: number, guildId: string | undefined): ApiCommand | undefined {
    const guildCommand = guildId
      ? this.state.guildCommands.get(guildId)?.find((c) => c.name === name && c.type === type)
      : undefined;
    return guildCommand ?? this.state.globalCommands.find((c) => c.name === name && c.type === type);
  }

  commandId(name: string, type: number, guildId: string | undefined): { id: string; guildId?: string } {
    const command = this.findCommand(name, type, guildId);
    if (command) return command.guild_id ? { id: command.id, guildId: command.guild_id } : { id: command.id };
    const key = `${type}:${name}`;
    let id = this.unregisteredCommandIds.get(key);
    if (!id) {
      id = this.state.ids.next();
      this.unregisteredCommandIds.set(key, id);
    }
    return { id };
  }

  /** Fills `resolved` for user/channel/role/mentionable options, which discord.js reads for getUser() etc. */
  resolveOptions(
    options: ApiOption[] | undefined,
    guildId: string | undefined,
  ): Record<string, unknown> | undefined {
    const { world } = this.state;
    const resolved: Record<string, Record<string, unknown>> = {};
    const put = (kind: string, id: string, value: unknown): void => {
      resolved[kind] ??= {};
      (resolved[kind] as Record<string, unknown>)[id] = value;
    };
    const walk = (list: ApiOption[]): void => {
      for (const option of list) {
        if (option.options) walk(option.options);
        const id = typeof option.value === 'string' ? option.value : undefined;
        if (!id) continue;
        const user = findUser(world, id);
        const role = guildFixture(world, guildId).roles.find((r) => r.id === id);
        const channel = world.channels.get(id);
        if ((option.type === 6 || option.type === 9) && user) {
          put('users', id, this.state.apiUser(user));
          if (guildId) {
            put('members', id, {
              ...memberPayload(world, id, false, guildId),
              permissions: permissionsOf(world, id, guildId).toString(),
            });
          }
        }
        if ((option.type === 8 || option.type === 9) && role) put('roles', id, role);
        if (option.type === 7 && channel) {
          put('channels', id, {
            id,
            name: channel.name,
            type: channel.type,
            permissions: permissionsOf(world, world.bot.id, guildId).toString(),
          });
        }
      }
    };
    walk(options ?? []);
    return Object.keys(resolved).length ? resolved : undefined;
  }

  /** Builds INTERACTION_CREATE with every field discord.js dereferences, and dispatches it. */
  async start(input: StartInteraction): Promise<EmuInteraction> {
    const { state } = this;
    const { world } = state;
    const dmChannel = input.dm ? dmChannelFor(world, state.ids, input.user.id) : undefined;
    const channelId = dmChannel?.id ?? input.channelId ?? world.channelIds.general;
    state.requireChannel(channelId);
    const guildId = dmChannel ? undefined : state.guildOf(channelId);
    const id = state.ids.next();
    // Shaped like Discord's: base64url of 'interaction:<id>:<secret>'.
    const token = Buffer.from(`interaction:${id}:${randomBytes(48).toString('base64url')}`).toString(
      'base64url',
    );
    const context: InteractionContext = {
      user: input.user,
      channelId,
      guildId,
      responseType: input.responseType,
    };
    if (input.message) context.componentMessageId = input.message.id;
    if (typeof input.data.name === 'string') context.commandName = input.data.name;
    if (typeof input.data.type === 'number') context.commandType = input.data.type;
    const interaction = new EmuInteraction(id, token, input.type, Date.now(), context, state.signal);
    this.byId.set(id, interaction);
    this.byToken.set(token, interaction);

    const channel = dmChannel ?? world.channels.get(channelId);
    const payload: Record<string, unknown> = {
      id,
      application_id: state.appId,
      type: input.type,
      data: input.data,
      token,
      version: 1,
      channel: {
        ...channel,
        ...(dmChannel ? {} : { permissions: permissionsOf(world, input.user.id, guildId).toString() }),
      },
      channel_id: channelId,
      app_permissions: permissionsOf(world, world.bot.id, guildId).toString(),
      locale: 'en-US',
      // discord.js reduces over these; without them the interaction constructor throws.
      entitlements: [],
      authorizing_integration_owners: {},
      context: dmChannel ? 1 : 0,
      attachment_size_limit: 10 * 1024 * 1024,
    };
    if (guildId) {
      payload.guild_id = guildId;
      payload.guild_locale = 'en-US';
      payload.guild = { id: guildId, locale: 'en-US', features: [] };
      payload.member = {
        ...memberPayload(world, input.user.id, true, guildId),
        permissions: permissionsOf(world, input.user.id, guildId).toString(),
      };
    } else {
      payload.user = state.apiUser(input.user);
    }
    if (input.message) payload.message = state.toApiMessage(input.message);
    await state.gateway.dispatch('INTERACTION_CREATE', guildId, () => payload);
    state.signal.notify();
    return interaction;
  }

  private reject(
    interaction: EmuInteraction | undefined,
    type: number,
    data: CallbackData,
    error: ApiError,
  ): never {
    interaction?.rejectedCallbacks.push({ type, data, status: error.status, code: error.code, error });
    this.state.signal.notify();
    throw error;
  }

  /** POST /interactions/{id}/{token}/callback */
  handleCallback(id: string, token: string, body: unknown, query: Record<string, string>): Reply {
    const { state } = this;
    const interaction = this.byId.get(id);
    const { type, data: rawData } = (body ?? {}) as { type?: unknown; data?: unknown };
    const data = (rawData ?? {}) as CallbackData;
    const callbackType = typeof type === 'number' ? type : -1;
    if (!interaction || interaction.token !== token) throw Errors.unknownInteraction();
    if (interaction.acknowledged) this.reject(interaction, callbackType, data, Errors.alreadyAcknowledged());
    // Past the 3 s window Discord has already invalidated the interaction.
    if (Date.now() - interaction.createdAt > state.options.ackDeadlineMs) {
      this.reject(interaction, callbackType, data, Errors.unknownInteraction());
    }
    if (callbackType === 9) {
      this.reject(
        interaction,
        callbackType,
        data,
        formError(
          ['type'],
          'NOT_EMULATED',
          'Modals are not emulated: the bot shows none (tests/discord/emulator)',
        ),
      );
    }
    if (!ALLOWED_CALLBACKS[interaction.type]?.includes(callbackType)) {
      this.reject(
        interaction,
        callbackType,
        data,
        formError(
          ['type'],
          'INTERACTION_RESPONSE_TYPE_INVALID',
          'Interaction response type is invalid for this interaction',
        ),
      );
    }
    try {
      this.applyCallback(interaction, callbackType, data);
    } catch (error) {
      if (error instanceof ApiError) this.reject(interaction, callbackType, data, error);
      throw error;
    }
    interaction.callbacks.push({ type: callbackType, data });
    state.signal.notify();
    if (query.with_response !== 'true') return { status: 204 };
    const original = interaction.original;
    const hasMessage =
      original !== undefined && (callbackType === 4 || callbackType === 5 || callbackType === 7);
    return {
      status: 200,
      body: {
        interaction: {
          id: interaction.id,
          type: interaction.type,
          activity_instance_id: null,
          response_message_id: hasMessage ? original.id : null,
          response_message_loading: callbackType === 5,
          response_message_ephemeral: hasMessage ? (original.flags & EPHEMERAL) !== 0 : false,
        },
        resource: { type: callbackType, ...(hasMessage ? { message: state.toApiMessage(original) } : {}) },
      },
    };
  }

  /** Discord's interaction_metadata: who triggered the response, and from which command or message. */
  private metadata(interaction: EmuInteraction, followup: boolean): Record<string, unknown> {
    const { context } = interaction;
    return {
      id: interaction.id,
      type: interaction.type,
      user: this.state.apiUser(context.user),
      authorizing_integration_owners: context.guildId ? { 0: context.guildId } : { 1: context.user.id },
      ...(context.commandName ? { name: context.commandName, command_type: context.commandType } : {}),
      ...(context.componentMessageId ? { interacted_message_id: context.componentMessageId } : {}),
      ...(followup && interaction.original ? { original_response_message_id: interaction.original.id } : {}),
    };
  }

  private origin(interaction: EmuInteraction, followup = false) {
    const { context } = interaction;
    return {
      channelId: context.channelId,
      author: this.state.world.bot,
      source: 'interaction' as const,
      type: context.responseType,
      interactionId: interaction.id,
      interactionMetadata: this.metadata(interaction, followup),
    };
  }

  private componentMessage(interaction: EmuInteraction): EmuMessage {
    const id = interaction.context.componentMessageId;
    const message = id ? this.state.messages.get(id) : undefined;
    if (!message) throw Errors.unknownMessage();
    return message;
  }

  private announce(message: EmuMessage, event: 'MESSAGE_CREATE' | 'MESSAGE_UPDATE'): void {
    // Ephemeral messages exist only for the invoking user; no gateway event.
    if (!(message.flags & EPHEMERAL)) void this.state.dispatchMessage(event, message);
  }

  private applyCallback(interaction: EmuInteraction, type: number, data: CallbackData): void {
    const { state } = this;
    switch (type) {
      case 4: {
        const message = state.createMessage(this.origin(interaction), data as MessageBody);
        interaction.original = message;
        interaction.markVisible(message);
        this.announce(message, 'MESSAGE_CREATE');
        return;
      }
      case 5: {
        // The "Bot is thinking…" placeholder; @original edits fill it in.
        const id = state.ids.next();
        const placeholder: EmuMessage = {
          id,
          channel_id: interaction.context.channelId,
          author: state.world.bot,
          content: '',
          embeds: [],
          components: [],
          attachments: [],
          flags: ((data.flags ?? 0) & EPHEMERAL) | LOADING,
          type: interaction.context.responseType,
          timestamp: timestampOf(id),
          edited_timestamp: null,
          allowed_mentions: undefined,
          mention_everyone: false,
          mentions: [],
          mention_roles: [],
          interaction_id: interaction.id,
          interaction_metadata: this.metadata(interaction, false),
          tts: false,
          deleted: false,
          raw: data,
        };
        if (interaction.context.guildId) placeholder.guild_id = interaction.context.guildId;
        state.messages.set(id, placeholder);
        interaction.original = placeholder;
        this.announce(placeholder, 'MESSAGE_CREATE');
        return;
      }
      case 6:
        interaction.original = this.componentMessage(interaction);
        return;
      case 7: {
        const message = this.componentMessage(interaction);
        state.editMessage(message, data as MessageBody, 'interaction');
        interaction.original = message;
        interaction.markVisible(message);
        this.announce(message, 'MESSAGE_UPDATE');
        return;
      }
      case 8:
        interaction.choices = validateChoices(data.choices);
        return;
    }
  }

  /** Looks up the interaction behind a webhook token; tokens live 15 minutes and need an ack first. */
  private forWebhook(appId: string, token: string): EmuInteraction {
    const interaction = this.byToken.get(token);
    if (!interaction || appId !== this.state.appId) throw Errors.unknownWebhook();
    if (Date.now() - interaction.createdAt > this.state.options.interactionTokenLifetimeMs) {
      throw Errors.invalidWebhookToken();
    }
    if (!interaction.acknowledged) throw Errors.unknownWebhook();
    return interaction;
  }

  /** /webhooks/{app}/{token}[/messages/{id|@original}] */
  handleWebhook(
    method: string,
    appId: string,
    token: string,
    messageId: string | undefined,
    body: unknown,
    query: Record<string, string>,
  ): Reply {
    const { state } = this;
    const interaction = this.forWebhook(appId, token);
    const payload = (body ?? {}) as MessageBody;
    if (messageId === undefined) {
      if (method !== 'POST') throw Errors.methodNotAllowed();
      return this.followup(interaction, payload, query);
    }
    const message =
      messageId === '@original'
        ? interaction.original
        : (interaction.followups.find((m) => m.id === messageId) ??
          (interaction.original?.id === messageId ? interaction.original : undefined));
    if (!message || message.deleted) throw Errors.unknownMessage();
    switch (method) {
      case 'GET':
        return { status: 200, body: state.toApiMessage(message) };
      case 'PATCH': {
        state.editMessage(message, payload, 'interaction');
        if (message === interaction.original) interaction.markVisible(message);
        this.announce(message, 'MESSAGE_UPDATE');
        state.signal.notify();
        return { status: 200, body: state.toApiMessage(message) };
      }
      case 'DELETE': {
        message.deleted = true;
        if (message === interaction.original) interaction.deleted = true;
        if (!(message.flags & EPHEMERAL)) void state.dispatchMessageDelete(message);
        state.signal.notify();
        return { status: 204 };
      }
      default:
        throw Errors.methodNotAllowed();
    }
  }

  private followup(interaction: EmuInteraction, payload: MessageBody, query: Record<string, string>): Reply {
    const { state } = this;
    const original = interaction.original;
    let message: EmuMessage;
    if (interaction.ackType === 5 && original && original.flags & LOADING && !original.deleted) {
      // Discord turns the first follow-up after a deferReply into the deferred response itself.
      // Its ephemerality was fixed by the defer; the follow-up's own ephemeral flag is ignored.
      const flags = ((payload.flags ?? 0) & ~EPHEMERAL) | (original.flags & EPHEMERAL);
      message = state.editMessage(original, { ...payload, flags }, 'interaction');
      interaction.markVisible(message);
      this.announce(message, 'MESSAGE_UPDATE');
    } else {
      message = state.createMessage(this.origin(interaction, true), payload);
      this.announce(message, 'MESSAGE_CREATE');
    }
    interaction.addFollowup(message);
    // Like Discord, the message is only returned with ?wait=true (discord.js always sets it).
    return query.wait === 'true' ? { status: 200, body: state.toApiMessage(message) } : { status: 204 };
  }
}
