import type { Answer, Engine, FollowUpAnswer, FollowUpContext, TopicRef } from '../../src/engine/index.ts';
import type { Correction, Dose, Food, KnowledgeBase, Topic } from '../../src/kb/schema.ts';
import {
  ANTICOAGULANT_WARNING,
  CRISIS_NOTICE,
  DISCLAIMER,
  PERSONAL_NOTICE,
  URGENT_NOTICE,
} from '../safetyTexts.ts';

/**
 * A small deterministic engine for the Discord tests: fixed answers chosen by a marker in the
 * question, so rendering, permissions, buttons and limits are tested whatever the real engine
 * answers today. Every expected value a test needs is exported from here as a literal.
 *
 * A question containing one of the STUB markers gets that answer; an empty one gets the "empty"
 * reply; any other text gets the plain natto answer (confident, so auto-answer channels answer it).
 */
export const STUB = {
  /** A topic answer with only part of the asked point covered. */
  partial: 'stub-partial',
  /** "Outside what I know", no topic, nothing to suggest. */
  decline: 'stub-decline',
  /** An unclear question: a decline that offers two topics. */
  unsure: 'stub-unsure',
  /** An emergency (bleeding on a blood thinner): urgent notice first, then the warning. */
  urgent: 'stub-urgent',
  /** Self-harm: the crisis notice leads alone, the warning is not put before it. */
  crisis: 'stub-crisis',
  /** A personal-advice question: the personal notice is shown. */
  personal: 'stub-personal',
  /** A warfarin question: the warning leads. */
  warfarin: 'stub-warfarin',
  /** Far past every Discord limit: a 12,000-character body, 40 corrections, 30 related topics. */
  huge: 'stub-huge',
  /** The engine throws (the worker dies). */
  throws: 'stub-throws',
  /** The engine never finishes (past any time budget), blocked without spending CPU. */
  stalls: 'stub-stalls',
  /** The engine never finishes and burns CPU all along, like a runaway regular expression. */
  spins: 'stub-spins',
  /** The thread is held up for PAUSE_MS without spending CPU (a machine too busy to run it), then answers. */
  pauses: 'stub-pauses',
  /**
   * A follow-up: with a previous answer it is answered in that answer's topic with
   * FOLLOW_UP_BODY; without one it is the plain natto answer.
   */
  followUp: 'stub-follow-up',
  /** A cheese question: the cheese topic, which a follow-up then stays with. */
  cheese: 'stub-cheese',
} as const;

export const NATTO: TopicRef = { id: 'natto', title: 'Natto (stub topic)', category: 'food' };
export const CHEESE: TopicRef = { id: 'cheese', title: 'Cheese (stub topic)', category: 'food' };
export const WARFARIN: TopicRef = {
  id: 'warfarin-interaction',
  title: 'Warfarin (stub topic)',
  category: 'interactions',
};

export const ANSWER_BODY = 'Natto has more vitamin K2 than any other food the article names (stub answer).';
export const PARTIAL_BODY =
  'The article does not say how natto tastes; here is what it says about natto (stub).';
export const DECLINE_BODY = "Sorry, that's outside what I know (stub decline).";
export const UNSURE_BODY = "I'm not sure which part of vitamin K2 you mean (stub).";
export const URGENT_BODY = 'Please act on the notice above first (stub urgent body).';
export const CRISIS_BODY = 'Please contact the people above now (stub crisis body).';
export const EMPTY_BODY = 'Ask me something about vitamin K2 (stub empty).';
/** A follow-up answered in the context of the previous answer; {title} is that answer's topic. */
export const FOLLOW_UP_BODY = 'In context of the previous answer: {title} (stub follow-up).';
export const NATTO_DETAILS = [
  'Natto is fermented soybeans (stub fact one).',
  'The article gives about 1,000 mcg of K2 per 100 g of natto (stub fact two).',
];
export const NATTO_CORRECTION: Correction = {
  note: 'The article gives the natto figure per 100 g, not per serving (stub correction).',
  references: ['NIH ODS (stub)'],
  factCheckIds: ['C-01'],
};
export const STUB_META = {
  version: '9.8.7',
  reviewedOn: '2026-01-02',
  article: { title: 'The stub article about vitamin K2', file: 'article.txt' },
};
export const FOODS: Food[] = [
  {
    id: 'natto-food',
    name: 'Natto (stub food)',
    amount: { min: 900, max: 1100, unit: 'mcg' },
    basis: '100 g',
    articleSays: 'the richest source',
    quote: 'natto',
    section: 'Food sources',
  },
  {
    id: 'gouda',
    name: 'Gouda (stub food)',
    amount: { min: 50, max: 75, unit: 'mcg' },
    basis: '100 g',
    articleSays: 'a good source',
    quote: 'gouda',
    section: 'Food sources',
  },
];
export const DOSES: Dose[] = [
  {
    id: 'adults',
    group: 'adults (stub group)',
    amount: { min: 90, max: 120, unit: 'mcg' },
    form: 'vitamin K (total)',
    text: 'The article gives 90 to 120 mcg a day for adults (stub dose).',
    quote: '90',
    section: 'Dosage',
  },
  {
    id: 'studies',
    group: 'osteoporosis studies (stub group)',
    amount: { min: 180, max: 180, unit: 'mcg' },
    form: 'MK-7',
    text: 'Studies used 180 mcg of MK-7 a day (stub dose).',
    quote: '180',
    section: 'Dosage',
  },
];

