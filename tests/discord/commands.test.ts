import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { deployCommands } from '../../src/discord/deploy.ts';
import { ANTICOAGULANT_WARNING } from '../../src/engine/index.ts';
import {
  customIds,
  expectEveryReplySafe,
  expectSafeReply,
  type Harness,
  isEphemeral,
  messageText,
  opt,
  pickQuestion,
  safeReply,
  startHarness,
} from './harness.ts';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => {
  await h?.stop();
});

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
  it('answers publicly with the topic, source, buttons and safety texts', async () => {
    const question = pickQuestion(
      h.engine,
      ['Which foods have the most K2?', 'Is natto a good source of K2?', 'what is mk-7', 'k2 and bones'],
      (a) => a.kind === 'answer' && a.details.length > 0 && a.source !== null,
    );
    const interaction = await h.emu.userRunsCommand({
      user: h.emu.users.alice,
      name: 'ask',
      options: [opt.string('question', question)],
    });
    const reply = await safeReply(interaction);
    expect(isEphemeral(reply)).toBe(false);
    const expected = h.engine.ask(question);
    expect(reply.embeds[0]?.title).toBe(expected.topic?.title);
    expect(reply.embeds[0]?.fields?.some((f) => f.name === 'Source')).toBe(true);
    expect(customIds(reply)).toContain(`delete:${h.emu.users.alice.id}`);
    expect(customIds(reply)).toContain(`more:${expected.topic?.id}`);
  });

  it('answers privately when asked to', async () => {
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
    expect(reply.content).toContain(`<@${h.emu.users.bob.id}>`);
    expect(messageText(reply)).not.toContain('@everyone');
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

  it('puts the anticoagulant warning first for a warfarin question', async () => {
    const interaction = await h.emu.userRunsCommand({
      user: h.emu.users.bob,
      name: 'ask',
      options: [opt.string('question', 'I take warfarin, can I eat natto?')],
    });
    const reply = await safeReply(interaction);
    expect(reply.embeds[0]?.description?.indexOf(ANTICOAGULANT_WARNING)).toBeLessThan(10);
  });

  it('declines politely with safety texts for an off-topic question', async () => {
    const interaction = await h.emu.userRunsCommand({
      user: h.emu.users.bob,
      name: 'ask',
      options: [opt.string('question', 'who won the football match yesterday')],
    });
    const reply = await safeReply(interaction);
    expect(reply.embeds[0]?.description).toContain(
      h.engine.ask('who won the football match yesterday').body.slice(0, 40),
    );
  });

  it('autocompletes popular topics when empty and at most 25 choices of at most 100 characters', async () => {
    const empty = await h.emu.userAutocompletes({
      user: h.emu.users.alice,
      name: 'ask',
      options: [opt.string('question', '', true)],
    });
    const popular = h.engine.suggestTopics('', 25).map((t) => t.title);
    expect(empty.map((c) => c.name)).toEqual(popular.slice(0, 25));
    expect(empty.length).toBeGreaterThan(0);
    const typed = await h.emu.userAutocompletes({
      user: h.emu.users.alice,
      name: 'ask',
      options: [opt.string('question', 'bone', true)],
    });
    expect(typed.length).toBeLessThanOrEqual(25);
    expect(typed[0]).toEqual({ name: 'bone', value: 'bone' });
    for (const choice of [...empty, ...typed]) {
      expect(choice.name.length).toBeLessThanOrEqual(100);
      expect(choice.value.length).toBeLessThanOrEqual(100);
    }
    const long = await h.emu.userAutocompletes({
      user: h.emu.users.alice,
      name: 'ask',
      options: [opt.string('question', 'k'.repeat(300), true)],
    });
    expect(long.every((c) => c.name.length <= 100 && c.value.length <= 100)).toBe(true);
  });
});

