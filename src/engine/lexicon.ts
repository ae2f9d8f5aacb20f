/**
 * The words people use. The word lists are data in knowledge/lexicon/ (synonyms.json, words.json,
 * anticoagulants.json, declines.json); this module exposes them to the engine, with the patterns
 * that are still written as regular expressions (personal questions, intents).
 */
import { language } from '../kb/language.ts';
import type { SynonymGroup } from '../kb/languageSchema.ts';
import { phraseRegex } from './phrasePattern.ts';

const { synonyms, words } = language();

export type { SynonymGroup };

/** Synonym groups (knowledge/lexicon/synonyms.json). */
export const SYNONYM_GROUPS: readonly SynonymGroup[] = synonyms;

/**
 * Misspellings listed in the synonym groups. They match when typed, but typo correction never
 * aims at them: "chest" must not become "chese" (and so "cheese").
 */
export const KNOWN_TYPOS: ReadonlySet<string> = new Set(words.knownTypos.map((entry) => entry.typo));

/** Every canonical term the lexicon produces. */
export const CONCEPTS: ReadonlySet<string> = new Set(SYNONYM_GROUPS.flatMap((g) => g.to));

/** Concepts that say how something is asked rather than what about: they break ties only. */
export const CONCEPT_WEIGHTS: Readonly<Record<string, number>> = words.conceptWeights;

/** Terms that match almost any K2 question: a question needs another matched word too. */
export const GENERIC_TERMS: ReadonlySet<string> = new Set(words.genericTerms);

/** General health subjects: without a K2 word, a question only about these is not for this bot. */
export const GENERAL_HEALTH_TERMS: ReadonlySet<string> = new Set(words.generalHealthTerms);

/** Chat filler and function words, dropped before scoring. */
export const STOP_WORDS: ReadonlySet<string> = new Set(words.stopWords);

/** Words that make a question about K2 personal: the answer then carries the personal notice. */
export const PERSONAL_PATTERNS: readonly RegExp[] = [
  /\b(should|can|could|may|must|do|shall) i\b.*\b(take|start|stop|quit|use|combine|mix|switch|keep|continue|drop|skip|double|increase|decrease|cut|give|go on|come off|be taking|avoid)\b/,
  // Choosing a food ("should I eat gouda or brie") is a general question; with a supplement, a
  // dose, a medicine or a condition it is a decision about one's own intake.
  /^(?=.*\b(supplements?|pills?|capsules?|softgels?|doses?|dosage|mcg|mg|micrograms?|meds|medications?|medicines?|warfarin|coumadin|blood thinners?|eliquis|xarelto|inr|pregnant|breastfeeding|diagnosed|osteoporosis|osteopenia|diabetic|diabetes)\b).*\b(should|can|could|may|must|do|shall) i\b.*\b(eat|have|add|try|drink)\b/,
  /\bhow (much|many)\b.*\b(should|do|can|must|would) (i|we|he|she|my)\b/,
  /\bhow (much|many)\b.*\b(for me|i need|i take|should i|do i)\b/,
  /\b(is it|would it be|it is|its) (safe|ok|okay|fine|alright|dangerous|bad) (for me|if i|to take .* (if|since|while) i|for my)\b/,
  /\bsafe for me\b/,
  // "for me" is personal unless it only asks the bot to do something ("summarize it for me").
  /(?<!\b(summari[sz]e|summary|explain|tell|list|break (it |this |that )?down|give|show|find|write|describe|simplify|clarify|recap|outline|translate|spell out|sum up|answer|look up|check)\b[^.?!]{0,40})\bfor me\b/,
  // A doctor only mentioned is not a decision; one who said to take or stop something is.
  /\bmy (doctor|doc|gp|cardiologist|physician|pharmacist) (said|says|told|wants|prescribed|recommended|recommends|put me|advised|suggested)\b/,
  /\b(my|our) (inr|dose|dosage|meds|medication|medications|medicine|medicines|pills|prescription|t score|cac|calcium score|results|levels|test|blood test|mom|mum|dad|husband|wife|son|daughter|kid|kids|child|baby|grandma|grandmother|grandpa|father|mother|partner)\b/,
  /\b(i am|im|i m|i'm|ive been|i have been|i've been) (on|taking|prescribed|using)\b/,
  /\bi (take|use|have|got|was diagnosed|was prescribed|need)\b(?! (a |an |one |some |another )?(quick )?(question|q|doubt|idea))/,
  /\bmy (bones|heart|arteries|blood|nerves|feet|hands|memory|sugar|a1c|bone density|osteoporosis|osteopenia|diabetes|neuropathy)\b/,
  /\b(replace|instead of|stop|quit|ditch|come off|get off) (my|the|taking my)\b/,
  // A condition and a medicine of one's own ("type 2 diabetic on metformin").
  /\b(diabetic|type [12]|t2d|t1d|pregnant|postmenopausal|osteoporotic)\b[^.?!]{0,20}\b(on|taking|prescribed)\b/,
  // A dose taken twice or an extra pill by mistake is about the asker's own intake.
  /\b(accidentally|accidently|by mistake|by accident|doubled up|double dosed|doubled my|(took|taken|had) (it|my \w+|k2|mk7) (twice|again)|(took|taken|had) an extra|instead of (1|one|my usual|the usual))\b/,
];

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
  /** Describes the asker rather than the subject: dropped beside a clear K2 question. */
  context?: boolean;
  re: RegExp;
}

