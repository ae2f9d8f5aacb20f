/**
 * The fixed texts of non-answers: greetings, thanks and declines that name the right resource
 * for each out-of-scope class (fact-check Part 3B). Every decline ends with what the bot CAN
 * answer. The safety texts (disclaimer, warning, urgent notices) stay in safety.ts.
 */

import { language, texts } from '../kb/language.ts';
import { fillText } from '../kb/templates.ts';
import type { OutOfScopeClass } from './lexicon.ts';
import { anyOf } from './phrasePattern.ts';
import { CAN_ANSWER, DECLINE_TEXT } from './safety.ts';

export const GREETING_TEXT = fillText(texts().replies.greeting, { canAnswer: CAN_ANSWER });

export const THANKS_TEXT = texts().replies.thanks;

/**
 * The classes the engine's steps and tests name. Any other class of declines.json works too: the
 * names only let code read these texts without a lookup that may fail.
 */
type NamedDeclineClass =
  | 'general'
  | 'medicine'
  | 'lab'
  | 'nutrient'
  | 'product'
  | 'pet'
  | 'newborn'
  | 'condition'
  | 'clinician';

/**
 * The decline for each out-of-scope class of knowledge/lexicon/declines.json; a class without
 * its own text ('general') gets the standard decline.
 */
export const DECLINE_TEXTS = Object.fromEntries(
  language().declines.classes.map((cls) => [
    cls.id,
    cls.text === undefined ? DECLINE_TEXT : fillText(cls.text, { canAnswer: CAN_ANSWER }),
  ]),
) as Readonly<Record<NamedDeclineClass, string> & Record<OutOfScopeClass, string | undefined>>;

/** The decline text of a class ('general' for the standard one). */
export function declineTextFor(cls: OutOfScopeClass): string {
  return DECLINE_TEXTS[cls] ?? DECLINE_TEXT;
}

const { lists } = language().phrases;

/**
 * A test of the whole message, apostrophes aside: the replies below answer a message that is only
 * a greeting, thanks, "why?" and the like, never one with a question beside it.
 */
