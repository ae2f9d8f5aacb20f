import { activeSymptom, type GateRule } from './gateWords.ts';

/** Gate: chest pain someone has, not chest pain asked about. */

const CHEST =
  /\b(chest\b[^.?!]{0,25}\b(pain|pains|tightness|tight|pressure|hurts|hurting|heavy|heaviness|discomfort|squeez\w*|crushing|elephant)|(pain|tightness|pressure|squeezing) in (my |the |his |her )?chest|tight chest|crushing chest|(having|think im having|i think i am having|is having|hes having|shes having) a heart attack|heart attack right now|my heart is racing and)\b/;

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
