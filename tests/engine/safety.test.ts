import { describe, expect, it } from 'vitest';
import { mentionsAnticoagulant } from '../../src/engine/anticoagulants.ts';
import { checkEmergency, type UrgentKind } from '../../src/engine/gate.ts';
import { normalizeText } from '../../src/engine/normalize.ts';
import { isPersonal } from '../../src/engine/personalNotice.ts';
import {
  BABY_NOTICE,
  CRISIS_AFTER_OVERDOSE_NOTICE,
  CRISIS_NOTICE,
  OVERDOSE_NOTICE,
  PET_NOTICE,
  urgentNoticeOf,
} from '../safetyTexts.ts';

const gate = (text: string) => checkEmergency(normalizeText(text));

/** The notice each kind of emergency leads with (the literal texts, not the gate's own choice). */
const NOTICE_FOR: Record<UrgentKind, string> = {
  'self-harm': CRISIS_NOTICE,
  overdose: OVERDOSE_NOTICE,
  pet: PET_NOTICE,
  'baby-bleeding': BABY_NOTICE,
  bleeding: urgentNoticeOf('bleeding'),
  clot: urgentNoticeOf('clot'),
  'chest-pain': urgentNoticeOf('chest-pain'),
  stroke: urgentNoticeOf('stroke'),
  allergy: urgentNoticeOf('allergy'),
  'blood-pressure': urgentNoticeOf('blood-pressure'),
  collapse: urgentNoticeOf('collapse'),
  'head-injury': urgentNoticeOf('head-injury'),
  'low-blood-sugar': urgentNoticeOf('low-blood-sugar'),
  'racing-heart': urgentNoticeOf('racing-heart'),
};

