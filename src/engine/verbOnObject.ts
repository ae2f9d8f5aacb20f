import { wordPattern } from './wordPattern.ts';

/** Words that may stand between a verb and its object ("start his k2", "stop this mk7"). */
const DETERMINER = '(my|his|her|the|a|an|their|some|this|that|these|those)';

/**
 * The source of a pattern for a verb of `verbs` with a word of `objects` after it, a determiner
 * between allowed; with `orClauseEnd`, also the verb that ends its clause ("…and then stops?").
 * Literal alternations and one optional word: it cannot backtrack super-linearly.
 */
export function verbOnObjectSource(
  verbs: readonly string[],
  objects: readonly string[],
  orClauseEnd = false,
): string {
  const onObject = `( ${DETERMINER})? ${wordPattern(objects).source}`;
  return `${wordPattern(verbs).source}(${onObject}${orClauseEnd ? '|\\s*([.?!,;]|$)' : ''})`;
}
