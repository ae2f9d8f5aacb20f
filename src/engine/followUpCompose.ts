import type { FocusId } from '../kb/focusSchema.ts';
import { language, texts } from '../kb/language.ts';
import type { Topic } from '../kb/schema.ts';
import { fillText } from '../kb/templates.ts';
import { SENTENCE_END } from './answerOtherParts.ts';
import { wordCount } from './composeBody.ts';
import type { FactIndex, IndexedFact } from './factIndex.ts';
import { aboutRivalOnly } from './factScore.ts';
import { askedFigure } from './figureLead.ts';
import { withoutEllipsis } from './followUp.ts';
import { phraseRegex } from './phrasePattern.ts';
import type { QuestionFocus } from './questionFocus.ts';
import { readFocus } from './questionFocus.ts';
import type { Answer } from './types.ts';

/**
 * How a follow-up chooses its facts. The previous question gives the subject ("does k2 help
 * bones" → bones); the new message says what is asked about it now ("how much of it?" → an
 * amount, "why?" → the reason, "and for kids?" → that population). Reading the two run together
 * let the old question's words pick the old facts again, and 15 of 35 blind follow-ups got the
 * previous reply word for word. So the focus comes from the new message, the previous reading
 * only lends its subject words (weakly), and facts already shown count less.
 */

export interface FollowUpHints {
  /** How the message was read with the previous one (followUp.ts). */
  kind: 'together' | 'instead';
  /** The new message alone, normalised. */
  message: string;
  /** The previous reading: the subject the message leans on. */
  previousReading: string;
  /** Full ids of the facts the previous answer showed. */
  shownBefore: readonly string[];
  /** What the previous question asked about its subject (its focuses, whether it asked a figure). */
  previousFocus: { focuses: readonly FocusId[]; figure: boolean } | null;
  /**
   * The message's own subject words as terms, without its question, pointer, aspect and focus
   * words ("and for kids?" → child, "how many women?" → women): what it adds to the subject.
   */
  newTerms: readonly string[];
  /** The topic the message alone is answered from, if any: a subject of its own ("…with d3?"). */
  aloneTopicId: string | null;
  /** The message names who is asked about and no subject besides ("and for men? my husband is 65"). */
  namesOnlyPeople?: boolean;
}

/** Subject words of the previous reading count this much of the new message's own words. */
export const CARRIED_SUBJECT_WEIGHT = 0.35;
/** A fact the previous answer already showed counts this much of its score. */
export const SHOWN_BEFORE_FACTOR = 0.85;

/**
 * What a follow-up asks: the new message's own focus; when it names none ("what about mk4?",
 * "and natto?") or only who it is about ("what about pregnant women?" after "can k2 hurt you")
 * the previous question's focus, applied to the new subject. A point the article
 * does not cover may be asked by the two together ("what about in men?" after an osteoporosis
 * question asks about men's bones).
 */
export function followUpFocus(hints: FollowUpHints): QuestionFocus {
  const own = readFocus(hints.message);
  const uncovered = own.uncovered.length > 0 ? own.uncovered : jointUncovered(hints);
  const base = uncovered === own.uncovered ? own : { ...own, uncovered };
  // Who is asked about ("what about pregnant women?") is the new subject, not a new point; and
  // "what about" asks the previous question again, not what something is.
  const framed = (id: FocusId) =>
    id === 'definition' && !readFocus(withoutEllipsis(hints.message)).focuses.includes(id);
  const asks = own.focuses.filter((id) => id !== 'population' && !framed(id));
  if (asks.length > 0 || own.yesNo || own.figure || !hints.previousFocus) return base;
  return {
    ...base,
    focuses: [...new Set([...hints.previousFocus.focuses, ...own.focuses])],
    figure: hints.previousFocus.figure,
  };
}

/**
 * The uncovered points the message and the previous question ask together, which the previous
 * question did not ask alone (its reply already said so).
 */
function jointUncovered(hints: FollowUpHints): QuestionFocus['uncovered'] {
  // One clause: the message's question mark would make it the only question of the text. A
  // message naming only who is asked about ("and for men? my husband is 65") asks the whole
  // previous question of them, whichever of its parts names the point; what that whole text asks
  // without them is no new point.
  // A message naming nothing of its own ("how much of it?" after a diabetes question) asks its
  // point of the whole previous question too.
  const previous =
    hints.namesOnlyPeople || hints.newTerms.length === 0
      ? hints.previousReading.replace(/[?!.,;:]+/g, ' ')
      : hints.previousReading;
  const before = new Set(
    [hints.previousReading, previous].flatMap((text) => readFocus(text).uncovered.map((u) => u.point.id)),
  );
  const joint = readFocus(`${hints.message.replace(/[?!.]+/g, ' ')} ${previous}`).uncovered;
  return joint.filter((u) => !before.has(u.point.id));
}

