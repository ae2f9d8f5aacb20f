import { formError } from './errors.ts';
import type { EmulatorState } from './state.ts';
import type { ApiCommand } from './types.ts';

/** Chat-input command and option names: lowercase, 1–32 chars, letters/digits/-/_ (application-commands.mdx). */
const NAME_RE = /^[-_'\p{L}\p{N}\p{sc=Deva}\p{sc=Thai}]{1,32}$/u;

interface RawOption {
  type?: number;
  name?: unknown;
  description?: unknown;
  required?: boolean;
  choices?: unknown[];
  autocomplete?: boolean;
  options?: RawOption[];
}

function checkName(path: Array<string | number>, name: unknown, chatInput: boolean): void {
  const ok =
    typeof name === 'string' &&
    (chatInput ? NAME_RE.test(name) && name === name.toLowerCase() : name.length >= 1 && name.length <= 32);
  if (!ok) throw formError([...path, 'name'], 'APPLICATION_COMMAND_INVALID_NAME', `Command name is invalid`);
}

function checkDescription(path: Array<string | number>, description: unknown): void {
  if (typeof description !== 'string' || description.length < 1 || description.length > 100) {
    throw formError([...path, 'description'], 'BASE_TYPE_BAD_LENGTH', 'Must be between 1 and 100 in length.');
  }
}

function checkOptions(path: Array<string | number>, options: RawOption[] | undefined): void {
  if (!options) return;
  if (options.length > 25)
    throw formError([...path, 'options'], 'BASE_TYPE_MAX_LENGTH', 'Must be 25 or fewer in length.');
  const names = new Set<string>();
  let sawOptional = false;
  options.forEach((option, i) => {
    const at = [...path, 'options', i];
    checkName(at, option.name, true);
    checkDescription(at, option.description);
    if (names.has(String(option.name))) {
      throw formError(
        [...at, 'name'],
        'APPLICATION_COMMAND_OPTIONS_NAME_ALREADY_EXISTS',
        'Option names must be unique',
      );
    }
    names.add(String(option.name));
    if (option.required && sawOptional) {
      throw formError(
        at,
        'APPLICATION_COMMAND_OPTIONS_REQUIRED_INVALID',
        'Required options must be placed before non-required options',
      );
    }
    if (!option.required) sawOptional = true;
    if ((option.choices?.length ?? 0) > 25) {
      throw formError([...at, 'choices'], 'BASE_TYPE_MAX_LENGTH', 'Must be 25 or fewer in length.');
    }
    if (option.autocomplete && (option.choices?.length ?? 0) > 0) {
      throw formError(
        [...at, 'autocomplete'],
        'AUTOCOMPLETE_CHOICES_MUTUALLY_EXCLUSIVE',
        'Autocomplete cannot be set with choices',
      );
    }
    // Subcommands (1) and groups (2) nest further options.
    if (option.type === 1 || option.type === 2) checkOptions(at, option.options);
  });
}

/** Validates one command like Discord and returns the stored form (ids kept for unchanged names). */
export function toStoredCommand(
  state: EmulatorState,
  raw: unknown,
  index: number | undefined,
  existing: ApiCommand[],
  guildId: string | undefined,
): ApiCommand {
  const body = (raw ?? {}) as Record<string, unknown>;
  const type = typeof body.type === 'number' ? body.type : 1;
  const path = index === undefined ? [] : [index];
  checkName(path, body.name, type === 1);
  if (type === 1) checkDescription(path, body.description);
  checkOptions(path, body.options as RawOption[] | undefined);
  const name = String(body.name);
  const previous = existing.find((c) => c.name === name && c.type === type);
  const command: ApiCommand = {
    name_localizations: null,
    description_localizations: null,
    default_member_permissions: null,
    nsfw: false,
    contexts: null,
    integration_types: [0],
    ...body,
    id: previous?.id ?? state.ids.next(),
    application_id: state.appId,
    version: state.ids.next(),
    type,
    name,
    description: typeof body.description === 'string' ? body.description : '',
  };
  if (guildId) command.guild_id = guildId;
  return command;
}

/** PUT bulk overwrite: the new list replaces the old; ≤100 chat-input, ≤15 user, ≤15 message commands. */
export function bulkOverwrite(
  state: EmulatorState,
  body: unknown,
  existing: ApiCommand[],
  guildId: string | undefined,
): ApiCommand[] {
  if (!Array.isArray(body))
    throw formError([], 'LIST_TYPE_CONVERT', 'Only iterables may be used in a ListType');
  const commands = body.map((raw, i) => toStoredCommand(state, raw, i, existing, guildId));
  const seen = new Set<string>();
  commands.forEach((c, i) => {
    const key = `${c.type}:${c.name}`;
    if (seen.has(key)) {
      throw formError(
        [i, 'name'],
        'APPLICATION_COMMANDS_DUPLICATE_NAME',
        `Application command names must be unique`,
      );
    }
    seen.add(key);
  });
  const count = (type: number): number => commands.filter((c) => c.type === type).length;
  if (count(1) > 100 || count(2) > 15 || count(3) > 15) {
    throw formError([], 'BASE_TYPE_MAX_LENGTH', 'Too many application commands');
  }
  return commands;
}
