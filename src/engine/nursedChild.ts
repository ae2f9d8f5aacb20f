import { language } from '../kb/language.ts';
import { phraseSource } from './phrasePattern.ts';

/** "Breastfeeding my 3 month old": the words that name the child being nursed (phrases.json `nursedChild`). */
const NURSED_CHILD = new RegExp(phraseSource(language().phrases.lists.nursedChild), 'g');

/**
 * The message with the nursed child named only as "breastfeeding" ("breastfeeding my 3 month old,
 * same 90 mcg as pregnancy?" → "breastfeeding, same 90 mcg as pregnancy?"): the mother asks for
 * herself, and the baby's age read as a child made the question about children, not nursing
 * mothers. The gate reads the whole message before this, so a baby's emergency is still seen.
 */
export function withoutNursedChild(normalized: string): string {
  return normalized.replace(NURSED_CHILD, '$1');
}
