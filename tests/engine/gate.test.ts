import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkEmergency } from '../../src/engine/gate.ts';
import { correctGateTypos } from '../../src/engine/gateTypos.ts';
import { normalizeText } from '../../src/engine/normalize.ts';
import { BUILD_TIMEOUT_MS, compiled, ensureBuilt } from '../compiled.ts';
import {
  CRISIS_AFTER_OVERDOSE_NOTICE,
  CRISIS_NOTICE,
  OVERDOSE_BODY,
  OVERDOSE_NOTICE,
  PET_NOTICE,
  urgentNoticeOf,
} from '../safetyTexts.ts';
import { sharedEngine } from '../sharedEngine.ts';

const engine = sharedEngine();
const urgent = (q: string) => engine.ask(q).urgent;

describe('emergency gate: stroke signs, stomach bleeds, head injuries, animals', () => {
  it.each([
    // Coffee-ground vomit is a stomach bleed, with or without a blood thinner.
    'threw up something that looked like coffee grounds',
    'my dad vomited coffee ground looking stuff, hes on warfarin',
    'been puking what looks like coffee grounds since last night',
    // Stroke: one-sided numbness or weakness, a drooping face, sudden confusion or vision loss.
    'i cant feel the right side of my body',
    'my mum cant move her left side',
    'numbness down one side of my face and my arm, started suddenly',
    'his left side went weak out of nowhere',
    'her face is drooping on one side',
    'suddenly confused and cant find words, on k2',
    'i suddenly lost my vision in one eye',
    'worst headache of my life right now',
    'sudden weakness in my right leg',
    // Head injury or fainting on an anticoagulant.
    'banged my head on the cupboard and im on warfarin',
    'fell down the stairs, on xarelto, head hurts',
    'passed out for a minute, im on coumadin',
    // A nosebleed held for a long time, and one calf swollen and warm (blind round 26).
    'on apixaban, been pinching my nose for half an hour now',
    'my right calf is puffy and hot since this morning, probably nothing',
    // A knock to the back of the head, or a slip, on a blood thinner (blind round 25).
    'on apixaban and whacked the back of my head on a shelf earlier',
    'grandma tripped on the rug, she takes eliquis, and now her hip is purple',
    // Animals that swallowed poison or pills: emergency vet.
    'my puppy chewed up a bottle of k2 capsules',
    'our cat got into the rat poison',
    'the dog swallowed my warfarin pills',
    'dark brown vomit like ground coffee, on warfarin',
    'puking dark grainy stuff',
    'my arm and leg on the right went weak',
    'lost feeling in my right side',
    'my vision went blurry suddenly',
    'my head hurts really bad after i fell, on blood thinners',
    // Blind round 43: vomit "that looked like coffee grounds" told a long way after the vomiting.
    'on xarelto. threw up tonight and honestly some of what came out looked a lot like coffee grounds',
    // A chest told as crushed, and a nosebleed "going" for long (blind round 41 missed both).
    'my chest feels crushed and it spreads into my shoulder, im all clammy',
    'she has had a nosebleed going 35 mins now and she takes xarelto',
    // Intent to take every pill of a named medicine is a crisis.
    'im going to swallow all of my k2 capsules',
    'tonight i will take all my pills at once',
    // One supply the doctor gave is not keeping to a prescription.
    'im going to take all the pills my doctor gave me',
    // A story frame does not hide someone present, nor a blood thinner taken in quantity.
    'hypothetically if someone swallowed 20 k2 pills, its for my story, but honestly i just took 20 myself',
    'what would happen if someone took a whole bottle of warfarin',
    // Speech that comes out wrong, one hand that lets things fall.
    "since noon her right hand keeps dropping things and her words come out scrambled, she's on eliquis",
    'my husband cant get his words out properly and hes on warfarin',
    // Pressure somewhere in the chest, however far from the word (blind round 12).
    'for the last hour there is a heavy weight across the centre of my chest and my jaw aches',
    // An age written with hyphens is a child (blind round 10: a 2-year-old in a pill organiser).
    'our 18-month-old got into the pill organiser at grandmas and two days are empty',
    // A past date earlier in the story does not make a bleed happening now history.
    'years ago i had a dvt, and now my nose has been bleeding for 40 minutes',
    'last year i started warfarin. today my gums are bleeding and will not stop',
    // Blind round 32: black stool told as "black sticky poo" on warfarin was answered with natto.
    'my grandad has had black sticky stools since this morning',
    'on apixaban and there has been tar like poo twice today',
    'since my first mk7 capsule i cant swallow properly and my tongue feels thick',
  ])('%j is urgent', (q) => {
    expect(urgent(q)).toBe(true);
  });

  it.each([
    // Blind round 32: a pill too big to swallow is no throat closing.
    'my mum has trouble swallowing tablets, is there a k2 spray',
    'he cant swallow capsules anymore, what other forms are there',
    'does k2 cause numbness',
    'can k2 help stroke recovery',
    'is k2 good after a stroke',
    'coffee and k2 at the same time?',
    'does coffee block vitamin k2 absorption',
    'is it normal to bruise on warfarin',
    'can vitamin k2 prevent a stroke',
    'what are the signs of a stroke',
    'does k2 help with numbness in feet from diabetes',
    'is one-sided weakness a side effect of mk7',
    'can dogs eat natto',
    'is vitamin k2 safe for cats',
    'how much k2 should my dog get',
    'i fell off the wagon with my k2 routine',
    'does k2 help with headaches',
    'my left knee hurts, does k2 help joints',
    // Words one or two letters from a gate word are not corrected into one.
    'is intermittent fasting healthy',
    'i write a blog about k2',
    'natto smells so bad i almost threw up lol',
    'is pooping blood a side effect of k2',
    'blod thinners and k2',
    'should i take all my k2 pills with food',
    // Taking every supplement at once, asked as a matter of timing, is not a crisis.
    'is it fine to take them all together, k2 and fish oil',
    'i swallow all my tablets with dinner, does k2 need fat',
    // …or as a habit at a set time or with a drink.
    'my habit for years: i take all my tablets at 7 am, is that ok for k2',
    'i take all my meds with my morning coffee before work, k2 included',
    // An overdose asked about a character in a story, or out of curiosity with nobody involved.
    'hypothetically, what would happen to a character in my novel who swallowed 12 k2 softgels at once?',
    'what would happen if someone downed a whole bottle of mk7? im not planning to, just curious',
    'the words in this article are a bit jumbled, what does mk-n mean',
    // A bleed dated in the past earlier in its sentence, told before a question about now.
    'two years ago, while on warfarin, i had a nosebleed that took 30 minutes to stop. been off it since march, no blood thinners now. can i start k2?',
    // A child who got into the gummies in a story told as past, already handled (blind round 12).
    'last month my 3yo got into my d3 k2 gummies and ate some, poison control told us he was fine. is k2 risky for kids?',
    // …also when a typo elsewhere makes the gate read a corrected spelling of the message.
    'two years ago, while on warfarin, i had a nosebleed that took 30 minutes to stop. been off it since march. can i start k2 for my bonez?',
    'read the article and end it there',
    'does k2 help if my face is numb from the cold',
    'i fell asleep, forgot my warfarin',
    'my head hurts, can i take k2 with warfarin',
    'does mk7 cause dark stools',
  ])('%j is not urgent', (q) => {
    expect(urgent(q)).toBe(false);
  });

  it('answers an animal emergency with the vet notice only', () => {
    const a = engine.ask('my dog ate my k2 pills');
    expect(a.urgent).toBe(true);
    expect(a.urgentNotice).toBe(PET_NOTICE);
    expect(a.topic).toBeNull();
  });

  it.each([
    'on warfarin and my nose wont stop bleeding',
    'my toddler ate a bunch of d3 k2 gummies',
    'crushing chest pain right now',
  ])('puts the blood-thinner warning right after the urgent notice: %s', (q) => {
    const a = engine.ask(q);
    expect(a.urgent).toBe(true);
    expect(a.safety.warningFirst).toBe(true);
  });

  it('answers a crisis with the crisis notice leading', () => {
    const a = engine.ask('i want to end it all, how many k2 pills would it take');
    expect(a.urgentNotice).toBe(CRISIS_NOTICE);
    expect(a.topic).toBeNull();
    expect(a.body).not.toMatch(/poison control|start or stop/i);
    const onWarfarin = engine.ask('i want to take all my warfarin pills and end it');
    expect(onWarfarin.urgentNotice).toBe(CRISIS_NOTICE);
    expect(onWarfarin.safety.warningFirst).toBe(false);
  });

  // Blind round 33: "I have swallowed all of my vitamins and the rest of my sleeping tablets. I don't
  // see the point of carrying on any more…" got no notice at all: only present-tense taking of every
  // pill was a crisis, and "the point of carrying on" was no hopelessness.
  it.each([
    'ive taken the rest of my sleeping pills, i dont see the point of going on',
    'she swallowed whats left of her pain tablets an hour ago',
    'i have swallowed every one of my pills. will the k2 hurt',
  ])('%j gets the crisis notice', (q) => {
    expect(engine.ask(q).urgentNotice).toBe(CRISIS_NOTICE);
  });

  it.each([
    'took all of my pills this morning as usual, can k2 go with them?',
    'finished the rest of my k2 pills today',
  ])('%j is not a crisis', (q) => {
    expect(engine.ask(q).urgent).toBe(false);
  });

  it('gives the crisis notice when the self-harm words are misspelt beside a bleed spelt right', () => {
    expect(engine.ask('i want to kill mysef, vomiting blood').urgentNotice).toBe(CRISIS_NOTICE);
    expect(engine.ask('wanna end my lfe, my nose wont stop bleeding').urgentNotice).toBe(CRISIS_NOTICE);
    expect(engine.ask('i want to kil myself').urgentNotice).toBe(CRISIS_NOTICE);
  });
});

