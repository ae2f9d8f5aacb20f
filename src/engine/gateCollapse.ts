import { type GateRule, has } from './gateWords.ts';

/** Gate: someone collapsed, unconscious, not breathing or having a seizure. */

export const collapse: GateRule = {
  kind: 'collapse',
  test: has(
    /\b(passed out|unconscious|unresponsive|fainted|fainting|having a seizure|had a seizure|not breathing|collapsed)\b/,
  ),
};
