export { type CreateEngineOptions, createEngine } from './createEngine.ts';
export type { AskOptions, Conversation, Engine, FollowUpAnswer } from './engine.ts';
export { contextForAnotherMember, type FollowUpContext } from './followUp.ts';
export { FOLLOW_UP_TTL_MS, FollowUpMemory } from './followUpMemory.ts';
export type { UrgentKind } from './gateWords.ts';
export { looksLikeK2Question } from './lexicon.ts';
export { ANTICOAGULANT_WARNING, DISCLAIMER, type SafetyTexts } from './safety.ts';
export type { Answer, AnswerKind, TopicRef } from './types.ts';