/**
 * The weighted words facts are matched against: the message's own words in full, the previous
 * reading's words (the subject carried over) at {@link CARRIED_SUBJECT_WEIGHT}. A new subject in
 * the old frame ("what about gouda?") carries nothing: gouda replaces natto.
 */
export function followUpTerms(
  hints: FollowUpHints,
  own: readonly string[],
  previous: readonly string[],
): Map<string, number> {
  const weights = new Map<string, number>();
  if (hints.kind === 'together') for (const t of previous) weights.set(t, CARRIED_SUBJECT_WEIGHT);
  for (const t of own) weights.set(t, 1);
  return weights;
}

/** How much a fact answering only a focus other than the main one fits a follow-up. */
const SIDE_FOCUS_FIT = 0.5;

/**
 * How well a fact answers what a follow-up asks now: with words of its own ("how many women?",
 * "and for arteries?") the number of them the fact has, plus 1 when it also answers the message's
 * main focus (half for another focus it reads); without ("why?", "is that safe?") just that. 0: it
 * does not answer the new point.
 */
export function followUpFit(
  f: IndexedFact,
  focus: Pick<QuestionFocus, 'focuses' | 'figure' | 'words'>,
  ownTerms: readonly string[],
): number {
  // The focus asked most ("with or without food": with-food, not the "or" of a comparison) counts
  // whole; another the message also reads, half.
  const main = focus.focuses[0];
  const byFocus =
    !focus.figure && main !== undefined && f.focuses.has(main)
      ? 1
      : answersPoint(f, focus)
        ? SIDE_FOCUS_FIT
        : 0;
  return ownTerms.filter((t) => f.terms.has(t)).length + byFocus;
}

/**
 * Whether a fact answers what a message asks: a figure question ("how long did it run?", "how
 * many people?") when the fact has a figure of the kind asked (figureLead.ts); else when it
 * answers one of the message's focuses.
 */
export function answersPoint(
  f: IndexedFact,
  focus: Pick<QuestionFocus, 'focuses' | 'figure' | 'words'>,
): boolean {
  if (focus.figure) return askedFigure(f.fact.text, focus.words) !== null;
  return focus.focuses.some((id) => f.focuses.has(id));
}

/** The facts a follow-up shows, once the topic's facts are ranked for it. */
export interface FollowUpChoice {
  main: IndexedFact[];
  /** "The article doesn't say more about that than my last answer." when nothing new answers. */
  nothingNew: boolean;
}

/** A fact not shown yet replaces the best one just shown when it scores this share of it. */
const FRESH_RATIO = 0.75;
/** A fact with the figure asked replaces the best one, which has none, when it scores this share of it. */
const FIGURE_RATIO = 0.3;

/**
 * A follow-up does not lead with a fact the previous answer just showed unless nothing else
 * answers the new message as well: "and why?" after a dose answer must not get the dose again.
 * Blind readers counted 14 of 36 follow-ups that showed the previous fact again though it did not
 * answer the new point. A figure question whose best fact has no figure of the kind asked gets
 * the nearest fact that has one. When the best fact was just shown: facts not shown yet that answer the
 * message at least as well and score close to it lead instead; else the fact just shown when it
 * answers, with the best new fact that answers too; else the best new fact that answers; else an
 * honest "nothing more" with the nearest new fact, or the best one again.
 */