describe('emergency gate: fires', () => {
  it.each([
    // R-01 bleeding on an anticoagulant
    // A handful of pills: an overdose; taken on purpose: a crisis.
    ['i swallowed about 30 of my k2 tablets', 'overdose'],
    ['he took like twenty of them an hour ago', 'overdose'],
    ['took around 45 of my mk7 capsules on purpose', 'self-harm'],
    ['swallowed all 60 of the k2 capsules intentionally', 'self-harm'],
    ['took my k2 twice by mistake and now my heart is racing and i feel dizzy', 'overdose'],
    ['accidentally had an extra dose, now vomiting', 'overdose'],
    ['i took fifteen gummies deliberately so i wouldnt wake up', 'self-harm'],
    ['on warfarin and my nose wont stop bleeding', 'bleeding'],
    ["I'm on Coumadin and the cut on my hand won't stop bleeding", 'bleeding'],
    ['pooping black since i started k2 and im on coumadin', 'bleeding'],
    ['black tarry stools, i take warfarin', 'bleeding'],
    ['there is blood in my urine and i take eliquis', 'bleeding'],
    ['im peeing blood after starting natto', 'bleeding'],
    ['my dad is vomiting blood, he is on warfarin', 'bleeding'],
    ['coughing up blood this morning', 'bleeding'],
    ['been bleeding for two hours from a tooth extraction, on warfarin', 'bleeding'],
    ['on blood thinners and i have huge bruises all over and a severe headache', 'bleeding'],
    // R-02 clots
    ['started k2 last week, on warfarin, now my calf is swollen and sore', 'clot'],
    ['my left leg is swollen and painful, i take warfarin and natto', 'clot'],
    ['i think i have a blood clot in my leg', 'clot'],
    // R-07 overdose and accidental ingestion
    ['my toddler ate half a bottle of d3 k2 gummies', 'overdose'],
    ['my 4 year old swallowed some of my vitamin k2 pills', 'overdose'],
    ['took 10 k2 pills by mistake', 'overdose'],
    ['i accidentally took 20 capsules of mk7', 'overdose'],
    ['i think i overdosed on my supplements', 'overdose'],
    ['should i call poison control? kid got into the k2', 'overdose'],
    // R-15 chest pain and stroke
    ['chest tight, does k2 help arteries', 'chest-pain'],
    ['having chest pain after taking k2', 'chest-pain'],
    ['pressure in my chest and my arm hurts', 'chest-pain'],
    ['my face is drooping on one side', 'stroke'],
    ['my mom has slurred speech and cant lift her arm', 'stroke'],
    ['sudden weakness and numbness on one side', 'stroke'],
    // R-08 allergy
    ['throat feels tight after my k2 pill', 'allergy'],
    ['my lips are swelling and i cant breathe', 'allergy'],
    ['face swollen after new supplement, hard to breathe', 'allergy'],
    // R-19 self-harm
    ['i want to kill myself', 'self-harm'],
    ['thinking about taking all my pills to end it', 'self-harm'],
    ['i want to overdose on purpose', 'self-harm'],
    // R-05 baby bleeding
    ['my newborn is bleeding from the belly button', 'baby-bleeding'],
    // Animals
    ['my dog ate rat poison', 'pet'],
    ['the cat swallowed some of my k2 capsules', 'pet'],
    ['2 month old bleeding from vaccine spot', 'baby-bleeding'],
    ['our baby has blood in her diaper', 'baby-bleeding'],
    ['my husband passed out after his warfarin dose', 'collapse'],
    ["i'm on coumadin and there's blood when i pee", 'bleeding'],
    ['huge bruise appeared and severe headache, on warfarin', 'bleeding'],
    ['peeing red since this morning, on xarelto', 'bleeding'],
    ["I'm on Jantoven and I've been throwing up something that looks like coffee grounds", 'bleeding'],
    ['my stool has been really dark and black for two days, i take coumadin', 'bleeding'],
    ['throwing up blood', 'bleeding'],
    ['grandma on warfarin fell and hit her head and has a terrible headache', 'head-injury'],
    ['leg swollen and painful after starting k2 on warfarin', 'clot'],
    ['she took an overdose', 'overdose'],
    ['accidentally gave my baby 10 times the dose', 'overdose'],
    ['no reason to live anymore', 'self-harm'],
    ['i wanna kms', 'self-harm'],
    ['going to overdose on my pills tonight', 'self-harm'],
    ['hives all over and my throat feels scratchy and tight', 'allergy'],
    ["can't catch my breath after k2", 'allergy'],
    ['pee is dark red, on warfarin', 'bleeding'],
    ['does k2 help with my chest pain', 'chest-pain'],
    ["Help! I'm on warfarin and I can't get my nose to stop bleeding", 'bleeding'],
    ['been on coumadin 2 yrs, today i noticed my urine is brown/red', 'bleeding'],
    ["I'm taking Eliquis and just vomited what looked like blood", 'bleeding'],
    ["My dad (warfarin) has a huge purple bruise on his leg that's spreading", 'bleeding'],
    ['on warfarin and i have a pounding headache after bumping my head', 'head-injury'],
    ["I'm short of breath all of a sudden and I take warfarin", 'bleeding'],
    ['my 4yo found my k2 bottle and ate some', 'overdose'],
    ['my chest feels like an elephant is sitting on it', 'chest-pain'],
    ["my wife's speech is suddenly slurred", 'stroke'],
    ["i can't feel my right arm and my face feels weird", 'stroke'],
    ["is it bad that my poop is black? i'm on eliquis", 'bleeding'],
    ['my gums wont quit bleeding, im on warfrin', 'bleeding'],
    ['peeing blood since yesterday', 'bleeding'],
    ['one calf way bigger than the other and painful, on coumadin', 'clot'],
    ['i feel like ending it', 'self-harm'],
    ['infant bruising and vomiting, 5 weeks old', 'baby-bleeding'],
    ["blood everywhere from a small cut and i'm on xarelto", 'bleeding'],
    ['my nose is gushing blood and im on warfarin', 'bleeding'],
    ['bp is 190/115 with headache', 'blood-pressure'],
    ['my blood pressure is 200 right now', 'blood-pressure'],
    ['thinking about how to unalive myself', 'self-harm'],
    ['i feel like my throat is closing after i took a new k2 capsule', 'allergy'],
    ['he has slurred speech since this morning', 'stroke'],
    ['what do i do if my throat is swelling after k2', 'allergy'],
    ['newborn bleeding from umbilical stump', 'baby-bleeding'],
    ['my blood pressure is 210/120 and i have a headache', 'blood-pressure'],
    // Blood from the back passage, with or without an anticoagulant, and long bleeds.
    ['on apixaban and passing bright red blood, a lot of it', 'bleeding'],
    ['pooping fresh red blood', 'bleeding'],
    ['rectal bleeding on coumadin', 'bleeding'],
    ['on xarelto, nosebleed for an hour', 'bleeding'],
    ['nose has been bleeding for 25 minutes', 'bleeding'],
    ['lots of blood in the toilet bowl', 'bleeding'],
    ['im on warfarin and my poop has blood in it', 'bleeding'],
    ['pooping lots of blood', 'bleeding'],
    ['heavy period bleeding on warfarin soaking pads every hour', 'bleeding'],
  ])('%j → %s', (text, kind) => {
    const result = gate(text);
    expect(result.urgent).toBe(true);
    expect(result.kind).toBe(kind);
    // A crisis with the pills already swallowed needs poison control before the crisis line.
    const swallowed = kind === 'self-harm' && /\b(took|swallowed)\b/.test(text);
    expect(result.notice).toBe(swallowed ? CRISIS_AFTER_OVERDOSE_NOTICE : NOTICE_FOR[kind as UrgentKind]);
  });

  it('leads with the crisis line alone for self-harm', () => {
    const notice = gate('i want to end my life').notice ?? '';
    expect(notice).toBe(CRISIS_NOTICE);
    expect(notice).toMatch(/crisis line/);
    expect(notice).not.toMatch(/poison control|start or stop|medicine/i);
  });

  it('puts poison control first for an overdose and an emergency vet first for an animal', () => {
    const overdose = gate('my toddler swallowed a handful of my k2 gummies').notice ?? '';
    expect(overdose).toBe(OVERDOSE_NOTICE);
    expect(overdose.indexOf('poison control')).toBeLessThan(overdose.indexOf('emergency number'));
    const pet = gate('my dog ate rat poison').notice ?? '';
    expect(pet).toBe(PET_NOTICE);
    expect(pet).toMatch(/emergency vet/);
    expect(gate('on warfarin and my nose wont stop bleeding').notice).toBe(urgentNoticeOf('bleeding'));
  });

  it('sends a bleeding baby to emergency care, naming the birth shot only as something to tell them', () => {
    const notice = gate('my newborn is bleeding from the belly button').notice ?? '';
    expect(notice).toBe(BABY_NOTICE);
    expect(notice).toMatch(/emergency care now/);
    expect(notice).toMatch(/whether the baby had the vitamin K shot at birth/);
  });

  it('tells people to call emergency services or poison control', () => {
    const notice = gate('having chest pain after taking k2').notice ?? '';
    expect(notice).toMatch(/^seek urgent care now: call/i);
    expect(notice).toMatch(/local emergency number/);
    expect(notice).toMatch(/poison control/);
  });
});

