/**
 * The words people use. The word lists are data in knowledge/lexicon/ (synonyms.json, words.json,
 * anticoagulants.json, declines.json, phrases.json); this module exposes them to the engine and
 * compiles their patterns once.
 */
import { anticoagulantSpellings, language } from '../kb/language.ts';
import type { SynonymGroup } from '../kb/languageSchema.ts';
import { anyOf, type PhraseList, phraseRegex } from './phrasePattern.ts';
import { wordPattern } from './wordPattern.ts';

const { synonyms, words } = language();

export type { SynonymGroup };

/** Synonym groups (knowledge/lexicon/synonyms.json). */
export const SYNONYM_GROUPS: readonly SynonymGroup[] = synonyms;

/**
 * Misspellings listed in the synonym groups. They match when typed, but typo correction never
 * aims at them: "chest" must not become "chese" (and so "cheese").
 */
export const KNOWN_TYPOS: ReadonlySet<string> = new Set(words.knownTypos.map((entry) => entry.typo));

/**
 * Words of the points the article does not cover (focus.json `uncovered`, their `asked` and
 * `together` lists): real words the reply names as outside the article, so typo correction never
 * turns one into a topic word ("fermented chickpeas" is no "chickens").
 */
export const UNCOVERED_WORDS: ReadonlySet<string> = new Set(
  language().focus.uncovered.flatMap((point) =>
    [...point.asked, ...(point.together ?? []).flat()].flatMap((phrase) => phrase.split(/\s+/)),
  ),
);

/** Every canonical term the lexicon produces. */
export const CONCEPTS: ReadonlySet<string> = new Set(SYNONYM_GROUPS.flatMap((g) => g.to));

/** Concepts that say how something is asked rather than what about: they break ties only. */
export const CONCEPT_WEIGHTS: Readonly<Record<string, number>> = words.conceptWeights;

/** Terms that match almost any K2 question: a question needs another matched word too. */
export const GENERIC_TERMS: ReadonlySet<string> = new Set(words.genericTerms);

/** General health subjects: without a K2 word, a question only about these is not for this bot. */
export const GENERAL_HEALTH_TERMS: ReadonlySet<string> = new Set(words.generalHealthTerms);

/** Pairs of general health subjects that together are the article's subject (calcium and the heart). */
export const ARTICLE_SUBJECT_PAIRS: readonly (readonly [string, string])[] = words.articleSubjectPairs;

/** Chat filler and function words, dropped before scoring. */
export const STOP_WORDS: ReadonlySet<string> = new Set(words.stopWords);

const { phrases } = language();

/**
 * Patterns that make a question about K2 personal (lexicon/phrases.json `personal`): the answer
 * then carries the personal notice.
 */
export const PERSONAL_PATTERNS: readonly RegExp[] = phrases.personal.map((list) => phraseRegex(list));

/**
 * Off-topic signals the knowledge base cannot answer even when a K2 word is present
 * (fact-check Part 3B): other nutrients' dosing, conditions the article does not cover,
 * commerce, pets, recipes, chatter and attempts to change the bot's rules. The classes, their
 * rules and texts are data: knowledge/lexicon/declines.json.
 */
export type OutOfScopeClass = string;

export interface OutOfScopeRule {
  /** Which kind of question it is: the decline names the right resource (see declines.ts). */
  cls: OutOfScopeClass;
  /** Only declines when the rest of the message is not a clear K2 question (see declines.json). */
  incidental?: boolean;
  /** Incidental only when the message also says one of these (declines.json `incidentalBeside`). */
  incidentalBeside?: RegExp;
  /** Describes the asker rather than the subject: dropped beside a clear K2 question. */
  context?: boolean;
  re: RegExp;
  /** A general question the article answers ("why do newborns get…"): the rule does not decline it. */
  unless?: RegExp;
  /** Opens the answer when the rule's words are set aside beside a clear K2 question (declines.json). */
  besideK2?: string;
}

const { rules, lists } = language().declines;

/**
 * `{anticoagulant}` in a rule's patterns stands for every spelling of lexicon/anticoagulants.json,
 * so a rule about blood thinners keeps no list of its own.
 */
const ANTICOAGULANT_PLACEHOLDER = '{anticoagulant}';
const anticoagulantGroup = wordPattern(anticoagulantSpellings()).source;
const withAnticoagulants = (rule: PhraseList): PhraseList =>
  rule.patterns
    ? { patterns: rule.patterns.map((p) => p.split(ANTICOAGULANT_PLACEHOLDER).join(anticoagulantGroup)) }
    : rule;

