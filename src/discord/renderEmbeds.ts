import {
  type APIActionRowComponent,
  type APIButtonComponent,
  type APIComponentInMessageActionRow,
  type APIEmbed,
  type APIEmbedField,
  type APIStringSelectComponent,
  ButtonStyle,
  ComponentType,
  escapeMarkdown,
} from 'discord.js';
import type { Answer, SafetyTexts, TopicRef } from '../engine/index.ts';
import { amountText } from '../kb/amountText.ts';
import { texts } from '../kb/language.ts';
import { fillText } from '../kb/languageSchema.ts';
import type { Dose, Food, KnowledgeMeta } from '../kb/schema.ts';
import { describeStoredData, type RetentionSettings } from '../learning/storedData.ts';
import type { GuildSettings } from '../store/settingsStore.ts';
import type { CatalogEntry } from './commandCatalog.ts';
import { voteCustomIds } from './voteIds.ts';

const TEXTS = texts().discord;
const FEEDBACK_TEXTS = texts().feedback;
const VIEW_TEXTS = texts().settingsView;

/**
 * The one place that turns engine output into Discord payloads. Every payload carries both
 * safety texts word for word and respects Discord's limits; when something must give, the
 * answer body is shortened, never the safety texts.
 */

export const LIMITS = {
  content: 2000,
  title: 256,
  description: 4096,
  fieldName: 256,
  fieldValue: 1024,
  footer: 2048,
  author: 256,
  fields: 25,
  embedTotal: 6000,
  customId: 100,
  buttonLabel: 80,
  selectOptions: 25,
  selectLabel: 100,
  selectDescription: 100,
  choiceName: 100,
  choices: 25,
} as const;

const COLORS = { answer: 0x2e7d32, decline: 0x607d8b, urgent: 0xc62828, notice: 0x1565c0, warning: 0xef6c00 };

export const WARNING_FIELD_NAME = '⚠️ Blood thinners';

export type ActionRow = APIActionRowComponent<APIComponentInMessageActionRow>;

/** A reply before it is sent: the caller decides whether it is ephemeral. */
export interface RenderedReply {
  content?: string;
  embeds: APIEmbed[];
  components: ActionRow[];
  allowedMentions: { parse: []; users?: string[]; repliedUser: false };
}

export const CUSTOM_ID = {
  topic: 'topic',
  more: 'more',
  delete: 'delete',
  browseCategory: 'browse:category',
  browseTopic: 'browse:topic',
} as const;

/** Cuts text to `max` UTF-16 units (what Discord counts), at a word break when one is near. */
export function shorten(text: string, max: number): string {
  if (text.length <= max) return text;
  if (max <= 1) return '…'.slice(0, max);
  let cut = text.slice(0, max - 1);
  const lastSpace = cut.search(/\s\S*$/);
  if (lastSpace > max * 0.8) cut = cut.slice(0, lastSpace);
  // Never leave half a surrogate pair (an emoji cut in two renders as garbage).
  if (/[\uD800-\uDBFF]$/.test(cut)) cut = cut.slice(0, -1);
  return `${cut.trimEnd()}…`;
}

