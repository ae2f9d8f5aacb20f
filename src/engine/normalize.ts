import { language } from '../kb/language.ts';
import { alternation } from './phrasePattern.ts';
import { rememberLast } from './rememberLast.ts';

/**
 * Turns a raw chat message into plain lower-case words. Discord adds a lot that is not the
 * question (mentions, emoji, markdown, links); matching only sees what a person typed.
 */

/** Long pastes are cut so one message can never make matching slow. */
export const MAX_INPUT_CHARS = 2000;

const MENTION = /<(?:@[!&]?|#)\d+>/g;
const CUSTOM_EMOJI = /<a?:[\w~-]+:\d+>/g;
const BROADCAST = /@(?:everyone|here)\b/g;
const URL = /\b(?:https?:\/\/|www\.)\S+/g;
const SPOILER_OR_MARKUP = /\|\||\*+|__+|~~|`+/g;
// Indentation before a quote or heading marker stays on its own line: "\s*" there would read
// every following blank line again from each line start.
const QUOTE_PREFIX = /^[^\S\n\r\u2028\u2029]*>+\s?/gm;
const HEADING_PREFIX = /^[^\S\n\r\u2028\u2029]*#{1,3}\s+/gm;
// Pictographs, their modifiers and joiners: people decorate questions with them.
const EMOJI = /\p{Extended_Pictographic}|\p{Emoji_Modifier}|\u{FE0F}|\u{200D}|\u{20E3}/gu;
/**
 * Emoji after a word and before a word that opens a question end a sentence in chat ("this price is
 * killing me 😭 is gouda a decent source"): without the full stop the two sentences would be read
 * as one. So do emoji after a question that opened with a question word and before a sentence about
 * someone ("what even is menaquinone-7 💀 my bottle just says that"): the question ends there.
 * Emoji inside a sentence ("is k2 safe 🤰 in pregnancy") only go. Built on first use from
 * phrases.json `questionStarts`, `questionWords` and gate.json `person`: this module loads before the language may
 * be installed.
 */
const EMOJI_RUN = /(?:\p{Extended_Pictographic}|\p{Emoji_Modifier}|\u{FE0F}|\u{200D})+/gu;
const WORD_BEFORE = /[\p{L}\p{N}][ \t]*$/u;
let questionOpener: RegExp | undefined;
let questionWordStart: RegExp | undefined;
let personNext: RegExp | undefined;
/** Each run of emoji is looked at once, with a sticky pattern after it: linear in the text. */
function endSentencesAtEmoji(text: string): string {
  const { questionStarts } = language().phrases.lists;
  questionOpener ??= new RegExp(`[ \\t]+(?:${alternation(questionStarts)})\\b`, 'iuy');
  // The question words ("what", "how"), not the verbs that may open a statement too.
  questionWordStart ??= new RegExp(
    `^\\s*(?:${alternation(language().phrases.lists.questionWords)})\\b`,
    'iu',
  );
  personNext ??= new RegExp(`[ \\t]+(?:${language().gate.person.join('|')})\\b`, 'iuy');
  const opener = questionOpener;
  let out = '';
  let from = 0;
  // Where the sentence the emoji stand in began.
  let sentenceAt = 0;
  for (const m of text.matchAll(EMOJI_RUN)) {
    const before = text.slice(from, m.index);
    const stop = Math.max(
      before.lastIndexOf('.'),
      before.lastIndexOf('?'),
      before.lastIndexOf('!'),
      before.lastIndexOf('\n'),
    );
    if (stop >= 0) sentenceAt = from + stop + 1;
    const after = m.index + m[0].length;
    opener.lastIndex = after;
    personNext.lastIndex = after;
    const nextOpensAQuestion = opener.test(text);
    const questionEndsHere =
      !nextOpensAQuestion && personNext.test(text) && questionWordStart.test(text.slice(sentenceAt, m.index));
    const ends =
      (nextOpensAQuestion || questionEndsHere) &&
      WORD_BEFORE.test(text.slice(Math.max(0, m.index - 20), m.index));
    out += ends ? `${before.trimEnd()}.` : `${before}${m[0]}`;
    from = after;
    if (ends) sentenceAt = after;
  }
  return from === 0 ? text : out + text.slice(from);
}
const CURLY_SINGLE = /[\u2018\u2019\u201A\u201B\u2032`´]/g;
const CURLY_DOUBLE = /[\u201C\u201D\u201E\u201F\u2033]/g;
const DASHES = /[\u2010-\u2015\u2212]/g;
const MICRO = /[\u00B5\u03BC]g\b/g;
const COMMAND_PREFIX = /^[!/.$?][a-z][\w-]*\s+/;
/**
 * Format characters (category Cf): zero-width space, (non-)joiner, word joiner, soft hyphen, BOM,
 * bidi controls. Invisible, so they can hide a word from matching ("ch\u200Best pain").
 */
