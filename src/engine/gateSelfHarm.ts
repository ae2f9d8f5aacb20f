import { manyPills, OVERDOSED, WHOLE_PACK } from './gateOverdose.ts';
import { type GateRule, has } from './gateWords.ts';

/** Gate: self-harm, said in words or as an overdose taken on purpose. Checked before every other kind. */

/** Saying it was meant: an overdose taken on purpose is a crisis (the crisis notice). */
const ON_PURPOSE =
  /\b(on purpose|intentionally|intentional|deliberately|deliberate|to end it|to end (my|it all)|end it all|so i (wouldnt|wont|would not|will not|dont|do not|never) wake( up)?|to not wake up|to never wake up|to die|to kill myself|to hurt myself|wanted to die|want to die)\b/;

export const selfHarm: readonly GateRule[] = [
  {
    kind: 'self-harm',
    // A handful of pills taken on purpose is a crisis before it is a poisoning.
    test: (t) => ON_PURPOSE.test(t) && (manyPills(t) || WHOLE_PACK.test(t) || OVERDOSED.test(t)),
  },
  {
    kind: 'self-harm',
    test: has(
      /\b(kill myself|killing myself|kms|unalive (myself|me)|off myself|end myself|end (my life|it all)|(want|going|gonna|ready|wanna|plan|planning) to end it|(feel like|thinking about|thinking of|think about) end(ing)? it( all)?\b|ending my life|suicid\w*|(?<!(dont|do not|never|not) )(want to|wanna) die(?! laughing)|dont want to (live|be alive|wake up)|self ?harm\w*|hurt(ing)? myself|harm(ing)? myself|take my own life|(overdose|od) on purpose|(?<!(dont|do not|never|not) )(going to|gonna|want to|wanna|plan to|planning to|about to) (overdose|od)\b|on purpose overdose|take (them|it|the pills) all|take the whole bottle|cutting myself|not worth living|no reason to live|nothing to live for|better off dead|ending it all|(take|taking|swallow|swallowing) (all|every one) (of )?(my|the|these|those) (pills|tablets|meds|medication|medicine|capsules)|(want|wanna|going|gonna|plan|planning|about|ready) to (take|swallow) (all|every one) (of )?(my|the|these|those) ([\w-]+ ){0,2}(pills|tablets|meds|medication|medicine|capsules)|(want|wanna|going|gonna|plan|planning|about|ready) to\b[^.?!]{0,60}\b(and|then) end it( all)?(?=\s*($|[.!?,])))\b/,
    ),
  },
];
