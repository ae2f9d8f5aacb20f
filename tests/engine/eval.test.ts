import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  conversationAnswerer,
  evaluateConversations,
  groupConversations,
} from '../../scripts/evalConversations.ts';
import {
  declineClassOf,
  firstSentence,
  leadMatches,
  median,
  saysNotCovered,
} from '../../scripts/evalReplies.ts';
import { evaluate, loadCases, showsExpectedFacts, THRESHOLDS } from '../../scripts/evaluate.ts';
import { DECLINE_TEXTS } from '../../src/engine/declines.ts';
import { sharedEngine, sharedKnowledge } from '../sharedEngine.ts';

const fixtures = join(import.meta.dirname, '..', 'fixtures');
const cases = loadCases(join(fixtures, 'questions.dev.jsonl'));
const turns = loadCases(join(fixtures, 'conversations.dev.jsonl'));
const LEADS = ['yes', 'no', 'not-known', 'depends', 'figure'];

/**
 * Urgent cases the engine does not escalate yet (none since calmly worded anticoagulant overdoses
 * and a toddler with a whole bottle of gummies are escalated). They stay in the development set
 * and in `npm run eval`'s urgent recall, which reports them as failures; the test only keeps the
 * list from growing, and fails when one is fixed so that it is removed here.
 */
const KNOWN_URGENT_MISSES: string[] = [];

describe('development question set', () => {
  it('is large and covers every topic, off-topic, urgent and false-alarm probes', () => {
    const kb = sharedKnowledge();
    expect(cases.length).toBeGreaterThanOrEqual(220);
    const count = (e: string) => cases.filter((c) => c.expect === e).length;
    for (const t of kb.topics) expect(count(t.id), t.id).toBeGreaterThanOrEqual(4);
    expect(count('decline')).toBeGreaterThanOrEqual(40);
    expect(count('urgent')).toBeGreaterThanOrEqual(20);
    const ids = new Set(kb.topics.map((t) => t.id));
    for (const c of [...cases, ...turns]) {
      if (c.expect !== 'decline' && c.expect !== 'urgent') expect(ids.has(c.expect), c.expect).toBe(true);
      for (const id of c.also ?? []) expect(ids.has(id), id).toBe(true);
    }
    const probes = cases.filter(
      (c) => c.expect !== 'urgent' && /warfarin|coumadin|blood|bleed|thinner|xarelto|eliquis|inr/i.test(c.q),
    );
    expect(probes.length).toBeGreaterThanOrEqual(20);
  });

  it('says what a right reply shows for at least 300 cases: facts, partial coverage, decline reasons, leads', () => {
    const named = cases.filter((c) => (c.facts?.length ?? 0) + (c.anyFacts?.length ?? 0) > 0);
    expect(named.length).toBeGreaterThanOrEqual(300);
    expect(cases.filter((c) => c.coverage === 'partial').length).toBeGreaterThanOrEqual(30);
    expect(cases.filter((c) => c.declineReason).length).toBeGreaterThanOrEqual(30);
    expect(cases.filter((c) => c.lead === 'yes' || c.lead === 'no').length).toBeGreaterThanOrEqual(50);
    expect(cases.filter((c) => c.lead === 'figure').length).toBeGreaterThanOrEqual(30);
  });

  it('uses the fields only as documented (tests/fixtures/README.md)', () => {
    const classes = new Set(Object.keys(DECLINE_TEXTS));
    for (const c of [...cases, ...turns]) {
      const topical = c.expect !== 'decline' && c.expect !== 'urgent';
      if (c.coverage !== undefined) expect(c.coverage, c.q).toBe('partial');
      if (c.lead !== undefined) expect(LEADS, c.q).toContain(c.lead);
      if (c.declineReason !== undefined) {
        expect(c.expect, c.q).toBe('decline');
        expect([...classes], c.q).toContain(c.declineReason);
      }
      if (!topical)
        expect([c.facts, c.anyFacts, c.coverage, c.lead], c.q).toEqual([
          undefined,
          undefined,
          undefined,
          undefined,
        ]);
      if (c.coverage === 'partial')
        expect((c.facts?.length ?? 0) + (c.anyFacts?.length ?? 0), c.q).toBeGreaterThan(0);
    }
  });

  it('names only fact ids that exist, as <topic-id>/<fact-id>, in both dev files', () => {
    const known = new Set(sharedKnowledge().topics.flatMap((t) => t.facts.map((f) => `${t.id}/${f.id}`)));
    const unknown = [...cases, ...turns]
      .flatMap((c) => [...(c.facts ?? []), ...(c.anyFacts ?? [])])
      .filter((id) => !known.has(id));
    expect(unknown).toEqual([]);
  });

  it("does not copy the topics' or facts' own sample questions (it must measure generalisation)", () => {
    const norm = (q: string) =>
      q
        .toLowerCase()
        .replace(/[^\p{L}\p{N}]+/gu, ' ')
        .trim();
    const own = new Set(
      sharedKnowledge().topics.flatMap((t) =>
        [...t.questions, ...t.facts.flatMap((f) => f.questions ?? [])].map(norm),
      ),
    );
    expect([...cases, ...turns].filter((c) => own.has(norm(c.q))).map((c) => c.q)).toEqual([]);
  });

  // The one evaluation of the dev set per run: the gates and the calibration are checked on it.
  // It answers the whole development set: a minute or more on a shared 2-core machine under load.
  let m: ReturnType<typeof evaluate>;
  beforeAll(() => {
    m = evaluate(sharedEngine(), cases);
  }, 180_000);

  it('meets the answer-accuracy, decline, urgent and false-alarm gates', () => {
    const detail = JSON.stringify(m.failures.slice(0, 20), null, 1);
    expect(m.answers.accuracy, detail).toBeGreaterThanOrEqual(THRESHOLDS.answerAccuracy);
    expect(m.offTopic.rate, detail).toBeGreaterThanOrEqual(THRESHOLDS.offTopicDeclineRate);
    const missedUrgent = m.failures.filter((f) => f.reason === 'missed-urgent').map((f) => f.q);
    expect(
      missedUrgent.filter((q) => !KNOWN_URGENT_MISSES.includes(q)),
      'new urgent misses',
    ).toEqual([]);
    expect(
      KNOWN_URGENT_MISSES.filter((q) => !missedUrgent.includes(q)),
      'escalated now: remove from KNOWN_URGENT_MISSES',
    ).toEqual([]);
    expect(m.falseAlarms.rate, detail).toBeLessThanOrEqual(THRESHOLDS.falseAlarmRate);
  });

  it('reports confidences that match how often the reply shows the asked facts: calibration error under 0.05', () => {
    expect(m.answerReliability.ece).toBeLessThan(0.05);
  });
});

