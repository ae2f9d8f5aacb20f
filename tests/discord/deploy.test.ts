import { spawn } from 'node:child_process';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { COMMANDS } from '../../src/discord/commands/index.ts';
import { buildCommandPayloads } from '../../src/discord/deploy.ts';
import { BUILD_TIMEOUT_MS, compiled, ensureBuilt } from '../compiled.ts';
import { DiscordEmulator } from './emulator/index.ts';

const ROOT = resolve(fileURLToPath(new URL('../..', import.meta.url)));

function runDeploy(
  args: string[],
  env: Record<string, string>,
): Promise<{ code: number | null; output: string }> {
  return new Promise((done) => {
    const child = spawn(process.execPath, [compiled('discord/deploy.js'), ...args], {
      cwd: ROOT,
      env: { PATH: process.env.PATH ?? '', ...env },
    });
    let output = '';
    child.stdout.on('data', (d: Buffer) => {
      output += d.toString();
    });
    child.stderr.on('data', (d: Buffer) => {
      output += d.toString();
    });
    child.on('exit', (code) => done({ code, output }));
  });
}

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

  it('npm run deploy -- --guild <id> and --global register the same registry', async () => {
    const env = { DISCORD_TOKEN: emu.token, DISCORD_API_BASE: emu.apiBase };
    const guild = await runDeploy(['--guild', emu.guildId], env);
    expect(guild.code).toBe(0);
    expect(guild.output).toContain(`Registered ${COMMANDS.length} commands (guild ${emu.guildId})`);
    const global = await runDeploy(['--global'], { ...env, DISCORD_CLIENT_ID: emu.appId });
    expect(global.code).toBe(0);
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
    expect(guild.output + global.output).not.toContain(emu.token);
  }, 20_000);

  it('explains usage without a target', async () => {
    const result = await runDeploy([], { DISCORD_TOKEN: emu.token, DISCORD_API_BASE: emu.apiBase });
    expect(result.code).toBe(2);
    expect(result.output).toContain('--guild');
  }, 20_000);
});
