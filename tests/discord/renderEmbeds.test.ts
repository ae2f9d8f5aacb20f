import { describe, expect, it } from 'vitest';
import { catalogCommands } from '../../src/discord/commandCatalog.ts';
import { COMMANDS } from '../../src/discord/commands/index.ts';
import {
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
import type { Answer, TopicRef } from '../../src/engine/index.ts';
import type { Dose, Food, KnowledgeMeta } from '../../src/kb/schema.ts';
import { defaultGuildSettings } from '../../src/store/settingsStore.ts';
import { ANTICOAGULANT_WARNING, DISCLAIMER } from '../safetyTexts.ts';
import { expectWithinDiscordLimits, visibleText } from './discordLimits.ts';

const safety = { disclaimer: DISCLAIMER, warning: ANTICOAGULANT_WARNING, warningFirst: false };

const BODIES = {
  short: 'Natto is the richest K2 food.',
  huge: 'Vitamin K2 helps route calcium. '.repeat(600),
  unicode: '🧀🥚🫘 納豆 ß ﷽ '.repeat(900),
  markdown: '**bold** _it_ `code` ```block``` > quote ||spoiler|| @everyone <@&123456789012345678> '.repeat(
    120,
  ),
  oneWord: 'x'.repeat(9000),
};

const manyTopics = (n: number, prefix = 'topic'): TopicRef[] =>
  Array.from({ length: n }, (_, i) => ({
    id: `${prefix}-${i}-${'long'.repeat(i % 3 === 0 ? 30 : 1)}`,
    title: `${prefix} title ${i} ${'🦴'.repeat(i % 4 === 0 ? 80 : 1)}`,
    category: 'bones' as const,
  }));

function makeAnswer(body: string, overrides: Partial<Answer> = {}): Answer {
  return {
    kind: 'answer',
    matched: true,
    urgent: false,
    urgentNotice: null,
    personal: false,
    personalNotice: null,
    topic: { id: 'natto', title: `Natto ${body.slice(0, 400)}`, category: 'food' },
    confidence: 0.9,
    body,
    facts: ['natto/natto-amount'],
    coverage: 'full',
    more: { summary: body.slice(0, 600), corrections: [] },
    details: Array.from({ length: 40 }, (_, i) => `${i}: ${body.slice(0, 300)}`),
    source: { sections: ['Food sources', body.slice(0, 500)], quote: body },
    corrections: Array.from({ length: body.length > 5000 ? 30 : 3 }, () => ({
      note: `The article is wrong: ${body.slice(0, 380)}`,
      references: ['NIH ODS', body.slice(0, 700)],
      factCheckIds: ['C-01'],
    })),
    related: manyTopics(12, 'related'),
    suggestions: manyTopics(12, 'suggestion'),
    safety,
    ...overrides,
  };
}

const food = (body: string, i: number): Food => ({
  id: `food-${i}`,
  name: `Food ${i} ${body.slice(0, 200)}`,
  amount: { min: i, max: i + 10, unit: 'mcg' },
  basis: '100 g',
  articleSays: body.slice(0, 500),
  quote: 'q',
  section: 's',
  ...(i % 2 === 0
    ? { correction: { note: body.slice(0, 400), references: ['EFSA'], factCheckIds: ['C-02'] } }
    : {}),
});

const dose = (body: string, i: number): Dose => ({
  id: `dose-${i}`,
  group: `adults ${i}`,
  amount: { min: 90, max: 120, unit: 'mcg' },
  form: 'MK-7',
  text: body.slice(0, 800),
  quote: 'q',
  section: 's',
});

const meta: KnowledgeMeta = {
  version: '1.2.3',
  reviewedOn: '2026-11-20',
  article: { title: 'Vitamin K2 article', file: 'a' },
};

// Rendered inside each test, so mutation testing can tell which test covers which line.
function kinds(body: string): [string, () => RenderedReply, { first?: boolean; urgent?: boolean }][] {
  const settings = {
    ...defaultGuildSettings('1'),
    autoChannelIds: Array.from({ length: 200 }, (_, i) => `${1e17 + i}`),
  };
  return [
    [
      'answer',
      () => renderAnswer(makeAnswer(body), { question: body, deletableBy: '123456789012345678' }),
      {},
    ],
    [
      'answer for a member',
      () =>
        renderAnswer(makeAnswer(body), { question: body, forUserId: '223456789012345678', deletableBy: '1' }),
      {},
    ],
    [
      'warning first',
      () => renderAnswer(makeAnswer(body, { safety: { ...safety, warningFirst: true } })),
      { first: true },
    ],
    [
      'urgent',
      () =>
        renderAnswer(
          makeAnswer(body, {
            urgent: true,
            urgentNotice: `Call emergency services now. ${body.slice(0, 3000)}`,
            safety: { ...safety, warningFirst: true },
          }),
        ),
      { first: true, urgent: true },
    ],
    ['personal', () => renderAnswer(makeAnswer(body, { personal: true, personalNotice: body })), {}],
    [
      'decline',
      () =>
        renderAnswer(
          makeAnswer(body, {
            kind: 'decline',
            matched: false,
            topic: null,
            source: null,
            corrections: [],
            related: [],
          }),
        ),
      {},
    ],
    ['notice', () => renderNotice(makeAnswer(body), body), {}],
    ['more', () => renderTopicDetails(makeAnswer(body)), {}],
    ['topics', () => renderTopicBrowser(manyTopics(60), safety), {}],
    ['topics category', () => renderTopicBrowser(manyTopics(60), safety, 'bones'), {}],
    [
      'foods',
      () =>
        renderFoods(
          Array.from({ length: 40 }, (_, i) => food(body, i)),
          safety,
        ),
      {},
    ],
    [
      'dosage',
      () =>
        renderDoses(
          Array.from({ length: 40 }, (_, i) => dose(body, i)),
          safety,
        ),
      { first: true },
    ],
    ['dosage unknown group', () => renderDoses([], safety, body), { first: true }],
    [
      'about',
      () => renderAbout({ meta, topicCount: 37, retention: { retentionDays: 30, graceDays: 7 } }, safety),
      {},
    ],
    ['help', () => renderHelp(catalogCommands(COMMANDS), safety), {}],
    [
      'settings',
      () => renderSettings(settings, safety, { headline: body, warnings: [body.slice(0, 500)] }),
      {},
    ],
  ];
}

describe.each(Object.entries(BODIES))('render with a %s body', (_name, body) => {
  it.each(kinds(body))(
    '%s stays inside every limit with both safety texts intact',
    (_kind, render, expectations) => {
      const reply = render();
      expectWithinDiscordLimits(reply);
      expect(reply.embeds.length).toBeGreaterThan(0);
      for (const embed of reply.embeds) {
        for (const field of embed.fields ?? []) expect(field.value.length).toBeGreaterThan(0);
      }
      const text = visibleText(reply);
      expect(text).toContain(DISCLAIMER);
      expect(text).toContain(ANTICOAGULANT_WARNING);
      expect(reply.allowedMentions.parse).toEqual([]);
      if (expectations.first) {
        const description = reply.embeds[0]?.description ?? '';
        expect(description).toContain(ANTICOAGULANT_WARNING);
        // Only the urgent notice (capped at 1500) may come before the warning.
        expect(description.indexOf(ANTICOAGULANT_WARNING)).toBeLessThan(expectations.urgent ? 1600 : 300);
        if (expectations.urgent)
          expect(description.startsWith('🚨 **Call emergency services now.')).toBe(true);
      }
      // No lone surrogate left by a cut.
      expect(JSON.stringify(reply)).not.toMatch(/\\ud[89ab][0-9a-f]{2}(?!\\ud[c-f])/i);
    },
  );
});

describe('renderAnswer', () => {
  it('puts the urgent notice first, then the warning, then the body', () => {
    const reply = renderAnswer(
      makeAnswer('Body text.', {
        urgent: true,
        urgentNotice: 'Call 112 now.',
        safety: { ...safety, warningFirst: true },
      }),
    );
    const description = reply.embeds[0]?.description ?? '';
    expect(description.startsWith('🚨 **Call 112 now.**')).toBe(true);
    expect(description.indexOf(ANTICOAGULANT_WARNING)).toBeLessThan(description.indexOf('Body text.'));
    // Once, on top: not again as the last field.
    expect(reply.embeds[0]?.fields?.map((f) => f.name)).not.toContain('⚠️ Blood thinners');
  });

  it('lets a crisis notice stand alone: the warning moves to the last field', () => {
    const reply = renderAnswer(
      makeAnswer('Body text.', { urgent: true, urgentNotice: 'Call a crisis line now.' }),
    );
    const description = reply.embeds[0]?.description ?? '';
    expect(description.startsWith('🚨 **Call a crisis line now.**')).toBe(true);
    expect(description).not.toContain(ANTICOAGULANT_WARNING);
    expect(reply.embeds[0]?.fields?.at(-1)?.value).toBe(ANTICOAGULANT_WARNING);
  });

  it('shows the warning as the last field when it need not lead', () => {
    const reply = renderAnswer(makeAnswer('Body text.'));
    expect(reply.embeds[0]?.fields?.at(-1)?.value).toBe(ANTICOAGULANT_WARNING);
    expect(reply.embeds[0]?.description).not.toContain(ANTICOAGULANT_WARNING);
  });

  it('keeps the short answer before the source and shows corrections', () => {
    const reply = renderAnswer(makeAnswer('Short answer.'));
    const embed = reply.embeds[0];
    expect(embed?.description).toContain('Short answer.');
    expect(embed?.fields?.some((f) => f.name.includes('Correction'))).toBe(true);
    expect(embed?.fields?.some((f) => f.name === 'Source')).toBe(true);
  });

  it('builds related, did-you-mean, vote, more and delete buttons with short ids', () => {
    const answer = makeAnswer('Body.', {
      related: [{ id: 'cheese', title: 'Cheese', category: 'food' }],
      suggestions: [
        { id: 'eggs', title: 'Eggs', category: 'food' },
        { id: 'cheese', title: 'Cheese', category: 'food' },
      ],
    });
    const ids = renderAnswer(answer, { deletableBy: '123456789012345678' }).components.flatMap((row) =>
      row.components.map((c) => ('custom_id' in c ? c.custom_id : '')),
    );
    expect(ids).toEqual([
      'topic:cheese',
      'topic:eggs',
      'vote:up:answer:full:natto',
      'vote:down:answer:full:natto',
      'more:natto',
      'delete:123456789012345678',
    ]);
  });

  it('offers no vote on an urgent reply', () => {
    const reply = renderAnswer(
      makeAnswer('Body.', { urgent: true, urgentNotice: 'Call emergency services.' }),
    );
    const ids = reply.components.flatMap((row) =>
      row.components.map((c) => ('custom_id' in c ? c.custom_id : '')),
    );
    expect(ids.filter((id) => id.startsWith('vote:'))).toEqual([]);
  });

  it('shows the server note under the answer, inert, with both safety texts whole', () => {
    const note = 'See <#123456789012345678>, ask <@&223456789012345678> or @everyone';
    const reply = renderAnswer(makeAnswer('x'.repeat(5000)), { serverNote: note });
    const field = reply.embeds[0]?.fields?.find((f) => f.name === '📌 From this server');
    expect(field?.value).toBe(
      'See <#123456789012345678>, ask <@\u200b&223456789012345678> or @\u200beveryone',
    );
    const text = visibleText(reply);
    expect(text).toContain(DISCLAIMER);
    expect(text).toContain(ANTICOAGULANT_WARNING);
    expect(reply.allowedMentions).toEqual({ parse: [], repliedUser: false });
  });

  it('pings only the addressed member', () => {
    const reply = renderAnswer(makeAnswer('Body.'), { forUserId: '223456789012345678' });
    expect(reply.content).toBe('<@223456789012345678>, someone asked K2 Bot this for you:');
    expect(reply.allowedMentions).toStrictEqual({
      parse: [],
      users: ['223456789012345678'],
      repliedUser: false,
    });
  });

  it('shows the mention but pings nobody when the member was pinged recently', () => {
    const reply = renderAnswer(makeAnswer('Body.'), {
      forUserId: '223456789012345678',
      askedByName: '@everyone **Al**',
      pingForUser: false,
    });
    expect(reply.content).toBe(
      '<@223456789012345678>, @\u200beveryone \\*\\*Al\\*\\* asked K2 Bot this for you:',
    );
    expect(reply.allowedMentions).toStrictEqual({ parse: [], repliedUser: false });
  });

  it('pings nobody at all without an addressee', () => {
    expect(renderAnswer(makeAnswer('Body.')).allowedMentions).toStrictEqual({
      parse: [],
      repliedUser: false,
    });
    expect(renderAnswer(makeAnswer('Body.')).content).toBeUndefined();
  });

  it('orders the leading blocks: urgent notice, warning, personal notice, the question, then the body', () => {
    const reply = renderAnswer(
      makeAnswer('Body text.', {
        urgent: true,
        urgentNotice: 'Call 112 now.',
        personal: true,
        personalNotice: 'Ask your doctor.',
        safety: { ...safety, warningFirst: true },
      }),
      { question: 'my nose bleeds' },
    );
    expect(reply.embeds[0]?.description).toBe(
      `🚨 **Call 112 now.**\n\n**${ANTICOAGULANT_WARNING}**\n\nAsk your doctor.\n\n**Q:** my nose bleeds\n\nBody text.`,
    );
  });

  it('shows no urgent notice on a reply that is not urgent, and no personal notice unless personal', () => {
    const reply = renderAnswer(
      makeAnswer('Body text.', { urgentNotice: 'Call 112 now.', personalNotice: 'Ask your doctor.' }),
    );
    expect(reply.embeds[0]?.description).toBe('Body text.');
  });

  it('escapes the echoed question', () => {
    const reply = renderAnswer(makeAnswer('Body.'), { question: '**hi** @everyone <@&123456789012345678>' });
    const description = reply.embeds[0]?.description ?? '';
    expect(description).not.toContain('@everyone');
    expect(description).not.toContain('<@&');
    expect(description).toContain('\\*\\*hi\\*\\*');
  });
});

describe('shorten and escapeUserText', () => {
  it.each([
    ['short', 10, 'short'],
    ['a'.repeat(20), 10, `${'a'.repeat(9)}…`],
    ['🧀🧀🧀🧀🧀', 4, '🧀…'],
  ])('shorten(%j, %i)', (text, max, expected) => {
    expect(shorten(text, max)).toBe(expected);
    expect(shorten(text, max).length).toBeLessThanOrEqual(max);
  });

  it('neutralises mentions and markdown', () => {
    expect(escapeUserText('@here _x_ <#123>', 100)).toBe('@\u200bhere \\_x\\_ <\u200b#123>');
  });

  it('folds whitespace and trims the echoed text, then shortens it', () => {
    expect(escapeUserText('  what \n\t is   k2  ', 100)).toBe('what is k2');
    expect(escapeUserText('@everyone natto', 10)).toBe('@\u200beveryon…');
  });
});
