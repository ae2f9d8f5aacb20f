import { describe, expect, it } from 'vitest';
import type { CatalogEntry } from '../../src/discord/commandCatalog.ts';
import {
  answerTitle,
  categoryLabel,
  collectReplyText,
  embedLength,
  escapeUserText,
  type RenderedReply,
  renderAbout,
  renderAnswer,
  renderDoses,
  renderFoods,
  renderHelp,
  renderNotice,
  renderSettings,
  renderTopicBrowser,
  renderTopicDetails,
  shorten,
} from '../../src/discord/renderEmbeds.ts';
import { parseVoteCustomId, voteCustomIds } from '../../src/discord/voteIds.ts';
import type { TopicRef } from '../../src/engine/index.ts';
import type { Dose, Food } from '../../src/kb/schema.ts';
import { defaultGuildSettings } from '../../src/store/settingsStore.ts';
import { CALM_SAFETY, handWrittenAnswer } from '../handWrittenAnswer.ts';
import { ANTICOAGULANT_WARNING, DISCLAIMER } from '../safetyTexts.ts';
import { DISCORD_LIMITS, expectWithinDiscordLimits } from './discordLimits.ts';

// The views of src/discord/renderEmbeds.ts part by part, for mutation testing (npm run
// test:mutation -- render): every expected value is written here by hand, from Discord's
// documented limits (DISCORD_LIMITS) and knowledge/texts.json's wording, never from the renderer.

/** Discord's component and style numbers (docs/components/reference). */
const ACTION_ROW = 1;
const BUTTON = 2;
const STRING_SELECT = 3;
const PRIMARY = 1;
const SECONDARY = 2;
const DANGER = 4;
/** The colours the README gives the reply kinds. */
const NOTICE_BLUE = 0x1565c0;
const WARNING_ORANGE = 0xef6c00;

const WARNING_FIELD = { name: '⚠️ Blood thinners', value: ANTICOAGULANT_WARNING };

const embedOf = (reply: RenderedReply) => {
  const embed = reply.embeds[0];
  if (!embed) throw new Error('no embed');
  return embed;
};
const buttons = (reply: RenderedReply) => reply.components.flatMap((row) => row.components);

describe('shorten', () => {
  it('cuts at a word break only when it keeps more than 80 % of the room', () => {
    // 16 letters, a space at index 16 = exactly 80 % of 20: not past it, so the cut stays mid-word.
    const text = `${'a'.repeat(16)} ${'b'.repeat(10)}`;
    expect(shorten(text, 20)).toBe(`${'a'.repeat(16)} bb…`);
    expect(shorten('alpha beta gamma delta epsilon', 25)).toBe('alpha beta gamma delta…');
  });

  it('drops the spaces left before the "…"', () => {
    expect(shorten('abcdefghijklm  opqrstuvw', 17)).toBe('abcdefghijklm…');
  });

  it('keeps text of exactly the limit whole, and has room for nothing below 1', () => {
    expect(shorten('abcde', 5)).toBe('abcde');
    expect(shorten('abcdef', 5)).toBe('abcd…');
    expect(shorten('abc', 1)).toBe('…');
    expect(shorten('abc', 0)).toBe('');
  });

  it('never leaves half an emoji at the cut', () => {
    // 'x' then emoji: the cut at 2 units would keep half of the first emoji.
    expect(shorten('x🧀🧀🧀', 3)).toBe('x…');
  });
});

describe('escapeUserText', () => {
  it('shows a text one character over the room as cut, one of exactly the room whole', () => {
    expect(escapeUserText('abcdefghij', 10)).toBe('abcdefghij');
    expect(escapeUserText('abcdefghijk', 10)).toBe('abcdefghi…');
  });

  it('breaks every mention and channel link, not only the first', () => {
    expect(escapeUserText('@a @b <#1> <#2>', 100)).toBe('@\u200ba @\u200bb <\u200b#1> <\u200b#2>');
  });
});

describe('embedLength and collectReplyText', () => {
  const embed = {
    title: 'ab',
    description: 'cde',
    footer: { text: 'f' },
    author: { name: 'gh' },
    fields: [
      { name: 'i', value: 'jk' },
      { name: 'lm', value: 'n' },
    ],
  };

  it('counts title, description, footer, author and every field name and value (Discord)', () => {
    expect(embedLength(embed)).toBe(2 + 3 + 1 + 2 + (1 + 2) + (2 + 1));
    expect(embedLength({})).toBe(0);
  });

  it('collects every text a person sees, in order', () => {
    expect(collectReplyText({ content: 'hello', embeds: [embed] })).toBe(
      ['hello', 'ab', 'cde', 'gh', 'i', 'jk', 'lm', 'n', 'f'].join('\n'),
    );
    expect(collectReplyText({ embeds: [{}] })).toBe(['', '', '', '', ''].join('\n'));
  });
});

