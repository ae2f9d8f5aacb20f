import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { deployCommands } from '../../src/discord/deploy.ts';
import {
  ANTICOAGULANT_WARNING,
  CRISIS_NOTICE,
  DISCLAIMER,
  PERSONAL_NOTICE,
  URGENT_NOTICE,
} from '../safetyTexts.ts';
import { expectChoicesWithinDiscordLimits } from './discordLimits.ts';
import type { EmuMessage } from './emulator/index.ts';
import {
  customIds,
  expectEveryReplySafe,
  expectSafeReply,
  type Harness,
  isEphemeral,
  messageText,
  opt,
  safeReply,
  startHarness,
} from './harness.ts';
import {
  ANSWER_BODY,
  CHEESE,
  DECLINE_BODY,
  MANY_MARKER,
  NATTO,
  NATTO_CORRECTION,
  NATTO_DETAILS,
  STUB,
  STUB_META,
  UNSURE_BODY,
  URGENT_BODY,
  WARFARIN,
} from './stubEngine.ts';

// Rendering, buttons, permissions and limits through the real discord.js client, against the stub
// engine: every expected title, text and id below is written out, none is asked of the bot's code.

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => {
  await h?.stop();
});

const WARNING_FIELD = '⚠️ Blood thinners';
const CORRECTION_FIELD = '📝 Correction: the article is wrong here';
const labels = (message: EmuMessage) =>
  message.components.flatMap((row) => row.components ?? []).map((c) => c.label ?? '');

async function ask(question: string, extra: Parameters<typeof opt.string>[] = [], user = h.emu.users.alice) {
  const interaction = await h.emu.userRunsCommand({
    user,
    name: 'ask',
    options: [opt.string('question', question), ...extra.map((args) => opt.string(...args))],
  });
  return safeReply(interaction);
}

describe('command registration', () => {
  it('registers every command from the registry in the guild', () => {
    const names = h.emu.registeredCommands(h.emu.guildId).map((c) => c.name);
    expect(names.sort()).toEqual(
      ['Ask K2 Bot', 'about', 'ask', 'dosage', 'foods', 'help', 'settings', 'topic', 'topics'].sort(),
    );
    const settings = h.emu.registeredCommands(h.emu.guildId).find((c) => c.name === 'settings');
    expect(settings?.default_member_permissions).toBe(String(1 << 5));
    expect(settings?.contexts).toEqual([0]);
  });
});

