import { activeSymptom, type GateRule, wordings } from './gateWords.ts';
import { phraseRegex } from './phrasePattern.ts';

/** Gate: chest pain someone has, not chest pain asked about. */

const CHEST = phraseRegex(wordings.chestPain);

export const chestPain: GateRule = {
  kind: 'chest-pain',
  // Chest pain counts when someone has it, even in a question ("does k2 help my chest
  // pain"), not when it is only asked about ("can k2 cause chest pain").
  test: (t) => {
    const m = CHEST.exec(t);
    if (!m) return false;
    const before = t.slice(Math.max(0, m.index - 20), m.index);
    return (
      /\b(my|i have|ive got|i got|im having|having|been having)\s*$/.test(before) || activeSymptom(t, CHEST)
    );
  },
};