describe('renderAnswer: title, notices and question', () => {
  it('titles an urgent reply as urgent, an answer by its topic, a decline by the bot', () => {
    expect(answerTitle(handWrittenAnswer({ urgent: true, urgentNotice: 'Call 112.' }))).toBe(
      'Urgent: get medical help',
    );
    expect(answerTitle(handWrittenAnswer())).toBe('Natto');
    expect(answerTitle(handWrittenAnswer({ topic: null }))).toBe('K2 Bot');
  });

  it('caps the urgent notice at 1,500 characters and the personal notice at 1,000', () => {
    const reply = renderAnswer(
      handWrittenAnswer({
        urgent: true,
        urgentNotice: 'u'.repeat(2000),
        personal: true,
        personalNotice: 'p'.repeat(1200),
        safety: { ...CALM_SAFETY, warningFirst: true },
      }),
    );
    expect(embedOf(reply).description).toBe(
      `🚨 **${'u'.repeat(1499)}…**\n\n**${ANTICOAGULANT_WARNING}**\n\n${'p'.repeat(999)}…\n\nNatto is the richest K2 food.`,
    );
  });

  it('caps the echoed question at 300 characters', () => {
    const reply = renderAnswer(handWrittenAnswer(), { question: 'q'.repeat(400) });
    expect(embedOf(reply).description).toBe(`**Q:** ${'q'.repeat(299)}…\n\nNatto is the richest K2 food.`);
  });

  it('writes "someone" for an asker without a name, and caps a name at 80', () => {
    expect(renderAnswer(handWrittenAnswer(), { forUserId: '223456789012345678' }).content).toBe(
      '<@223456789012345678>, someone asked K2 Bot this for you:',
    );
    expect(
      renderAnswer(handWrittenAnswer(), { forUserId: '223456789012345678', askedByName: 'n'.repeat(90) })
        .content,
    ).toBe(`<@223456789012345678>, ${'n'.repeat(79)}… asked K2 Bot this for you:`);
  });

  it('pings the addressed member unless told the member was pinged recently', () => {
    const member = '223456789012345678';
    expect(
      renderAnswer(handWrittenAnswer(), { forUserId: member, pingForUser: true }).allowedMentions,
    ).toStrictEqual({ parse: [], users: [member], repliedUser: false });
  });

  it('gives a field no "inline" key unless it is inline', () => {
    const reply = renderAnswer(
      handWrittenAnswer({ corrections: [{ note: 'Fixed.', references: ['NIH'], factCheckIds: ['C-01'] }] }),
    );
    expect(embedOf(reply).fields).toStrictEqual([
      { name: '📝 Correction: the article is wrong here', value: 'Fixed.' },
      WARNING_FIELD,
    ]);
  });

  it('shows the disclaimer as the footer, word for word', () => {
    expect(embedOf(renderAnswer(handWrittenAnswer())).footer).toStrictEqual({ text: DISCLAIMER });
  });

  it('cuts a field value at 1,024 characters (Discord) and keeps the warning whole', () => {
    const reply = renderAnswer(
      handWrittenAnswer({ corrections: [{ note: 'c'.repeat(2000), references: [], factCheckIds: [] }] }),
    );
    const fields = embedOf(reply).fields ?? [];
    expect(fields[0]?.value).toBe(`${'c'.repeat(DISCORD_LIMITS.fieldValue - 1)}…`);
    expect(fields.at(-1)).toStrictEqual(WARNING_FIELD);
  });

  it('drops corrections from the end when they would leave no room for the answer', () => {
    const corrections = Array.from({ length: 10 }, (_, i) => ({
      note: `${i}`.repeat(1000),
      references: [],
      factCheckIds: [],
    }));
    const reply = renderAnswer(handWrittenAnswer({ corrections, body: 'b'.repeat(3000) }));
    expectWithinDiscordLimits(reply);
    const embed = embedOf(reply);
    // The first corrections stay in order, whole; the warning stays last; some answer is left.
    const values = (embed.fields ?? []).map((f) => f.value);
    expect(values.at(-1)).toBe(ANTICOAGULANT_WARNING);
    const kept = values.slice(0, -1);
    expect(kept.length).toBeGreaterThan(0);
    expect(kept.length).toBeLessThan(10);
    expect(kept).toEqual(kept.map((_, i) => `${i}`.repeat(1000)));
    expect(embed.description?.length ?? 0).toBeGreaterThan(0);
    expect(embed.description?.startsWith('bbb')).toBe(true);
  });

  it('drops the source field when only 120 characters are left for it', () => {
    // 6,000 (Discord) less 1,500 kept for the answer leaves 4,500 for the title ("Natto"), the
    // disclaimer footer, the warning field and the corrections; they take all but 120 of it, and
    // the source needs at least 120 besides its name to be shown shortened.
    const correctionName = '📝 Correction: the article is wrong here';
    const warningField = '⚠️ Blood thinners'.length + ANTICOAGULANT_WARNING.length;
    const forCorrections = 6000 - 1500 - 120 - 'Natto'.length - DISCLAIMER.length - warningField;
    const last = forCorrections - 3 * (correctionName.length + 1000) - correctionName.length;
    const corrections = [1000, 1000, 1000, last].map((size, i) => ({
      note: `${i}`.repeat(size),
      references: [],
      factCheckIds: [],
    }));
    const reply = renderAnswer(
      handWrittenAnswer({
        body: 'b'.repeat(1500),
        corrections,
        source: { sections: ['s'.repeat(900)], quote: 'q' },
      }),
    );
    expectWithinDiscordLimits(reply);
    const names = (embedOf(reply).fields ?? []).map((f) => f.name);
    expect(names).toEqual([
      correctionName,
      correctionName,
      correctionName,
      correctionName,
      '⚠️ Blood thinners',
    ]);
    expect(embedOf(reply).description).toBe('b'.repeat(1500));
  });

  it('shortens the source field instead of the answer when space runs short', () => {
    const reply = renderAnswer(
      handWrittenAnswer({
        body: 'b'.repeat(1400),
        source: { sections: ['s'.repeat(900)], quote: 'q' },
        corrections: Array.from({ length: 4 }, (_, i) => ({
          note: `${i}`.repeat(900),
          references: [],
          factCheckIds: [],
        })),
      }),
    );
    expectWithinDiscordLimits(reply);
    const embed = embedOf(reply);
    // The whole answer stays: 1,400 characters are under the share reserved for it.
    expect(embed.description).toBe('b'.repeat(1400));
    const source = embed.fields?.find((f) => f.name === 'Source');
    expect(source?.value.startsWith('From the article, “sss')).toBe(true);
    expect(source?.value.endsWith('…')).toBe(true);
  });
});