describe('/ask', () => {
  it('answers publicly: topic title, the question echoed, body, correction, source, buttons, safety texts', async () => {
    const reply = await ask('how much K2 is in natto?');
    expect(isEphemeral(reply)).toBe(false);
    const embed = reply.embeds[0];
    expect(embed?.title).toBe('Natto (stub topic)');
    expect(embed?.description).toBe(`**Q:** how much K2 is in natto?\n\n${ANSWER_BODY}`);
    expect(embed?.fields?.map((f) => f.name)).toEqual([CORRECTION_FIELD, 'Source', WARNING_FIELD]);
    // The correction's sources wait behind More with the rest of the topic.
    expect(embed?.fields?.[0]?.value).toBe(NATTO_CORRECTION.note);
    expect(embed?.fields?.[2]?.value).toBe(ANTICOAGULANT_WARNING);
    expect(embed?.footer?.text).toBe(DISCLAIMER);
    expect(customIds(reply)).toEqual([
      'topic:cheese',
      'topic:warfarin-interaction',
      'vote:up:answer:full:natto',
      'vote:down:answer:full:natto',
      'more:natto',
      `delete:${h.emu.users.alice.id}`,
    ]);
    expect(labels(reply)).toEqual([
      'Related: Cheese (stub topic)',
      'Did you mean: Warfarin (stub topic)?',
      '👍 Helpful',
      '👎 Not helpful',
      'More',
      'Delete',
    ]);
  });

  it('answers privately when asked to, without a delete button', async () => {
    const interaction = await h.emu.userRunsCommand({
      user: h.emu.users.alice,
      name: 'ask',
      options: [opt.string('question', 'what is mk-7'), opt.boolean('private', true)],
    });
    const reply = await safeReply(interaction);
    expect(isEphemeral(reply)).toBe(true);
    expect(customIds(reply).some((id) => id.startsWith('delete:'))).toBe(false);
  });

  it('pings only the member it is for, even with @everyone in the question', async () => {
    const interaction = await h.emu.userRunsCommand({
      user: h.emu.users.alice,
      name: 'ask',
      options: [
        opt.string(
          'question',
          `@everyone @here <@&${h.emu.roles.admin}> <@${h.emu.users.admin.id}> is natto rich in K2?`,
        ),
        opt.user('for', h.emu.users.bob.id),
      ],
    });
    const reply = await interaction.reply();
    expectSafeReply(reply, { pinged: [h.emu.users.bob.id] });
    expect(reply.allowed_mentions).toEqual({ parse: [], users: [h.emu.users.bob.id], replied_user: false });
    expect(reply.content).toMatch(new RegExp(`^<@${h.emu.users.bob.id}>, .* asked K2 Bot this for you:$`));
    expect(messageText(reply)).not.toContain('@everyone');
    expect(messageText(reply)).not.toContain(`<@&${h.emu.roles.admin}>`);
  });

  it('pings nobody when the answer is private, even with for:', async () => {
    const interaction = await h.emu.userRunsCommand({
      user: h.emu.users.alice,
      name: 'ask',
      options: [
        opt.string('question', 'what is mk-4'),
        opt.boolean('private', true),
        opt.user('for', h.emu.users.bob.id),
      ],
    });
    const reply = await safeReply(interaction);
    expect(isEphemeral(reply)).toBe(true);
    expect(reply.content).not.toContain(`<@${h.emu.users.bob.id}>`);
  });

  it('puts the anticoagulant warning first when the engine says so', async () => {
    const reply = await ask(`${STUB.warfarin} can I eat natto?`);
    expect(reply.embeds[0]?.title).toBe(WARFARIN.title);
    expect(reply.embeds[0]?.description?.startsWith(`**${ANTICOAGULANT_WARNING}**`)).toBe(true);
    expect(reply.embeds[0]?.fields?.some((f) => f.name === WARNING_FIELD)).toBe(false);
  });

  it('declines with the safety texts and a vote, and no topic buttons', async () => {
    const reply = await ask(`${STUB.decline} who won the football match`);
    expect(reply.embeds[0]?.title).toBe('K2 Bot');
    expect(reply.embeds[0]?.description).toContain(DECLINE_BODY);
    expect(customIds(reply)).toEqual([
      'vote:up:decline:none:',
      'vote:down:decline:none:',
      `delete:${h.emu.users.alice.id}`,
    ]);
  });

  it('offers the close topics of an unclear question as Did you mean buttons', async () => {
    const reply = await ask(`${STUB.unsure} k2?`);
    expect(reply.embeds[0]?.description).toContain(UNSURE_BODY);
    expect(labels(reply).slice(0, 2)).toEqual([
      'Did you mean: Cheese (stub topic)?',
      'Did you mean: Warfarin (stub topic)?',
    ]);
  });

  it('leads an urgent reply with the notice, then the warning, and offers no vote', async () => {
    const reply = await ask(`${STUB.urgent} my nose will not stop bleeding`);
    expect(reply.embeds[0]?.title).toBe('Urgent: get medical help');
    expect(reply.embeds[0]?.description).toBe(
      `🚨 **${URGENT_NOTICE}**\n\n**${ANTICOAGULANT_WARNING}**\n\n**Q:** ${STUB.urgent} my nose will not stop bleeding\n\n${URGENT_BODY}`,
    );
    expect(customIds(reply).filter((id) => id.startsWith('vote:'))).toEqual([]);
  });

  it('lets the crisis notice stand alone: the warning moves to the last field', async () => {
    const reply = await ask(`${STUB.crisis} i do not want to go on`);
    const description = reply.embeds[0]?.description ?? '';
    expect(description.startsWith(`🚨 **${CRISIS_NOTICE}**`)).toBe(true);
    expect(description).not.toContain(ANTICOAGULANT_WARNING);
    expect(reply.embeds[0]?.fields?.at(-1)).toEqual({ name: WARNING_FIELD, value: ANTICOAGULANT_WARNING });
  });

  it('shows the personal notice before the answer', async () => {
    const reply = await ask(`${STUB.personal} should I take 200 mcg?`);
    const description = reply.embeds[0]?.description ?? '';
    expect(description.startsWith(PERSONAL_NOTICE)).toBe(true);
    expect(description).toContain(ANSWER_BODY);
  });

  it('fits an answer far past every limit into Discord, shortening the body and never a safety text', async () => {
    const reply = await ask(`${STUB.huge} tell me everything`);
    const embed = reply.embeds[0];
    expect(embed?.title).toBe(NATTO.title);
    expect(embed?.description).toMatch(
      /^\*\*Q:\*\* stub-huge tell me everything\n\nVitamin K2 routes calcium/,
    );
    expect(embed?.description?.endsWith('…')).toBe(true);
    expect(embed?.footer?.text).toBe(DISCLAIMER);
    expect(embed?.fields?.at(-1)).toEqual({ name: WARNING_FIELD, value: ANTICOAGULANT_WARNING });
    expect(embed?.fields?.filter((f) => f.name === CORRECTION_FIELD).length).toBeGreaterThan(0);
    // Five related and five suggested topics at most, one row each, then votes, More and Delete.
    expect(reply.components.map((row) => row.components?.length)).toEqual([5, 5, 4]);
  });

  it('answers an engine that throws with an apology that says what to do in an emergency', async () => {
    const reply = await ask(`${STUB.throws} natto`);
    expect(reply.embeds[0]?.title).toBe('Something went wrong');
    const description = reply.embeds[0]?.description ?? '';
    expect(description.startsWith(`**${ANTICOAGULANT_WARNING}**`)).toBe(true);
    expect(description).toContain('call your local emergency number now');
  });

  it('autocompletes popular topics when empty, and at most 25 choices of at most 100 characters', async () => {
    const empty = await h.emu.userAutocompletes({
      user: h.emu.users.alice,
      name: 'ask',
      options: [opt.string('question', '', true)],
    });
    expect(empty).toEqual([
      { name: NATTO.title, value: NATTO.title },
      { name: CHEESE.title, value: CHEESE.title },
    ]);
    const many = await h.emu.userAutocompletes({
      user: h.emu.users.alice,
      name: 'ask',
      options: [opt.string('question', MANY_MARKER, true)],
    });
    expect(many.length).toBe(25);
    expect(many[0]).toEqual({ name: MANY_MARKER, value: MANY_MARKER });
    expectChoicesWithinDiscordLimits(many);
    const long = await h.emu.userAutocompletes({
      user: h.emu.users.alice,
      name: 'ask',
      options: [opt.string('question', `${MANY_MARKER} ${'k'.repeat(300)}`, true)],
    });
    expect(long.length).toBe(25);
    expectChoicesWithinDiscordLimits(long);
  });
});

