import type { FocusId } from '../kb/focusSchema.ts';
import { language } from '../kb/language.ts';
import type { Topic } from '../kb/schema.ts';
import type { Analysis } from './analyze.ts';
import { anticoagulantsNamed } from './anticoagulantFacts.ts';
import { DOSAGE_CATEGORY, statedOwnerOfFigure } from './figureOwner.ts';
import { pointsBack, startsNewSubject, withoutFocusWords } from './followUp.ts';
import type { UrgentKind } from './gate.ts';
import { hypotheticalOverdose } from './gateOverdose.ts';
import { foodsNamed, K2_VOCABULARY, OUT_OF_SCOPE_RULES } from './lexicon.ts';
import { type OutOfScope, otherNutrientsIn, outOfScopeClass, STORY_MAY_PASS } from './outOfScope.ts';
import { alternation, phraseRegex } from './phrasePattern.ts';
import {
  askingPart,
  clausesOpeningAQuestion,
  namesVitamin,
  readFocus,
  THE_VITAMIN,
  VITAMIN_OWN_POINTS,
} from './questionFocus.ts';
import { ANSWER_THRESHOLD } from './rawConfidence.ts';
import {
  asksWithAny,
  clausePointsBack,
  questionClause,
  TOO_MUCH,
  tookMoreThanADose,
  withoutIncidentalClauses,
  withoutIncidentalWords,
  withoutNegated,
  withoutOtherNutrients,
} from './readings.ts';
import type { SearchResult } from './search.ts';
import type { TopicIndex } from './topicIndex.ts';
import { withoutDoubtTail } from './yesNoClaims.ts';

/**
 * The score-and-choose steps of answering: each scores one candidate reading of the message
 * (readings.ts) and says whether it replaces the reading chosen so far.
 */

/** What every step knows about the message. */
export interface MessageContext {
  index: TopicIndex;
  /** The normalised message without a leading greeting. */
  normalized: string;
  analysis: Analysis;
  /** Category boosts from the emergency kind (an overdose leans towards side effects). */
  boosts: ReadonlyMap<string, number> | undefined;
  /** The message is read with the previous question after it (a follow-up): its clauses include that question's. */
  withPrevious?: boolean;
}

/** Subject weight (about one specific word) that makes the K2 part of a message clear. */
const CLEAR_SUBJECT = 1;
/** The asked clause wins over a backstory when its topic scores at least this share of the best. */
const BACKSTORY_RATIO = 0.6;

/** Emergencies lean towards the topic with the matching facts: side effects for an overdose. */
export function urgentCategoryBoosts(
  kind: UrgentKind | null,
  anticoagulant: boolean,
): Map<string, number> | undefined {
  if (kind === 'overdose' || kind === 'allergy') return new Map([['safety', 0.5]]);
  if ((kind === 'bleeding' || kind === 'clot') && anticoagulant) return new Map([['interactions', 0.5]]);
  return undefined;
}

/**
 * The whole message. A dose taken twice or an extra pill by mistake, with no emergency, asks
 * whether that much is harmful: the side-effect question ("took my k2 twice because i forgot");
 * so does an overdose asked about anyone ("what would happen to a character who took 10 caps?").
 */
