import { existsSync, readFileSync } from 'node:fs';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ANTICOAGULANT_WARNING, DISCLAIMER } from '../safetyTexts.ts';
import type { ApiOption, EmuMessage, EmuUser } from './emulator/index.ts';
import {
  customIds,
  everyBotReply,
  expectSafeReply,
  type Harness,
  isEphemeral,
  messageText,
  opt,
  safeReply,
  startHarness,
} from './harness.ts';
import { STUB } from './stubEngine.ts';

const DECLINED = `does k2 help with gout? ${STUB.decline}`;
const URGENT = `${STUB.urgent} my gums are bleeding and it will not stop, I take warfarin`;

let h: Harness;
beforeAll(async () => {
  // Not strict: a member without Manage Server must be refused by the bot itself.
  h = await startHarness({ emulator: { strictCommands: false } });
});
afterAll(async () => {
  await h?.stop();
});

async function runSettings(options: ApiOption[], user: EmuUser = h.emu.users.admin): Promise<EmuMessage> {
  const interaction = await h.emu.userRunsCommand({ user, name: 'settings', options });
  const reply = await safeReply(interaction);
  expect(isEphemeral(reply)).toBe(true);
  return reply;
}

async function mentionAsk(
  user: EmuUser,
  content: string,
  where: { dm?: boolean; channelId?: string } = {},
): Promise<EmuMessage> {
  // A minute apart: the default cooldown (5 s) and channel window (5 replies per 15 s) have passed.
  h.clock.advance(60_000);
  const asked = await h.emu.userSendsMessage({
    author: user,
    content,
    ...(where.dm ? { dm: true } : { mentionBot: true }),
    ...(where.channelId ? { channelId: where.channelId } : {}),
  });
  return h.emu.waitForBotMessage((m) => m.message_reference?.message_id === asked.id);
}

async function vote(user: EmuUser, answer: EmuMessage, which: 'up' | 'down'): Promise<string> {
  const id = customIds(answer).find((c) => c.startsWith(`vote:${which}:`));
  if (!id) throw new Error(`no vote:${which} button on the answer`);
  const reply = await safeReply(await h.emu.userClicksButton({ user, message: answer, customId: id }));
  expect(isEphemeral(reply)).toBe(true);
  return messageText(reply);
}

/** The rows as the file holds them, read with a separate connection (not the bot's store). */
function rows(table: string): Record<string, unknown>[] {
  const db = new Database(h.databasePath, { readonly: true });
  try {
    return db.prepare(`SELECT * FROM ${table}`).all() as Record<string, unknown>[];
  } finally {
    db.close();
  }
}

describe('Helpful / Not helpful', () => {
  it('sits on an answer beside More and Delete, five buttons at most per row', async () => {
    const answer = await mentionAsk(h.emu.users.alice, 'what is natto?');
    const ids = customIds(answer);
    expect(ids).toContain('vote:up:answer:full:natto');
    expect(ids).toContain('vote:down:answer:full:natto');
    expect(ids).toContain('more:natto');
    expect(ids).toContain(`delete:${h.emu.users.alice.id}`);
    for (const row of answer.components) expect(row.components?.length ?? 0).toBeLessThanOrEqual(5);
  });

  it('stores one vote per member per answer without the member, and a second click changes it', async () => {
    const before = rows('feedback_votes').length;
    const answer = await mentionAsk(h.emu.users.alice, 'what is natto?');
    expect(await vote(h.emu.users.alice, answer, 'up')).toContain('Thanks for your feedback');
    expect(await vote(h.emu.users.alice, answer, 'down')).toContain(
      'your vote on this answer is now “Not helpful”',
    );
    expect(await vote(h.emu.users.bob, answer, 'up')).toContain('Thanks for your feedback');
    const stored = rows('feedback_votes').slice(before);
    expect(stored).toHaveLength(2);
    expect(stored.map((row) => row.vote).sort()).toEqual(['helpful', 'not-helpful']);
    for (const row of stored) {
      expect(Object.keys(row).sort()).toEqual(
        ['coverage', 'day', 'fact_ids', 'guild_id', 'reply_kind', 'topic_id', 'vote', 'vote_key'].sort(),
      );
      expect(row).toMatchObject({
        guild_id: h.emu.guildId,
        topic_id: 'natto',
        fact_ids: '[]',
        coverage: 'full',
        reply_kind: 'answer',
        day: new Date(h.clock.now()).toISOString().slice(0, 10),
      });
      expect(JSON.stringify(row)).not.toContain(h.emu.users.alice.id);
      expect(JSON.stringify(row)).not.toContain(h.emu.users.bob.id);
      expect(JSON.stringify(row)).not.toContain(answer.id);
    }
  });

  it('works in DMs, stored with no server id', async () => {
    const answer = await mentionAsk(h.emu.users.bob, 'what is natto?', { dm: true });
    expect(await vote(h.emu.users.bob, answer, 'down')).toContain('Thanks');
    const last = rows('feedback_votes').at(-1);
    expect(last).toMatchObject({ guild_id: null, topic_id: 'natto', vote: 'not-helpful' });
  });

  it('is not offered on an urgent reply', async () => {
    const reply = await mentionAsk(h.emu.users.bob, URGENT, { dm: true });
    expect(customIds(reply).some((id) => id.startsWith('vote:'))).toBe(false);
  });
});

