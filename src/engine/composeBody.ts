import type { FocusId } from '../kb/focusSchema.ts';
import { language, texts } from '../kb/language.ts';
import type { Correction, Topic } from '../kb/schema.ts';
import type { Analysis } from './analyze.ts';
import {
  anticoagulantFactIds,
  anticoagulantsNamed,
  asksToStopK2,
  asksToTakeK2,
  mayTakeVitaminKAntagonist,
  NOT_FOR_VKA,
  namesOnlyAntiplatelets,
  namesOnlyOtherAnticoagulants,
  ONLY_FOR_ANTICOAGULANTS,
  ONLY_FOR_DOAC,
  ONLY_FOR_VKA,
  VKA_AMOUNT,
  VKA_STOP,
  withoutAnticoagulants,
  withoutDeniedAnticoagulants,
} from './anticoagulantFacts.ts';
import { topicAnswer } from './composeAnswer.ts';
import { definitionAsked, definitionFollowedUp } from './definitionAsked.ts';
import { evidenceOpening } from './evidenceLead.ts';
import { type FactIndex, factIndexOf, type IndexedFact } from './factIndex.ts';
import { type AskedTerm, askedTerms, scoreFact } from './factScore.ts';
import { MASS_FIGURE } from './figureBasis.ts';
import {
  askedFigure,
  figureOpening,
  figuresQuotedIn,
  figuresReportedIn,
  type QuotedFigure,
  quotedFigures,
  statesAnAmount,
  statesFigure,
} from './figureLead.ts';
import { DOSAGE_CATEGORY, statedOwnerOfFigure } from './figureOwner.ts';
import { pointsBack, pointsBackToShown } from './followUp.ts';
import {
  chooseFollowUpFacts,
  type FollowUpHints,
  followUpFocus,
  followUpTerms,
  reasonsAsked,
  repeatsPrevious,
  SHOWN_BEFORE_FACTOR,
} from './followUpCompose.ts';
import { GENERIC_TERMS } from './lexicon.ts';
import { mapPacked } from './packedArray.ts';
import { isPersonal } from './personalNotice.ts';
import { phraseRegex } from './phrasePattern.ts';
import { stemmedWords } from './phraseSet.ts';
import {
  agesIn,
  askedSubjects,
  askingPart,
  asksWhoIsRight,
  clausesOpeningAQuestion,
  MIN_ASKING_WORDS,
  OWN_POINTS_BESIDE_OTHERS,
  onlyTells,
  type QuestionFocus,
  readFocus,
  sentenceBefore,
  sentencesBefore,
  TOGETHER_JOIN,
  VITAMIN_OWN_POINTS,
} from './questionFocus.ts';
import { ANSWER_THRESHOLD } from './rawConfidence.ts';
import { questionParts, TOO_MUCH, tookMoreThanADose } from './readings.ts';
import type { ScoredTopic } from './search.ts';
import { pointsAtAStudy, studyAsked } from './studyAsked.ts';
import type { TopicIndex } from './topicIndex.ts';
import type { Answer } from './types.ts';
import { conversionVerdict } from './unitConversion.ts';
import { claimIndexOf, claimLeadSentence } from './yesNoClaims.ts';

/**
 * The compose step: the body of an answer is the one to three facts that best answer the asked
 * point, led by the direct answer (yes/no, the figure, or what the article does not say), plus
 * the blood-thinner facts whenever an anticoagulant is named. The topic's summary and the other
 * corrections wait behind "More".
 */

const SITUATION_FACTS = language().focus.situationFacts;
/** Points that need reference facts beside the reply's own, each with its asking words compiled. */
const REFERENCE_FACTS = language().focus.referenceFacts.map((reference) => ({
  asked: phraseRegex({ words: reference.asked }),
  facts: reference.facts,
  leads: reference.leads === true,
  focus: reference.focus,
  unlessSubjects: reference.unlessSubjects ?? [],
}));

/** A further fact is shown when it scores at least this share of the best one… */
const FURTHER_FACT_RATIO = 0.75;
/** …and the body stays within this many words with it. */
const SOFT_WORDS = 60;
/** The body never has more words than this. */
export const MAX_BODY_WORDS = 100;
const MAX_FACTS = 3;
/** Words that ask for trial evidence (phrases.json `trialsAsked`). */
const TRIALS_ASKED = phraseRegex(language().phrases.lists.trialsAsked);
const TRIALS_ASKED_ALL = phraseRegex(language().phrases.lists.trialsAsked, 'g');
/** An association named beside the trials asked for (phrases.json `associationWords`): a choice between the two. */
const ASSOCIATION_NAMED = phraseRegex(language().phrases.lists.associationWords);
/** The kinds of evidence that are trials in people. */
const TRIAL_EVIDENCE: ReadonlySet<string> = new Set(['trial', 'small-trial']);
/** A fact about a trial gains this much when the question asks for trials, and one about an association loses it. */
const TRIAL_ASKED_WEIGHT = 2;
const trialWeight = (f: IndexedFact) =>
  TRIAL_EVIDENCE.has(f.fact.evidence ?? '')
    ? TRIAL_ASKED_WEIGHT
    : f.fact.evidence === 'observational'
      ? -TRIAL_ASKED_WEIGHT
      : 0;
/** A fact that states a figure the message quotes gains this much: the figure names the point asked. */
const QUOTED_FIGURE_WEIGHT = 2.5;
/** Facts of the runner-up topics compete when their topic scored this close to the best… */
const CLOSE_TOPIC_RATIO = 0.85;
/** …counting this much of their score, so the chosen topic wins ties. */
const CLOSE_TOPIC_FACTOR = 0.8;
const CLOSE_TOPICS = 2;

/** The words of a question that can match a fact: its terms and written forms, no generic ones. */
const termsOf = (analysis: Analysis) =>
  [...analysis.terms, ...analysis.surface].filter((t) => !GENERIC_TERMS.has(t));
/** Each word counting fully. */
const weighed = (terms: readonly string[]) => new Map(terms.map((t) => [t, 1]));
/** The words of a message's story beside its question count this much in ranking the topic's facts. */
const STORY_WEIGHT = 0.3;

/** One character that `\s` matches, for the rare character outside ASCII. */
const SPACE_CHARACTER = /^\s$/;

/**
 * The words of a text: its runs of non-space characters, as `text.match(/\S+/g).length` counts
 * them, without building the array of words (the compose step counts every fact and body it
 * weighs: that array was the second largest allocation of an answer's compose step).
 */
export function wordCount(text: string): number {
  let words = 0;
  let inWord = false;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    // ASCII spaces are " " and "\t".."\r"; any other character is tested as `\s` reads it.
    const space =
      code < 128 ? code === 32 || (code >= 9 && code <= 13) : SPACE_CHARACTER.test(text.charAt(i));
    if (!space && !inWord) words++;
    inWord = !space;
  }
  return words;
}

/** A question that asks why ("why is…", "how come…"). */
const ASKS_WHY = /^(?:so |but |and |ok )?(?:why|how come)\b/;

/** Words that make a clause lean on the one before: such a clause cannot open a reply. */
const LEANS_BACK =
  /^(but|and|which|so|the same|even|also|as)\b|\b(this|these|that|those|it|its|they|their|both|there)\b/i;
/** The correct part of a fact leads only when it says something on its own. */
const MIN_LEADING_WORDS = 8;
/** "The article says X; Y": what the article says, then what is so. */
const ARTICLE_FIRST = /^The (article|Key Takeaways)\b/;

