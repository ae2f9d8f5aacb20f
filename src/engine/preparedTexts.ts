import type { Analysis } from './analyze.ts';

/**
 * The knowledge texts as the index reads them (normalised, and analysed into terms), worked out by
 * the build and kept in the knowledge snapshot (src/kb/snapshot.ts), so that a start-up does not
 * normalise and analyse every title, keyword, question, fact and quote again. Only a cache: a text
 * it lacks is worked out as before, and the analyses count only for the vocabulary they were made
 * with (see Analyzer).
 */
export interface PreparedTexts {
  /** The typo aliases the analyzer derived from the knowledge (Analyzer): the analyses assume them. */
  aliases: Array<[string, string]>;
  /** Text → normalizeText(text). */
  normalized: Array<[string, string]>;
  /** Normalised text → its analysis without typo correction: terms and written forms. */
  analyses: Array<[string, string[], string[]]>;
}

/** An analysis without typo correction, as Analyzer.analyze(text, false) gives it. */
export function knowledgeAnalysis(terms: readonly string[], surface: readonly string[]): Analysis {
  return {
    terms: [...terms],
    unknown: [],
    fuzzyTerms: new Set(),
    surface: [...surface],
    correctedText: null,
  };
}