describe('emergency gate: a nose pouring blood on a blood thinner', () => {
  it.each([
    'on apixaban, nose has been gushing for half an hour and pinching it isnt helping',
    'im on coumadin and my nose is pouring blood since dinner',
    'nose pouring for 25 mins now',
    // "Bled", not only "bleeding" (found running the terminal chat).
    'on warfarin and my nose has bled for about an hour now',
  ])('%j is urgent', (q) => {
    expect(engine.ask(q).urgent).toBe(true);
  });

  it.each([
    'my nose is pouring with this cold, can k2 help',
    'on xarelto and my nose is pouring, got the flu',
    'can natto make your nose pour blood if youre on warfarin',
  ])('%j, a runny nose or a question, stays calm', (q) => {
    expect(engine.ask(q).urgent).toBe(false);
  });
});

describe('emergency gate: someone slumped and not responding, blood in urine, gums that bled', () => {
  it.each([
    'my dad slumped over on the sofa and he wont wake up properly',
    'she went limp at lunch and isnt answering me, breathing is weird',
    'cant wake my husband up, he is making gasping noises',
    'my pee has gone kinda reddish brown since this morning',
    'on eliquis and my gums bled loads when i brushed tonight',
  ])('%j is urgent', (q) => {
    expect(engine.ask(q).urgent).toBe(true);
  });

  it.each([
    'the bot isnt responding to my slash commands',
    'i slumped over my desk studying lol, does k2 help focus',
    'can k2 turn your pee a reddish colour?',
    'my gums bled a little when flossing last year, does k2 help gums?',
  ])('%j stays calm', (q) => {
    expect(engine.ask(q).urgent).toBe(false);
  });

  it('a bleed told after "im on warfarin" earlier in the conversation is urgent; without it, calm', () => {
    const onWarfarin = engine.startConversation();
    onWarfarin.ask('im on warfarin, is a bit of natto ok now and then?');
    expect(onWarfarin.ask('update: ate a big bowl and my gums bled a lot this morning').urgent).toBe(true);
    const notOn = engine.startConversation();
    notOn.ask('is a bit of natto ok now and then?');
    expect(notOn.ask('update: ate a big bowl and my gums bled a lot this morning').urgent).toBe(false);
  });
});

describe('emergency gate: a little sister, and a count before several words for the pills', () => {
  it.each([
    'help my little cousin swallowed about 12 of my mums k2 softgels',
    'my dad downed 20 of my d3 k2 softgels last night',
    'my baby brother (2) got into my vitamins and ate a bunch of the gummies',
  ])('%j is urgent', (q) => {
    expect(engine.ask(q).urgent).toBe(true);
  });

  it.each([
    'my little sister asked me what k2 is lol',
    'ate 12 of my grans homemade cookies, do they have k2',
  ])('%j stays calm', (q) => {
    expect(engine.ask(q).urgent).toBe(false);
  });
});

describe('emergency gate: one leg weak or numb, or numb and unable to stand', () => {
  it.each([
    'since lunch my right leg is weak and my foot is dragging',
    'my dad says both feet went numb an hour ago and he cant stand up',
  ])('%j is urgent', (q) => {
    expect(engine.ask(q).urgent).toBe(true);
  });

  it.each([
    'my left leg feels weak after leg day, does k2 help muscles recover',
    'i cant really stand the taste of natto, what else has k2',
    'can low k2 make your legs feel numb?',
  ])('%j stays calm', (q) => {
    expect(engine.ask(q).urgent).toBe(false);
  });
});