describe('/topic', () => {
  it('autocompletes topic ids and shows the chosen topic', async () => {
    const choices = await h.emu.userAutocompletes({
      user: h.emu.users.alice,
      name: 'topic',
      options: [opt.string('name', 'natto', true)],
    });
    expect(choices).toEqual([{ name: NATTO.title, value: 'natto' }]);
    const reply = await safeReply(
      await h.emu.userRunsCommand({
        user: h.emu.users.alice,
        name: 'topic',
        options: [opt.string('name', 'natto')],
      }),
    );
    expect(reply.embeds[0]?.title).toBe(NATTO.title);
    expect(reply.embeds[0]?.description).toBe(ANSWER_BODY);
  });

  it('keeps at most 25 choices of at most 100 characters', async () => {
    const choices = await h.emu.userAutocompletes({
      user: h.emu.users.alice,
      name: 'topic',
      options: [opt.string('name', MANY_MARKER, true)],
    });
    expect(choices.length).toBe(25);
    expectChoicesWithinDiscordLimits(choices);
  });

  it('treats free text as a question', async () => {
    const reply = await safeReply(
      await h.emu.userRunsCommand({
        user: h.emu.users.alice,
        name: 'topic',
        options: [opt.string('name', 'vitamin k2 and bones')],
      }),
    );
    expect(reply.embeds[0]?.title).toBe(NATTO.title);
    expect(reply.embeds[0]?.description).toBe(`**Q:** vitamin k2 and bones\n\n${ANSWER_BODY}`);
  });
});

