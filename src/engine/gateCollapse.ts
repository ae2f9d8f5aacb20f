import { active, activeSymptom, type GateRule, wordings } from './gateWords.ts';
import { phraseRegex } from './phrasePattern.ts';

/**
 * Gate: someone collapsed, unconscious, not breathing or having a seizure, now or just now; not
 * when it is asked about ("does k2 cause fainting") or told as history ("i fainted in 2019").
 */

const COLLAPSED = phraseRegex(wordings.collapsed);
/** Slumped and not responding, not waking, or breathing strangely (gate.json `unresponsive`). */
const UNRESPONSIVE = active(phraseRegex(wordings.unresponsive));
/** A part of the body that collapsed ("after a vertebra collapsed"): gate.json `collapsedStructure`. */
const COLLAPSED_STRUCTURE = phraseRegex(wordings.collapsedStructure, 'g');

export const collapse: GateRule = {
  kind: 'collapse',
  test: (t) => activeSymptom(t.replace(COLLAPSED_STRUCTURE, ' '), COLLAPSED) || UNRESPONSIVE(t),
};
