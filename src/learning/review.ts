import Fuse from 'fuse.js';
import { GENERIC_TERMS, KNOWN_TYPOS, STOP_WORDS, SYNONYM_GROUPS } from '../engine/lexicon.ts';
import { normalizeText, tokenize } from '../engine/normalize.ts';
import type { KnowledgeBase } from '../kb/schema.ts';
import type { FeedbackVote, QuestionReason, RecordedQuestion } from '../store/learningStore.ts';

/** How close two wordings must be (fuse.js score, 0 identical … 1 unrelated) to count as one question. */
export const SAME_QUESTION_SCORE = 0.35;
const EXAMPLES_PER_GROUP = 3;
const TOP_GROUPS = 20;
const TOP_WORDS = 20;

export interface QuestionGroup {
  count: number;
  reasons: Partial<Record<QuestionReason, number>>;
  /** Topics the bot answered with, for partly covered and low-confidence questions. */
  topics: string[];
  /** Distinct wordings, most frequent first. */
  examples: string[];
}

export interface VoteTally {
  id: string;
  notHelpful: number;
  helpful: number;
}

export interface ReviewReport {
  since: string;
  questions: number;
  votes: number;
  unanswered: QuestionGroup[];
  partlyCovered: QuestionGroup[];
  notHelpfulTopics: VoteTally[];
  notHelpfulFacts: VoteTally[];
  /** Words of unanswered questions that no synonym list or topic knows: lexicon candidates. */
  unknownWords: Array<{ word: string; count: number }>;
}

/**
 * The words that carry a question's meaning, in order: "does K2 help with gout?" and "can k2 help
 * gout" both read "k2 help gout", so fuse.js compares what was asked, not how it was phrased.
 */
function contentWords(text: string): string {
  const normalized = normalizeText(text);
  const words = tokenize(normalized).filter((word) => !STOP_WORDS.has(word));
  return words.length > 0 ? words.join(' ') : normalized;
}

function groupQuestions(questions: RecordedQuestion[]): QuestionGroup[] {
  const groups: Array<QuestionGroup & { wordings: Map<string, number> }> = [];
  const index = new Fuse<{ group: number; text: string }>([], {
    keys: ['text'],
    includeScore: true,
    ignoreLocation: true,
    threshold: SAME_QUESTION_SCORE,
  });
  for (const question of questions) {
    const normalized = contentWords(question.text);
    if (!normalized) continue;
    const best = index.search(normalized, { limit: 1 })[0];
    let group = best && (best.score ?? 1) <= SAME_QUESTION_SCORE ? groups[best.item.group] : undefined;
    if (!group) {
      group = { count: 0, reasons: {}, topics: [], examples: [], wordings: new Map() };
      groups.push(group);
      index.add({ group: groups.length - 1, text: normalized });
    }
    group.count += 1;
    group.reasons[question.reason] = (group.reasons[question.reason] ?? 0) + 1;
    if (question.topicId && !group.topics.includes(question.topicId)) group.topics.push(question.topicId);
    group.wordings.set(question.text, (group.wordings.get(question.text) ?? 0) + 1);
  }
  return groups
    .map(({ wordings, ...group }) => ({
      ...group,
      examples: [...wordings.entries()]
        .sort((a, b) => b[1] - a[1])
        .slice(0, EXAMPLES_PER_GROUP)
        .map(([text]) => text),
    }))
    .sort((a, b) => b.count - a.count)
    .slice(0, TOP_GROUPS);
}

function tally(votes: FeedbackVote[], idsOf: (vote: FeedbackVote) => string[]): VoteTally[] {
  const byId = new Map<string, VoteTally>();
  for (const vote of votes) {
    for (const id of idsOf(vote)) {
      const entry = byId.get(id) ?? { id, notHelpful: 0, helpful: 0 };
      if (vote.vote === 'not-helpful') entry.notHelpful += 1;
      else entry.helpful += 1;
      byId.set(id, entry);
    }
  }
  return [...byId.values()]
    .filter((entry) => entry.notHelpful > 0)
    .sort((a, b) => b.notHelpful - a.notHelpful || a.helpful - b.helpful || a.id.localeCompare(b.id))
    .slice(0, TOP_GROUPS);
}

