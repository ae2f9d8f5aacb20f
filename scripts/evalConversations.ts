/**
 * Conversation accuracy: two- and three-turn conversations (tests/fixtures/conversations.dev.jsonl)
 * answered in context, each turn scored like a single case, through the engine's
 * `startConversation()` (each message read in the context of the previous answer). An engine
 * without it gets "not supported" rather than a figure measured on turns read without context.
 */
import type { Answer, Engine } from '../src/engine/index.ts';
import { texts } from '../src/kb/language.ts';
import { replyIsRight, shownFacts } from './evalReplies.ts';
import type { EvalCase } from './evaluate.ts';

/** One turn: a case plus the conversation it belongs to (turns of one id are in file order). */
export interface ConversationTurn extends EvalCase {
  conversation: string;
}

/** Answers one conversation's turns in order, each in the context of the turns before it. */
export type ConversationAnswerer = (turns: readonly string[]) => Answer[];

/** What an engine offers when it can answer follow-up questions. */
interface FollowUpEngine {
  startConversation(): { ask(question: string): Answer };
}

/** The engine's follow-up answering, or null when the engine has none. */
export function conversationAnswerer(engine: Engine): ConversationAnswerer | null {
  const start = (engine as Partial<FollowUpEngine>).startConversation;
  if (typeof start !== 'function') return null;
  return (turns) => {
    const conversation = start.call(engine);
    return turns.map((q) => conversation.ask(q));
  };
}

/** Groups turns by conversation id, keeping file order within each. */
export function groupConversations(turns: readonly EvalCase[]): ConversationTurn[][] {
  const groups = new Map<string, ConversationTurn[]>();
  for (const [i, t] of turns.entries()) {
    const id = (t as Partial<ConversationTurn>).conversation;
    if (typeof id !== 'string' || id === '')
      throw new Error(`conversation turn ${i + 1} has no "conversation" id`);
    const group = groups.get(id) ?? [];
    group.push({ ...t, conversation: id });
    groups.set(id, group);
  }
  return [...groups.values()];
}

export interface ConversationMiss {
  conversation: string;
  turn: number;
  q: string;
  /** The turns before it, as asked. */
  before: string[];
  got: string;
}

export interface ConversationMetrics {
  /** False when the engine cannot answer in context: no figures are given then. */
  supported: boolean;
  conversations: number;
  turns: number;
  /** Second and later turns: the follow-ups. */
  followUps: { total: number; correct: number; accuracy: number };
  /**
   * Follow-ups whose answer has the expected topic (or escalates / declines as expected): what
   * the context decides, before the facts shown inside the topic.
   */
  followUpTopics: { total: number; correct: number; accuracy: number };
  /** First turns, for comparison. */
  firstTurns: { total: number; correct: number; accuracy: number };
  /**
   * Follow-ups answered with the same body as the reply before them, word for word: the commonest
   * miss of a blind round (15 of 35), whatever the expected facts say.
   */
  repeats: { total: number; repeated: number };
  /**
   * Answered follow-ups that lead with a fact the reply before them showed without saying so
   * ("The same facts answer this…", "The article doesn't say more…"): what blind readers saw as
   * the previous reply again (14 of 36) though its body differs.
   */
  leadRepeats: { total: number; repeated: number };
  misses: ConversationMiss[];
}

/** The sentences a follow-up reply opens with when it shows facts of the reply before on purpose. */
// "Isn't that contradictory?" is answered about the facts just shown, and says so ("Yes: the
// article says this two ways.").
const SAYS_SAME = [
  texts().replies.followUpSameAnswer,
  texts().replies.followUpNothingNew,
  texts().replies.contradictionYes,
];

/** Whether a follow-up leads with a fact the reply before showed, without saying so. */
export function leadsWithPreviousFact(a: Answer, before: Answer): boolean {
  const lead = a.facts[0];
  if (!lead || !before.facts.includes(lead)) return false;
  // "Source?" shows the same facts as quotes: that is what it asks for.
  // So does one for a point the article does not cover, after it says there is no source for it.
  const { sourceQuote, sourceNone } = texts().replies;
  if (a.source && (a.body.startsWith(sourceQuote.split('{')[0] as string) || a.body.startsWith(sourceNone)))
    return false;
  return !SAYS_SAME.some((s) => a.body.includes(s));
}

/** Like replyIsRight, judged on the topic alone (urgent and decline cases as there). */
function topicIsRight(c: EvalCase, a: Answer): boolean {
  if (c.expect === 'urgent') return a.urgent;
  if (a.urgent) return false;
  if (c.expect === 'decline') return a.kind !== 'answer';
  return a.kind === 'answer' && !!a.topic && (a.topic.id === c.expect || (c.also ?? []).includes(a.topic.id));
}

export function evaluateConversations(
  answer: ConversationAnswerer | null,
  turns: readonly EvalCase[],
): ConversationMetrics {
  const conversations = groupConversations(turns);
  const m: ConversationMetrics = {
    supported: answer !== null,
    conversations: conversations.length,
    turns: turns.length,
    followUps: { total: 0, correct: 0, accuracy: 0 },
    followUpTopics: { total: 0, correct: 0, accuracy: 0 },
    firstTurns: { total: 0, correct: 0, accuracy: 0 },
    repeats: { total: 0, repeated: 0 },
    leadRepeats: { total: 0, repeated: 0 },
    misses: [],
  };
  if (!answer) return m;
  for (const conversation of conversations) {
    const answers = answer(conversation.map((t) => t.q));
    for (const [i, t] of conversation.entries()) {
      const a = answers[i];
      const bucket = i === 0 ? m.firstTurns : m.followUps;
      bucket.total++;
      if (i > 0) {
        m.followUpTopics.total++;
        if (a && topicIsRight(t, a)) m.followUpTopics.correct++;
        const before = answers[i - 1];
        if (a?.kind === 'answer' && before?.kind === 'answer') {
          m.repeats.total++;
          if (a.body === before.body) m.repeats.repeated++;
          m.leadRepeats.total++;
          if (leadsWithPreviousFact(a, before)) m.leadRepeats.repeated++;
        }
      }
      if (a && replyIsRight(t, a)) bucket.correct++;
      else if (i > 0) {
        m.misses.push({
          conversation: t.conversation,
          turn: i + 1,
          q: t.q,
          before: conversation.slice(0, i).map((p) => p.q),
          got: a
            ? a.urgent
              ? 'urgent'
              : `${a.topic?.id ?? a.kind} [${shownFacts(a).join(', ')}]`
            : 'no answer',
        });
      }
    }
  }
  m.followUps.accuracy = m.followUps.total === 0 ? 0 : m.followUps.correct / m.followUps.total;
  m.followUpTopics.accuracy =
    m.followUpTopics.total === 0 ? 0 : m.followUpTopics.correct / m.followUpTopics.total;
  m.firstTurns.accuracy = m.firstTurns.total === 0 ? 0 : m.firstTurns.correct / m.firstTurns.total;
  return m;
}