const { rules, lists } = language().declines;

/** The out-of-scope rules of lexicon/declines.json, in order, compiled once. */
export const OUT_OF_SCOPE_RULES: readonly OutOfScopeRule[] = rules.map((rule) => ({
  cls: rule.class,
  ...(rule.incidental ? { incidental: true } : {}),
  ...(rule.context ? { context: true } : {}),
  re: phraseRegex(rule),
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
 * a?", "is k2 stored like vitamin d"): the question is still about K2.
 */
export const NUTRIENT_COMPARISON = new RegExp(
  `\\b(like|unlike|than|compared (to|with)|as with|similar to|same as|the way|just like|as opposed to|as [a-z]+ as)\\s+((you|u|we|one) (can|do|could) |it is |its |it does |with |on |for |to |a |an |the )*${OTHER_NUTRIENT_WITH_K2.source}`,
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
 * What the question is after, beyond its subject. Each intent nudges topics of one category:
 * "how much" leans to dosage, "where / which foods" to food, "side effects" to safety.
 */
export const INTENTS: ReadonlyArray<{ pattern: RegExp; categories: readonly string[]; boost: number }> = [
  {
    pattern:
      /\b(how much|how many|dose|doses|dosage|dosing|dosege|mcg|micrograms?|mg|per day|a day|daily|rda|intake)\b/,
    categories: ['dosage'],
    boost: 0.12,
  },
  {
    pattern:
      /\b(food|foods|eat|eating|diet|source|sources|where (do|can) (i|you) get|rich in|high in|contain|contains|have k2|has k2|in it|where (else )?(do|can|could|should) (i|you|we) (get|find)|get (enough |more |my |some )?(k2|vitamin k2|vitamin k|mk7|mk 7) from)\b/,
    categories: ['food'],
    boost: 0.12,
  },
  {
    pattern:
      /\b(side effects?|toxic|toxicity|overdose|too much|allergic|allergy|dangerous|harmful|adverse|upper limit)\b/,
    categories: ['safety'],
    boost: 0.15,
  },
  {
    pattern: /\b(warfarin|coumadin|blood thinners?|anticoagulants?|inr|eliquis|xarelto)\b/,
    categories: ['interactions'],
    boost: 0.1,
  },
  {
    pattern: EVERYDAY_SYMPTOM,
    categories: ['safety'],
    boost: 0.15,
  },
  // A dose taken twice or one pill too many by mistake: a side-effect question, not an emergency.
  {
    pattern:
      /\b(twice|double|doubled|two doses|2 doses|extra (dose|pill|capsule|tablet|softgel|gummy|one)|(took|taken|take|had) (it|my \w+|k2|mk7|them|the dose) again|by mistake|by accident|accidentally|accidently|forgot (i|that i) (already )?(took|had))\b/,
    categories: ['safety'],
    boost: 0.2,
  },
  // A symptom since starting K2 ("started MK-7, now bloating"): is it a side effect?
  {
    pattern:
      /\b(started|starting|since (taking|starting|i started)|after (taking|starting)|began|begun)\b[^.?!]{0,40}\b(now|since|getting|got|having|feel|feeling|noticed|been)\b/,
    categories: ['safety'],
    boost: 0.15,
  },
  // Someone who says they take an anticoagulant needs the interaction facts first.
  {
    pattern:
      /(?<!(dont|do not|not|never|no longer|arent|isnt|doesnt) )\b(im|i am|on|taking|take|takes|prescribed|started)\b[^.?!]{0,15}\b(warfarin|warfrin|coumadin|jantoven|marevan|sintrom|acenocoumarol|phenprocoumon|blood thinners?|anticoagulants?|eliquis|apixaban|xarelto|rivaroxaban|pradaxa|heparin|plavix)\b/,
    categories: ['interactions'],
    boost: 0.15,
  },
];

/** Words that turn an anticoagulant question into a K2 one: foods, supplements, vitamin K. */
export const WARFARIN_COMPANIONS: ReadonlySet<string> = new Set(words.warfarinCompanions);

/**
 * References to the article itself and figures distinctive to it ("the article says", "the 2022
 * meta-analysis", "6,425 women", "10-gram", "15,000 mcg", "45 mg", "150 mcg per tablespoon",
 * "96 hours", "the RDA"): in this bot they point at K2 as surely as "K2" does. Not when another
 * nutrient is named (search checks OTHER_NUTRIENT): "the RDA of vitamin C" is not about K2.
 */
export const ARTICLE_ANCHOR =
  /\b((the|this|that|your|ur|ths|an|one) (article|articles|post|writeup|write up|blog post|piece)|article (says|said|states|stated|claims|claimed|mentions|mentioned|recommends|suggests|talks)|6,?425|2022 (meta|study|studies|review|analysis)|10-(gram|grams|g)|10 ?(gram|grams|g) (increase|rise|more)|15,?000 ?(mcg|micrograms|ug)?|45 ?(mg|milligrams)|150 ?(mcg|micrograms)|96 ?(hours|hrs|h)|6 ?(-|to) ?8 hours|rda|rdas)\b/;

/** Words that only make sense in this knowledge base; without one a question needs a clearer match. */
export const DOMAIN_ANCHORS: ReadonlySet<string> = new Set(words.domainAnchors);