describe('conversation set', () => {
  it('holds at least 100 conversations of two or three turns', () => {
    const conversations = groupConversations(turns);
    expect(conversations.length).toBeGreaterThanOrEqual(100);
    for (const c of conversations) {
      expect(c.length, c[0]?.conversation).toBeGreaterThanOrEqual(2);
      expect(c.length, c[0]?.conversation).toBeLessThanOrEqual(3);
    }
  });

  it('scores follow-ups answered in context, and reports "not supported" without an answerer', () => {
    const unsupported = evaluateConversations(null, turns);
    expect(unsupported.supported).toBe(false);
    expect(unsupported.followUps.total).toBe(0);
    // A stub that answers every turn with the natto topic: right for the first turn, wrong for a
    // follow-up that moved on to cheese.
    const natto = sharedEngine().showTopic('natto');
    if (!natto) throw new Error('natto topic missing');
    const m = evaluateConversations(
      (qs) => qs.map(() => natto),
      [
        { q: 'how much k2 is in natto', expect: 'natto', conversation: 'a' },
        { q: 'what about gouda?', expect: 'cheese', conversation: 'a' },
      ],
    );
    expect(m.supported).toBe(true);
    expect(m.firstTurns).toEqual({ total: 1, correct: 1, accuracy: 1 });
    expect(m.followUps).toEqual({ total: 1, correct: 0, accuracy: 0 });
    expect(m.followUpTopics).toEqual({ total: 1, correct: 0, accuracy: 0 });
    expect(m.misses.map((x) => [x.conversation, x.turn, x.before])).toEqual([
      ['a', 2, ['how much k2 is in natto']],
    ]);
    // The stub gives the same reply twice: the follow-up repeats the reply before it.
    expect(m.repeats).toEqual({ total: 1, repeated: 1 });
  });
});

