import { once } from 'node:events';
import {
  Client,
  Events,
  GatewayIntentBits,
  type Interaction,
  type Message,
  MessageFlags,
  Partials,
  Routes,
} from 'discord.js';
import { afterEach, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { DiscordEmulator } from './emulator/index.ts';

// Discord's documented routing (docs: topics/gateway, "Sharding"), written here independently of
// the emulator: shard_id = (guild_id >> 22) % num_shards; DMs only reach shard 0.
const shardFor = (guildId: string, shardCount: number): number =>
  Number((BigInt(guildId) >> 22n) % BigInt(shardCount));

let emu: DiscordEmulator | undefined;
const clients: Client[] = [];

afterEach(async () => {
  await Promise.all(clients.splice(0).map((c) => c.destroy()));
  await emu?.close();
  emu = undefined;
});

async function shardClient(e: DiscordEmulator, shardId: number, shardCount: number): Promise<Client> {
  const client = new Client({
    intents: [
      GatewayIntentBits.Guilds,
      GatewayIntentBits.GuildMessages,
      GatewayIntentBits.DirectMessages,
      GatewayIntentBits.MessageContent,
    ],
    partials: [Partials.Channel],
    shards: [shardId],
    shardCount,
    rest: { api: e.apiBase, retries: 1, timeout: 5000 },
  });
  clients.push(client);
  const ready = once(client, Events.ClientReady);
  await client.login(e.token);
  await ready;
  return client;
}

describe('DiscordEmulator with several shards', () => {
  it('recommends the shard count and gives each shard only the guilds routed to it', async () => {
    const e = await DiscordEmulator.start({ shardCount: 2, guildCount: 6, maxConcurrency: 2 });
    emu = e;
    const [zero, one] = [await shardClient(e, 0, 2), await shardClient(e, 1, 2)];
    const gateway = (await zero.rest.get(Routes.gatewayBot())) as {
      shards: number;
      session_start_limit: { max_concurrency: number };
    };
    expect(gateway.shards).toBe(2);
    expect(gateway.session_start_limit.max_concurrency).toBe(2);

    const allIds = e.guilds.map((g) => g.id);
    expect(new Set(allIds).size).toBe(6);
    const expectedZero = allIds.filter((id) => shardFor(id, 2) === 0).sort();
    const expectedOne = allIds.filter((id) => shardFor(id, 2) === 1).sort();
    expect(expectedZero.length).toBe(3);
    expect(expectedOne.length).toBe(3);
    expect([...zero.guilds.cache.keys()].sort()).toEqual(expectedZero);
    expect([...one.guilds.cache.keys()].sort()).toEqual(expectedOne);
    expect(e.connectedShards).toEqual([
      [0, 2],
      [1, 2],
    ]);
    // Each guild arrives whole: its own channels and an @everyone role with the guild's id.
    for (const client of [zero, one]) {
      for (const guild of client.guilds.cache.values()) {
        expect(guild.channels.cache.size).toBe(3);
        expect(guild.roles.everyone.id).toBe(guild.id);
      }
    }
  });

  it('routes messages and interactions by guild, and DMs to shard 0', async () => {
    const e = await DiscordEmulator.start({ shardCount: 2, guildCount: 4 });
    emu = e;
    const clientsByShard = [await shardClient(e, 0, 2), await shardClient(e, 1, 2)];
    const seen: Array<{ shard: number; what: string }> = [];
    clientsByShard.forEach((client, shard) => {
      client.on(Events.MessageCreate, (message: Message) => {
        if (!message.author.bot) seen.push({ shard, what: `message:${message.content}` });
      });
      client.on(Events.InteractionCreate, async (interaction: Interaction) => {
        if (!interaction.isChatInputCommand()) return;
        seen.push({ shard, what: `command:${interaction.guildId ?? 'dm'}` });
        await interaction.reply({ content: `shard ${shard}`, flags: MessageFlags.Ephemeral });
      });
    });

    for (const guild of e.guilds) {
      await e.userSendsMessage({
        author: e.users.alice,
        channelId: guild.channels.general,
        content: guild.id,
      });
      const command = await e.userRunsCommand({
        user: e.users.bob,
        channelId: guild.channels.other,
        name: 'ping',
      });
      expect((await command.reply()).content).toBe(`shard ${shardFor(guild.id, 2)}`);
    }
    await e.userSendsMessage({ author: e.users.alice, dm: true, content: 'a dm' });
    const dm = await e.userRunsCommand({ user: e.users.alice, dm: true, name: 'ping' });
    expect((await dm.reply()).content).toBe('shard 0');

    const expected = [
      ...e.guilds.flatMap((g) => [
        { shard: shardFor(g.id, 2), what: `message:${g.id}` },
        { shard: shardFor(g.id, 2), what: `command:${g.id}` },
      ]),
      { shard: 0, what: 'message:a dm' },
      { shard: 0, what: 'command:dm' },
    ];
    await expect.poll(() => seen.length).toBe(expected.length);
    expect(seen).toEqual(expected);
  });

  it('closes with 4010 on an IDENTIFY with an invalid shard', async () => {
    const e = await DiscordEmulator.start({ shardCount: 2 });
    emu = e;
    const closeCode = async (shard: unknown): Promise<number> => {
      const socket = new WebSocket(e.gatewayUrl);
      await once(socket, 'open');
      socket.send(JSON.stringify({ op: 2, d: { token: e.token, intents: 1, properties: {}, shard } }));
      const [code] = (await once(socket, 'close')) as [number];
      return code;
    };
    expect(await closeCode([2, 2])).toBe(4010);
    expect(await closeCode([-1, 2])).toBe(4010);
    expect(await closeCode([0])).toBe(4010);
  });
});
