import type { Dose, Food, KnowledgeBase } from '../kb/schema.ts';
import type { Answer, TopicRef } from './types.ts';

/** The answer engine's public API. It knows nothing of Discord or terminals. */
export interface Engine {
  readonly knowledge: KnowledgeBase;
  /** Answers any text: a question, a chat message with mentions and markdown, noise. Never throws. */
  ask(question: string): Answer;
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
