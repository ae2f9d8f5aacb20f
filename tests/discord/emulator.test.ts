import { once } from 'node:events';
import { setTimeout as sleep } from 'node:timers/promises';
import {
  ApplicationCommandOptionType,
  ApplicationCommandType,
  ButtonStyle,
  Client,
  type ClientOptions,
  ComponentType,
  DiscordAPIError,
  Events,
  GatewayIntentBits,
  type Message,
  MessageFlags,
  Partials,
  RESTEvents,
  Routes,
} from 'discord.js';
import { afterAll, describe, it } from 'vitest';
import WebSocket from 'ws';
import { DiscordEmulator, type DiscordEmulatorOptions, type EmuMessage } from './emulator/index.ts';

const ALL_INTENTS = [
  GatewayIntentBits.Guilds,
  GatewayIntentBits.GuildMessages,
  GatewayIntentBits.DirectMessages,
  GatewayIntentBits.MessageContent,
];

// The tests run at once, each on an emulator of its own, so one test's timers and round trips wait
// alongside the others'; every emulator and client is closed when the file ends.
const emulators: DiscordEmulator[] = [];
const clients: Client[] = [];

afterAll(async () => {
  await Promise.all(clients.splice(0).map((c) => c.destroy()));
  await Promise.all(emulators.splice(0).map((e) => e.close()));
});

async function startEmulator(options: DiscordEmulatorOptions = {}): Promise<DiscordEmulator> {
  const emu = await DiscordEmulator.start(options);
  emulators.push(emu);
  return emu;
}

function makeClient(
  e: DiscordEmulator,
  opts: { intents?: GatewayIntentBits[]; allowedMentions?: boolean; identifyAtOnce?: boolean } = {},
): Client {
  const options: ClientOptions = {
    intents: opts.intents ?? ALL_INTENTS,
    partials: [Partials.Channel],
    rest: { api: e.apiBase, retries: 1, timeout: 5000 },
  };
  // discord.js waits 5 s between two IDENTIFYs of a shard (Discord's session start limit); its
  // documented ws.buildIdentifyThrottler option replaces that wait when a test re-identifies on purpose.
  if (opts.identifyAtOnce)
    options.ws = { buildIdentifyThrottler: () => ({ waitForIdentify: async () => {} }) };
  if (opts.allowedMentions !== false) options.allowedMentions = { parse: [] };
  const client = new Client(options);
  clients.push(client);
  return client;
}

/** Attaches the ready listener BEFORE login: with a local server GUILD_CREATE beats login()'s promise. */
async function loggedIn(e: DiscordEmulator, opts: Parameters<typeof makeClient>[1] = {}): Promise<Client> {
  const client = makeClient(e, opts);
  const ready = once(client, Events.ClientReady);
  await client.login(e.token);
  await ready;
  return client;
}

async function apiError(promise: Promise<unknown>): Promise<DiscordAPIError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof DiscordAPIError) return error;
    throw error;
  }
  throw new Error('expected a DiscordAPIError');
}

