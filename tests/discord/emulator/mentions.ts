import type { APIAllowedMentions } from 'discord.js';
import { formError } from './errors.ts';

export type MentionSource = 'message' | 'interaction';

export interface MentionInput {
  content: string;
  /** `allowed_mentions` as sent; undefined when the payload had none. */
  allowedMentions: APIAllowedMentions | undefined;
  /**
   * Regular channel messages default to parsing users, roles and everyone; interaction responses and
   * webhooks (follow-ups, @original edits) default to users only (message.mdx "Allowed Mentions").
   */
  source: MentionSource;
  /** Author of the message being replied to, if this is a reply. */
  repliedUserId?: string | undefined;
  isKnownUser: (id: string) => boolean;
  isKnownRole: (id: string) => boolean;
}

export interface MentionResult {
  mention_everyone: boolean;
  mentions: string[];
  mention_roles: string[];
}

const USER_RE = /<@!?(\d{17,20})>/g;
const ROLE_RE = /<@&(\d{17,20})>/g;
const EVERYONE_RE = /@(everyone|here)/;

function idsIn(content: string, re: RegExp): string[] {
  return [...new Set([...content.matchAll(re)].map((m) => m[1] ?? ''))].filter(Boolean);
}

/** Rejects the combinations Discord rejects: `parse: ['users']` together with an explicit `users` list, etc. */
export function validateAllowedMentions(am: unknown): void {
  if (am === undefined || am === null) return;
  if (typeof am !== 'object')
    throw formError(
      ['allowed_mentions'],
      'MODEL_TYPE_CONVERT',
      'Only dictionaries may be used in a ModelType',
    );
  const { parse, users, roles } = am as APIAllowedMentions;
  if (parse !== undefined && !Array.isArray(parse)) {
    throw formError(
      ['allowed_mentions', 'parse'],
      'LIST_TYPE_CONVERT',
      'Only iterables may be used in a ListType',
    );
  }
  for (const kind of parse ?? []) {
    if (kind !== 'users' && kind !== 'roles' && kind !== 'everyone') {
      throw formError(
        ['allowed_mentions', 'parse'],
        'ENUM_TYPE_COERCE',
        `Value "${String(kind)}" is not a valid enum value.`,
      );
    }
  }
  if (parse?.includes('users' as never) && (users?.length ?? 0) > 0) {
    throw formError(
      ['allowed_mentions'],
      'MESSAGE_ALLOWED_MENTIONS_PARSE_EXCLUSIVE',
      'parse:["users"] and users: [ids...] are mutually exclusive.',
    );
  }
  if (parse?.includes('roles' as never) && (roles?.length ?? 0) > 0) {
    throw formError(
      ['allowed_mentions'],
      'MESSAGE_ALLOWED_MENTIONS_PARSE_EXCLUSIVE',
      'parse:["roles"] and roles: [ids...] are mutually exclusive.',
    );
  }
  if ((users?.length ?? 0) > 100 || (roles?.length ?? 0) > 100) {
    throw formError(['allowed_mentions'], 'BASE_TYPE_MAX_LENGTH', 'Must be 100 or fewer in length.');
  }
}

/** Computes who actually gets pinged, the way Discord evaluates `allowed_mentions`. */
export function evaluateMentions(input: MentionInput): MentionResult {
  const am = input.allowedMentions;
  const parse: string[] = am
    ? [...(am.parse ?? [])]
    : input.source === 'message'
      ? ['users', 'roles', 'everyone']
      : ['users'];
  const allowUsers = new Set(am?.users ?? []);
  const allowRoles = new Set(am?.roles ?? []);

  const mentions = idsIn(input.content, USER_RE).filter(
    (id) => input.isKnownUser(id) && (parse.includes('users') || allowUsers.has(id)),
  );
  // Replies ping the replied-to author unless allowed_mentions says replied_user: false (its default once present).
  const pingReplied = am ? am.replied_user === true : input.source === 'message';
  if (input.repliedUserId && pingReplied && !mentions.includes(input.repliedUserId)) {
    mentions.push(input.repliedUserId);
  }
  const mention_roles = idsIn(input.content, ROLE_RE).filter(
    (id) => input.isKnownRole(id) && (parse.includes('roles') || allowRoles.has(id)),
  );
  const mention_everyone = parse.includes('everyone') && EVERYONE_RE.test(input.content);
  return { mention_everyone, mentions, mention_roles };
}
