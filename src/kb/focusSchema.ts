import { z } from 'zod';
import { CATEGORIES } from './categories.ts';
import { fullFactId } from './schema.ts';

/**
 * knowledge/lexicon/focus.json: the words that tell what a question asks about a subject (its
 * focus: an amount, the timing, the mechanism…), the points the article never covers with what
 * the reply then says first, and which facts a blood-thinner question always carries.
 */

const phrase = z
  .string()
  .regex(/^[a-z0-9]+(?: [a-z0-9]+)*$/, 'must be lower case words separated by single spaces, no punctuation');
/** Single lower-case words, read one word at a time (the speakers of claims). */
const oneWords = z.array(z.string().regex(/^[a-z]+$/, 'must be one lower-case word')).min(1);
const phrases = z.array(phrase).min(1);
/** One lower-case word: groups of words are compared word by word. */
const word = z.string().regex(/^[a-z0-9]+$/, 'must be one lower-case word');

const topicId = z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'must be a topic id');

export const FOCUS_IDS = [
  'amount',
  'with-food',
  'timing',
  'mechanism',
  'side-effect',
  'interaction',
  'comparison',
  'population',
  'food-source',
  'evidence',
  'effect',
  'definition',
  'storage-excretion',
  'production',
] as const;
export type FocusId = (typeof FOCUS_IDS)[number];

export const focusSchema = z.strictObject({
  id: z.enum(FOCUS_IDS),
  /** Words in a question that ask for this focus ("how much", "dose"). */
  asked: phrases,
  /** Words in a fact that show it answers this focus ("mcg", "per 100 g"). */
  facts: phrases,
});

export const uncoveredPointSchema = z
  .strictObject({
    id: topicId,
    /** Words that ask for the point ("morning", "bedtime"); none when only `together` asks it. */
    asked: z.array(phrase),
    /**
     * Word groups that ask for the point together, one word of each in the question ("how long" and
     * "work": "how long till k2 works for bones"), however the rest is worded.
     */
    together: z.array(phrases).min(2).optional(),
    /** Topics that do cover the point, so it is not uncovered when they answer. */
    except: z.array(topicId).optional(),
    /** Only when the question asks for this focus ("how much k2 in kefir": amount). */
    focus: z.enum(FOCUS_IDS).optional(),
    /**
     * Not when the question asks for this focus (or one of these): "does k2 help sleep?" asks a
     * benefit, not whether poor sleep is a side effect.
     */
    unlessFocus: z.union([z.enum(FOCUS_IDS), z.array(z.enum(FOCUS_IDS)).min(1)]).optional(),
    /**
     * Not when the question also says one of these: "does k2 send calcium to your teeth?" asks the
     * article's own claim (calcium to bones and teeth), not the dental health it never covers.
     */
    unlessSaid: phrases.optional(),
    /**
     * The reply's first sentence: what the article does not say; `{word}` is the word asked (with
     * `together`, the word of the first group: "k2 or magnesium" → "magnesium").
     */
    says: z.string().trim().min(1).max(200),
    /**
     * Subjects (see `subjects`) that make the point asked wherever the message names them: "my
     * 16-year-old wants k2, how much?" asks for a child's figure though the backstory says who.
     */
    subjects: z.array(topicId).optional(),
    /**
     * With `subjects`: a subject named only before the question (in the story) makes the point asked
     * only when the question says one of these ("my uncle had bypass surgery… is there evidence K2
     * helps the heart?" is no surgery question; "hip surgery in 3 weeks, should i stop my mk7
     * beforehand?" is).
     */
    storyNeeds: phrases.optional(),
    /**
     * Its words in the story make the point asked when the question asks only whether K2 helps,
     * naming no point of its own ("varicose veins run in my family, will k2 help keep mine away?").
     */
    inStory: z.boolean().optional(),
    /**
     * The point is about the forms supplements come in: "tablets" or "pills" beside it name the form
     * ("can no longer swallow tablets. is there a liquid form?"), not a medicine asked about.
     */
    aboutPillForms: z.boolean().optional(),
    /**
     * Stopping K2 asks the point: someone of `by` just before a verb of `vkaTakeAsked.stopVerbs` (one
     * word may stand between) with a word of `of` after it (a determiner may stand between) or
     * ending its clause ("what happens if i just stop?", "and if he quits his mk7?"). "does k2 make
     * bleeding stop?" names no one who stops; "could she stop that and use k2" stops a medicine.
     */
    stopAsked: z.object({ by: phrases, of: phrases }).strict().optional(),
    /**
     * How an asked word is written in the reply when lower case would misspell it ("ms" → "MS
     * (multiple sclerosis)", "adhd" → "ADHD").
     */
    shownAs: z.record(z.string(), z.string().min(1)).optional(),
    /**
     * The word asked is a portion of a food ("a pack", "a tub"): asked with no food named after a
     * story that names one ("i'd die for natto. how much k2 in a whole pack tho"), it is that food's.
     */
    portionOfFood: z.boolean().optional(),
    /**
     * Its words that, right before a food name, describe the food ("a boiled egg", "fried chicken"):
     * with an amount asked ("how much k2 in a boiled egg?") they ask the food's figure, not this
     * point. "how much k2 is lost cooking natto" still asks it.
     */
    describesFood: phrases.optional(),
    /**
     * Topics whose own facts answer the point better than `nearest` ("how long till it helps" about
     * nerve damage: the nerve facts, not a bone trial); the reply still opens with `says`.
     */
    ownFactsIn: z.array(topicId).optional(),
    /**
     * The nearest facts when the question matched no topic of its own ("is k2 any use for lupus?"):
     * shown when the reply comes from their topic; a question about a topic keeps that topic's facts.
     */
    fallback: z.array(fullFactId).min(1).optional(),
    /** The nearest facts, shown after that sentence; without them, the best facts of the topic. */
    nearest: z.array(fullFactId).min(1).optional(),
  })
  .refine((point) => point.asked.length > 0 || point.together !== undefined, {
    message: 'needs words that ask the point: `asked` or `together`',
    path: ['asked'],
  });