export function scoreWholeMessage(ctx: MessageContext, urgent: boolean): SearchResult {
  const text = ctx.normalized.replace(/'/g, '');
  return !urgent && (tookMoreThanADose(text) || hypotheticalOverdose(text))
    ? ctx.index.search(`${ctx.normalized} , ${TOO_MUCH}`, ctx.boosts)
    : ctx.index.search(ctx.normalized, ctx.boosts, ctx.analysis);
}

/** The food-source focus's own word for foods (focus.json `food-source`: "foods"). */
const FOOD_SOURCE_WORD: string =
  language()
    .focus.focuses.find((f) => f.id === 'food-source')
    ?.asked.find((w) => w.endsWith('s') && !w.includes(' ')) ?? '';

/** Words asking for something else than what was set aside (phrases.json `alternativesAsked`). */
const ALTERNATIVES_ASKED = phraseRegex(language().phrases.lists.alternativesAsked);

/**
 * Whether a message sets a food aside and asks for the others ("natto smells like feet, what else
 * is there"); `focus` is the message without what it sets aside (withoutNegated).
 */
export function asksForOtherFoods(
  normalized: string,
  focus: string | null = withoutNegated(normalized),
): boolean {
  return (
    focus !== null &&
    ALTERNATIVES_ASKED.test(focus) &&
    foodsNamed(normalized).size > 0 &&
    foodsNamed(focus).size === 0
  );
}

/** What the asker does not eat or like is not the topic; the rest of the question decides. */
export function preferWithoutNegated(ctx: MessageContext, current: SearchResult): SearchResult {
  const focus = withoutNegated(ctx.normalized);
  if (!focus) return current;
  // "natto is gross. if i just take a supplement instead what dose": what named K2's food is set
  // aside, and the rest is still about K2.
  // "i cant stand natto, where else can i get k2": with a food set aside and none left, the rest
  // asks for other foods, which read alone it does not say ("where else" read as K1 vs K2).
  const otherFoods = asksForOtherFoods(ctx.normalized, focus);
  let focused = ctx.index.search(otherFoods ? `${focus} , ${FOOD_SOURCE_WORD}` : focus, ctx.boosts);
  // Not when the vitamin itself was set aside ("symptoms of not having enough vitamin k").
  const vitaminSetAside = namesVitamin(ctx.normalized) && !namesVitamin(focus);
  if (!focused.hasAnchor && current.hasAnchor && !vitaminSetAside)
    focused = ctx.index.search(
      `${focus}${otherFoods ? ` , ${FOOD_SOURCE_WORD}` : ''} , ${THE_VITAMIN}`,
      ctx.boosts,
    );
  return focused.ranked[0] && focused.hasAnchor && focused.confidence >= ANSWER_THRESHOLD ? focused : current;
}

/** The category of the food topics (knowledge/topics/*.json). */
const FOOD_CATEGORY = 'food';

/**
 * Categories a question pointing back at its story ("does any study show it reduces fractures?")
 * may still be answered from on its own: what "it" does, not what is in "it" (a food, a dose).
 */
const POINTING_BACK_CATEGORIES: ReadonlySet<string> = new Set(['bones', 'heart', 'conditions', 'safety']);

/**
 * Foods and doses in a backstory ("I eat yogurt and some cheese… is there evidence K2 prevents
 * fractures?") are incidental: a question clause about another kind of topic decides whatever
 * they score.
 */
function incidentalStory(storyTopic: Topic, clauseTopic: Topic): boolean {
  return (
    (storyTopic.category === FOOD_CATEGORY || storyTopic.category === DOSAGE_CATEGORY) &&
    clauseTopic.category !== FOOD_CATEGORY &&
    clauseTopic.category !== DOSAGE_CATEGORY
  );
}

/** Words asking how much the asker receives (phrases.json `amountReceived`). */
const AMOUNT_RECEIVED = phraseRegex(language().phrases.lists.amountReceived);

/** Whether text asks about a portion of a food ("how much k2 is in one tub"). */
const asksPortion = (text: string) => readFocus(text).uncovered.some((u) => u.point.portionOfFood === true);

/** The words of a portion of a food (focus.json points with `portionOfFood`), wherever a message says them. */
const PORTION_WORDS = new RegExp(
  `\\b(?:${alternation({
    words: language().focus.uncovered.flatMap((p) => (p.portionOfFood === true ? p.asked : [])),
  })})s?\\b`,
);

/** An amount asked per 100 g ("how much k2 per 100g tho"), the measure the article's food figures use. */
const PER_HUNDRED_GRAMS = /\bper (100|a hundred|one hundred) ?(g|grams?)\b/;

/**
 * A long backstory before the question ("mostly chicken and rice right now, what foods could I
 * add to get K2?"): the question clause decides when its topic is close to the best one.
 */
/** Points a clause may ask of the vitamin with no word for it: its interactions and its own points (focus.json `vitaminOwnPoints`). */
const OF_THE_VITAMIN: ReadonlySet<FocusId> = new Set<FocusId>(['interaction', ...VITAMIN_OWN_POINTS.keys()]);

/**
 * Whether a clause asks what is the vitamin's own to answer. So does the research asked on a
 * subject the clause names ("…I keep reading that K2 is crucial for osteoporosis. What does the
 * research actually show about bone density?"), in a message of its own: the research on what the
 * story says of K2.
 */
function asksOfTheVitamin(clause: string, ctx: MessageContext): boolean {
  const { focuses } = readFocus(clause);
  if (focuses.some((id) => OF_THE_VITAMIN.has(id))) return true;
  if (ctx.withPrevious || !focuses.includes('evidence')) return false;
  // "What does the research actually show?" names no subject: the story's decides.
  const subject = withoutFocusWords(clause, focuses);
  return ctx.index.search(subject, ctx.boosts).features.subjectMass >= CLEAR_SUBJECT;
}

/** Pointers that name a person of the story (phrases.json `personPointers`). */
const PERSON_POINTERS = phraseRegex(language().phrases.lists.personPointers, 'g');

/** Whether a clause's pointers back at the story are all people ("his bones"), none a thing ("it"). */
function pointsBackOnlyAtPeople(clause: string): boolean {
  return !clausePointsBack(clause.replace(PERSON_POINTERS, ' '));
}

export function preferQuestionClause(ctx: MessageContext, current: SearchResult): SearchResult {
  const asked = questionClause(ctx.normalized);
  const fullBest = current.ranked[0];
  if (!asked || !fullBest) return current;
  // What the clause sets aside is not its subject ("what foods have k2 besides natto" is not natto),
  // nor is the doubt it offers as the other answer ("grass fed vs normal butter, is there more k2
  // or is that hype": not whether K2 is worth it).
  const asking = withoutDoubtTail(asked.clause);
  const clause = withoutNegated(asking) ?? asking;
  // "…K2 (MK-7) 45 mcg per day. Is 45 mcg enough?": the figure asked is the vitamin's dose when the
  // words the story gives it to read as one.
  const owner = statedOwnerOfFigure(ctx.normalized, asked.clause);
  const doseResult = owner ? ctx.index.search(`${clause} , ${owner}`, ctx.boosts) : null;
  const asksDose = doseResult?.ranked[0]?.topic.category === DOSAGE_CATEGORY;
  // A clause pointing back ("does it…") is about K2 when the message is; the owner of a dose asked
  // names the vitamin itself.
  const alone =
    asksDose && doseResult
      ? doseResult
      : ctx.index.search(asked.pointsBack && current.hasAnchor ? `${clause} k2` : clause, ctx.boosts);
  // "started mk7 + d3 last month for my bones, any interactions i should know about?": a clause
  // that names no K2 of its own after a story that does, and asks what is the vitamin's own to
  // answer (its interactions, its safety), asks it of the story's K2.
  const clauseResult =
    !alone.hasAnchor && current.hasAnchor && !asksDose && asksOfTheVitamin(clause, ctx)
      ? ctx.index.search(`${clause} k2`, ctx.boosts)
      : alone;
  const clauseTop = clauseResult.ranked[0];
  const fullTop = fullBest.score;
  const inFull = current.ranked.find((r) => r.topic === clauseTop?.topic)?.score ?? 0;
  const definitionAsked = clauseResult.features.asksDefinition && !asked.pointsBack && !ctx.withPrevious;
  // "I'd die for natto honestly. how much k2 is in a whole 45g pack tho": a portion asked of no
  // food the clause names is a portion of the story's food.
  // So is an amount received ("the tubs say 45 grams. how much k2 are we actually getting?") when
  // the story names the portion.
  const receivedOfStoryPortion = AMOUNT_RECEIVED.test(clause) && PORTION_WORDS.test(ctx.normalized);
  const portionOfStoryFood =
    fullBest.topic.category === FOOD_CATEGORY &&
    clauseTop?.topic.category !== FOOD_CATEGORY &&
    (asksPortion(clause) || receivedOfStoryPortion);
  if (portionOfStoryFood) return current;
  // The same when the whole message leans elsewhere ("the natto we buy comes in 40 gram tubs"
  // reads as shopping; "heart racing bc i finally tried natto… how much k2 was in that 45g pack?"
  // as the heart; "my arteries r 90% jarlsberg lmao. how much k2 per 100g tho" as a dose): the
  // one food the story names is what a portion or an amount per 100 g is asked of.
  const ofAFood = receivedOfStoryPortion || asksPortion(clause) || PER_HUNDRED_GRAMS.test(clause);
  const storyFoods = ofAFood ? [...foodsNamed(ctx.normalized)] : [];
  if (storyFoods.length === 1 && foodsNamed(clause).size === 0) {
    const ofFood = ctx.index.search(`${clause} ${storyFoods[0]}`, ctx.boosts);
    if (ofFood.ranked[0]?.topic.category === FOOD_CATEGORY && ofFood.confidence >= ANSWER_THRESHOLD)
      return ofFood;
  }
  // "had bleeding gums ages ago… unrelated but is k2 good for teeth?": a story the message sets
  // aside itself is no part of the question, however little the clause names.
  const setAside = storySetAside(ctx.normalized, asked.clause);
  const wins =
    clauseTop &&
    clauseTop.topic !== fullBest.topic &&
    (!asked.pointsBack || POINTING_BACK_CATEGORIES.has(clauseTop.topic.category)) &&
    clauseResult.hasAnchor &&
    clauseResult.confidence >= ANSWER_THRESHOLD &&
    (clauseResult.features.subjectMass >= CLEAR_SUBJECT || definitionAsked || setAside) &&
    (inFull >= fullTop * BACKSTORY_RATIO ||
      incidentalStory(fullBest.topic, clauseTop.topic) ||
      setAside ||
      // "I heard vitamin K called the new vitamin D. What is vitamin K all about?": a question what
      // something is decides, whatever the story compared it with.
      definitionAsked ||
      // "…It could be very helpful to know how much K2 to take each day": a question the writer
      // marked as such decides, however much the letter says about other things.
      (asked.embedded && !asked.pointsBack) ||
      // The vitamin's dose asked decides, whatever else the label lists.
      asksDose);
  // The dose asked keeps its own runner-up topics too: the D3 on the label is not a close second.
  if (wins || (asksDose && clauseTop?.topic === fullBest.topic)) return clauseResult;
  // "Does vitamin K2 need to be taken with food? I swallow mine … with just a black coffee.": the
  // story's words the knowledge base does not know leave the whole message unsure of the topic its
  // question clause is sure of; the clause decides.
  // "caring for my grandad (88), he barely eats… would a k2 supplement help his bones?": a clause
  // that points back only at a person of the story ("his") still names its own subject.
  const sureOfTheSameTopic =
    clauseTop?.topic === fullBest.topic &&
    (!asked.pointsBack || pointsBackOnlyAtPeople(asked.clause)) &&
    current.confidence < ANSWER_THRESHOLD &&
    clauseResult.hasAnchor &&
    clauseResult.confidence >= ANSWER_THRESHOLD;
  if (sureOfTheSameTopic) return clauseResult;
  return asked.pointsBack && current.confidence < ANSWER_THRESHOLD
    ? withPointedSubject(ctx, asked.clause, current)
    : current;
}

/** Words that say a story is over ("…years ago, all fine now"; phrases.json `storyResolved`). */
const STORY_RESOLVED = phraseRegex(language().phrases.lists.storyResolved);
/** Words that turn from the story to the question ("anyway", "moving on"; phrases.json `storyTurns`). */
const STORY_TURN = phraseRegex(language().phrases.lists.storyTurns);

/**
 * Whether the message sets aside, before its question clause, the story it tells ("unrelated,
 * but…": phrases.json `followUpBreaks`, read as a new subject is), says the story is over ("my
 * gums bled years ago (sorted now). is k2 good for teeth?") or turns from it ("…long fixed. anyway
 * is k2 good for teeth?").
 */
function storySetAside(normalized: string, clause: string): boolean {
  const text = normalized.replace(/'/g, '');
  const at = text.indexOf(clause);
  if (at <= 0) return false;
  const story = text.slice(0, at);
  return startsNewSubject(story) || STORY_RESOLVED.test(story) || STORY_TURN.test(story);
}

/** How many sentences back a question pointing back looks for the subject it points at. */
const MAX_SENTENCES_BACK = 3;

/**
 * "…saw something about vitamin K for healthy arteries. I know nothing about it. Is it something
 * I should be taking?": a question pointing back, in a story too long to read whole, is read
 * with the nearest sentence before it that names vitamin K.
 */
function withPointedSubject(ctx: MessageContext, clause: string, current: SearchResult): SearchResult {
  const sentences = ctx.normalized.replace(/'/g, '').split(/[.?!]+/);
  const at = sentences.findIndex((s) => s.includes(clause));
  const last = at === -1 ? sentences.length : at;
  for (let i = last - 1; i >= Math.max(0, last - MAX_SENTENCES_BACK); i--) {
    const sentence = (sentences[i] as string).trim();
    if (sentence === '' || !ctx.index.search(sentence, ctx.boosts).hasAnchor) continue;
    const read = ctx.index.search(`${sentence} , ${clause}`, ctx.boosts);
    if (read.ranked[0] && read.hasAnchor && read.confidence >= ANSWER_THRESHOLD) return read;
  }
  return current;
}

/** A question about combining K2 with something ("with it", "interact", "together"). */
const COMBINING =
  /\b(interact\w*|interfer\w*|clash\w*|conflict\w*|together|combin\w*|mix\w*|at the same time|alongside|same time as|with (it|them|that|those|this|these)|and (it|them))\b/;
/** "Any issue with k2?" of a medicine (phrases.json `troubleWithK2`): whether the two go together. */
const TROUBLE_WITH_K2 = phraseRegex(language().phrases.lists.troubleWithK2);
/** "With my…", "with the…": combining only when a medicine or K2 follows ("k2 with my metformin"). */
const WITH_A_NAMED = /\bwith (my|the|his|her|their|your) ((\S+ ){0,3}\S+)/g;

/**
 * What a drug does to vitamin K ("cholestyramine and vitamin k absorption", "do antibiotics lower
 * vitamin k"): a drug interaction other than an anticoagulant's, for a pharmacist.
 */
const DRUG_EFFECT =
  /\b(absor\w*|block\w*|bind\w*|deplet\w*|deficien\w*|lower\w*|reduc\w*|decreas\w*|drop\w*|affect\w*|interfer\w*|destroy\w*|kill\w*|wipe\w* out|levels?|status)\b/;

/** Vitamin K itself, or its absorption: what a drug's effect must be on to be an interaction. */
const VITAMIN_K_OR_ABSORPTION = /\b(vitamin k|vit k|k1|k2|mk ?4|mk ?7|menaquinone|phylloquinone|absor\w*)\b/;
/**
 * A combining word that points back at something named before ("with it", "alongside them"). Not
 * "and that", "and it": in another sentence they join clauses ("…a strong link to lower diabetes
 * risk and that it works on insulin"), and a letter that names a medicine in its story was read as
 * asking the pharmacist about it.
 */
const POINTING_COMBINE =
  /\b(with|alongside) (it|them|that|those|this|these)\b|\binteract\w*|\binterfer\w*|\bclash\w*|\bconflict\w*/;
/**
 * A drug's effect on vitamin K said of a pronoun pointing back at the drug ("does it lower vitamin
 * k", "do they block k2 absorption"), the vitamin named after the effect: "that k2 reduces artery
 * calcification" is what K2 does, not what a drug does to it.
 */
const PRONOUN_EFFECT = new RegExp(
  `\\b(it|they|this|that|those|these)( \\w+)? ${DRUG_EFFECT.source}( \\w+){0,3} ${VITAMIN_K_OR_ABSORPTION.source}`,
);
const MEDICINE_RULES = OUT_OF_SCOPE_RULES.filter((r) => r.cls === 'medicine');

/**
 * "With my metformin", "with my blood pressure pill amlodipine": a medicine or K2 in the four
 * words after "with my/the". "An article with the subject line…" joins nothing to the medicine
 * named before it.
 */
function withANamed(sentence: string): boolean {
  for (const m of sentence.matchAll(WITH_A_NAMED)) {
    const next = m[2] as string;
    if (VITAMIN_K_OR_ABSORPTION.test(next) || MEDICINE_RULES.some((r) => r.re.test(next))) return true;
  }
  return false;
}

/**
 * Whether a message that names a medicine asks about combining it with K2 or about what it does
 * to vitamin K, a pharmacist's question: in the medicine's own sentence ("can i take k2 with
 * metformin", "do antibiotics lower vitamin k"), or in another sentence pointing back at it ("i
 * take metformin. can i take k2 with it?"). A combination in a sentence of its own ("has anyone
 * tested D3 together with K2?") is about what it names, and a drug's effect on something else
 * ("lowers blood sugar") is no interaction.
 */
export function asksAboutTheMedicine(normalized: string): boolean {
  const text = normalized.replace(/'/g, '');
  if (!MEDICINE_RULES.some((r) => r.re.test(text))) return false;
  const sentences = text.match(/[^.?!;]+[.?!;]*/g) ?? [];
  return sentences.some((s, i) => {
    const namesMedicine = MEDICINE_RULES.some((r) => r.re.test(s));
    if (namesMedicine)
      return (
        COMBINING.test(s) ||
        TROUBLE_WITH_K2.test(s) ||
        withANamed(s) ||
        (DRUG_EFFECT.test(s) && VITAMIN_K_OR_ABSORPTION.test(s))
      );
    // Pointing back asks only in a question: "the nurse is fine with it, but I got curious." tells.
    const asks = s.includes('?') || i === sentences.length - 1;
    return asks && (POINTING_COMBINE.test(s) || PRONOUN_EFFECT.test(s));
  });
}

/**
 * An off-topic word beside a clear K2 question ("my gym bro says…", "on metformin, does k2 help
 * insulin sensitivity", "carnivore diet k2 - do steaks have it") does not decline it: first
 * without the clauses that hold one, then without just the words themselves.
 */
export function setIncidentalAside(
  ctx: MessageContext,
  current: SearchResult,
  outOfScope: OutOfScope,
): { result: SearchResult; outOfScope: OutOfScope | null } {
  // "Can I take k2 with metformin" asks about combining them: a pharmacist's question, whichever
  // side word was found first ("on atorvastatin for my cholesterol… does k2 interfere with statins?").
  if (asksAboutTheMedicine(ctx.normalized)) {
    return { result: current, outOfScope: { cls: 'medicine', incidental: outOfScope.incidental } };
  }
  // A blood thinner in a clause set aside is still the asker's situation ("i cook for my father
  // who is on coumadin. can he still have cheese?"): the rest is read with it.
  const drugs = anticoagulantsNamed(ctx.normalized);
  const withDrugs = (rest: string | null) =>
    rest === null || drugs.length === 0 || anticoagulantsNamed(rest).length > 0
      ? rest
      : `${rest} , on ${drugs.join(' and ')}`;
  // So is the vitamin named in a clause set aside ("vitamin K2 is 'Menachinon' in german? which
  // food in supermarket has most", "this k2 price is killing me. any side effects?"), when the
  // clauses left ask a question: a story left is no question about the vitamin. Not when another
  // nutrient is named ("…a piece on vitamin C. How much should I take, is 1,000 mg too much?"): the
  // question left may be about that one.
  const namesTheVitamin = namesVitamin(ctx.normalized) && otherNutrientsIn(ctx.normalized).length === 0;
  const withVitamin = (rest: string | null) =>
    rest === null ||
    !namesTheVitamin ||
    namesVitamin(rest) ||
    (clausesOpeningAQuestion(rest).length === 0 && !asksWithAny(rest))
      ? rest
      : `${rest} , ${THE_VITAMIN}`;
  // And so is a food named only in the clause set aside ("when i saw the price of natto at the asian
  // shop. is one tub enough for a day?"): the tub is natto's.
  const foods = [...foodsNamed(ctx.normalized)];
  const withFoods = (rest: string | null) =>
    rest === null || foods.length === 0 || foodsNamed(rest).size > 0 ? rest : `${rest} , ${foods.join(' ')}`;
  const rests = [
    withVitamin(withoutIncidentalClauses(ctx.normalized)),
    withoutIncidentalWords(ctx.normalized),
    withoutOtherNutrients(ctx.normalized),
  ].map((rest) => withFoods(withDrugs(rest)));
  // A long story keeps its question in its last clause: what is left is read for that clause too.
  // A question the writer marked as such ("it would help to know how much…") is read first.
  // So is a dose asked that the story gave to the vitamin ("…K2 (MK-7) 45 mcg. is 45 mcg enough?").
  const dosesAsked = new Set<string>();
  const readingsOf = (r: string) => {
    const asked = questionClause(r);
    const owner = asked ? statedOwnerOfFigure(ctx.normalized, asked.clause) : null;
    const doseAsked = asked && owner ? `${asked.clause} , ${owner}` : null;
    if (doseAsked) dosesAsked.add(doseAsked);
    // A clause pointing back ("does taking it while fasted waste it") is about the vitamin the rest names.
    const clause =
      asked?.pointsBack && namesVitamin(r) && !namesVitamin(asked.clause)
        ? `${asked.clause} , ${THE_VITAMIN}`
        : (asked?.clause ?? null);
    // So is a question after a story the message sets aside ("my gums bled years ago, long fixed.
    // anyway is k2 good for teeth?"): the story is no part of it.
    const clauseFirst =
      asked !== null &&
      ((asked.embedded && !asked.pointsBack) || storySetAside(ctx.normalized, asked.clause));
    const readings = clauseFirst ? [clause, r] : [r, clause];
    return doseAsked ? [doseAsked, ...readings] : readings;
  };
  const answers = (rest: string, restResult: SearchResult) =>
    restResult.ranked[0] !== undefined &&
    restResult.hasAnchor &&
    restResult.confidence >= ANSWER_THRESHOLD &&
    // "is k2 better in the morning or at night? i take magnesium at bedtime": a point the article
    // does not cover, asked of K2, is a clear question too; its reply says so.
    (restResult.features.subjectMass >= CLEAR_SUBJECT ||
      restResult.features.asksDefinition ||
      readFocus(rest).uncovered.length > 0) &&
    outOfScopeClass(rest, true) === null;
  // "My gym coach swears k2 and d3 work together. What does each one do?": a question left that
  // points back needs the clause set aside with the side word, so the message without the side
  // word alone is read first.
  const [withoutClauses, withoutWords, withoutNutrients] = rests;
  // Not when the question names K2 itself ("his GP is happy with it. does k2 keep his arteries
  // clear?": "his" is the granddad's).
  const pointsAtSetAside =
    typeof withoutClauses === 'string' &&
    clausesOpeningAQuestion(withoutClauses).some((c) => clausePointsBack(c) && !K2_VOCABULARY.test(c));
  const ordered = pointsAtSetAside
    ? [withoutWords, withoutClauses, withoutNutrients]
    : [withoutClauses, withoutWords, withoutNutrients];
  for (const rest of ordered.flatMap((r) => (r ? readingsOf(r) : []))) {
    if (!rest) continue;
    const restResult = ctx.index.search(rest, ctx.boosts);
    if (dosesAsked.has(rest) && restResult.ranked[0]?.topic.category !== DOSAGE_CATEGORY) continue;
    if (answers(rest, restResult)) return { result: restResult, outOfScope: null };
  }
  return { result: current, outOfScope };
}

/**
 * A decline whose words are only in the story ("Years ago I looked after a newborn who bled
 * because he hadn't had his vitamin K injection… can adults also bleed from not having enough
 * vitamin K?"): the question after it, complete on its own and naming none of them, is answered
 * when it is clearly about K2. Only for classes whose story may pass (declines.json `storyMayPass`).
 */
export function passStoryOnlyDecline(
  ctx: MessageContext,
  current: SearchResult,
  outOfScope: OutOfScope,
): { result: SearchResult; outOfScope: OutOfScope | null } {
  const kept = { result: current, outOfScope };
  if (!STORY_MAY_PASS.has(outOfScope.cls)) return kept;
  const asking = askingPart(ctx.normalized);
  // "My baby had the vitamin K injection at birth. Does the K2 I take pass into my breast milk to
  // him?": "him" is the baby the story names, not something of the story the question asks about.
  if (
    asking === ctx.normalized ||
    pointsBack(asking, ctx.normalized) ||
    outOfScopeClass(asking, true) !== null
  )
    return kept;
  const asked = ctx.index.search(asking, ctx.boosts);
  return asked.ranked[0] && asked.hasAnchor && asked.confidence >= ANSWER_THRESHOLD
    ? { result: asked, outOfScope: null }
    : kept;
}
