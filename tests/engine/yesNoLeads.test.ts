import { describe, expect, it } from 'vitest';
import { readFocus } from '../../src/engine/questionFocus.ts';
import { sharedEngine } from '../sharedEngine.ts';

/** The yes/no opener of a body, if any: "Yes.", "No.", "It depends." or "No trial has shown that …". */
const LEAD = /^(Yes\.|No\.|It depends\.|The evidence is mixed\.|No trial has shown that [^.]+\.)/;

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

// Blind round 16: "so k2 thins blood right?" got no yes or no; a statement with a tag asks to confirm it.
describe('a statement asked to be confirmed ("…, right?") is a yes/no question', () => {
  it.each([
    ['k2 makes blood thinner, right?', 'No.'],
    ['mk7 lasts longer than mk4, correct?', 'Yes.'],
    ['so natto is the top k2 food yeah?', 'Yes.'],
  ])('%s → %s', (question, lead) => {
    expect(leadOf(question)).toBe(lead);
  });

  it('a question word before the tag keeps it a question of its own', () => {
    expect(leadOf('how much k2 is in natto, right?')).toBeNull();
  });

  it('the tag must end the message: "right now" or "no doubt" confirm nothing', () => {
    expect(readFocus('k2 dose for my knees right now?').yesNo).toBe(false);
    expect(readFocus('natto gives me k2 no doubt?').yesNo).toBe(false);
    expect(readFocus('k2 lasts longer right?').yesNo).toBe(true);
  });
});

describe('a yes/no lead follows the claim the question asks', () => {
  it.each([
    ['does k2 thin your blood?', 'No.'],
    ["doesn't k2 thin the blood?", 'No.'],
    ['should i avoid k2 on warfarin', 'Yes.'],
    ['is k2 safe with eliquis', 'It depends.'],
    ['does k2 interact with apixaban', 'No.'],
    // Blind round 19: "is vitamin K2 a problem with warfarin specifically?" got no yes.
    ['would k2 be a problem with my warfarin', 'Yes.'],
    // The medicine "it" points back at is the claim's (blind round 19 changed this from no lead):
    // K2 does not act on a DOAC the way it acts on warfarin.
    ['I take rivaroxaban. does vitamin k2 affect it the way it affects warfarin?', 'No.'],
    // An unproven claim is named in a whole sentence, in the claim's words, not a bare "Not shown.".
    ['do i need d3 with k2', 'No trial has shown that you need D3 with K2.'],
    ['is mk7 better than mk4', 'No trial has shown that MK-7 is better than MK-4.'],
    ['can k2 stop alzheimers', "No trial has shown that K2 prevents Alzheimer's."],
    // "Unclog" asks the reversal the article claims for arteries.
    ['will k2 unclog my arteries', 'No trial has shown that K2 reverses artery calcification.'],
    // Blind round 42: calcium "building up in the blood vessels" got the mechanism alone, which reads as yes.
    [
      'can k2 stop calcium building up in my vessels',
      'No trial has shown that K2 reduces calcium buildup in arteries.',
    ],
    ['does mk7 last longer than mk4', 'Yes.'],
    ['is there an upper limit for k2', 'No.'],
    ['is k2 fat soluble', 'Yes.'],
    // Blind round 19: a question pointing back at the sentence before takes the claim's words
    // from it, and "at all" only stresses the question.
    [
      'my dad was told he has alzheimers last month. could k2 slow it down?',
      "No trial has shown that K2 slows Alzheimer's.",
    ],
    ['does k2 improve memory at all', 'No trial has shown that K2 improves memory.'],
    // Blind round 38: "…'VITAMIN K2 CURES CANCER' w 40k shares. is that legit or nah" never said
    // no: a question whether a claim told is legit, true or has anything to it asks its verdict.
    ['my gym coach posted that k2 cures cancer. legit or not?', 'No trial has shown that K2 cures cancer.'],
    // Blind round 40: "i eat a TON of spinach, does that cover my k2?" never said no.
    ['is there any k2 in spinach', 'No.'],
    [
      "read online that k2 prevents alzheimer's. any truth to it?",
      "No trial has shown that K2 prevents Alzheimer's.",
    ],
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
    'I take rivaroxaban. does vitamin k2 change how my statin works?',
    // A word that narrows the claim ("just"), or one the lexicon does not know.
    'can i get my k2 just from eating gouda',
    // No claim is marked for these. A fact that hedges another point ("no trial shows K2 prevents
    // high blood pressure") gives no "No trial has shown…" to a question about arterial stiffness.
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
    expect(answer.facts?.[0]).toMatch(/^warfarin-interaction\/(steady-intake|inr-effects)$/);
    expect(answer.facts).not.toContain('clotting-function/no-extra-clotting');
    expect(answer.body).not.toMatch(/^No\./);
  });

  it('keeps the healthy-person answer for a question that names no blood thinner', () => {
    const answer = sharedEngine().ask('does k2 thicken your blood');
    expect(answer.facts).toContain('clotting-function/no-extra-clotting');
    expect(answer.body).toMatch(/^No\./);
  });
});