/** Topic refs with long titles, for autocomplete past Discord's limits (`stub-many` typed). */
export const MANY_MARKER = 'stub-many';
const manyRefs: TopicRef[] = Array.from({ length: 40 }, (_, i) => ({
  id: `many-${i}`,
  title: `Stub topic ${i} ${'with a very long title '.repeat(8)}`,
  category: 'basics',
}));

const safety = (warningFirst: boolean) => ({
  disclaimer: DISCLAIMER,
  warning: ANTICOAGULANT_WARNING,
  warningFirst,
});

function reply(overrides: Partial<Answer>): Answer {
  return {
    kind: 'decline',
    matched: false,
    urgent: false,
    urgentNotice: null,
    personal: false,
    personalNotice: null,
    topic: null,
    confidence: 0,
    body: '',
    facts: [],
    coverage: 'none',
    details: [],
    more: null,
    source: null,
    corrections: [],
    related: [],
    suggestions: [],
    safety: safety(false),
    ...overrides,
  };
}

function topicReply(topic: TopicRef, overrides: Partial<Answer> = {}): Answer {
  return reply({
    kind: 'answer',
    matched: true,
    topic,
    confidence: 0.95,
    body: topic.id === NATTO.id ? ANSWER_BODY : `${topic.title} (stub answer).`,
    facts: [`${topic.id}/first`],
    coverage: 'full',
    details: topic.id === NATTO.id ? NATTO_DETAILS : [`${topic.title}: the only stub fact.`],
    source: { sections: ['Food sources'], quote: 'Natto is the richest source of K2.' },
    corrections: topic.id === NATTO.id ? [NATTO_CORRECTION] : [],
    related: topic.id === NATTO.id ? [CHEESE] : [NATTO],
    suggestions: topic.id === NATTO.id ? [WARFARIN] : [],
    ...overrides,
  });
}

const never = new Int32Array(new SharedArrayBuffer(4));
/** How long the `pauses` marker holds its thread. */
export const PAUSE_MS = 900;

/** The stub's answer to a question; throws or blocks for the `throws` and `stalls` markers. */
export function stubAnswer(question: string): Answer {
  const q = question.toLowerCase();
  if (q.includes(STUB.throws)) throw new Error('stub engine: thrown on purpose');
  // Blocks this thread for good without burning CPU: only terminating the worker ends it.
  if (q.includes(STUB.stalls)) Atomics.wait(never, 0, 0);
  if (q.includes(STUB.pauses)) Atomics.wait(never, 0, 0, PAUSE_MS);
  if (q.includes(STUB.spins)) for (;;);
  if (q.includes(STUB.crisis)) {
    return reply({ urgent: true, urgentNotice: CRISIS_NOTICE, urgentKind: 'self-harm', body: CRISIS_BODY });
  }
  if (q.includes(STUB.urgent)) {
    return reply({
      urgent: true,
      urgentNotice: URGENT_NOTICE,
      urgentKind: 'bleeding',
      body: URGENT_BODY,
      safety: safety(true),
    });
  }
  if (q.includes(STUB.decline)) return reply({ body: DECLINE_BODY, confidence: 0.1 });
  if (q.includes(STUB.unsure))
    return reply({ body: UNSURE_BODY, confidence: 0.3, suggestions: [CHEESE, WARFARIN] });
  if (q.includes(STUB.partial))
    return topicReply(NATTO, { coverage: 'partial', body: PARTIAL_BODY, confidence: 0.8 });
  if (q.includes(STUB.personal))
    return topicReply(NATTO, { personal: true, personalNotice: PERSONAL_NOTICE });
  if (q.includes(STUB.warfarin)) return topicReply(WARFARIN, { safety: safety(true) });
  if (q.includes(STUB.cheese)) return topicReply(CHEESE);
  if (q.includes(STUB.huge)) {
    return topicReply(NATTO, {
      body: 'Vitamin K2 routes calcium into bone (stub). '.repeat(270),
      details: Array.from({ length: 60 }, (_, i) => `Stub fact ${i}: ${'x'.repeat(300)}`),
      source: { sections: ['Food sources', 'S'.repeat(600)], quote: 'q'.repeat(3000) },
      corrections: Array.from({ length: 40 }, (_, i) => ({
        note: `Stub correction ${i}: ${'the article is wrong here '.repeat(15)}`.slice(0, 400),
        references: ['NIH ODS (stub)', 'r'.repeat(900)],
        factCheckIds: ['C-01'],
      })),
      related: manyRefs.slice(0, 30),
      suggestions: manyRefs.slice(10, 40),
    });
  }
  if (q.trim() === '') return reply({ kind: 'empty', body: EMPTY_BODY });
  return topicReply(NATTO);
}

