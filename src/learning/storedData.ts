import { MAX_RECORDED_CHARS } from './scrub.ts';

export interface RetentionSettings {
  retentionDays: number;
  graceDays: number;
}

export interface StoredDataItem {
  what: string;
  details: string;
}

/**
 * What K2 Bot stores and for how long, in the words /about, /settings show and the README all use
 * (a test holds the README to these words, with the default periods).
 */
export function describeStoredData({ retentionDays, graceDays }: RetentionSettings): StoredDataItem[] {
  return [
    {
      what: 'Server settings',
      details:
        'Answer mode, auto-answer channels, /ask visibility, cooldown, learning on or off, alert channel and role, ' +
        `and the server note. Kept until an admin changes them or runs /settings forget, and deleted ${graceDays} days ` +
        'after K2 Bot is removed from the server (nothing is deleted if it is added back before then).',
    },
    {
      what: 'Votes on answers',
      details:
        'Helpful / Not helpful: the server id, the topic, the facts shown, how fully the question was covered, the ' +
        'kind of reply, the vote and the day. No user id and no question text: one vote per member per answer is ' +
        'kept under a keyed hash of member and answer, which cannot be turned back into either. ' +
        `Kept ${retentionDays} days.`,
    },
    {
      what: 'Questions it could not answer well',
      details:
        'Only where an admin turned learning on (/settings learning on; off by default; in DMs only if the operator ' +
        'set LEARNING_DMS=1): declined, partly covered and low-confidence questions, without mentions, ids, links, ' +
        `e-mail addresses or phone numbers, at most ${MAX_RECORDED_CHARS} characters, with the reason and the day. No user id. ` +
        `Kept ${retentionDays} days.`,
    },
    {
      what: 'Nothing else',
      details:
        'No messages and no user ids. Cooldowns and the limit of one moderator alert per member per 10 minutes ' +
        'live in memory only. /settings forget deletes everything stored for a server at once.',
    },
  ];
}
