import type { FocusId } from '../kb/focusSchema.ts';
import { language, texts } from '../kb/language.ts';
import type { Analyzer } from './analyze.ts';
import type { FactIndex, IndexedFact } from './factIndex.ts';
import { subjectPart, withoutFocusWords } from './followUp.ts';
import { answersPoint, type FollowUpHints } from './followUpCompose.ts';
import { foodsNamed, GENERIC_FOOD, GENERIC_TERMS } from './lexicon.ts';
import { phraseRegex } from './phrasePattern.ts';
import { askingPart, readFocus, THE_VITAMIN, VITAMIN_OWN_POINTS } from './questionFocus.ts';
import type { Answer } from './types.ts';

/**
 * Where a follow-up's answer lives. "Is that safe long term?" after a dose answer asks about the
 * safety of the same subject: read with the whole previous question and its topic's title, it
 * stays in the dose topic, which has no safety fact, and gave the dose again (blind readers: the
 * commonest follow-up miss). When the message asks a point of its own (its focus: how much, who,
 * where from, how safe, when, what evidence) and the reply in context does not answer it, the
 * message is read again with the previous question's subject words only (and, for a point that
 * is the vitamin's own such as its safety, with the vitamin as the subject). Such a reading
 * answers instead when its first fact is new, answers the point, has the message's own words at
 * least as well, and is about the previous subject (or the point is the vitamin's own).
 */

/**
 * Points asked about the previous answer's own statement: "why?" after "take it with a meal"
 * asks why with a meal, "what form?" the form of that food. They stay with the whole previous
 * question.
 */
const ABOUT_THE_STATEMENT: ReadonlySet<FocusId> = new Set(['mechanism', 'definition', 'comparison']);

/**
 * Points that are the vitamin's own whatever the subject was: "is it safe?" after an arteries
 * answer asks whether K2 is safe, "do i take it with a meal?" how K2 is absorbed. "How much?" or
 * "when?" stay with the subject.
 */
const OF_THE_VITAMIN: ReadonlySet<FocusId> = new Set(VITAMIN_OWN_POINTS.keys());

/** A list of foods asked ("what foods have it", "which foods"; phrases.json `foodsListed`). */
const FOODS_LISTED = phraseRegex(language().phrases.lists.foodsListed);
/** "…for that?", "…for those": the purpose is the previous subject's (phrases.json `purposePointers`). */
const FOR_THE_SUBJECT = phraseRegex(language().phrases.lists.purposePointers);

/** The words of a text that can match a fact, without the words every K2 question has. */
function termsOf(analyzer: Analyzer, text: string): string[] {
  if (text === '') return [];
  const a = analyzer.analyze(text);
  return [...new Set([...a.terms, ...a.surface])].filter((t) => !GENERIC_TERMS.has(t));
}

/**
 * The message's own subject words as terms: without its question, pointer and aspect words and
 * the words of the focus it asks first ("how many women?" → women, "where do i get it?" → none).
 */
export function newTermsOf(analyzer: Analyzer, message: string): string[] {
  const asked = readFocus(message).focuses[0];
  return termsOf(analyzer, withoutFocusWords(subjectPart(askingPart(message)), asked ? [asked] : []));
}

/** How many of `terms` a fact has. */
const has = (f: IndexedFact, terms: readonly string[]) => terms.filter((t) => f.terms.has(t)).length;

/** Readings to try for a follow-up whose reply in context missed its point, and which one answers. */
export interface LookElsewhere {
  /** Readings in the order tried; `ofAnySubject` accepts a reply about any subject. */
  readings: Array<{ text: string; ofAnySubject: boolean }>;
  answers(other: Answer, ofAnySubject: boolean): boolean;
  /**
   * Looked for because the reply missed the message's own subject: the previous question's focus
   * ("how big is the effect?") is not what is asked of the new subject ("…should it be with d3?").
   */
  newSubject: boolean;
}

/**
 * Whether `answer` (the follow-up read in context) misses the point the message asks itself, and
 * if so where else to look. The reply answers when it says first what the article does not cover
 * ("and for kids?"), or its first fact is new and has the message's focus or own words, or was
 * just shown but has the message's own words ("how many women?": the study that gives them).
 */