describe('emergency gate: does not fire on ordinary questions', () => {
  it.each([
    // Information questions and past events (a borderline case: 'causes?' asks about a subject).
    'what causes rectal bleeding',
    'bright red blood in stool causes?',
    'i had a nosebleed last year',
    'i had a nosebleed for an hour years ago',
    'had rectal bleeding in 2019, is k2 safe for me now',
    'what to do if a nosebleed lasts more than 20 minutes',
    'can natto make your poop have blood in it?',
    'can a nosebleed last for an hour',
    'does k2 cause nosebleeds',
    'does k2 affect warfarin',
    'can k2 cause bleeding',
    'k2 and blood clotting',
    'is it safe to take k2 if I bruise easily?',
    'can i take k2 with warfarin',
    'does vitamin k2 thin your blood',
    'will k2 give me a blood clot',
    'does k2 increase clot risk',
    'why does warfarin interact with vitamin k',
    'my inr is 1.6 should i cut k2',
    'im on coumadin can i eat natto',
    'how much natto is safe on blood thinners',
    'can you overdose on k2',
    'what happens if you take too much k2',
    'is k2 toxic in high doses',
    'k2 allergic reaction?',
    'k2 side effects',
    'can k2 prevent heart attacks',
    'does k2 lower stroke risk',
    'k2 for heart health',
    'does vitamin k help stop bleeding',
    'can low vitamin k cause blood in urine?',
    'signs of vitamin k deficiency like nosebleeds and bleeding gums',
    'i get nosebleeds sometimes, could that be low vitamin k?',
    'my gums bleed when i brush, is it vitamin k',
    'if i cut myself will k2 help it stop bleeding faster',
    'vitamin k deficiency bleeding in newborns, what is it',
    'should my newborn get the vitamin k shot',
    'can kids eat natto',
    'my son takes k2 for his bones is that ok',
    'i took 100 mcg of k2 today, is that a lot?',
    'took my k2 with breakfast, is that right?',
    'is 200 mcg too much',
    'what dose did the studies use',
    'does k2 help with leg cramps',
    'k2 and blood pressure',
    'is mk7 bad for people with clotting disorders',
    'blood thinners and vitamin k2 interaction explained',
    'if i stop k2 while on warfarin will i bleed more',
    'does natto thin your blood or thicken it',
    'my mom had a stroke years ago, can she take k2?',
    'my dad had a heart attack last year, is k2 good for the heart',
    'eliquis and k2 ok?',
    'can i take k2 if im on aspirin',
    'does k2 help with tingling in feet',
    'what is the poison in natto? jk what is natto',
    'black stool causes',
    'does k2 cause shortness of breath',
    'k2 allergic reaction symptoms like swelling and trouble breathing?',
    'can k2 cause my legs to swell',
    'what are stroke symptoms',
    'is sudden weakness a side effect of k2',
    'can mk7 cause swollen ankles',
    'what happens if you get blood in your urine on warfarin',
    'does natto cause black stools',
    'what does black tarry stool mean',
    'does vitamin k help with heavy bleeding periods',
    'what are signs of bleeding on warfarin',
    'can warfarin cause blood in urine',
    'what happens if a child eats k2 gummies',
    'is it dangerous if a kid swallows a k2 pill',
    'newborn vitamin k shot bleeding risk',
    'how much k2 can i take before it is an overdose',
    'i took my k2 and warfarin at the same time, is that ok',
    'my blood pressure is 130/80 will k2 lower it',
    'i want to die laughing at how expensive k2 is',
    'this question is killing me, mk4 or mk7',
    'natto will kill me lol',
    'can my kids eat k2 gummies',
    'my child will not swallow pills, are k2 drops ok',
    'im on warfarin and my inr keeps going up, is it the k2?',
    'does k2 cause shortness of breath on warfarin',
    'k2 for chest pain prevention?',
    'i accidentally took my k2 twice today, is that ok',
    'i had blood in my urine once last year, could k2 help',
    'shortness of breath when running, k2?',
    'i take lots of supplements, is k2 ok with them?',
    'i took all my supplements this morning including k2',
    'blood pressure 130/80 but took 200 mcg of k2 today',
    'i dont want to overdose on k2, how much is safe?',
    'i dont want to die from a clot, should i take k2 with warfarin?',
    'when should i end it, the k2 course i mean',
    'my doctor said my inr is high, should i take k2',
    // A dose taken twice by mistake, with no symptoms, is not an overdose.
    'accidentally took my k2 twice today (2 x 100mcg), i feel fine',
    'took an extra capsule by mistake this morning, is that ok',
    'i took 200 mcg of k2 by accident instead of 100',
    'i took 10 of them over the last month',
    'took 30 of my k2 capsules over the past few weeks',
    'i ate 12 of them yesterday, the eggs i mean',
    'i had 10 of my friends try natto',
    'took 10 000 iu vitamin d with k2 this morning',
    'i had 3 of those k2 gummies instead of 1',
    'can taking too much k2 make you dizzy',
    'took an extra k2 by accident, i feel completely fine',
    // A medicine's name asked about as a word: the reader takes nothing ("it keeps coming up" is no bleed).
    "so what does 'warfarin' actually mean? it keeps coming up in these threads",
    'what is an anticoagulant? it keeps coming up in my reading',
    // A part of the body that collapsed is a diagnosis, not someone collapsing.
    'my aunt found out she had osteoporosis when a vertebra collapsed, would k2 have helped',
    'he has two collapsed discs in his lower back, can k2 rebuild them',
  ])('%j', (text) => {
    expect(gate(text)).toEqual({ urgent: false, kind: null, notice: null });
  });
});

