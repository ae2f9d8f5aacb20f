import { describe, expect, it } from 'vitest';
import { checkEmergency } from '../../../src/engine/gate.ts';
import { allergy } from '../../../src/engine/gateAllergy.ts';
import { babyBleeding } from '../../../src/engine/gateBaby.ts';
import { bleeding } from '../../../src/engine/gateBleeding.ts';
import { bloodPressure } from '../../../src/engine/gateBloodPressure.ts';
import { chestPain } from '../../../src/engine/gateChestPain.ts';
import { clot } from '../../../src/engine/gateClot.ts';
import { collapse } from '../../../src/engine/gateCollapse.ts';
import { overdose } from '../../../src/engine/gateOverdose.ts';
import { pet } from '../../../src/engine/gatePet.ts';
import { selfHarm } from '../../../src/engine/gateSelfHarm.ts';
import { stroke } from '../../../src/engine/gateStroke.ts';
import { type GateRule, near } from '../../../src/engine/gateWords.ts';
import { normalizeText } from '../../../src/engine/normalize.ts';

const text = (s: string) => normalizeText(s).replace(/'/g, '');
const fires = (rules: GateRule | readonly GateRule[], s: string) =>
  (Array.isArray(rules) ? rules : [rules]).some((r: GateRule) => r.test(text(s)));

/** Each gate rule module with messages it must and must not fire on. */
const KINDS: Array<{
  name: string;
  rules: GateRule | readonly GateRule[];
  positive: string[];
  negative: string[];
}> = [
  {
    name: 'self-harm',
    rules: selfHarm,
    positive: ['i want to kill myself', 'took 40 pills on purpose', 'thinking about ending it all'],
    negative: ['can k2 hurt my kidneys', 'i could die for some cheese'],
  },
  {
    name: 'baby bleeding',
    rules: babyBleeding,
    positive: ['my newborn is bleeding from the belly button', 'my 3 week old has bruises and is vomiting'],
    negative: ['do babies get a vitamin k shot at birth', 'is k2 safe for babies'],
  },
  {
    name: 'pet',
    rules: pet,
    positive: ['my dog ate a bottle of k2 pills', 'our cat got into the rat poison'],
    negative: ['can dogs eat natto', 'is vitamin k2 good for cats'],
  },
  {
    name: 'overdose',
    rules: overdose,
    positive: [
      'my toddler swallowed a bottle of k2 gummies',
      'i took 30 pills of k2',
      'i overdosed on vitamins',
      // Extra blood-thinner pills, the drug named in another sentence or after the count, told calmly.
      'my dad accidentally took 3 extra warfarin pills today, he seems ok',
      'grandpa is on coumadin. he swallowed two extra tablets at lunch because he forgot. hes fine',
      'she takes xarelto and took her dose twice today',
      'i doubled my eliquis by mistake this morning',
      'he doubled his coumadin this morning by accident',
    ],
    negative: [
      'how much k2 is too much',
      'i take 100 mcg a day',
      'took 10 of them over the last month',
      // Food or K2 taken extra by someone on a blood thinner, a regimen, a prescriber's change, a plan.
      'i take warfarin and had extra natto yesterday, will my inr drop?',
      'i take warfarin and took my k2 twice today',
      'i took two k2 pills by accident today, im on warfarin',
      'on warfarin, i doubled the amount of natto this week',
      'i take eliquis twice a day, can i add k2?',
      'my doctor doubled my warfarin dose last month, can i still eat cheese',
      'i missed my warfarin yesterday, should i take a double dose today?',
    ],
  },
  {
    name: 'chest pain',
    rules: chestPain,
    positive: ['crushing chest pain right now', 'i have chest pain after taking k2'],
    negative: ['can k2 cause chest pain', 'does k2 prevent heart attacks'],
  },
  {
    name: 'stroke',
    rules: stroke,
    positive: [
      'my face is drooping and my speech is slurred',
      'suddenly cant feel my left arm',
      'both my hands suddenly went numb an hour ago',
      'my legs suddenly feel weak and i cant stand up',
      // The sudden onset told after the symptom.
      'his arm went weak all of a sudden at dinner',
      'my hands got numb out of nowhere this morning',
    ],
    negative: [
      'does k2 prevent strokes',
      'is slurred speech a side effect of k2',
      'does k2 make you suddenly weak?',
      'can k2 cause numbness in feet',
      'can k2 make my legs weak suddenly?',
      'i feel weak suddenly when i stand up too fast, is that k2',
    ],
  },
  {
    name: 'allergy',
    rules: allergy,
    positive: ['my throat is closing up after natto', 'cant breathe after taking the k2 capsule'],
    negative: ['can k2 cause an allergic reaction', 'is natto a common allergen'],
  },
  {
    name: 'bleeding',
    rules: bleeding,
    positive: [
      'my nose will not stop bleeding',
      'vomiting blood right now',
      'rectal bleeding since this morning',
      'on warfarin and my gums keep bleeding',
      // A time word in a later clause that says the asker has it still counts.
      'can k2 cause rectal bleeding? i have had it since monday',
      // Asked what the drug is, and named again as taken: the bleed is on a blood thinner.
      'whats xarelto exactly? the nurse said im on xarelto now and my gums keep bleeding',
      // Asked about as a word, then said to be taken with a pronoun: still a bleed on a blood thinner.
      'what is warfarin? the doctor put me on it last week and my nose keeps bleeding',
      'what does coumadin even mean, im on it and my gums keep bleeding',
    ],
    negative: [
      'can k2 cause rectal bleeding',
      // "now" qualifies starting K2, not the bleeding.
      'can k2 cause rectal bleeding, i want to start it now',
      'can k2 cause nosebleeds, i want to start it today',
      'does k2 help blood clotting',
      'had rectal bleeding in 2019, is k2 safe now',
    ],
  },
  {
    name: 'clot',
    rules: clot,
    positive: ['on warfarin and my calf is swollen and painful', 'i think i have a blood clot'],
    negative: ['does k2 cause blood clots', 'my legs are sore after the gym'],
  },
  {
    name: 'blood pressure',
    rules: bloodPressure,
    positive: ['my blood pressure is 190/125', 'bp reading 185 this morning'],
    negative: ['does k2 lower blood pressure', 'my bp is 120/80'],
  },
  {
    name: 'collapse',
    rules: collapse,
    positive: [
      'my dad collapsed and is unconscious',
      'she is having a seizure',
      // A collapsed vertebra named beside someone who collapsed does not hide them.
      'mum has a collapsed vertebra and just now she collapsed in the hallway',
    ],
    negative: ['can k2 cause seizures?', 'her vertebrae have collapsed from osteoporosis, is k2 any use'],
  },
];

describe.each(KINDS)('gate rule: $name', ({ rules, positive, negative }) => {
  it.each(positive)('fires on %j', (s) => {
    expect(fires(rules, s)).toBe(true);
    expect(checkEmergency(normalizeText(s)).urgent).toBe(true);
  });
  it.each(negative)('does not fire on %j', (s) => {
    expect(fires(rules, s)).toBe(false);
  });
});

describe('near(a, b, gap)', () => {
  const re = near(/\b(bleeding|bruising)\b/, /\b(warfarin|eliquis)\b/, 20);
  it.each([
    ['bleeding while on warfarin', true],
    ['bruising and eliquis', true],
    ['bleeding. i also take warfarin', false],
    ['bleeding for a long long long long while, warfarin', false],
    ['warfarin and bleeding', false],
  ])('%j → %s', (s, expected) => {
    expect(re.test(s)).toBe(expected);
  });
});