/** Every word the bot already knows: synonym lists, typos, stop words, and every topic's text. */
export function knownVocabulary(knowledge: KnowledgeBase): Set<string> {
  const words = new Set<string>([...STOP_WORDS, ...KNOWN_TYPOS, ...GENERIC_TERMS]);
  const addText = (text: string) => {
    for (const word of tokenize(normalizeText(text))) words.add(word);
  };
  for (const group of SYNONYM_GROUPS) for (const phrase of [...group.from, ...group.to]) addText(phrase);
  for (const topic of knowledge.topics) {
    for (const text of [
      topic.id.replace(/-/g, ' '),
      topic.title,
      topic.summary,
      ...topic.keywords,
      ...topic.questions,
    ]) {
      addText(text);
    }
    for (const fact of topic.facts) addText(fact.text);
  }
  return words;
}

function unknownWords(
  questions: RecordedQuestion[],
  known: Set<string>,
): Array<{ word: string; count: number }> {
  const counts = new Map<string, number>();
  for (const question of questions) {
    // Once per question: one rambling message must not outweigh several people asking.
    const words = new Set(tokenize(normalizeText(question.text)));
    for (const word of words) {
      if (word.length < 3 || /^\d+$/.test(word) || known.has(word)) continue;
      counts.set(word, (counts.get(word) ?? 0) + 1);
    }
  }
  return [...counts.entries()]
    .filter(([, count]) => count >= 2)
    .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
    .slice(0, TOP_WORDS)
    .map(([word, count]) => ({ word, count }));
}

/** The operator's review: what the bot could not answer, what did not help, and words to teach it. */
export function buildReview(input: {
  since: string;
  questions: RecordedQuestion[];
  votes: FeedbackVote[];
  knowledge: KnowledgeBase;
}): ReviewReport {
  const unanswered = input.questions.filter((q) => q.reason === 'declined');
  const partly = input.questions.filter((q) => q.reason !== 'declined');
  return {
    since: input.since,
    questions: input.questions.length,
    votes: input.votes.length,
    unanswered: groupQuestions(unanswered),
    partlyCovered: groupQuestions(partly),
    notHelpfulTopics: tally(input.votes, (vote) => (vote.topicId ? [vote.topicId] : [])),
    notHelpfulFacts: tally(input.votes, (vote) => vote.factIds),
    unknownWords: unknownWords(unanswered, knownVocabulary(input.knowledge)),
  };
}

function groupLines(groups: QuestionGroup[]): string[] {
  if (groups.length === 0) return ['  (none)'];
  return groups.flatMap((group) => {
    const reasons = Object.entries(group.reasons)
      .map(([reason, count]) => `${reason} ${count}`)
      .join(', ');
    const topics = group.topics.length > 0 ? `; answered with ${group.topics.join(', ')}` : '';
    return [
      `  ${String(group.count).padStart(4)} × ${group.examples[0] ?? ''}  (${reasons}${topics})`,
      ...group.examples.slice(1).map((example) => `         also: ${example}`),
    ];
  });
}

function tallyLines(tallies: VoteTally[], empty: string): string[] {
  if (tallies.length === 0) return [`  (${empty})`];
  return tallies.map(
    (t) =>
      `  ${String(t.notHelpful).padStart(4)} not helpful, ${String(t.helpful).padStart(3)} helpful  ${t.id}`,
  );
}

export function formatReview(report: ReviewReport): string {
  return [
    `k2-bot review since ${report.since}: ${report.questions} recorded questions, ${report.votes} votes`,
    '',
    'Unanswered questions (declined), grouped by similarity:',
    ...groupLines(report.unanswered),
    '',
    'Partly covered and low-confidence questions:',
    ...groupLines(report.partlyCovered),
    '',
    'Topics with the most "Not helpful" votes:',
    ...tallyLines(report.notHelpfulTopics, 'none'),
    '',
    'Facts with the most "Not helpful" votes:',
    ...tallyLines(report.notHelpfulFacts, 'none yet: answers do not name their facts'),
    '',
    'Words often in unanswered questions that no synonym list or topic has (lexicon candidates):',
    ...(report.unknownWords.length > 0
      ? report.unknownWords.map((w) => `  ${String(w.count).padStart(4)} × ${w.word}`)
      : ['  (none)']),
  ].join('\n');
}