export type UncoveredPoint = z.infer<typeof uncoveredPointSchema>;

/**
 * A subject a question can name (MK-4, MK-7, K1, vitamin D3, calcium, children, pregnancy…): a
 * fact about that subject is chosen before a fact about its rival ("the half-life of MK-4" must
 * not get MK-7's).
 */
export const subjectSchema = z.strictObject({
  id: topicId,
  /** Words that name the subject in a question. */
  asked: phrases,
  /** Words that show a fact is about the subject (its text, answer and keywords). */
  facts: phrases,
  /** Subjects a question about this one is not about: their facts give way unless they name this one too. */
  rivals: z.array(topicId).optional(),
  /** Ages (in years, inclusive) that name the subject: "my 10 year old", "aged 15", "16yo". */
  ages: z.tuple([z.number().int().min(0), z.number().int().max(130)]).optional(),
  /**
   * For a group of people without an age range (pregnancy): the groups (subjects with `ages`) a
   * follow-up may name instead of it ("and my husband? hes 40" after the pregnancy figure asks
   * about an adult). A group not listed keeps it: "and the baby after it's born?" is still asked
   * about pregnancy's newborn.
   */
  replacedBy: z.array(topicId).optional(),
});
export type Subject = z.infer<typeof subjectSchema>;

const unit = z.string().regex(/^(%|[a-zµμ]+)$/, 'must be one lower-case word or "%"');