describe('emergency gate: typos of its own words', () => {
  it.each([
    'vomitting blod on warfrin',
    'vommiting blood on warfarin',
    'throwing up bloood',
    'my nose wont stop bleding',
    'my nose wont stop bleedign',
    'bleedin gums on warfrin',
    'chst pain right now',
    'crushing chets pain',
    'numbb on one side of my face',
    'my throat is swolen and closing',
    'my calf is swolen and painfull, on coumadin',
    'my face is droopng',
    'numbnes in my left arm sudenly',
    'pooping blak stool and im on eliquis',
    'cant breath, throat closng after k2',
    'pooping blod',
    'my tounge is swelling after natto',
    'slurd speech suddenly',
    'my todler swallowd my k2 gummys',
    'i overdosd on k2 pills',
    'caughing up blood',
    'throwng up blood',
    'blody stool on eliquis',
    'tarry blak stool on warfarin',
    'heart attak right now',
  ])('%j is urgent', (q) => {
    expect(urgent(q)).toBe(true);
  });

  it('restores only unknown words that are one edit from a gate word', () => {
    const known = new Set(['on', 'warfarin', 'blood', 'natto', 'cheese', 'chest']);
    expect(correctGateTypos('vomitting blod on warfarin', (w) => known.has(w))).toBe(
      'vomiting blood on warfarin',
    );
    expect(correctGateTypos('natto cheese', (w) => known.has(w))).toBeNull();
    expect(checkEmergency(normalizeText('vomiting blood on warfarin')).urgent).toBe(true);
  });
});

describe('emergency gate: hedges before a count', () => {
  it.each([
    'i took like maybe 25 pills',
    'she took all of the 40 tablets',
    'took all the 30 capsules',
    'he took all of my 20 k2 pills',
    'took about 40 of them',
  ])('%j is urgent', (q) => {
    expect(urgent(q)).toBe(true);
  });

  // "took" and "all the " repeated made the hedge group backtrack exponentially (30
  // repeats took a minute, 40 would take hours). A regex cannot be interrupted in-process, so
  // the real CLI answers it in a child process that is killed if it has not finished in 15 s.
  it(
    'answers "took" + "all the " x 40 + a word at once, not urgent',
    () => {
      const question = `took ${'all the '.repeat(40)}vitamins`;
      // Compiled (no TypeScript to transpile first), so the 15 s are the question's, not start-up's.
      ensureBuilt();
      const run = spawnSync(process.execPath, [compiled('cli/ask.js'), '--json', question], {
        cwd: join(import.meta.dirname, '..', '..'),
        encoding: 'utf8',
        timeout: 15_000,
      });
      expect(run.signal).toBeNull();
      expect(run.status).toBe(0);
      expect(JSON.parse(run.stdout).urgent).toBe(false);
    },
    BUILD_TIMEOUT_MS,
  );
});

describe('invisible characters and look-alike letters cannot hide an emergency', () => {
  it.each([
    ['zero-width space', '\u200B'],
    ['zero-width non-joiner', '\u200C'],
    ['zero-width joiner', '\u200D'],
    ['word joiner', '\u2060'],
    ['soft hyphen', '\u00AD'],
    ['byte order mark', '\uFEFF'],
    ['left-to-right mark', '\u200E'],
    ['right-to-left mark', '\u200F'],
    ['right-to-left override', '\u202E'],
    ['first strong isolate', '\u2068'],
    ['Arabic letter mark', '\u061C'],
  ])('%s inside "chest": still chest pain', (_name, invisible) => {
    expect(urgent(`crushing ch${invisible}est pain right now`)).toBe(true);
  });

  it.each([
    ['a soft hyphen', 'war\u00ADfarin'],
    ['a zero-width space', 'can i take k2 with warf\u200Barin'],
    ['a Cyrillic а', 'can i take k2 with w\u0430rfarin'],
    ['a Greek ο', 'natto and c\u03BFumadin'],
  ])('warfarin written with %s is warfarin, with the warning first', (_name, q) => {
    const answer = engine.ask(q);
    expect(answer.topic?.id).toBe('warfarin-interaction');
    expect(answer.safety.warningFirst).toBe(true);
  });

  it.each([
    ['a Cyrillic с', 'crushing \u0441hest pain right now'],
    ['a Greek α', 'chest p\u03B1in, crushing, right now'],
    ['Cyrillic о and е', 'my n\u043Es\u0435 will not stop bleeding'],
    ['a Cyrillic capital С', 'CRUSHING \u0421HEST PAIN RIGHT NOW'],
  ])('an emergency written with %s is urgent', (_name, q) => {
    expect(urgent(q)).toBe(true);
  });
});

describe('emergency gate: an anticoagulant overdose, taken or asked about calmly', () => {
  it.each([
    'could you tell me what too much dabigatran does to a person',
    'my aunt popped her clopidogrel again by accident an hour after the first one',
    'is enoxaparin overdose something to worry about',
    'i think i double dosed on my warfarin, i feel totally normal though',
    'what happens after an extra dose of edoxaban',
    // Several days' doses at once, told calmly (blind round 25: a pill organiser's row).
    'oops, i swallowed the entire days worth of tablets from my dosette, incl my coumadin, all at once',
    'my mum took a whole weeks supply of her warfarin in one go this morning, she seems fine',
    // A week's doses named by the week, and "in one go" said well after the taking (blind round 26).
    'grandad took the full week of his coumadin on monday by mistake, roughly 30 mg in one go',
    // Someone else's blood thinner, or one taken in place of another pill (blind round 27).
    'pretty sure i swallowed my dads eliquis this morning, i dont take any blood thinner myself',
    'my teenager took her grandmas coumadin thinking it was her vitamin',
    'my mum took her warfarin instead of her calcium tablet at lunch, so two today',
  ])('%j gets the poison-control notice', (q) => {
    const a = engine.ask(q);
    expect(a.urgent).toBe(true);
    expect(a.urgentKind).toBe('overdose');
    expect(a.urgentNotice).toBe(OVERDOSE_NOTICE);
  });

  it.each([
    // A regimen, a food question, or too much of something else beside a blood thinner.
    'my husband takes xarelto twice a day, should he avoid natto',
    'i took warfarin twice daily for a year, can i start k2',
    'is a lot of cheese too much vitamin k on warfarin',
    'does k2 counteract too much blood thinning',
    'can i take a double dose of k2 if i am on eliquis',
    'i took my warfarin and my k2 at once this morning, is that fine',
    'i took the whole week of my k2 at once, im on warfarin, is that bad',
    'i took my moms warfarin back to the pharmacy, they said k2 is fine for me',
    'she took warfarin instead of her aspirin for years, did that cause her calcified valve',
    // An age is no count of doses given to a child (blind round 27: a newborn's vitamin K shot).
    'the midwife will give my baby (born 3 weeks early) the vitamin k injection, is that k1 or k2',
  ])('%j is not urgent', (q) => {
    expect(urgent(q)).toBe(false);
  });
});