describe('a dose asked by someone who may be on a warfarin-type drug', () => {
  // The healthy person's supplement doses (90–200 mcg, about 100 mcg, above 100 mcg for older adults).
  const healthyDoses = [
    'supplement-dosage/key-takeaway-dose-range',
    'supplement-dosage/ninety-to-200-trials',
    'supplement-dosage/mk7-100mcg',
    'supplement-dosage/older-adults',
  ];

  it.each([
    'how much k2 can i take on warfarin',
    'taking coumadin, how many mcg of mk7 should i have a day?',
    'my dad is on a blood thinner, how much k2 can he take',
  ])('%j opens with "no dose is known to be safe", never with a figure', (question) => {
    const answer = sharedEngine().ask(question);
    expect(answer.facts?.[0]).toBe('warfarin-interaction/low-dose-claim');
    expect(answer.body).toMatch(/^No dose is known to be safe/);
    for (const id of healthyDoses) expect(answer.facts).not.toContain(id);
  });

  it('never shows the healthy doses to a warfarin user who asks the usual dose', () => {
    const answer = sharedEngine().ask('what is the usual mk7 dose? i am on jantoven');
    for (const id of healthyDoses) expect(answer.facts).not.toContain(id);
    expect(answer.facts).toContain('warfarin-interaction/steady-intake');
  });

  it('keeps the supplement doses for a question that names no blood thinner', () => {
    const answer = sharedEngine().ask('how much mk7 should i take a day');
    expect(answer.facts?.some((id) => healthyDoses.includes(id))).toBe(true);
  });

  it('still opens a question about the study with its figure', () => {
    const answer = sharedEngine().ask('what was the smallest daily mk7 dose that moved INR in the study');
    expect(answer.body).toMatch(/^10 mcg/);
  });
});

// Blind round 20: "does k2 cause blood clots" got what anticoagulants are, and no answer.
describe('whether K2 causes clots, asked by someone not on a blood thinner', () => {
  it.each(['can k2 cause a blood clot?', 'is it true k2 causes clots'])('%j opens with no', (q) => {
    const answer = sharedEngine().ask(q);
    expect(answer.body).toMatch(/^No\. /);
    expect(answer.facts[0]).toBe('clotting-function/no-extra-clotting');
  });
});

// Blind round 21: "would their blood get too thick?" of natto got natto's amounts, no "No.".
describe('natto does not thicken the blood of a healthy person', () => {
  it.each(['does natto thicken the blood?', 'will eating natto make blood too thick'])(
    '%j opens with No.',
    (q) => {
      const answer = sharedEngine().ask(q);
      expect(answer.body).toMatch(/^No\. /);
      expect(answer.facts[0]).toBe('clotting-function/no-extra-clotting');
    },
  );

  it('not for someone on warfarin: the interaction facts answer', () => {
    expect(sharedEngine().ask('im on warfarin, does natto thicken the blood?').body).not.toMatch(/^No\. /);
  });
});

// Blind round 21: "accidentally took 2 k2 caps a day for a month, did i mess something up?" got
// the trial doses, not the safety facts.
describe('asking whether a past mistake did harm asks the safety', () => {
  it.each([
    'accidentally had 2 mk7 pills daily for a month last year, did i mess something up?',
    'was taking 2 k2 softgels a day for weeks instead of one, did i screw something up',
  ])('%j gets the side-effect facts', (q) => {
    expect(sharedEngine().ask(q).topic?.id).toBe('safety-side-effects');
  });
});

