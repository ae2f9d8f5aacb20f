import { CATEGORIES } from '../kb/categories.ts';
import { language, texts } from '../kb/language.ts';
import type { Dose, Food, KnowledgeBase, Topic } from '../kb/schema.ts';
import { preparedTextsFor } from '../kb/snapshot.ts';
import { answerQuestionDetailed, type DetailedAnswer } from './answerQuestion.ts';
import {
  anticoagulantsNamed,
  asksToStopK2,
  drugsNamed,
  mayTakeVitaminKAntagonist,
  withoutDeniedAnticoagulants,
} from './anticoagulantFacts.ts';
import { asksAboutTheMedicine, asksForOtherFoods } from './chooseReading.ts';
import { bareAnswer, type HelpTold, topicAnswer, toRef, withEmergencyKept } from './composeAnswer.ts';
import { MAX_BODY_WORDS, wordCount } from './composeBody.ts';
import {
  ACKNOWLEDGED_TEXT,
  isAcknowledgement,
  isAcknowledgementEmoji,
  isBareWhy,
  WHY_WITHOUT_ANSWER_TEXT,
} from './declines.ts';
import type { AskOptions, Conversation, Engine, FollowUpAnswer } from './engine.ts';
import { factIndexOf } from './factIndex.ts';
import { basisConfirmation } from './figureBasis.ts';
import {
  asksForYesOrNo,
  asksOnlyForEvidence,
  asksOwnPoint,
  contextAfter,
  contextAfterAnimal,
  contextAfterEmergency,
  EMERGENCY_TURNS,
  explainsForAnAudience,
  type FollowUpContext,
  followUpKind,
  followUpReading,
  leavesContext,
  MAX_READING_CHARS,
  pointsAtSomeoneUnnamed,
  previousSubject,
  startsNewSubject,
  subjectPart,
  withoutEllipsis,
  withoutOpeningBreak,
} from './followUp.ts';
import {
  contradictionBody,
  type FollowUpHints,
  followUpFocus,
  opensWithVerdict,
  repeatsPrevious,
  withListBody,
  withShorterBody,
  withSourceBody,
  withSummaryBody,
} from './followUpCompose.ts';
import { lookElsewhere, newTermsOf } from './followUpElsewhere.ts';
import { withFoodAtPlace, withFoodReplaced } from './foodCorrection.ts';
import { pillsTakenAlready, withFoodPointedAt } from './gateOverdose.ts';
import { namesAnticoagulantTaken, PERSON } from './gateWords.ts';
import { foodsNamed, GENERIC_FOOD, GENERIC_TERMS, type OutOfScopeClass } from './lexicon.ts';
import { normalizeText, tokenize } from './normalize.ts';
import { otherNutrientsIn } from './outOfScope.ts';
import { isPersonal, pregnancyTold } from './personalNotice.ts';
import { phraseRegex } from './phrasePattern.ts';
import { portionsOfFoods } from './portionForTarget.ts';
import {
  claimAfterChallenge,
  doubtsLastAnswer,
  namesOnlyAForm,
  namesPopulation,
  namesVitamin,
  onlyTells,
  readFocus,
  THE_VITAMIN,
  withFormReplaced,
  withoutPopulations,
} from './questionFocus.ts';
import { withoutIncidentalClauses, withoutIncidentalWords, withoutNegated } from './readings.ts';
import { TopicIndex } from './topicIndex.ts';
import type { Answer, TopicRef } from './types.ts';

/** "Ok ambulance is here" (phrases.json `helpArrived`): help is with the person after an emergency. */
const HELP_ARRIVED = phraseRegex(language().phrases.lists.helpArrived);
/** "Ok calling now", "heading to A&E" (phrases.json `helpOnTheWay`): help is being called or sought. */
const HELP_ON_THE_WAY = phraseRegex(language().phrases.lists.helpOnTheWay);