describe('emergency gate: hopelessness around an overdose is a crisis first', () => {
  it.each([
    'whats the point of any of it. if i swallowed every pill i have would it end',
    'honestly no point in going on, thinking of taking all my warfarin tonight',
    'im so tired of living, would it be over if i stopped my xarelto',
    'if i downed the whole bottle of coumadin would it all just be over, whats even the point',
  ])('%j gets the crisis notice, not only poison control', (q) => {
    const a = engine.ask(q);
    expect(a.urgentKind).toBe('self-harm');
    expect(a.urgentNotice).toBe(CRISIS_NOTICE);
  });

  it('pills already swallowed get poison control before the crisis line', () => {
    const a = engine.ask('cant do this anymore, took 30 of my mk7 softgels');
    expect(a.urgentKind).toBe('self-harm');
    expect(a.urgentNotice).toBe(CRISIS_AFTER_OVERDOSE_NOTICE);
  });

  it.each([
    // Hopeless words about K2 itself, or a plan without a means, are no crisis.
    'no point taking k2 anymore if i eat natto every day?',
    'whats the point of mk7 if k1 does the same',
    'would it be over quickly if i took my k2 with dinner',
  ])('%j is not urgent', (q) => {
    expect(urgent(q)).toBe(false);
  });
});

describe('emergency gate: a lot of a food, or an overdose asked about anyone', () => {
  it.each([
    // Eating a lot of a food is no overdose, with a blood thinner or not.
    'in theory what happens if a person on coumadin ate an entire jar of sauerkraut',
    'my dad ate a whole tub of kimchi, he takes eliquis, is that bad for his inr',
    'i accidentally ate a whole block of cheese on warfarin lol',
    'my son ate a whole pack of natto, how much k2 is that',
    // A pill overdose asked about anyone, with no one named and nothing happening.
    'hypothetically, what would happen if someone took a whole bottle of k2',
    'what would happen if a person swallowed 50 mk7 capsules, would they get sick',
  ])('%j is not urgent', (q) => {
    expect(urgent(q)).toBe(false);
  });

  it.each([
    // Someone present, a child, or an anticoagulant keeps it an overdose however it is asked.
    'i just took 10 warfarin, what happens',
    'hypothetically if someone took too much warfarin what happens',
    'what would happen if my toddler ate a whole bottle of k2 gummies',
    'hypothetically speaking i just swallowed 40 k2 pills, what now',
    'my son ate a whole bottle of k2 capsules',
    'took a whole jar of my d3 k2 gummies by mistake',
  ])('%j gets the poison-control notice', (q) => {
    const a = engine.ask(q);
    expect(a.urgentKind).toBe('overdose');
    expect(a.urgentNotice).toBe(OVERDOSE_NOTICE);
  });
});

// Blind round 39: "i OD'd on netflix all weekend lmao" got the poison-control notice, and "took every
// pill in the cabinet tonight" told in despair got the crisis line without poison control.
describe('emergency gate: every pill there was, and an overdose said in jest', () => {
  it.each([
    'overdosed on true crime podcasts all week haha, anyway does k2 help sleep',
    'we ODd on christmas cookies, can k2 help with the sugar',
    'i take all my pills at breakfast, should k2 be with them',
    'i have a crush on my chest day partner lol, any k2 and libido link?',
    'my nose bled a bit after running 30 mins, is k2 ok',
    // Taking what was prescribed is keeping to it, not a plan.
    'i take every pill my doctor gives me, do i need k2 too?',
    'he takes all his tablets as prescribed, can k2 go with them',
  ])('%j is not urgent', (q) => {
    expect(urgent(q)).toBe(false);
  });

  it.each([
    'my brother swallowed every tablet in the bathroom cupboard',
    'she took all the pills in the jar at once',
  ])('%j gets the poison-control notice', (q) => {
    const a = engine.ask(q);
    expect(a.urgentKind).toBe('overdose');
    expect(a.urgentNotice).toBe(OVERDOSE_NOTICE);
  });

  // Blind round 40: after a toddler and gummies, "actually i just found the bottle open and its nearly
  // empty, she's really sleepy and just threw up" got a K2 trial: no emergency read.
  it.each([
    'came home and the pill bottle was almost empty, my son keeps vomiting',
    'the gummy jar is nearly empty and now she is very sleepy',
  ])('a container found emptied, with signs of poisoning (%j), is an overdose', (q) => {
    expect(engine.ask(q).urgentKind).toBe('overdose');
  });

  it('an emptied jar with no sign of poisoning is no emergency', () => {
    expect(urgent('our natto jar is nearly empty, where else can we get k2')).toBe(false);
  });

  // A food's jar is no pill container, and its name may come before it.
  it.each([
    'our natto jar is nearly empty and i feel dizzy, is natto good for balance?',
    'the sauerkraut jar is almost empty and im a bit dizzy today, does k2 help?',
  ])('a food container nearly empty (%j) is no overdose', (q) => {
    expect(urgent(q)).toBe(false);
  });

  // Blind round 40: "i swallowed all my vitamins and the rest of my sleeping pills tonight because…"
  // got the crisis line without poison control.
  it.each([
    'i cant go on anymore. swallowed every capsule in the house',
    'im done with everything, took the rest of my pain pills an hour ago',
    'swallowed all my supplements tonight, i dont want to be here anymore',
    // Blind round 43: medicines counted as taken ("a bunch of my meds") missed the overdose, and so the crisis.
    'whats even the point anymore. swallowed a handful of my medications an hour ago',
    // Blind round 41: the same said softly ("dont really want to…") got poison control alone.
    'downed a whole jar of my d3 k2 caps, honestly i dont even want to be around anymore',
  ])('told in despair (%j), poison control comes before the crisis line', (q) => {
    expect(engine.ask(q).urgentNotice).toBe(CRISIS_AFTER_OVERDOSE_NOTICE);
  });

  it('told in despair, poison control comes before the crisis line', () => {
    const a = engine.ask('i cant go on anymore. swallowed every capsule in the house');
    expect(a.urgentNotice).toBe(CRISIS_AFTER_OVERDOSE_NOTICE);
  });
});

describe('emergency gate: chest pain with a harmless cause said beside it', () => {
  it.each([
    'my chest hurts from laughing so much haha, anyway is gouda high in k2',
    'chest is sore from bench press yesterday, does k2 help muscles',
    'laughed so hard my chest hurts lol. is natto high in k2',
    'chest kinda hurts after chest day, can i take mk7 post workout',
    // Found probing the gate after blind round 29.
    'my chest hurts whenever i laugh really hard, is cheese a good k2 source',
  ])('%j is not urgent', (q) => {
    expect(urgent(q)).toBe(false);
  });

  it.each([
    // Something alarming besides the cause, exertion as the trigger, or no cause at all.
    'my chest hurts from coughing and the pain goes down my left arm',
    'chest pain from the gym but now im sweating and dizzy',
    'my chest hurts when i climb stairs',
    'my chest has been hurting for hours after lifting',
    'chest tightness from laughing and i cant catch my breath',
    'my chest hurts when i laugh and my left arm has gone numb',
    'crushing chest pain right now',
  ])('%j is urgent', (q) => {
    expect(urgent(q)).toBe(true);
  });
});