describe('personal questions', () => {
  it.each([
    'should I take 200 mcg with my meds?',
    'how much should i take',
    'is it safe for me',
    'my INR is 1.6, should i stop k2',
    'can I stop fosamax for k2',
    'im on warfarin, can i take k2',
    'i have osteoporosis, should i start mk7',
    'how much k2 do i need for my bones',
    // Blind round 34: asked the other way round, and a medicine opening the message without "I'm".
    'is k2 something i ought to be taking at 60?',
    'on eliquis since march, is natto a problem?',
  ])('%j is personal', (text) => {
    expect(isPersonal(normalizeText(text))).toBe(true);
  });

  it.each([
    'what is k2',
    'how much k2 is in natto',
    'does k2 affect warfarin',
    'mk4 vs mk7',
    'i have a question about natto',
    'on average how much k2 is in gouda',
  ])('%j is general', (text) => {
    expect(isPersonal(normalizeText(text))).toBe(false);
  });
});

describe('anticoagulant mentions (the warning leads)', () => {
  it.each([
    ['can i take k2 with warfarin', true],
    ['on Coumadin', true],
    ['blood thinners and natto', true],
    ['xarelto?', true],
    ['my INR dropped', true],
    ['how much k2 in natto', false],
    ['k2 and blood clotting', false],
  ])('mentionsAnticoagulant(%j) = %s', (text, expected) => {
    expect(mentionsAnticoagulant(normalizeText(text))).toBe(expected);
  });
});