describe('renderAnswer: buttons', () => {
  const ref = (id: string, title = id): TopicRef => ({ id, title, category: 'food' });

  it('related topics are grey, did-you-mean blue, delete red, each labelled from texts.json', () => {
    const reply = renderAnswer(
      handWrittenAnswer({ related: [ref('cheese', 'Cheese')], suggestions: [ref('eggs', 'Eggs')] }),
      { deletableBy: '123456789012345678' },
    );
    expect(reply.components).toStrictEqual([
      {
        type: ACTION_ROW,
        components: [{ type: BUTTON, custom_id: 'topic:cheese', label: 'Related: Cheese', style: SECONDARY }],
      },
      {
        type: ACTION_ROW,
        components: [{ type: BUTTON, custom_id: 'topic:eggs', label: 'Did you mean: Eggs?', style: PRIMARY }],
      },
      {
        type: ACTION_ROW,
        components: [
          { type: BUTTON, custom_id: 'vote:up:answer:full:natto', label: '👍 Helpful', style: SECONDARY },
          {
            type: BUTTON,
            custom_id: 'vote:down:answer:full:natto',
            label: '👎 Not helpful',
            style: SECONDARY,
          },
          { type: BUTTON, custom_id: 'delete:123456789012345678', label: 'Delete', style: DANGER },
        ],
      },
    ]);
  });

  it('offers no button to the topic already shown, and each topic once', () => {
    const reply = renderAnswer(
      handWrittenAnswer({
        related: [ref('natto'), ref('cheese'), ref('cheese')],
        suggestions: [ref('cheese'), ref('natto'), ref('eggs')],
      }),
    );
    expect(buttons(reply).map((b) => ('custom_id' in b ? b.custom_id : ''))).toEqual([
      'topic:cheese',
      'topic:eggs',
      'vote:up:answer:full:natto',
      'vote:down:answer:full:natto',
    ]);
  });

  it('puts at most 5 buttons in a row (Discord), the first five topics', () => {
    const related = Array.from({ length: 7 }, (_, i) => ref(`r${i}`));
    const suggestions = Array.from({ length: 7 }, (_, i) => ref(`s${i}`));
    const [relatedRow, suggestionRow] = renderAnswer(handWrittenAnswer({ related, suggestions })).components;
    expect(relatedRow?.components.map((b) => ('custom_id' in b ? b.custom_id : ''))).toEqual([
      'topic:r0',
      'topic:r1',
      'topic:r2',
      'topic:r3',
      'topic:r4',
    ]);
    expect(suggestionRow?.components).toHaveLength(DISCORD_LIMITS.buttonsPerRow);
  });

  it('leaves out a button whose custom id would pass 100 characters (Discord), keeps one of exactly 100', () => {
    // 'topic:' is 6 characters.
    const fits = 'f'.repeat(DISCORD_LIMITS.customId - 6);
    const tooLong = 't'.repeat(DISCORD_LIMITS.customId - 5);
    const reply = renderAnswer(handWrittenAnswer({ related: [ref(tooLong), ref(fits)] }));
    const ids = buttons(reply).map((b) => ('custom_id' in b ? b.custom_id : ''));
    expect(ids).toContain(`topic:${fits}`);
    expect(ids).not.toContain(`topic:${tooLong}`);
  });

  it('cuts a button label at 80 characters (Discord)', () => {
    const reply = renderAnswer(handWrittenAnswer({ related: [ref('long', 'T'.repeat(200))] }));
    const label = buttons(reply)[0];
    expect(label && 'label' in label ? label.label : '').toBe(`Related: ${'T'.repeat(70)}…`);
  });

  it('has no row at all when there is no button', () => {
    const reply = renderAnswer(
      handWrittenAnswer({ kind: 'decline', topic: null, urgent: true, urgentNotice: 'x' }),
    );
    expect(reply.components).toEqual([]);
  });
});

