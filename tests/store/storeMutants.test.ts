import { describe, expect, it } from 'vitest';
import { describeDatabaseUrl } from '../../src/store/databaseUrl.ts';
import { learnedQuestionFromRow, voteFromRow } from '../../src/store/learningRows.ts';
import { dayOf } from '../../src/store/learningStore.ts';
import {
  checkSettingsPatch,
  defaultGuildSettings,
  type GuildSettingsPatch,
  isAnswerMode,
  isAskVisibility,
  noteProblem,
  SettingsValueError,
  StoreError,
  settingsFromRow,
} from '../../src/store/settingsStore.ts';

// The stores' shared rules, checked one by one with hand-written values (for mutation testing,
// npm run test:mutation -- store): what a patch may hold, how a stored row is read back, and what
// an operator's log may show of a database URL. The stores themselves are tested on real databases
// in sqliteStore.test.ts and settingsStore.test.ts.

const GUILD = '100000000000000001';

describe('defaultGuildSettings', () => {
  it('mention-only, public, a 5 s cooldown, nothing recorded, no alerts, no note', () => {
    expect(defaultGuildSettings(GUILD)).toStrictEqual({
      guildId: GUILD,
      mode: 'mention-only',
      autoChannelIds: [],
      askVisibility: 'public',
      cooldownSeconds: 5,
      learning: false,
      alertChannelId: null,
      alertRoleId: null,
      note: null,
    });
  });
});

describe('isAnswerMode / isAskVisibility', () => {
  it.each(['mention-only', 'auto-channels', 'off'])('%s is a mode', (mode) => {
    expect(isAnswerMode(mode)).toBe(true);
  });
  it.each(['', 'on', 'Mention-only', null, 1])('%s is not a mode', (mode) => {
    expect(isAnswerMode(mode)).toBe(false);
  });
  it.each(['public', 'private'])('%s is a visibility', (visibility) => {
    expect(isAskVisibility(visibility)).toBe(true);
  });
  it.each(['', 'ephemeral', 'Public', undefined])('%s is not a visibility', (visibility) => {
    expect(isAskVisibility(visibility)).toBe(false);
  });
});

describe('noteProblem', () => {
  it('200 characters fit, 201 do not', () => {
    expect(noteProblem('x'.repeat(200))).toBeNull();
    expect(noteProblem('x'.repeat(201))).toBe('The note is 201 characters; at most 200 are allowed.');
  });
  it.each([
    'see https://example.org',
    'see http://example.org',
    'see www.example',
    'join discord.gg/abc',
    'join discordapp.com/invite/abc',
    'join discord.com/invite/abc',
    'visit vitamins.com today',
    'visit my-shop.net',
    'VISIT SHOP.IO',
    'bit.ly/x',
  ])('no links: %s', (note) => {
    expect(noteProblem(note)).toBe(
      'The note cannot contain links; name a channel instead (for example #health-resources).',
    );
  });
  it.each([
    'Ask in #health-resources before changing medicines.',
    'Be kind. No dose advice here.',
    'e.g. natto',
    'mcg.day',
  ])('plain text is fine: %s', (note) => {
    expect(noteProblem(note)).toBeNull();
  });
});

