import { manyPills, OVERDOSED, overdoseSigns, WHOLE_PACK } from './gateOverdose.ts';
import { type GateRule, has, wordings } from './gateWords.ts';
import { alternation, phraseRegex } from './phrasePattern.ts';

/** Gate: self-harm, said in words or as an overdose taken on purpose. Checked before every other kind. */

/** Saying it was meant: an overdose taken on purpose is a crisis (the crisis notice). */
const ON_PURPOSE = phraseRegex(wordings.onPurpose);
const TAKE_ALL_PILLS = phraseRegex(wordings.takeAllPills);
/** Hopelessness or wanting it over ("what's even the point anymore", "would it all just be over"). */
const HOPELESS = phraseRegex(wordings.hopeless);
/** What, beside hopelessness, makes it a plan: every pill, a whole supply, a lifesaving medicine stopped. */
const CRISIS_MEANS = phraseRegex(wordings.crisisMeans);
/** Anchored: only the words right after "take them all" say whether they are taken together. */
const TAKING_TOGETHER = new RegExp(`^\\s*(${alternation(wordings.takingTogether)})\\b`);

export const selfHarm: readonly GateRule[] = [
  {
    kind: 'self-harm',
    // A handful of pills taken on purpose is a crisis before it is a poisoning.
    test: (t) =>
      ON_PURPOSE.test(t) &&
      (manyPills(t) || WHOLE_PACK.test(t) || OVERDOSED.test(t) || TAKE_ALL_PILLS.test(t)),
  },
  {
    kind: 'self-harm',
    test: has(phraseRegex(wordings.selfHarm)),
  },
  {
    kind: 'self-harm',
    // "What's even the point anymore, if I took the whole bottle would it be over": hopelessness
    // around an overdose is a crisis first (the crisis notice sends to emergency services too),
    // even when the overdose alone would get the poison-control notice.
    test: (t) => HOPELESS.test(t) && (CRISIS_MEANS.test(t) || overdoseSigns(t)),
  },
  {
    kind: 'self-harm',
    // "i might take all my meds tonight" is a crisis; "can i take them all together" and "i take all my
    // pills with breakfast" ask about taking supplements side by side.
    test: (t) => {
      const taken = TAKE_ALL_PILLS.exec(t);
      return taken !== null && !TAKING_TOGETHER.test(t.slice(taken.index + taken[0].length));
    },
  },
];