export function chooseFollowUpFacts(
  main: readonly IndexedFact[],
  ranked: ReadonlyArray<{ f: IndexedFact; score: number }>,
  shownBefore: ReadonlySet<string>,
  focus: Pick<QuestionFocus, 'focuses' | 'yesNo' | 'figure' | 'words' | 'subjects'>,
  ownTerms: readonly string[],
  /** The message's own subject words ({@link FollowUpHints.newTerms}). */
  newTerms: readonly string[] = [],
  /** The message points back with a pronoun ("in it", "did that run"): at what the last answer showed. */
  pointsBackToShown = false,
): FollowUpChoice {
  const lead = ranked[0];
  if (!lead || main[0] !== lead.f) return { main: [...main], nothingNew: false };
  // "How many people were in it?" after the Rotterdam study: a figure asked about what the last
  // answer showed is that fact's figure, not another study's that has more of the message's words.
  // Not when the pronoun is someone else: "my dad is 74, same for him?" after the children's
  // intake points at the dad, whom a fact about children does not answer.
  if (focus.figure && pointsBackToShown) {
    const shown = ranked.find(
      (x) => shownBefore.has(x.f.fullId) && answersPoint(x.f, focus) && !aboutRivalOnly(x.f, focus.subjects),
    );
    if (shown) return { main: [shown.f], nothingNew: false };
  }
  // "How many people were studied?": the fact with a head count, when the best one has none (and
  // no more of the message's words: "how much per tablespoon?" of "a few mcg per tablespoon").
  if (focus.figure && !answersPoint(lead.f, focus)) {
    const words = (f: IndexedFact) => newTerms.filter((t) => f.terms.has(t)).length;
    const pick = ranked.find(
      (x) => x.score >= lead.score * FIGURE_RATIO && answersPoint(x.f, focus) && words(x.f) >= words(lead.f),
    );
    if (pick) return { main: [pick.f], nothingNew: false };
  }
  if (!shownBefore.has(lead.f.fullId)) return { main: [...main], nothingNew: false };
  const fitOf = (f: IndexedFact) => followUpFit(f, focus, ownTerms);
  const leadFit = fitOf(lead.f);
  const fresh = ranked.filter((x) => !shownBefore.has(x.f.fullId) && fitOf(x.f) > 0);
  const better = fresh.filter((x) => fitOf(x.f) >= leadFit && x.score >= lead.score * FRESH_RATIO);
  if (better.length > 0) return { main: better.slice(0, 2).map((x) => x.f), nothingNew: false };
  if (leadFit > 0) return { main: [lead.f, ...fresh.slice(0, 1).map((x) => x.f)], nothingNew: false };
  if (fresh[0]) return { main: [fresh[0].f], nothingNew: false };
  // Nothing new answers: after saying so, the nearest new fact when it scores close to the best,
  // else the best fact again ("how long did it run?" when the trial's length was in the last
  // answer). A yes/no question with new facts chosen keeps them: a claim (the step after this
  // one) may still answer it, which that sentence would keep out.
  if (focus.yesNo && main.some((f) => !shownBefore.has(f.fullId)))
    return { main: [...main], nothingNew: false };
  const near = ranked.find((x) => !shownBefore.has(x.f.fullId) && x.score >= lead.score * FRESH_RATIO);
  return { main: [near ? near.f : lead.f], nothingNew: true };
}

/** A "why?" shows at most this many reasons. */
const MAX_REASONS = 2;

/**
 * "Why?" after an answer asks the reason for what it just said: the facts its shown facts name as
 * their reason (`because` in knowledge/topics), not yet shown, in the order shown. Empty when the
 * message asks anything besides why ("why are women at higher risk?" names its own subject) or no
 * shown fact names a reason: the usual ranking then finds the nearest mechanism.
 */
export function reasonsAsked(
  hints: Pick<FollowUpHints, 'shownBefore' | 'newTerms'>,
  focus: Pick<QuestionFocus, 'focuses'>,
  byId: ReadonlyMap<string, IndexedFact>,
  /**
   * The previous question's words: of several reasons, those about what it asked come first ("does
   * k2 help your arteries" → "why?": the artery protein before the bone one).
   */
  previousTerms: readonly string[] = [],
): IndexedFact[] {
  // "why do u say the evidence is mixed": words the reply before said are no subject of the
  // message's own; it asks why of that reply.
  const quotesReply = hints.newTerms.every((t) => hints.shownBefore.some((id) => byId.get(id)?.terms.has(t)));
  if (!focus.focuses.includes('mechanism') || !quotesReply) return [];
  const shown = new Set(hints.shownBefore);
  const reasons: IndexedFact[] = [];
  for (const id of hints.shownBefore) {
    for (const reasonId of byId.get(id)?.fact.because ?? []) {
      const reason = byId.get(reasonId);
      if (reason && !shown.has(reasonId) && !reasons.includes(reason)) reasons.push(reason);
    }
  }
  const shared = (f: IndexedFact) => previousTerms.filter((t) => f.terms.has(t)).length;
  // Array.prototype.sort is stable: reasons sharing as many words keep the order they were named in.
  const chosen = reasons.sort((a, b) => shared(b) - shared(a)).slice(0, MAX_REASONS);
  // "MK-7 stays active longer" → why? → "its half-life is about 3 days" restates it; the reason of
  // that reason (the longer side chain) follows it, when there is room.
  const only = chosen.length === 1 ? chosen[0] : undefined;
  for (const reasonId of only?.fact.because ?? []) {
    const reason = byId.get(reasonId);
    if (reason && !shown.has(reasonId) && !chosen.includes(reason) && chosen.length < MAX_REASONS)
      chosen.push(reason);
  }
  return chosen;
}

