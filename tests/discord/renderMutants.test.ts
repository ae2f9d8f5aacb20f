import { type CommandInteraction, MessageFlags } from 'discord.js';
import { describe, expect, it } from 'vitest';
import { type RenderedReply, renderAnswer, renderNotice } from '../../src/discord/renderEmbeds.ts';
import { sendInteractionReply, toMessageOptions } from '../../src/discord/sendReply.ts';
import type { Answer } from '../../src/engine/index.ts';
import { handWrittenAnswer } from '../handWrittenAnswer.ts';
import { ANTICOAGULANT_WARNING } from '../safetyTexts.ts';

// How a rendered reply is sent, for mutation testing (npm run test:mutation -- render): the
// allowedMentions of the reply must reach Discord unchanged on every path, or a mention in an answer
// could ping. The interaction is a stand-in for Discord's (it records what would be sent).

type Mentions = RenderedReply['allowedMentions'];
const NOBODY: Mentions = { parse: [], repliedUser: false };
const ONE_MEMBER: Mentions = { parse: [], users: ['223456789012345678'], repliedUser: false };

const reply = (allowedMentions: RenderedReply['allowedMentions'], content?: string): RenderedReply => ({
  ...(content !== undefined ? { content } : {}),
  embeds: [{ title: 'Natto', description: '@everyone natto' }],
  components: [],
  allowedMentions,
});

type Sent = { method: 'reply' | 'editReply' | 'followUp'; payload: Record<string, unknown> };

/** What goes over the wire: embeds and buttons may be handed to discord.js as JSONEncodable objects. */
const wire = <T>(value: T): T => JSON.parse(JSON.stringify(value));

function fakeInteraction(state: { deferred: boolean; replied: boolean }) {
  const sent: Sent[] = [];
  const record = (method: Sent['method']) => async (payload: Record<string, unknown>) => {
    sent.push({ method, payload: wire(payload) });
  };
  const interaction = {
    ...state,
    reply: record('reply'),
    editReply: record('editReply'),
    followUp: record('followUp'),
  } as unknown as CommandInteraction;
  return { interaction, sent };
}

describe('sendInteractionReply', () => {
  it('a first reply carries the reply as rendered, ephemeral when asked', async () => {
    const { interaction, sent } = fakeInteraction({ deferred: false, replied: false });
    await sendInteractionReply(interaction, reply(NOBODY), { ephemeral: true });
    expect(sent).toEqual([
      {
        method: 'reply',
        payload: {
          embeds: [{ title: 'Natto', description: '@everyone natto' }],
          components: [],
          allowedMentions: { parse: [], repliedUser: false },
          flags: MessageFlags.Ephemeral,
        },
      },
    ]);
  });

  it('a public first reply has no flags and pings only the addressed member', async () => {
    const { interaction, sent } = fakeInteraction({ deferred: false, replied: false });
    await sendInteractionReply(interaction, reply(ONE_MEMBER, '<@223456789012345678>, for you'), {
      ephemeral: false,
    });
    expect(sent).toEqual([
      {
        method: 'reply',
        payload: {
          content: '<@223456789012345678>, for you',
          embeds: [{ title: 'Natto', description: '@everyone natto' }],
          components: [],
          allowedMentions: { parse: [], users: ['223456789012345678'], repliedUser: false },
        },
      },
    ]);
  });

  it('after a defer: edits the deferred reply (the defer fixed the visibility)', async () => {
    const { interaction, sent } = fakeInteraction({ deferred: true, replied: false });
    await sendInteractionReply(interaction, reply(NOBODY), { ephemeral: true });
    expect(sent.map((s) => s.method)).toEqual(['editReply']);
    expect(sent[0]?.payload).toStrictEqual({
      embeds: [{ title: 'Natto', description: '@everyone natto' }],
      components: [],
      allowedMentions: { parse: [], repliedUser: false },
    });
  });

  it('after a reply: a follow-up, ephemeral when asked', async () => {
    const { interaction, sent } = fakeInteraction({ deferred: true, replied: true });
    await sendInteractionReply(interaction, reply(NOBODY), { ephemeral: true });
    expect(sent).toEqual([
      {
        method: 'followUp',
        payload: {
          embeds: [{ title: 'Natto', description: '@everyone natto' }],
          components: [],
          allowedMentions: { parse: [], repliedUser: false },
          flags: MessageFlags.Ephemeral,
        },
      },
    ]);
  });

  it('a public follow-up has no flags', async () => {
    const { interaction, sent } = fakeInteraction({ deferred: false, replied: true });
    await sendInteractionReply(interaction, reply(ONE_MEMBER), { ephemeral: false });
    expect(sent).toEqual([
      {
        method: 'followUp',
        payload: {
          embeds: [{ title: 'Natto', description: '@everyone natto' }],
          components: [],
          allowedMentions: { parse: [], users: ['223456789012345678'], repliedUser: false },
        },
      },
    ]);
  });
});