// Blind round 36: urgent replies opened with a list of symptoms, and graders read the instruction
// only in the third sentence; a crisis with the pills already swallowed got the crisis line without
// poison control.
describe('urgent notices: what to do comes first', () => {
  it.each([
    'on warfarin, my nose has been pouring blood for an hour',
    'sudden crushing pain in my chest spreading to my arm',
    'my mums face is drooping and her speech is slurred',
    'my tongue is swelling up after the new k2 capsule',
    'my calf is red, hot and swollen and i take xarelto',
    'my 3 year old swallowed a handful of my k2 softgels',
    'i swallowed a whole bottle of pills on purpose an hour ago',
  ])('%j: the first sentence says whom to call now', (text) => {
    const notice = gate(text).notice ?? '';
    const first = notice.split(/(?<=[.!?])\s/)[0] ?? '';
    expect(first).toMatch(/\bcall\b/i);
    expect(first).toMatch(/\bnow\b/i);
  });

  it('a crisis with the pills already swallowed gets poison control, then the crisis line', () => {
    expect(gate('took all 40 of my d3 k2 gummies an hour ago, i dont want to be here anymore').notice).toBe(
      CRISIS_AFTER_OVERDOSE_NOTICE,
    );
  });

  it.each([
    'i dont want to be here anymore, thinking about taking all my pills tonight',
    'whats the point of any of it. if i swallowed every pill i have would it end',
  ])('%j: a crisis with nothing swallowed yet gets the crisis line alone', (text) => {
    expect(gate(text).notice).toBe(CRISIS_NOTICE);
  });
});