describe('/topic', () => {
  it('autocompletes topic ids and shows the chosen topic', async () => {
    const choices = await h.emu.userAutocompletes({
      user: h.emu.users.alice,
      name: 'topic',
      options: [opt.string('name', 'natto', true)],
    });
    expect(choices.length).toBeGreaterThan(0);
    expect(choices.length).toBeLessThanOrEqual(25);
    const first = choices[0];
    if (!first) throw new Error('no choice');
    const interaction = await h.emu.userRunsCommand({
      user: h.emu.users.alice,
      name: 'topic',
      options: [opt.string('name', first.value)],
    });
    const reply = await safeReply(interaction);
    expect(reply.embeds[0]?.title).toBe(first.name);
  });

  it('treats free text as a question', async () => {
    const interaction = await h.emu.userRunsCommand({
      user: h.emu.users.alice,
      name: 'topic',
      options: [opt.string('name', 'vitamin k2 and bones')],
    });
    await safeReply(interaction);
  });
});

describe('/topics browser', () => {
  it('lists categories and opens a category, then a topic, via select menus', async () => {
    const interaction = await h.emu.userRunsCommand({ user: h.emu.users.alice, name: 'topics' });
    const reply = await safeReply(interaction);
    expect(customIds(reply)).toEqual(['browse:category']);
    const category = h.engine.listTopics()[0]?.category ?? 'basics';
    const picked = await h.emu.userSelects({
      user: h.emu.users.alice,
      message: reply,
      customId: 'browse:category',
      values: [category],
    });
    const list = await safeReply(picked);
    expect(isEphemeral(list)).toBe(true);
    const topic = h.engine.listTopics().find((t) => t.category === category);
    if (!topic) throw new Error('no topic');
    expect(messageText(list)).toContain(topic.title);
    const opened = await h.emu.userSelects({
      user: h.emu.users.bob,
      message: list,
      customId: 'browse:topic',
      values: [topic.id],
    });
    const shown = await safeReply(opened);
    expect(shown.embeds[0]?.title).toBe(topic.title);
    expect(isEphemeral(shown)).toBe(true);
  });
});

describe('/foods, /dosage, /about, /help', () => {
  it('/foods lists foods by amount', async () => {
    const reply = await safeReply(await h.emu.userRunsCommand({ user: h.emu.users.alice, name: 'foods' }));
    const first = h.engine.listFoods()[0];
    expect(messageText(reply)).toContain(first?.name ?? '');
  });

  it('/dosage leads with the anticoagulant warning and filters by group', async () => {
    const all = await safeReply(await h.emu.userRunsCommand({ user: h.emu.users.alice, name: 'dosage' }));
    expect(all.embeds[0]?.description?.startsWith(`**${ANTICOAGULANT_WARNING}**`)).toBe(true);
    const groups = await h.emu.userAutocompletes({
      user: h.emu.users.alice,
      name: 'dosage',
      options: [opt.string('group', '', true)],
    });
    expect(groups.length).toBeGreaterThan(0);
    expect(groups.length).toBeLessThanOrEqual(25);
    const group = groups[0]?.value ?? '';
    const one = await safeReply(
      await h.emu.userRunsCommand({
        user: h.emu.users.alice,
        name: 'dosage',
        options: [opt.string('group', group)],
      }),
    );
    expect(messageText(one)).toContain(group);
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
    const reply = await safeReply(await h.emu.userRunsCommand({ user: h.emu.users.alice, name: 'about' }));
    const { meta } = h.engine.knowledge;
    const text = messageText(reply);
    expect(text).toContain(meta.article.title);
    expect(text).toContain(meta.version);
    expect(text).toContain(meta.reviewedOn);
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
  });
});

