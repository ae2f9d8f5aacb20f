import { language } from '../kb/language.ts';
import { phraseRegex, phraseSource } from './phrasePattern.ts';
import { clausesOpeningAQuestion } from './questionFocus.ts';

const { lists } = language().phrases;

/**
 * Every request for the form of a reply ("in plain words", "tl;dr", "short answer", "as a list"),
 * longest first so "short answer pls" goes whole: the follow-up lists of phrases.json.
 */
const REQUEST_WORDS = [
  ...(lists.followUpSummaryRequests.words ?? []),
  ...(lists.followUpShorterRequests.words ?? []),
  ...(lists.followUpListRequests.words ?? []),
  ...(lists.followUpPlainRequests.words ?? []),
].sort((a, b) => b.length - a.length);
const FORM_REQUESTS = phraseRegex({ words: REQUEST_WORDS }, 'g');
/** "the bottom line", "a summary" (`formRequestAsObject`): the request is what is asked for. */
const REQUEST_AS_OBJECT = new RegExp(
  `${phraseSource(lists.formRequestAsObject)}\\s+${phraseSource({ words: REQUEST_WORDS })}`,
);

/**
 * The message without its request for a form of reply, when the rest still asks a question of its
 * own: "what is osteoporosis in plain words" asks what osteoporosis is, and "plain" read as a word
 * of the question became "pain". A request with no question beside it ("tl;dr the article",
 * "in simple words pls", "what's the bottom line on k2") is the summary's or the follow-up's to
 * read, so the message is returned as it is.
 */
export function withoutFormRequest(normalized: string): string {
  const text = normalized.replace(/['’]/g, '');
  const rest = text
    .replace(FORM_REQUESTS, ' ')
    .replace(/\s+/g, ' ')
    .replace(/^[ ,;:.!-]+/, '')
    .trim();
  // Most messages hold no request: the pattern of a request after "the" or "a" runs only for those that do.
  if (rest === text.trim() || REQUEST_AS_OBJECT.test(text)) return normalized;
  return clausesOpeningAQuestion(rest).length > 0 ? rest : normalized;
}