/** Whether a reply shows only facts the previous answer showed: it must say that it is the same. */
export function repeatsPrevious(facts: readonly string[], shownBefore: readonly string[]): boolean {
  return facts.length > 0 && facts.every((id) => shownBefore.includes(id));
}

/** A year in a line of the article: "a 2019 study". */
const YEAR = /\b(19|20)\d\d\b/;
/** Words that name a study of its own (phrases.json `namedStudy`). */
const NAMED_STUDY = phraseRegex(language().phrases.lists.namedStudy);
/** Whether a line of the article names a study: a year, or a study of its own kind. */
const namesAStudy = (quote: string) => YEAR.test(quote) || NAMED_STUDY.test(quote.toLowerCase());

/** A source reply stays within the body's word limit: the first quote always, others while they fit. */
const MAX_SOURCE_WORDS = 100;
/** At most this many published studies named after the quotes. */
const MAX_SOURCE_STUDIES = 2;

/**
 * "Source?" after an answer: the same facts, each shown as the article's own words under its
 * heading, instead of the previous body again. `answer` is the previous question answered anew (its
 * topic, notices and safety texts); its body, facts and source are replaced.
 */
export function withSourceBody(answer: Answer, shownBefore: readonly string[], facts: FactIndex): Answer {
  const before = shownBefore.map((id) => facts.byId.get(id)).filter((f): f is IndexedFact => !!f);
  const shown = before.length > 0 ? before : answer.facts.flatMap((id) => facts.byId.get(id) ?? []);
  const first = shown[0];
  if (!first) return answer;
  // "link?" after "the article doesn't say whether freezing changes it": no line of the article is
  // the source of that point, and no study behind the nearest lines is research on it.
  const uncovered = answer.coverage === 'partial';
  const opening = uncovered ? texts().replies.sourceNone : '';
  const quoted: Array<{ fact: IndexedFact; text: string }> = [];
  let words = opening === '' ? 0 : opening.split(/\s+/).length;
  for (const fact of shown) {
    if (quoted.some((q) => q.fact.fact.quote === fact.fact.quote)) continue;
    const text = fillText(texts().replies.sourceQuote, {
      section: fact.fact.section,
      quote: fact.fact.quote,
    });
    const n = text.split(/\s+/).length;
    if (quoted.length > 0 && words + n > MAX_SOURCE_WORDS) break;
    quoted.push({ fact, text });
    words += n;
  }
  // The article names few of its studies: the published ones behind what it quotes come from the
  // corrections that check those facts, within the same word limit as the quotes.
  const studiesFor = (shownQuotes: typeof quoted): string => {
    const studies = [
      ...new Set(
        shownQuotes.flatMap(({ fact }) =>
          fact.topic.corrections.filter((c) => c.facts?.includes(fact.fact.id)).flatMap((c) => c.references),
        ),
      ),
    ].slice(0, MAX_SOURCE_STUDIES);
    return studies.length > 0 ? fillText(texts().replies.sourceStudies, { studies: studies.join('; ') }) : '';
  };
  let cited = uncovered ? '' : studiesFor(quoted);
  while (quoted.length > 1 && words + cited.split(/\s+/).length > MAX_SOURCE_WORDS) {
    words -= (quoted.pop() as { text: string }).text.split(/\s+/).length;
    cited = uncovered ? '' : studiesFor(quoted);
  }
  // "source?" after "it may also reduce side effects from chemotherapy": lines that name no study,
  // with none checked against published research, are said to have none behind them.
  const unnamed =
    !uncovered && cited === '' && !quoted.some((q) => namesAStudy(q.fact.fact.quote))
      ? texts().replies.sourceUnnamed
      : '';
  answer.body = [opening, ...quoted.map((q) => q.text), cited || unnamed].filter((t) => t !== '').join(' ');
  answer.facts = quoted.map((q) => q.fact.fullId);
  answer.coverage = uncovered ? 'partial' : 'full';
  answer.source = { sections: [...new Set(quoted.map((q) => q.fact.fact.section))], quote: first.fact.quote };
  return answer;
}

