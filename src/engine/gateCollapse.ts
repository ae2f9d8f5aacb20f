import { active, type GateRule, wordings } from './gateWords.ts';
import { phraseRegex } from './phrasePattern.ts';

/** Gate: someone collapsed, unconscious, not breathing or having a seizure. */

const COLLAPSED =
  /\b(passed out|unconscious|unresponsive|fainted|fainting|having a seizure|had a seizure|not breathing|collapsed)\b/;
/** Slumped and not responding, not waking, or breathing strangely (gate.json `unresponsive`). */
const UNRESPONSIVE = active(phraseRegex(wordings.unresponsive));

export const collapse: GateRule = {
  kind: 'collapse',
  test: (t) => COLLAPSED.test(t) || UNRESPONSIVE(t),
};