describe('renderTopicDetails ("More")', () => {
  it('the summary, every fact, every correction with its sources', () => {
    const reply = renderTopicDetails(
      handWrittenAnswer({
        more: {
          summary: 'Natto is fermented soy.',
          corrections: [{ note: 'More fix.', references: ['EFSA'], factCheckIds: ['C-02'] }],
        },
        details: ['Fact one.', 'Fact two.'],
        corrections: [{ note: 'Fixed.', references: ['NIH', 'EFSA'], factCheckIds: ['C-01'] }],
      }),
    );
    const embed = embedOf(reply);
    expect(embed.title).toBe('Natto: all facts');
    expect(embed.color).toBe(0x2e7d32);
    expect(embed.description).toBe('Natto is fermented soy.\n• Fact one.\n• Fact two.');
    expect(embed.fields).toStrictEqual([
      { name: '📝 Correction: the article is wrong here', value: 'Fixed.\nSources: NIH; EFSA' },
      { name: '📝 Correction: the article is wrong here', value: 'More fix.\nSources: EFSA' },
      WARNING_FIELD,
    ]);
    expect(reply.components).toEqual([]);
  });

  it('without a topic or facts: the bot name and the answer itself', () => {
    const embed = embedOf(renderTopicDetails(handWrittenAnswer({ topic: null })));
    expect(embed.title).toBe('K2 Bot: all facts');
    expect(embed.description).toBe('Natto is the richest K2 food.');
  });
});

describe('renderNotice', () => {
  it('the bot name as title, blue, the body, the warning field and the disclaimer', () => {
    expect(renderNotice(handWrittenAnswer({ body: 'Please wait.' }))).toStrictEqual({
      embeds: [
        {
          title: 'K2 Bot',
          color: NOTICE_BLUE,
          description: 'Please wait.',
          fields: [WARNING_FIELD],
          footer: { text: DISCLAIMER },
        },
      ],
      components: [],
      allowedMentions: { parse: [], repliedUser: false },
    });
  });

  it('an empty body still gives a description (Discord refuses an empty one)', () => {
    expect(embedOf(renderNotice(handWrittenAnswer({ body: '' }))).description).toBe('\u200b');
  });

  it('cuts the title at 256 characters (Discord)', () => {
    expect(embedOf(renderNotice(handWrittenAnswer(), 'T'.repeat(300))).title).toBe(
      `${'T'.repeat(DISCORD_LIMITS.title - 1)}…`,
    );
  });

  it('cuts a one-word body at 4,096 characters (Discord)', () => {
    const embed = embedOf(renderNotice(handWrittenAnswer({ body: 'x'.repeat(9000) })));
    expect(embed.description).toBe(`${'x'.repeat(DISCORD_LIMITS.description - 1)}…`);
  });
});