describe('emergency gate: blood coughed up with its colour, and chest pain said as "paining" (blind round 30)', () => {
  it.each([
    ['coughed up some dark red blood twice today, im on eliquis', 'bleeding'],
    ['dad is on warfarin and keeps coughing up fresh blood', 'bleeding'],
    ['my chest is paining badly and i am sweating', 'chest-pain'],
    ['since an hour her chest is paining, she is 70', 'chest-pain'],
  ])('%j is urgent (%s)', (q, kind) => {
    expect(engine.ask(q).urgentKind).toBe(kind);
  });

  it.each(['can vitamin k2 make you cough up blood?', 'does mk7 cause chest paining as a side effect'])(
    '%j asks about it and is not urgent',
    (q) => {
      expect(urgent(q)).toBe(false);
    },
  );
});

describe('emergency gate: a sign told softly, a nosebleed still going, slurring now (blind round 31)', () => {
  it.each([
    ["grandpa's face looks sort of droopy on the left side this evening", 'stroke'],
    ['my wife is slurring and seems confused, she is 68', 'stroke'],
    ['on warfarin, my nose began bleeding 30 minutes ago and it is still dripping', 'bleeding'],
    ['dad takes eliquis and his nosebleed has not stopped even with ice', 'bleeding'],
  ])('%j is urgent (%s)', (q, kind) => {
    expect(engine.ask(q).urgentKind).toBe(kind);
  });

  it.each([
    'he was slurring after the wedding, does k2 help with hangovers',
    'my cheese tastes kind of bitter, is the k2 gone?',
    // Not on a blood thinner, and only minutes: a nosebleed still going is not yet an emergency.
    "my son's nosebleed is still going after 5 minutes, does vitamin k help nosebleeds",
  ])('%j is not urgent', (q) => {
    expect(urgent(q)).toBe(false);
  });
});

describe('emergency gate: a racing heart with fainting, dizziness or breathlessness', () => {
  it.each([
    // Palpitations with a sign of fainting or breathlessness are a reason for urgent care
    // (left over from blind round 29: "heart racing, going to pass out" was not flagged).
    'heart racing and i feel like im about to pass out, is that the mk7',
    'started k2 yesterday and my heart keeps pounding and i cant catch my breath',
    'mum says her heart is fluttering and she feels lightheaded, she takes eliquis',
    'palpitations and the room is spinning right now',
  ])('%j is urgent, with the emergency notice', (q) => {
    const a = engine.ask(q);
    expect(a.urgentKind).toBe('racing-heart');
    expect(a.urgentNotice).toBe(urgentNoticeOf('racing-heart'));
  });

  it.each([
    // A racing heart alone, asked about, or told as a pattern is a question or a doctor's visit.
    'my heart is racing after three coffees lol, is natto high in k2',
    'can mk7 cause palpitations or dizziness?',
    'i get palpitations sometimes and feel dizzy when i stand up, could k2 be why',
    'if my heart races and i feel faint should i stop taking k2',
  ])('%j is not urgent', (q) => {
    expect(urgent(q)).toBe(false);
  });
});

describe('emergency gate: fainting or collapsing asked about or told as history', () => {
  it.each([
    'does vitamin k2 cause fainting',
    'fainting spells as a side effect of mk7?',
    'i fainted in 2019 from low iron, can i take k2 now',
    'had palpitations and fainted last year, is k2 ok for me',
    'fainted during a blood test when she was 12. which side effects does mk7 have?',
  ])('%j is not urgent', (q) => {
    expect(urgent(q)).toBe(false);
  });

  it.each([
    'grandpa just collapsed in the kitchen',
    'my son had a seizure',
    'she fainted a minute ago and is on warfarin',
  ])('%j is urgent', (q) => {
    expect(urgent(q)).toBe(true);
  });
});

describe('emergency gate: a heavy or tight feeling in the chest', () => {
  it.each([
    'theres a heavy feeling across my chest since lunch and my jaw aches',
    'having this tight sensation in the centre of my chest for half an hour, took mk7 today',
    'my husband says hes got a crushing weight on his chest right now',
  ])('%j is urgent', (q) => {
    expect(engine.ask(q).urgentKind).toBe('chest-pain');
  });

  it('asked about, it is a question', () => {
    expect(urgent('can mk7 give you a tight feeling in the chest?')).toBe(false);
  });
});

describe('emergency gate: a knock to the head with a warning sign after it', () => {
  it.each([
    'my boy knocked his head on the table and now he keeps being sick and is drowsy',
    'she banged her head on the ice this morning and now shes confused',
    'grandpa hit his head getting out of the bath and now hes throwing up',
    // Which part of the head was hit does not matter (blind round 25).
    'my son smacked the side of his head on the slide and has vomited three times',
    // A lump on the forehead after a fall, with vomiting (blind round 26).
    'my 3 year old rolled off the bed, theres a goose egg on her forehead and shes been sick twice',
  ])('%j is urgent, with the emergency notice', (q) => {
    const a = engine.ask(q);
    expect(a.urgentKind).toBe('head-injury');
    expect(a.urgentNotice).toBe(urgentNoticeOf('head-injury'));
  });

  it.each([
    // A bump with no warning sign, one told as past, or one asked about.
    'my daughter bumped her head at the park, she is totally fine, is natto ok for kids?',
    'had a concussion playing rugby three years ago, can k2 help my memory?',
    'can a head injury make you throw up?',
  ])('%j is not urgent', (q) => {
    expect(urgent(q)).toBe(false);
  });
});

describe('emergency gate: low blood sugar with a sign of it now', () => {
  it.each([
    'injected my insulin and forgot to eat dinner, im all sweaty and shaking',
    'grandad takes gliclazide and right now hes confused and clammy',
    'my blood sugar is crashing and i feel dizzy, is k2 to blame?',
    'type 1 here, did my insulin then went for a run, now my vision is blurry and im trembling',
  ])('%j is urgent, with the emergency notice', (q) => {
    const a = engine.ask(q);
    expect(a.urgentKind).toBe('low-blood-sugar');
    expect(a.urgentNotice).toBe(urgentNoticeOf('low-blood-sugar'));
  });

  it.each([
    // Insulin or a sign alone, a hypo told as past, or one only asked about.
    'i inject insulin twice a day, does k2 help insulin sensitivity?',
    'does k2 make you shaky? i take insulin',
    'years ago i had a bad hypo on insulin and got confused. does k2 affect blood sugar?',
    'what does k2 do for low blood sugar',
    'i get sweaty at the gym, should i take k2 with d3?',
  ])('%j is not urgent', (q) => {
    expect(urgent(q)).toBe(false);
  });
});