const FORMAT_CHARS = /\p{Cf}/gu;

/**
 * Cyrillic and Greek letters that look like Latin ones, with the Latin letter they pass for.
 * Greek mu is left out: "μg" is micrograms (see MICRO).
 */
const LOOKALIKES: ReadonlyMap<string, string> = new Map(
  Object.entries({
    а: 'a',
    в: 'b',
    е: 'e',
    ё: 'e',
    і: 'i',
    ї: 'i',
    ј: 'j',
    к: 'k',
    м: 'm',
    н: 'h',
    о: 'o',
    р: 'p',
    с: 'c',
    т: 't',
    у: 'y',
    х: 'x',
    ѕ: 's',
    һ: 'h',
    ԁ: 'd',
    ԛ: 'q',
    ԝ: 'w',
    ӏ: 'l',
    А: 'A',
    В: 'B',
    Е: 'E',
    І: 'I',
    Ј: 'J',
    К: 'K',
    М: 'M',
    Н: 'H',
    О: 'O',
    Р: 'P',
    С: 'C',
    Т: 'T',
    У: 'Y',
    Х: 'X',
    Ѕ: 'S',
    Ӏ: 'l',
    α: 'a',
    ε: 'e',
    ι: 'i',
    κ: 'k',
    ν: 'v',
    ο: 'o',
    ρ: 'p',
    τ: 't',
    υ: 'u',
    χ: 'x',
    Α: 'A',
    Β: 'B',
    Ε: 'E',
    Ζ: 'Z',
    Η: 'H',
    Ι: 'I',
    Κ: 'K',
    Μ: 'M',
    Ν: 'N',
    Ο: 'O',
    Ρ: 'P',
    Τ: 'T',
    Υ: 'Y',
    Χ: 'X',
  }),
);
const DIGIT = /\d/;
const NON_ASCII = /[\u0080-\u{10FFFF}]/u;
const LETTERS = /\p{L}+/gu;
const LATIN_LETTER = /[a-z]/i;
const NON_LATIN_LETTER = /[^\P{L}a-z]/giu;

/**
 * Folds look-alike letters into the Latin ones they imitate, only where they pose as English: in
 * a word that mixes them with Latin letters ("сhest" with a Cyrillic с), or anywhere in a message
 * written mostly in Latin letters. A message in Russian or Greek keeps its own letters.
 */
function foldLookalikes(text: string): string {
  const letters = text.match(LETTERS)?.join('') ?? '';
  const nonLatin = letters.match(NON_LATIN_LETTER)?.length ?? 0;
  const mostlyLatin = nonLatin * 2 < letters.length;
  return text.replace(LETTERS, (word) => {
    if (!mostlyLatin && !LATIN_LETTER.test(word)) return word;
    let out = '';
    for (const ch of word) out += LOOKALIKES.get(ch) ?? ch;
    return out;
  });
}

/**
 * Numbers written in words (words.json `numberWords`), read on first use like the emoji patterns
 * above: this module loads before the language may be installed.
 */
let numberWords:
  | { words: ReturnType<typeof language>['words']['numberWords']; any: RegExp; number: RegExp }
  | undefined;

function numberPatterns() {
  if (numberWords) return numberWords;
  const words = language().words.numberWords;
  const units = `(?:${words.units.join('|')})`;
  const teens = `(?:${words.teens.join('|')})`;
  const tens = `(?:${words.tens.join('|')})`;
  const belowHundred = `${tens}(?:[ -]${units})?|${teens}`;
  numberWords = {
    words,
    // Any number word at all: most messages have none and skip the conversion.
    any: new RegExp(`\\b(?:${tens}|${teens}|hundred)\\b`),
    // "forty five", "forty-five", "a hundred", "two hundred and fifty", "twelve". A unit alone is
    // left as a word ("which one"); before "hundred" it counts the hundreds.
    number: new RegExp(
      `\\b(?:(a|${units}) hundred(?:(?: and)? (${belowHundred}|${units}))?|(${belowHundred}))\\b`,
      'g',
    ),
  };
  return numberWords;
}

