import type { Dose, Food, KnowledgeBase } from '../kb/schema.ts';
import type { FollowUpContext } from './followUp.ts';
import type { Answer, TopicRef } from './types.ts';

export interface AskOptions {
  /** The context of the previous answer in the same conversation (from `askInContext`). */
  previous?: FollowUpContext | null;
}

/** An answer, with the context the next message of the conversation is read in. */
export interface FollowUpAnswer {
  answer: Answer;
  /** Null when there is nothing to follow up on (an emergency, empty input, a bare decline). */
  context: FollowUpContext | null;
  /** The message was read together with the previous question. */
  followUp: boolean;
}

/** A conversation that keeps its own context: each message is read after the one before. */
export interface Conversation {
  ask(question: string): Answer;
}

/** The answer engine's public API. It knows nothing of Discord or terminals. */
export interface Engine {
  readonly knowledge: KnowledgeBase;
  /**
   * Answers any text: a question, a chat message with mentions and markdown, noise. Never throws.
   * With `previous`, a follow-up ("what about mk4?", "source?") is read in that context.
   */
  ask(question: string, options?: AskOptions): Answer;
  /** Like `ask`, also returning the context for the next message of the conversation. */
  askInContext(question: string, previous: FollowUpContext | null): FollowUpAnswer;
  /** A conversation held in memory: each message is read in the context of the previous answer. */
  startConversation(): Conversation;
  /** One topic as a full answer (for /topic, buttons); null for an unknown id. */
  showTopic(topicId: string): Answer | null;
  /** Autocomplete: topics ranked for partly typed text, best first; popular topics for empty text. */
  suggestTopics(partial: string, limit?: number): TopicRef[];
  /** Every topic, in a stable order (category, then title). */
  listTopics(): TopicRef[];
  /** Foods from the article, those with a figure first, highest amount first. */
  listFoods(): Food[];
  /** Dose figures the article gives, in article order. */
  listDoses(): Dose[];
  /**
   * A reply with only a message and the safety texts: for errors, lists and notices outside the
   * answer flow. `warningFirst` puts the anticoagulant warning on top (dose lists).
   */
  notice(message: string, options?: { warningFirst?: boolean }): Answer;
}