/**
 * A fact as the reply's first sentence: its answer-first wording when it has one; where the
 * article is wrong, the correct part first and then what the article says.
 */
export function leadingText(f: IndexedFact): string {
  if (f.fact.answer) return f.fact.answer;
  const text = f.fact.text;
  const cut = text.indexOf('; ');
  if (!ARTICLE_FIRST.test(text) || cut < 0) return text;
  const article = text.slice(0, cut);
  let fact = text.slice(cut + 2).trim();
  // A short or leaning clause ("measured amounts are modest") cannot stand first on its own.
  if (LEANS_BACK.test(fact) || fact.split(' ').length < MIN_LEADING_WORDS) return text;
  if (fact.endsWith('.')) fact = fact.slice(0, -1);
  return `${fact.charAt(0).toUpperCase()}${fact.slice(1)}. ${article}.`;
}

/** A fact that says what the article claims and what is so ("The article says X; Y") corrects itself. */
function correctsItself(f: IndexedFact): boolean {
  return ARTICLE_FIRST.test(f.fact.text) && f.fact.text.includes('; ');
}

/**
 * The corrections about the facts shown, the first fact's first. A fact that already says where
 * the article is wrong needs no second note: its correction waits behind "More".
 */
function correctionsFor(shown: readonly IndexedFact[]): Correction[] {
  const out: Correction[] = [];
  for (const f of shown) {
    if (correctsItself(f)) continue;
    for (const c of f.topic.corrections) {
      if (c.facts?.includes(f.fact.id) && !out.includes(c)) out.push(c);
    }
  }
  return out;
}

/**
 * What the compose steps read: the message, what it asks, and the facts to choose from, worked
 * out once before the first step and never changed by one.
 */
interface ComposeContext {
  /** The message as the engine read it. */
  normalized: string;
  /** Its asking part. */
  part: string;
  /** The asking part answered now: a follow-up's own, else `part`. */
  askingNow: string;
  /** What the message asks in its own words: `askingNow`, or the whole message when that is too short. */
  askedByMessage: string;
  index: TopicIndex;
  byId: ReadonlyMap<string, Topic>;
  facts: FactIndex;
  focus: QuestionFocus;
  followUp: FollowUpHints | undefined;
  /** The topic the answer came with. */
  chosenTopic: Topic;
  /** A point asked that the article does not cover, when the reply's topic does not cover it either. */
  uncovered: QuestionFocus['uncovered'][number] | undefined;
  /** Someone who may be on a warfarin-type drug asks whether they may take K2. */
  takeOnVka: boolean;
  /**
   * The asker may be on a warfarin-type drug, by what the messages say: a follow-up's reading also
   * carries the previous topic's title ("K2 with warfarin and other anticoagulants"), which names
   * no one's drug ("on xarelto… morning or night?" is no warfarin question).
   */
  mayBeOnVka: boolean;
  /** What the messages say, without the previous topic's title: a follow-up's own and the question before it. */
  told: string;
  anticoagulantIds: readonly string[];
  /** The figures the message quotes, in its question or reported in its story. */
  quoted: readonly QuotedFigure[];
  shownBefore: ReadonlySet<string>;
  /** A follow-up's own words, and the previous question's (none for a single question). */
  ownTerms: readonly string[];
  previousTerms: readonly string[];
  /** Whether the message has a story beside its question whose words rank the topic's facts a little. */
  hasStory: boolean;
  /** The facts that may answer, and the runner-up topics whose facts compete. */
  candidates: readonly IndexedFact[];
  closeTopics: readonly ScoredTopic[];
  /** The topic that answers the only point of the vitamin's own asked, when that is not the chosen one. */
  home: Topic | undefined;
  /** How well a fact answers the message (with its story's words too when `withStory`). */
  score: (f: IndexedFact, size: number, withStory?: boolean) => number;
  byIdFact: (id: string) => IndexedFact | undefined;
}

/**
 * The reply as the compose steps build it: each may change its topic (and so its answer), its
 * facts and its opening. The steps are separate functions so that V8 optimises each on its own, as
 * soon as that step is hot and stable: as one function of 11 kB of bytecode, compose was first
 * optimised only after about 3,000 questions (it ran unoptimised until then), took up to a second of
 * compile time, and a new path through any part of it threw all of it away again.
 */
class Draft {
  answer: Answer;
  topic: Topic;
  main: IndexedFact[] = [];
  extra: IndexedFact[] = [];
  opening: string | null = null;
  nothingNew = false;
  /** The fact defining the asked term, when one leads. */
  defined: IndexedFact | null = null;
  /** The reply leads with a blood-thinner fact about a dose or stopping of one's own. */
  ownDoseOnVka = false;

  constructor(answer: Answer, topic: Topic) {
    this.answer = answer;
    this.topic = topic;
  }

  /** The reply becomes the answer of another topic (its title and warning), without it among the suggestions. */
  switchTo(topic: Topic, byId: ReadonlyMap<string, Topic>): void {
    const switched = topicAnswer(topic, byId, this.answer.confidence, this.answer.safety.warningFirst);
    switched.suggestions = this.answer.suggestions.filter((s) => s.id !== topic.id);
    this.answer = switched;
    this.topic = topic;
  }

  /** Puts these facts first (from wherever they were), the rest of the main facts after them. */
  leadWith(leading: readonly IndexedFact[]): void {
    const first = new Set(leading);
    this.main = [...first, ...this.main.filter((f) => !first.has(f))].slice(0, MAX_FACTS);
    this.extra = this.extra.filter((f) => !first.has(f));
  }
}

/**
 * Rewrites a topic answer's body from its facts. `normalized` is the message as the engine read
 * it. Answers without a topic and declines are returned unchanged.
 */
export function composeFactBody(
  chosen: Answer,
  normalized: string,
  index: TopicIndex,
  byId: ReadonlyMap<string, Topic>,
  ranked: readonly ScoredTopic[] = [],
  /** The analysis of `normalized`, when already made: reused when the whole message is the question. */
  analysis?: Analysis,
  /** Set when `normalized` is a follow-up read with the previous question (followUpCompose.ts). */
  followUp?: FollowUpHints,
): Answer {
  const chosenTopic = chosen.kind === 'answer' && chosen.topic ? byId.get(chosen.topic.id) : undefined;
  if (!chosenTopic) return chosen;
  const ctx = composeContext(chosenTopic, normalized, index, byId, ranked, analysis, followUp);
  if (!ctx) return chosen;
  const draft = new Draft(chosen, chosenTopic);
  chooseMainFacts(ctx, draft);
  leadWithStudyAsked(ctx, draft);
  figureForEachForm(ctx, draft);
  factForEachForm(ctx, draft);
  leadWithDefinition(ctx, draft);
  leadWithClaim(ctx, draft);
  addFactsBeside(ctx, draft);
  leadForBloodThinner(ctx, draft);
  withoutWarfarinOnlyFacts(ctx, draft);
  leadWithConversion(ctx, draft);
  return writeBody(ctx, draft);
}

/**
 * "how many women were in the 3-year mk7 bone trial": the fact that reports the study pointed at
 * leads, from whichever topic it is in (studyAsked.ts); the reply takes that topic's title.
 */
function leadWithStudyAsked(ctx: ComposeContext, draft: Draft): void {
  if (ctx.followUp || ctx.uncovered || !pointsAtAStudy(ctx.normalized)) return;
  const analysis = ctx.index.analyzer.analyze(ctx.normalized);
  const study = studyAsked(ctx.normalized, analysis, ctx.facts, draft.main[0]);
  if (!study || draft.main[0] === study) return;
  if (study.topic === draft.topic) {
    draft.leadWith([study]);
    return;
  }
  draft.switchTo(study.topic, ctx.byId);
  draft.main = [study];
  draft.extra = [];
  draft.opening = null;
}

