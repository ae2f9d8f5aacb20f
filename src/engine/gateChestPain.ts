import { activeSymptom, type GateRule, sentenceAround, wordings } from './gateWords.ts';
import { phraseRegex } from './phrasePattern.ts';

/**
 * Gate: chest pain someone has, not chest pain asked about, and not chest pain with a harmless
 * cause said beside it ("my chest hurts from laughing so hard") when nothing else in the message
 * is alarming: pain spreading to the arm or jaw, breathlessness, sweating, a crushing weight,
 * pain that lasts or worsens keep it urgent whatever cause is given (lexicon/gate.json
 * `chestBenignCause`, `chestAlarm`).
 */

const CHEST = phraseRegex(wordings.chestPain);
const BENIGN_CAUSE = phraseRegex(wordings.chestBenignCause);
const ALARM = phraseRegex(wordings.chestAlarm);
const EVERY_CHEST = phraseRegex(wordings.chestPain, 'g');

/** Chest pain explained by a harmless cause in its sentence, with nothing alarming anywhere. */
function harmlessCause(t: string, m: RegExpExecArray): boolean {
  const sentence = sentenceAround(t, m.index, m.index + m[0].length);
  return BENIGN_CAUSE.test(sentence) && !ALARM.test(t.replace(EVERY_CHEST, ' '));
}

export const chestPain: GateRule = {
  kind: 'chest-pain',
  // Chest pain counts when someone has it, even in a question ("does k2 help my chest
  // pain"), not when it is only asked about ("can k2 cause chest pain").
  test: (t) => {
    const m = CHEST.exec(t);
    if (!m || harmlessCause(t, m)) return false;
    const before = t.slice(Math.max(0, m.index - 20), m.index);
    return (
      /\b(my|i have|ive got|i got|im having|having|been having)\s*$/.test(before) || activeSymptom(t, CHEST)
    );
  },
};
