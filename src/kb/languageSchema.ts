import { z } from 'zod';
import { categorySchema } from './schema.ts';
import { placeholdersOf } from './templates.ts';

export { fillText } from './templates.ts';

/**
 * The schemas of the language files: `knowledge/texts.json` (every fixed sentence the bot says)
 * and `knowledge/lexicon/*.json` (the words it reads). Validated at load time like the topics;
 * `npm run kb:schema` writes JSON Schemas from them for editors.
 */

/** A fixed sentence with no placeholders. */
const sentence = z
  .string()
  .trim()
  .min(1, 'must not be empty')
  .refine((text) => placeholdersOf(text).length === 0, 'takes no {placeholders}');

/** A sentence the code completes: it must hold exactly these `{placeholders}`, each at least once. */
function template(...names: string[]) {
  const wanted = new Set(names);
  return z
    .string()
    .trim()
    .min(1, 'must not be empty')
    .superRefine((text, ctx) => {
      const found = new Set(placeholdersOf(text));
      for (const name of found) {
        if (!wanted.has(name)) ctx.addIssue({ code: 'custom', message: `unknown placeholder {${name}}` });
      }
      for (const name of wanted) {
        if (!found.has(name)) ctx.addIssue({ code: 'custom', message: `must contain {${name}}` });
      }
    })
    .describe(`Placeholders: ${names.map((n) => `{${n}}`).join(', ')}`);
}

