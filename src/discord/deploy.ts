import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { type APIApplication, REST, type RESTPutAPIApplicationCommandsResult, Routes } from 'discord.js';
import { ConfigError, loadConfig } from '../config.ts';
import { COMMANDS } from './commands/index.ts';

export interface DeployOptions {
  token: string;
  apiBase: string;
  /** Read from GET /applications/@me when not given. */
  applicationId?: string;
  /** A guild registers instantly (development); none registers globally. */
  guildId?: string;
}

export function buildCommandPayloads() {
  return COMMANDS.map((command) => command.data.toJSON());
}

/** Registers the same command list the dispatcher uses, replacing what was there. */
export async function deployCommands(options: DeployOptions): Promise<{ count: number; scope: string }> {
  const rest = new REST({ api: options.apiBase, timeout: 15_000 }).setToken(options.token);
  const applicationId =
    options.applicationId ?? ((await rest.get(Routes.currentApplication())) as APIApplication).id;
  const route = options.guildId
    ? Routes.applicationGuildCommands(applicationId, options.guildId)
    : Routes.applicationCommands(applicationId);
  const result = (await rest.put(route, {
    body: buildCommandPayloads(),
  })) as RESTPutAPIApplicationCommandsResult;
  return { count: result.length, scope: options.guildId ? `guild ${options.guildId}` : 'global' };
}

const USAGE =
  'Usage: npm run deploy -- --guild <guild id>   (instant, for testing)\n       npm run deploy -- --global';

export interface DeployRun {
  exitCode: number;
  stdout: string;
  stderr: string;
}

/** `npm run deploy` on the given arguments and environment; what the entry point writes and its exit code. */
export async function runDeploy(argv: string[], env: NodeJS.ProcessEnv = process.env): Promise<DeployRun> {
  const failed = (exitCode: number, message: string): DeployRun => ({
    exitCode,
    stdout: '',
    stderr: `${message}\n`,
  });
  try {
    const { values } = parseArgs({
      args: argv,
      options: { guild: { type: 'string' }, global: { type: 'boolean', default: false } },
    });
    const config = loadConfig(env);
    if (!config.DISCORD_TOKEN) throw new ConfigError('DISCORD_TOKEN', 'is required to register commands');
    const guildId = values.guild ?? (values.global ? undefined : config.DEV_GUILD_ID);
    if (!values.global && !guildId) return failed(2, `Say where to register the commands.\n${USAGE}`);
    if (guildId && !/^\d{17,20}$/.test(guildId))
      return failed(2, `--guild must be a Discord id (17 to 20 digits).\n${USAGE}`);
    const { count, scope } = await deployCommands({
      token: config.DISCORD_TOKEN,
      apiBase: config.DISCORD_API_BASE,
      ...(config.DISCORD_CLIENT_ID ? { applicationId: config.DISCORD_CLIENT_ID } : {}),
      ...(guildId ? { guildId } : {}),
    });
    return { exitCode: 0, stdout: `Registered ${count} commands (${scope}).\n`, stderr: '' };
  } catch (error) {
    return failed(1, error instanceof Error ? error.message : String(error));
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const result = await runDeploy(process.argv.slice(2));
  process.stdout.write(result.stdout);
  process.stderr.write(result.stderr);
  // Done once the result is written, whatever the REST client still holds open.
  process.exit(result.exitCode);
}