describe('learning', () => {
  it('is off by default: a declined question leaves nothing', async () => {
    await mentionAsk(h.emu.users.alice, DECLINED);
    expect(rows('learning_questions')).toEqual([]);
  });

  it('a member without Manage Server cannot turn it on, nor change alerts, the note or forget', async () => {
    for (const options of [
      [opt.sub('learning', [opt.string('value', 'on')])],
      [opt.group('alerts', [opt.sub('channel', [opt.channel('channel', h.emu.channels.other)])])],
      [opt.group('alerts', [opt.sub('off')])],
      [opt.sub('note', [opt.string('text', 'hi')])],
      [opt.sub('forget')],
    ]) {
      const reply = await runSettings(options, h.emu.users.alice);
      expect(messageText(reply)).toContain('Only members with the Manage Server permission');
      expect(customIds(reply)).toEqual([]);
    }
    expect(await h.store.getGuildSettings(h.emu.guildId)).toMatchObject({
      learning: false,
      alertChannelId: null,
      note: null,
    });
  });

  it('on: a declined question is recorded without mentions, links, e-mail addresses, phone numbers or user ids', async () => {
    const reply = await runSettings([opt.sub('learning', [opt.string('value', 'on')])]);
    expect(messageText(reply)).toContain('Learning is on');
    const bob = h.emu.users.bob;
    await mentionAsk(
      h.emu.users.alice,
      `<@${bob.id}> does k2 help with gout ${STUB.decline}? see https://example.com/gout or mail a.b@example.org, +44 20 7946 0958`,
    );
    const recorded = rows('learning_questions');
    expect(recorded).toEqual([
      {
        guild_id: h.emu.guildId,
        text: 'does k2 help with gout stub-decline? see or mail ,',
        reason: 'declined',
        topic_id: null,
        day: new Date(h.clock.now()).toISOString().slice(0, 10),
      },
    ]);
    // A confident answer is not worth a review.
    await mentionAsk(h.emu.users.alice, 'what is natto?');
    expect(rows('learning_questions')).toHaveLength(1);
  });
});

describe('moderator alerts', () => {
  it('an urgent message posts exactly one alert, pinging only the role; a second within 10 minutes does not', async () => {
    const alertChannel = h.emu.channels.other;
    const role = h.emu.roles.admin;
    const reply = await runSettings([
      opt.group('alerts', [
        opt.sub('channel', [opt.channel('channel', alertChannel), opt.role('role', role)]),
      ]),
    ]);
    expect(messageText(reply)).toContain(`Emergency alerts go to <#${alertChannel}>, pinging <@&${role}>`);

    const alice = h.emu.users.alice;
    const asked = await h.emu.userSendsMessage({ author: alice, content: URGENT, mentionBot: true });
    await h.emu.waitForBotMessage((m) => m.message_reference?.message_id === asked.id);
    const alert = await h.emu.waitForBotMessage((m) => m.channel_id === alertChannel);
    expect(alert.content).toBe(`<@&${role}>`);
    expect(alert.mention_roles).toEqual([role]);
    expect(alert.mentions).toEqual([]);
    expect(alert.mention_everyone).toBe(false);
    const text = messageText(alert);
    expect(text).toContain('bleeding');
    expect(text).toContain(`<@${alice.id}>`);
    expect(text).toContain(`https://discord.com/channels/${h.emu.guildId}/${asked.channel_id}/${asked.id}`);

    // Same member again: answered, but no second alert.
    const again = await h.emu.userSendsMessage({ author: alice, content: URGENT, mentionBot: true });
    await h.emu.waitForBotMessage((m) => m.message_reference?.message_id === again.id);
    // A DM never alerts; /ask from another member does.
    await mentionAsk(h.emu.users.bob, URGENT, { dm: true });
    const ask = await h.emu.userRunsCommand({
      user: h.emu.users.bob,
      name: 'ask',
      options: [opt.string('question', URGENT)],
    });
    await safeReply(ask);
    const second = await h.emu.waitForBotMessage((m) => m.channel_id === alertChannel && m.id !== alert.id);
    expect(messageText(second)).toContain(`<@${h.emu.users.bob.id}>`);
    const alerts = h.emu.botMessages(alertChannel);
    expect(alerts).toHaveLength(2);
    expect(alerts.filter((m) => messageText(m).includes(`<@${alice.id}>`))).toHaveLength(1);
  });

  it('off stops them', async () => {
    const reply = await runSettings([opt.group('alerts', [opt.sub('off')])]);
    expect(messageText(reply)).toContain('Emergency alerts are off');
    const before = h.emu.botMessages(h.emu.channels.other).length;
    await mentionAsk(h.emu.users.admin, URGENT);
    expect(h.emu.botMessages(h.emu.channels.other)).toHaveLength(before);
  });
});

