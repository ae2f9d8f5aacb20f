import type { MatchFeatures } from './search.ts';

/**
 * The raw confidence of a match: the 0..1 figure that decides answer or decline at one
 * threshold. (What it says about the chance of being right is calibration.ts.)
 */

/**
 * At or above this raw confidence the best topic is answered; below it the engine declines. The
 * reported confidence keeps the same meaning: answers report at least this (calibrated to the
 * observed accuracy, see calibration.ts), declines report less.
 */
export const ANSWER_THRESHOLD = 0.5;

/** Without a K2 word, everyday words ("heart", "cheese") need a clearer match. */
const NO_ANCHOR_PENALTY = 0.12;
/** Below this subject weight (a plain word or two, weakly matched) there is no real subject. */
const WEAK_SUBJECT = 0.5;
/** Subject weight (about two specific words) that no amount of chat around it can outweigh. */
const SOLID_SUBJECT = 2.5;
/** The raw confidence a match on a pasted quote reports at least. */
const QUOTED_CONFIDENCE = 0.9;

/**
 * Maps match features to a 0..1 confidence. The raw score is coverage-like; a clear winner and
 * a K2 word make a match more trustworthy. A question whose subject the knowledge base does
 * not know ("k2 for gout": only "k2" matches, "gout" is unknown) is held down, because the
 * matching words are the generic ones.
 */
export function rawConfidence(f: MatchFeatures): number {
  const margin = f.top - f.second;
  let x = Math.min(f.top, 1) + 0.5 * Math.min(margin, 0.2);
  if (!f.hasAnchor) x -= NO_ANCHOR_PENALTY;
  // Without a K2 word, a word the knowledge base does not know is probably the real subject.
  if (!f.hasAnchor && f.unknownMass > 0) x -= 0.3;
  // Unknown words outweighing the subject suggest the subject is one of them ("k2 for gout"),
  // unless a K2 word and a solid known subject are there (a long message with chat around it)
  // or the question asks what K2 is.
  const solidSubject = f.hasAnchor && (f.subjectMass >= SOLID_SUBJECT || f.asksDefinition);
  if (!solidSubject && f.unknownMass > f.subjectMass * (f.hasAnchor ? 1.5 : 0.9)) x -= 0.25;
  let conf = 1 / (1 + Math.exp(-12 * (x - 0.35)));
  const noSubject = f.subjectMass < WEAK_SUBJECT && !(f.hasAnchor && f.asksDefinition);
  // Only generic words matched ("can you help me", "k2 for gout", "k2 and hearing loss"):
  // nothing to answer from.
  if (noSubject && (f.unknownMass > 0 || !f.hasAnchor || f.unmatchedTerms > 0)) conf = Math.min(conf, 0.2);
  // Only a typo-corrected guess matched and nothing says K2: too little to go on.
  if (!f.hasAnchor && f.exactSubjectMass === 0) conf = Math.min(conf, 0.3);
  // Nothing says K2 and the message has words the knowledge base does not know, or it is about
  // general health and says more than its subject: it is somebody else's question ("does
  // exercise help osteoporosis", "how to prevent heart disease", "what is menopause"). A bare
  // "osteoporosis?" in a K2 bot is still about K2.
  if (
    !f.hasAnchor &&
    (f.unknownMass > 0 || (f.generalHealthOnly && (f.unmatchedTerms > 0 || f.hasGenericTerms)))
  ) {
    conf = Math.min(conf, 0.3);
  }
  // A pasted article quote names its topic, whatever words surround it.
  if (f.quoted) conf = Math.max(conf, QUOTED_CONFIDENCE);
  return Math.round(conf * 1000) / 1000;
}
