/**
 * The topic categories, in the order lists show them. Apart from schema.ts (zod) so that an answer
 * worker's engine, built from knowledge the main thread already validated, can read them without
 * loading zod.
 */
export const CATEGORIES = [
  'basics',
  'bones',
  'heart',
  'conditions',
  'food',
  'dosage',
  'supplements',
  'interactions',
  'safety',
] as const;