const wholeMessageIs =
  (re: RegExp) =>
  (normalized: string): boolean =>
    re.test(normalized.replace(/'/g, '').trim());

/** A greeting word and the spaces or marks after it (lexicon/phrases.json `greetingWords`). */
const GREETING_WORD = `${anyOf(lists.greetingWords)}[\\s!.,]*`;
/** Whom a greeting is to (lexicon/phrases.json `greetingAddressees`). */
const ADDRESSEE_WORD = anyOf(lists.greetingAddressees);

/** Only a greeting, with whom it greets. */
const GREETING = new RegExp(`^(${GREETING_WORD})+(${ADDRESSEE_WORD}[\\s!.,?]*)*$`);

/** Saying whom one will ask (lexicon/phrases.json `laterAsks`): it may stand before or after thanks. */
const LATER_ASK = anyOf(lists.laterAsks);

/** One word or phrase that may come before thanks, or stand for it ("ok", "will ask my gp"), with what follows it. */
const ACKNOWLEDGING = `(${anyOf(lists.thanksLead)}|${LATER_ASK})\\b[\\s!.,]*`;

/** Only thanks (lexicon/phrases.json `thanksLead`, `laterAsks`, `thanksWords`, `thanksTail`). */
const THANKS = new RegExp(
  `^(${ACKNOWLEDGING})*${anyOf(lists.thanksWords)}[\\s!.,]*((${anyOf(lists.thanksTail)}|${LATER_ASK})[\\s!.,]*)*$`,
);

/** Only an acknowledgement of the last answer: "ok", "got it", "ok will ask my gp then". */
const ACKNOWLEDGEMENT = new RegExp(`^(${ACKNOWLEDGING})+$`);

/** The reply to an acknowledgement (texts.json `acknowledged`). */
export const ACKNOWLEDGED_TEXT = texts().replies.acknowledged;

/** Emoji that acknowledge (phrases.json `acknowledgementEmoji`), and what may stand between them. */
const ACKNOWLEDGEMENT_EMOJI: ReadonlySet<string> = new Set(lists.acknowledgementEmoji.words);
const EMOJI_JOINERS = /\s|\uFE0F|\u200D|[\u{1F3FB}-\u{1F3FF}]/gu;
/** A longer run of emoji is no acknowledgement but a message of its own, read as before. */
const MAX_ACKNOWLEDGEMENT_EMOJI = 10;

/** A message of only acknowledging emoji ("👍", "🙏🙏"), read before normalising drops them. */
export function isAcknowledgementEmoji(raw: string): boolean {
  const marks = [...raw.replace(EMOJI_JOINERS, '')];
  return (
    marks.length > 0 &&
    marks.length <= MAX_ACKNOWLEDGEMENT_EMOJI &&
    marks.every((m) => ACKNOWLEDGEMENT_EMOJI.has(m))
  );
}

/**
 * Only the news that a question is coming, after any greeting ("hey quick one", "can i ask
 * something?", "i have a question about k2"): lexicon/phrases.json `questionAnnouncements`,
 * `questionAnnouncementTopics`. One announcement, so no two ways to read the same words.
 */
const QUESTION_ANNOUNCEMENT = new RegExp(
  `^(${GREETING_WORD})*(${ADDRESSEE_WORD}[\\s!.,]*)*` +
    `${anyOf(lists.questionAnnouncements)}( (about|on|re|regarding) ${anyOf(lists.questionAnnouncementTopics)})?[\\s!.,?:]*$`,
);

/** The invitation to ask after a message that only says a question is coming (texts.json `askAway`). */
export const ASK_AWAY_TEXT = fillText(texts().replies.askAway, { canAnswer: CAN_ANSWER });

/** A message that only says a question is coming ("quick question", "can i ask you something?"). */
export const isQuestionAnnouncement = wholeMessageIs(QUESTION_ANNOUNCEMENT);

/** Only whom to ask (lexicon/phrases.json `whoToAsk`). */
const WHO_TO_ASK = new RegExp(`^${anyOf(lists.whoToAsk)}[\\s!.,?]*$`);

/** Who can answer for the asker (texts.json `whoToAsk`). */
export const WHO_TO_ASK_TEXT = texts().replies.whoToAsk;

/** A message that only asks whom to ask ("ok so who do i even ask", "who should I talk to?"). */
export const isWhoToAsk = wholeMessageIs(WHO_TO_ASK);

/** Only "why?" (lexicon/phrases.json `bareWhy`). */
const BARE_WHY = new RegExp(`^${anyOf(lists.bareWhy)}[\\s!.,?]*$`);

/** "Why not?" with no answer before it: why the bot could not answer (texts.json `whyWithoutAnswer`). */
export const WHY_WITHOUT_ANSWER_TEXT = fillText(texts().replies.whyWithoutAnswer, { canAnswer: CAN_ANSWER });

/** A message that only asks why ("why not?", "how come"). */
export const isBareWhy = wholeMessageIs(BARE_WHY);

/** A message that is only a greeting ("hello bot", "good morning"). */
export const isGreeting = wholeMessageIs(GREETING);

/** A message that is only thanks ("thanks!", "ty", "thank you bot"). */
export const isThanks = wholeMessageIs(THANKS);

/** A message that only acknowledges ("ok", "got it", "alright, will ask the midwife"). */
export const isAcknowledgement = wholeMessageIs(ACKNOWLEDGEMENT);

/** A greeting, an addressee and an introduction before the question ("hi all, new here - …"). */
// A letter's salutation ("Dear Terry,", "Dear Dr. Roach:") greets too: the name is no word of the question.
const GREET =
  '((hi|hello|hey|hiya|heya|howdy|yo|hullo|greetings|good (morning|afternoon|evening|day))\\b|(morning|evening|gm|sup)(?=\\s*[!.,])|dear (dr |doctor |mr |mrs |ms |miss |prof )?[a-z]+(?=\\s*[,:]))';
const ADDRESSEE = '(there|bot|k2 ?bot|everyone|everybody|all|guys|folks|friends?|team|buddy|again|yall)\\b';
const INTRO =
  '((i am|im) new( here| to this( \\w+)?| in this \\w+)?|new (member|user|here|to this)( here)?|first (post|time|question|message)( here| posting| asking)?|(i am|im) from( the)? \\w+|quick question)\\b';
const SEP = '[\\s!.,:;-]*';
const LEADING_CHAT = new RegExp(`^((${GREET}${SEP})(${ADDRESSEE}${SEP})*)?(${INTRO}${SEP})*`);

/**
 * The message without a greeting and introduction before its question ("hello, new member here,
 * what does vitamin k2 do"), or null when there was none or only the greeting is left.
 */
export function withoutGreeting(normalized: string): string | null {
  const t = normalized.replace(/'/g, '').trim();
  const m = LEADING_CHAT.exec(t);
  if (!m || m[0].length === 0) return null;
  const rest = t.slice(m[0].length).trim();
  return rest.split(/\s+/).filter((w) => /[\p{L}\p{N}]/u.test(w)).length >= 2 ? rest : null;
}
