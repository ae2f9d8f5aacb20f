import { activeSymptom, type GateRule, sentenceAround, wordings } from './gateWords.ts';
import { phraseRegex } from './phrasePattern.ts';

/**
 * Gate: a racing or pounding heart now with fainting, dizziness, breathlessness or chest pain
 * ("heart racing and i feel like im going to pass out"). Palpitations alone come with coffee and
 * nerves and are asked about as a side effect, so they need a warning sign beside them; told as
 * a pattern ("sometimes", "whenever i stand up") they are a reason to see a doctor, not an
 * emergency (lexicon/gate.json `racingHeart`, `racingHeartAlarm`, `racingHeartHabit`).
 */

const RACING_HEART = phraseRegex(wordings.racingHeart);
const ALARM = phraseRegex(wordings.racingHeartAlarm);
const HABIT = phraseRegex(wordings.racingHeartHabit);

export const racingHeart: GateRule = {
  kind: 'racing-heart',
  test: (t) => {
    const m = RACING_HEART.exec(t);
    return (
      m !== null &&
      ALARM.test(t) &&
      activeSymptom(t, RACING_HEART) &&
      !HABIT.test(sentenceAround(t, m.index, m.index + m[0].length))
    );
  },
};