describe('renderTopicBrowser (/topics)', () => {
  const topics: TopicRef[] = [
    { id: 'natto', title: 'Natto', category: 'food' },
    { id: 'cheese', title: 'Cheese', category: 'food' },
    { id: 'osteo', title: 'Osteoporosis', category: 'bones' },
    { id: 'other', title: 'Other', category: 'misc' as TopicRef['category'] },
  ];

  it('labels the categories, the unknown one by its own name', () => {
    expect(
      [
        'basics',
        'bones',
        'heart',
        'conditions',
        'food',
        'dosage',
        'supplements',
        'interactions',
        'safety',
      ].map(categoryLabel),
    ).toEqual([
      'Basics',
      'Bones',
      'Heart and arteries',
      'Conditions',
      'Food',
      'Dosage',
      'Supplements',
      'Interactions',
      'Safety',
    ]);
    expect(categoryLabel('misc')).toBe('misc');
  });

  it('lists each category with its count and titles, and a menu to open one', () => {
    const reply = renderTopicBrowser(topics, CALM_SAFETY);
    const embed = embedOf(reply);
    expect(embed.title).toBe('Topics K2 Bot can answer');
    expect(embed.color).toBe(NOTICE_BLUE);
    expect(embed.description).toBe(
      '**Food** (2): Natto, Cheese\n**Bones** (1): Osteoporosis\n**misc** (1): Other',
    );
    expect(reply.components).toStrictEqual([
      {
        type: ACTION_ROW,
        components: [
          {
            type: STRING_SELECT,
            custom_id: 'browse:category',
            placeholder: 'Browse a category',
            options: [
              { label: 'Food', value: 'food', description: '2 topics' },
              { label: 'Bones', value: 'bones', description: '1 topics' },
              { label: 'misc', value: 'misc', description: '1 topics' },
            ],
          },
        ],
      },
    ]);
  });

  it('cuts a category’s list of titles at 300 characters', () => {
    const many = Array.from({ length: 40 }, (_, i) => ({
      id: `t${i}`,
      title: `Topic${String(i).padStart(2, '0')}`,
      category: 'bones' as const,
    }));
    const description = embedOf(renderTopicBrowser(many, CALM_SAFETY)).description ?? '';
    // "Topic00, " takes 9 characters: 33 titles and a bit of the 34th fit in 299; the cut goes back
    // to the word break after the 33rd.
    const first33 = many.slice(0, 33).map((t) => t.title);
    expect(description).toBe(`**Bones** (40): ${first33.join(', ')},…`);
  });

  it('one category: its topics as a list and a menu of them', () => {
    const reply = renderTopicBrowser(topics, CALM_SAFETY, 'food');
    const embed = embedOf(reply);
    expect(embed.title).toBe('Topics: Food');
    expect(embed.description).toBe('• Natto\n• Cheese');
    expect(reply.components).toStrictEqual([
      {
        type: ACTION_ROW,
        components: [
          {
            type: STRING_SELECT,
            custom_id: 'browse:topic',
            placeholder: 'Open a topic',
            options: [
              { label: 'Natto', value: 'natto' },
              { label: 'Cheese', value: 'cheese' },
            ],
          },
        ],
      },
    ]);
  });

  it('an empty category says so and offers no menu (Discord refuses one without options)', () => {
    const reply = renderTopicBrowser(topics, CALM_SAFETY, 'heart');
    expect(embedOf(reply).title).toBe('Topics: Heart and arteries');
    expect(embedOf(reply).description).toBe('No topics in this category.');
    expect(reply.components).toEqual([]);
  });

  it('offers at most 25 categories in the menu (Discord)', () => {
    const categories = Array.from({ length: 30 }, (_, i) => ({
      id: `t${i}`,
      title: `Topic ${i}`,
      category: `c${i}` as TopicRef['category'],
    }));
    const select = renderTopicBrowser(categories, CALM_SAFETY).components[0]?.components[0];
    const options = select && 'options' in select ? select.options : [];
    expect(options.map((o) => o.value)).toEqual(categories.slice(0, 25).map((t) => t.category));
  });

  it('a menu holds at most 25 options of at most 100 characters (Discord)', () => {
    const many = Array.from({ length: 30 }, (_, i) => ({
      id: `t${i}`,
      title: `${i} ${'w'.repeat(150)}`,
      category: 'bones' as const,
    }));
    const select = renderTopicBrowser(many, CALM_SAFETY, 'bones').components[0]?.components[0];
    const options = select && 'options' in select ? select.options : [];
    expect(options).toHaveLength(DISCORD_LIMITS.selectOptions);
    expect(options[0]).toStrictEqual({ label: `0 ${'w'.repeat(97)}…`, value: 't0' });
  });

  it('keeps as many whole lines as fit in 4,096 characters and counts the rest', () => {
    // 100 lines of 100 characters: 40 lines (4,039 with line breaks) and "\n… and 60 more" (14)
    // fit; a 41st line would take 4,140.
    const many = Array.from({ length: 100 }, (_, i) => ({
      id: `t${i}`,
      title: `${String(i).padStart(3, '0')}${'y'.repeat(95)}`,
      category: 'bones' as const,
    }));
    const description = embedOf(renderTopicBrowser(many, CALM_SAFETY, 'bones')).description ?? '';
    const lines = many.slice(0, 40).map((t) => `• ${t.title}`);
    expect(description).toBe(`${lines.join('\n')}\n… and 60 more`);
    expect(description.length).toBeLessThanOrEqual(DISCORD_LIMITS.description);
  });

  it('shows every line when they fill the 4,096 characters exactly, with no count', () => {
    // 40 lines of 100 characters and one of 56, with the 40 line breaks: 4,096.
    const many = Array.from({ length: 41 }, (_, i) => ({
      id: `t${i}`,
      title: `${String(i).padStart(3, '0')}${'y'.repeat(i === 40 ? 51 : 95)}`,
      category: 'bones' as const,
    }));
    const description = embedOf(renderTopicBrowser(many, CALM_SAFETY, 'bones')).description ?? '';
    expect(description).toBe(many.map((t) => `• ${t.title}`).join('\n'));
    expect(description.length).toBe(DISCORD_LIMITS.description);
  });

  it('keeps a line when it and the count after it fill the 4,096 characters exactly', () => {
    // A first line of 143 characters, then lines of 100: 40 lines take 4,082, and
    // "\n… and 60 more" the last 14.
    const many = Array.from({ length: 100 }, (_, i) => ({
      id: `t${i}`,
      title: `${String(i).padStart(3, '0')}${'y'.repeat(i === 0 ? 138 : 95)}`,
      category: 'bones' as const,
    }));
    const description = embedOf(renderTopicBrowser(many, CALM_SAFETY, 'bones')).description ?? '';
    const lines = many.slice(0, 40).map((t) => `• ${t.title}`);
    expect(description).toBe(`${lines.join('\n')}\n… and 60 more`);
    expect(description.length).toBe(DISCORD_LIMITS.description);
  });

  it('counts the line breaks between many short lines', () => {
    // 1,000 lines of 9 characters, 10 with the line break: 408 lines (4,079) and "\n… and 592 more"
    // (15) fit; a 409th line would take 4,089 before its count.
    const many = Array.from({ length: 1000 }, (_, i) => ({
      id: `t${i}`,
      title: `T${String(i).padStart(6, '0')}`,
      category: 'bones' as const,
    }));
    const description = embedOf(renderTopicBrowser(many, CALM_SAFETY, 'bones')).description ?? '';
    const lines = many.slice(0, 408).map((t) => `• ${t.title}`);
    expect(description).toBe(`${lines.join('\n')}\n… and 592 more`);
  });

  it('cuts a first line that is longer than 4,096 characters on its own', () => {
    const many = [{ id: 't', title: 'z'.repeat(5000), category: 'bones' as const }];
    const description = embedOf(renderTopicBrowser(many, CALM_SAFETY, 'bones')).description ?? '';
    expect(description).toBe(`• ${'z'.repeat(DISCORD_LIMITS.description - 3)}…`);
  });
});