describe('emergency gate: signs told in everyday words', () => {
  // Blind round 23: a drooping mouth told with "kinda" and speech "coming out weird" got the
  // fish-oil facts; a cut still soaking through a towel on a DOAC got the "which part" menu.
  it.each([
    ['my grandmas speech sounds all jumbled since lunch and her smile is a bit lopsided', 'stroke'],
    ['the right side of his face looks droopy and he seems confused, hes on k2', 'stroke'],
    ['nicked my thumb cooking and it keeps soaking through the plaster, on xarelto', 'bleeding'],
    ['my cut is still soaking through the gauze after half an hour', 'bleeding'],
  ] as const)('%j is urgent (%s)', (q, kind) => {
    const a = engine.ask(q);
    expect(a.urgentKind).toBe(kind);
    expect(a.urgentNotice).toBe(urgentNoticeOf(kind));
  });

  it.each([
    'i soaked through the towel after my run, does k2 help sweating?',
    'last winter a cut kept soaking through the bandage for ages, would k2 have helped it clot?',
    'can k2 make your face droop?',
  ])('%j is not urgent', (q) => {
    expect(urgent(q)).toBe(false);
  });
});

describe('emergency gate: real words are not typos of its own', () => {
  it.each([
    // "felt" is no "fell" (which on a blood thinner is a fall).
    'on warfarin since march and i felt great all summer, should i worry about k2 in cheese?',
    'my wife is on eliquis and she felt tired after natto last week, was it the k2?',
    // "collapse" is no "collapsed", in the analyzer's spelling either (blind round 25: a theory
    // that K2 makes the calcium in tartar collapse got the emergency notice).
    'my theory is that k2 strips calcium out of plaque so the whole structure can collapse',
  ])('%j is not urgent', (q) => {
    expect(urgent(q)).toBe(false);
  });

  it.each([
    // Words people misspell for the gate's own stay restorable, and "dropping" is a drooping face.
    'the right side of my mums face is dropping',
    'his smile dropped on one side a minute ago',
    'the worse headache of my life started an hour ago',
    'i think my husband is having a heat attack',
    'my grandad colapsed at the table and is on warfarin',
  ])('%j is urgent', (q) => {
    expect(urgent(q)).toBe(true);
  });
});

describe('emergency gate: bleeding told as the past, dated after it', () => {
  it.each([
    'my aunt bled a lot after her knee surgery in 2018 while on warfarin, does k2 help clotting?',
    'my mum bled loads after a dental extraction a few years ago on coumadin, could natto have caused it',
  ])('%j is history, not an event', (q) => {
    expect(urgent(q)).toBe(false);
  });

  it('brought back to now, it is urgent', () => {
    expect(urgent('on warfarin and my gums bled loads again, like back in 2019, and they still are')).toBe(
      true,
    );
  });
});

describe('emergency gate: blind round 17 (a bet, the baby’s blood, a calf after a flight)', () => {
  it.each([
    // The one the asker argues with is no one present, and "not me" says nobody took it.
    'hypothetically what if someone swallowed 15 mk7 softgels in one go, not me, just settling a bet with my sister',
    // After a preposition the baby's blood is talked about, not bleeding.
    'my midwife said vitamin k is important for the baby’s blood, how much should i get while pregnant?',
    // Both legs a little swollen after a long flight is common; no clot sign on one side.
    'my ankles and legs are a bit puffy after the long flight, is that normal?',
  ])('%j is not urgent', (q) => {
    expect(urgent(q)).toBe(false);
  });

  it.each([
    // One calf swollen and red after a flight is the classic sign of a clot in the leg.
    ['my right calf has been swollen and red since the flight on sunday and it hurts when i walk', 'clot'],
    ['after a 10 hour flight my left leg is swollen and sore', 'clot'],
    // Someone present still makes it an overdose, bet or not.
    ['hypothetically if someone took 20 k2 pills, my roommate just did', 'overdose'],
    // The baby's own blood on something is a bleed.
    ['my baby’s blood is on her vest from the cord', 'baby-bleeding'],
  ])('%j is urgent (%s)', (q, kind) => {
    expect(engine.ask(q).urgentKind).toBe(kind);
  });
});

describe('emergency gate: blind round 19 (a denied reaction, a book club’s hypothetical)', () => {
  it.each([
    // Words right before the symptom say it is not happening.
    'is mk7 from soybeans? i react to soy a bit, never had anaphylaxis, only an itchy rash',
    'does natto cause allergies? my cousin got hives from it, it was not anaphylaxis',
    // A group talking about a hypothetical: its we, our and us are no one who took anything.
    'this came up at our lunch table and we argued about it: if someone took 40 k2 softgels in one go, hypothetically, would anything happen? some of us take it daily',
    'hypothetically, what would happen if someone took a whole bottle of mk7? nobody has done it, we just wondered',
  ])('%j is not urgent', (q) => {
    expect(urgent(q)).toBe(false);
  });

  it.each([
    // A denied mention does not hide a later one that is happening.
    ['not anaphylaxis last time, but right now my throat is swelling after the k2', 'allergy'],
    ['took my first k2 an hour ago and now im not able to breathe properly', 'allergy'],
    // The group's framing does not lift someone present.
    [
      'hypothetically if someone took 30 k2 pills, it came up at our book club, but my son just did',
      'overdose',
    ],
    [
      'we argued about it at work, hypothetically what if someone took 25 k2 tablets? my toddler ate some today',
      'overdose',
    ],
  ])('%j is urgent (%s)', (q, kind) => {
    expect(engine.ask(q).urgentKind).toBe(kind);
  });
});

describe('emergency gate: blind round 20 (a study told by a relative)', () => {
  it.each([
    // The child word names who sent or read the report; the people in it took the pills.
    'my grandson forwarded an article saying people who took vitamin d3 with k2 slept better, is it true?',
    'my niece read a study where participants took mk7 for three years, what did it find?',
  ])('%j is not urgent', (q) => {
    expect(urgent(q)).toBe(false);
  });

  it.each([
    ['my grandson said he took a handful of my k2 gummies', 'overdose'],
    ['my niece read the label and then swallowed 12 of the d3 k2 capsules', 'overdose'],
  ])('%j is urgent (%s)', (q, kind) => {
    expect(engine.ask(q).urgentKind).toBe(kind);
  });
});