describe('buttons', () => {
  async function askPublicly(question: string, user = h.emu.users.alice) {
    const interaction = await h.emu.userRunsCommand({
      user,
      name: 'ask',
      options: [opt.string('question', question)],
    });
    return safeReply(interaction);
  }

  it('related and did-you-mean buttons show the topic to the clicker only', async () => {
    // The engine is tuned concurrently: pick questions whose answers carry related topics and suggestions.
    const candidates = [
      'what foods have k2?',
      'is natto good',
      'k2 and bones',
      'what is mk-7',
      'vitamin k2 heart',
    ];
    const withRelated = candidates.find((q) => h.engine.ask(q).related.length > 0);
    if (!withRelated) throw new Error('no candidate question has related topics');
    const answer = await askPublicly(withRelated);
    const labels = answer.components.flatMap((r) => r.components ?? []).map((c) => c.label ?? '');
    expect(labels.some((l) => l.startsWith('Related:'))).toBe(true);
    const topicButtons = customIds(answer).filter((id) => id.startsWith('topic:'));
    for (const id of topicButtons.slice(0, 2)) {
      const click = await h.emu.userClicksButton({ user: h.emu.users.bob, message: answer, customId: id });
      const shown = await safeReply(click);
      expect(isEphemeral(shown)).toBe(true);
      expect(shown.embeds[0]?.title).toBe(h.engine.showTopic(id.slice('topic:'.length))?.topic?.title);
    }
    const weak = [
      'k2 and bones',
      'what is mk-7',
      'k2',
      'mk4 mk7 natto cheese',
      'supplement',
      ...candidates,
    ].find((q) => {
      const a = h.engine.ask(q);
      return a.suggestions.some((s) => s.id !== a.topic?.id && !a.related.some((r) => r.id === s.id));
    });
    if (!weak) throw new Error('no candidate question has did-you-mean suggestions');
    const withSuggestions = await askPublicly(weak);
    const suggestion = withSuggestions.components
      .flatMap((r) => r.components ?? [])
      .find((c) => c.label?.startsWith('Did you mean'));
    if (!suggestion?.custom_id) throw new Error('no Did you mean button');
    const click = await h.emu.userClicksButton({
      user: h.emu.users.bob,
      message: withSuggestions,
      customId: suggestion.custom_id,
    });
    const shown = await safeReply(click);
    expect(isEphemeral(shown)).toBe(true);
    expect(shown.embeds[0]?.title).toBe(
      h.engine.showTopic(suggestion.custom_id.slice('topic:'.length))?.topic?.title,
    );
  });

  it('the More button shows every fact ephemerally', async () => {
    const answer = await askPublicly('is natto good for bones');
    const more = customIds(answer).find((id) => id.startsWith('more:'));
    if (!more) throw new Error('no More button');
    const shown = await safeReply(
      await h.emu.userClicksButton({ user: h.emu.users.bob, message: answer, customId: more }),
    );
    expect(isEphemeral(shown)).toBe(true);
    const details = h.engine.showTopic(more.slice('more:'.length))?.details ?? [];
    expect(messageText(shown)).toContain(details[0]?.slice(0, 50) ?? '');
  });

  it('delete: refused for another member, allowed for the asker', async () => {
    const answer = await askPublicly('what is menaquinone');
    const deleteId = `delete:${h.emu.users.alice.id}`;
    const refused = await h.emu.userClicksButton({
      user: h.emu.users.bob,
      message: answer,
      customId: deleteId,
    });
    const notice = await safeReply(refused);
    expect(isEphemeral(notice)).toBe(true);
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
    const answer = await askPublicly('what is menaquinone', h.emu.users.bob);
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
    const line = h.logs.find((l) => l.event === 'command' && l.command === 'ask' && l.topic);
    expect(line).toMatchObject({ guildId: h.emu.guildId });
    expect(typeof line?.latencyMs).toBe('number');
    expect(typeof line?.confidence).toBe('number');
    expect(h.rawLogs()).not.toContain(h.emu.token);
  });
});

describe('every reply in this file', () => {
  it('carries both safety texts, fits Discord limits and pings nobody unasked', () => {
    expect(expectEveryReplySafe(h.emu)).toBeGreaterThan(3);
  });
});