describe('renderFoods (/foods)', () => {
  const food = (overrides: Partial<Food>): Food => ({
    id: 'natto',
    name: 'Natto',
    amount: { min: 1000, max: 1100, unit: 'mcg' },
    basis: '100 g',
    articleSays: 'about 1,000 mcg',
    quote: 'q',
    section: 's',
    ...overrides,
  });

  it('each food with its figure, basis, the article’s words and any correction', () => {
    const reply = renderFoods(
      [
        food({}),
        food({ name: 'Gouda', amount: { min: 75, max: 75, unit: 'mcg' }, basis: null }),
        food({ name: 'Eggs', amount: null, articleSays: 'some' }),
        food({
          name: 'Butter',
          amount: { min: 15, max: 15, unit: 'mcg' },
          correction: { note: 'Less than that.', references: ['EFSA'], factCheckIds: ['C-03'] },
        }),
      ],
      CALM_SAFETY,
    );
    const embed = embedOf(reply);
    expect(embed.title).toBe('Foods with vitamin K2, by amount');
    expect(embed.color).toBe(NOTICE_BLUE);
    expect(embed.description).toBe(
      [
        'Figures are the article’s own; real amounts vary by product and batch.',
        '',
        '**Natto**: 1000–1100 mcg per 100 g (the article: “about 1,000 mcg”)',
        '**Gouda**: 75 mcg (the article: “about 1,000 mcg”)',
        '**Eggs** (the article: “some”)',
        '**Butter**: 15 mcg per 100 g (the article: “about 1,000 mcg”)\n  ↳ 📝 Less than that.',
      ].join('\n'),
    );
    expect(embed.fields).toStrictEqual([WARNING_FIELD]);
  });

  it('says when there are no foods', () => {
    expect(embedOf(renderFoods([], CALM_SAFETY)).description).toBe(
      'Figures are the article’s own; real amounts vary by product and batch.\n\nThe knowledge base lists no foods.',
    );
  });
});

describe('renderDoses (/dosage)', () => {
  const dose = (overrides: Partial<Dose>): Dose => ({
    id: 'adults',
    group: 'Adults',
    amount: { min: 90, max: 120, unit: 'mcg' },
    form: 'MK-7',
    text: 'A daily figure.',
    quote: 'q',
    section: 's',
    ...overrides,
  });
  const doses = [
    dose({}),
    dose({
      id: 'children',
      group: 'Children',
      amount: { min: 45, max: 45, unit: 'mcg' },
      correction: { note: 'Not tested.', references: ['NIH'], factCheckIds: ['C-04'] },
    }),
  ];

  it('the warning leads, then the lead text, then each figure with any correction', () => {
    const embed = embedOf(renderDoses(doses, CALM_SAFETY));
    expect(embed.title).toBe('Dose figures from the article');
    expect(embed.color).toBe(WARNING_ORANGE);
    expect(embed.description).toBe(
      [
        `**${ANTICOAGULANT_WARNING}**`,
        '',
        'These are figures the article reports, not a recommendation for you.',
        '',
        '**Adults** (MK-7): 90–120 mcg. A daily figure.',
        '**Children** (MK-7): 45 mcg. A daily figure.\n  ↳ 📝 Not tested.',
      ].join('\n'),
    );
    // Once, on top: not again as a field.
    expect(embed.fields).toEqual([]);
  });

  it('a group picks the doses whose group contains it, whatever the case', () => {
    const embed = embedOf(renderDoses(doses, CALM_SAFETY, 'CHILD'));
    expect(embed.title).toBe('Dose figures: CHILD');
    expect(embed.description).toBe(
      `**${ANTICOAGULANT_WARNING}**\n\nThese are figures the article reports, not a recommendation for you.\n\n**Children** (MK-7): 45 mcg. A daily figure.\n  ↳ 📝 Not tested.`,
    );
  });

  it('an unknown group is named, escaped, in the title and the answer', () => {
    const embed = embedOf(renderDoses(doses, CALM_SAFETY, '@everyone'));
    expect(embed.title).toBe('Dose figures: @\u200beveryone');
    expect(
      embed.description?.endsWith(
        'The article gives no figure for “@\u200beveryone”. Try /dosage without a group.',
      ),
    ).toBe(true);
  });

  it('no doses at all', () => {
    expect(
      embedOf(renderDoses([], CALM_SAFETY)).description?.endsWith(
        'The knowledge base lists no dose figures.',
      ),
    ).toBe(true);
  });
});

