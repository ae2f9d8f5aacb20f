import type { Answer } from '../engine/index.ts';
import { canBeRated, describeRatedReply, type RatedReply } from '../learning/feedback.ts';
import { COVERAGES, type Coverage, type VoteValue } from '../store/learningStore.ts';

/**
 * The Helpful / Not helpful buttons carry what a vote stores about the reply, so a click needs
 * no memory of the answer: `vote:<up|down>:<reply kind>:<coverage>:<topic id or empty>`.
 */
export const VOTE_PREFIX = 'vote';

const DIRECTION: Record<VoteValue, string> = { helpful: 'up', 'not-helpful': 'down' };

export function voteCustomIds(answer: Answer): { helpful: string; notHelpful: string } | null {
  if (!canBeRated(answer)) return null;
  const reply = describeRatedReply(answer);
  const rest = `${reply.replyKind}:${reply.coverage}:${reply.topicId ?? ''}`;
  return {
    helpful: `${VOTE_PREFIX}:${DIRECTION.helpful}:${rest}`,
    notHelpful: `${VOTE_PREFIX}:${DIRECTION['not-helpful']}:${rest}`,
  };
}

export interface ParsedVote extends RatedReply {
  vote: VoteValue;
}

export function parseVoteCustomId(customId: string): ParsedVote | null {
  const [prefix, direction, replyKind, coverage, topicId, ...extra] = customId.split(':');
  if (prefix !== VOTE_PREFIX || extra.length > 0 || !replyKind || topicId === undefined) return null;
  if (direction !== 'up' && direction !== 'down') return null;
  if (!(COVERAGES as readonly string[]).includes(coverage ?? '')) return null;
  return {
    vote: direction === 'up' ? 'helpful' : 'not-helpful',
    replyKind,
    coverage: coverage as Coverage,
    topicId: topicId || null,
    factIds: [],
  };
}
