import type { APIAllowedMentions, APIEmbed } from 'discord.js';

/** A Discord user as the API sends it (the fixture users and the bot). */
export interface EmuUser {
  id: string;
  username: string;
  discriminator: string;
  global_name: string | null;
  avatar: string | null;
  bot: boolean;
}

/**
 * Raw application-command interaction option, as Discord sends it in `data.options`.
 * Deliberately loose (type is a plain number) so tests can write `{ name: 'q', type: 3, value: 'x' }`.
 */
export interface ApiOption {
  name: string;
  type: number;
  value?: string | number | boolean;
  options?: ApiOption[];
  focused?: boolean;
}

/** A registered application command as returned by PUT/GET .../commands. */
export interface ApiCommand {
  id: string;
  application_id: string;
  version: string;
  type: number;
  name: string;
  description: string;
  guild_id?: string;
  options?: unknown[];
  [key: string]: unknown;
}

/** Loose message component (action rows, buttons, selects, v2 components) for easy assertions. */
export interface ApiComponent {
  type: number;
  custom_id?: string;
  label?: string;
  style?: number;
  url?: string;
  disabled?: boolean;
  placeholder?: string;
  min_values?: number;
  max_values?: number;
  content?: string;
  options?: Array<{ label: string; value: string; description?: string; default?: boolean }>;
  components?: ApiComponent[];
  [key: string]: unknown;
}

export interface EmuAttachment {
  id: string;
  filename: string;
  size: number;
  content_type?: string;
  description?: string;
  url: string;
  proxy_url: string;
}

export interface EmuMessageReference {
  type?: number;
  message_id?: string;
  channel_id?: string;
  guild_id?: string;
  fail_if_not_exists?: boolean;
}

/** A message as the emulator stores it: what the bot (or a simulated user) posted, after Discord's processing. */
export interface EmuMessage {
  id: string;
  channel_id: string;
  guild_id?: string;
  author: EmuUser;
  content: string;
  embeds: APIEmbed[];
  components: ApiComponent[];
  attachments: EmuAttachment[];
  /** Message flags; 64 = ephemeral, 128 = loading (deferred interaction response). */
  flags: number;
  /** Message type: 0 default, 19 reply, 20 chat-input command response, 23 context-menu response. */
  type: number;
  timestamp: string;
  edited_timestamp: string | null;
  /** `allowed_mentions` exactly as sent by the bot, undefined when absent. */
  allowed_mentions: APIAllowedMentions | undefined;
  /** Whether @everyone/@here actually pinged, per Discord's allowed_mentions rules. */
  mention_everyone: boolean;
  /** Ids of users actually pinged, per Discord's allowed_mentions rules. */
  mentions: string[];
  /** Ids of roles actually pinged. */
  mention_roles: string[];
  message_reference?: EmuMessageReference;
  /** Set when this message is an interaction response or follow-up. */
  interaction_id?: string;
  /** Discord's `interaction_metadata` for interaction responses (who invoked what). */
  interaction_metadata?: Record<string, unknown>;
  tts: boolean;
  deleted: boolean;
  /** The request body (payload_json for multipart) the message was created from. */
  raw: unknown;
}

export interface RecordedRequest {
  method: string;
  /** Decoded path below the API version prefix, e.g. '/webhooks/1/tok/messages/@original'. */
  path: string;
  /** The raw request URL as received (still percent-encoded, with the /api/v10 prefix and query). */
  url: string;
  /** Parsed JSON body (payload_json for multipart), undefined when empty. */

  body: unknown;
  query: Record<string, string>;
  /** HTTP status the emulator answered with (0 until answered). */
  status: number;
  headers: Record<string, string | string[] | undefined>;
  /** Response body sent (parsed JSON), undefined for 204. */
  response?: unknown;
}