/** User text shown back in a reply: no markdown effects, no mention can ping or render. */
export function escapeUserText(text: string, max: number): string {
  // discord.js's escapeMarkdown takes time quadratic in the length (9,000 characters: seconds on
  // the main thread): escape only the part that can be shown, one character more to keep the "…".
  const shown = text
    .replace(/\s+/g, ' ')
    .trim()
    .slice(0, max + 1);
  const escaped = escapeMarkdown(shown).replace(/@/g, '@\u200b').replace(/<#/g, '<\u200b#');
  return shorten(escaped, max);
}

interface DraftField {
  name: string;
  value: string;
  inline?: boolean;
  /** Kept before the body is shortened (safety, corrections); optional fields go first. */
  keep: boolean;
  /** The warning itself: never shortened or dropped. */
  safety?: boolean;
}

interface Draft {
  title: string;
  color: number;
  safety: SafetyTexts;
  /** Shown first, never shortened away (safety texts), or capped (notices, the question). */
  leading: { text: string; cap?: number; beforeWarning?: boolean }[];
  /** The shrinkable part: a text, or lines dropped from the end when space runs out. */
  body: string | string[];
  fields: DraftField[];
  components?: ActionRow[];
  content?: string;
  mentionUserIds?: string[];
}

export function embedLength(embed: APIEmbed): number {
  return (
    (embed.title?.length ?? 0) +
    (embed.description?.length ?? 0) +
    (embed.footer?.text.length ?? 0) +
    (embed.author?.name.length ?? 0) +
    (embed.fields ?? []).reduce((sum, f) => sum + f.name.length + f.value.length, 0)
  );
}

function fitLines(lines: string[], budget: number): string {
  const kept: string[] = [];
  let used = 0;
  for (const [i, line] of lines.entries()) {
    const remaining = lines.length - i - 1;
    const marker = remaining > 0 ? `\n… and ${remaining} more` : '';
    const next = used + (kept.length > 0 ? 1 : 0) + line.length;
    if (next + marker.length <= budget) {
      kept.push(line);
      used = next;
      continue;
    }
    const left = lines.length - kept.length;
    const tail = `… and ${left} more`;
    if (kept.length === 0) return shorten(line, Math.max(0, budget));
    return used + 1 + tail.length <= budget ? `${kept.join('\n')}\n${tail}` : kept.join('\n');
  }
  return kept.join('\n');
}

/** Assembles a draft into a payload inside every limit, safety texts intact. */
function finalize(draft: Draft): RenderedReply {
  const title = shorten(draft.title, LIMITS.title);
  const footer = { text: draft.safety.disclaimer };
  const warningFirst = draft.safety.warningFirst;

  const leading = draft.leading.map((block) => (block.cap ? shorten(block.text, block.cap) : block.text));
  // An urgent notice precedes everything, the warning included.
  if (warningFirst) {
    leading.splice(draft.leading.findLastIndex((b) => b.beforeWarning) + 1, 0, `**${draft.safety.warning}**`);
  }
  const fields: DraftField[] = draft.fields.slice(0, LIMITS.fields - 1).map((f) => ({
    ...f,
    name: shorten(f.name, LIMITS.fieldName),
    value: shorten(f.value, LIMITS.fieldValue),
  }));
  if (!warningFirst) {
    fields.push({ name: WARNING_FIELD_NAME, value: draft.safety.warning, keep: true, safety: true });
  }
  // Kept fields (corrections) must still leave room for some body: trim from the end if not.
  const keptBudget = LIMITS.embedTotal - 600 - title.length - draft.safety.disclaimer.length;
  for (let i = fields.length - 1; i >= 0; i--) {
    const keptSize = fields.filter((f) => f.keep).reduce((sum, f) => sum + f.name.length + f.value.length, 0);
    const leadingSize = draft.leading.reduce((sum, b) => sum + b.text.length + 2, 0);
    if (keptSize + leadingSize <= keptBudget) break;
    const field = fields[i];
    if (field?.keep && !field.safety) fields.splice(i, 1);
  }

  const leadingText = leading.join('\n\n');
  const separator = leadingText ? 2 : 0;
  const fieldSize = (f: DraftField) => f.name.length + f.value.length;
  const fixed =
    title.length +
    footer.text.length +
    leadingText.length +
    separator +
    fields.filter((f) => f.keep).reduce((sum, f) => sum + fieldSize(f), 0);

  const bodyText = Array.isArray(draft.body) ? draft.body.join('\n') : draft.body;
  // Optional fields get what is left once a readable share of the body is reserved.
  const bodyReserve = Math.min(bodyText.length, 1500);
  let optionalBudget = LIMITS.embedTotal - fixed - bodyReserve;
  const kept: DraftField[] = [];
  for (const field of fields) {
    if (field.keep) {
      kept.push(field);
      continue;
    }
    const size = fieldSize(field);
    if (size <= optionalBudget) {
      kept.push(field);
      optionalBudget -= size;
    } else if (optionalBudget - field.name.length >= 120) {
      const value = shorten(field.value, optionalBudget - field.name.length);
      kept.push({ ...field, value });
      optionalBudget -= field.name.length + value.length;
    }
  }
  const fieldsUsed = kept.reduce((sum, f) => sum + fieldSize(f), 0);
  const keptFixed = fixed - fields.filter((f) => f.keep).reduce((s, f) => s + fieldSize(f), 0) + fieldsUsed;
  const bodyBudget = Math.max(
    0,
    Math.min(LIMITS.description - leadingText.length - separator, LIMITS.embedTotal - keptFixed),
  );
  const body = Array.isArray(draft.body) ? fitLines(draft.body, bodyBudget) : shorten(draft.body, bodyBudget);
  const description = [leadingText, body].filter((part) => part.length > 0).join('\n\n');

  const embed: APIEmbed = {
    title,
    color: draft.color,
    description: description || '\u200b',
    fields: kept.map(
      ({ name, value, inline }): APIEmbedField => (inline ? { name, value, inline } : { name, value }),
    ),
    footer,
  };
  const reply: RenderedReply = {
    embeds: [embed],
    components: draft.components ?? [],
    allowedMentions: draft.mentionUserIds?.length
      ? { parse: [], users: draft.mentionUserIds, repliedUser: false }
      : { parse: [], repliedUser: false },
  };
  if (draft.content) reply.content = shorten(draft.content, LIMITS.content);
  return reply;
}

type CustomIdButtonStyle = ButtonStyle.Primary | ButtonStyle.Secondary | ButtonStyle.Danger;

function button(customId: string, label: string, style: CustomIdButtonStyle): APIButtonComponent | null {
  if (customId.length > LIMITS.customId) return null;
  return {
    type: ComponentType.Button,
    custom_id: customId,
    label: shorten(label, LIMITS.buttonLabel),
    style,
  };
}

function row(buttons: (APIButtonComponent | null)[]): ActionRow[] {
  const present = buttons.filter((b): b is APIButtonComponent => b !== null).slice(0, 5);
  return present.length > 0 ? [{ type: ComponentType.ActionRow, components: present }] : [];
}

export interface AnswerRenderOptions {
  /** The question as typed, echoed (escaped) where the reply does not sit under it (slash commands). */
  question?: string;
  /** Who asked: allowed to delete the reply. Absent for ephemeral replies, which need no delete button. */
  deletableBy?: string;
  /** The member the answer is addressed to (/ask for:): the only one who may be pinged. */
  forUserId?: string;
  /** Display name of the asker, shown (escaped, never as a mention) when addressing someone. */
  askedByName?: string;
  /** False when `forUserId` was pinged recently: the mention is shown but does not notify. */
  pingForUser?: boolean;
  /** The server's note (/settings note), shown under the answer; never in place of the safety texts. */
  serverNote?: string;
}

export const SERVER_NOTE_FIELD_NAME = TEXTS.serverNoteField;

/** A server note as shown: user and role mentions and @everyone/@here never render or ping. */
export function inertNote(note: string): string {
  return note.replace(/@/g, '@\u200b');
}

function topicButtons(answer: Answer): ActionRow[] {
  const seen = new Set<string>(answer.topic ? [answer.topic.id] : []);
  const pick = (refs: TopicRef[]) =>
    refs.filter((ref) => {
      if (seen.has(ref.id)) return false;
      seen.add(ref.id);
      return true;
    });
  const related = pick(answer.related)
    .slice(0, 5)
    .map((ref) =>
      button(
        `${CUSTOM_ID.topic}:${ref.id}`,
        fillText(TEXTS.relatedButton, { title: ref.title }),
        ButtonStyle.Secondary,
      ),
    );
  const suggestions = pick(answer.suggestions)
    .slice(0, 5)
    .map((ref) =>
      button(
        `${CUSTOM_ID.topic}:${ref.id}`,
        fillText(TEXTS.didYouMeanButton, { title: ref.title }),
        ButtonStyle.Primary,
      ),
    );
  return [...row(related), ...row(suggestions)];
}

/** The embed title of an answer: urgent replies say so first. */
export function answerTitle(answer: Answer): string {
  return answer.urgent ? TEXTS.urgentTitle : (answer.topic?.title ?? TEXTS.botName);
}

/** An engine answer (answer, decline, empty, urgent) as an embed with its buttons. */
export function renderAnswer(answer: Answer, options: AnswerRenderOptions = {}): RenderedReply {
  const leading: Draft['leading'] = [];
  if (answer.urgent && answer.urgentNotice) {
    leading.push({ text: `🚨 **${shorten(answer.urgentNotice, 1500)}**`, beforeWarning: true });
  }
  if (answer.personal && answer.personalNotice) leading.push({ text: shorten(answer.personalNotice, 1000) });
  if (options.question) leading.push({ text: `**Q:** ${escapeUserText(options.question, 300)}` });

  // Short and scannable: the correction's references, the article's words and the topic's
  // summary wait behind "More" (renderTopicDetails).
  const fields: DraftField[] = answer.corrections.map((c) => ({
    name: TEXTS.correctionHeading,
    value: c.note,
    keep: true,
  }));
  if (answer.source) {
    fields.push({
      name: TEXTS.sourceHeading,
      value: `From the article, ${answer.source.sections.map((s) => `“${s}”`).join(', ')}`,
      keep: false,
    });
  }

  if (options.serverNote) {
    fields.push({ name: SERVER_NOTE_FIELD_NAME, value: inertNote(options.serverNote), keep: true });
  }

  const votes = voteCustomIds(answer);
  const actions = row([
    votes ? button(votes.helpful, FEEDBACK_TEXTS.helpfulButton, ButtonStyle.Secondary) : null,
    votes ? button(votes.notHelpful, FEEDBACK_TEXTS.notHelpfulButton, ButtonStyle.Secondary) : null,
    answer.topic && answer.details.length > 0
      ? button(`${CUSTOM_ID.more}:${answer.topic.id}`, TEXTS.moreButton, ButtonStyle.Secondary)
      : null,
    options.deletableBy
      ? button(`${CUSTOM_ID.delete}:${options.deletableBy}`, TEXTS.deleteButton, ButtonStyle.Danger)
      : null,
  ]);

  const draft: Draft = {
    title: answerTitle(answer),
    color: answer.urgent ? COLORS.urgent : answer.kind === 'answer' ? COLORS.answer : COLORS.decline,
    // The engine decides where the warning goes (after an urgent notice, never after a crisis one).
    safety: answer.safety,
    leading,
    body: answer.body,
    fields,
    components: [...topicButtons(answer), ...actions],
  };
  if (options.forUserId) {
    const asker = options.askedByName ? escapeUserText(options.askedByName, 80) : TEXTS.someone;
    draft.content = fillText(TEXTS.askedForYou, { userId: options.forUserId, asker });
    draft.mentionUserIds = options.pingForUser === false ? [] : [options.forUserId];
  }
  return finalize(draft);
}

/** The "More" view: the topic's summary, then every fact, with every correction and its sources. */
export function renderTopicDetails(answer: Answer): RenderedReply {
  const facts = [...(answer.more ? [answer.more.summary] : []), ...answer.details.map((fact) => `• ${fact}`)];
  return finalize({
    title: fillText(TEXTS.allFactsTitle, { title: answer.topic?.title ?? TEXTS.botName }),
    color: COLORS.answer,
    safety: answer.safety,
    leading: [],
    body: facts.length > 0 ? facts : [answer.body],
    fields: [...answer.corrections, ...(answer.more?.corrections ?? [])].map((c) => ({
      name: TEXTS.correctionHeading,
      value: `${c.note}\nSources: ${c.references.join('; ')}`,
      keep: true,
    })),
  });
}

/** A short message with the safety texts: errors, refusals, cooldowns, confirmations. */
export function renderNotice(notice: Answer, title = TEXTS.botName): RenderedReply {
  return finalize({
    title,
    color: COLORS.notice,
    safety: notice.safety,
    leading: [],
    body: notice.body,
    fields: [],
  });
}

const CATEGORY_LABELS: Record<string, string> = {
  basics: 'Basics',
  bones: 'Bones',
  heart: 'Heart and arteries',
  conditions: 'Conditions',
  food: 'Food',
  dosage: 'Dosage',
  supplements: 'Supplements',
  interactions: 'Interactions',
  safety: 'Safety',
};

export function categoryLabel(category: string): string {
  return CATEGORY_LABELS[category] ?? category;
}

function selectRow(select: APIStringSelectComponent): ActionRow[] {
  return select.options.length > 0 ? [{ type: ComponentType.ActionRow, components: [select] }] : [];
}

/** /topics: categories with their topics, a select menu to open one category. */
export function renderTopicBrowser(
  topics: TopicRef[],
  safety: SafetyTexts,
  category?: string,
): RenderedReply {
  const categories = [...new Set(topics.map((t) => t.category))];
  if (category) {
    const inCategory = topics.filter((t) => t.category === category);
    return finalize({
      title: fillText(TEXTS.categoryTitle, { category: categoryLabel(category) }),
      color: COLORS.notice,
      safety,
      leading: [],
      body: inCategory.length > 0 ? inCategory.map((t) => `• ${t.title}`) : [TEXTS.emptyCategory],
      fields: [],
      components: selectRow({
        type: ComponentType.StringSelect,
        custom_id: CUSTOM_ID.browseTopic,
        placeholder: TEXTS.openTopicPlaceholder,
        options: inCategory.slice(0, LIMITS.selectOptions).map((t) => ({
          label: shorten(t.title, LIMITS.selectLabel),
          value: t.id,
        })),
      }),
    });
  }
  return finalize({
    title: TEXTS.topicsTitle,
    color: COLORS.notice,
    safety,
    leading: [],
    body: categories.map((c) => {
      const titles = topics.filter((t) => t.category === c).map((t) => t.title);
      return `**${categoryLabel(c)}** (${titles.length}): ${shorten(titles.join(', '), 300)}`;
    }),
    fields: [],
    components: selectRow({
      type: ComponentType.StringSelect,
      custom_id: CUSTOM_ID.browseCategory,
      placeholder: TEXTS.browseCategoryPlaceholder,
      options: categories.slice(0, LIMITS.selectOptions).map((c) => ({
        label: categoryLabel(c),
        value: c,
        description: `${topics.filter((t) => t.category === c).length} topics`,
      })),
    }),
  });
}

function formatAmount(amount: { min: number; max: number; unit: string } | null): string {
  return amount ? amountText(amount) : 'no figure given';
}

/** /foods: foods by K2 amount as the article gives them, corrections inline. */
export function renderFoods(foods: Food[], safety: SafetyTexts): RenderedReply {
  const lines = foods.map((food) => {
    const amount = food.amount ? `${formatAmount(food.amount)}${food.basis ? ` per ${food.basis}` : ''}` : '';
    const line = `**${food.name}**${amount ? `: ${amount}` : ''} (the article: “${food.articleSays}”)`;
    return food.correction ? `${line}\n  ↳ 📝 ${food.correction.note}` : line;
  });
  return finalize({
    title: TEXTS.foodsTitle,
    color: COLORS.notice,
    safety,
    leading: [{ text: TEXTS.foodsLead }],
    body: lines.length > 0 ? lines : [TEXTS.noFoods],
    fields: [],
  });
}

/** /dosage: the article's figures, the anticoagulant warning on top. */
export function renderDoses(doses: Dose[], safety: SafetyTexts, group?: string): RenderedReply {
  const wanted = group ? doses.filter((d) => d.group.toLowerCase().includes(group.toLowerCase())) : doses;
  const lines = wanted.map((dose) => {
    const line = `**${dose.group}** (${dose.form}): ${formatAmount(dose.amount)}. ${dose.text}`;
    return dose.correction ? `${line}\n  ↳ 📝 ${dose.correction.note}` : line;
  });
  const empty = group
    ? [fillText(TEXTS.noDosesForGroup, { group: escapeUserText(group, 100) })]
    : [TEXTS.noDoses];
  return finalize({
    title: group ? fillText(TEXTS.dosesGroupTitle, { group: escapeUserText(group, 100) }) : TEXTS.dosesTitle,
    color: COLORS.warning,
    safety: { ...safety, warningFirst: true },
    leading: [{ text: TEXTS.dosesLead }],
    body: lines.length > 0 ? lines : empty,
    fields: [],
  });
}

export interface AboutInfo {
  meta: KnowledgeMeta;
  topicCount: number;
  retention: RetentionSettings;
}

function storedDataFields(retention: RetentionSettings): DraftField[] {
  return describeStoredData(retention).map((item) => ({
    name: fillText(VIEW_TEXTS.storedItem, { what: item.what.toLowerCase() }),
    value: item.details,
    keep: true,
  }));
}

/** /about: what the bot is, where its knowledge comes from, what it stores. */
export function renderAbout(info: AboutInfo, safety: SafetyTexts): RenderedReply {
  return finalize({
    title: TEXTS.aboutTitle,
    color: COLORS.notice,
    safety,
    leading: [],
    body: TEXTS.aboutBody,
    fields: [
      { name: 'Source article', value: info.meta.article.title, keep: true },
      {
        name: 'Knowledge',
        value: `Version ${info.meta.version}, reviewed ${info.meta.reviewedOn}, ${info.topicCount} topics`,
        keep: true,
      },
      { name: 'Disclaimer', value: safety.disclaimer, keep: true },
      ...storedDataFields(info.retention),
    ],
  });
}

/** /help: the registered commands and how chat answering works. */
export function renderHelp(commands: readonly CatalogEntry[], safety: SafetyTexts): RenderedReply {
  const slash = commands.filter((command) => command.kind === 'slash');
  const menus = commands.filter((command) => command.kind === 'message').map((command) => command.name);
  return finalize({
    title: TEXTS.helpTitle,
    color: COLORS.notice,
    safety,
    leading: [],
    body: [
      ...slash.map((command) => `\`${command.helpUsage}\` ${command.help}`),
      fillText(TEXTS.helpChat, { messageCommand: menus.join(', ') }),
    ],
    fields: [],
  });
}

function describeMode(mode: GuildSettings['mode']): string {
  switch (mode) {
    case 'mention-only':
      return VIEW_TEXTS.modeMentionOnly;
    case 'auto-channels':
      return VIEW_TEXTS.modeAutoChannels;
    case 'off':
      return VIEW_TEXTS.modeOff;
  }
}

/** /settings replies: the current state, plus any warning about it. */
export function renderSettings(
  settings: GuildSettings,
  safety: SafetyTexts,
  options: {
    headline?: string;
    warnings?: string[];
    /** /settings show: what is stored for this server now, and for how long. */
    stored?: { votes: number; questions: number; retention: RetentionSettings };
  } = {},
): RenderedReply {
  const channels = settings.autoChannelIds.map((id) => `<#${id}>`).join(', ') || VIEW_TEXTS.none;
  const alerts = !settings.alertChannelId
    ? VIEW_TEXTS.off
    : settings.alertRoleId
      ? fillText(VIEW_TEXTS.alertsToRole, {
          channelId: settings.alertChannelId,
          roleId: settings.alertRoleId,
        })
      : fillText(VIEW_TEXTS.alertsTo, { channelId: settings.alertChannelId });
  const stored = options.stored
    ? [
        {
          name: VIEW_TEXTS.storedField,
          value: fillText(VIEW_TEXTS.storedValue, {
            votes: options.stored.votes,
            questions: options.stored.questions,
          }),
          keep: true,
        },
        ...storedDataFields(options.stored.retention),
      ]
    : [];
  return finalize({
    title: VIEW_TEXTS.title,
    color: options.warnings?.length ? COLORS.warning : COLORS.notice,
    safety,
    leading: (options.warnings ?? []).map((w) => ({ text: `⚠️ ${w}` })),
    body: options.headline ?? texts().settings.current,
    fields: [
      { name: VIEW_TEXTS.modeField, value: describeMode(settings.mode), keep: true },
      { name: VIEW_TEXTS.channelsField, value: channels, keep: true },
      { name: VIEW_TEXTS.visibilityField, value: settings.askVisibility, keep: true },
      {
        name: VIEW_TEXTS.cooldownField,
        value:
          settings.cooldownSeconds > 0
            ? fillText(VIEW_TEXTS.cooldownValue, { seconds: settings.cooldownSeconds })
            : VIEW_TEXTS.off,
        keep: true,
      },
      {
        name: VIEW_TEXTS.learningField,
        value: settings.learning ? VIEW_TEXTS.learningOn : VIEW_TEXTS.learningOff,
        keep: true,
      },
      { name: VIEW_TEXTS.alertsField, value: alerts, keep: true },
      {
        name: VIEW_TEXTS.noteField,
        value: settings.note ? inertNote(settings.note) : VIEW_TEXTS.none,
        keep: true,
      },
      ...stored,
    ],
  });
}

/** Every text a message shows (a payload, or one Discord echoed back), for safety-text checks. */
export function collectReplyText(reply: {
  content?: string | undefined;
  embeds: readonly APIEmbed[];
}): string {
  return [
    reply.content ?? '',
    ...reply.embeds.flatMap((e) => [
      e.title ?? '',
      e.description ?? '',
      e.author?.name ?? '',
      ...(e.fields ?? []).flatMap((f) => [f.name, f.value]),
      e.footer?.text ?? '',
    ]),
  ].join('\n');
}