export const textsSchema = z.strictObject({
  /** Attached to replies only by src/engine/safety.ts, word for word. */
  safety: z.strictObject({
    disclaimer: sentence,
    anticoagulantWarning: sentence,
    /**
     * The urgent notice, in three parts: what to do (its first sentence, so the reply's first
     * words are the instruction), then why (`urgentUnnamed`, or the kind's `urgentReasons`
     * sentence), then what not to do (`urgentTail`).
     */
    urgentAction: sentence,
    urgentUnnamed: sentence,
    urgentTail: sentence,
    /**
     * Why the emergency the gate found is one, said between `urgentAction` and `urgentTail` for
     * the kinds that have no notice of their own: askers and graders read a notice that named
     * nothing as generic.
     */
    urgentReasons: z.strictObject({
      bleeding: sentence,
      clot: sentence,
      'chest-pain': sentence,
      'racing-heart': sentence,
      stroke: sentence,
      allergy: sentence,
      'blood-pressure': sentence,
      collapse: sentence,
      'head-injury': sentence,
      'low-blood-sugar': sentence,
    }),
    urgentBody: sentence,
    crisisNotice: sentence,
    crisisBody: sentence,
    overdoseNotice: sentence,
    /** The body under the overdose notice, in place of any answer: no fact may read as a treatment at home. */
    overdoseBody: sentence,
    petNotice: sentence,
    petBody: sentence,
    babyNotice: sentence,
    /** An emergency told earlier, when the next message says help has arrived ("ok ambulance is here"). */
    helpArrivedNotice: sentence,
    /** The body after an emergency told earlier, when the next message says help is being called ("ok calling now"). */
    helpOnTheWayBody: sentence,
    personalNotice: sentence,
    personalAnticoagulantNotice: sentence,
    doacNotice: sentence,
    /** For a message naming a heparin (enoxaparin) and no DOAC: the DOAC notice names other drugs. */
    heparinNotice: sentence,
    /** For a message naming an antiplatelet (clopidogrel, aspirin) and no anticoagulant. */
    antiplateletNotice: sentence,
    /** For a message naming a vitamin K antagonist other than warfarin ("Sintrom"). */
    otherVkaNotice: template('drug'),
    pregnancyNotice: sentence,
    prescriptionNotice: sentence,
  }),
  /** The engine's fixed replies. */
  replies: z.strictObject({
    /** What the bot can talk about, joined with "; " into {scopeAreas}. */
    scopeAreas: z.array(sentence).min(1),
    canAnswer: template('scopeAreas'),
    empty: sentence,
    greeting: template('canAnswer'),
    thanks: sentence,
    /** A message that only acknowledges the last answer ("ok", "got it", "👍", "will ask my gp"). */
    acknowledged: sentence,
    /** "Why not?" with no answer before it: why the bot says it cannot answer (the article's limits). */
    whyWithoutAnswer: template('canAnswer'),
    /** A message that only says a question is coming ("quick one", "can i ask something"). */
    askAway: template('canAnswer'),
    /** A message that only asks whom to ask ("ok so who do i even ask"). */
    whoToAsk: sentence,
    decline: template('canAnswer'),
    unsure: template('canAnswer'),
    /** After an answer whose message also named another supplement: what the article does not cover. */
    sideSubject: template('subject'),
    /** After an answer whose message also named a medicine (not a blood thinner), set aside. */
    sideMedicine: template('subject'),
    /** After a K2 answer whose message also gave a test value of the asker's, set aside. */
    sideTest: z.string().trim().min(1),
    /** Opens a reply to someone on a warfarin-type drug who says K2 is already being taken. */
    k2AlreadyTakenOnVka: z.string().trim().min(1),
    engineError: sentence,
    /** A follow-up whose point the previous answer already covered fully: said, not repeated. */
    followUpNothingNew: sentence,
    /** A follow-up that the facts of the previous answer answer again: said before they are repeated. */
    followUpSameAnswer: sentence,
    /**
     * "So yes or no?" when the answer to the question asked before opens with no yes, no or verdict
     * of the evidence: said before the facts, so the asker knows the answer is not a yes or a no.
     */
    yesOrNoNotPlain: sentence,
    /** "Is that per day?" after a figure given per day: yes, and the figure again. */
    basisYes: template('basis'),
    /** …after a figure given per something else ("per tablespoon"): no, what it is per, and the figure. */
    basisOther: template('basis', 'asked'),
    /** How the replies above name a figure per day and per week ({basis}, {asked}). */
    basisDayName: sentence,
    basisWeekName: sentence,
    /**
     * The first sentence of a yes/no answer whose claim a fact answers (yesNoClaims.ts). An
     * unproven claim gets a whole sentence naming it ("No trial has shown that K2 prevents
     * fractures."), not a bare "Not shown.".
     */
    claimLeads: z.strictObject({
      yes: sentence,
      no: sentence,
      notShown: template('claim'),
      depends: sentence,
      /** A claim some trials support and others do not ("is k2 good for bones?"). */
      mixed: sentence,
    }),
    /** Before the answer to another question of a multi-question message (answerOtherParts.ts). */
    otherQuestion: sentence,
    portionForTarget: template('amount', 'basis', 'target', 'portion', 'food'),
    /** "I eat about 50 g of gouda", "how much is that for a 200g portion": the K2 in that portion. */
    amountInPortion: template('amount', 'basis', 'grams', 'food', 'gives'),
    /**
     * "600 mcg is just 0.6 mg, is that correct?": a conversion between micrograms and milligrams the
     * message states, checked (unitConversion.ts): right, or wrong with the right figure.
     */
    unitConversionRight: template('mcg', 'mg'),
    unitConversionWrong: template('mcg', 'mg', 'actual'),
    /** "Vitamin K2 (as MK-7) … 0.1 mg. am i in range?": a dose under 1 mg, said in micrograms. */
    unitConversionGiven: template('mg', 'mcg'),
    /**
     * The first sentence of a reply to "is that legit / proven?" led by a fact of this kind of
     * evidence (composeBody.ts): what the evidence can and cannot show.
     */
    evidenceLeads: z.strictObject({ 'lab-or-animal': sentence, observational: sentence }),
    /** "source?" after an answer: where each fact shown comes from, in the article's words. */
    sourceQuote: template('section', 'quote'),
    /** After the quotes of a source request: the published studies behind them (corrections' references). */
    sourceStudies: template('studies'),
    /** Before the quotes of a source request about a point the article does not cover. */
    sourceNone: sentence,
    /** Before what the article says two ways, when a follow-up asks whether the answer contradicts itself. */
    contradictionYes: sentence,
    /** After the quotes of a source request when they name no study and no published one checks them. */
    sourceUnnamed: sentence,
  }),
  /** Titles, labels and notices of the Discord replies. */
  discord: z.strictObject({
    apology: sentence,
    apologyTitle: sentence,
    timedOut: sentence,
    timedOutTitle: sentence,
    busy: sentence,
    busyTitle: sentence,
    /** Ends every notice for a question nobody read: the asker may be in danger. */
    emergencyHint: sentence,
    cooldown: template('waitSeconds', 'cooldownSeconds'),
    directCooldown: template('waitSeconds', 'cooldownSeconds'),
    cooldownTitle: sentence,
    unknownTopic: sentence,
    deleteRefused: sentence,
    staleButton: sentence,
    messageWithoutText: sentence,
    botName: sentence,
    urgentTitle: sentence,
    correctionHeading: sentence,
    sourceHeading: sentence,
    relatedButton: template('title'),
    didYouMeanButton: template('title'),
    moreButton: sentence,
    deleteButton: sentence,
    askedForYou: template('userId', 'asker'),
    someone: sentence,
    allFactsTitle: template('title'),
    topicsTitle: sentence,
    categoryTitle: template('category'),
    emptyCategory: sentence,
    openTopicPlaceholder: sentence,
    browseCategoryPlaceholder: sentence,
    foodsTitle: sentence,
    foodsLead: sentence,
    noFoods: sentence,
    dosesTitle: sentence,
    dosesGroupTitle: template('group'),
    dosesLead: sentence,
    noDoses: sentence,
    noDosesForGroup: template('group'),
    aboutTitle: sentence,
    aboutBody: sentence,
    helpTitle: sentence,
    /** The /help line about chat and the message menu; {messageCommand} is its name in the registry. */
    helpChat: template('messageCommand'),
    unknownCommand: sentence,
    /** The field holding a server's /settings note under each answer. */
    serverNoteField: sentence,
    /** Sent by DM when the bot may not reply where it was asked; {missing} lists the permissions. */
    cannotAnswerThere: template('channelId', 'missing'),
    cannotAnswerThereTitle: sentence,
  }),
  /** What each Discord command is for, by its file in src/discord/commands: /help and the README table. */
  commandHelp: z.strictObject({
    ask: sentence,
    topic: sentence,
    topics: sentence,
    foods: sentence,
    dosage: sentence,
    about: sentence,
    help: sentence,
    settings: sentence,
    askMessage: sentence,
  }),
  /** Helpful / Not helpful votes on answers (src/discord/feedback.ts) and their buttons. */
  feedback: z.strictObject({
    helpfulButton: sentence,
    notHelpfulButton: sentence,
    helpful: sentence,
    notHelpful: sentence,
    staleVote: sentence,
    thanksTitle: sentence,
    voteCounted: template('label'),
    voteChanged: template('label'),
    voteUnchanged: template('label'),
    voteFailed: sentence,
  }),
  /** The moderators' alert when a message sounds like an emergency (src/discord/alerts.ts). */
  alerts: z.strictObject({
    title: template('emergency'),
    body: template('userId', 'channelId', 'emergency', 'jumpUrl'),
    unknownEmergency: sentence,
    /** By the engine's kinds of emergency, worded to follow "sounds like". */
    emergencies: z.strictObject({
      bleeding: sentence,
      clot: sentence,
      overdose: sentence,
      'chest-pain': sentence,
      stroke: sentence,
      allergy: sentence,
      'self-harm': sentence,
      'baby-bleeding': sentence,
      'blood-pressure': sentence,
      collapse: sentence,
      'head-injury': sentence,
      'low-blood-sugar': sentence,
      'racing-heart': sentence,
      pet: sentence,
    }),
  }),
  /** /settings confirmations and refusals (src/discord/commands/settings.ts, communitySettings.ts). */
  settings: z.strictObject({
    notPermitted: sentence,
    notChangedTitle: sentence,
    notSaved: template('reason'),
    noMessageContent: sentence,
    noAutoChannel: sentence,
    autoChannelsUnused: template('mode'),
    notTextChannel: template('channelId'),
    cannotSeeChannel: template('channelId'),
    cannotAnswerIn: template('channelId', 'missing'),
    channelAdded: template('channelId'),
    channelRemoved: template('channelId'),
    unknownMode: template('mode', 'choices'),
    modeChanged: template('mode'),
    unknownVisibility: template('visibility', 'choices'),
    visibilityChanged: template('visibility'),
    cooldownOutOfRange: template('max', 'value'),
    cooldownChanged: template('seconds'),
    cooldownOff: sentence,
    reset: sentence,
    current: sentence,
    cannotPostAlertsIn: template('channelId', 'missing'),
    alertsNeverEveryone: sentence,
    alertsOff: sentence,
    alertsTo: template('channelId'),
    alertsToRole: template('channelId', 'roleId'),
    learningInvalid: template('value'),
    learningOn: template('days'),
    learningOff: sentence,
    noteRefused: template('problem'),
    noteShown: sentence,
    noteRemoved: sentence,
  }),
  /** /settings forget: the confirmation and its outcomes (src/discord/communitySettings.ts). */
  forget: z.strictObject({
    prompt: sentence,
    promptTitle: sentence,
    confirmButton: sentence,
    cancelButton: sentence,
    notPermitted: sentence,
    cancelled: sentence,
    cancelledTitle: sentence,
    done: template('votes', 'questions'),
    doneTitle: sentence,
    failed: sentence,
    failedTitle: sentence,
  }),
  /** The terminal chat (src/cli/chat.ts) and the answer as text (src/cli/renderText.ts). */
  terminal: z.strictObject({
    connectHint: sentence,
    topicsLead: sentence,
    noTopic: template('id'),
    unknownCommand: template('command'),
    bye: sentence,
    rateFirst: sentence,
    votesNotSaved: sentence,
    helpful: sentence,
    notHelpful: sentence,
    voteChanged: template('label'),
    voteRecorded: template('label'),
    voteFailed: template('reason'),
    urgentLabel: sentence,
    warningLabel: sentence,
    correctionLabel: sentence,
    referenceLabel: sentence,
    source: template('sections', 'quote'),
    sourceSection: template('sections'),
    moreFirst: sentence,
    /** After /new: the next question is read on its own, not as a follow-up. */
    newConversation: sentence,
    related: template('topics'),
    didYouMean: template('topics'),
    disclaimerLabel: sentence,
    foodsLead: sentence,
    dosesLead: sentence,
    noFigure: sentence,
  }),
  /** The /settings reply's fields (src/discord/renderEmbeds.ts renderSettings) and stored-data items. */
  settingsView: z.strictObject({
    title: sentence,
    modeField: sentence,
    modeMentionOnly: sentence,
    modeAutoChannels: sentence,
    modeOff: sentence,
    channelsField: sentence,
    visibilityField: sentence,
    cooldownField: sentence,
    cooldownValue: template('seconds'),
    learningField: sentence,
    learningOn: sentence,
    learningOff: sentence,
    alertsField: sentence,
    alertsTo: template('channelId'),
    alertsToRole: template('channelId', 'roleId'),
    noteField: sentence,
    none: sentence,
    off: sentence,
    storedField: sentence,
    storedValue: template('votes', 'questions'),
    storedItem: template('what'),
  }),
  /** The terminal chat's /help: its lead line and what each command is for (src/cli/chatCommands.ts). */
  terminalCommandHelp: z.strictObject({
    lead: sentence,
    topics: sentence,
    topic: sentence,
    more: sentence,
    foods: sentence,
    dosage: sentence,
    vote: sentence,
    help: sentence,
    new: sentence,
    quit: sentence,
  }),
});
export type Texts = z.infer<typeof textsSchema>;

