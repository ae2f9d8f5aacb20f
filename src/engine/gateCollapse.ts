import { active, type GateRule, wordings } from './gateWords.ts';
import { phraseRegex } from './phrasePattern.ts';

/** Gate: someone collapsed, unconscious, not breathing or having a seizure. */

const COLLAPSED =
  /\b(passed out|unconscious|unresponsive|fainted|fainting|having a seizure|had a seizure|not breathing|collapsed)\b/;
/** Slumped and not responding, not waking, or breathing strangely (gate.json `unresponsive`). */
const UNRESPONSIVE = active(phraseRegex(wordings.unresponsive));
/** A part of the body that collapsed ("after a vertebra collapsed"): gate.json `collapsedStructure`. */
const COLLAPSED_STRUCTURE = phraseRegex(wordings.collapsedStructure, 'g');

export const collapse: GateRule = {
  kind: 'collapse',
  test: (t) => COLLAPSED.test(t.replace(COLLAPSED_STRUCTURE, ' ')) || UNRESPONSIVE(t),
};