describe('server note', () => {
  it('is shown under every answer, inert, and refused with a link', async () => {
    const refused = await runSettings([opt.sub('note', [opt.string('text', 'read https://example.com')])]);
    expect(messageText(refused)).toContain('cannot contain links');
    const set = await runSettings([
      opt.sub('note', [opt.string('text', `See <#${h.emu.channels.general}> or ask @everyone`)]),
    ]);
    expect(messageText(set)).toContain('The note is shown under every answer');
    const answer = await mentionAsk(h.emu.users.bob, 'what is natto?');
    const field = answer.embeds[0]?.fields?.find((f) => f.name === '📌 From this server');
    expect(field?.value).toBe(`See <#${h.emu.channels.general}> or ask @\u200beveryone`);
    expect(answer.mention_everyone).toBe(false);
  });
});

describe('/settings show and forget', () => {
  it('show lists what is stored for the server and for how long', async () => {
    const text = messageText(await runSettings([opt.sub('show')]));
    expect(text).toMatch(/Settings, \d+ votes on answers, 1 recorded questions\./);
    expect(text).toContain('Kept 30 days.');
    expect(text).toContain('deleted 7 days after K2 Bot is removed from the server');
    expect(text).toContain('Learning');
  });

  it('forget asks first, then deletes everything for the server: nothing of it is left in the database file', async () => {
    const guildId = h.emu.guildId;
    await h.store.addAutoChannel(guildId, h.emu.channels.auto);
    const ask = await runSettings([opt.sub('forget')]);
    expect(customIds(ask)).toEqual(['forget:confirm', 'forget:cancel']);
    // Asking deleted nothing yet.
    expect(rows('learning_questions')).toHaveLength(1);

    const click = await h.emu.userClicksButton({
      user: h.emu.users.admin,
      message: ask,
      customId: 'forget:confirm',
    });
    const done = await click.reply();
    expect(messageText(done)).toContain('Deleted everything K2 Bot stored for this server');

    for (const table of ['guild_settings', 'auto_channels', 'learning_questions', 'guild_departures']) {
      expect(rows(table).filter((row) => row.guild_id === guildId)).toEqual([]);
    }
    expect(rows('feedback_votes').filter((row) => row.guild_id === guildId)).toEqual([]);
    // The bytes themselves: no server id, no question, no note in the file or its WAL.
    for (const file of [h.databasePath, `${h.databasePath}-wal`]) {
      if (!existsSync(file)) continue;
      const bytes = readFileSync(file);
      expect(bytes.includes(guildId), file).toBe(false);
      expect(bytes.includes('gout'), file).toBe(false);
      expect(bytes.includes('ask @'), file).toBe(false);
    }
    // DM votes belong to no server and stay.
    expect(rows('feedback_votes').some((row) => row.guild_id === null)).toBe(true);
  });

  it('every message the bot sent carried both safety texts; alerts pinged their role and nobody else', () => {
    const alertChannel = h.emu.channels.other;
    const sent = everyBotReply(h.emu);
    const alerts = sent.filter((m) => m.channel_id === alertChannel);
    expect(alerts.length).toBeGreaterThan(0);
    for (const message of sent) {
      if (message.channel_id !== alertChannel) {
        expectSafeReply(message, { pinged: message.allowed_mentions?.users ?? [] });
        continue;
      }
      expect(messageText(message)).toContain(DISCLAIMER);
      expect(messageText(message)).toContain(ANTICOAGULANT_WARNING);
      expect(message.mentions).toEqual([]);
      expect(message.mention_everyone).toBe(false);
      expect(message.mention_roles).toEqual([h.emu.roles.admin]);
    }
  });
});
