import type { FocusId } from '../kb/focusSchema.ts';
import { texts } from '../kb/language.ts';
import { fillText } from '../kb/languageSchema.ts';
import type { FactIndex, IndexedFact } from './factIndex.ts';
import type { QuestionFocus } from './questionFocus.ts';
import { readFocus } from './questionFocus.ts';
import type { Answer } from './types.ts';

/**
 * How a follow-up chooses its facts. The previous question gives the subject ("does k2 help
 * bones" → bones); the new message says what is asked about it now ("how much of it?" → an
 * amount, "why?" → the reason, "and for kids?" → that population). Reading the two run together
 * let the old question's words pick the old facts again, and 15 of 35 blind follow-ups got the
 * previous reply word for word. So the focus comes from the new message, the previous reading
 * only lends its subject words (weakly), and facts already shown count less.
 */

export interface FollowUpHints {
  /** How the message was read with the previous one (followUp.ts). */
  kind: 'together' | 'instead';
  /** The new message alone, normalised. */
  message: string;
  /** The previous reading: the subject the message leans on. */
  previousReading: string;
  /** Full ids of the facts the previous answer showed. */
  shownBefore: readonly string[];
  /** What the previous question asked about its subject (its focuses, whether it asked a figure). */
  previousFocus: { focuses: readonly FocusId[]; figure: boolean } | null;
}

/** Subject words of the previous reading count this much of the new message's own words. */
export const CARRIED_SUBJECT_WEIGHT = 0.35;
/** A fact the previous answer already showed counts this much of its score. */
export const SHOWN_BEFORE_FACTOR = 0.85;

/**
 * What a follow-up asks: the new message's own focus; when it names none ("what about mk4?",
 * "and natto?") the previous question's focus, applied to the new subject.
 */
export function followUpFocus(hints: FollowUpHints): QuestionFocus {
  const own = readFocus(hints.message);
  if (own.focuses.length > 0 || own.yesNo || own.figure || !hints.previousFocus) return own;
  return {
    ...own,
    focuses: [...hints.previousFocus.focuses],
    figure: hints.previousFocus.figure,
  };
}

/**
 * The weighted words facts are matched against: the message's own words in full, the previous
 * reading's words (the subject carried over) at {@link CARRIED_SUBJECT_WEIGHT}. A new subject in
 * the old frame ("what about gouda?") carries nothing: gouda replaces natto.
 */
export function followUpTerms(
  hints: FollowUpHints,
  own: readonly string[],
  previous: readonly string[],
): Map<string, number> {
  const weights = new Map<string, number>();
  if (hints.kind === 'together') for (const t of previous) weights.set(t, CARRIED_SUBJECT_WEIGHT);
  for (const t of own) weights.set(t, 1);
  return weights;
}

/** Whether a reply's facts are exactly what the previous answer showed: the same reply again. */
export function repeatsPrevious(facts: readonly string[], shownBefore: readonly string[]): boolean {
  return (
    facts.length > 0 && facts.length === shownBefore.length && facts.every((id, i) => shownBefore[i] === id)
  );
}

/** A source reply stays within the body's word limit: the first quote always, others while they fit. */
const MAX_SOURCE_WORDS = 100;

/**
 * "Source?" after an answer: the same facts, each shown as the article's own words under its
 * heading, instead of the previous body again. `answer` is the previous question answered anew (its
 * topic, notices and safety texts); its body, facts and source are replaced.
 */
export function withSourceBody(answer: Answer, shownBefore: readonly string[], facts: FactIndex): Answer {
  const before = shownBefore.map((id) => facts.byId.get(id)).filter((f): f is IndexedFact => !!f);
  const shown = before.length > 0 ? before : answer.facts.flatMap((id) => facts.byId.get(id) ?? []);
  const first = shown[0];
  if (!first) return answer;
  const quoted: Array<{ fact: IndexedFact; text: string }> = [];
  let words = 0;
  for (const fact of shown) {
    if (quoted.some((q) => q.fact.fact.quote === fact.fact.quote)) continue;
    const text = fillText(texts().replies.sourceQuote, {
      section: fact.fact.section,
      quote: fact.fact.quote,
    });
    const n = text.split(/\s+/).length;
    if (quoted.length > 0 && words + n > MAX_SOURCE_WORDS) break;
    quoted.push({ fact, text });
    words += n;
  }
  answer.body = quoted.map((q) => q.text).join(' ');
  answer.facts = quoted.map((q) => q.fact.fullId);
  answer.coverage = 'full';
  answer.source = { sections: [...new Set(quoted.map((q) => q.fact.fact.section))], quote: first.fact.quote };
  return answer;
}
