import type { Topic } from '../kb/schema.ts';
import { topicAnswer } from './composeAnswer.ts';
import { OUT_OF_SCOPE_RULES } from './lexicon.ts';
import { type OutOfScope, otherNutrientsIn } from './outOfScope.ts';
import { readFocus } from './questionFocus.ts';
import type { Answer } from './types.ts';

/**
 * A K2 question about a point the article never covers ("does k2 help with gout?", "can k2 cause
 * insomnia?") is partly covered, not out of scope: the reply says first what the article does not
 * say, then gives the nearest facts it does hold (focus.json `uncovered`). Declining it whole told
 * the asker the bot knows nothing about K2. Conditions that change what applies to the asker
 * (kidney disease, dialysis) stay declined: their rule in declines.json is not incidental.
 */
const MEDICINE_RULES = OUT_OF_SCOPE_RULES.filter((rule) => rule.cls === 'medicine');
/** "k2 and thyroid meds": a medicine named by what it treats is still a medicine. */
const MEDICINE_WORDS = /\b(medications?|meds|medicines?|pills?|drugs?|prescriptions?|tablets)\b/;
/** "vitamin k2 pills", "mk7 tablets": the vitamin's own pills are no other medicine. */
const K2_PILLS = /\b(vitamin k2?|k2|mk ?-?[47]) (pills?|tablets)\b/g;

/** Where a point without nearest facts of its own is answered from when nothing else matched. */
const WHAT_THE_EVIDENCE_IS = 'evidence-summary';

export function uncoveredInsteadOfDecline(
  declined: Answer,
  normalized: string,
  outOfScope: OutOfScope | null,
  namesK2: boolean,
  byId: ReadonlyMap<string, Topic>,
  confidence: number,
): Answer | null {
  if (declined.kind !== 'decline' || !namesK2) return null;
  const sideNutrient = outOfScope?.cls === 'nutrient' && outOfScope.incidental;
  if (outOfScope && !(outOfScope.cls === 'condition' && outOfScope.incidental) && !sideNutrient) return null;
  // "k2 and my thyroid medication": a drug question is a pharmacist's, whatever condition it names.
  const text = normalized.replace(/'/g, '');
  const uncovered = readFocus(normalized).uncovered;
  // "…can no longer swallow tablets. Is there a liquid form of K2?": the tablets are a form.
  const pillForms = uncovered[0]?.point.aboutPillForms === true;
  if (
    (MEDICINE_WORDS.test(text.replace(K2_PILLS, '$1')) && !pillForms) ||
    MEDICINE_RULES.some((rule) => rule.re.test(text))
  )
    return null;
  // Another supplement beside K2 is declined unless a point is about that supplement itself
  // ("is vitamin k potassium?", "fish oil and k2 together?"): the point says what the article lacks.
  const sideNutrients = sideNutrient ? otherNutrientsIn(normalized) : [];
  const point = (sideNutrient ? uncovered.find((u) => sideNutrients.includes(u.word)) : uncovered[0])?.point;
  if (!point) return null;
  const nearest = point.nearest?.[0] ?? point.fallback?.[0];
  // Without nearest facts of its own, what the evidence on K2 is: a topic matched this weakly
  // (the message was declined) is no nearer.
  const topic = byId.get(nearest ? nearest.slice(0, nearest.indexOf('/')) : WHAT_THE_EVIDENCE_IS);
  if (!topic || point.except?.includes(topic.id)) return null;
  return topicAnswer(topic, byId, confidence, declined.safety.warningFirst);
}
