import type { ApiCommand, ApiOption } from './types.ts';

/** Option definition as registered (subset of APIApplicationCommandOption). */
interface DefinedOption {
  type: number;
  name: string;
  required?: boolean;
  autocomplete?: boolean;
  choices?: Array<{ name: string; value: string | number }>;
  options?: DefinedOption[];
}

const SUBCOMMAND = 1;
const GROUP = 2;
const ADMINISTRATOR = 1n << 3n;

function checkLevel(defined: DefinedOption[], sent: ApiOption[], path: string, autocomplete: boolean): void {
  for (const option of sent) {
    const definition = defined.find((d) => d.name === option.name);
    if (!definition) throw new Error(`option '${path}${option.name}' is not registered`);
    if (definition.type !== option.type) {
      throw new Error(
        `option '${path}${option.name}' has type ${option.type}, registered as ${definition.type}`,
      );
    }
    if (option.type === SUBCOMMAND || option.type === GROUP) {
      checkLevel(definition.options ?? [], option.options ?? [], `${path}${option.name} `, autocomplete);
      continue;
    }
    if (option.focused) {
      if (!autocomplete) throw new Error(`option '${path}${option.name}' is focused outside autocomplete`);
      if (!definition.autocomplete) throw new Error(`option '${path}${option.name}' has no autocomplete`);
      continue;
    }
    if (definition.choices?.length && !definition.choices.some((c) => c.value === option.value)) {
      throw new Error(
        `option '${path}${option.name}' value ${String(option.value)} is not one of its choices`,
      );
    }
  }
  // Discord's client will not send a command with a required option missing (autocomplete may be partial).
  if (!autocomplete) {
    const missing = defined.filter(
      (d) => d.required && d.type !== SUBCOMMAND && d.type !== GROUP && !sent.some((o) => o.name === d.name),
    );
    if (missing.length)
      throw new Error(`required option(s) ${missing.map((m) => `'${path}${m.name}'`).join(', ')} missing`);
  }
  const hasSub = defined.some((d) => d.type === SUBCOMMAND || d.type === GROUP);
  if (hasSub && !sent.some((o) => o.type === SUBCOMMAND || o.type === GROUP)) {
    throw new Error(`a subcommand of '${path.trim() || 'the command'}' is required`);
  }
}

/**
 * With `strictCommands`, a simulated user can only do what Discord's client allows: run a registered
 * command that is available in the context, with the registered options, and only if the member has
 * the command's default_member_permissions. Throws a descriptive Error otherwise.
 */
export function checkInvocation(input: {
  command: ApiCommand | undefined;
  name: string;
  options: ApiOption[];
  autocomplete: boolean;
  dm: boolean;
  permissions: bigint;
}): void {
  const { command } = input;
  if (!command) throw new Error(`command '${input.name}' is not registered`);
  const contexts = command.contexts as number[] | null | undefined;
  if (input.dm) {
    if (command.guild_id) throw new Error(`guild command '${input.name}' cannot be used in DMs`);
    if (Array.isArray(contexts) ? !contexts.includes(1) : command.dm_permission === false) {
      throw new Error(`command '${input.name}' is not available in DMs`);
    }
  } else if (Array.isArray(contexts) && !contexts.includes(0)) {
    throw new Error(`command '${input.name}' is not available in guilds`);
  }
  const required = command.default_member_permissions;
  if (!input.dm && typeof required === 'string') {
    const bits = BigInt(required);
    // "0" hides the command from everyone but administrators.
    const allowed =
      bits === 0n ? (input.permissions & ADMINISTRATOR) !== 0n : (input.permissions & bits) === bits;
    if (!allowed)
      throw new Error(`command '${input.name}' needs permissions ${required}; the member lacks them`);
  }
  checkLevel((command.options ?? []) as DefinedOption[], input.options, '', input.autocomplete);
}
