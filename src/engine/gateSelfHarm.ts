import { manyPills, OVERDOSED, WHOLE_PACK } from './gateOverdose.ts';
import { type GateRule, has, wordings } from './gateWords.ts';
import { phraseRegex } from './phrasePattern.ts';

/** Gate: self-harm, said in words or as an overdose taken on purpose. Checked before every other kind. */

/** Saying it was meant: an overdose taken on purpose is a crisis (the crisis notice). */
const ON_PURPOSE = phraseRegex(wordings.onPurpose);

export const selfHarm: readonly GateRule[] = [
  {
    kind: 'self-harm',
    // A handful of pills taken on purpose is a crisis before it is a poisoning.
    test: (t) => ON_PURPOSE.test(t) && (manyPills(t) || WHOLE_PACK.test(t) || OVERDOSED.test(t)),
  },
  {
    kind: 'self-harm',
    test: has(phraseRegex(wordings.selfHarm)),
  },
];