/**
 * "600 mcg is just 0.6 mg. Is that correct?": a conversion the message states is checked first,
 * unless the reply already opens with what the article does not cover or a verdict on a claim.
 */
function leadWithConversion(ctx: ComposeContext, draft: Draft): void {
  if (draft.opening) return;
  const verdict = conversionVerdict(ctx.followUp ? ctx.followUp.message : ctx.normalized);
  if (verdict) draft.opening = verdict;
}

/**
 * "…also im on eliquis", "on xarelto, morning or night?": only blood thinners that do not work
 * through vitamin K are named, so what warfarin users are told ("no dose is safe", INR shifts) is
 * not theirs; the facts about their drugs take its place.
 */
function withoutWarfarinOnlyFacts(ctx: ComposeContext, draft: Draft): void {
  if (ctx.mayBeOnVka || !namesOnlyOtherAnticoagulants(ctx.told)) return;
  // Aspirin or clopidogrel alone: the DOAC fact is not theirs either.
  const antiplateletsOnly = namesOnlyAntiplatelets(ctx.told);
  const theirs = (f: IndexedFact) =>
    !ONLY_FOR_VKA.has(f.fullId) && !(antiplateletsOnly && ONLY_FOR_DOAC.has(f.fullId));
  if (draft.main.every(theirs) && draft.extra.every(theirs)) return;
  const main = draft.main.filter(theirs);
  const extra = draft.extra.filter(theirs);
  if (main.length === 0 && extra.length > 0) {
    draft.main = extra;
    draft.extra = [];
    draft.opening = null;
    draft.nothingNew = false;
    return;
  }
  if (main.length > 0) draft.main = main;
  draft.extra = extra;
}

/** Forms of the vitamin: the subjects with rivals (focus.json `subjects`: MK-4, MK-7, K1). */
const FORMS: ReadonlySet<string> = new Set(
  language()
    .focus.subjects.filter((subject) => (subject.rivals ?? []).length > 0)
    .map((subject) => subject.id),
);

/**
 * "mk4 vs mk7 half life?? need actual numbers": a figure asked of two forms needs each form's own.
 * The best facts gave MK-4's hours and a claim about MK-7 with no number; a fact of the topic that
 * states the asked kind of figure for the form without one takes the place of a fact that states none.
 */
function figureForEachForm(ctx: ComposeContext, draft: Draft): void {
  const { focus, followUp, uncovered } = ctx;
  if (followUp || uncovered || !focus.figure || focus.subjects.named.size < 2) return;
  const forms = [...focus.subjects.named].filter((id) => FORMS.has(id));
  if (forms.length < 2) return;
  const states = (f: IndexedFact) => askedFigure(f.fact.text, focus.words) !== null;
  for (const form of forms) {
    if (draft.main.some((f) => f.subjects.has(form) && states(f))) continue;
    const own = ctx.candidates.find((f) => f.subjects.has(form) && states(f) && !draft.main.includes(f));
    if (!own) continue;
    const without = draft.main.findIndex((f) => !states(f));
    if (without >= 0) draft.main[without] = own;
    else if (draft.main.length < MAX_FACTS) draft.main.push(own);
  }
}

/** Words that ask how two things differ, and words that ask which one wins instead. */
const DIFFERENCE_WORDS: ReadonlySet<string> = new Set(language().phrases.lists.differenceWords.words);
const VERDICT_WORDS: ReadonlySet<string> = new Set(language().phrases.lists.verdictWords.words);

/**
 * "What is actually the difference between MK-4 and MK-7?": two forms compared need what the
 * article says of each. The Key Takeaways' line naming both stood alone, without either form's
 * hours or dose; a form that has no fact of its own in the body gets its best candidate beside it.
 */
function factForEachForm(ctx: ComposeContext, draft: Draft): void {
  const { focus, followUp, uncovered } = ctx;
  if (followUp || uncovered || focus.figure || focus.yesNo) return;
  // A difference asked, not a verdict ("which one works better" asks the claim and its reason).
  if (!focus.words.some((w) => DIFFERENCE_WORDS.has(w)) || focus.words.some((w) => VERDICT_WORDS.has(w)))
    return;
  const forms = [...focus.subjects.named].filter((id) => FORMS.has(id));
  if (forms.length < 2) return;
  const onlyOf = (f: IndexedFact, form: string) =>
    f.subjects.has(form) && !forms.some((other) => other !== form && f.subjects.has(other));
  for (const form of forms) {
    if (draft.main.length >= MAX_FACTS) return;
    if (draft.main.some((f) => onlyOf(f, form))) continue;
    const own = ctx.candidates.find((f) => onlyOf(f, form) && !draft.main.includes(f));
    if (own) draft.main.push(own);
  }
}

/** The category of the blood-thinner topic (knowledge/topics/warfarin-interaction.json). */
const INTERACTIONS_CATEGORY = 'interactions';

/** A span in double quotation marks: pasted text. */
const QUOTED_SPAN = /"[^"]*"/g;

