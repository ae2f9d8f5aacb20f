import { describe, expect, it } from 'vitest';
import { parseVoteCustomId, voteCustomIds } from '../../src/discord/voteIds.ts';
import { describeRatedReply } from '../../src/learning/feedback.ts';
import { reviewReason } from '../../src/learning/record.ts';
import { sharedEngine } from '../sharedEngine.ts';

// Hand-picked questions: one the article answers, one whose exact point (time of day) it never
// makes. The expectations are what a reader of those replies would say, not what the code reports.
const FULLY_ANSWERED = 'how much vitamin k2 is in natto';
const PARTLY_ANSWERED = 'is it better to take k2 in the morning or at night?';

describe('what a vote records about the reply', () => {
  it('a partly answered question is recorded as partial, with the facts the body showed', () => {
    const answer = sharedEngine().ask(PARTLY_ANSWERED);
    expect(answer.kind).toBe('answer');
    const rated = describeRatedReply(answer);
    expect(rated.coverage).toBe('partial');
    expect(rated.factIds.length).toBeGreaterThan(0);
    expect(rated.factIds).toEqual(answer.facts);
    expect(reviewReason(answer)).toBe('partial');
    const ids = voteCustomIds(answer);
    expect(ids && parseVoteCustomId(ids.notHelpful)?.coverage).toBe('partial');
  });

  it('a fully answered question is recorded as full', () => {
    const answer = sharedEngine().ask(FULLY_ANSWERED);
    const rated = describeRatedReply(answer);
    expect(rated.coverage).toBe('full');
    expect(rated.factIds[0]).toMatch(/^natto\//);
  });

  it('a decline is recorded as covering nothing, with no facts', () => {
    const answer = sharedEngine().ask('what is the best pizza topping?');
    expect(answer.kind).toBe('decline');
    expect(describeRatedReply(answer)).toMatchObject({ coverage: 'none', factIds: [] });
  });
});