describe('conversations answered by the engine', () => {
  // The conversation set is answered once; each test reads its own figure from the same run.
  let m: ReturnType<typeof evaluateConversations>;
  beforeAll(() => {
    m = evaluateConversations(conversationAnswerer(sharedEngine()), turns);
  }, 60_000);

  it('reads at least 85% of the follow-ups in context (issue 7 target), judged on their topic', () => {
    expect(m.supported).toBe(true);
    expect(m.followUps.total).toBe(turns.length - groupConversations(turns).length);
    expect(m.followUpTopics.accuracy, JSON.stringify(m.misses.slice(0, 10))).toBeGreaterThanOrEqual(0.85);
  });

  it('never answers a follow-up with the reply before it word for word', () => {
    expect(m.repeats.total).toBeGreaterThan(100);
    expect(m.repeats.repeated).toBe(0);
  });

  it('seldom leads a follow-up with a fact the reply before showed without saying so', () => {
    // 40 of 196 before follow-ups chose their facts by their own point (blind readers: 14 of 36).
    expect(m.leadRepeats.total).toBe(m.repeats.total);
    expect(m.leadRepeats.repeated / m.leadRepeats.total).toBeLessThanOrEqual(0.1);
  });
});

describe('reply checks', () => {
  it('counts a reply right only when it shows every listed fact and one of the alternatives', () => {
    const c = {
      q: 'x',
      expect: 'natto',
      facts: ['natto/natto-amount'],
      anyFacts: ['natto/natto-mk7', 'natto/highest-k2-food'],
    };
    expect(showsExpectedFacts(c, ['natto/natto-amount', 'natto/highest-k2-food'])).toBe(true);
    expect(showsExpectedFacts(c, ['natto/natto-amount'])).toBe(false);
    expect(showsExpectedFacts(c, ['natto/natto-mk7'])).toBe(false);
    expect(
      showsExpectedFacts({ q: 'x', expect: 'natto', anyFacts: ['natto/natto-mk7'] }, ['natto/natto-mk7']),
    ).toBe(true);
  });

  it.each([
    ['Yes, MK-7 stays in the blood for days. It builds up.', 'Yes, MK-7 stays in the blood for days.'],
    ['About 150 mcg per tablespoon. NIH lists 850 mcg in 3 oz.', 'About 150 mcg per tablespoon.'],
    ['The figure is 4.5 mcg, e.g. in cheese. More follows.', 'The figure is 4.5 mcg, e.g. in cheese.'],
    ['No full stop at all', 'No full stop at all'],
  ])('takes the first sentence of %j', (body, first) => {
    expect(firstSentence(body)).toBe(first);
  });

  it.each([
    ['yes', 'Yes, K2 is fat-soluble.', true],
    ['yes', 'Vitamin K is fat-soluble, so yes.', false],
    ['no', 'No: these are Adequate Intakes.', true],
    ['no', 'No one knows.', false],
    ['no', 'Not shown: the trial found no difference.', true],
    ['no', 'Nothing suggests it.', false],
    ['not-known', 'Not known: no trial has tested it.', true],
    ['not-known', "It's not known whether it helps.", true],
    ['not-known', 'No trial has shown that K2 prevents fractures.', true],
    ['not-known', 'No fracture data exist.', false],
    ['depends', 'It depends on the form.', true],
    ['figure', 'About 150 mcg per tablespoon of natto.', true],
    ['figure', 'Natto has about 850 mcg in 3 oz.', true],
    ['figure', 'The article gives, for hard cheeses such as Gouda or Jarlsberg, 50 to 90 mcg.', false],
    ['figure', 'Natto is the richest food.', false],
  ] as const)('lead %s for %j is %s', (lead, body, ok) => {
    expect(leadMatches(lead, body)).toBe(ok);
  });

  it.each([
    ["The article doesn't say whether morning or evening is better.", true],
    ['The article does not compare natto with pills.', true],
    ['Kefir amounts are not covered in the article.', true],
    ['K2 is fat-soluble and absorbed best with a meal containing fat.', false],
    ['The article says K2 guides calcium to bones and teeth.', false],
    ['The article did not mention ghee.', true],
    // What a trial did not measure is what it found, not a gap of the article.
    ['The 2022 meta-analysis found improved spine bone density and did not measure strength.', false],
  ])('%j says the point is not covered: %s', (sentence, ok) => {
    expect(saysNotCovered(sentence)).toBe(ok);
  });

  it('reads the decline class from the fixed decline texts', () => {
    const engine = sharedEngine();
    const product = {
      ...engine.ask('how much k2 is in natto'),
      kind: 'decline' as const,
      body: DECLINE_TEXTS.product,
    };
    expect(declineClassOf(product)).toBe('product');
    expect(declineClassOf({ ...product, body: 'something else' })).toBe('other');
  });

  it('takes the median of odd and even counts', () => {
    expect(median([3, 1, 2])).toBe(2);
    expect(median([4, 1, 3, 2])).toBe(2.5);
    expect(median([])).toBe(0);
  });
});