/** A word or phrase as the engine sees it: normalised lower case, words split by single spaces. */
export const spelling = z
  .string()
  .regex(/^[a-z0-9]+( [a-z0-9]+)*$/, 'must be lower-case letters and digits, words separated by one space');

export const ANTICOAGULANT_KINDS = ['vka', 'doac', 'heparin', 'antiplatelet', 'any', 'test'] as const;
export type AnticoagulantKind = (typeof ANTICOAGULANT_KINDS)[number];

/** One drug (or a word for blood thinners in general) with every spelling people use for it. */
export const anticoagulantSchema = z.strictObject({
  /** What the entry is, for people reading the file. */
  name: z.string().trim().min(1),
  /**
   * vka: vitamin K antagonists, the drugs the article's warning is about; doac and heparin:
   * anticoagulants that are not; antiplatelet; any: blood thinners in general; test: INR.
   */
  kind: z.enum(ANTICOAGULANT_KINDS),
  /**
   * false: the emergency gate and the warning-first check do not read these spellings yet
   * (they only lead to the DOAC notice). Kept as it was when the lists were merged.
   */
  gate: z.boolean().default(true),
  /**
   * A vitamin K antagonist other than warfarin, as a reply names it ("acenocoumarol (Sintrom)"):
   * people often do not know theirs is one, so a reply to a message naming it says so (safety
   * otherVkaNotice).
   */
  shownAs: z.string().trim().min(1).optional(),
  spellings: z.array(spelling).min(1),
});
export type Anticoagulant = z.infer<typeof anticoagulantSchema>;

