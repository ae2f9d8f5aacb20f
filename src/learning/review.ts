import { editDistance } from '../engine/editDistance.ts';
import { GENERIC_TERMS, KNOWN_TYPOS, STOP_WORDS, SYNONYM_GROUPS } from '../engine/lexicon.ts';
import { normalizeText, tokenize } from '../engine/normalize.ts';
import type { KnowledgeBase } from '../kb/schema.ts';
import type { FeedbackVote, QuestionReason, RecordedQuestion } from '../store/learningStore.ts';

/**
 * Share of the longer question's content words the shorter must have for the two to be one
 * question: "hair loss" and "stop hair loss" (2 of 3) are one, "mk7 gym" and "mk7 dose" (1 of 2) not.
 */
export const SAME_QUESTION_SHARE = 0.6;
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

/** Words every K2 question shares: they say nothing about what was asked. */
const QUESTION_FILLERS: ReadonlySet<string> = new Set([
  'k2',
  'vitamin',
  'vit',
  'help',
  'helps',
  'good',
  'ok',
  'okay',
  'take',
  'taking',
  'together',
]);

/**
 * The words that carry a question's meaning: "does K2 help with gout?" and "k2 for gout??" both
 * come down to {gout}. The engine's own normalisation and tokens, without stop words and fillers.
 */
export function contentWords(text: string): string[] {
  const words = tokenize(normalizeText(text)).filter((w) => !STOP_WORDS.has(w) && !QUESTION_FILLERS.has(w));
  return [...new Set(words)];
}

/** The same word, or a typo of it (one edit in a word of 5 letters or more), as the engine's typo lookup allows. */
function sameWord(a: string, b: string): boolean {
  if (a === b) return true;
  return Math.min(a.length, b.length) >= 5 && editDistance(a, b, 1) <= 1;
}

/** Two questions are one when they share most content words, whatever their order and phrasing. */
export function similarQuestions(a: string[], b: string[]): boolean {
  if (a.length === 0 || b.length === 0) return false;
  const [shorter, longer] = a.length <= b.length ? [a, b] : [b, a];
  const shared = shorter.filter((word) => longer.some((other) => sameWord(word, other))).length;
  return shared / longer.length >= SAME_QUESTION_SHARE;
}

function groupQuestions(questions: RecordedQuestion[]): QuestionGroup[] {
  const groups: Array<QuestionGroup & { words: string[]; wordings: Map<string, number> }> = [];
  for (const question of questions) {
    const words = contentWords(question.text);
    if (words.length === 0) continue;
    // Joined to the largest group it matches, so a common question gathers its variants.
    let group = groups.filter((g) => similarQuestions(words, g.words)).sort((x, y) => y.count - x.count)[0];
    if (!group) {
      group = { count: 0, reasons: {}, topics: [], examples: [], words, wordings: new Map() };
      groups.push(group);
    }
    group.count += 1;
    group.reasons[question.reason] = (group.reasons[question.reason] ?? 0) + 1;
    if (question.topicId && !group.topics.includes(question.topicId)) group.topics.push(question.topicId);
    group.wordings.set(question.text, (group.wordings.get(question.text) ?? 0) + 1);
  }
  return groups
    .map(({ wordings, words: _words, ...group }) => ({
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
