import type { GuildSettings } from './settingsStore.ts';

/**
 * What the bot keeps to learn from use: anonymous votes on answers and, where a server turned
 * learning on, cleaned copies of the questions it could not answer well. Neither holds a user id.
 */

export const VOTE_VALUES = ['helpful', 'not-helpful'] as const;
export type VoteValue = (typeof VOTE_VALUES)[number];

/** How much of a question the reply covered. */
export const COVERAGES = ['full', 'partial', 'none'] as const;
export type Coverage = (typeof COVERAGES)[number];

export const QUESTION_REASONS = ['declined', 'partial', 'low-confidence'] as const;
export type QuestionReason = (typeof QUESTION_REASONS)[number];

/** One member's vote on one answer, without the member: `day` is YYYY-MM-DD (UTC). */
export interface FeedbackVote {
  /** Null for DMs and the terminal chat. */
  guildId: string | null;
  topicId: string | null;
  /** The facts the reply showed (empty until the engine names its facts). */
  factIds: string[];
  coverage: Coverage;
  /** answer, decline, … as the engine classed the reply. */
  replyKind: string;
  vote: VoteValue;
  day: string;
}

/** A question kept for review, already cleaned of mentions, ids, links, e-mails and phone numbers. */
export interface RecordedQuestion {
  /** Null for DMs (recorded only when the operator sets LEARNING_DMS=1). */
  guildId: string | null;
  text: string;
  reason: QuestionReason;
  /** The topic the bot answered with, if any (low-confidence and partial answers). */
  topicId: string | null;
  day: string;
}

export type VoteOutcome = 'recorded' | 'changed' | 'unchanged';

export interface LearningStore {
  /**
   * A random secret made once per database (so every process and restart agrees), used only to
   * turn "this member on this answer" into a vote key that cannot be read back.
   */
  voteSecret(): Promise<string>;
  /** One vote per key: a later vote under the same key replaces the earlier one. */
  recordVote(voteKey: string, vote: FeedbackVote): Promise<VoteOutcome>;
  recordQuestion(question: RecordedQuestion): Promise<void>;
  /** Votes and questions from `sinceDay` (YYYY-MM-DD) on, for the review. */
  readVotes(sinceDay: string): Promise<FeedbackVote[]>;
  readQuestions(sinceDay: string): Promise<RecordedQuestion[]>;
  /** Retention: deletes votes and questions dated before `day`. */
  deleteLearnedBefore(day: string): Promise<{ votes: number; questions: number }>;
  /** The bot was removed from a server at `at`; its data goes after the grace period. */
  markGuildLeft(guildId: string, at: Date): Promise<void>;
  /** The bot is (back) in the server: nothing is pending deletion for it. */
  markGuildPresent(guildId: string): Promise<void>;
  /** Forgets every server the bot left before `at`; resolves with their ids. */
  forgetGuildsLeftBefore(at: Date): Promise<string[]>;
  /** Deletes everything stored for a server in one transaction; resolves with the defaults read back. */
  forgetGuild(guildId: string): Promise<GuildSettings>;
  /** How many records a server has, for /settings show. */
  countGuildRecords(guildId: string): Promise<{ votes: number; questions: number }>;
}

/** YYYY-MM-DD in UTC: the only time a vote or a question keeps. */
export function dayOf(date: Date): string {
  return date.toISOString().slice(0, 10);
}