const schemaReference = { $schema: z.string().optional() };

/** A canonical term: what matching compares ("k2", "dose", "sideeffect"). */
const concept = z.string().regex(/^[a-z0-9]+( [a-z0-9]+)*$/, 'must be a lower-case term');

/** Spellings, abbreviations, brand names and misspellings that stand for one or more concepts. */
export const synonymGroupSchema = z.strictObject({
  /** The concepts the variants stand for; none for filler phrases that are dropped ("keep hearing"). */
  to: z.array(concept),
  /** Each variant appears once in the whole file, in normalised form ("mk 7", not "MK-7"). */
  from: z.array(spelling).min(1),
  /**
   * Variants that match only as typed and are never a target of typo correction: words of other
   * languages, so that an English typo ("side efects") is not read as Spanish ("efectos").
   */
  exactOnly: z.boolean().optional(),
});
export type SynonymGroup = z.infer<typeof synonymGroupSchema>;

export const synonymsFileSchema = z.strictObject({
  ...schemaReference,
  groups: z.array(synonymGroupSchema).min(1),
});

export const wordsFileSchema = z.strictObject({
  ...schemaReference,
  /**
   * Misspellings the lexicon lists on purpose, each with the word it misspells. They match when
   * typed, but typo correction never aims at them: "chest" must not become "chese" (and so "cheese").
   */
  knownTypos: z.array(z.strictObject({ typo: spelling, of: spelling })),
  /**
   * Concepts that say how something is asked rather than what about ("what is", "good for"):
   * they break ties between topics but must not outweigh the subject of the question.
   */
  conceptWeights: z.record(concept, z.number().gt(0).max(1)),
  /**
   * Concepts that match almost any K2 question. A question needs at least one other matched word
   * (its subject) to be answered when it also holds words the knowledge base does not know.
   */
  genericTerms: z.array(concept),
  /**
   * General health subjects. Without a K2 word, a question only about these ("is red wine good
   * for the heart") is a general health question, not one for this bot.
   */
  generalHealthTerms: z.array(concept),
  /**
   * General health subjects that together are the article's own subject: calcium with the heart or
   * the arteries is the "calcium paradox" K2 is said to solve, so "can calcium supplements cause a
   * heart attack?" is a question for this bot even without a K2 word.
   */
  articleSubjectPairs: z.array(z.tuple([concept, concept])),
  /** Concepts that turn an anticoagulant question into a K2 one: foods, supplements, vitamin K. */
  warfarinCompanions: z.array(concept),
  /**
   * Concepts that only make sense in this knowledge base. Without one of them a question needs a
   * clearer match, because everyday words ("heart", "cheese", "memory") also occur off topic.
   */
  domainAnchors: z.array(concept),
  /**
   * Chat filler and function words. They carry no topic, so they are dropped before scoring; a
   * message made only of these ("hi", "thanks lol") has nothing to answer.
   */
  stopWords: z.array(z.string().regex(/^[a-z0-9]+$/, 'must be one lower-case word')),
  /**
   * Chat spellings of everyday words ("ur" for "your", "ppl" for "people"): the phrase lists read
   * them as the words they stand for, so "how does k2 leave ur body" asks what "leave your body" does.
   */
  chatSpellings: z
    .array(
      z.strictObject({
        written: z.string().regex(/^[a-z0-9]+$/, 'must be one lower-case word'),
        means: z.string().regex(/^[a-z]+$/, 'must be one lower-case word'),
      }),
    )
    .default([]),
  /**
   * Numbers written as words, in order ("one" is 1, "ten" 10, "twenty" 20): "forty five milligrams"
   * and "a hundred mics" are read as 45 and 100. Units alone stay words ("which one", "no one").
   */
  numberWords: z.strictObject({
    units: z.array(z.string().regex(/^[a-z]+$/)).length(9),
    teens: z.array(z.string().regex(/^[a-z]+$/)).length(10),
    tens: z.array(z.string().regex(/^[a-z]+$/)).length(8),
  }),
});
export type LexiconWords = z.infer<typeof wordsFileSchema>;

