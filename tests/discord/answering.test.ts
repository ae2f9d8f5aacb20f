import { describe, expect, it } from 'vitest';
import { looksLikeK2Question, shouldAutoAnswer } from '../../src/discord/answering.ts';
import { RecentIds } from '../../src/discord/context.ts';
import { Cooldowns, cooldownKey } from '../../src/discord/cooldowns.ts';
import type { Answer } from '../../src/engine/index.ts';

describe('looksLikeK2Question', () => {
  it.each([
    ['Which foods have the most vitamin K2?', true],
    ['is natto good for bones', true],
    ['can I take k2 with warfarin', true],
    ['How much MK-7 per day?', true],
    ['what time is the meeting?', false],
    ['I had natto for breakfast', false],
    ['lol', false],
    ['vitamin K2', false],
  ])('%j → %s', (text, expected) => {
    expect(looksLikeK2Question(text)).toBe(expected);
  });
});

describe('shouldAutoAnswer', () => {
  const base = { kind: 'answer', matched: true, urgent: false, confidence: 0.9 } as Answer;
  it.each([
    ['confident K2 question', 'is natto good for bones?', base, true],
    ['low confidence', 'is natto good for bones?', { ...base, confidence: 0.3 }, false],
    ['declined', 'is natto good for bones?', { ...base, kind: 'decline', matched: false }, false],
    ['not a question', 'natto for breakfast', base, false],
    [
      'urgent, even if not a question',
      'help my chest hurts',
      { ...base, urgent: true, kind: 'decline' },
      true,
    ],
  ] as const)('%s', (_name, text, answer, expected) => {
    expect(shouldAutoAnswer(text, answer as Answer)).toBe(expected);
  });
});

describe('Cooldowns', () => {
  it('counts down per member and guild, and is off at 0 seconds', () => {
    let now = 1_000_000;
    const cooldowns = new Cooldowns(() => now);
    const key = cooldownKey('1', '2');
    expect(cooldowns.remainingMs(key, 10)).toBe(0);
    cooldowns.markAsked(key);
    expect(cooldowns.remainingMs(key, 10)).toBe(10_000);
    expect(cooldowns.remainingMs(key, 0)).toBe(0);
    expect(cooldowns.remainingMs(cooldownKey('1', '3'), 10)).toBe(0);
    now += 4_000;
    expect(cooldowns.remainingMs(key, 10)).toBe(6_000);
    now += 6_000;
    expect(cooldowns.remainingMs(key, 10)).toBe(0);
    expect(cooldownKey(null, '2')).toBe('dm:2');
  });
});

describe('RecentIds', () => {
  it('forgets the oldest ids past its capacity', () => {
    const ids = new RecentIds(3);
    for (const id of ['a', 'b', 'c', 'd']) ids.add(id);
    expect(ids.has('a')).toBe(false);
    expect(ids.has('d')).toBe(true);
  });
});