describe('checkSettingsPatch', () => {
  it.each<GuildSettingsPatch>([
    {},
    { mode: 'off' },
    { mode: 'auto-channels', askVisibility: 'private' },
    { cooldownSeconds: 0 },
    { cooldownSeconds: 3600 },
    { learning: true },
    { learning: false },
    { alertChannelId: '12345678901234567' },
    { alertRoleId: '12345678901234567890' },
    { alertChannelId: null, alertRoleId: null, note: null },
    { note: 'Ask in #health-resources.' },
  ])('accepts %o', (patch) => {
    expect(() => checkSettingsPatch(patch)).not.toThrow();
  });

  const bad = (patch: unknown) => () => checkSettingsPatch(patch as GuildSettingsPatch);
  it.each([
    [{ mode: 'loud' }, 'Unknown mode "loud": use mention-only, auto-channels, off.'],
    [{ askVisibility: 'secret' }, 'Unknown visibility "secret": use public or private.'],
    [{ cooldownSeconds: -1 }, 'Cooldown must be a whole number of seconds from 0 to 3600 (got -1).'],
    [{ cooldownSeconds: 3601 }, 'Cooldown must be a whole number of seconds from 0 to 3600 (got 3601).'],
    [{ cooldownSeconds: 1.5 }, 'Cooldown must be a whole number of seconds from 0 to 3600 (got 1.5).'],
    [{ learning: 'yes' }, 'Learning is on or off (got yes).'],
    [
      { alertChannelId: '1234567890123456' },
      'The alert channel must be a Discord id (got 1234567890123456).',
    ],
    [
      { alertChannelId: '123456789012345678901' },
      'The alert channel must be a Discord id (got 123456789012345678901).',
    ],
    [
      { alertChannelId: 'x12345678901234567' },
      'The alert channel must be a Discord id (got x12345678901234567).',
    ],
    [
      { alertChannelId: '12345678901234567x' },
      'The alert channel must be a Discord id (got 12345678901234567x).',
    ],
    // A number, not text: Discord ids are strings (as numbers they lose digits).
    [{ alertRoleId: 1234567890123456 }, 'The alert role must be a Discord id (got 1234567890123456).'],
    [{ alertRoleId: '' }, 'The alert role must be a Discord id (got ).'],
    [{ note: 'x'.repeat(201) }, 'The note is 201 characters; at most 200 are allowed.'],
    [{ note: 42 }, 'The note must be text.'],
  ])('rejects %o', (patch, message) => {
    expect(bad(patch)).toThrow(new SettingsValueError(message));
    expect(bad(patch)).toThrow(SettingsValueError);
  });
  it('names itself', () => {
    expect(new SettingsValueError('m').name).toBe('SettingsValueError');
  });
});

describe('settingsFromRow: a stored row read leniently', () => {
  const row = {
    mode: 'auto-channels',
    ask_visibility: 'private',
    cooldown_seconds: 30,
    learning: 1,
    alert_channel_id: '200000000000000001',
    alert_role_id: '300000000000000001',
    note: 'Be kind.',
  };
  it('a good row as written', () => {
    expect(settingsFromRow(GUILD, row, ['400000000000000001'])).toStrictEqual({
      guildId: GUILD,
      mode: 'auto-channels',
      autoChannelIds: ['400000000000000001'],
      askVisibility: 'private',
      cooldownSeconds: 30,
      learning: true,
      alertChannelId: '200000000000000001',
      alertRoleId: '300000000000000001',
      note: 'Be kind.',
    });
  });
  it('no row: the defaults, with the channels given', () => {
    expect(settingsFromRow(GUILD, undefined, ['400000000000000001'])).toStrictEqual({
      ...defaultGuildSettings(GUILD),
      autoChannelIds: ['400000000000000001'],
    });
  });
  it('unknown values fall back to the defaults', () => {
    const read = settingsFromRow(GUILD, { ...row, mode: 'shout', ask_visibility: 'secret' }, []);
    expect(read.mode).toBe('mention-only');
    expect(read.askVisibility).toBe('public');
  });
  it.each([
    [99999, 3600],
    [3600, 3600],
    [-5, 0],
    [12.9, 12],
    [Number.NaN, 0],
    ['7', 7],
  ])('a cooldown of %s reads as %s', (stored, read) => {
    expect(settingsFromRow(GUILD, { ...row, cooldown_seconds: stored as number }, []).cooldownSeconds).toBe(
      read,
    );
  });
  it.each([
    [1, true],
    [true, true],
    [0, false],
    [false, false],
    [null, false],
    [2, false],
  ] as [number | boolean | null, boolean][])('learning stored as %s reads as %s', (stored, read) => {
    expect(settingsFromRow(GUILD, { ...row, learning: stored }, []).learning).toBe(read);
  });
  it('an empty string (what the stores write for "none") reads as null', () => {
    const read = settingsFromRow(GUILD, { ...row, alert_channel_id: '', alert_role_id: '', note: '' }, []);
    expect(read.alertChannelId).toBeNull();
    expect(read.alertRoleId).toBeNull();
    expect(read.note).toBeNull();
  });
  it('columns of an older schema, absent: off and none', () => {
    const read = settingsFromRow(GUILD, { mode: 'off', ask_visibility: 'public', cooldown_seconds: 0 }, []);
    expect(read).toStrictEqual({ ...defaultGuildSettings(GUILD), mode: 'off', cooldownSeconds: 0 });
  });
});