export const anticoagulantsFileSchema = z.strictObject({
  ...schemaReference,
  drugs: z.array(anticoagulantSchema).min(1),
});

export const textsFileSchema = textsSchema.extend(schemaReference);

/**
 * One alternative of a pattern: a word or phrase ("statins", "kidney stones"), or a small regular
 * expression where spelling varies ("statins?", "(keto|paleo)( diet)?", "mountaineer\\w*"). The
 * engine joins a list's alternatives with "|"; `npm test` checks every pattern built from them
 * for backtracking.
 */
const phrase = z
  .string()
  .min(1, 'must not be empty')
  .superRefine((text, ctx) => {
    try {
      new RegExp(text);
    } catch (error) {
      ctx.addIssue({ code: 'custom', message: `is not a valid pattern: ${(error as Error).message}` });
    }
  });

function alternatives() {
  return z
    .array(phrase)
    .min(1)
    .superRefine((list, ctx) => {
      const seen = new Set<string>();
      list.forEach((entry, i) => {
        if (seen.has(entry))
          ctx.addIssue({ code: 'custom', path: [i], message: `"${entry}" is listed twice` });
        seen.add(entry);
      });
    });
}

const phraseFields = {
  /** What the list is for, for people reading the file. */
  about: z.string().trim().min(1).optional(),
  /** Whole words or phrases: the pattern is `\b(one|two|…)\b`. */
  words: alternatives().optional(),
  /** Patterns used as written, each one alternative: the pattern is `one|two|…`. */
  patterns: alternatives().optional(),
};

