import type { Category, Correction } from '../kb/schema.ts';
import type { UrgentKind } from './gateWords.ts';
import type { SafetyTexts } from './safety.ts';

/** A topic as other layers see it: enough to list, link and pick it. */
export interface TopicRef {
  id: string;
  title: string;
  category: Category;
}

export type AnswerKind =
  /** A topic matched with enough confidence. */
  | 'answer'
  /** Nothing in the knowledge base fits: a polite "I don't know" with what the bot can answer. */
  | 'decline'
  /** Empty or unusable input. */
  | 'empty';

export type AnswerCoverage = 'full' | 'partial' | 'none';

/**
 * What the engine returns for a question: plain data, no formatting for any one medium.
 * Renderers (Discord, terminal, JSON) must show `safety.disclaimer` and `safety.warning` in full.
 */
export interface Answer {
  kind: AnswerKind;
  matched: boolean;
  /** The message sounds like an emergency: `urgentNotice` must be shown first. */
  urgent: boolean;
  urgentNotice: string | null;
  /** Which emergency the gate recognised, for moderator alerts; absent when not urgent. */
  urgentKind?: UrgentKind;
  /** The question asks for personal medical advice: `personalNotice` must be shown. */
  personal: boolean;
  personalNotice: string | null;
  topic: TopicRef | null;
  /**
   * 0..1: for an answer, the calibrated chance that its topic is right (calibration.ts), at least
   * the answer threshold; for a decline, less than the threshold.
   */
  confidence: number;
  /** The short answer, or the decline text. */
  body: string;
  /** Full ids (`<topic-id>/<fact-id>`) of the facts the body shows, in the order shown. */
  facts: string[];
  /**
   * Whether the body answers the asked point: "full"; "partial" when the knowledge base covers the
   * subject but not the point asked (the body says so first); "none" for declines, urgent-only
   * replies and empty input.
   */
  coverage: AnswerCoverage;
  /** The topic's facts, for a "More" view. */
  details: string[];
  /**
   * What waits behind "More" besides the facts: the topic's summary and the corrections not shown
   * in the main reply. Null for replies without a topic.
   */
  more: { summary: string; corrections: Correction[] } | null;
  /** Article sections the answer comes from, with one verbatim quote. */
  source: { sections: string[]; quote: string } | null;
  /** Where the article is wrong: shown with the answer. */
  corrections: Correction[];
  related: TopicRef[];
  /** "Did you mean" topics when the match is weak or missing. */
  suggestions: TopicRef[];
  safety: SafetyTexts;
}