/** The out-of-scope rules of lexicon/declines.json, in order, compiled once. */
export const OUT_OF_SCOPE_RULES: readonly OutOfScopeRule[] = rules.map((rule) => ({
  cls: rule.class,
  ...(rule.incidental ? { incidental: true } : {}),
  ...(rule.incidentalBeside ? { incidentalBeside: phraseRegex({ words: rule.incidentalBeside }) } : {}),
  ...(rule.context ? { context: true } : {}),
  re: phraseRegex(withAnticoagulants(rule)),
  ...(rule.unlessAsking ? { unless: phraseRegex({ words: rule.unlessAsking }) } : {}),
  ...(rule.besideK2 ? { besideK2: rule.besideK2 } : {}),
}));

/**
 * Nutrients other than vitamin K: asked about on their own ("how much vitamin d"), they are
 * outside the article. With a K2 word ("d3 with k2") the question stays in scope.
 */
export const OTHER_NUTRIENT = phraseRegex(lists.otherNutrients);

/** Other nutrients that stay out of scope even next to K2 ("k2 and vitamin c for immunity"). */
export const OTHER_NUTRIENT_WITH_K2 = phraseRegex(lists.otherNutrientsWithK2);

/**
 * Another nutrient named only as a comparison ("can you overdose on k2 like you can on vitamin
 * a?", "is k2 stored like vitamin d", "k2 or magnesium, which matters more for bones"): the
 * question is still about K2.
 */
export const NUTRIENT_COMPARISON = new RegExp(
  `\\b${anyOf(lists.nutrientComparisonCue)}\\s+(${anyOf(lists.nutrientComparisonFiller)} )*${OTHER_NUTRIENT_WITH_K2.source}` +
    `|${OTHER_NUTRIENT_WITH_K2.source}\\s+${anyOf(lists.nutrientComparisonAfter)}`,
  'g',
);

/** Supplements in general ("what vitamins should I take"): out of scope unless K2 is named. */
export const GENERAL_SUPPLEMENTS =
  /\b(what|which|best|other|good|top) (vitamins|supplements|multivitamins)\b/;

/** Calcium on its own is in scope ("calcium paradox"); calcium dosing is not. */
export const CALCIUM_DOSING = phraseRegex(lists.calciumDosing);

/**
 * Everyday symptoms. Without a K2 word they are a general health question ("what causes
 * bloating"); with one they lean the question towards side effects.
 */
export const EVERYDAY_SYMPTOM = phraseRegex(lists.everydaySymptoms);

/**
 * What the question is after, beyond its subject (lexicon/phrases.json `intents`). Each intent
 * nudges topics of one category: "how much" leans to dosage, "where / which foods" to food,
 * "side effects" to safety.
 */
export const INTENTS: ReadonlyArray<{ pattern: RegExp; categories: readonly string[]; boost: number }> =
  phrases.intents.map((intent) => ({
    pattern: phraseRegex(intent.sameAs ? lists[intent.sameAs] : intent),
    categories: intent.categories,
    boost: intent.boost,
  }));

/** Words that turn an anticoagulant question into a K2 one: foods, supplements, vitamin K. */
export const WARFARIN_COMPANIONS: ReadonlySet<string> = new Set(words.warfarinCompanions);

/**
 * References to the article itself and figures distinctive to it ("the article says", "the 2022
 * meta-analysis", "6,425 women", "10-gram", "15,000 mcg", "45 mg", "150 mcg per tablespoon",
 * "96 hours", "the RDA"): in this bot they point at K2 as surely as "K2" does. Not when another
 * nutrient is named (search checks OTHER_NUTRIENT): "the RDA of vitamin C" is not about K2.
 */
export const ARTICLE_ANCHOR = phraseRegex(phrases.lists.articleAnchor);

/** Words that only make sense in this knowledge base; without one a question needs a clearer match. */
export const DOMAIN_ANCHORS: ReadonlySet<string> = new Set(words.domainAnchors);

const QUESTION_FORM = new RegExp(`\\?|^\\s*${anyOf(phrases.lists.questionStarts)}\\b`, 'i');
/** K2, its forms, vitamin K and the words of its subject (phrases.json `k2Vocabulary`). */
export const K2_VOCABULARY = phraseRegex(phrases.lists.k2Vocabulary, 'i');

/**
 * A raw message (not normalised) that asks something and names K2 or a word of its subject
 * (lexicon/phrases.json `questionStarts` and `k2Vocabulary`): the Discord auto-answer screen
 * asks this instead of keeping a vocabulary of its own.
 */
export function looksLikeK2Question(text: string): boolean {
  return QUESTION_FORM.test(text) && K2_VOCABULARY.test(text);
}

/** Food words (gate.json `foods`), each found where it stands in a text. */
const FOOD_WORDS = phraseRegex(language().gate.wordings.foods, 'g');

/** Food words that name no food of their own ("food" in a title such as "Getting K2 and vitamin K from food"). */
export const GENERIC_FOOD: ReadonlySet<string> = new Set(['food']);

/** The food words a normalised text names (gate.json `foods`), each once, as written. */
export function foodsNamed(text: string): Set<string> {
  return new Set([...text.replace(/'/g, '').matchAll(FOOD_WORDS)].map((m) => m[0]));
}