function exactlyOneForm(list: { words?: unknown; patterns?: unknown }, ctx: z.RefinementCtx): void {
  if ((list.words === undefined) === (list.patterns === undefined)) {
    ctx.addIssue({ code: 'custom', message: 'give either "words" or "patterns"' });
  }
}

/** A named list of alternatives the engine builds one regular expression from. */
export const phraseListSchema = z.strictObject(phraseFields).superRefine(exactlyOneForm);
export type PhraseList = z.infer<typeof phraseListSchema>;

/** A decline class id, as named in rules and dev cases (`declineReason`). */
const declineClassId = z.string().regex(/^[a-z][a-z-]*$/, 'must be a lower-case id');

export const declineClassSchema = z.strictObject({
  id: declineClassId,
  /** What questions fall in this class. */
  about: z.string().trim().min(1),
  /** Who can answer instead, as the text names them. */
  resource: z.string().trim().min(1),
  /** An article quote in the message overrides this class: the quote is answered. */
  quoteMayOverride: z.boolean().default(false),
  /**
   * Words of this class only in the story, before a question complete on its own that names none
   * of them, do not decline that question ("I once looked after a newborn who missed the vitamin K
   * shot… can adults bleed from low vitamin K?").
   */
  storyMayPass: z.boolean().default(false),
  /** The decline. Without one the class uses the standard decline (texts.json `replies.decline`). */
  text: template('canAnswer').optional(),
});
export type DeclineClass = z.infer<typeof declineClassSchema>;

