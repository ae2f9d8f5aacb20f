export { createEngine } from './createEngine.ts';
export type { Engine } from './engine.ts';
export { ANTICOAGULANT_WARNING, DISCLAIMER, type SafetyTexts, type UrgentKind } from './safety.ts';
export type { Answer, AnswerKind, TopicRef } from './types.ts';