describe('/topics browser', () => {
  it('lists categories and opens a category, then a topic, via select menus', async () => {
    const reply = await safeReply(await h.emu.userRunsCommand({ user: h.emu.users.alice, name: 'topics' }));
    expect(customIds(reply)).toEqual(['browse:category']);
    const list = await safeReply(
      await h.emu.userSelects({
        user: h.emu.users.alice,
        message: reply,
        customId: 'browse:category',
        values: ['food'],
      }),
    );
    expect(isEphemeral(list)).toBe(true);
    expect(messageText(list)).toContain(NATTO.title);
    expect(messageText(list)).toContain(CHEESE.title);
    expect(messageText(list)).not.toContain(WARFARIN.title);
    const shown = await safeReply(
      await h.emu.userSelects({
        user: h.emu.users.bob,
        message: list,
        customId: 'browse:topic',
        values: ['cheese'],
      }),
    );
    expect(shown.embeds[0]?.title).toBe(CHEESE.title);
    expect(isEphemeral(shown)).toBe(true);
  });
});

describe('/foods, /dosage, /about, /help', () => {
  it('/foods lists foods, highest amount first', async () => {
    const text = messageText(
      await safeReply(await h.emu.userRunsCommand({ user: h.emu.users.alice, name: 'foods' })),
    );
    expect(text.indexOf('Natto (stub food)')).toBeGreaterThanOrEqual(0);
    expect(text.indexOf('Natto (stub food)')).toBeLessThan(text.indexOf('Gouda (stub food)'));
  });

  it('/dosage leads with the anticoagulant warning and filters by group', async () => {
    const all = await safeReply(await h.emu.userRunsCommand({ user: h.emu.users.alice, name: 'dosage' }));
    expect(all.embeds[0]?.description?.startsWith(`**${ANTICOAGULANT_WARNING}**`)).toBe(true);
    const groups = await h.emu.userAutocompletes({
      user: h.emu.users.alice,
      name: 'dosage',
      options: [opt.string('group', '', true)],
    });
    expect(groups.map((g) => g.value)).toEqual(['adults (stub group)', 'osteoporosis studies (stub group)']);
    const one = await safeReply(
      await h.emu.userRunsCommand({
        user: h.emu.users.alice,
        name: 'dosage',
        options: [opt.string('group', 'adults (stub group)')],
      }),
    );
    expect(messageText(one)).toContain('The article gives 90 to 120 mcg a day for adults (stub dose).');
    expect(messageText(one)).not.toContain('Studies used 180 mcg');
    const none = await safeReply(
      await h.emu.userRunsCommand({
        user: h.emu.users.alice,
        name: 'dosage',
        options: [opt.string('group', '**martians** @everyone')],
      }),
    );
    expect(messageText(none)).not.toContain('@everyone');
  });

  it('/about shows the source, knowledge version, review date and what is stored', async () => {
    const text = messageText(
      await safeReply(await h.emu.userRunsCommand({ user: h.emu.users.alice, name: 'about' })),
    );
    expect(text).toContain(STUB_META.article.title);
    expect(text).toContain('9.8.7');
    expect(text).toContain('2026-01-02');
    expect(text).toContain('What is stored');
  });

  it('/help lists every command registered with Discord', async () => {
    const reply = await safeReply(await h.emu.userRunsCommand({ user: h.emu.users.alice, name: 'help' }));
    const text = messageText(reply);
    const registered = h.emu.registeredCommands(h.emu.guildId);
    expect(registered.length).toBe(9);
    for (const command of registered) {
      // Slash commands (type 1) are typed as /name; menu commands (type 3) are picked by name.
      expect(text).toContain(command.type === 3 ? `**${command.name}**` : `\`/${command.name}`);
    }
  });

  it('works in DMs once registered globally', async () => {
    await deployCommands({ token: h.emu.token, apiBase: h.emu.apiBase, applicationId: h.emu.appId });
    const reply = await safeReply(
      await h.emu.userRunsCommand({
        user: h.emu.users.alice,
        name: 'ask',
        dm: true,
        options: [opt.string('question', 'what is vitamin k2')],
      }),
    );
    expect(reply.guild_id).toBeUndefined();
    expect(reply.embeds[0]?.title).toBe(NATTO.title);
  });
});

