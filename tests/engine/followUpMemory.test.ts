import { describe, expect, it } from 'vitest';
import type { FollowUpContext } from '../../src/engine/followUp.ts';
import { FOLLOW_UP_TTL_MS, FollowUpMemory } from '../../src/engine/followUpMemory.ts';

const context = (topicId: string): FollowUpContext => ({ reading: `about ${topicId}`, topicId, facts: [] });

describe('FollowUpMemory', () => {
  it('keeps a context for ten minutes, then forgets it (the clock is given, nothing waits)', () => {
    expect(FOLLOW_UP_TTL_MS).toBe(600_000);
    let now = 1_000;
    const memory = new FollowUpMemory({ now: () => now });
    memory.set('channel-1', context('natto'));
    now += 600_000;
    expect(memory.get('channel-1')?.topicId).toBe('natto');
    now += 1;
    expect(memory.get('channel-1')).toBeNull();
    expect(memory.size).toBe(0);
  });

  it('keeps conversations apart, forgets on null and on forget()', () => {
    const memory = new FollowUpMemory();
    memory.set('a', context('natto'));
    memory.set('b', context('cheese'));
    expect(memory.get('a')?.topicId).toBe('natto');
    expect(memory.get('b')?.topicId).toBe('cheese');
    memory.set('a', null);
    expect(memory.get('a')).toBeNull();
    memory.forget('b');
    expect(memory.get('b')).toBeNull();
  });

  it('holds at most maxConversations, forgetting the least recently set first', () => {
    const memory = new FollowUpMemory({ maxConversations: 2 });
    memory.set('a', context('natto'));
    memory.set('b', context('cheese'));
    memory.set('a', context('natto'));
    memory.set('c', context('warfarin-interaction'));
    expect(memory.size).toBe(2);
    expect(memory.get('b')).toBeNull();
    expect(memory.get('a')?.topicId).toBe('natto');
    expect(memory.get('c')?.topicId).toBe('warfarin-interaction');
  });
});
