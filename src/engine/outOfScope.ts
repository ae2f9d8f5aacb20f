import { language } from '../kb/language.ts';
import { mentionsAnticoagulant } from './anticoagulants.ts';
import {
  CALCIUM_DOSING,
  EVERYDAY_SYMPTOM,
  foodsNamed,
  GENERAL_SUPPLEMENTS,
  NUTRIENT_COMPARISON,
  OTHER_NUTRIENT,
  OTHER_NUTRIENT_WITH_K2,
  OUT_OF_SCOPE_RULES,
  type OutOfScopeClass,
} from './lexicon.ts';
import { phraseSource, unionOf } from './phrasePattern.ts';
import { namesVitamin } from './questionFocus.ts';

/** Which out-of-scope class a message falls in: the step that decides a decline and its text. */

export interface OutOfScope {
  cls: OutOfScopeClass;
  /** Only incidental words matched: a clear K2 question elsewhere in the message still wins. */
  incidental: boolean;
}

/** "I'm not asking you to read my scan": a request the message denies is not one it makes. */
const DENIED_REQUEST = new RegExp(`${phraseSource(language().phrases.lists.requestDenied)}[^.?!,;]*`, 'g');

/** "Not the vitamin lol, K2 the mountain": a vitamin the message says it does not mean keeps nothing in scope. */
const VITAMIN_DENIED = new RegExp(phraseSource(language().phrases.lists.vitaminDenied), 'g');

/**
 * Whether any out-of-scope rule matches at all: most messages match none, and one scan of the
 * union costs about a third of testing the 36 rules one by one.
 */
const ANY_RULE = unionOf(OUT_OF_SCOPE_RULES.map((rule) => rule.re));

/** Which out-of-scope class a message falls in, or null when it is in scope. */
export function outOfScopeClass(normalized: string, hasAnchor: boolean): OutOfScope | null {
  // "vitamina k2" / "vitamine k2" is vitamin K2, not vitamin A or E.
  const t = normalized
    .replace(/'/g, '')
    .replace(/\bvitamin[ae]s?\b/g, 'vitamin')
    .replace(DENIED_REQUEST, ' ');
  let incidental: OutOfScope | null = null;
  const asking = t.replace(VITAMIN_DENIED, ' ');
  for (const rule of ANY_RULE.test(t) ? OUT_OF_SCOPE_RULES : []) {
    if (!rule.re.test(t) || rule.unless?.test(asking)) continue;
    if (!rule.incidental || rule.incidentalBeside?.test(t) === false)
      return { cls: rule.cls, incidental: false };
    incidental ??= { cls: rule.cls, incidental: true };
  }
  // "Bacillus subtilis makes MK-7? I thought it was a probiotic": the bacterium, not a product.
  const probioticBacterium = /\b(bacillus|subtilis|bacteria|bacterium|microbes?)\b/.test(t);
  const rest = t.replace(NUTRIENT_COMPARISON, ' ');
  // Another supplement beside a K2 question ("I take magnesium at night. how much k2…"): its
  // clause is set aside when the rest is a clear K2 question (see setIncidentalAside).
  if (OTHER_NUTRIENT_WITH_K2.test(probioticBacterium ? rest.replace(/\bprobiotics?\b/g, ' ') : rest)) {
    // "Is it OK to take krill oil along with Eliquis?": beside a blood thinner and no word for
    // vitamin K, the other supplement is what is asked about, a drug interaction for a pharmacist.
    // A food beside it ("is natto ok, i also take magnesium") is the K2 question.
    if (mentionsAnticoagulant(t) && !namesVitamin(t) && foodsNamed(t).size === 0)
      return { cls: 'medicine', incidental: false };
    return { cls: 'nutrient', incidental: hasAnchor };
  }
  // "How much vitamin D / magnesium" is another nutrient's question unless K2 is in it too.
  if (!hasAnchor && (OTHER_NUTRIENT.test(t) || CALCIUM_DOSING.test(t) || GENERAL_SUPPLEMENTS.test(t))) {
    return { cls: 'nutrient', incidental: false };
  }
  // "What causes bloating" is a general health question; "bloating since starting k2" is not.
  if (!hasAnchor && EVERYDAY_SYMPTOM.test(t)) return { cls: 'condition', incidental: false };
  return incidental;
}

const OTHER_NUTRIENTS_ALL = new RegExp(OTHER_NUTRIENT_WITH_K2.source, 'g');

/** The other supplements a message names ("magnesium", "fish oil"), each once, as written. */
export function otherNutrientsIn(normalized: string): string[] {
  return [...new Set([...normalized.replace(/'/g, '').matchAll(OTHER_NUTRIENTS_ALL)].map((m) => m[0]))];
}

/** Out-of-scope classes that an article quote in the message overrides (`quoteMayOverride`). */
export const QUOTE_MAY_OVERRIDE: ReadonlySet<OutOfScopeClass> = new Set(
  language()
    .declines.classes.filter((cls) => cls.quoteMayOverride)
    .map((cls) => cls.id),
);

/** The medicines of the pharmacist's class that a message names beside its K2 question, compiled once. */
const SIDE_MEDICINES: readonly RegExp[] = OUT_OF_SCOPE_RULES.filter(
  (r) => r.cls === 'medicine' && r.incidental,
).map((r) => new RegExp(r.re.source, 'g'));

/** The medicines a message names ("atorvastatin"), each once, as written. */
export function medicinesIn(normalized: string): string[] {
  const text = normalized.replace(/'/g, '');
  return [...new Set(SIDE_MEDICINES.flatMap((re) => [...text.matchAll(re)].map((m) => m[0])))];
}

/** Out-of-scope classes whose words only in the story let a complete question pass (`storyMayPass`). */
export const STORY_MAY_PASS: ReadonlySet<OutOfScopeClass> = new Set(
  language()
    .declines.classes.filter((cls) => cls.storyMayPass)
    .map((cls) => cls.id),
);

/** The incidental rules that say something when set aside beside a K2 question (`besideK2`). */
const SAID_BESIDE_K2 = OUT_OF_SCOPE_RULES.filter((rule) => rule.incidental && rule.besideK2 !== undefined);

/**
 * What the article does not cover and who to ask, for each such rule a message matches ("on
 * dialysis"): said before the K2 answer once those words are set aside.
 */
export function saidBesideK2(normalized: string): string[] {
  const t = normalized.replace(/'/g, '');
  return [
    ...new Set(SAID_BESIDE_K2.filter((rule) => rule.re.test(t)).map((rule) => rule.besideK2 as string)),
  ];
}