describe('buttons', () => {
  it('related and did-you-mean buttons show the topic to the clicker only', async () => {
    const answer = await ask('is natto good');
    const related = await safeReply(
      await h.emu.userClicksButton({ user: h.emu.users.bob, message: answer, customId: 'topic:cheese' }),
    );
    expect(isEphemeral(related)).toBe(true);
    expect(related.embeds[0]?.title).toBe(CHEESE.title);
    const suggested = await safeReply(
      await h.emu.userClicksButton({
        user: h.emu.users.bob,
        message: answer,
        customId: 'topic:warfarin-interaction',
      }),
    );
    expect(isEphemeral(suggested)).toBe(true);
    expect(suggested.embeds[0]?.title).toBe(WARFARIN.title);
  });

  it('the More button shows every fact ephemerally', async () => {
    const answer = await ask('is natto good for bones');
    const shown = await safeReply(
      await h.emu.userClicksButton({ user: h.emu.users.bob, message: answer, customId: 'more:natto' }),
    );
    expect(isEphemeral(shown)).toBe(true);
    expect(shown.embeds[0]?.title).toBe('Natto (stub topic): all facts');
    expect(shown.embeds[0]?.description).toBe(NATTO_DETAILS.map((fact) => `• ${fact}`).join('\n'));
  });

  it('delete: refused for another member, allowed for the asker', async () => {
    const answer = await ask('what is menaquinone');
    const deleteId = `delete:${h.emu.users.alice.id}`;
    const refused = await h.emu.userClicksButton({
      user: h.emu.users.bob,
      message: answer,
      customId: deleteId,
    });
    const notice = await safeReply(refused);
    expect(isEphemeral(notice)).toBe(true);
    expect(messageText(notice)).toContain(
      'Only the member who asked, or a moderator (Manage Messages), can delete this answer.',
    );
    expect(h.emu.message(answer.id)?.deleted).toBe(false);
    const allowed = await h.emu.userClicksButton({
      user: h.emu.users.alice,
      message: answer,
      customId: deleteId,
    });
    await expect.poll(() => h.emu.message(answer.id)?.deleted, { timeout: 3000 }).toBe(true);
    expect(allowed.callbacks[0]?.type).toBe(6);
  });

  it('delete: allowed for a moderator with Manage Messages', async () => {
    const answer = await ask('what is menaquinone', [], h.emu.users.bob);
    await h.emu.userClicksButton({
      user: h.emu.users.admin,
      message: answer,
      customId: `delete:${h.emu.users.bob.id}`,
    });
    await expect.poll(() => h.emu.message(answer.id)?.deleted, { timeout: 3000 }).toBe(true);
  });
});

describe('context menu', () => {
  it('"Ask K2 Bot" answers any message, echoing it escaped', async () => {
    const target = await h.emu.userSendsMessage({
      author: h.emu.users.bob,
      content: '**Does** K2 help arteries? @everyone',
    });
    const interaction = await h.emu.userRunsMessageCommand({
      user: h.emu.users.alice,
      name: 'Ask K2 Bot',
      target,
    });
    const reply = await safeReply(interaction);
    expect(reply.embeds[0]?.description).toContain('\\*\\*Does\\*\\*');
    expect(messageText(reply)).not.toContain('@everyone');
  });
});

describe('logging', () => {
  it('logs each command with topic, confidence, latency and guild, never the token', () => {
    const line = h.logs.find((l) => l.event === 'command' && l.command === 'ask' && l.topic === 'natto');
    expect(line).toMatchObject({ guildId: h.emu.guildId, confidence: 0.95 });
    expect(typeof line?.latencyMs).toBe('number');
    expect(h.rawLogs()).not.toContain(h.emu.token);
  });
});

describe('every reply in this file', () => {
  it('carries both safety texts, fits Discord limits and pings nobody unasked', () => {
    expect(expectEveryReplySafe(h.emu)).toBeGreaterThan(20);
  });
});