export function lookElsewhere(
  answer: Answer,
  hints: FollowUpHints,
  facts: FactIndex,
  analyzer: Analyzer,
): LookElsewhere | null {
  // Only a point the message asks itself: "what about mk4?" asks the previous question again.
  const focus = readFocus(hints.message);
  // A point of the vitamin's own decides wherever it comes: "better on a full stomach or not?"
  // compares only to ask how K2 is taken.
  const asked = focus.focuses.find((id) => OF_THE_VITAMIN.has(id)) ?? focus.focuses[0];
  const own = hints.newTerms;
  const shown = new Set(hints.shownBefore);
  const lead = facts.byId.get(answer.facts[0] ?? '');
  // A subject of its own that the reply in context never names ("if i take it should it be with
  // d3?" after the diabetes facts), and that the message alone is answered about
  // from another topic: the message asks about that subject, whatever its focus, and a reply that
  // names it is looked for.
  const subjectMissed =
    own.length > 0 &&
    !!lead &&
    hints.aloneTopicId !== null &&
    hints.aloneTopicId !== lead.topic.id &&
    answer.facts.every((id) => {
      const f = facts.byId.get(id);
      return !!f && has(f, own) === 0;
    });
  if ((!asked || ABOUT_THE_STATEMENT.has(asked)) && !subjectMissed) return null;
  const point = asked && !ABOUT_THE_STATEMENT.has(asked) ? { ...focus, focuses: [asked] } : null;
  const nothingNew = answer.body.startsWith(texts().replies.followUpNothingNew);
  if (answer.coverage === 'partial' && !nothingNew) return null;
  // "ok what foods have it then": a list of foods asked is the vitamin's, whatever the subject
  // before it, and only a fact that names a food answers it ("intake values are easily met with
  // food" names none).
  // "which foods should i eat for that?" after the heart asks the foods for the heart.
  const message = hints.message.replace(/'/g, '');
  const listsFoods = asked === 'food-source' && FOODS_LISTED.test(message) && !FOR_THE_SUBJECT.test(message);
  const answersAsked = (f: IndexedFact, p: Parameters<typeof answersPoint>[1]) =>
    answersPoint(f, p) &&
    (!listsFoods || [...foodsNamed(f.fact.text.toLowerCase())].some((w) => !GENERIC_FOOD.has(w)));
  const ofTheVitamin = listsFoods || (asked !== undefined && OF_THE_VITAMIN.has(asked));
  // Asked a point of the vitamin's own, a reply that only repeats facts that do not answer it
  // answers nothing, though they share a word with the message ("better on a full stomach?" after
  // calcium facts that say "absorption"): any new fact that answers the point is better.
  const repeats =
    nothingNew ||
    subjectMissed ||
    (ofTheVitamin && !!lead && !!point && shown.has(lead.fullId) && !answersAsked(lead, point));
  if (lead && !repeats) {
    // A fact just shown that answers a point of the vitamin's own asked with no words of its own
    // ("with a meal or not?" after "the article doesn't say when; fat helps absorption") answers
    // it again: a weaker new fact would not.
    const answered = shown.has(lead.fullId)
      ? own.length > 0
        ? has(lead, own) > 0
        : asked !== undefined && OF_THE_VITAMIN.has(asked) && !!point && answersAsked(lead, point)
      : (!!point && answersAsked(lead, point)) || has(lead, own) > 0;
    if (answered) return null;
  }
  // "whats the best time to take k2" then "with or without food?": the subject is K2, not "whats
  // … k2", which would ask what K2 is.
  const askedBefore: FocusId[] = [...(hints.previousFocus?.focuses ?? [])];
  if (asked !== 'definition') askedBefore.push('definition');
  const subjectText = withoutFocusWords(subjectPart(hints.previousReading), askedBefore);
  const subject = termsOf(analyzer, subjectText).filter((t) => !own.includes(t));
  const anySubject = ofTheVitamin || repeats;
  const readings = [
    { text: [hints.message, subjectText].filter((p) => p !== '').join(' , '), ofAnySubject: anySubject },
  ];
  // The vitamin as the subject (focus.json `vitaminNames`, the first): "is it safe?" asked of K2.
  // A point of its own that nothing about the previous subject answers ("how much i take per day"
  // after how a chickpea MK-7 is made) is asked of K2 too, last.
  // Not when the reply in context answers the point with a fact shown before ("how much is in
  // it?" after natto's figure): saying it is the same is the answer.
  const pointMissed = !!point && (!lead || !answersAsked(lead, point));
  if (anySubject || pointMissed)
    readings.push({ text: `${hints.message} , ${THE_VITAMIN}`, ofAnySubject: true });
  const leadOwn = lead ? has(lead, own) : 0;
  return {
    readings,
    newSubject: subjectMissed,
    answers(other: Answer, ofAnySubject: boolean): boolean {
      if (other.topic?.id === answer.topic?.id && !repeats) return false;
      const first = facts.byId.get(other.facts[0] ?? '');
      if (!first || shown.has(first.fullId)) return false;
      // Asked only about the new subject, the reply must name it; asked a point, it must answer it,
      // or, in the topic that answers a point of the vitamin's own, name the message's own subject
      // ("where in the gut does it get absorbed?": the gut, in how K2 is absorbed).
      const ownPointHome = !!asked && VITAMIN_OWN_POINTS.get(asked) === first.topic.id && has(first, own) > 0;
      if (point ? !answersAsked(first, point) && !ownPointHome : has(first, own) === 0) return false;
      if (has(first, own) < leadOwn) return false;
      return ofAnySubject || subject.length === 0 || has(first, subject) > 0;
    },
  };
}