/** A follow-up asking whether the answer before contradicts itself (phrases.json `contradictionAsked`). */
const CONTRADICTION_ASKED = phraseRegex(language().phrases.lists.contradictionAsked);
/** At most this many words in such a follow-up: a longer message asks something of its own. */
const CONTRADICTION_ASKED_WORDS = 12;
/** Fact-check ids of the article's internal inconsistencies (fact-check.md Part 1A). */
const INCONSISTENCY_ID = /^I-/;

/**
 * "wait isn't that contradictory?" after an answer whose facts the article states two ways (a
 * correction of an internal inconsistency checks one of them): yes, and the correction, which says
 * what the article says each way and what is true. Null when the message asks more, or no fact
 * shown is one of those: the usual reading then answers.
 */
export function contradictionBody(
  normalized: string,
  shownBefore: readonly string[],
  facts: FactIndex,
): string | null {
  const text = normalized.replace(/'/g, '');
  if (!CONTRADICTION_ASKED.test(text) || text.split(/\s+/).length > CONTRADICTION_ASKED_WORDS) return null;
  // "but another part says 10 to 45 mcg?? which is it": figures the message quotes name which
  // statement it means; a correction that does not give them is about another.
  const quoted = text.match(/\d+/g) ?? [];
  const givesQuoted = (note: string) => {
    const numbers = note.split(/\D+/);
    return quoted.every((n) => numbers.includes(n));
  };
  for (const id of shownBefore) {
    const fact = facts.byId.get(id);
    const correction = fact?.topic.corrections.find(
      (c) =>
        c.facts?.includes(fact.fact.id) &&
        c.factCheckIds.some((f) => INCONSISTENCY_ID.test(f)) &&
        givesQuoted(c.note),
    );
    if (correction) return `${texts().replies.contradictionYes} ${correction.note}`;
  }
  return null;
}

/**
 * "tl;dr?" after an answer: the summary of its topic, which the knowledge writes as the short,
 * corrected version of the topic, instead of the previous facts again; "in simple words?" its
 * `plain` version where the topic has one. `answer` is the previous
 * question answered anew (its topic, notices and safety texts); its body, facts and corrections
 * are replaced.
 */
export function withSummaryBody(answer: Answer, topic: Topic, inPlainWords = false): Answer {
  answer.body = (inPlainWords ? topic.plain : undefined) ?? topic.summary;
  answer.facts = [];
  answer.coverage = 'full';
  answer.corrections = [];
  return answer;
}

/** A first sentence shorter than this many words keeps the next one: "K2 is fat-soluble." says little. */
const SHORTEST_ANSWER_WORDS = 8;

/**
 * "Shorter pls": the previous answer's first sentence, the one that answers its point (the
 * body leads with it), with the next one when the first is very short. Corrections stay behind
 * **More**; the safety texts are attached as always.
 */
export function withShorterBody(answer: Answer): Answer {
  const [first = '', second] = answer.body.split(SENTENCE_END);
  const shorter =
    second !== undefined && wordCount(first) < SHORTEST_ANSWER_WORDS ? `${first} ${second}` : first;
  // The lead fact is the one the first sentence shows.
  if (shorter !== answer.body) answer.facts = answer.facts.slice(0, 1);
  answer.body = shorter;
  answer.corrections = [];
  return answer;
}

/**
 * "As a list": the previous answer's sentences, one per line, as a Markdown list; a sentence whose
 * parts are joined by semicolons ("natto is richest; then hard cheeses; …") gives one line a part.
 */
export function withListBody(answer: Answer): Answer {
  const items = answer.body.split(SENTENCE_END).flatMap((sentence) => sentence.split(/; (?:and |but )?/));
  answer.body = items.map((item) => `- ${item.charAt(0).toUpperCase()}${item.slice(1)}`).join('\n');
  return answer;
}

/**
 * Whether a reply opens with a yes, a no or what the evidence shows (texts.json `claimLeads`,
 * `evidenceLeads`, `basisYes`, `contradictionYes`), or, partly covered, with what the article does
 * not say: "so yes or no?" is then answered by its first sentence.
 */
export function opensWithVerdict(answer: Pick<Answer, 'body' | 'coverage'>): boolean {
  if (answer.coverage === 'partial') return true;
  const { claimLeads, evidenceLeads, basisYes, contradictionYes } = texts().replies;
  const before = (template: string) => template.slice(0, template.indexOf('{'));
  return [
    claimLeads.yes,
    claimLeads.no,
    before(claimLeads.notShown),
    claimLeads.depends,
    claimLeads.mixed,
    ...Object.values(evidenceLeads),
    before(basisYes),
    contradictionYes,
  ].some((opening) => answer.body.startsWith(opening));
}