export const figureKindSchema = z.strictObject({
  id: word,
  /** Units of figures of this kind in a fact ("days"; "%" is written on the number). */
  units: z.array(unit).min(1),
  /** Words that ask for this kind ("how long"); a unit named right after "how many"/"in" asks too. */
  asked: phrases,
  /**
   * A change asked rather than an amount: "how much did the odds drop" (`asked` starts it, one of
   * `words` says what changed); "how much mk7 changed INR" asks an amount of MK-7.
   */
  changes: z.strictObject({ asked: phrases, words: phrases }).optional(),
});
export type FigureKind = z.infer<typeof figureKindSchema>;

export const focusFileSchema = z.strictObject({
  $schema: z.string().optional(),
  focuses: z.array(focusSchema).min(1),
  /** First words of a yes/no question ("does k2 …", "is it …"). */
  yesNoStarts: phrases,
  /**
   * Last words that turn a statement into a yes/no question asking to confirm it ("so k2 thins blood
   * right?", "mk7 lasts longer, correct?").
   */
  confirmationTags: phrases,
  /** Words that ask for a figure ("how many", "half life"): the reply then starts with it. */
  figureAsked: phrases,
  /**
   * Words of a yes/no question whose honest answer is a figure ("is that a big study?", "was it a
   * long trial?"): the reply starts with the head count or the duration, as for "how many people?".
   */
  figureVerdicts: phrases,
  /** Units a figure in a fact is counted in ("mcg", "days", "women"; "%" is written on the number). */
  figureUnits: z.array(unit).min(1),
  /**
   * Kinds of figure a question can ask for (a share, a duration, a head count, an amount of the
   * vitamin), in the order they are tried: a figure lead gives a figure of the kind asked or none
   * ("how much k2 for heart health?" is not answered by "222,592 people").
   */
  figureKinds: z.array(figureKindSchema).min(1),
  /**
   * Measures of food that no fact gives a figure in ("how many grams should i eat"): asked after
   * "how many", they ask no count, so no count of people or trials leads the answer.
   */
  foodMeasures: phrases,
  /**
   * Conditions a figure is asked for ("how much k2 for diabetes?"): a figure leads only from a
   * fact that names the condition asked, not from the general dose.
   */
  figureConditions: phrases,
  /** Words before the question proper ("so", "ok quick question"), skipped to find its first word. */
  openers: phrases,
  /**
   * A question word that is the whole message, openers aside ("how?", "ok but when?"), and the point
   * it asks of the answer before: "how?" after "K2 may help repair nerve damage" asks the mechanism,
   * though "how" in a longer question asks nothing by itself ("how do i take it").
   */
  soleWords: z.array(z.strictObject({ word, focus: z.enum(FOCUS_IDS) })).min(1),
  /**
   * How a yes/no question is compared with the claims facts answer (src/engine/yesNoClaims.ts):
   * words that say the same, opposite words (contradictory: one is true exactly when the other is
   * false; contrary: both can be false), lexicon terms too broad to stand for a word, and negations.
   */
  polarity: z.strictObject({
    equivalents: z.array(z.array(word).min(2)),
    opposites: z.array(
      z.strictObject({
        words: z.array(word).min(1),
        opposite: z.array(word).min(1),
        kind: z.enum(['contradictory', 'contrary']),
      }),
    ),
    broadTerms: z.array(word),
    negations: z.array(word).min(1),
    /**
     * Words about the claim as a whole: "is it true / really / actually …" asks the claim itself;
     * "… or is that a myth / hype" makes the question's polarity unclear, so it gets no lead.
     */
    truth: z.strictObject({ holds: z.array(word), doubts: z.array(word) }),
    /** Lexicon terms (medicines, groups of people) a claim must name when the message names them anywhere. */
    contextTerms: z.array(word),
    /** Words that say nothing of their own ("the", "is", "with"): dropped from claims and questions. */
    functionWords: z.array(word).min(1),
    /** Words that narrow a claim ("only", "just", "all"): a question with one asks a claim that has it. */
    qualifiers: z.array(word),
    /**
     * Phrases that only stress a question ("can k2 slow it down at all?", "in any way"): read as
     * nothing, so "all" in them is no qualifier.
     */
    intensifiers: phrases.default([]),
    /** Words that offer alternatives ("or", "vs"): such a question asks which, and gets no yes or no. */
    alternatives: z.array(word).min(1),
  }),
  /** Words in a fact that make the answer to a yes/no question "not known" or "it depends". */
  hedges: z.strictObject({ 'not-known': phrases, depends: phrases }),
  uncovered: z.array(uncoveredPointSchema),
  subjects: z.array(subjectSchema),
  /**
   * How people speak of their own past ("since i was a kid", "as a teenager"): it names no child
   * or teenager the question is about, so its words are set aside when subjects are read.
   */
  pastSelf: phrases,
  /**
   * Figures of speech that name an age but no one asked about ("explain it like im 5"): set aside
   * with the asker's past.
   */
  noOneAsked: phrases,
  /**
   * Someone who says, claims or told something ("a guy on reddit said…", "my daughter, who is into
   * wellness, says…") is the source of a claim, not who the question is about: from a determiner
   * or possessive to the speech verb, the words are set aside when subjects are read, unless a
   * pronoun after the verb makes the speaker speak of themselves ("my son says he…").
   */
  claimSpeakers: z
    .object({
      /** The speech verbs, as said ("says", "told", "swears"). */
      verbs: oneWords,
      /** The words that open the speaker ("a", "my", "some"). */
      openers: oneWords,
      /** Single words that open a clause about the speaker, which may be longer ("my daughter, who is…"). */
      clauseOpeners: oneWords,
      /** Pronouns after the verb that make the speaker the subject ("he", "she"). */
      aboutThemselves: oneWords,
      /**
       * Words that end a speaker before any clause about them ("her bottle is mk7 and says…", "her
       * grandma bought her kids gummies that say…"): what says it is no person asked about.
       */
      breaks: oneWords,
    })
    .strict(),
  /**
   * How people tell a habit ("every morning", "each night"): in a sentence that states it, before the
   * question, it says when they do something, not when to take K2 ("i eat gouda every morning. is that
   * enough?"), so its words ask no point.
   */
  habits: phrases,
  /**
   * Moments something happened or will ("this morning", "last night"): wherever they stand they
   * say when, and ask no time of day ("took 3 of my k2 pills this morning by mistake, is that bad?").
   */
  moments: phrases,
  /**
   * Words that name vitamin K itself (K2, MK-7, menaquinone…): a question about what K2 does to
   * something ("does k2 help neuropathy?") is answered by a fact that names it, not by one that
   * only describes the something.
   */
  vitaminNames: phrases,
  /**
   * Words that ask whether a finding holds ("are the rat studies legit?", "is that proven?"): a
   * reply led by a lab, animal or observational fact says first what kind of evidence it is.
   */
  evidenceVerdict: phrases,
  /**
   * Facts a reply carries when the message names a situation (a subject of `subjects`, such as
   * pregnancy) and the reply's topic is of one of `categories`: "would the 45 mg dose be ok? I'm
   * pregnant" carries that high-dose K2 in pregnancy is unstudied, like a blood thinner its facts.
   */
  situationFacts: z
    .array(
      z.strictObject({
        subject: topicId,
        categories: z.array(z.enum(CATEGORIES)).min(1),
        facts: z.array(fullFactId).min(1),
      }),
    )
    .default([]),
  /**
   * Facts a point needs beside the reply's own, whatever the topic: "is that more than I need in a
   * day?" after a food's figure needs the daily intake figures to compare with.
   */
  referenceFacts: z
    .array(
      z.strictObject({
        /** Words that ask the point, read in the message's own asking part. */
        asked: phrases,
        facts: z.array(fullFactId).min(1),
        /**
         * The facts answer the point asked, so they lead ("is 200 mcg a day too much?" is answered
         * by there being no upper limit, then the doses), unless the reply already opens with what
         * the article does not cover, a definition or a yes/no claim.
         */
        leads: z.literal(true).optional(),
        /** Only when the question asks this focus ("1000 mcg too much?" asks an amount; "can my blood clot too much?" does not). */
        focus: z.enum(FOCUS_IDS).optional(),
        /** Not when the question names one of these subjects ("d3 10000 iu too much?" is about D3). */
        unlessSubjects: z.array(topicId).optional(),
      }),
    )
    .default([]),
  /**
   * Points that are the vitamin's own whatever subject the question names ("any side effects
   * from mk7? been on 200mcg a month", "does it matter if k2 goes down on an empty stomach"), each
   * with the topic that answers it: asked only that point, its facts compete with the chosen
   * topic's, and a follow-up asking it looks there though the previous subject has no such fact.
   */
  vitaminOwnPoints: z
    .array(
      z.strictObject({
        focus: z.enum(FOCUS_IDS),
        topic: topicId,
        /**
         * The point decides also when the question asks others beside it ("do i need to take mk7 with
         * a meal?" asks an amount too, by its "need"). Not for a point whose words other questions use
         * ("what causes a food to be high in k2" is no side-effect question).
         */
        besideOtherPoints: z.boolean().optional(),
      }),
    )
    .default([]),
  /** Facts a reply carries whenever the asker is on, or asks about, an anticoagulant, by kind named. */
  anticoagulantFacts: z.strictObject({
    vka: z.array(fullFactId).min(1),
    doac: z.array(fullFactId).min(1),
    /** For antiplatelet medicines (aspirin, clopidogrel): they do not work through vitamin K either. */
    antiplatelet: z.array(fullFactId).min(1),
    any: z.array(fullFactId).min(1),
    /**
     * Facts that come first when someone who may be on a warfarin-type drug asks an amount, or asks
     * whether they may take K2 at all (`vkaTakeAsked`): that no dose is known to be safe.
     */
    vkaAmount: z.array(fullFactId),
    /** Facts that come first when someone who may be on a warfarin-type drug asks about stopping K2. */
    vkaStop: z.array(fullFactId),
    /** Facts about people who are not on a warfarin-type drug, never shown to someone who may be on one. */
    notForVka: z.array(fullFactId),
    /**
     * Facts about people on a blood thinner ("even 10 mcg/day shifted INR"), shown only when the
     * message names or asks about one: to anyone else a dose question's answer is not theirs.
     */
    onlyForAnticoagulants: z.array(fullFactId),
    /**
     * Facts of `onlyForAnticoagulants` about warfarin-type drugs alone ("even 10 mcg/day shifted
     * INR"): not shown to someone whose only blood thinners do not work through vitamin K.
     */
    onlyForVka: z.array(fullFactId).optional(),
    /**
     * A subject's own blood-thinner fact, first among them when someone on a warfarin-type drug asks
     * whether they may have it, a word of `mayWords` in the message ("on warfarin. can i eat natto" →
     * how natto changes warfarin, before what natto's K2 is).
     */
    vkaSubjects: z.array(
      z.strictObject({ asked: phrases, mayWords: phrases, facts: z.array(fullFactId).min(1) }),
    ),
  }),
  /**
   * How a message asks whether to take, start or keep taking K2: a verb (`verbs`: "start", "take",
   * "keep taking") with K2 or a word for it after it (`objects`: "k2", "d3 k2", "it", "capsules"),
   * or a phrase that says it alone (`statements`: "same dose", "is k2 fine"). Read once the blood
   * thinner and its verb ("takes warfarin") are taken out; eating a food is not among them (natto
   * and greens have their facts). A stop verb with such an object (`stopVerbs`: "and if he stops it
   * later?") asks what stopping does to INR instead.
   */
  vkaTakeAsked: z.strictObject({ verbs: phrases, stopVerbs: phrases, objects: phrases, statements: phrases }),
});
export type FocusLexicon = z.infer<typeof focusFileSchema>;