// Blind round 21: a blood-thinner user asking whether K2 "also thickens blood" like the K1 in
// greens got the steady-intake facts without an answer; for them it does: more vitamin K lowers INR.
describe('K2 against a warfarin-type drug', () => {
  it.each(['on warfarin here, does k2 thicken the blood?', 'does k2 counteract my warfarin'])(
    '%j opens with Yes.',
    (q) => {
      const answer = sharedEngine().ask(q);
      expect(answer.body).toMatch(/^Yes\. /);
      expect(answer.facts?.[0]).toMatch(/^warfarin-interaction\//);
    },
  );
});

// Blind round 21 ("mk7 needs fat to absorb??") and earlier sets ("sauerkraut have any k2?"): a
// statement with a question mark asks whether it is so.
describe('a statement asked with a question mark', () => {
  it.each([
    ['kimchi has k2?', /^Yes\. /],
    ['a little k2 is fine with warfarin?', /^No\. /],
  ])('%j gets a yes or no first', (q, lead) => {
    expect(sharedEngine().ask(q).body).toMatch(lead);
  });

  it.each(['natto?', 'k2 and bones?'])('%j, a topic with no verb, is no yes/no question', (q) => {
    expect(sharedEngine().ask(q).body).not.toMatch(/^(Yes|No)\. /);
  });
});

// Blind round 28: "k2 melts artery plaque in 30 days" was answered with how to store supplements
// in the heat ("melt" is a storage word for gummies). Melting, dissolving or undoing plaque is the
// claim that K2 reverses calcification, and storage is no question about arteries.
describe('dissolving or melting plaque in the arteries', () => {
  it.each([
    'can k2 dissolve the plaque in my arteries?',
    'is it true k2 melts artery plaque',
    // Blind round 34: removing calcium that is already there is the same claim.
    'can k2 remove the calcification in my arteries',
  ])('%j: no trial has shown it', (q) => {
    expect(leadOf(q)).toBe('No trial has shown that K2 reverses artery calcification.');
  });

  it('a plaque that melts is not about storing supplements', () => {
    const answer = sharedEngine().ask('a video said mk7 melts plaque in your arteries within weeks');
    expect(answer.facts ?? []).not.toContain('choosing-mk7-supplement/label-content');
    expect(answer.facts?.[0]).toMatch(/^vascular-calcification\//);
  });
});

// Blind round 28: "my aunt said it literally reverses osteoporosis" was answered with bone facts
// that never said whether it does. Reversing osteoporosis is a claim no trial supports.
describe('reversing osteoporosis', () => {
  it.each(['can k2 reverse osteoporosis?', 'is it true that k2 reverses osteoporosis'])(
    '%j: no trial has shown it',
    (q) => {
      expect(leadOf(q)).toBe('No trial has shown that K2 reverses osteoporosis.');
    },
  );
});

// Blind round 28: whether MK-7 really "stays active longer" than MK-4 got the Key Takeaways line
// back. It does: its half-life is about 3 days.
describe('MK-7 staying active longer than MK-4', () => {
  it('is a yes, with the half-life', () => {
    const a = sharedEngine().ask('does mk7 really stay active longer than mk4?');
    expect(a.body.startsWith('Yes. MK-7 stays in circulation for up to about 96 hours')).toBe(true);
  });
});

// Blind round 28: a warfarin user asking "what foods contain a significant amount of vitamin K"
// got K2 foods only; most vitamin K in food is K1 from leafy greens, which the article names.
describe('foods high in vitamin K (not K2)', () => {
  it('names the leafy greens first', () => {
    expect(sharedEngine().ask('what foods are rich in vitamin k').facts[0]).toBe(
      'food-plan/leafy-greens-pairing',
    );
  });

  it('foods high in K2 still lead with the K2 ranking', () => {
    expect(sharedEngine().ask('what foods are rich in k2').facts[0]).toBe('food-plan/food-ranking');
  });
});

// Blind round 28 (a letter asking who is closer to the truth about a claim it tells): the claim is
// checked, whether its words are a lexicon phrase ("hardened arteries") or the question names no claim.
describe('a claim told with the words of a lexicon phrase', () => {
  it('"hardened arteries" asks the claim about artery calcification', () => {
    expect(leadOf('can vitamin k2 reverse hardened arteries?')).toBe(
      'No trial has shown that K2 reverses artery calcification.',
    );
  });
});

describe('a question of who is right about a claim told before it', () => {
  it.each([
    'my gym buddy swears k2 reverses hardened arteries, my dad says rubbish. which one is true?',
    'the guy at the health store told me vitamin k2 can reverse calcification in the arteries. my cardiologist disagrees. who is telling the truth?',
    // One sentence: the claim is told before the question in the same sentence.
    'my neighbour insists k2 melts plaque in the arteries but my pharmacist disagrees, who is right?',
  ])('%j checks the claim told', (q) => {
    expect(leadOf(q)).toBe('No trial has shown that K2 reverses artery calcification.');
  });
});

// Blind round 29: "IS K2 ACTUALLY GOOD FOR BONES OR IS THAT A MYTH" got the osteoblast mechanism and
// a null trial with no verdict: some trials slowed bone loss, others found nothing.
describe('whether K2 helps bones', () => {
  it.each(['does vitamin k2 make your bones stronger', 'is mk7 good for your bones or just marketing'])(
    '%j: the evidence is mixed, then a trial',
    (q) => {
      const a = sharedEngine().ask(q);
      expect(leadOf(q)).toBe('The evidence is mixed.');
      expect(a.facts).toContain('bone-health/three-year-180mcg-trial');
    },
  );

  it('how it helps is still the mechanism', () => {
    expect(leadOf('how does k2 help bones')).toBeNull();
  });
});

// A doubt offered as the other answer ("…or is that hype?") asks the claim itself: the development
// set expects "Yes." for natto as the top food, and blind graders wanted a verdict first. (Until
// this session such a question got no lead, and "does k2 help bones" had no claim marked.)
describe('a claim asked with its doubt as the alternative', () => {
  it.each([
    ['is natto really the top k2 food or is that hype', 'Yes.'],
    ['does k2 help bones', 'The evidence is mixed.'],
  ])('%j → %j', (q, lead) => {
    expect(leadOf(q)).toBe(lead);
  });
});

// Blind round 34: "…k2 thins your blood?? is that right" got the K1 vs K2 absorption facts, and
// "…k2 repairs nerves?? legit?" answered "legit?" as a second question ("On your next question:").
// A last sentence that is only a confirmation tag asks about the sentence before it.
describe('a confirmation tag as a sentence of its own', () => {
  it.each([
    ['my chiropractor reckons k2 thins out the blood?? is that true', 'No.', 'clotting-function/'],
    ['my neighbour says k2 regrows nerves?? legit?', null, 'peripheral-neuropathy/'],
  ])('%j is the claim before it, asked once', (q, lead, facts) => {
    const a = sharedEngine().ask(q);
    if (lead) expect(leadOf(q)).toBe(lead);
    expect(a.facts.every((id) => id.startsWith(facts))).toBe(true);
    expect(a.body).not.toMatch(/On your next question/);
  });
});

// Blind round 36: "is it true k2 works way better if you also take d3?" opened with the diabetes
// study; whether the pair works better is not known (a 1-year trial found no added bone benefit).
describe('whether K2 works better with D3', () => {
  it.each([
    'does k2 work better if i take d3 with it? everyone online pushes the combo',
    'does taking d3 as well make k2 work better?',
  ])('%j leads with what is known of the combination', (q) => {
    const a = sharedEngine().ask(q);
    expect(a.facts[0]).toBe('d3-k2-cosupplementation/bone-density-trials');
    expect(a.body).toMatch(/^No trial has shown/);
  });
});

// Found before blind round 45: "is the K2 in cheese the same as in supplements?" got the cheese
// amounts; cheese K2 is mostly MK-8 to MK-11, while supplements are MK-7 (or MK-4).
it('cheese K2 asked as the same as a supplement’s gets no, and the forms', () => {
  const a = sharedEngine().ask('do cheeses have the same k2 as supplements do?');
  expect(a.facts[0]).toBe('cheese/cheese-k2-forms');
  expect(a.body).toMatch(/^No\. /);
});