describe('renderAbout and renderHelp', () => {
  it('/about: the article, the knowledge version, the disclaimer and what is stored', () => {
    const embed = embedOf(
      renderAbout(
        {
          meta: {
            version: '1.2.3',
            reviewedOn: '2026-11-20',
            article: { title: 'Vitamin K2 article', file: 'a' },
          },
          topicCount: 37,
          retention: { retentionDays: 30, graceDays: 7 },
        },
        CALM_SAFETY,
      ),
    );
    expect(embed.title).toBe('About K2 Bot');
    expect(embed.description).toBe(
      'K2 Bot answers questions about vitamin K2 from a fact-checked knowledge base built from one article. Where the article is wrong, answers carry a correction with an authoritative reference.',
    );
    const fields = embed.fields ?? [];
    expect(fields.slice(0, 3)).toStrictEqual([
      { name: 'Source article', value: 'Vitamin K2 article' },
      { name: 'Knowledge', value: 'Version 1.2.3, reviewed 2026-11-20, 37 topics' },
      { name: 'Disclaimer', value: DISCLAIMER },
    ]);
    const stored = fields.slice(3, -1);
    expect(stored.map((f) => f.name)).toContain('What is stored: server settings');
    expect(stored.map((f) => f.name)).toContain('What is stored: votes on answers');
    expect(fields.at(-1)).toStrictEqual(WARNING_FIELD);
  });

  it('/help: each slash command with its use, then chat and the message command', () => {
    const entry = (overrides: Partial<CatalogEntry>): CatalogEntry => ({
      name: 'ask',
      kind: 'slash',
      helpUsage: '/ask question',
      fullUsage: '/ask question:<text>',
      description: 'd',
      help: 'ask anything',
      options: [],
      ...overrides,
    });
    const embed = embedOf(
      renderHelp(
        [
          entry({}),
          entry({ name: 'Ask K2 Bot', kind: 'message', helpUsage: 'Ask K2 Bot', help: 'answers it' }),
          entry({ name: 'about', helpUsage: '/about', help: 'sources' }),
        ],
        CALM_SAFETY,
      ),
    );
    expect(embed.title).toBe('K2 Bot help');
    expect(embed.description).toBe(
      '`/ask question` ask anything\n`/about` sources\nIn chat: mention the bot, reply to one of its answers, or DM it. Right-click a message → Apps → **Ask K2 Bot**.',
    );
  });
});