describe('toMessageOptions', () => {
  it('keeps allowedMentions and leaves out an absent content', () => {
    expect(wire(toMessageOptions(reply(NOBODY)))).toStrictEqual({
      embeds: [{ title: 'Natto', description: '@everyone natto' }],
      components: [],
      allowedMentions: { parse: [], repliedUser: false },
    });
  });
  it('keeps the content and the one member who may be pinged', () => {
    expect(wire(toMessageOptions(reply(ONE_MEMBER, '<@223456789012345678>, for you')))).toStrictEqual({
      content: '<@223456789012345678>, for you',
      embeds: [{ title: 'Natto', description: '@everyone natto' }],
      components: [],
      allowedMentions: { parse: [], users: ['223456789012345678'], repliedUser: false },
    });
  });
});

// The answer embed's own parts, with hand-written values.
const answer = (overrides: Partial<Answer> = {}): Answer =>
  handWrittenAnswer({ details: ['Fact one.'], ...overrides });
const buttonIds = (reply: RenderedReply) =>
  reply.components.flatMap((row) => row.components.map((c) => ('custom_id' in c ? c.custom_id : '')));

describe('renderAnswer: the parts of an answer embed', () => {
  it('names the article sections the answer came from', () => {
    const reply = renderAnswer(answer({ source: { sections: ['Food sources', 'Natto'], quote: 'q' } }));
    expect(reply.embeds[0]?.fields?.find((f) => f.name === 'Source')?.value).toBe(
      'From the article, “Food sources”, “Natto”',
    );
  });

  it('offers "More" only when there is more to show', () => {
    expect(buttonIds(renderAnswer(answer()))).toContain('more:natto');
    expect(buttonIds(renderAnswer(answer({ details: [] })))).not.toContain('more:natto');
    expect(buttonIds(renderAnswer(answer({ topic: null })))).not.toContain('more:natto');
  });

  it('colours an answer green, a decline grey and an urgent reply red', () => {
    expect(renderAnswer(answer()).embeds[0]?.color).toBe(0x2e7d32);
    expect(renderAnswer(answer({ kind: 'decline', topic: null })).embeds[0]?.color).toBe(0x607d8b);
    expect(renderAnswer(answer({ urgent: true, urgentNotice: 'Call 112 now.' })).embeds[0]?.color).toBe(
      0xc62828,
    );
  });

  it('keeps at most 25 fields (Discord), the warning among them', () => {
    const corrections = Array.from({ length: 30 }, (_, i) => ({
      note: `Note ${i}.`,
      references: ['NIH'],
      factCheckIds: ['C-01'],
    }));
    const fields = renderAnswer(answer({ corrections })).embeds[0]?.fields ?? [];
    expect(fields).toHaveLength(25);
    expect(fields.at(-1)).toEqual({ name: '⚠️ Blood thinners', value: ANTICOAGULANT_WARNING });
  });

  it('a notice has no buttons', () => {
    expect(renderNotice(answer()).components).toEqual([]);
  });
});