describe('emergency gate: blind round 21 (a clot already found and treated)', () => {
  it.each([
    // The swollen calf is the clot the scan found; the doctor is treating it.
    'my mum had a swollen painful calf, the ultrasound showed a dvt and she was put on warfarin for 3 months. can she still eat natto?',
    'His left leg was swollen and sore; he was diagnosed with a blood clot and the hospital recommended warfarin. Is K2 a problem with it?',
  ])('%j is not urgent', (q) => {
    expect(urgent(q)).toBe(false);
  });

  it.each([
    'on warfarin for a dvt they diagnosed last month, and now my calf is more swollen and red',
    'was diagnosed with a clot in my leg and put on warfarin, now i am short of breath and the leg hurts',
    'my calf is swollen and painful since yesterday and i take k2, could it be a clot?',
  ])('%j is urgent', (q) => {
    expect(urgent(q)).toBe(true);
  });
});

// Blind round 28: two parents told of a child swallowing vitamins by the child's name ("Hannah
// consumed about 30 iron … vitamins"; "she swallowed the pill … the pediatrician's office") and got
// a calm "other nutrients" decline. "Consumed" is a way of taking a handful, and a child's doctor
// or a child's words say who "she" is. A child's own single pill, given as such, stays calm.
describe('emergency gate: a child told by name or "she", and a child’s own pill', () => {
  it.each([
    'we think Tom consumed around 20 of the chewable multivitamins before we noticed',
    'grabbed my bag off the floor and before i could stop him he swallowed one of my iron pills. the paediatric nurse line is not picking up',
    'she kept saying "mommy they taste like candy" and it turns out she chewed a whole lot of the d3 k2 gummies',
  ])('%j is urgent (overdose)', (q) => {
    expect(engine.ask(q).urgentKind).toBe('overdose');
  });

  it.each([
    'my son swallowed his vitamin d tablet fine this morning as the pediatrician said, does it need k2 too',
    'my daughter chewed her vitamin gummy after breakfast, is there k2 in kids gummies',
    'she swallowed the k2 capsule with water and felt fine, is mk7 better than mk4',
  ])('%j stays calm', (q) => {
    expect(urgent(q)).toBe(false);
  });
});

// Blind round 29: a letter about greens on warfarin told that a nurse "accused me of attempting
// suicide" by eating them, and got the crisis notice.
describe('emergency gate: self-harm words in an accusation the speaker rejects', () => {
  it.each([
    'my pharmacist practically accused me of suicide for eating kale on coumadin, is kale really that bad',
    'my sister keeps accusing me of wanting to kill myself because i eat natto on warfarin lol',
  ])('%j is not urgent', (q) => {
    expect(urgent(q)).toBe(false);
  });

  it.each([
    'my husband accused me of overreacting but i want to kill myself',
    'they accused me of faking it. i keep thinking about suicide',
  ])('%j still gets the crisis notice', (q) => {
    const a = engine.ask(q);
    expect(a.urgentKind).toBe('self-harm');
    expect(a.urgentNotice).toBe(CRISIS_NOTICE);
  });
});

// Blind round 29: a parent's letter ("my 15-year-old … swallowed most of a bottle … because she
// wanted everything to stop") got only the poison-control notice, and "she wanted to die and took
// pills" got none: self-harm told of someone else, or in the past tense, is a crisis too.
describe('emergency gate: self-harm told of someone else', () => {
  it.each([
    'my flatmate keeps saying he wants to end his life',
    'my sister texted that she wants to die, what do i do',
    'my girlfriend has been harming herself again',
  ])('%j gets the crisis notice', (q) => {
    const a = engine.ask(q);
    expect(a.urgentKind).toBe('self-harm');
    expect(a.urgentNotice).toBe(CRISIS_NOTICE);
  });

  it('pills already swallowed by someone else get poison control before the crisis line', () => {
    const a = engine.ask("my son took a handful of his gran's tablets because he wanted it all to end");
    expect(a.urgentKind).toBe('self-harm');
    expect(a.urgentNotice).toBe(CRISIS_AFTER_OVERDOSE_NOTICE);
  });

  it.each([
    'my cat hurt herself jumping off the sofa, is k2 ok for her bones',
    "my dad doesn't want to die of a heart attack like his brother, does k2 help arteries",
  ])('%j is not urgent', (q) => {
    expect(urgent(q)).toBe(false);
  });
});

// Found probing the gate after blind round 29: someone else who "won't wake up" after pills got the
// crisis notice for the asker (hopelessness), and "i hope i don't wake up" got nothing.
describe('emergency gate: not waking up', () => {
  it("someone else who will not wake up after pills is an emergency, not the asker's crisis", () => {
    const a = engine.ask('my brother swallowed a load of his sleeping tablets and now he wont wake up');
    expect(a.urgent).toBe(true);
    expect(a.urgentKind).not.toBe('self-harm');
    expect(a.urgentNotice).toMatch(/emergency number/);
  });

  it.each(['honestly some nights i hope i never wake up', "i wish i wouldn't wake up tomorrow"])(
    '%j gets the crisis notice',
    (q) => {
      const a = engine.ask(q);
      expect(a.urgentKind).toBe('self-harm');
      expect(a.urgentNotice).toBe(CRISIS_NOTICE);
    },
  );
});

// Found probing the gate after blind round 29: "my 4 year old got into the medicine cabinet and ate
// some of my warfarin" was not urgent: the child rule knew only supplements and pills.
describe("emergency gate: a child who swallowed a blood thinner or the family's medicines", () => {
  it.each([
    "my three year old chewed up some of his grandad's coumadin",
    'the toddler swallowed some of my xarelto off the table',
    'my little one drank some of the medicine from the cupboard',
  ])('%j is an overdose', (q) => {
    expect(engine.ask(q).urgentKind).toBe('overdose');
  });

  it.each([
    'my daughter swallowed her warfarin fine this morning, can she eat cheese',
    'my son took his meds with breakfast, is natto ok for him',
  ])("%j, a child's own medicine as given, is not urgent", (q) => {
    expect(urgent(q)).toBe(false);
  });
});