function helpTold(normalized: string): HelpTold {
  const text = normalized.replace(/'/g, '');
  if (HELP_ARRIVED.test(text)) return 'arrived';
  return HELP_ON_THE_WAY.test(text) ? 'on-the-way' : null;
}

const DEFAULT_SUGGEST_LIMIT = 25;
/** An ellipsis with at most this many other words is bare: "and for arteries?", "what about mk4?". */
const BARE_ELLIPSIS_WORDS = 3;

/** The evidence focus's own word (focus.json `evidence`), added to a doubt of the last answer. */
const EVIDENCE_WORD: string = language().focus.focuses.find((f) => f.id === 'evidence')?.asked[0] ?? '';

/**
 * Declines whose subject is never the asker's situation around a K2 question: chatter ("who won
 * the game last night?"), pets, shops and prices ("where can i buy the 45mg one"), and another
 * medicine asked about ("and ibuprofen when my back flares?": read with an aspirin question before
 * it, the aspirin notice came again and ibuprofen was never named). Inside a conversation they stay
 * declined instead of being read with the previous K2 question; a diet ("and on keto?") may be the
 * asker's own, and so may a medicine only told beside a question (offTopicAlone).
 */
const NEVER_THE_ASKERS_SITUATION: ReadonlySet<OutOfScopeClass> = new Set([
  'general',
  'pet',
  'product',
  'medicine',
]);
/** Discord never shows more than 25 autocomplete choices. */
const MAX_SUGGEST_LIMIT = 25;
const SUGGEST_CACHE_LIMIT = 2000;
const FUZZY_SUGGEST_MAX_CHARS = 32;
const WARM_UP_QUESTIONS = [
  'what is vitamin k2?',
  '<@1> **how much mk-7 is in natto** 🧀',
  'can i take k2 with warfrin, im on it',
  'my nose will not stop bleeding',
  'hello',
  'how much vitamin c per day',
];

/** Classes of a decline whose K2 question stays the conversation's subject. */
const SIDE_DECLINES: ReadonlySet<OutOfScopeClass> = new Set(['medicine', 'lab']);
/**
 * Classes of a decline whose point is what was out of scope ("can k2 help long covid", "k2 plus
 * iron for tiredness"): only the vitamin stays the conversation's subject, so "ok what about my
 * bones then" is asked of K2 rather than met with "which part of vitamin K2 do you mean".
 */
const POINT_DECLINES: ReadonlySet<OutOfScopeClass> = new Set(['condition', 'nutrient']);
/** A number as a test gives it ("-2.6", "410"): not part of what a K2 question asks. */
const TEST_VALUE = /(?<![\p{L}\p{N}])-?\d+(?:[.,]\d+)?/gu;

/**
 * The context after a K2 question declined for what stands beside it: a medicine ("im on ozempic…
 * am i even absorbing my k2") or a test value ("my dexa t score is -2.6… does k2 do anything for
 * that"). The decline stands, but the next message ("ok what if i take it with olive oil", "and my
 * dad's is 410") is still about K2 and that subject: it is read with the question less the side
 * words or values. Null when the message asks nothing of K2.
 */
function contextAfterSideDecline(normalized: string, alone: DetailedAnswer): FollowUpContext | null {
  if (alone.answer.kind !== 'decline' || alone.answer.urgent || !namesVitamin(normalized)) return null;
  if (alone.declinedAs !== undefined && POINT_DECLINES.has(alone.declinedAs))
    return { reading: THE_VITAMIN, topicId: null, facts: [], declined: true };
  if (alone.declinedAs === undefined || !SIDE_DECLINES.has(alone.declinedAs)) return null;
  const rest =
    alone.declinedAs === 'lab'
      ? normalized.replace(TEST_VALUE, ' ').replace(/\s+/g, ' ').trim()
      : (withoutIncidentalClauses(normalized) ?? withoutIncidentalWords(normalized));
  if (!rest || !namesVitamin(rest)) return null;
  return { reading: rest.slice(0, MAX_READING_CHARS), topicId: null, facts: [] };
}

function amountInMcg(food: Food): number {
  if (!food.amount) return -1;
  const factor = food.amount.unit === 'mg' ? 1000 : 1;
  return food.amount.max * factor;
}

/**
 * Builds the answer engine over a loaded knowledge base. Building indexes every topic once;
 * every call afterwards is synchronous, allocation-light and never throws.
 *
 * `ask` normalises the message, runs the emergency gate (again with the gate's own words'
 * typos restored, and over a fully typo-corrected copy), greets greetings and thanks, maps words
 * to lexicon terms (synonyms, brand names, common words in five other languages, fuse.js typo
 * lookup; negated foods dropped), scores every topic by weighted term coverage (titles, keywords,
 * questions, summary, facts and article section names), closest sample question and title match,
 * and turns that into a raw confidence. References to the article and its distinctive figures
 * ("the article says", "6,425 women", "the RDA") count as K2 words. A long backstory before the
 * question clause yields to that clause when its topic is close. Below 0.5, or for out-of-scope
 * subjects, it declines naming the right resource (declines.ts); a lab value or score
 * declines with the lab text before any topic is considered. Incidental words (the gym, a diet,
 * a medicine the asker takes, music) do not decline a clear K2 question beside them. A decline
 * that still has close topics says "not sure which part" and offers them instead of "outside
 * what I know".
 *
 * Several questions in one message (a numbered list, or two or more sentences ending in "?"):
 * each part is matched on its own; the whole message's topic is kept when it answers one of the
 * parts, otherwise the most confident part is answered. The other parts' topics come first in
 * `suggestions` (at most three), so "Did you mean" and the buttons offer them.
 *
 * The reported confidence of an answer is calibrated to the chance of being right
 * (calibration.ts). Every reply carries the fixed safety texts; `safety.warningFirst` is true
 * when the question names an anticoagulant, the matched topic is marked `anticoagulantRelevant`,
 * or after an urgent notice (never after a self-harm crisis notice). The personal notice appears
 * only for first-person decisions about one's own intake, medicines or results, and names the
 * anticoagulation clinic only when the question or topic is about anticoagulants. `notice` leads
 * with the warning only when asked to.
 */
export interface CreateEngineOptions {
  /**
   * Which paths run once before returning, so that the first real user does not pay for JIT
   * compilation: `all` (default) answers a few questions and ranks a few suggestions; `suggestions`
   * only ranks (a thread that serves autocomplete but never answers); `none` for a one-shot
   * question, where the warm-up would cost more than the one question it speeds up.
   */
  warmUp?: 'all' | 'suggestions' | 'none';
  /**
   * The topic index of exactly these topics, already built: the one-question CLI restores it from
   * the build (indexArtifact.ts) instead of building it at every start.
   */
  index?: TopicIndex;
}

/** "It" (or "its" with the apostrophe gone): the pronoun that stands for the vitamin when nothing else is named. */
const VITAMIN_POINTER = /\b(it|its)\b/;

/** Pointers at a person told of before ("she", "his"; phrases.json `personPointers`). */
const PERSON_POINTER = phraseRegex(language().phrases.lists.personPointers);

export function createEngine(kb: KnowledgeBase, options: CreateEngineOptions = {}): Engine {
  const byId = new Map<string, Topic>(kb.topics.map((t) => [t.id, t]));
  const index = options.index ?? new TopicIndex(kb.topics, preparedTextsFor(kb, language()));
  const categoryRank = new Map<string, number>(CATEGORIES.map((c, i) => [c, i]));
  let sortedRefs: TopicRef[] | undefined;
  // Sorted when first listed: localeCompare's first call loads ICU's collation data, about a
  // tenth of a one-question start-up (npm run ask), which never lists the topics.
  const topicsInOrder = (): TopicRef[] =>
    (sortedRefs ??= [...kb.topics]
      .sort(
        (a, b) =>
          (categoryRank.get(a.category) ?? 99) - (categoryRank.get(b.category) ?? 99) ||
          a.title.localeCompare(b.title, 'en'),
      )
      .map(toRef));
  const popularRefs = kb.topics.filter((t) => t.popular).map(toRef);
  const foods: Food[] = kb.foods
    .map((food, i) => ({ food, i }))
    .sort((a, b) => amountInMcg(b.food) - amountInMcg(a.food) || a.i - b.i)
    .map((x) => x.food);
  const doses: Dose[] = [...kb.doses];

  // Made on the first suggestion: a one-question start-up (npm run ask) never suggests.
  let loweredTopics:
    | Array<{ topic: Topic; title: string; titleWords: string[]; keywords: string[] }>
    | undefined;
  const lowered = () =>
    (loweredTopics ??= kb.topics.map((topic) => ({
      topic,
      title: normalizeText(topic.title),
      titleWords: normalizeText(topic.title).split(/[^\p{L}\p{N}]+/u),
      keywords: topic.keywords.map((k) => normalizeText(k)),
    })));
  const suggestCache = new Map<string, TopicRef[]>();

  const warmUp = options.warmUp ?? 'all';
  if (warmUp === 'all') for (const q of WARM_UP_QUESTIONS) answerQuestionDetailed(q, index, byId);
  if (warmUp !== 'none') for (const p of ['n', 'war', 'mk7']) rankSuggestions(p);

  function rankSuggestions(text: string): TopicRef[] {
    const out: Topic[] = [];
    const seen = new Set<string>();
    const add = (t: Topic) => {
      if (!seen.has(t.id)) {
        seen.add(t.id);
        out.push(t);
      }
    };
    // Tier 1: the title is, or starts with, the text; then a title word starts with it.
    for (const l of lowered()) if (l.title === text || l.title.startsWith(text)) add(l.topic);
    for (const l of lowered()) if (l.titleWords.some((w) => w.length > 0 && w.startsWith(text))) add(l.topic);
    // Tier 2: a keyword matches, starts with the text, or is contained in it.
    for (const l of lowered()) {
      if (l.keywords.some((k) => k === text || k.startsWith(text) || (k.length >= 3 && text.includes(k)))) {
        add(l.topic);
      }
    }
    // Tier 3: what the question engine understands (synonyms, brand names, typos).
    if (text.length >= 3) {
      const result = index.search(text);
      const top = result.ranked[0]?.score ?? 0;
      for (const r of result.ranked) if (top > 0 && r.score >= top * 0.6 && r.score > 0.05) add(r.topic);
    }
    // Tier 4: the topics whose title, keyword and question words resemble the typed words (the
    // unfinished last word as a start, typos within an edit or two), best first, for the topics not
    // found yet and only while there is room for them.
    if (out.length < MAX_SUGGEST_LIMIT && text.length <= FUZZY_SUGGEST_MAX_CHARS) {
      const found = new Set<number>();
      kb.topics.forEach((t, i) => {
        if (seen.has(t.id)) found.add(i);
      });
      for (const i of index.suggestions.rank(text, found)) add(kb.topics[i] as Topic);
    }
    return out.slice(0, MAX_SUGGEST_LIMIT).map(toRef);
  }

  /**
   * A message on its own; then, when it is a follow-up (followUp.ts) and there is a previous
   * answer, read together with the previous question. The emergency gate always reads the new
   * message alone first: a follow-up never suppresses an emergency, and a previous question raises
   * one only by the asker's own blood thinner (readWithAskersAnticoagulant). The reading in context
   * is kept only when it answers where the message alone did not, or when the message points back
   * at the previous answer.
   */
  /** Whether text names a subject: a known term that is not one of the words every K2 question has. */
  function hasSubject(text: string): boolean {
    if (text === '') return false;
    return index.analyzer.analyze(text).terms.some((t) => !GENERIC_TERMS.has(t) && !/^\d+$/.test(t));
  }

  /**
   * When the reply in context misses the point the follow-up asks itself: the message read with
   * the previous subject only, if that answers it from another topic (followUpElsewhere.ts);
   * null to keep the reply.
   */
  function answeredElsewhere(together: Answer, hints: FollowUpHints): Answer | null {
    // "He already had some last week tbh" after "grandad is on warfarin, can he try natto?" tells
    // more of the situation of someone on a warfarin-type drug: the reply in context, which leads
    // with the interaction facts, is theirs, not how long a form stays in the blood.
    if (
      onlyTells(hints.message) &&
      mayTakeVitaminKAntagonist(withoutDeniedAnticoagulants(hints.previousReading))
    )
      return null;
    const look = lookElsewhere(together, hints, factIndexOf(index), index.analyzer);
    if (!look) return null;
    // A bare ellipsis ("and for arteries?") asks the previous question again of its subject; a
    // message that says more ("if i take it should it be with d3?") asks its own.
    const ownQuestion = tokenize(withoutEllipsis(hints.message)).length > BARE_ELLIPSIS_WORDS;
    const asked = look.newSubject && ownQuestion ? { ...hints, previousFocus: null } : hints;
    for (const reading of look.readings) {
      const other = answerQuestionDetailed(reading.text, index, byId, undefined, asked).answer;
      if (!other.urgent && other.kind === 'answer' && look.answers(other, reading.ofAnySubject)) return other;
    }
    return null;
  }

  /**
   * The message read with the asker's own blood thinner from the conversation ("im on warfarin,
   * can i take k2", then "what if i only eat natto once a week"), or null when the message names
   * one itself or the previous reading names none of the asker's. Read once, for two uses: an
   * emergency on a blood thinner ("my gums bled a lot brushing"), the only thing a previous message
   * may add to the gate; and a question of its own answered as the asker's (the interaction facts
   * in the body, the blood thinner kept in the context).
   */
  function readWithAskersAnticoagulant(
    normalized: string,
    alone: Answer,
    previous: FollowUpContext,
  ): { reading: string; answer: Answer } | null {
    if (alone.urgent || drugsNamed(normalized).length > 0) return null;
    // "my aunt (79) takes warfarin… is it fine for her?", then "so she actually began a d3+k2 3
    // weeks ago, what now": the drug of someone the previous question told of is theirs when the
    // message speaks of them again ("she").
    const theirs =
      PERSON.test(previous.reading) &&
      namesAnticoagulantTaken(previous.reading) &&
      PERSON_POINTER.test(normalized.replace(/'/g, ''));
    if (!isPersonal(previous.reading) && !theirs) return null;
    // "hes on clopidogrel not warfarin": the drug denied is not theirs (found running the terminal chat).
    const drugs = anticoagulantsNamed(withoutDeniedAnticoagulants(previous.reading));
    if (drugs.length === 0) return null;
    const reading = `${normalized} , i am on ${drugs.join(' and ')}`;
    return { reading, answer: answerQuestionDetailed(reading, index, byId).answer };
  }

  /**
   * The message read with the asker's own pregnancy from the previous question, or null when the
   * message tells its own, names someone else (a child, a husband), or the previous question told
   * no pregnancy of the asker's.
   */
  function readWithAskersPregnancy(
    normalized: string,
    previous: FollowUpContext,
  ): { reading: string; answer: Answer } | null {
    if (!isPersonal(previous.reading) || !pregnancyTold(previous.reading)) return null;
    if (pregnancyTold(normalized) || namesPopulation(normalized)) return null;
    const reading = `${normalized} , i am pregnant`;
    const answer = answerQuestionDetailed(reading, index, byId).answer;
    return answer.kind === 'answer' && !answer.urgent ? { reading, answer } : null;
  }

  /**
   * "How much in cheese tho" after "what foods have the most k2": a food the previous question did
   * not name, which the message answers from that food's topic (alone, or asked of K2 when alone it
   * names no vitamin: "how does that compare to cheese" after eel), is a new subject in the old
   * frame, not more of the old subject (gate.json `foods` are the food words).
   */
  function namesNewFood(normalized: string, alone: Answer, previous: FollowUpContext): boolean {
    const before = foodsNamed(previous.reading);
    // "natto stinks, what else has k2": a food set aside is not the new food asked about.
    const asked = withoutNegated(normalized) ?? normalized;
    if (![...foodsNamed(asked)].some((food) => !before.has(food))) return false;
    const ofFood =
      alone.kind === 'answer'
        ? alone
        : answerQuestionDetailed(`${normalized} , ${THE_VITAMIN}`, index, byId).answer;
    return (
      ofFood.kind === 'answer' && ofFood.topic?.category === 'food' && ofFood.topic.id !== previous.topicId
    );
  }

  /**
   * "and nerves? i have neuropathy from chemo" or "my daughter is lactose intolerant, what should
   * she eat instead" in a conversation about K2: a subject of its own, in a message that names no
   * vitamin, is asked of K2, as the conversation is. Alone, such a message matched the right topic but, without a word
   * for K2, was declined with the "which part" menu (blind round 23). Null when the message was
   * answered or declined for a reason, says it leaves the conversation ("unrelated but is ginkgo
   * any good for memory"), names no subject of its own ("why?", "and for kids?"), or is not
   * answered when asked of K2 either.
   */
  function askedOfTheVitamin(normalized: string, alone: DetailedAnswer): DetailedAnswer | null {
    if (alone.answer.kind !== 'decline' || alone.declinedAs !== undefined || alone.answer.urgent) return null;
    if (alone.result === null || alone.result.hasAnchor) return null;
    // "different q: does it help nerve pain": after a break, "it" with nothing else named for it to
    // be is still the vitamin the conversation is about. A word the knowledge does not know may be
    // what "it" is ("unrelated but is ginkgo any good for memory, does it work").
    const itIsTheVitamin =
      VITAMIN_POINTER.test(normalized.replace(/'/g, '')) && alone.result.analysis.unknown.length === 0;
    if (startsNewSubject(normalized) && !itIsTheVitamin) return null;
    if (!hasSubject(subjectPart(withoutPopulations(normalized)))) return null;
    const ofTheVitamin = answerQuestionDetailed(`${normalized} , ${THE_VITAMIN}`, index, byId);
    return ofTheVitamin.answer.kind === 'answer' && !ofTheVitamin.answer.urgent ? ofTheVitamin : null;
  }

  /**
   * The previous subject with the food its answer named and its question did not: after "what's
   * the best food for k2?" answered with natto, "how much is in it?" asks about natto.
   */
  function withFoodsAnswered(reading: string, topic: Topic | undefined): string {
    if (topic?.category !== 'food') return reading;
    const asked = foodsNamed(reading);
    const answered = [...foodsNamed(topic.title.toLowerCase())].filter(
      (food) => !asked.has(food) && !GENERIC_FOOD.has(food),
    );
    // Only one: a title listing several ("Butter, milk, yogurt and kefir") points at none of them.
    return answered.length === 1 ? `${reading} , ${answered[0]}` : reading;
  }

  /**
   * A message of a conversation answered on its own with exactly the facts of the answer before it
   * ("and while breastfeeding?" after the pregnancy figures, which cover both) says that it is the
   * same, as a follow-up read in context does: blind readers took the repeat for a missed point.
   */
  function saysItRepeats(answer: Answer, previous: FollowUpContext): Answer {
    const same = texts().replies.followUpSameAnswer;
    // A partly covered reply opens with what the article does not say, which already answers anew.
    if (answer.kind !== 'answer' || answer.urgent || answer.coverage === 'partial') return answer;
    if (!repeatsPrevious(answer.facts, previous.facts)) return answer;
    if (answer.body.includes(same) || wordCount(`${same} ${answer.body}`) > MAX_BODY_WORDS) return answer;
    // After an opening of its own ("K2 already taken with a warfarin-type drug is something to tell
    // the clinic now…"), the note stands before the facts it is about.
    const lead = factIndexOf(index).byId.get(answer.facts[0] ?? '')?.fact.text;
    const at = lead ? answer.body.indexOf(lead) : -1;
    if (at > 0) return { ...answer, body: `${answer.body.slice(0, at)}${same} ${answer.body.slice(at)}` };
    return { ...answer, body: `${same} ${answer.body}` };
  }

  /**
   * The message alone is declined as chatter, a pet's or a product question: never read with K2.
   * Not when only a side word of such a class declined it and more is said ("what about for my
   * son, hes 16 and plays football, broke his wrist twice this year"): the rest may lean on the
   * answer before it.
   */
  function offTopicAlone(normalized: string, alone: DetailedAnswer): boolean {
    // "what about glucosamine?" after a K2 answer asks about the other supplement; "i take
    // magnesium too" only tells the asker's situation. Calcium and vitamin D, which the article
    // pairs with K2, are asked in its context ("and how much calcium?").
    if (
      alone.declinedAs === 'nutrient' &&
      !alone.declinedBySideWord &&
      otherNutrientsIn(normalized).length > 0
    )
      return !onlyTells(normalized);
    if (alone.declinedAs === undefined || !NEVER_THE_ASKERS_SITUATION.has(alone.declinedAs)) return false;
    // "im on metformin and gliclazide, any issue with k2?" asks the pharmacist's question itself.
    if (alone.declinedAs === 'medicine' && asksAboutTheMedicine(normalized)) return true;
    const rest = alone.declinedBySideWord ? withoutIncidentalClauses(normalized) : null;
    return !(rest !== null && (hasSubject(rest) || readFocus(rest).subjects.named.size > 0));
  }

  const portions = portionsOfFoods(kb.foods);

  /** The reply when the engine itself failed: the contract is "never throws". */
  const engineFailure = (): FollowUpAnswer => ({
    answer: bareAnswer('decline', texts().replies.engineError, false),
    context: null,
    followUp: false,
  });

  /**
   * "So yes or no?": the conversation's last yes/no question answered again, with its yes, no or
   * verdict first, or said plainly not to be a yes or a no. The context stays as it was.
   */
  function yesOrNoAgain(previous: FollowUpContext): FollowUpAnswer {
    const question = previous.yesNoQuestion ?? previous.reading;
    const read = answerQuestionDetailed(question, index, byId).answer;
    const notPlain = texts().replies.yesOrNoNotPlain;
    const says = (answer: Answer): FollowUpAnswer => ({ answer, context: previous, followUp: true });
    if (read.kind !== 'answer' || read.urgent) return says(read);
    // Its verdict again is news only when the reply before was another one: else it says so.
    if (opensWithVerdict(read) || wordCount(`${notPlain} ${read.body}`) > MAX_BODY_WORDS)
      return says(saysItRepeats(read, previous));
    // "Not a plain yes or no" is itself the news, before the same facts.
    return says({ ...read, body: `${notPlain} ${read.body}` });
  }

  /** The context after `asked`, keeping the conversation's last yes/no question (see FollowUpContext.yesNoQuestion). */
  function withYesNoQuestion(
    asked: FollowUpAnswer,
    normalized: string,
    previous: FollowUpContext | null,
  ): FollowUpContext | null {
    const { context } = asked;
    if (!context || context.emergency || context === previous) return context;
    if (asked.answer.kind === 'answer' && readFocus(normalized).yesNo)
      return { ...context, yesNoQuestion: context.reading };
    if (asked.followUp && previous?.yesNoQuestion)
      return { ...context, yesNoQuestion: previous.yesNoQuestion };
    return context;
  }

  /** The answer in context, with the portion of a food that gives an amount asked (portionForTarget.ts). */
  function askInContext(question: string, previous: FollowUpContext | null): FollowUpAnswer {
    const text = typeof question === 'string' ? question : String(question ?? '');
    try {
      const normalized = normalizeText(text);
      if (previous && !previous.emergency && !previous.animalAsked && asksForYesOrNo(normalized, hasSubject))
        return yesOrNoAgain(previous);
      let asked = askInContextUnworked(text, normalized, previous);
      // "how much gouda to hit 90 mcg" names no word of the vitamin, but a portion of a K2 food that
      // reaches an amount of micrograms is asked of it.
      if (asked.answer.kind === 'decline' && !asked.answer.urgent && portions.asks(normalized)) {
        const ofTheVitamin = `${text} , ${THE_VITAMIN}`;
        const again = askInContextUnworked(ofTheVitamin, normalizeText(ofTheVitamin), previous);
        if (again.answer.kind === 'answer') asked = again;
      }
      // "how much is that for like a 200g portion" after eel: a portion of the food just answered.
      const foodBefore =
        previous && asked.answer.topic?.category !== 'food' && !asked.answer.urgent
          ? portions.portionOfFoodBefore(normalized, previous.reading)
          : null;
      if (foodBefore) {
        const ofTheFood = `${text} , of ${foodBefore}`;
        const again = askInContextUnworked(ofTheFood, normalizeText(ofTheFood), previous);
        if (again.answer.kind === 'answer' && again.answer.topic?.category === 'food') asked = again;
      }
      return {
        ...asked,
        answer: portions.worked(asked.answer, normalized, previous?.reading, previous?.body),
        context: withYesNoQuestion(asked, normalized, previous),
      };
    } catch {
      // A bug here must not take a Discord handler down.
      return engineFailure();
    }
  }

  function askInContextUnworked(
    question: string,
    normalizedQuestion: string,
    context: FollowUpContext | null,
  ): FollowUpAnswer {
    try {
      let text = question;
      let normalized = normalizedQuestion;
      let alone = answerQuestionDetailed(text, index, byId);
      // "different q: is goose liver pate a good source?": the break only says a new question
      // starts, and read with it the question was declined as unplaced.
      const afterBreak = withoutOpeningBreak(normalized);
      if (
        afterBreak !== normalized &&
        alone.answer.kind === 'decline' &&
        !alone.answer.urgent &&
        alone.declinedAs === undefined
      ) {
        const read = answerQuestionDetailed(afterBreak, index, byId);
        if (read.answer.kind === 'answer') alone = read;
      }
      // After a question about an animal, declined: "what about a bit of natto in his food" is the
      // animal's question too (the vet's); anything else is read as a first message.
      if (context?.animalAsked) {
        if (!alone.answer.urgent && alone.declinedAs !== 'pet' && pointsAtSomeoneUnnamed(normalized)) {
          const ofTheAnimal = answerQuestionDetailed(`${normalized} , ${context.reading}`, index, byId);
          if (ofTheAnimal.declinedAs === 'pet')
            return { answer: ofTheAnimal.answer, context, followUp: true };
        }
        // "ok nvm. for me then, 30F, how much a day?": what it asks is asked of K2, the conversation's
        // subject, not declined for words the knowledge base does not know.
        if (
          alone.answer.kind === 'decline' &&
          alone.declinedAs === undefined &&
          !alone.answer.urgent &&
          asksOwnPoint(normalized)
        ) {
          const ofTheVitamin = answerQuestionDetailed(`${normalized} , ${THE_VITAMIN}`, index, byId);
          if (ofTheVitamin.answer.kind === 'answer' && !ofTheVitamin.answer.urgent) alone = ofTheVitamin;
        }
      }
      const previous = context?.animalAsked ? null : context;
      // "the 2nd thing u said, how much in that": the food the last answer named in that place.
      const atPlace = previous?.body ? withFoodAtPlace(normalized, previous.body) : null;
      if (atPlace) {
        text = atPlace;
        normalized = atPlace;
        alone = answerQuestionDetailed(atPlace, index, byId);
      }
      // "She had a whole pack of it yesterday" after "is she allowed natto?": the pack is the food.
      const asFood =
        alone.answer.urgentKind === 'overdose' && previous && !previous.emergency
          ? withFoodPointedAt(normalized, previous.reading)
          : null;
      if (asFood) {
        const readAsFood = answerQuestionDetailed(asFood, index, byId);
        if (!readAsFood.answer.urgent) {
          text = asFood;
          normalized = asFood;
          alone = readAsFood;
        }
      }
      // "Why not?" with nothing answered before it (the first message, or after a decline) asks
      // why the bot could not answer: the article's limits, not the reply for a message that is not
      // about K2, nor the vitamin a declined point leaves as the subject.
      if (
        (!previous || previous.declined) &&
        alone.answer.kind === 'decline' &&
        !alone.answer.urgent &&
        isBareWhy(normalized)
      ) {
        const why = bareAnswer('decline', WHY_WITHOUT_ANSWER_TEXT, alone.answer.safety.warningFirst);
        if (previous) return { answer: why, context: previous, followUp: true };
        alone = { ...alone, answer: why };
      }
      // "ok", "got it", "👍", "alright, will ask the midwife" after an answer: acknowledged, and the
      // answer is not given again. After an emergency the emergency's own replies still lead.
      if (
        previous &&
        !previous.emergency &&
        !alone.answer.urgent &&
        (isAcknowledgement(normalized) || isAcknowledgementEmoji(text))
      ) {
        const acknowledged = bareAnswer('decline', ACKNOWLEDGED_TEXT, alone.answer.safety.warningFirst);
        return { answer: acknowledged, context: previous, followUp: true };
      }
      const offTopic = previous !== null && offTopicAlone(normalized, alone);
      let kind = previous
        ? followUpKind(
            normalized,
            alone.answer,
            alone.result === null,
            hasSubject,
            alone.result?.hasAnchor ?? false,
            offTopic,
            alone.result?.analysis.unknown.length ?? 0,
            alone.answer.kind === 'decline' && alone.declinedAs === undefined,
          )
        : 'alone';
      // "my gp says that's nonsense" declines alone, in words the knowledge base does not know; after
      // an answer it doubts that answer, and is read with it.
      if (
        previous &&
        kind === 'alone' &&
        !alone.answer.urgent &&
        doubtsLastAnswer(normalized) &&
        !claimAfterChallenge(normalized)
      )
        kind = 'together';
      // "so should I stop or not?" after a question about K2 on warfarin asks it again of the asker's
      // K2 and blood thinner: read alone, "stop" found the calcium in arteries K2 is said to stop.
      if (
        previous &&
        (kind === 'alone' || kind === 'instead') &&
        !alone.answer.urgent &&
        asksToStopK2(normalized) &&
        !namesVitamin(normalized) &&
        mayTakeVitaminKAntagonist(previous.reading)
      )
        kind = 'together';
      // "natto smells like feet, what else is there" after a cheese answer asks for the other K2
      // foods, whatever the last answer was about.
      if (previous && kind !== 'alone' && alone.answer.kind === 'answer' && asksForOtherFoods(normalized))
        kind = 'alone';
      const newFood =
        previous !== null && kind === 'together' && namesNewFood(normalized, alone.answer, previous);
      if (newFood) kind = 'instead';
      // "Are you sure? my aunt said it literally reverses osteoporosis": a claim with a subject of its
      // own after a doubt is checked as a claim about the vitamin, not read into the last topic.
      if (previous && kind === 'together' && !alone.answer.urgent) {
        const claim = claimAfterChallenge(normalized);
        if (claim && hasSubject(subjectPart(claim))) {
          kind = 'alone';
          // "It" in the claim is the vitamin the conversation is about.
          if (!alone.result?.hasAnchor) {
            const ofTheVitamin = answerQuestionDetailed(`${normalized} , ${THE_VITAMIN}`, index, byId);
            if (ofTheVitamin.answer.kind === 'answer' && !ofTheVitamin.answer.urgent) alone = ofTheVitamin;
          }
        }
      }
      // "for a 10 year old?" after what carboxylation is: the same answer in a child's words.
      if (
        previous &&
        kind !== 'alone' &&
        !alone.answer.urgent &&
        explainsForAnAudience(normalized, previous.focus?.focuses ?? [], hasSubject)
      )
        kind = 'plain';
      // "how do they know?" after a food's amount asks where the figure comes from: the source reply
      // quotes the article's line and the published research behind it. Read with the figure, the
      // evidence words found the evidence summary for the heart instead.
      if (previous?.focus?.figure && kind === 'together' && asksOnlyForEvidence(normalized, hasSubject))
        kind = 'again';
      const aloneAnswer = (): FollowUpAnswer => {
        // Read in context, nothing answered it: the conversation is about K2, and so is the message.
        const ofTheVitamin = previous ? askedOfTheVitamin(normalized, alone) : null;
        if (ofTheVitamin) alone = ofTheVitamin;
        return {
          answer: previous ? saysItRepeats(alone.answer, previous) : alone.answer,
          // The focus is read only for a reply that leaves a context. A decline with nothing to
          // offer ("my son broke his wrist twice this year") keeps the conversation's context for
          // the next message; an emergency replaces it with itself.
          context:
            alone.answer.urgent || leavesContext(alone.answer)
              ? contextAfter(normalized, alone.answer, readFocus(normalized))
              : alone.declinedAs === 'pet'
                ? contextAfterAnimal(normalized)
                : (contextAfterSideDecline(normalized, alone) ?? previous),
          followUp: false,
        };
      };
      // During an emergency told earlier, its notice stays first and nothing is read with it.
      if (previous?.emergency) {
        const { kind: emergencyKind, turnsLeft } = previous.emergency;
        // "Should I take an extra warfarin tonight to balance it out?" after a clot told: a dose
        // only asked about or supposed is no new emergency; the one told stays first (its notice
        // says not to change prescribed medicines), not poison control for an overdose nobody took.
        const onlyAskedDose =
          alone.answer.urgentKind === 'overdose' &&
          emergencyKind !== 'overdose' &&
          !pillsTakenAlready(normalized.replace(/'/g, ''));
        const answer = onlyAskedDose ? { ...alone.answer, urgent: false } : alone.answer;
        const help = helpTold(normalized);
        return {
          answer: withEmergencyKept(answer, emergencyKind, help),
          context: answer.urgent
            ? contextAfter(normalized, alone.answer)
            : // News of the help itself ("heading to the er", "ambulance is here") is still the
              // emergency's: its notice stays first for the messages after it too.
              contextAfterEmergency(previous.reading, emergencyKind, help ? EMERGENCY_TURNS : turnsLeft - 1),
          followUp: false,
        };
      }
      // "mk4?" after "how much mk7 a day" asks the previous question of MK-4: the form's name takes
      // the old one's place and the whole is read as one question ("how much mk4 a day"). Read with
      // the old question after a comma, its point was lost to the new form's best-known fact.
      const formAsked =
        previous && kind === 'alone' && !alone.answer.urgent && namesOnlyAForm(normalized)
          ? withFormReplaced(normalized, previous.reading)
          : previous && !alone.answer.urgent
            ? withFoodReplaced(normalized, previous.reading)
            : null;
      if (previous && formAsked) {
        const read = answerQuestionDetailed(formAsked, index, byId);
        if (read.answer.kind === 'answer' && !read.answer.urgent)
          return {
            answer: saysItRepeats(read.answer, previous),
            context: contextAfter(formAsked, read.answer, readFocus(formAsked)),
            followUp: true,
          };
      }
      // Thanks or a greeting is no question to read with the asker's blood thinner ("lol ok thanks"
      // after a warfarin answer was answered with the DOAC facts).
      // Another medicine asked about is the pharmacist's question, on a blood thinner too ("and
      // ibuprofen when his back hurts?" after "my dad takes warfarin" got the warfarin facts again).
      const asksAnotherMedicine = alone.declinedAs === 'medicine' && offTopic;
      const readOnTheirs =
        previous && alone.result !== null && !asksAnotherMedicine
          ? readWithAskersAnticoagulant(normalized, alone.answer, previous)
          : null;
      if (readOnTheirs?.answer.urgent)
        return {
          answer: readOnTheirs.answer,
          context: contextAfter(readOnTheirs.reading, readOnTheirs.answer),
          followUp: true,
        };
      // Chatter, a pet's or a shop's question is answered with the blood thinner only when that
      // makes it urgent ("ate a mountain of brie… my gums bled a lot"): "who first climbed k2"
      // after "im on warfarin, can i eat natto?" got the warfarin facts.
      const onTheirs = offTopic ? null : readOnTheirs;
      if (onTheirs && kind === 'alone' && onTheirs.answer.kind === 'answer') {
        const { reading } = onTheirs;
        const answer = previous ? saysItRepeats(onTheirs.answer, previous) : onTheirs.answer;
        return { answer, context: contextAfter(reading, answer, readFocus(normalized)), followUp: true };
      }
      // "I'm 31 weeks pregnant… is K2 recommended?", then "what about the high dose mk4 like the
      // japanese use?": the asker's pregnancy is still theirs when the next question names no one
      // else, as their blood thinner is.
      if (previous && kind === 'alone' && alone.answer.kind === 'answer' && !alone.answer.urgent) {
        const own = readWithAskersPregnancy(normalized, previous);
        if (own)
          return {
            answer: own.answer,
            context: contextAfter(own.reading, own.answer, readFocus(normalized)),
            followUp: true,
          };
      }
      if (!previous || kind === 'alone') return aloneAnswer();
      const previousTopic = previous.topicId ? byId.get(previous.topicId) : undefined;
      // "tl;dr?": the short version of the topic just discussed is its summary; "in simple words?"
      // its plain-words version.
      // The previous question answered again, for a request about that answer; null when that
      // no longer gives an answer (the message is then read alone).
      const previousAgain = (): Answer | null => {
        const again = answerQuestionDetailed(previous.reading, index, byId, previousTopic?.category).answer;
        return again.urgent || again.kind !== 'answer' ? null : again;
      };
      // "Is that per day?" after a figure: yes or no, what it is per, and the figure again.
      const basis = previous.body ? basisConfirmation(normalized, previous.body) : null;
      if (basis) {
        const again = previousAgain();
        if (again) {
          again.body = basis;
          again.facts = [...previous.facts];
          if (previousTopic) again.topic = previousTopic;
          return { answer: again, context: previous, followUp: true };
        }
      }
      // "wait isn't that contradictory?": yes, where the article says a fact shown two ways.
      const twoWays = contradictionBody(normalized, previous.facts, factIndexOf(index));
      if (twoWays) {
        const again = previousAgain();
        if (again) {
          again.body = twoWays;
          again.facts = [...previous.facts];
          again.corrections = [];
          if (previousTopic) again.topic = previousTopic;
          return { answer: again, context: previous, followUp: true };
        }
      }
      if (kind === 'summary' || kind === 'plain') {
        const again = previousTopic ? previousAgain() : null;
        if (!previousTopic || !again) return aloneAnswer();
        return {
          answer: withSummaryBody(again, previousTopic, kind === 'plain'),
          context: previous,
          followUp: true,
        };
      }
      // "shorter", "as a list": the answer just given again, in the form asked.
      if (kind === 'shorter' || kind === 'list') {
        const again = previousAgain();
        if (!again) return aloneAnswer();
        // The body as it was shown: a follow-up's own choice of facts is not made again here.
        if (previous.body) {
          again.body = previous.body;
          again.facts = [...previous.facts];
        }
        return {
          answer: kind === 'shorter' ? withShorterBody(again) : withListBody(again),
          context: previous,
          followUp: true,
        };
      }
      if (kind === 'again') {
        const again = previousAgain();
        if (!again) return aloneAnswer();
        withSourceBody(again, previous.facts, factIndexOf(index));
        return { answer: again, context: previous, followUp: true };
      }
      // A new subject in the old frame that the frame alone cannot place is read with all of it.
      const kinds = kind === 'instead' ? (['instead', 'together'] as const) : ([kind] as const);
      const namesOwnSubject = hasSubject(subjectPart(withoutPopulations(normalized)));
      // "my cardiologist says that's nonsense tho": a doubt of the answer asks for its evidence.
      const doubtWithEvidence = doubtsLastAnswer(normalized) ? `${normalized} , ${EVIDENCE_WORD}` : null;
      for (const k of kinds) {
        const readAs = (message: string) => {
          const reading = followUpReading(k, message, previous, previousTopic?.title ?? null, newFood);
          const hints: FollowUpHints = {
            kind: k,
            message,
            previousReading: withFoodsAnswered(previousSubject(normalized, previous.reading), previousTopic),
            shownBefore: previous.facts,
            previousFocus: previous.focus ?? null,
            newTerms: newTermsOf(index.analyzer, normalized),
            aloneTopicId: alone.answer.kind === 'answer' ? (alone.answer.topic?.id ?? null) : null,
            namesOnlyPeople: !namesOwnSubject && namesPopulation(normalized),
          };
          const answer = answerQuestionDetailed(reading, index, byId, previousTopic?.category, hints).answer;
          return { reading, hints, answer };
        };
        let read = readAs(doubtWithEvidence ?? normalized);
        // A doubt of an answer whose topic holds no evidence of its own (a food's figure) is read
        // without the evidence focus, which would take it to another topic's trials.
        const shownTopic = (r: typeof read) =>
          r.answer.kind === 'answer' && !r.answer.urgent
            ? (answeredElsewhere(r.answer, r.hints) ?? r.answer).topic?.id
            : r.answer.topic?.id;
        if (doubtWithEvidence && shownTopic(read) !== previous.topicId) read = readAs(normalized);
        const { reading, hints } = read;
        let together = read.answer;
        if (together.urgent || together.kind !== 'answer') {
          // A subject of its own that the old frame cannot place ("and chicken?" after an egg
          // answer about its form) is answered on its own rather than with the old subject.
          // Who is asked about is no subject of its own ("and for men? my husband is 65" after
          // "what dose did they use"): the previous question is asked of them.
          if (k === 'instead' && alone.answer.kind === 'answer' && namesOwnSubject) return aloneAnswer();
          continue;
        }
        together = answeredElsewhere(together, hints) ?? together;
        return {
          answer: together,
          context: contextAfter(reading, together, followUpFocus(hints)),
          followUp: true,
        };
      }
      return aloneAnswer();
    } catch {
      // The contract is "never throws": a bug here must not take a Discord handler down.
      return engineFailure();
    }
  }

  const engine: Engine = {
    knowledge: kb,

    ask(question: string, options?: AskOptions): Answer {
      return askInContext(question, options?.previous ?? null).answer;
    },

    askInContext,

    startConversation(): Conversation {
      let previous: FollowUpContext | null = null;
      return {
        ask(question: string): Answer {
          const { answer, context } = askInContext(question, previous);
          previous = context;
          return answer;
        },
      };
    },

    showTopic(topicId: string): Answer | null {
      const topic = byId.get(topicId);
      return topic ? topicAnswer(topic, byId, 1, false) : null;
    },

    suggestTopics(partial: string, limit = DEFAULT_SUGGEST_LIMIT): TopicRef[] {
      const max = Math.max(0, Math.min(MAX_SUGGEST_LIMIT, Math.floor(limit)));
      const text = normalizeText(partial ?? '').slice(0, 100);
      if (text.length === 0) return popularRefs.slice(0, max);
      let refs = suggestCache.get(text);
      if (!refs) {
        refs = rankSuggestions(text);
        if (suggestCache.size >= SUGGEST_CACHE_LIMIT) suggestCache.clear();
        suggestCache.set(text, refs);
      }
      return refs.slice(0, max);
    },

    listTopics: () => [...topicsInOrder()],
    listFoods: () => [...foods],
    listDoses: () => [...doses],

    notice(message: string, options?: { warningFirst?: boolean }): Answer {
      // A notice is not an answer to a question: it is shown like a decline, with the safety texts.
      return bareAnswer('decline', message, options?.warningFirst ?? false);
    },
  };
  return engine;
}
