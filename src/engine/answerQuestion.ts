import { language, texts } from '../kb/language.ts';
import type { Topic } from '../kb/schema.ts';
import { fillText } from '../kb/templates.ts';
import { answerOtherParts } from './answerOtherParts.ts';
import { withoutDeniedAnticoagulants } from './anticoagulantFacts.ts';
import { mentionsAnticoagulant } from './anticoagulants.ts';
import { accuracyForScore } from './calibration.ts';
import {
  type MessageContext,
  passStoryOnlyDecline,
  preferQuestionClause,
  preferWithoutNegated,
  scoreWholeMessage,
  setIncidentalAside,
  urgentCategoryBoosts,
} from './chooseReading.ts';
import { answerComparedFoods } from './comparedFoods.ts';
import { bareAnswer, composeReply, topicAnswer, topicMayBeShown, withOverdoseBody } from './composeAnswer.ts';
import { composeFactBody } from './composeBody.ts';
import {
  ASK_AWAY_TEXT,
  GREETING_TEXT,
  isGreeting,
  isQuestionAnnouncement,
  isThanks,
  isWhoToAsk,
  THANKS_TEXT,
  WHO_TO_ASK_TEXT,
  withoutGreeting,
} from './declines.ts';
import { definitionAsked } from './definitionAsked.ts';
import { factIndexOf } from './factIndex.ts';
import type { FollowUpHints } from './followUpCompose.ts';
import { gateMessage } from './gate.ts';
import { pillsTakenAlready } from './gateOverdose.ts';
import type { OutOfScopeClass } from './lexicon.ts';
import { answerEachPart } from './multiQuestion.ts';
import { normalizeText } from './normalize.ts';
import { withoutNursedChild } from './nursedChild.ts';
import {
  medicinesIn,
  otherNutrientsIn,
  outOfScopeClass,
  QUOTE_MAY_OVERRIDE,
  saidBesideK2,
} from './outOfScope.ts';
import { isPersonal, personalNoticeFor } from './personalNotice.ts';
import { anyOf } from './phrasePattern.ts';
import { askingPart, clausesOpeningAQuestion, readFocus, withConfirmationJoined } from './questionFocus.ts';
import { questionParts } from './readings.ts';
import { withoutFormRequest } from './replyForm.ts';
import { EMPTY_TEXT, safetyTexts } from './safety.ts';
import type { SearchResult } from './search.ts';
import { pointsAtAStudy, studyAsked } from './studyAsked.ts';
import type { TopicIndex } from './topicIndex.ts';
import type { Answer } from './types.ts';
import { uncoveredInsteadOfDecline } from './uncoveredAnswer.ts';

/**
 * Answers one message, as a sequence of named steps: normalise; gate (emergencies); greet;
 * score the whole message and its other readings (without what it negates, its question clause
 * after a backstory, without incidental off-topic words) and choose; check the scope; compose
 * the reply; answer each part of a multi-question; compose the body from the facts that answer
 * the asked point (composeBody.ts); add the urgent and personal notices.
 */

/** A question that asks for a dose or a need, or points back at the value it gave ("lower it"). */
function asksAboutTheValue(normalized: string): boolean {
  const focus = readFocus(normalized);
  // Only the question can point at the value: "I keep reading that K2 helps bones" in the story
  // before "what is the evidence in postmenopausal women?" is no "that" pointing at a T-score.
  // Whether K2 is needed for that value ("dp-ucmgp was 750 pmol/l, do i need mk7") asks the same
  // of the value as a dose does, though "need" asks no amount.
  const asking = askingPart(normalized);
  return focus.focuses.includes('amount') || POINTS_AT_THE_VALUE.test(asking);
}

/**
 * A pronoun the value can be ("lower it", "is that normal", "fix those"), not one doing something
 * ("is there evidence it helps bones?", "does it work"): that one is the vitamin the story named.
 */