describe('StoreError', () => {
  it('says where and why, and the detail for the log', () => {
    const error = new StoreError('at data/k2.sqlite', 'the disk is full', 'SQLITE_FULL');
    expect(error.message).toBe('Settings database at data/k2.sqlite: the disk is full (SQLITE_FULL)');
    expect(error.reason).toBe('the disk is full');
    expect(error.where).toBe('at data/k2.sqlite');
    expect(error.name).toBe('StoreError');
  });
  it('without a detail', () => {
    expect(new StoreError('at x', 'gone').message).toBe('Settings database at x: gone');
  });
});

describe('describeDatabaseUrl', () => {
  it.each([
    ['postgres://k2:s3cret@db.internal:5432/k2', 'postgres://k2:***@db.internal:5432/k2'],
    ['postgres://k2@db.internal/k2', 'postgres://k2@db.internal/k2'],
    ['not a url', 'postgres://(unparseable URL)'],
  ])('%s → %s', (url, described) => {
    expect(describeDatabaseUrl(url)).toBe(described);
  });
});

describe('rows of the learning tables, read leniently', () => {
  it('a vote as stored', () => {
    expect(
      voteFromRow({
        guild_id: GUILD,
        topic_id: 'natto',
        fact_ids: '["natto/amount","natto/mk7"]',
        coverage: 'partial',
        reply_kind: 'answer',
        vote: 'not-helpful',
        day: '2026-11-30',
      }),
    ).toStrictEqual({
      guildId: GUILD,
      topicId: 'natto',
      factIds: ['natto/amount', 'natto/mk7'],
      coverage: 'partial',
      replyKind: 'answer',
      vote: 'not-helpful',
      day: '2026-11-30',
    });
  });
  it('a hand-edited vote: defaults instead of errors', () => {
    expect(
      voteFromRow({ guild_id: '', topic_id: 7, fact_ids: '{"a":1}', coverage: 'most', vote: 'meh' }),
    ).toStrictEqual({
      guildId: null,
      topicId: null,
      factIds: [],
      coverage: 'none',
      replyKind: '',
      vote: 'helpful',
      day: '',
    });
    expect(voteFromRow({ fact_ids: 'not json' }).factIds).toEqual([]);
    expect(voteFromRow({ fact_ids: '[1,2]' }).factIds).toEqual(['1', '2']);
    expect(voteFromRow({ coverage: 'full', vote: 'helpful' })).toMatchObject({
      coverage: 'full',
      vote: 'helpful',
    });
  });
  it('a recorded question as stored, and hand-edited', () => {
    expect(
      learnedQuestionFromRow({
        guild_id: GUILD,
        text: 'is k2 ok with my cat',
        reason: 'low-confidence',
        topic_id: 'safety',
        day: '2026-11-30',
      }),
    ).toStrictEqual({
      guildId: GUILD,
      text: 'is k2 ok with my cat',
      reason: 'low-confidence',
      topicId: 'safety',
      day: '2026-11-30',
    });
    expect(learnedQuestionFromRow({ reason: 'odd' })).toStrictEqual({
      guildId: null,
      text: '',
      reason: 'declined',
      topicId: null,
      day: '',
    });
    expect(learnedQuestionFromRow({ reason: 'partial' }).reason).toBe('partial');
  });
  it('dayOf keeps the UTC day only', () => {
    expect(dayOf(new Date('2026-11-30T23:59:59.999Z'))).toBe('2026-11-30');
    expect(dayOf(new Date('2026-12-01T00:00:00+02:00'))).toBe('2026-11-30');
  });
});