describe('renderSettings (/settings)', () => {
  const base = defaultGuildSettings('1');

  it('the default settings, field by field', () => {
    const embed = embedOf(renderSettings({ ...base, cooldownSeconds: 0 }, CALM_SAFETY));
    expect(embed.title).toBe('K2 Bot settings');
    expect(embed.color).toBe(NOTICE_BLUE);
    expect(embed.description).toBe('Current settings for this server.');
    expect(embed.fields).toStrictEqual([
      { name: 'Mode', value: 'mention-only: answers when mentioned or replied to' },
      { name: 'Auto-answer channels', value: 'none' },
      { name: '/ask visibility', value: 'public' },
      { name: 'Cooldown', value: 'off' },
      { name: 'Learning', value: 'off: no questions are recorded' },
      { name: 'Moderator alerts', value: 'off' },
      { name: 'Server note', value: 'none' },
      WARNING_FIELD,
    ]);
  });

  it('every setting changed, with what is stored, a headline and warnings', () => {
    const reply = renderSettings(
      {
        ...base,
        mode: 'auto-channels',
        autoChannelIds: ['111', '222'],
        askVisibility: 'private',
        cooldownSeconds: 30,
        learning: true,
        alertChannelId: '333',
        alertRoleId: '444',
        note: 'Ask @everyone',
      },
      CALM_SAFETY,
      {
        headline: 'Saved.',
        warnings: ['I cannot read <#111>.'],
        stored: { votes: 3, questions: 4, retention: { retentionDays: 30, graceDays: 7 } },
      },
    );
    const embed = embedOf(reply);
    expect(embed.color).toBe(WARNING_ORANGE);
    expect(embed.description).toBe('⚠️ I cannot read <#111>.\n\nSaved.');
    const fields = embed.fields ?? [];
    expect(fields.slice(0, 8)).toStrictEqual([
      { name: 'Mode', value: 'auto-channels: also answers confident K2 questions in the listed channels' },
      { name: 'Auto-answer channels', value: '<#111>, <#222>' },
      { name: '/ask visibility', value: 'private' },
      { name: 'Cooldown', value: '30 s per member' },
      {
        name: 'Learning',
        value: 'on: questions K2 Bot could not answer well are recorded, cleaned, for review',
      },
      { name: 'Moderator alerts', value: 'to <#333>, pinging <@&444>' },
      { name: 'Server note', value: 'Ask @\u200beveryone' },
      { name: 'Stored for this server now', value: 'Settings, 3 votes on answers, 4 recorded questions.' },
    ]);
    expect(fields[8]?.name).toBe('What is stored: server settings');
    expect(fields.at(-1)).toStrictEqual(WARNING_FIELD);
    expect(reply.allowedMentions).toStrictEqual({ parse: [], repliedUser: false });
  });

  it('mode off, alerts to a channel without a role', () => {
    const fields = embedOf(
      renderSettings({ ...base, mode: 'off', alertChannelId: '333' }, CALM_SAFETY, { warnings: [] }),
    ).fields;
    expect(fields?.[0]).toStrictEqual({
      name: 'Mode',
      value: 'off: no chat answers (slash commands still work)',
    });
    expect(fields?.[5]).toStrictEqual({ name: 'Moderator alerts', value: 'to <#333>, pinging nobody' });
  });

  it('long warnings: the short settings stay, what is stored gives way from the end', () => {
    const reply = renderSettings(
      {
        ...base,
        autoChannelIds: Array.from({ length: 200 }, (_, i) => `${1e17 + i}`),
        note: 'n'.repeat(200),
      },
      CALM_SAFETY,
      {
        headline: 'h'.repeat(1500),
        warnings: ['w'.repeat(2500)],
        stored: { votes: 3, questions: 4, retention: { retentionDays: 30, graceDays: 7 } },
      },
    );
    expectWithinDiscordLimits(reply);
    const names = (embedOf(reply).fields ?? []).map((f) => f.name);
    expect(names.slice(0, 7)).toEqual([
      'Mode',
      'Auto-answer channels',
      '/ask visibility',
      'Cooldown',
      'Learning',
      'Moderator alerts',
      'Server note',
    ]);
    expect(names).not.toContain('What is stored: questions it could not answer well');
    expect(names.at(-1)).toBe('⚠️ Blood thinners');
  });

  it('no warnings: blue', () => {
    expect(embedOf(renderSettings(base, CALM_SAFETY, { warnings: [] })).color).toBe(NOTICE_BLUE);
  });
});

describe('vote button ids (voteIds.ts)', () => {
  it('carry the reply kind, coverage and topic; a decline has no topic', () => {
    expect(voteCustomIds(handWrittenAnswer())).toStrictEqual({
      helpful: 'vote:up:answer:full:natto',
      notHelpful: 'vote:down:answer:full:natto',
    });
    expect(
      voteCustomIds(handWrittenAnswer({ kind: 'decline', topic: null, coverage: 'none' })),
    ).toStrictEqual({
      helpful: 'vote:up:decline:none:',
      notHelpful: 'vote:down:decline:none:',
    });
  });

  it('an urgent reply cannot be rated', () => {
    expect(voteCustomIds(handWrittenAnswer({ urgent: true, urgentNotice: 'Call 112.' }))).toBeNull();
  });

  it('read back: the vote and the reply, no facts', () => {
    expect(parseVoteCustomId('vote:up:answer:partial:natto')).toStrictEqual({
      vote: 'helpful',
      replyKind: 'answer',
      coverage: 'partial',
      topicId: 'natto',
      factIds: [],
    });
    expect(parseVoteCustomId('vote:down:decline:none:')).toStrictEqual({
      vote: 'not-helpful',
      replyKind: 'decline',
      coverage: 'none',
      topicId: null,
      factIds: [],
    });
  });

  it.each([
    ['another prefix', 'topic:up:answer:full:natto'],
    ['a sixth part', 'vote:up:answer:full:natto:x'],
    ['no reply kind', 'vote:up::full:natto'],
    ['no topic part', 'vote:up:answer:full'],
    ['another direction', 'vote:sideways:answer:full:natto'],
    ['an unknown coverage', 'vote:up:answer:most:natto'],
    ['no coverage', 'vote:up:answer'],
  ])('refuses %s', (_name, customId) => {
    expect(parseVoteCustomId(customId)).toBeNull();
  });
});