/** What the steps read, or null when the chosen topic has no facts to compose from. */
function composeContext(
  chosenTopic: Topic,
  normalized: string,
  index: TopicIndex,
  byId: ReadonlyMap<string, Topic>,
  ranked: readonly ScoredTopic[],
  analysis: Analysis | undefined,
  followUp: FollowUpHints | undefined,
): ComposeContext | null {
  const topic = chosenTopic;
  const facts = factIndexOf(index);
  let candidates = facts.byTopic.get(topic.id) ?? [];
  if (candidates.length === 0) return null;
  const chosenScore = ranked.find((r) => r.topic.id === topic.id)?.score ?? 0;
  let closeTopics = ranked
    .filter((r) => r.topic.id !== topic.id && r.score >= chosenScore * CLOSE_TOPIC_RATIO && r.score > 0)
    .slice(0, CLOSE_TOPICS);
  const focus = followUp ? followUpFocus(followUp) : readFocus(normalized);
  // Asked only a point of the vitamin's own that the topic has no fact for, the facts of the topic
  // that answers it compete as fully as the topic's own. Only: "what foods give me k2" asks for
  // foods, though "give me" also asks what K2 causes.
  // "do i need to take mk7 with a meal?": a point that decides beside others does so when it is the
  // question's only point of the vitamin's own.
  const ownPoints = focus.focuses.filter((id) => VITAMIN_OWN_POINTS.has(id));
  const [onlyOwn] = ownPoints.length === 1 ? ownPoints : [];
  const ownPoint =
    !followUp && onlyOwn && (focus.focuses.length === 1 || OWN_POINTS_BESIDE_OTHERS.has(onlyOwn))
      ? onlyOwn
      : undefined;
  const homeId = ownPoint && VITAMIN_OWN_POINTS.get(ownPoint);
  const home = homeId && homeId !== topic.id ? byId.get(homeId) : undefined;
  if (ownPoint && home && !candidates.some((f) => f.focuses.has(ownPoint)))
    closeTopics = [{ topic: home, score: chosenScore }, ...closeTopics.filter((c) => c.topic !== home)];
  // "…vitamin K2 (MK-7) 45 mcg per day. Is 45 mcg enough?": the story's item that gives the
  // figure asked names what a dose topic's facts are asked of.
  const asking = askingPart(normalized);
  const owner =
    followUp || topic.category !== DOSAGE_CATEGORY ? null : statedOwnerOfFigure(normalized, asking);
  const part = owner ? `${asking} , ${owner}` : asking;
  let terms: ReadonlyMap<string, number>;
  /** The question's words with its story's, for the chosen topic's own facts (single questions). */
  let storyTerms: ReadonlyMap<string, number> | null = null;
  /** A follow-up's own words ("warfarin" in "is that ok with warfarin?"). */
  let ownTerms: readonly string[] = [];
  /** The previous question's words, for a follow-up. */
  let previousTerms: readonly string[] = [];
  if (followUp) {
    ownTerms = termsOf(index.analyzer.analyze(askingPart(followUp.message)));
    previousTerms = termsOf(index.analyzer.analyze(followUp.previousReading));
    terms = followUpTerms(followUp, ownTerms, previousTerms);
  } else {
    // "I'm 45, how much k2?": an age is who asks, not a figure to find in the facts.
    const ages = new Set(agesIn(stemmedWords(normalized)).map(String));
    const asked = termsOf(analysis && part === normalized ? analysis : index.analyzer.analyze(part));
    terms = weighed(asked.filter((t) => !ages.has(t.replace(/^=/, ''))));
    // "any side effects? been on it 4 days and my stomach feels off": the story's own words tell
    // which fact of the chosen topic fits, a little; they never bring another topic's facts.
    if (part !== normalized) {
      const story = termsOf(analysis ?? index.analyzer.analyze(normalized));
      const withStory = new Map(terms);
      for (const t of story)
        if (!withStory.has(t) && !ages.has(t.replace(/^=/, ''))) withStory.set(t, STORY_WEIGHT);
      storyTerms = withStory;
    }
  }
  const shownBefore = new Set(followUp?.shownBefore ?? []);
  // "My dad is on warfarin and wants to start d3+k2 for his bones": whether he may take it at all
  // is the answer, not that the article's bone trials were in women. It is read in the asking part,
  // so that "i just started it" about the warfarin in a story is not; a short one ("good idea?")
  // asks about the story itself.
  const askingNow = followUp ? askingPart(followUp.message) : part;
  const askedByMessage =
    askingNow.split(/\s+/).length < MIN_ASKING_WORDS ? (followUp?.message ?? normalized) : askingNow;
  // A blood thinner said not to be taken ("it's not warfarin") tells nothing of the asker's.
  const told = withoutDeniedAnticoagulants(
    followUp ? `${followUp.message} , ${followUp.previousReading}` : normalized,
  );
  const mayBeOnVka = mayTakeVitaminKAntagonist(told);
  const takeOnVka = asksToTakeK2(askedByMessage) && mayBeOnVka;
  // A word of the article's own text pasted in quotation marks ("the article says 'egg yolks, a
  // good option for breakfast…' is that accurate?") asks no point the article does not cover.
  const outsideQuotes = part.replace(QUOTED_SPAN, ' ');
  const askedOutsideQuotes = (word: string) =>
    outsideQuotes === part || outsideQuotes.includes(word.split(TOGETHER_JOIN)[0] as string);
  const uncovered = takeOnVka
    ? undefined
    : focus.uncovered.find((u) => !(u.point.except ?? []).includes(topic.id) && askedOutsideQuotes(u.word));
  // "Does k2 help neuropathy?" asks what K2 does: facts that only describe neuropathy give way,
  // where the topic has a fact that names K2 and says what it does ("natto, good for bones?"
  // keeps the natto facts it has). Asked about an effect on a point the article does not cover
  // ("does k2 help hot flashes?"), no fact answers the effect: the nearest facts are chosen as usual.
  const effectAsked = focus.focuses.includes('effect') && !uncovered;
  const answersEffect = (f: IndexedFact) =>
    (facts.byTopic.get(f.topic.id) ?? []).some((other) => other.namesVitamin && other.focuses.has('effect'));
  const scoredFocus = uncovered
    ? { ...focus, focuses: focus.focuses.filter((id) => id !== 'effect') }
    : focus;
  // "Wait, it said 10 grams?", "a blog says 10-45 mcg. which is right?": the fact that states the
  // figure the message quotes, in its question or reported in its story, is what it asks about.
  const quoted = followUp ? quotedFigures(followUp.message) : figuresQuotedIn(part, normalized);
  const anticoagulantIds = anticoagulantFactIds(normalized, focus.figure || takeOnVka);

  // "On warfarin, how much k2 is in cheese?": the blood-thinner facts come anyway (below), so the
  // main facts answer what else is asked, when the rest of the message has a clear topic.
  if (anticoagulantIds.some((id) => id.startsWith(`${topic.id}/`))) {
    const rest = withoutAnticoagulants(normalized);
    const subject = rest === normalized ? null : index.search(rest);
    const best = subject?.ranked[0];
    // Only when the rest names a subject of its own ("what about eliquis then?" names none).
    const ownSubject = subject?.analysis.terms.some((t) => !GENERIC_TERMS.has(t)) ?? false;
    if (
      subject &&
      best &&
      ownSubject &&
      subject.confidence >= ANSWER_THRESHOLD &&
      best.topic.id !== topic.id
    ) {
      // The answer stays the interaction topic (its title and warning); its first fact answers the rest.
      candidates = facts.byTopic.get(best.topic.id) ?? candidates;
      terms = weighed(termsOf(subject.analysis));
      storyTerms = null;
      closeTopics = [];
    }
  }

  // "Any randomized trials on k2 for the heart?": the trials answer, not the cohorts; "is it from
  // trials or just observational?" asks which, and both kinds answer.
  const trialWords = askedByMessage.replace(/'/g, '');
  const trialsAsked =
    TRIALS_ASKED.test(trialWords) && !ASSOCIATION_NAMED.test(trialWords.replace(TRIALS_ASKED_ALL, ' '));
  // The question's words as the facts are scored by, worked out at the first score.
  let askedNow: AskedTerm[] | null = null;
  let askedWithStory: AskedTerm[] | null = null;
  const score = (f: IndexedFact, size: number, withStory = false) => {
    askedNow ??= askedTerms(terms, facts);
    if (withStory && storyTerms) askedWithStory ??= askedTerms(storyTerms, facts);
    const asked = withStory && askedWithStory ? askedWithStory : askedNow;
    // A follow-up stays in the topic it follows: a figure alone does not make another its answer.
    const statesQuoted = (!followUp || f.topic === chosenTopic) && statesFigure(f, quoted);
    return (
      scoreFact(f, asked, scoredFocus, size, effectAsked && answersEffect(f)) *
        (shownBefore.has(f.fullId) ? SHOWN_BEFORE_FACTOR : 1) +
      (statesQuoted ? QUOTED_FIGURE_WEIGHT : 0) +
      (trialsAsked ? trialWeight(f) : 0)
    );
  };
  return {
    normalized,
    part,
    askingNow,
    askedByMessage,
    index,
    byId,
    facts,
    focus,
    followUp,
    chosenTopic,
    uncovered,
    takeOnVka,
    mayBeOnVka,
    told,
    anticoagulantIds,
    quoted,
    shownBefore,
    ownTerms,
    previousTerms,
    hasStory: storyTerms !== null,
    candidates,
    closeTopics,
    home,
    score,
    byIdFact: (id: string) => facts.byId.get(id),
  };
}

/**
 * The facts that answer the asked point: a point the article does not cover gets its nearest
 * facts; otherwise the best-scored fact of the topic or of a close runner-up, with the next ones
 * that score nearly as well and fit in the words left.
 */
function chooseMainFacts(ctx: ComposeContext, draft: Draft): void {
  const { uncovered, byId, anticoagulantIds, byIdFact } = ctx;
  if (uncovered) {
    // Words asked together ("magnesium … k2 or") put the first group's word in the sentence.
    const word = uncovered.word.split(TOGETHER_JOIN)[0] as string;
    draft.opening = uncovered.point.says.replace('{word}', uncovered.point.shownAs?.[word] ?? word);
    const { nearest, fallback, ownFactsIn } = uncovered.point;
    // Fallback facts only where the reply comes from their topic: a topic's own question keeps its
    // facts. So does a topic whose own facts are nearer than the point's ("how long till it helps"
    // after nerve damage: what is known about K2 and nerves, not a bone trial).
    const ownFacts = ownFactsIn?.includes(draft.topic.id) === true;
    const ids = ownFacts
      ? []
      : (nearest ?? (fallback?.some((id) => id.startsWith(`${draft.topic.id}/`)) ? fallback : []));
    const near = mapPacked(ids, byIdFact).filter((f): f is IndexedFact => f !== undefined);
    // "and for kids?" after an amount wants the children's figures first; "is 200 too much for my
    // 9 year old?" the safety facts: the nearest facts that answer what is asked lead, then those
    // that share more of the question's focuses (who is asked about among them).
    const first = ctx.focus.focuses.find((id) => id !== 'population');
    const answersAsked = (f: IndexedFact) =>
      (first !== undefined && f.focuses.has(first) ? ctx.focus.focuses.length : 0) +
      ctx.focus.focuses.filter((id) => f.focuses.has(id)).length;
    // Array.prototype.sort is stable: facts that fit as well keep the point's order.
    draft.main = near.sort((a, b) => answersAsked(b) - answersAsked(a));
    // "so breakfast or dinner?" after an egg answer, or "how much k2 can i give my 6yo" matched
    // weakly to supplement doses: the nearest facts are all another topic's, so the reply is titled
    // by that topic, and the next message is read with it. A blood-thinner reply keeps its
    // interaction topic.
    const home = draft.main[0]?.topic;
    if (
      anticoagulantIds.length === 0 &&
      home &&
      home !== draft.topic &&
      draft.main.every((f) => f.topic === home)
    )
      draft.switchTo(home, byId);
  }
  if (draft.main.length === 0) rankMainFacts(ctx, draft);
}

/** The best-scored facts, when no uncovered point chose them (see chooseMainFacts). */
function rankMainFacts(ctx: ComposeContext, draft: Draft): void {
  const { candidates, closeTopics, facts, score, followUp, normalized, focus, byId } = ctx;
  const topic = draft.topic;
  const scored = mapPacked(candidates, (f) => ({ f, score: score(f, candidates.length) }));
  for (const close of closeTopics) {
    const theirs = facts.byTopic.get(close.topic.id) ?? [];
    const factor = close.topic === ctx.home ? 1 : CLOSE_TOPIC_FACTOR;
    for (const f of theirs) scored.push({ f, score: factor * score(f, theirs.length) });
  }
  scored.sort((a, b) => b.score - a.score);
  // The story reorders only the chosen topic's facts, once they lead: it never brings another
  // topic's ("three weeks into mk-7 at 200 a day, are there side effects?" keeps the side effects).
  if (ctx.hasStory && scored[0]?.f.topic === topic) {
    for (const x of scored) if (x.f.topic === topic) x.score = score(x.f, candidates.length, true);
    scored.sort((a, b) => b.score - a.score);
  }
  // "i saw '10 grams of k2 lowers risk by 7%'": the fact of the chosen topic that states a
  // figure the story reports someone saying leads, however few of the message's other words it
  // has ("diabetes" is the topic's word, not the figure fact's); the bonus alone left it behind
  // the topic's core. A figure that only names the thing asked ("the 45 mg mk4 thing") does not.
  const reported = followUp ? [] : figuresReportedIn(normalized);
  if (reported.length > 0) {
    const statesIt = scored.find((x) => x.f.topic === topic && statesFigure(x.f, reported));
    if (statesIt && statesIt !== scored[0]) {
      scored.splice(scored.indexOf(statesIt), 1);
      scored.unshift({ f: statesIt.f, score: (scored[0]?.score ?? 0) + QUOTED_FIGURE_WEIGHT });
    }
  }
  const best = scored[0] as { f: IndexedFact; score: number };
  // A runner-up topic's fact answers the point better: that topic is the answer.
  if (best.f.topic !== topic && closeTopics.some((c) => c.topic === best.f.topic))
    draft.switchTo(best.f.topic, byId);
  const ranked = scored.filter((x) => x.f.topic === best.f.topic);
  let main = [best.f];
  let words = best.f.words;
  // Room for the blood-thinner facts: with them, the best fact stands alone.
  const softLimit = ctx.anticoagulantIds.length > 0 ? 0 : SOFT_WORDS;
  for (const next of ranked.filter((x) => x !== best)) {
    if (main.length >= MAX_FACTS || next.score < best.score * FURTHER_FACT_RATIO) break;
    if (words + next.f.words > softLimit) continue;
    main.push(next.f);
    words += next.f.words;
  }
  // A follow-up does not lead with a fact just shown unless nothing else answers it (followUpCompose.ts).
  const reasons = followUp ? reasonsAsked(followUp, focus, facts.byId, ctx.previousTerms) : [];
  if (reasons[0]) {
    main = reasons;
    if (reasons[0].topic !== draft.topic) draft.switchTo(reasons[0].topic, byId);
  } else if (!followUp && ASKS_WHY.test(ctx.part)) {
    // "Why is the MK-4 dose so much bigger?": the reason the best fact names comes first.
    const reason = mapPacked(main[0]?.fact.because ?? [], (id) => facts.byId.get(id)).find(
      (f): f is IndexedFact => f !== undefined && !main.includes(f),
    );
    if (reason) main = [reason, ...main].slice(0, MAX_FACTS);
  } else if (followUp) {
    let nothingNew: boolean;
    ({ main, nothingNew } = chooseFollowUpFacts(
      main,
      ranked,
      ctx.shownBefore,
      focus,
      ctx.ownTerms,
      followUp.newTerms,
      pointsBackToShown(followUp.message),
    ));
    // What the article does not cover is the news ("what about my son, hes 12?"): it keeps the
    // opening, and the facts after it are said to be the same as before.
    if (nothingNew && ctx.uncovered) nothingNew = false;
    else if (nothingNew) draft.opening = texts().replies.followUpNothingNew;
    draft.nothingNew = nothingNew;
  }
  draft.main = main;
}

/** "What even is K2?", "what's INR?": the fact defining the asked term leads, in its own topic. */
function leadWithDefinition(ctx: ComposeContext, draft: Draft): void {
  const { uncovered, followUp, facts } = ctx;
  let defined: IndexedFact | null = null;
  if (!uncovered && followUp) {
    const own = readFocus(followUp.message);
    const asksOwnPoint = own.focuses.length > 0 || own.yesNo;
    defined = definitionFollowedUp(
      askingPart(followUp.message),
      followUp.previousReading,
      asksOwnPoint,
      facts,
      followUp.message,
    );
  } else if (!uncovered) defined = definitionAsked(ctx.part, facts, ctx.normalized);
  if (!defined) return;
  draft.defined = defined;
  // A definition not shown before is something new ("is µg the same as mcg?" after a warfarin answer).
  if (draft.nothingNew && !ctx.shownBefore.has(defined.fullId)) {
    draft.nothingNew = false;
    draft.opening = null;
  }
  if (defined.topic !== draft.topic) {
    draft.switchTo(defined.topic, ctx.byId);
    const theirs = facts.byTopic.get(draft.topic.id) ?? [];
    draft.main = theirs
      .filter((f) => f !== defined)
      .map((f) => ({ f, score: ctx.score(f, theirs.length) }))
      .sort((a, b) => b.score - a.score)
      .map((x) => x.f);
  }
  const rest = draft.main.filter((f) => f !== defined && f.topic === draft.topic);
  const main = [defined];
  let words = defined.words;
  for (const f of rest) {
    if (main.length >= MAX_FACTS - 1 || words + f.words > SOFT_WORDS) break;
    main.push(f);
    words += f.words;
  }
  draft.main = main;
}

/** How many sentences back a question of who is right looks for the claim told: a letter's last few. */
const TOLD_CLAIM_REACH = 3;

/** A yes/no question that asks a claim a fact answers: that fact first, with its yes or no. */
function leadWithClaim(ctx: ComposeContext, draft: Draft): void {
  const { focus, followUp, index, part, normalized } = ctx;
  // "my coach says k2 reverses hardened arteries… who is right?" asks whether the claim told holds.
  const verdict = !followUp && asksWhoIsRight(part);
  if (!(focus.yesNo || verdict) || draft.opening || draft.main.length === 0 || draft.defined) return;
  const claims = claimIndexOf(index, () => index.entries.map((e) => e.topic), index.analyzer);
  const asked = followUp ? askingPart(followUp.message) : part;
  const whole = followUp ? followUp.message : normalized;
  // "…just been diagnosed with early alzheimers. can k2 slow it down at all?": a question that
  // points back takes the claim's words from the sentence before it, as a follow-up does from
  // the previous question. A question of who is right takes them from the nearest sentence
  // before it that tells a claim, or, asked in the same sentence ("my sister reckons k2 dissolves
  // hardened arteries, who's right?"), from the message itself.
  const toldBefore = verdict ? sentencesBefore(normalized, part).slice(0, TOLD_CLAIM_REACH) : [];
  const told = verdict && toldBefore.length === 0 ? [normalized] : toldBefore;
  const carried = followUp?.previousReading ?? (pointsBack(part) ? sentenceBefore(normalized, part) : '');
  let claim = claims.match(asked, carried, whole);
  // Its own words ("who is closer to the truth") ask nothing of the claim.
  for (let i = 0; claim === null && i < told.length; i++) claim = claims.match('', told[i], whole);
  // "Does K2 thicken blood?" from someone on warfarin: the healthy person's "No." is not theirs.
  const misleads = claim !== null && NOT_FOR_VKA.has(claim.claim.factId) && ctx.mayBeOnVka;
  const claimed = claim && !misleads ? ctx.byIdFact(claim.claim.factId) : undefined;
  // A follow-up stays with the subject it points back at: a claim of another topic is not its.
  if (!claim || !claimed || (followUp && claimed.topic !== draft.topic)) return;
  // The blood-thinner topic stays the answer (its title and warning) with the claimed fact first.
  const staysInteraction = ctx.anticoagulantIds.some((id) => id.startsWith(`${draft.topic.id}/`));
  if (staysInteraction) draft.main = [claimed];
  else if (claimed.topic !== draft.topic) {
    draft.switchTo(claimed.topic, ctx.byId);
    draft.main = [claimed];
  } else
    draft.main = [claimed, ...draft.main.filter((f) => f !== claimed && f.topic === draft.topic)].slice(
      0,
      MAX_FACTS,
    );
  draft.opening = claimLeadSentence(claim);
}

/**
 * The facts shown beside the main ones: the blood-thinner facts, the facts of a situation the
 * message names, the reference facts a point needs, and the facts stating the figures it weighs.
 */
function addFactsBeside(ctx: ComposeContext, draft: Draft): void {
  const { normalized, focus, facts, byIdFact, askingNow, quoted } = ctx;
  // Someone who may be on a warfarin-type drug: a fact about people who are not on one ("extra K2 is
  // not expected to thicken the blood") would mislead them, and whether they may take, eat or avoid
  // something is answered by the interaction facts first.
  if (ctx.mayBeOnVka) {
    draft.main = draft.main.filter((f) => !NOT_FOR_VKA.has(f.fullId));
  } else if (!ctx.followUp && anticoagulantsNamed(normalized).length === 0) {
    // "My husband takes a 45 mcg tablet, is that too little?": the doses no one on warfarin may take
    // are not his answer, when another fact gives one.
    const forEveryone = draft.main.filter((f) => !ONLY_FOR_ANTICOAGULANTS.has(f.fullId));
    if (forEveryone.length > 0) draft.main = forEveryone;
  }
  const shownIds = new Set(draft.main.map((f) => f.fullId));
  const extra = mapPacked(
    ctx.anticoagulantIds.filter((id) => !shownIds.has(id)),
    byIdFact,
  ).filter((f): f is IndexedFact => f !== undefined);
  // "Would the 45 mg dose be ok? I'm pregnant": a situation the message names brings the facts that
  // apply to it when the reply is of a kind they concern (focus.json situationFacts).
  // "what about for my dad, he's 80?" after the daily intake: the facts of a situation the follow-up
  // names and the question before did not are something new to say, not "the article doesn't say
  // more than my last answer". They follow the facts that answer the question: led by the older
  // adults' figure, "Above 100 mcg." read as a 75-year-old's intake (blind round 46).
  let newFactsForSomeoneNamed = false;
  for (const situation of SITUATION_FACTS) {
    if (!focus.subjects.named.has(situation.subject) || !situation.categories.includes(draft.topic.category))
      continue;
    const newlyNamed =
      ctx.followUp !== undefined &&
      !readFocus(ctx.followUp.previousReading).subjects.named.has(situation.subject);
    for (const f of mapPacked(situation.facts, byIdFact)) {
      if (f && !shownIds.has(f.fullId) && !extra.includes(f)) {
        extra.push(f);
        if (newlyNamed) newFactsForSomeoneNamed = true;
      }
    }
  }
  draft.extra = extra;
  if (newFactsForSomeoneNamed && draft.nothingNew) {
    draft.nothingNew = false;
    draft.opening = null;
  }
  // "Is that more than I need in a day?" after a food's figure: the point needs the facts to
  // compare with, from whatever topic (focus.json referenceFacts).
  // An amount is asked by its words ("how many pills") or by naming one ("is 1000 mcg too much?").
  // "Is that a lot?" after an answer that gave an amount asks about that amount; "is that safe long
  // term?" asks a point of its own (the side effects), which its own words find.
  const pointsAtShownAmount = () =>
    focus.focuses.length === 0 &&
    pointsBack(askingNow) &&
    (ctx.followUp?.shownBefore ?? []).some((id) => {
      const shown = byIdFact(id);
      return shown !== undefined && statesAnAmount(shown);
    });
  // "I take 100 mcg of MK-7 each day… Am I taking far too much?": the dose the story tells is the
  // amount asked about.
  const toldDose = () => askingNow !== normalized && MASS_FIGURE.test(normalized);
  const asksFocus = (id: FocusId) =>
    focus.focuses.includes(id) ||
    (id === 'amount' && (focus.figure || /\b\d/.test(askingNow) || pointsAtShownAmount() || toldDose()));
  // "How long does mk-4 stay in your system, and is there a max dose?": a second question is
  // answered as a part of its own (answerOtherParts); a reference fact does not take the first's place.
  const asksOneThing = () =>
    questionParts(askingNow).length <= 1 && clausesOpeningAQuestion(askingNow).length <= 1;
  const leadingReferences: IndexedFact[] = [];
  // "Took my k2 twice this morning (2x 100mcg)": more than a dose taken asks whether that much is too much.
  const askedOfReferences = tookMoreThanADose(normalized) ? `${askingNow} , ${TOO_MUCH}` : askingNow;
  for (const reference of REFERENCE_FACTS) {
    if (!reference.asked.test(askedOfReferences)) continue;
    if (reference.focus && !asksFocus(reference.focus)) continue;
    // Named in the question itself: a D3 dose on the label in the story does not make "is 200 mcg
    // of K2 too much?" a D3 question.
    if (reference.unlessSubjects.length > 0) {
      const named = readFocus(askingNow).subjects.named;
      if (reference.unlessSubjects.some((id) => named.has(id))) continue;
    }
    for (const f of mapPacked(reference.facts, byIdFact)) {
      // "No upper limit" is no answer for someone who may be on a warfarin-type drug.
      if (!f || (NOT_FOR_VKA.has(f.fullId) && ctx.mayBeOnVka)) continue;
      if (reference.leads) {
        // A fact the last answer did not show is something more to say about it.
        const openingFree = !draft.opening || (draft.nothingNew && !ctx.shownBefore.has(f.fullId));
        if (openingFree && !draft.defined && asksOneThing()) leadingReferences.push(f);
      }
      // Within the facts' own topic the point is the reply's own: its facts were chosen for it.
      else if (f.topic !== draft.topic && !shownIds.has(f.fullId) && !draft.extra.includes(f))
        draft.extra.push(f);
    }
  }
  if (leadingReferences.length > 0) {
    if (draft.nothingNew) {
      draft.nothingNew = false;
      draft.opening = null;
    }
    draft.leadWith(leadingReferences);
  }
  // "My label says 100 mcg, a blog says 10-45 mcg: which is right?", "did the 180 mcg trial slow bone
  // loss?": a message that weighs figures against each other, or asks about the study a figure
  // names, gets for each figure no fact shown states the first fact that does, from whatever topic.
  // One figure alone ("how many eggs for 90 mcg") is a target, not a claim to check.
  const checksFigures = quoted.length > 1 || focus.focuses.includes('evidence');
  for (const figure of checksFigures ? quoted : []) {
    const stated = (f: IndexedFact) => statesFigure(f, [figure]);
    if ([...draft.main, ...draft.extra].some(stated)) continue;
    const elsewhere = [...facts.byId.values()].find((f) => !shownIds.has(f.fullId) && stated(f));
    if (elsewhere) draft.extra.push(elsewhere);
  }
}

/**
 * Which facts lead for a blood thinner: the ones a follow-up newly names, the interaction facts
 * when no main fact answers, and what may be taken or stopped on a warfarin-type drug.
 */
function leadForBloodThinner(ctx: ComposeContext, draft: Draft): void {
  const { followUp, normalized, anticoagulantIds, focus } = ctx;
  // A blood thinner the follow-up names and the question before did not is what is new.
  const newlyNamed =
    followUp !== undefined &&
    anticoagulantsNamed(followUp.message).length > 0 &&
    anticoagulantsNamed(followUp.previousReading).length === 0;
  // "Oh and he takes warfarin too" after a D3 + K2 answer: not nothing; its facts lead.
  if (newlyNamed && draft.nothingNew && draft.extra.length > 0) {
    draft.nothingNew = false;
    draft.opening = null;
    draft.main = [...draft.extra, ...draft.main].slice(0, MAX_FACTS);
    draft.extra = [];
  }
  // "what about lixiana, my cardio might switch me to that" after natto on warfarin: a blood thinner
  // the question before did not name is what is asked now, and the facts for it lead.
  if (followUp && !onlyTells(followUp.message)) {
    const before = anticoagulantsNamed(followUp.previousReading);
    const other =
      before.length > 0 && anticoagulantsNamed(followUp.message).some((drug) => !before.includes(drug));
    const forIt = other ? anticoagulantFactIds(followUp.message) : [];
    const facts = mapPacked(forIt, ctx.byIdFact).filter((f): f is IndexedFact => f !== undefined);
    const first = draft.main[0];
    if (facts.length > 0 && first && !forIt.includes(first.fullId)) {
      draft.nothingNew = false;
      draft.opening = null;
      draft.leadWith(facts);
    }
  }
  // …and so it is when the reply has more to say: told, not asked ("oh i should mention i take
  // warfarin" after a bone answer led with a bone trial and left the interaction facts behind it),
  // or told by someone whose blood thinner the conversation named before ("i had a big bowl
  // yesterday tbh" after "im on warfarin, can i eat natto"). A question about it ("is that ok with
  // warfarin?", "why does warfarin care?") has its own answer.
  const onTheirsBefore =
    followUp !== undefined &&
    mayTakeVitaminKAntagonist(withoutDeniedAnticoagulants(followUp.previousReading));
  if (
    followUp &&
    onlyTells(followUp.message) &&
    ((newlyNamed && mayTakeVitaminKAntagonist(withoutDeniedAnticoagulants(followUp.message))) ||
      onTheirsBefore)
  ) {
    // A food's own figure carried for a blood-thinner user (the cheese's K2) is no interaction fact:
    // what the drug does with it leads.
    const speaksOfTheDrug = (f: IndexedFact) =>
      anticoagulantIds.includes(f.fullId) &&
      (f.topic.category === INTERACTIONS_CATEGORY ||
        anticoagulantsNamed(f.fact.text.toLowerCase()).length > 0);
    const interaction = [...draft.main, ...draft.extra].filter(speaksOfTheDrug);
    const first = draft.main[0];
    if (interaction.length > 0 && first && !speaksOfTheDrug(first)) draft.leadWith(interaction);
  }
  // "Is that ok with warfarin?" after a cheese answer: the blood-thinner facts are the answer, not
  // a cheese fact that has neither the message's words nor what it asks.
  const answersMessage = (f: IndexedFact) =>
    ctx.ownTerms.some((t) => f.terms.has(t)) || focus.focuses.some((id) => f.focuses.has(id));
  if (followUp && draft.extra.length > 0 && !draft.opening && !draft.main.some(answersMessage)) {
    draft.main = draft.extra;
    draft.extra = [];
  }

  // "…the kitchen wants more Gouda and natto for everyone. What should staff be aware of for the
  // residents on warfarin?": a question that itself names the blood thinner, and that none of the
  // main facts answers in its own words, is answered by the interaction facts first.
  // So does a question pointing at them in the sentence before ("I take clopidogrel and a baby
  // aspirin. Would vitamin K2 interfere with either of them?").
  const askedOf = pointsBack(ctx.part) ? `${sentenceBefore(normalized, ctx.part)} ${ctx.part}` : ctx.part;
  const drugsAsked = followUp ? [] : anticoagulantsNamed(askedOf);
  if (drugsAsked.length > 0) {
    const { analyzer } = ctx.index;
    const drugTerms = new Set(analyzer.analyze(drugsAsked.join(' ')).terms);
    const partTerms = analyzer.analyze(ctx.part).terms.filter((t) => !drugTerms.has(t));
    const interaction = [...draft.main, ...draft.extra].filter((f) => anticoagulantIds.includes(f.fullId));
    const first = draft.main[0];
    // Asked whether K2 interacts with them ("could K2 clash with either of those?"), the first
    // fact's sharing a word with the question ("either") does not make it the answer.
    const asksInteraction = askedOf !== ctx.part && readFocus(ctx.part).focuses.includes('interaction');
    const firstAnswersPart =
      first !== undefined && !asksInteraction && partTerms.some((t) => first.terms.has(t));
    if (interaction.length > 0 && first && !anticoagulantIds.includes(first.fullId) && !firstAnswersPart)
      draft.leadWith(interaction);
  }

  // "Is µg the same as mcg?" from someone on warfarin asks what a word means: that stays first.
  if (
    ctx.mayBeOnVka &&
    draft.extra.length > 0 &&
    (draft.main.length === 0 || (focus.yesNo && !draft.opening && !draft.defined))
  ) {
    draft.main = [...draft.extra, ...draft.main].slice(0, MAX_FACTS);
    draft.extra = [];
  }
  // "How much K2 can I take on warfarin?", "can she start it?" ask for a dose of one's own: that
  // none is known to be safe comes first, and the study's "10 mcg a day" must not open the reply as
  // if it were a dose. "And if he stops it later?" is answered by what stopping does to INR.
  const onVka = ctx.mayBeOnVka;
  const alreadyTaken = onVka && K2_ALREADY_TAKEN.test(ctx.followUp ? ctx.followUp.message : normalized);
  const vkaLead = !onVka
    ? null
    : alreadyTaken
      ? VKA_STOP
      : ctx.takeOnVka ||
          // "how many women were in the 3 year trial", from someone on warfarin, asks a study's
          // figure, not a dose of their own.
          (focus.figure && isPersonal(normalized) && !pointsAtAStudy(normalized)) ||
          // "He takes a 45 mcg capsule. Is that low enough to be safe with his warfarin?", "would
          // 30 mcg a day count as a low dose for her?": whether a stated amount is safe or small enough.
          // "so 50mcg k2 fine with my warfarin?" asks the same without its verb.
          ((focus.yesNo || !onlyTells(normalized)) &&
            ctx.quoted.length > 0 &&
            (focus.focuses.includes('side-effect') || focus.focuses.includes('amount')))
        ? VKA_AMOUNT
        : asksToStopK2(ctx.askedByMessage)
          ? VKA_STOP
          : null;
  draft.ownDoseOnVka = vkaLead !== null;
  // "he already started it 2 weeks ago, 100mcg a day": the reply is about what to do now, first,
  // then what stopping does to INR, and nothing of the subject it was taken for ("a k2 d3 combo").
  if (alreadyTaken && !draft.opening) {
    const stop = [...VKA_STOP].map(ctx.byIdFact).filter((f): f is IndexedFact => f !== undefined);
    const home = stop[0]?.topic;
    if (home && home !== draft.topic) draft.switchTo(home, ctx.byId);
    draft.opening = texts().replies.k2AlreadyTakenOnVka;
    draft.main = stop;
    draft.extra = [];
    return;
  }
  if (vkaLead)
    draft.leadWith([...vkaLead].map(ctx.byIdFact).filter((f): f is IndexedFact => f !== undefined));
}

/** K2 told as already taken (phrases.json `k2AlreadyTaken`). */
const K2_ALREADY_TAKEN = phraseRegex(language().phrases.lists.k2AlreadyTaken);

/**
 * "ok thanks, and d3?" after a K2 amount opened "90 mcg/day." from "…adding D3 and calcium to 90
 * mcg/day MK-7 gave no extra bone benefit": the fact names D3, but the figure is MK-7's. A figure
 * whose next words name only subjects the question does not ask about is theirs.
 */
/** The words after a figure, to the end of its clause, that may say whose it is. */
const FIGURE_OWNER_WORDS = 6;

function figureOfAnotherSubject(text: string, opening: string, focus: QuestionFocus): boolean {
  if (focus.subjects.named.size === 0) return false;
  const figure = opening.replace(/\.$/, '');
  const at = text.indexOf(figure);
  if (at < 0) return false;
  const after = (text.slice(at + figure.length).split(/[,;.]/)[0] ?? '')
    .trim()
    .split(/\s+/)
    .slice(0, FIGURE_OWNER_WORDS)
    .join(' ');
  const named = askedSubjects(stemmedWords(after.toLowerCase())).named;
  // "8–24 hours for K1 and MK-4", asked about MK-4, is MK-4's figure too.
  const asked = [...named].some((subject) => focus.subjects.named.has(subject));
  return !asked && named.size > 0;
}

/** The body from the opening and the facts chosen, within the word limit, and what the answer shows with it. */
function writeBody(ctx: ComposeContext, draft: Draft): Answer {
  const { followUp, focus } = ctx;
  const { main, extra, defined, nothingNew, answer, topic } = draft;
  let opening = draft.opening;
  const first = main[0];
  if (!first) return answer;
  const firstText = leadingText(first);
  // "What does half-life mean?" is answered by the meaning, not by MK-7's 3 days before it. The
  // doses that shifted INR on warfarin are no safe amount to open with ("how much is safe then?" →
  // "10 mcg a day.").
  const unsafeDoseAsSafe = VKA_AMOUNT.has(first.fullId) && focus.focuses.includes('side-effect');
  if (!opening && !draft.ownDoseOnVka && first !== defined && !unsafeDoseAsSafe) {
    opening = figureOpening(first, firstText, focus);
    if (opening && figureOfAnotherSubject(firstText, opening, focus)) opening = null;
  }
  if (!opening) opening = evidenceOpening(first, followUp ? askingPart(followUp.message) : ctx.part);
  const pieces: Array<{ text: string; fact?: IndexedFact }> = [];
  if (opening) pieces.push({ text: opening });
  main.forEach((f, i) => {
    pieces.push({ text: i === 0 ? firstText : f.fact.text, fact: f });
  });
  for (const f of extra) pieces.push({ text: f.fact.text, fact: f });
  // Never over the hard limit: the last pieces give way, the first fact always stays. The pieces
  // are joined by spaces, so the body's words are the sum of theirs.
  let bodyWords = pieces.reduce((sum, p) => sum + wordCount(p.text), 0);
  while (pieces.length > 1 && bodyWords > MAX_BODY_WORDS) {
    const last = pieces[pieces.length - 1] as { text: string; fact?: IndexedFact };
    if (last.fact === first) break;
    pieces.pop();
    bodyWords -= wordCount(last.text);
  }
  const shown = pieces.flatMap((p) => (p.fact ? [p.fact] : []));
  // A follow-up that the same facts answer again ("and for gums?" after cavities) says so, after
  // what the article does not cover, rather than giving the previous reply word for word.
  if (
    followUp &&
    !nothingNew &&
    repeatsPrevious(
      shown.map((f) => f.fullId),
      followUp.shownBefore,
    )
  ) {
    pieces.splice(opening ? 1 : 0, 0, { text: texts().replies.followUpSameAnswer });
  }
  const related = correctionsFor(shown);
  answer.body = mapPacked(pieces, (p) => p.text).join(' ');
  answer.facts = mapPacked(shown, (f) => f.fullId);
  answer.coverage = ctx.uncovered || nothingNew ? 'partial' : 'full';
  answer.corrections = related.slice(0, 1);
  answer.source = { sections: [first.fact.section], quote: first.fact.quote };
  answer.more = {
    summary: topic.summary,
    corrections: topic.corrections.filter((c) => !answer.corrections.includes(c)),
  };
  return answer;
}
