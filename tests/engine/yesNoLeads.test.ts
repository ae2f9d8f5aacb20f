import { describe, expect, it } from 'vitest';
import { sharedEngine } from '../sharedEngine.ts';

/** The yes/no opener of a body, if any: "Yes.", "No.", "It depends." or "No trial has shown that …". */
const LEAD = /^(Yes\.|No\.|It depends\.|No trial has shown that [^.]+\.)/;

function leadOf(question: string): string | null {
  return LEAD.exec(sharedEngine().ask(question).body)?.[0] ?? null;
}

// A fact's yes or no answers one claim, not every question that picks the fact: asked the other
// way round ("safe?" against "risky?"), the same fact needs the opposite word. Expected leads are
// written by hand from the article and the fact-check.
describe('a yes/no question asked one way and the other way round gets opposite leads', () => {
  it.each([
    ['is natto fine on warfarin?', 'No.', 'is natto risky on warfarin?', 'Yes.'],
    ['is k2 safe with warfarin?', 'No.', 'is k2 dangerous with warfarin', 'Yes.'],
    ['is vitamin k deficiency common', 'No.', 'is vitamin k deficiency rare', 'Yes.'],
    ['is k1 the same thing as k2', 'No.', 'is vitamin k1 different from k2', 'Yes.'],
  ])('%s → %s; %s → %s', (one, oneLead, other, otherLead) => {
    expect(leadOf(one)).toBe(oneLead);
    expect(leadOf(other)).toBe(otherLead);
  });
});

describe('a yes/no lead follows the claim the question asks', () => {
  it.each([
    ['does k2 thin your blood?', 'No.'],
    ["doesn't k2 thin the blood?", 'No.'],
    ['should i avoid k2 on warfarin', 'Yes.'],
    ['is k2 safe with eliquis', 'It depends.'],
    ['does k2 interact with apixaban', 'No.'],
    // An unproven claim is named in a whole sentence, in the claim's words, not a bare "Not shown.".
    ['do i need d3 with k2', 'No trial has shown that you need D3 with K2.'],
    ['is mk7 better than mk4', 'No trial has shown that MK-7 is better than MK-4.'],
    ['can k2 stop alzheimers', "No trial has shown that K2 prevents Alzheimer's."],
    ['does mk7 last longer than mk4', 'Yes.'],
    ['is there an upper limit for k2', 'No.'],
    ['is k2 fat soluble', 'Yes.'],
  ])('%s → %s', (question, lead) => {
    expect(leadOf(question)).toBe(lead);
  });
});

describe('no yes or no where the question does not ask a marked claim as it is written', () => {
  it.each([
    // Negated inside: a bare word would be ambiguous.
    'does k2 not thin the blood?',
    // Either/or asks which, not whether.
    'is 120 mcg the rda or the ai for men?',
    // A medicine named before the question that the claim is not about.
    'I take rivaroxaban. does vitamin k2 affect it the way it affects warfarin?',
    // A word that narrows the claim ("just"), or one the lexicon does not know.
    'can i get my k2 just from eating gouda',
    // Doubting the claim ("or is that hype") leaves its polarity unclear.
    'is natto really the top k2 food or is that hype',
    // No claim is marked for these. A fact that hedges another point ("no trial shows K2 prevents
    // high blood pressure") gives no "No trial has shown…" to a question about arterial stiffness.
    'does k2 help bones',
    'does kombucha have vitamin k2',
    'can k2 stop arteries from getting stiff',
    'does k2 do anything for arterial stiffness',
  ])('%s', (question) => {
    expect(sharedEngine().ask(question).body).not.toMatch(LEAD);
  });
});

describe('someone who may be on a warfarin-type drug', () => {
  // The healthy person's answer ("No. … extra K2 is not expected to thicken the blood") is the wrong
  // answer for them: more vitamin K works against their drug.
  it.each([
    'im on warfarin, will k2 thicken my blood',
    'coumadin user here. can vitamin k2 make clots more likely?',
    'blood thinner user here, would k2 thicken things up',
  ])('%j gets the interaction facts first, never the healthy-person "No."', (question) => {
    const answer = sharedEngine().ask(question);
    expect(answer.facts?.[0]).toBe('warfarin-interaction/steady-intake');
    expect(answer.facts).not.toContain('clotting-function/no-extra-clotting');
    expect(answer.body).not.toMatch(/^No\./);
  });

  it('keeps the healthy-person answer for a question that names no blood thinner', () => {
    const answer = sharedEngine().ask('does k2 thicken your blood');
    expect(answer.facts).toContain('clotting-function/no-extra-clotting');
    expect(answer.body).toMatch(/^No\./);
  });
});
