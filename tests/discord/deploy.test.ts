import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { COMMANDS } from '../../src/discord/commands/index.ts';
import { buildCommandPayloads, runDeploy } from '../../src/discord/deploy.ts';
import { BUILD_TIMEOUT_MS, compiled, ensureBuilt } from '../compiled.ts';
import { runNode } from '../runProcess.ts';
import { DiscordEmulator } from './emulator/index.ts';

let emu: DiscordEmulator;
beforeAll(async () => {
  ensureBuilt();
  emu = await DiscordEmulator.start();
}, BUILD_TIMEOUT_MS);
afterAll(async () => {
  await emu?.close();
});

describe('deploy', () => {
  it('builds one valid payload per registry entry, with unique names', () => {
    const payloads = buildCommandPayloads();
    expect(payloads).toHaveLength(COMMANDS.length);
    expect(new Set(payloads.map((p) => p.name)).size).toBe(payloads.length);
  });

  // The entry point as `npm run deploy` runs it (one fresh process); --global and the usage error
  // run the same function in this process.
  it('npm run deploy -- --guild <id> and --global register the same registry', async () => {
    const env = { DISCORD_TOKEN: emu.token, DISCORD_API_BASE: emu.apiBase };
    const guild = await runNode([compiled('discord/deploy.js'), '--guild', emu.guildId], { env });
    expect(guild.stderr).toBe('');
    expect(guild.code).toBe(0);
    expect(guild.stdout).toContain(`Registered ${COMMANDS.length} commands (guild ${emu.guildId})`);
    const global = await runDeploy(['--global'], { ...env, DISCORD_CLIENT_ID: emu.appId });
    expect(global.exitCode).toBe(0);
    expect(global.stdout).toBe(`Registered ${COMMANDS.length} commands (global).\n`);
    const names = COMMANDS.map((c) => c.data.name).sort();
    expect(
      emu
        .registeredCommands(emu.guildId)
        .map((c) => c.name)
        .sort(),
    ).toEqual(names);
    expect(
      emu
        .registeredCommands()
        .map((c) => c.name)
        .sort(),
    ).toEqual(names);
    for (const run of [guild, global]) expect(run.stdout + run.stderr).not.toContain(emu.token);
  }, 20_000);

  it('explains usage without a target', async () => {
    const result = await runDeploy([], { DISCORD_TOKEN: emu.token, DISCORD_API_BASE: emu.apiBase });
    expect(result.exitCode).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr).toContain('--guild');
  });

  it('refuses a guild that is not a Discord id, and a missing token, without calling Discord', async () => {
    const requestsBefore = emu.requests.length;
    const badGuild = await runDeploy(['--guild', 'my-server'], {
      DISCORD_TOKEN: emu.token,
      DISCORD_API_BASE: emu.apiBase,
    });
    expect(badGuild.exitCode).toBe(2);
    expect(badGuild.stderr).toContain('--guild must be a Discord id (17 to 20 digits)');
    const noToken = await runDeploy(['--global'], { DISCORD_API_BASE: emu.apiBase });
    expect(noToken.exitCode).toBe(1);
    expect(noToken.stderr).toContain('DISCORD_TOKEN');
    expect(emu.requests.length).toBe(requestsBefore);
  });
});
