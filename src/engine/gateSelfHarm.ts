import { manyPills, OVERDOSED, overdoseSigns, WHOLE_PACK } from './gateOverdose.ts';
import { type GateRule, wordings } from './gateWords.ts';
import { alternation, phraseRegex, phraseSource } from './phrasePattern.ts';

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

const SELF_HARM_WORDS = phraseRegex(wordings.selfHarm, 'g');
/** How far before the self-harm words an accusation may stand ("accused me of actually attempting suicide"). */
const ACCUSATION_REACH = 40;
/** An accusation right before them, in the same sentence (gate.json `accusedOf`). */
const ACCUSED_BEFORE = new RegExp(`${phraseSource(wordings.accusedOf)}[^.?!]*$`);

/**
 * Self-harm said in words, unless someone else's accusation says it of the speaker ("a nurse
 * accused me of attempting suicide by eating my greens"): any other mention in the message counts.
 */
function saysSelfHarm(t: string): boolean {
  SELF_HARM_WORDS.lastIndex = 0;
  for (let m = SELF_HARM_WORDS.exec(t); m !== null; m = SELF_HARM_WORDS.exec(t)) {
    if (!ACCUSED_BEFORE.test(t.slice(Math.max(0, m.index - ACCUSATION_REACH), m.index))) return true;
    if (m[0] === '') SELF_HARM_WORDS.lastIndex++;
  }
  return false;
}

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
    test: saysSelfHarm,
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