export const declineRuleSchema = z
  .strictObject({
    /** The class the rule declines as: one of `classes`. */
    class: declineClassId,
    /**
     * An incidental word ("gym", "football"): it only declines when the rest of the message is
     * not a clear K2 question ("chest day at the gym, but is k2 good for bones" is answered).
     */
    incidental: z.boolean().optional(),
    /**
     * Incidental only beside one of these words (whole words or phrases): an animal in a story
     * about "my dad" ("he walks the dog twice a day") is background to his K2 question, while
     * "is k2 safe for dogs with arthritis?" stays the vet's.
     */
    incidentalBeside: alternatives().optional(),
    /**
     * The word usually describes the asker, not the subject (a diet, the gym, a medicine they
     * take): beside a clear K2 question it is dropped even within the same clause.
     */
    context: z.boolean().optional(),
    /**
     * Whole words or phrases that make the message a general question the article answers, not
     * the decision the rule sends elsewhere: "why do newborns get a vitamin K shot?" is answered,
     * "should my newborn get the shot?" stays the pediatrician's.
     */
    unlessAsking: alternatives().optional(),
    /**
     * For an incidental rule: the sentence that opens the answer when its words are set aside
     * beside a clear K2 question ("on dialysis… is K2 processed by the kidneys?"): what the article
     * does not cover and who to ask, before what it does say.
     */
    besideK2: sentence.optional(),
    ...phraseFields,
  })
  .superRefine(exactlyOneForm);
export type DeclineRule = z.infer<typeof declineRuleSchema>;

export const DECLINE_LIST_NAMES = [
  'otherNutrients',
  'otherNutrientsWithK2',
  'calciumDosing',
  'everydaySymptoms',
  'nutrientComparisonCue',
  'nutrientComparisonFiller',
  'nutrientComparisonAfter',
] as const;

export const declinesFileSchema = z.strictObject({
  ...schemaReference,
  /** The out-of-scope classes: each names its resource and has its decline text. */
  classes: z.array(declineClassSchema).min(1),
  /** Out-of-scope rules, checked in order; the first rule that is not incidental decides. */
  rules: z.array(declineRuleSchema).min(1),
  /** Plain words that two classes' rules both list on purpose, with the reason. */
  sharedWords: z
    .array(
      z.strictObject({
        word: z.string().min(1),
        classes: z.array(declineClassId).min(2),
        why: z.string().min(1),
      }),
    )
    .default([]),
  /** Word lists the out-of-scope step reads besides the rules (src/engine/outOfScope.ts). */
  lists: namedPhraseLists(DECLINE_LIST_NAMES),
});
export type DeclinesLexicon = z.infer<typeof declinesFileSchema>;