function belowHundred(text: string, words: ReturnType<typeof numberPatterns>['words']): number {
  const [first = '', second] = text.split(/[ -]/);
  const teen = words.teens.indexOf(first);
  if (teen >= 0) return 10 + teen;
  const tens = words.tens.indexOf(first);
  if (tens >= 0) return (tens + 2) * 10 + (second ? words.units.indexOf(second) + 1 : 0);
  return words.units.indexOf(first) + 1;
}

/** "forty five milligrams" → "45 milligrams": a figure in words is read as the figure it is. */
function withNumbersAsDigits(text: string): string {
  const { words, any, number } = numberPatterns();
  if (!any.test(text)) return text;
  return text.replace(number, (_whole, hundreds?: string, rest?: string, below?: string) => {
    if (below !== undefined) return String(belowHundred(below, words));
    const h = hundreds === 'a' ? 1 : words.units.indexOf(hundreds ?? '') + 1;
    return String(h * 100 + (rest ? belowHundred(rest, words) : 0));
  });
}

/**
 * Normalises chat text for matching: no invisible format characters, NFKC, look-alike letters
 * folded to Latin, lower case, no mentions/emoji/markdown/links, straight quotes, single spaces,
 * figures in words as digits,
 * at most {@link MAX_INPUT_CHARS} characters.
 */
export const normalizeText: (input: string) => string = rememberLast(normalizeOnce);

function normalizeOnce(input: string): string {
  // Cut before the regexes run: they are linear, but there is no reason to read a novel.
  let text = input.length > MAX_INPUT_CHARS * 2 ? input.slice(0, MAX_INPUT_CHARS * 2) : input;
  // Plain ASCII has no format characters, nothing for Unicode normalisation to change and no
  // look-alike letters: most messages skip the three costliest steps. Nor has it emoji, curly
  // double quotes, Unicode dashes or a micro sign; the steps below put no other characters in.
  const ascii = !NON_ASCII.test(text);
  if (!ascii) {
    text = text.replace(FORMAT_CHARS, '');
    // NFKC folds full-width and styled letters; dropping combining marks folds "nattō" to "natto".
    text = text.normalize('NFKC').normalize('NFKD').replace(/\p{M}/gu, '').normalize('NFC');
    text = foldLookalikes(text);
  }
  text = text
    .replace(CUSTOM_EMOJI, ' ')
    .replace(MENTION, ' ')
    .replace(BROADCAST, ' ')
    .replace(URL, ' ')
    .replace(QUOTE_PREFIX, '')
    .replace(HEADING_PREFIX, '')
    .replace(SPOILER_OR_MARKUP, ' ');
  if (!ascii) text = endSentencesAtEmoji(text).replace(EMOJI, ' ');
  text = text.replace(CURLY_SINGLE, "'");
  if (!ascii) text = text.replace(CURLY_DOUBLE, '"').replace(DASHES, '-').replace(MICRO, 'mcg');
  text = text
    .toLowerCase()
    // Stretched words ("natttooo", "pleeease") keep at most two of a letter.
    .replace(/(\p{L})\1{2,}/gu, '$1$1')
    .replace(/\s+/g, ' ')
    .trim()
    // A bot command typed as text ("!ask …", "/k2 …") is not part of the question.
    .replace(COMMAND_PREFIX, '');
  text = withNumbersAsDigits(text);
  if (text.length > MAX_INPUT_CHARS) {
    const cut = text.lastIndexOf(' ', MAX_INPUT_CHARS);
    text = text.slice(0, cut > MAX_INPUT_CHARS / 2 ? cut : MAX_INPUT_CHARS);
  }
  return text;
}

/**
 * Splits normalised text into word tokens. Apostrophes are dropped ("don't" → "dont") and
 * unit suffixes are split from numbers ("100mcg" → "100", "mcg") so both spellings match.
 * The steps of one answer split the same text again and again (about five calls for fewer than two
 * texts a message): the last text's words are kept, read-only, for the next call.
 */
export const tokenize: (normalized: string) => readonly string[] = rememberLast(splitWords);

function splitWords(normalized: string): readonly string[] {
  let text = normalized.includes("'") ? normalized.replace(/'/g, '') : normalized;
  // Both number rules need a digit: most texts have none and skip them.
  if (DIGIT.test(text)) {
    text = text
      // Thousands separators: "6,425 women" and "15,000 mcg" are one number.
      .replace(/\b(\d{1,3}),(\d{3})\b/g, '$1$2')
      .replace(/(\d)(mcg|mg|ug|iu|g)\b/g, '$1 $2');
  }
  const words = text.split(/[^\p{L}\p{N}]+/u);
  return words.filter((w) => w.length > 0);
}