describe.concurrent('DiscordEmulator with the real discord.js client', () => {
  it('logs in: READY, GUILD_CREATE with channels, roles and members, REST identity routes', async ({
    expect,
  }) => {
    const e = await startEmulator();
    const connects: string[] = [];
    e.on('wsConnect', (info) => connects.push(info.path));
    const client = await loggedIn(e);

    expect(client.user?.id).toBe(e.botUserId);
    expect(client.application?.id).toBe(e.appId);
    const guild = client.guilds.cache.get(e.guildId);
    expect(guild?.available).toBe(true);
    expect(guild?.channels.cache.map((c) => c.id).sort()).toEqual(Object.values(e.channels).sort());
    expect(guild?.members.cache.has(e.users.alice.id)).toBe(true);
    expect(guild?.members.cache.get(e.users.admin.id)?.permissions.has('ManageGuild')).toBe(true);
    expect(guild?.members.cache.get(e.users.alice.id)?.permissions.has('ManageGuild')).toBe(false);
    expect(e.identifies).toBe(1);
    expect(connects).toEqual(['/gateway']);

    const me = await client.users.fetch('@me' as never);
    expect(me.id).toBe(e.botUserId);
    const app = await client.application?.fetch();
    expect(app?.id).toBe(e.appId);
    const channel = await client.channels.fetch(e.channels.auto, { force: true });
    expect(channel?.id).toBe(e.channels.auto);
    expect(e.requests.some((r) => r.path === '/gateway/bot' && r.status === 200)).toBe(true);
  });

  it('registers global and guild commands, rejecting invalid names', async ({ expect }) => {
    const e = await startEmulator();
    const client = await loggedIn(e);
    const global = await client.application?.commands.set([
      { name: 'k2', description: 'Ask about vitamin K2', options: [] },
      { name: 'Ask K2', type: ApplicationCommandType.Message },
    ]);
    expect(global?.size).toBe(2);
    expect(e.registeredCommands().map((c) => c.name)).toEqual(['k2', 'Ask K2']);
    expect(e.registeredCommands()[0]?.id).toMatch(/^\d{17,20}$/);
    await client.application?.commands.set([{ name: 'admin', description: 'Admin tools' }], e.guildId);
    expect(e.registeredCommands(e.guildId)[0]?.guild_id).toBe(e.guildId);

    const error = await apiError(
      client.application?.commands.set([{ name: 'Bad Name', description: 'x' }]) ?? Promise.resolve(),
    );
    expect(error.code).toBe(50035);
  });

  it('delivers a user message and records a reply that cannot ping @everyone', async ({ expect }) => {
    const e = await startEmulator();
    const client = await loggedIn(e);
    const seen: Message[] = [];
    client.on(Events.MessageCreate, async (message) => {
      seen.push(message);
      if (message.author.bot) return;
      await message.reply(`@everyone you said: ${message.content}`);
    });
    const question = await e.userSendsMessage({ author: e.users.alice, content: 'what is MK-7?' });
    const reply = await e.waitForBotMessage();
    expect(reply.content).toBe('@everyone you said: what is MK-7?');
    expect(reply.allowed_mentions).toEqual({ parse: [] });
    expect(reply.mention_everyone).toBe(false);
    expect(reply.mentions).toEqual([]);
    expect(reply.message_reference?.message_id).toBe(question.id);
    // Discord echoes the bot's own message back over the gateway.
    await expect.poll(() => seen.filter((m) => m.author.id === e.botUserId).length).toBe(1);
  });

  it('pings @everyone and users when the client omits allowedMentions', async ({ expect }) => {
    const e = await startEmulator();
    const client = await loggedIn(e, { allowedMentions: false });
    const channel = client.channels.cache.get(e.channels.general);
    if (!channel?.isSendable()) throw new Error('general not sendable');
    await channel.send(`@everyone and <@${e.users.alice.id}>`);
    const sent = await e.waitForBotMessage();
    expect(sent.allowed_mentions).toBeUndefined();
    expect(sent.mention_everyone).toBe(true);
    expect(sent.mentions).toEqual([e.users.alice.id]);
  });

  it('answers a slash command with reply()', async ({ expect }) => {
    const e = await startEmulator();
    const client = await loggedIn(e);
    client.on(Events.InteractionCreate, async (interaction) => {
      if (!interaction.isChatInputCommand()) return;
      const question = interaction.options.getString('question', true);
      const isAdmin = interaction.memberPermissions?.has('ManageGuild') ?? false;
      await interaction.reply({ content: `${question} (admin: ${isAdmin})`, flags: MessageFlags.Ephemeral });
    });
    const ix = await e.userRunsCommand({
      user: e.users.admin,
      name: 'k2',
      options: [{ name: 'question', type: ApplicationCommandOptionType.String, value: 'dose?' }],
    });
    const reply = await ix.reply();
    expect(reply.content).toBe('dose? (admin: true)');
    expect(reply.flags & MessageFlags.Ephemeral).toBe(MessageFlags.Ephemeral);
    expect(ix.callbacks.map((c) => c.type)).toEqual([4]);
  });

  it('follows deferReply → editReply → followUp', async ({ expect }) => {
    const e = await startEmulator();
    const client = await loggedIn(e);
    client.on(Events.InteractionCreate, async (interaction) => {
      if (!interaction.isChatInputCommand()) return;
      await interaction.deferReply();
      await sleep(50);
      await interaction.editReply('the answer');
      const fetched = await interaction.fetchReply();
      await interaction.followUp({
        content: `${fetched.content} + ${'s'.repeat(1980)}`,
        flags: MessageFlags.Ephemeral,
      });
    });
    const ix = await e.userRunsCommand({ user: e.users.bob, name: 'k2' });
    const reply = await ix.reply();
    expect(reply.content).toBe('the answer');
    expect(reply.flags & MessageFlags.Ephemeral).toBe(0);
    const followup = await ix.nextFollowup();
    expect(followup.content).toMatch(/^the answer \+ s+$/);
    expect(followup.flags & MessageFlags.Ephemeral).toBe(MessageFlags.Ephemeral);
    expect(ix.callbacks.map((c) => c.type)).toEqual([5]);
    expect(e.requests.some((r) => r.path.endsWith('/messages/@original') && r.method === 'PATCH')).toBe(true);
  });

  it('returns autocomplete choices, and refuses more than 25', async ({ expect }) => {
    const e = await startEmulator();
    const client = await loggedIn(e);
    const respondErrors: unknown[] = [];
    client.on(Events.InteractionCreate, async (interaction) => {
      if (!interaction.isAutocomplete()) return;
      const typed = interaction.options.getFocused();
      const count = typed === 'many' ? 26 : 25;
      const choices = Array.from({ length: count }, (_, i) => ({ name: `${typed} ${i}`, value: `v${i}` }));
      await interaction.respond(choices).catch((error: unknown) => respondErrors.push(error));
    });
    const focused = (value: string) => [
      { name: 'topic', type: ApplicationCommandOptionType.String, value, focused: true },
    ];
    const choices = await e.userAutocompletes({ user: e.users.alice, name: 'k2', options: focused('mk') });
    expect(choices).toHaveLength(25);
    expect(choices[0]).toEqual({ name: 'mk 0', value: 'v0' });

    await expect(
      e.userAutocompletes({ user: e.users.alice, name: 'k2', options: focused('many') }),
    ).rejects.toMatchObject({
      code: 50035,
    });
    await expect.poll(() => respondErrors.length).toBe(1);
    expect((respondErrors[0] as DiscordAPIError).code).toBe(50035);
  });

  it('updates a message when its button is clicked and handles a select menu', async ({ expect }) => {
    const e = await startEmulator();
    const client = await loggedIn(e);
    client.on(Events.InteractionCreate, async (interaction) => {
      if (interaction.isChatInputCommand()) {
        await interaction.reply({
          content: 'Was this helpful?',
          components: [
            {
              type: ComponentType.ActionRow,
              components: [
                { type: ComponentType.Button, customId: 'yes', label: 'Yes', style: ButtonStyle.Success },
                { type: ComponentType.Button, customId: 'no', label: 'No', style: ButtonStyle.Danger },
              ],
            },
            {
              type: ComponentType.ActionRow,
              components: [
                {
                  type: ComponentType.StringSelect,
                  customId: 'topic',
                  options: [
                    { label: 'Dose', value: 'dose' },
                    { label: 'Food', value: 'food' },
                  ],
                },
              ],
            },
          ],
        });
      } else if (interaction.isButton()) {
        await interaction.update({ content: `Thanks: ${interaction.customId}`, components: [] });
      } else if (interaction.isStringSelectMenu()) {
        await interaction.reply({
          content: `Picked ${interaction.values.join(',')}`,
          flags: MessageFlags.Ephemeral,
        });
      }
    });
    const command = await e.userRunsCommand({ user: e.users.alice, name: 'k2' });
    const prompt = await command.reply();
    expect(prompt.components).toHaveLength(2);

    const select = await e.userSelects({
      user: e.users.bob,
      message: prompt,
      customId: 'topic',
      values: ['food'],
    });
    expect((await select.reply()).content).toBe('Picked food');

    const click = await e.userClicksButton({ user: e.users.alice, message: prompt, customId: 'yes' });
    const updated = await click.reply();
    expect(updated.id).toBe(prompt.id);
    expect(updated.content).toBe('Thanks: yes');
    expect(e.message(prompt.id)?.components).toEqual([]);
    expect(click.callbacks[0]?.type).toBe(7);
    // The button is gone now, so it cannot be clicked again.
    await expect(
      e.userClicksButton({ user: e.users.alice, message: prompt, customId: 'yes' }),
    ).rejects.toThrow(/no component/);
  });

  it('runs a message context-menu command on a user message', async ({ expect }) => {
    const e = await startEmulator();
    const client = await loggedIn(e);
    client.on(Events.InteractionCreate, async (interaction) => {
      if (!interaction.isMessageContextMenuCommand()) return;
      await interaction.reply(
        `Checking: ${interaction.targetMessage.content} by ${interaction.targetMessage.author.username}`,
      );
    });
    const target = await e.userSendsMessage({ author: e.users.bob, content: 'K2 cures everything' });
    const ix = await e.userRunsMessageCommand({ user: e.users.alice, name: 'Fact-check', target });
    const reply = await ix.reply();
    expect(reply.content).toBe('Checking: K2 cures everything by bob');
    expect(reply.type).toBe(23);
    expect(reply.interaction_metadata).toMatchObject({
      id: ix.id,
      user: { id: e.users.alice.id },
      name: 'Fact-check',
    });
  });

  it('refuses a reply after the acknowledgement deadline with 10062', async ({ expect }) => {
    const e = await startEmulator({ ackDeadlineMs: 150 });
    const client = await loggedIn(e);
    const errors: unknown[] = [];
    client.on(Events.InteractionCreate, async (interaction) => {
      if (!interaction.isChatInputCommand()) return;
      await sleep(300);
      await interaction.reply('too late').catch((error: unknown) => errors.push(error));
    });
    const ix = await e.userRunsCommand({ user: e.users.alice, name: 'k2' });
    await expect.poll(() => errors.length).toBe(1);
    expect((errors[0] as DiscordAPIError).code).toBe(10062);
    expect(ix.callbacks).toEqual([]);
    expect(ix.rejectedCallbacks[0]?.code).toBe(10062);
    await expect(ix.reply(100)).rejects.toThrow(/timed out/);
  });

  it('makes discord.js wait for Retry-After on an injected 429, then succeed', async ({ expect }) => {
    const e = await startEmulator();
    const client = await loggedIn(e);
    const limited: number[] = [];
    client.rest.on(RESTEvents.RateLimited, (info) => limited.push(info.retryAfter));
    e.injectFault('POST', /^\/channels\/\d+\/messages$/, 429, { headers: { 'Retry-After': '0.3' } });
    const channel = client.channels.cache.get(e.channels.general);
    if (!channel?.isSendable()) throw new Error('general not sendable');
    const started = Date.now();
    const sent = await channel.send('after the limit');
    expect(Date.now() - started).toBeGreaterThanOrEqual(300);
    expect(sent.content).toBe('after the limit');
    const posts = e.requests.filter(
      (r) => r.method === 'POST' && r.path === `/channels/${e.channels.general}/messages`,
    );
    expect(posts.map((r) => r.status)).toEqual([429, 200]);
    expect(limited.length).toBeGreaterThanOrEqual(1);
  });

  it('validates message limits: 2001 chars → 50035, empty → 50006, oversized embeds → 50035', async ({
    expect,
  }) => {
    const e = await startEmulator();
    const client = await loggedIn(e);
    const channel = client.channels.cache.get(e.channels.general);
    if (!channel?.isSendable()) throw new Error('general not sendable');
    const tooLong = await apiError(channel.send('x'.repeat(2001)));
    expect(tooLong.code).toBe(50035);
    expect(tooLong.rawError).toMatchObject({
      errors: { content: { _errors: [{ code: 'BASE_TYPE_MAX_LENGTH' }] } },
    });
    expect((await apiError(channel.send({ content: '', embeds: [] }))).code).toBe(50006);
    const embeds = [{ description: 'd'.repeat(4000) }, { description: 'd'.repeat(2001) }];
    const big = await apiError(channel.send({ embeds }));
    expect(big.code).toBe(50035);
    await channel.send('x'.repeat(2000));
    expect(e.botMessages()).toHaveLength(1);
  });

  it('resumes after op 7 and after a dropped connection, delivering outage messages exactly once', async ({
    expect,
  }) => {
    const e = await startEmulator();
    const client = await loggedIn(e);
    const received: string[] = [];
    client.on(Events.MessageCreate, (m) => {
      if (!m.author.bot) received.push(m.content);
    });

    const resumed1 = once(e, 'resume');
    e.requestReconnect();
    await e.userSendsMessage({ author: e.users.alice, content: 'during op 7' });
    await resumed1;

    const resumed2 = once(e, 'resume');
    e.dropConnections();
    await e.userSendsMessage({ author: e.users.bob, content: 'during the outage' });
    const [info] = await resumed2;
    expect(info.replayed).toBeGreaterThanOrEqual(1);

    await e.userSendsMessage({ author: e.users.alice, content: 'after' });
    await expect.poll(() => received).toEqual(['during op 7', 'during the outage', 'after']);
    await sleep(50);
    expect(received).toHaveLength(3);
    expect(e.resumes).toBe(2);
    expect(e.identifies).toBe(1);
  });

  it('rejects a wrong token with TokenInvalid', async ({ expect }) => {
    const e = await startEmulator();
    const client = makeClient(e);
    await expect(client.login('wrong.token.value')).rejects.toMatchObject({ code: 'TokenInvalid' });
    expect(e.identifies).toBe(0);
  });

  it('closes with 4014 when MessageContent is requested but not allowed', async ({ expect }) => {
    const e = await startEmulator({ messageContentAllowed: false });
    const closes: number[] = [];
    e.on('wsClose', (info) => closes.push(info.code));
    const client = makeClient(e);
    await expect(client.login(e.token)).rejects.toThrow(/disallowed intents/i);
    await expect.poll(() => closes).toEqual([4014]);
    expect(e.identifies).toBe(0);
  });

  it('hides content without the MessageContent intent unless the bot is mentioned or in a DM', async ({
    expect,
  }) => {
    const e = await startEmulator({ messageContentAllowed: false });
    const client = await loggedIn(e, {
      intents: [GatewayIntentBits.Guilds, GatewayIntentBits.GuildMessages, GatewayIntentBits.DirectMessages],
    });
    const received: Array<{ content: string; dm: boolean }> = [];
    client.on(Events.MessageCreate, (m) => {
      if (!m.author.bot) received.push({ content: m.content, dm: m.guildId === null });
    });
    await e.userSendsMessage({ author: e.users.alice, content: 'plain question' });
    await e.userSendsMessage({ author: e.users.alice, content: 'mentioned question', mentionBot: true });
    await e.userSendsMessage({ author: e.users.bob, content: 'private question', dm: true });
    await expect.poll(() => received.length).toBe(3);
    expect(received).toEqual([
      { content: '', dm: false },
      { content: `<@${e.botUserId}> mentioned question`, dm: false },
      { content: 'private question', dm: true },
    ]);
  });

  it('sends no MESSAGE_CREATE without GuildMessages, but interactions still arrive', async ({ expect }) => {
    const e = await startEmulator();
    const client = await loggedIn(e, { intents: [GatewayIntentBits.Guilds] });
    const messages: EmuMessage[] = [];
    client.on(Events.MessageCreate, () => messages.push({} as EmuMessage));
    client.on(Events.InteractionCreate, async (interaction) => {
      if (interaction.isChatInputCommand()) await interaction.reply('still here');
    });
    await e.userSendsMessage({ author: e.users.alice, content: 'hello?' });
    const ix = await e.userRunsCommand({ user: e.users.alice, name: 'k2' });
    expect((await ix.reply()).content).toBe('still here');
    expect(messages).toHaveLength(0);
  });

  it('serves raw interaction callbacks: with_response, 40060, follow-up before ack, encoded @original', async ({
    expect,
  }) => {
    const e = await startEmulator();
    // No InteractionCreate handler: the test plays the bot through discord.js's REST client.
    const client = await loggedIn(e);
    const early = await e.userRunsCommand({ user: e.users.alice, name: 'k2' });
    const noAck = await apiError(
      client.rest.post(Routes.webhook(e.appId, early.token), { body: { content: 'x' }, auth: false }),
    );
    expect(noAck.code).toBe(10015);

    const response = (await client.rest.post(Routes.interactionCallback(early.id, early.token), {
      body: { type: 5, data: { flags: MessageFlags.Ephemeral } },
      auth: false,
      query: new URLSearchParams({ with_response: 'true' }),
    })) as { interaction: Record<string, unknown>; resource: { type: number; message: { flags: number } } };
    expect(response.interaction).toMatchObject({ id: early.id, response_message_loading: true });
    expect(response.resource.type).toBe(5);
    expect(response.resource.message.flags & MessageFlags.Ephemeral).toBe(MessageFlags.Ephemeral);

    const twice = await apiError(
      client.rest.post(Routes.interactionCallback(early.id, early.token), {
        body: { type: 4, data: {} },
        auth: false,
      }),
    );
    expect(twice.code).toBe(40060);
    expect(early.rejectedCallbacks.map((c) => c.code)).toEqual([40060]);

    await client.rest.patch(Routes.webhookMessage(e.appId, early.token, '@original'), {
      body: { content: 'edited', flags: 0 },
      auth: false,
    });
    const edit = await e.waitForRequest((r) => r.method === 'PATCH');
    expect(edit.url).toContain('%40original');
    expect(edit.path).toBe(`/webhooks/${e.appId}/${early.token}/messages/@original`);
    const reply = await early.reply();
    expect(reply.content).toBe('edited');
    expect(reply.flags & MessageFlags.Ephemeral).toBe(MessageFlags.Ephemeral);

    await client.rest.delete(Routes.webhookMessage(e.appId, early.token, '@original'), { auth: false });
    expect(early.deleted).toBe(true);
    const gone = await apiError(
      client.rest.get(Routes.webhookMessage(e.appId, early.token, '@original'), { auth: false }),
    );
    expect(gone.code).toBe(10008);
  });

  it('refuses a file upload with a reason: uploads are not emulated, the bot sends no files', async ({
    expect,
  }) => {
    const e = await startEmulator();
    const client = await loggedIn(e);
    const channel = client.channels.cache.get(e.channels.general);
    if (!channel?.isSendable()) throw new Error('general not sendable');
    const refused = await apiError(
      channel.send({
        content: 'sources attached',
        files: [{ attachment: Buffer.from('K2 facts'), name: 'facts.txt' }],
      }),
    );
    expect(refused.status).toBe(400);
    expect(refused.message).toContain('File uploads are not emulated');
    expect(e.botMessages()).toHaveLength(0);
  });

  it('handles DMs: a slash command in a DM and the bot messaging a user', async ({ expect }) => {
    const e = await startEmulator();
    const client = await loggedIn(e);
    client.on(Events.InteractionCreate, async (interaction) => {
      if (!interaction.isChatInputCommand()) return;
      await interaction.reply(`in guild: ${interaction.inGuild()}`);
      await interaction.user.send('a private note');
    });
    const ix = await e.userRunsCommand({ user: e.users.bob, name: 'k2', dm: true });
    expect((await ix.reply()).content).toBe('in guild: false');
    const dm = await e.waitForBotMessage();
    expect(dm.channel_id).toBe(e.dmChannelOf(e.users.bob));
    expect(dm.guild_id).toBeUndefined();
    expect(dm.content).toBe('a private note');
  });

  it('answers heartbeats and re-identifies after op 9', async ({ expect }) => {
    const e = await startEmulator({ heartbeatIntervalMs: 100 });
    const client = await loggedIn(e, { identifyAtOnce: true });
    await expect.poll(() => client.ws.ping, { timeout: 2000 }).toBeGreaterThanOrEqual(0);

    const identified = once(e, 'identify');
    e.invalidateSessions(false);
    await identified;
    expect(e.identifies).toBe(2);
    const received: string[] = [];
    client.on(Events.MessageCreate, (m) => received.push(m.content));
    await e.waitForConnectedSessions(1);
    await e.userSendsMessage({ author: e.users.alice, content: 'still there?' });
    await expect.poll(() => received).toEqual(['still there?']);
  });

  it('closes with 4004 / 4013 on a bad IDENTIFY, and refuses compressed transport it does not emulate (raw socket)', async ({
    expect,
  }) => {
    const e = await startEmulator();
    const compressed = new WebSocket(`${e.gatewayUrl}?v=10&encoding=json&compress=zlib-stream`);
    const [refusedCode] = (await once(compressed, 'close')) as [number];
    expect(refusedCode).toBe(1003);

    const closeCode = async (d: Record<string, unknown>): Promise<number> => {
      const socket = new WebSocket(e.gatewayUrl);
      await once(socket, 'open');
      socket.send(JSON.stringify({ op: 2, d: { properties: {}, ...d } }));
      const [code] = (await once(socket, 'close')) as [number];
      return code;
    };
    expect(await closeCode({ token: 'nope', intents: 1 })).toBe(4004);
    expect(await closeCode({ token: e.token, intents: 1 << 30 })).toBe(4013);
  });

  it('with strictCommands, only lets users run what Discord would offer them', async ({ expect }) => {
    const e = await startEmulator({ strictCommands: true });
    const client = await loggedIn(e);
    await client.application?.commands.set(
      [
        {
          name: 'k2',
          description: 'Ask',
          options: [
            {
              name: 'question',
              description: 'q',
              type: ApplicationCommandOptionType.String,
              required: true,
              autocomplete: true,
            },
          ],
        },
        {
          name: 'settings',
          description: 'Configure',
          defaultMemberPermissions: 'ManageGuild',
          dmPermission: false,
        },
      ],
      e.guildId,
    );
    client.on(Events.InteractionCreate, async (interaction) => {
      if (interaction.isChatInputCommand()) await interaction.reply('ok');
      else if (interaction.isAutocomplete()) await interaction.respond([]);
    });
    const question = { name: 'question', type: 3, value: 'dose?' };
    await expect(e.userRunsCommand({ user: e.users.alice, name: 'nope' })).rejects.toThrow(/not registered/);
    await expect(e.userRunsCommand({ user: e.users.alice, name: 'k2' })).rejects.toThrow(/required option/);
    await expect(
      e.userRunsCommand({ user: e.users.alice, name: 'k2', options: [{ ...question, type: 4 }] }),
    ).rejects.toThrow(/type 4/);
    await expect(e.userRunsCommand({ user: e.users.alice, name: 'settings' })).rejects.toThrow(/permissions/);
    // Guild commands do not exist in DMs.
    await expect(
      e.userRunsCommand({ user: e.users.bob, name: 'k2', options: [question], dm: true }),
    ).rejects.toThrow(/not registered/);
    expect((await (await e.userRunsCommand({ user: e.users.admin, name: 'settings' })).reply()).content).toBe(
      'ok',
    );
    expect(
      (await (await e.userRunsCommand({ user: e.users.alice, name: 'k2', options: [question] })).reply())
        .content,
    ).toBe('ok');
    await expect(
      e.userAutocompletes({
        user: e.users.alice,
        name: 'k2',
        options: [{ ...question, value: 'do', focused: true }],
      }),
    ).resolves.toEqual([]);
  });

  it('expires interaction tokens: editReply after the token lifetime gets 50027', async ({ expect }) => {
    const e = await startEmulator({ interactionTokenLifetimeMs: 150 });
    const client = await loggedIn(e);
    const errors: unknown[] = [];
    client.on(Events.InteractionCreate, async (interaction) => {
      if (!interaction.isChatInputCommand()) return;
      await interaction.deferReply();
      await sleep(250);
      await interaction.editReply('slow answer').catch((error: unknown) => errors.push(error));
    });
    const ix = await e.userRunsCommand({ user: e.users.alice, name: 'k2' });
    await expect.poll(() => errors.length).toBe(1);
    expect((errors[0] as DiscordAPIError).code).toBe(50027);
    expect(ix.original?.flags).toBe(MessageFlags.Loading);
  });
});
