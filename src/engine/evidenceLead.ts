import type { FocusId } from '../kb/focusSchema.ts';
import { language, texts } from '../kb/language.ts';
import type { IndexedFact } from './factIndex.ts';
import { PhraseSet, stemmedWords } from './phraseSet.ts';
import { readFocus } from './questionFocus.ts';

/**
 * "Are the rat studies on k2 and bones legit?": the reply's first fact describes the rats, which
 * does not answer whether the finding holds. When the question asks for a verdict (focus.json
 * `evidenceVerdict`) and the fact leading the reply is a lab, animal or observational finding,
 * the reply opens with what that kind of evidence can and cannot show (texts.json `evidenceLeads`).
 */

const ASKS_VERDICT = new PhraseSet(language().focus.evidenceVerdict);
/** What a question asks when it asks about a figure or a food, not about a finding. */
const NOT_A_FINDING: ReadonlySet<FocusId> = new Set<FocusId>(['amount', 'food-source']);

/** The opening sentence for `first` when `asking` asks for a verdict, else null. */
export function evidenceOpening(first: IndexedFact, asking: string): string | null {
  const kind = first.fact.evidence;
  if (kind !== 'lab-or-animal' && kind !== 'observational') return null;
  // A food's facts are measurements of its content: "is the k2 in sauerkraut real or a myth?" is
  // not answered by "that is an association" (blind round 13 found that opening on a food).
  if (first.topic.category === 'food') return null;
  // "is the 10-gram figure real?" asks about an amount, and "is gouda legit a good k2 source?"
  // about a food's content, not about the kind of evidence behind a health finding.
  const focuses = readFocus(asking).focuses;
  if (focuses.some((id) => NOT_A_FINDING.has(id)) || !ASKS_VERDICT.matches(stemmedWords(asking))) return null;
  return texts().replies.evidenceLeads[kind];
}
