export type { Answer, AnswerKind, TopicRef } from './types.ts';
