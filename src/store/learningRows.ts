import {
  COVERAGES,
  type Coverage,
  type FeedbackVote,
  QUESTION_REASONS,
  type QuestionReason,
  type RecordedQuestion,
  VOTE_VALUES,
  type VoteValue,
} from './learningStore.ts';

function oneOf<T extends string>(values: readonly T[], value: unknown, fallback: T): T {
  return (values as readonly unknown[]).includes(value) ? (value as T) : fallback;
}

function textOrNull(value: unknown): string | null {
  return typeof value === 'string' && value.length > 0 ? value : null;
}

function factIdsFrom(value: unknown): string[] {
  try {
    const parsed: unknown = JSON.parse(String(value));
    return Array.isArray(parsed) ? parsed.map(String) : [];
  } catch {
    return [];
  }
}

/** A stored vote, read leniently (a hand-edited or newer row never breaks the review). */
export function voteFromRow(row: Record<string, unknown>): FeedbackVote {
  return {
    guildId: textOrNull(row.guild_id),
    topicId: textOrNull(row.topic_id),
    factIds: factIdsFrom(row.fact_ids),
    coverage: oneOf<Coverage>(COVERAGES, row.coverage, 'none'),
    replyKind: String(row.reply_kind ?? ''),
    vote: oneOf<VoteValue>(VOTE_VALUES, row.vote, 'helpful'),
    day: String(row.day ?? ''),
  };
}

export function learnedQuestionFromRow(row: Record<string, unknown>): RecordedQuestion {
  return {
    guildId: textOrNull(row.guild_id),
    text: String(row.text ?? ''),
    reason: oneOf<QuestionReason>(QUESTION_REASONS, row.reason, 'declined'),
    topicId: textOrNull(row.topic_id),
    day: String(row.day ?? ''),
  };
}