const POINTS_AT_THE_VALUE = new RegExp(
  `\\b(?:(?:it|that|this)\\b(?! ${anyOf(language().phrases.lists.valueActions, { capture: false })}\\b)|them|those|needs?)\\b`,
);

/**
 * The confidence of a point the article does not cover, answered instead of declined: the reply
 * does not rest on the weak match that declined it (its first sentence says what is missing and
 * its nearest facts are fixed per point), so it reports the calibration table's lowest answered
 * step rather than the bare answer threshold, still far below auto-answering (measured on the dev
 * set on 2026-12-01: 46 of 52 such replies showed their facts at the old 0.5).
 */
const UNCOVERED_CONFIDENCE = accuracyForScore(0);

/** How much a follow-up leans towards the category of the previous answer. */
const CONTEXT_CATEGORY_BOOST = 0.3;

function withContextBoost(
  boosts: Map<string, number> | undefined,
  category: string | undefined,
): Map<string, number> | undefined {
  if (!category) return boosts;
  const out = new Map(boosts ?? []);
  out.set(category, (out.get(category) ?? 0) + CONTEXT_CATEGORY_BOOST);
  return out;
}

export function answerQuestion(
  question: string,
  index: TopicIndex,
  byId: ReadonlyMap<string, Topic>,
): Answer {
  return answerQuestionDetailed(question, index, byId).answer;
}

/** An answer with the search result it was made from (null for empty input, greetings, thanks). */
export interface DetailedAnswer {
  answer: Answer;
  result: SearchResult | null;
  /** The out-of-scope class that declined the message, if one did. */
  declinedAs?: OutOfScopeClass;
  /** Only a side word of that class declined it ("…plays football, broke his wrist"). */
  declinedBySideWord?: boolean;
}