function fullTopic(ref: TopicRef, options: { popular: boolean; anticoagulantRelevant: boolean }): Topic {
  return {
    ...ref,
    sections: ['Food sources'],
    summary: `${ref.title} (stub summary).`,
    facts: [{ id: 'first', text: `${ref.title} (stub fact).`, quote: 'stub', section: 'Food sources' }],
    corrections: [],
    keywords: [ref.id],
    questions: [`what about ${ref.id}?`, `${ref.id}?`, `tell me about ${ref.id}`],
    related: [],
    ...options,
  };
}

export const STUB_KNOWLEDGE: KnowledgeBase = {
  meta: STUB_META,
  topics: [
    fullTopic(NATTO, { popular: true, anticoagulantRelevant: false }),
    fullTopic(CHEESE, { popular: true, anticoagulantRelevant: false }),
    fullTopic(WARFARIN, { popular: false, anticoagulantRelevant: true }),
  ],
  foods: FOODS,
  doses: DOSES,
  articleText: 'The stub article.',
};

const TOPICS = [NATTO, CHEESE, WARFARIN];

/** The stub's answer in context: only the follow-up marker uses the previous answer. */
export function stubAnswerInContext(question: string, previous: FollowUpContext | null): FollowUpAnswer {
  const previousTopic = TOPICS.find((t) => t.id === previous?.topicId);
  const followUp = !!previousTopic && question.toLowerCase().includes(STUB.followUp);
  const answer =
    followUp && previousTopic
      ? topicReply(previousTopic, { body: FOLLOW_UP_BODY.replace('{title}', previousTopic.title) })
      : stubAnswer(question);
  const context: FollowUpContext | null =
    answer.kind === 'answer' && answer.topic && !answer.urgent
      ? { reading: question, topicId: answer.topic.id, facts: [...answer.facts] }
      : null;
  return { answer, context, followUp };
}

export function createStubEngine(): Engine {
  return {
    knowledge: STUB_KNOWLEDGE,
    ask: (question, options) => stubAnswerInContext(question, options?.previous ?? null).answer,
    askInContext: stubAnswerInContext,
    startConversation: () => {
      let previous: FollowUpContext | null = null;
      return {
        ask: (question) => {
          const { answer, context } = stubAnswerInContext(question, previous);
          previous = context;
          return answer;
        },
      };
    },
    showTopic: (topicId) => {
      const topic = TOPICS.find((t) => t.id === topicId);
      return topic ? topicReply(topic, { confidence: 1 }) : null;
    },
    suggestTopics: (partial, limit = 25) => {
      const typed = partial.trim().toLowerCase();
      if (typed.includes(MANY_MARKER)) return manyRefs.slice(0, limit);
      if (typed === '') return [NATTO, CHEESE].slice(0, limit);
      return TOPICS.filter((t) => t.title.toLowerCase().includes(typed) || t.id.includes(typed)).slice(
        0,
        limit,
      );
    },
    listTopics: () => [...TOPICS],
    listFoods: () => [...FOODS],
    listDoses: () => [...DOSES],
    notice: (message, options) => reply({ body: message, safety: safety(options?.warningFirst ?? false) }),
  };
}