export const PHRASE_LIST_NAMES = [
  'greetingWords',
  'greetingAddressees',
  'thanksLead',
  'reasonOpeners',
  'intensifiedAfterSo',
  'rejectionAfter',
  'alternativesAsked',
  'targetReached',
  'targetFillers',
  'targetEnds',
  'microgramWords',
  'disagreement',
  'thanksWords',
  'thanksTail',
  'laterAsks',
  'placeOrdinals',
  'placeNouns',
  'storyResolved',
  'storyTurns',
  'acknowledgementEmoji',
  'bareWhy',
  'articleAnchor',
  'doseTwice',
  'negationCue',
  'negatedObjectEnd',
  'questionStarts',
  'questionWords',
  'k2Vocabulary',
  'followUpPointers',
  'vitaminItself',
  'questionAnnouncements',
  'whoToAsk',
  'questionAnnouncementTopics',
  'vitaminDenied',
  'whoIsRight',
  'amountReceived',
  'clausePointers',
  'personPointers',
  'storyDemonstratives',
  'likeTheStory',
  'followUpEllipsis',
  'purposePointers',
  'followUpAspects',
  'followUpDegreeWords',
  'followUpYesOrNoRequests',
  'followUpSourceRequests',
  'contradictionAsked',
  'followUpSummaryRequests',
  'followUpPlainRequests',
  'explainForAudience',
  'basisAsked',
  'helpArrived',
  'helpOnTheWay',
  'basisDay',
  'basisWeek',
  'followUpShorterRequests',
  'followUpListRequests',
  'formRequestAsObject',
  'followUpAddenda',
  'statedQuestionVerbs',
  'challenges',
  'conditionalLeadIns',
  'addedQuestionOpeners',
  'studyNouns',
  'studyPointers',
  'studyIndefinites',
  'namedStudy',
  'troubleWithK2',
  'additiveWords',
  'definitionCompares',
  'followUpBreaks',
  'subjectPointers',
  'companionPointers',
  'correctionWords',
  'correctionFiller',
  'correctionMeant',
  'foodsListed',
  'animalPointers',
  'trialsAsked',
  'associationWords',
  'replacePrescription',
  'replacePointedAt',
  'k2AlreadyTaken',
  'requestDenied',
  'planDenied',
  'pregnancyTold',
  'pregnancyDenied',
  'amountOfBefore',
  'prescriptionWords',
  'definitionStress',
  'definitionTail',
  'anticoagulantNotTaken',
  'choiceAfterWhat',
  'reportingWords',
  'peopleNamed',
  'valueActions',
  'differenceWords',
  'verdictWords',
  'formDenials',
  'medicineOpeners',
  'nursedChild',
  'milligramWords',
  'conversionStated',
] as const;

/** A strict object of the named phrase lists the code reads: a missing or unknown name is an error. */
export function namedPhraseLists<const Names extends readonly string[]>(names: Names) {
  return z.strictObject(
    Object.fromEntries(names.map((name) => [name, phraseListSchema])) as Record<
      Names[number],
      typeof phraseListSchema
    >,
  );
}

/** What a question is after, beyond its subject: it nudges topics of the named categories. */
export const intentSchema = z
  .strictObject({
    ...phraseFields,
    categories: z.array(categorySchema).min(1),
    /** Added to the score of topics in those categories. */
    boost: z.number().gt(0).max(1),
    /** Instead of words or patterns: a list of declines.json `lists` read as it is. */
    sameAs: z.enum(DECLINE_LIST_NAMES).optional(),
  })
  .superRefine((intent, ctx) => {
    const forms = [intent.words, intent.patterns, intent.sameAs].filter((f) => f !== undefined).length;
    if (forms !== 1) ctx.addIssue({ code: 'custom', message: 'give one of "words", "patterns" or "sameAs"' });
  });
export type Intent = z.infer<typeof intentSchema>;

export const phrasesFileSchema = z.strictObject({
  ...schemaReference,
  /** What questions are after (how much, which foods, side effects…), checked for every question. */
  intents: z.array(intentSchema).min(1),
  /** Any of these makes a question about the asker's own intake, medicines or results. */
  personal: z.array(phraseListSchema).min(1),
  /** Named lists the engine (and the Discord auto-answer screen) build their patterns from. */
  lists: namedPhraseLists(PHRASE_LIST_NAMES),
});
export type PhrasesLexicon = z.infer<typeof phrasesFileSchema>;