/** Like {@link answerQuestion}, also returning the match features (for calibration and tuning). */
export function answerQuestionDetailed(
  question: string,
  index: TopicIndex,
  byId: ReadonlyMap<string, Topic>,
  /** A category the conversation was about: a follow-up leans towards it (followUp.ts). */
  contextCategory?: string,
  /** For a follow-up: the new message and the previous answer, to choose the facts (followUpCompose.ts). */
  followUp?: FollowUpHints,
): DetailedAnswer {
  // Normalise. "Hi all, new here - what is K2?": the greeting and introduction are not the question.
  const full = normalizeText(question);
  const normalized = (!isGreeting(full) && withoutGreeting(full)) || full;
  const warningFirst = mentionsAnticoagulant(normalized);
  if (!/[\p{L}\p{N}]/u.test(normalized)) {
    return { answer: bareAnswer('empty', EMPTY_TEXT, warningFirst), result: null };
  }

  // Gate.
  const analysis = index.analyzer.analyze(normalized);
  const gate = gateMessage(normalized, index.analyzer, analysis);
  if (!gate.urgent && isGreeting(normalized)) {
    return { answer: bareAnswer('decline', GREETING_TEXT, warningFirst), result: null };
  }
  if (!gate.urgent && isThanks(normalized)) {
    return { answer: bareAnswer('decline', THANKS_TEXT, warningFirst), result: null };
  }
  // The whole message: "quick question" is an introduction withoutGreeting takes off `normalized`.
  if (!gate.urgent && isQuestionAnnouncement(full)) {
    return { answer: bareAnswer('decline', ASK_AWAY_TEXT, warningFirst), result: null };
  }
  if (!gate.urgent && isWhoToAsk(normalized)) {
    return { answer: bareAnswer('decline', WHO_TO_ASK_TEXT, warningFirst), result: null };
  }

  // "Not on any blood thinners": a medicine the asker says they do not take is no part of what is
  // asked. The gate above read the whole message, and the warning is attached whatever is read.
  // A message about the time someone was on one ("he was on warfarin and ate spinach every day,
  // was that why?") keeps it: without it, nothing of K is left to answer.
  const withoutDenied = gate.urgent ? normalized : withoutDeniedAnticoagulants(normalized);
  const keepsTheDrug =
    withoutDenied !== normalized &&
    !index.search(withoutDenied).hasAnchor &&
    index.search(normalized).hasAnchor;
  // "What is osteoporosis in plain words": how to answer is no part of what is asked.
  const read = withoutNursedChild(
    withConfirmationJoined(withoutFormRequest(keepsTheDrug ? normalized : withoutDenied)),
  );
  const readAnalysis = read === normalized ? analysis : index.analyzer.analyze(read);

  // Read, score and choose.
  const ctx: MessageContext = {
    index,
    normalized: read,
    analysis: readAnalysis,
    boosts: withContextBoost(urgentCategoryBoosts(gate.kind, warningFirst), contextCategory),
    withPrevious: followUp !== undefined,
  };
  let result = scoreWholeMessage(ctx, gate.urgent);
  result = preferWithoutNegated(ctx, result);
  result = preferQuestionClause(ctx, result);

  // Scope. Pasted article text is in scope, whatever words it holds ("cook with butter"), unless
  // the message also asks for someone else's call (a pharmacist, a vet, a test, the baby's doctor).
  let outOfScope = outOfScopeClass(read, result.hasAnchor);
  if (result.features.quoted && outOfScope && QUOTE_MAY_OVERRIDE.has(outOfScope.cls)) outOfScope = null;
  // "On metformin, does it mess with k2? (i know it does b12)": a nutrient and a medicine may both
  // stand beside the K2 question, whichever of them the scope check met first.
  const besideK2 = outOfScope?.cls === 'nutrient' || outOfScope?.cls === 'medicine';
  let sideNutrients = besideK2 ? otherNutrientsIn(read) : [];
  let sideMedicines = besideK2 ? medicinesIn(read) : [];
  // A test value of the asker's beside a clear K2 question ("a1c 6.1, does k2 help diabetes?"):
  // the K2 part is answered and the value is not read. A dose or a need asked for that value
  // ("t-score -2.3, how much k2?") is the clinician's call, and so is a question about the value
  // itself ("read that k2 can lower it").
  if (outOfScope && !outOfScope.incidental)
    ({ result, outOfScope } = passStoryOnlyDecline(ctx, result, outOfScope));
  let sideTest = false;
  if (outOfScope?.incidental) {
    const lab = outOfScope.cls === 'lab';
    const setAside = !lab || !asksAboutTheValue(read);
    if (setAside) ({ result, outOfScope } = setIncidentalAside(ctx, result, outOfScope));
    sideTest = lab && outOfScope === null;
  }

  // Compose.
  const answerable = topicMayBeShown(read, gate);
  let answer = composeReply(result, outOfScope, gate, answerable, warningFirst, byId);
  // "What does INR mean?": a term the knowledge defines is answered, however weakly the rest matched.
  if (answer.kind === 'decline' && !outOfScope && !gate.urgent && answerable) {
    const defined = definitionAsked(askingPart(read), factIndexOf(index), read);
    if (defined) answer = topicAnswer(defined.topic, byId, UNCOVERED_CONFIDENCE, warningFirst);
  }
  // "what was the rise in coronary calcium in the 45 mg menatetrenone study": a study the article
  // cites, pointed at, is K2's, whatever values or other nutrients it names; its figures are the
  // study's, not the asker's test.
  if (answer.kind === 'decline' && !gate.urgent && !followUp && answerable && pointsAtAStudy(read)) {
    const study = studyAsked(read, readAnalysis, factIndexOf(index));
    if (study) {
      answer = topicAnswer(study.topic, byId, UNCOVERED_CONFIDENCE, warningFirst);
      outOfScope = null;
      sideNutrients = [];
      sideMedicines = [];
      result = { ...result, ranked: [] };
    }
  }
  if (!gate.urgent && answerable && !outOfScope) {
    ({ answer, result } = answerEachPart(ctx, answer, result, warningFirst, byId));
  }
  if (!gate.urgent && answerable) {
    const partial = uncoveredInsteadOfDecline(
      answer,
      read,
      outOfScope,
      result.hasAnchor,
      byId,
      Math.max(result.confidence, UNCOVERED_CONFIDENCE),
    );
    if (partial) {
      answer = partial;
      outOfScope = null;
      // The topics the message matched weakly are no nearer than the point's own facts.
      result = { ...result, ranked: [] };
    }
  }
  answer = composeFactBody(answer, read, index, byId, result?.ranked, readAnalysis, followUp);
  if (!gate.urgent) answer = answerComparedFoods(answer, read, index, byId);
  if (!gate.urgent && (!followUp || questionParts(followUp.message).length > 1))
    answer = answerOtherParts(
      answer,
      followUp ? followUp.message : read,
      result.hasAnchor,
      index,
      byId,
      followUp !== undefined,
    );

  // A supplement named beside the K2 question: say plainly that the article does not cover it,
  // unless the reply already opened by saying so ("The article doesn't mention fish oil with K2").
  const unsaid = sideNutrients.filter((n) => !answer.body.toLowerCase().includes(n));
  if (answer.kind === 'answer' && !outOfScope && unsaid.length > 0) {
    answer.body = `${answer.body} ${fillText(texts().replies.sideSubject, { subject: unsaid.join(' or ') })}`;
  }

  // A medicine named beside the K2 question and set aside: the article does not cover it either.
  // Named in the question ("does metformin mess with k2?", "on a statin - does that mess with
  // k2?"), the medicine is what is asked, so that comes first; named before it ("on metformin,
  // which foods have the most k2?"), it follows the K2 answer.
  if (answer.kind === 'answer' && !outOfScope && sideMedicines.length > 0) {
    const notCovered = fillText(texts().replies.sideMedicine, { subject: sideMedicines.join(' or ') });
    const asking = askingPart(read);
    const questions = clausesOpeningAQuestion(asking);
    const asked = medicinesIn(questions.length > 0 ? questions.join(' ') : asking).length > 0;
    answer.body = asked ? `${notCovered} ${answer.body}` : `${answer.body} ${notCovered}`;
  }

  if (answer.kind === 'answer' && sideTest) answer.body = `${answer.body} ${texts().replies.sideTest}`;

  // A disease the article does not cover, set aside beside the K2 question ("i have ckd stage 3,
  // how does k2 leave the body?"): who to ask comes before the general answer, unless the point
  // the article does not cover already said it in the same words (focus.json `kidney-disease`).
  if (answer.kind === 'answer' && !outOfScope && !gate.urgent) {
    const besides = saidBesideK2(read).filter((said) => !answer.body.includes(said));
    if (besides.length > 0) {
      answer.body = `${besides.join(' ')} ${answer.body}`;
      answer.coverage = 'partial';
    }
  }

  // Notices.
  // Pills told as taken: no fact may read as a treatment at home. An overdose only supposed ("just
  // curious, if you swallowed a whole bottle…") keeps its answer under the notice.
  if (gate.urgent && gate.kind === 'overdose' && pillsTakenAlready(normalized.replace(/'/g, '')))
    answer = withOverdoseBody(answer);
  if (gate.urgent) {
    answer.urgent = true;
    answer.urgentNotice = gate.notice;
    if (gate.kind) answer.urgentKind = gate.kind;
    // An emergency may be a bleed on a blood thinner, so the warning follows the urgent notice,
    // except after a crisis message, which stands alone.
    answer.safety = safetyTexts(gate.kind !== 'self-harm');
  }
  if (answer.kind === 'answer') {
    const notice = personalNoticeFor(read, byId.get(answer.topic?.id ?? ''), isPersonal(read));
    if (notice) {
      answer.personal = true;
      answer.personalNotice = notice;
    }
  }
  return answer.kind === 'decline' && outOfScope
    ? { answer, result, declinedAs: outOfScope.cls, declinedBySideWord: outOfScope.incidental }
    : { answer, result };
}