// Blind round 34: hopelessness with a hedge word between ("I don't really see the point") beside a
// plan to take a whole bottle got the warfarin facts and "Yes."; urine told as "pinkish red" by
// its verb was no sign; a knock to the head on a DOAC got the bleeding reason.
describe('emergency gate: hedged hopelessness, urine colours told by the verb, a head knock on a blood thinner', () => {
  it.each([
    "i don't truly see the point of going on anymore. sat here with nan's warfarin and i'm tempted to take all of them",
    'cant even see any point in life now, the pharmacy gave me a month of tablets and im gonna down all of them',
  ])('%j gets the crisis notice', (q) => {
    const a = engine.ask(q);
    expect(a.urgentKind).toBe('self-harm');
    expect(a.urgentNotice).toBe(CRISIS_NOTICE);
  });

  it.each([
    'been weeing kinda reddish since this morning, i take xarelto',
    'my son is peeing pinkish and hes on warfarin',
  ])('%j is a bleed', (q) => {
    expect(engine.ask(q).urgentKind).toBe('bleeding');
  });

  it.each([
    'mum takes apixaban and knocked her head on the car door, now she seems a bit disoriented',
    'grandad on warfarin banged his head on a shelf an hour ago, does k2 matter now',
  ])('%j is a head injury, named as one', (q) => {
    const a = engine.ask(q);
    expect(a.urgentKind).toBe('head-injury');
    expect(a.urgentNotice).toBe(urgentNoticeOf('head-injury'));
  });

  it.each([
    "i don't really see the point of taking k2 anymore tbh",
    'i banged my head on a shelf last week, is k2 good for bones',
  ])('%j is not urgent', (q) => {
    expect(urgent(q)).toBe(false);
  });

  it('an anticoagulant told without "I am" ("on pradaxa for afib") is the asker\'s own when a bleed comes up next', () => {
    const conversation = engine.startConversation();
    conversation.ask('on dabigatran since the spring, does k2 matter?');
    const next = conversation.ask('also got big purple bruises on both arms since monday');
    expect(next.urgentKind).toBe('bleeding');
  });
});

// Blind round 35: "my 9yo is a super picky eater, can i give him k2 gummies?" got the poison-control
// notice: the typo pass read "eater" as "eaten", and a child who has eaten gummies is an overdose.
describe('emergency gate: a real word the typo pass must keep', () => {
  it.each([
    'my daughter (6) is a really fussy eater, are kids k2 gummies ok for her?',
    'toddler is a picky eater, which k2 foods?',
  ])('%j is not urgent', (q) => {
    expect(urgent(q)).toBe(false);
  });
});

// Blind round 36: a self-reported "overdose" that the message itself tells as one extra capsule,
// with no sign of poisoning, got the poison-control notice; the extra-dose rule calls that calm.
describe('emergency gate: "overdosed" told as one extra dose', () => {
  it.each([
    'pretty sure i overdosed on mk7, swallowed three of the 100mcg softgels instead of one, no symptoms at all',
    'ok i may have overdosed haha, had my k2 twice today by accident. anything to worry about?',
  ])('%j is not urgent', (q) => {
    expect(urgent(q)).toBe(false);
  });

  it.each([
    // Too many, a handful, signs after it, or a blood thinner keep it an overdose.
    'i think i overdosed, took way too many k2 pills and now im dizzy',
    'i overdosed on my k2, took 2 instead of 1 and now im throwing up',
    'my husband overdosed, he took too many of his vitamins',
    'i overdosed on warfarin, took 2 instead of 1 this morning',
  ])('%j gets the poison-control notice', (q) => {
    expect(engine.ask(q).urgentKind).toBe('overdose');
  });
});

// Blind round 36: after a clot told on warfarin, "should I take an extra dose tonight to make up for
// it?" replaced the clot notice with poison control for an overdose nobody took.
describe('emergency gate: a dose only asked about during another emergency', () => {
  it('keeps the emergency told first', () => {
    const conversation = engine.startConversation();
    conversation.ask('on jantoven for my heart valve, is kale ok?');
    expect(
      conversation.ask('my right leg has gone red, swollen and sore since this morning').urgentKind,
    ).toBe('clot');
    const next = conversation.ask('is it smart to take an extra jantoven tonight to even things out?');
    expect(next.urgentKind).toBe('clot');
    expect(next.urgentNotice).toBe(urgentNoticeOf('clot'));
  });

  it('a dose only supposed during it keeps it too', () => {
    const conversation = engine.startConversation();
    conversation.ask('my right leg has gone red, swollen and sore since this morning');
    expect(conversation.ask('what if i took an extra jantoven tonight to fix it?').urgentKind).toBe('clot');
  });

  it('pills taken during it are the new emergency', () => {
    const conversation = engine.startConversation();
    expect(
      conversation.ask('my right leg has gone red, swollen and sore since this morning').urgentKind,
    ).toBe('clot');
    expect(conversation.ask('i panicked and took 10 of my warfarin').urgentKind).toBe('overdose');
  });
});

// Blind round 37: "ok will ask. unrelated but she just threw up and it looks like coffee grounds"
// read the sentence before ("will ask") as a supposition; and a blood thinner named in one
// sentence with "took like 6 of his tablets instead of 1" in the next got no notice.
describe('emergency gate: a sign told after a sentence that plans, and extra blood-thinner tablets', () => {
  it.each([
    'right, will do. different thing: my dad just vomited and it is dark like ground coffee',
    'thanks, i might ask the gp. also my husband just threw up stuff that looks like coffee grounds',
  ])('%j is a bleed', (q) => {
    expect(engine.ask(q).urgentKind).toBe('bleeding');
  });

  it.each([
    'mum takes coumadin. this morning she swallowed 5 tablets instead of one by the look of the pill box',
    'he is on jantoven and took maybe 3 of them instead of his usual dose today, seems fine',
  ])('%j is a blood-thinner overdose', (q) => {
    expect(engine.ask(q).urgentKind).toBe('overdose');
  });

  it.each([
    'i take warfarin and took two of my k2 softgels instead of one, is that bad?',
    'what will happen to me if i ever vomit something like coffee grounds? asking for later',
  ])('%j is not urgent', (q) => {
    expect(urgent(q)).toBe(false);
  });
});

// Blind round 37: "my dad (on warfarin) … took like 6 of his tablets … does natto cancel warfarin out?"
// got "Yes." and the natto facts under the notice, and "can't we just give him leafy greens" the
// greens fact: under an overdose told as taken, no fact may read as a treatment at home.
describe('the body under an overdose told as taken', () => {
  it('is the overdose body, not the facts asked for', () => {
    const a = engine.ask(
      'mum is on jantoven and swallowed 5 tablets instead of one this morning. will eating spinach fix it?',
    );
    expect(a.urgentKind).toBe('overdose');
    expect(a.body).toBe(OVERDOSE_BODY);
    expect(a.facts).toEqual([]);
  });

  it('stays so for the next message of the conversation', () => {
    const conversation = engine.startConversation();
    conversation.ask('my son took 30 of my k2 gummies an hour ago');
    const next = conversation.ask('could we just give him lots of water and some cheese?');
    expect(next.urgentKind).toBe('overdose');
    expect(next.body).toBe(OVERDOSE_BODY);
  });

  it('an overdose only supposed keeps its answer under the notice', () => {
    const a = engine.ask(
      'just wondering, if you swallowed a whole bottle of 100 mcg mk7 softgels, what happens?',
    );
    expect(a.body).not.toBe(OVERDOSE_BODY);
    expect(a.facts.length).toBeGreaterThan(0);
  });
});
