/** The longest question text kept for review. */
export const MAX_RECORDED_CHARS = 300;

/** Digits with spaces, dots, dashes, brackets or a leading +: a phone number when 7+ are digits. */
const PHONE_LIKE = /(?:\+|\(|\b)\d[\d\s().-]{4,}\d\b/g;
const MIN_PHONE_DIGITS = 7;

const REPLACEMENTS: ReadonlyArray<[RegExp, string]> = [
  // Discord mentions of users, roles, channels, slash commands, and custom emoji.
  [/<(@[!&]?|#|\/[\w -]+:)\d{15,25}>/g, ' '],
  [/<a?:\w+:\d{15,25}>/g, ' '],
  [/@(everyone|here)\b/gi, ' '],
  [/\b(?:https?:\/\/|www\.)\S+/gi, ' '],
  [/\b[\w.+-]+@[\w-]+(\.[\w-]+)+\b/g, ' '],
  // Bare domains and invites that were not written as URLs.
  [
    /\b(?:discord(?:app)?\.(?:gg|com)\/\S*|[a-z0-9-]+(?:\.[a-z0-9-]+)*\.(?:com|net|org|gg|io|co|me|ly|info|xyz|app)\b\S*)/gi,
    ' ',
  ],
  // Any run of 15+ digits is a Discord id (snowflakes have 17 to 20).
  [/\b\d{15,25}\b/g, ' '],
  // A leftover @name (a typed, unresolved mention).
  [/(^|\s)@\S+/g, '$1'],
];

/**
 * A question as it may be kept for review: mentions, user/role/channel ids, links, e-mail
 * addresses and phone numbers removed, whitespace folded, at most {@link MAX_RECORDED_CHARS}.
 * Amounts like "100 mcg" or "2 x 90" stay: they are what the question is about.
 */
export function scrubQuestion(text: string): string {
  let cleaned = text;
  for (const [pattern, replacement] of REPLACEMENTS) cleaned = cleaned.replace(pattern, replacement);
  cleaned = cleaned.replace(PHONE_LIKE, (match) =>
    (match.match(/\d/g)?.length ?? 0) >= MIN_PHONE_DIGITS ? ' ' : match,
  );
  cleaned = cleaned.replace(/\s+/g, ' ').trim();
  if (cleaned.length <= MAX_RECORDED_CHARS) return cleaned;
  let cut = cleaned.slice(0, MAX_RECORDED_CHARS);
  // Never leave half a surrogate pair.
  if (/[\uD800-\uDBFF]$/.test(cut)) cut = cut.slice(0, -1);
  return cut.trimEnd();
}
