import { language, texts } from '../kb/language.ts';
import type { Food } from '../kb/schema.ts';
import { fillText } from '../kb/templates.ts';
import { SENTENCE_END, sentencesWithin } from './answerOtherParts.ts';
import { MAX_BODY_WORDS, wordCount } from './composeBody.ts';
import { phraseSource } from './phrasePattern.ts';
import type { Answer } from './types.ts';

/**
 * "How much gouda a day to hit 90 mcg?": the portion of a food that gives the amount asked, worked
 * out from the article's figure for that food (knowledge/foods.json `amount` per `basis`). Blind
 * readers graded a reply that repeated "50–90 mcg per 100 g" as not answering: the asker wanted
 * the grams. Only foods whose figure the knowledge gives, named as foods.json `named` says.
 */

/** An amount of K2 to be reached, after the words that say so (phrases.json `targetReached`). */
const TARGET = new RegExp(
  `${phraseSource(language().phrases.lists.targetReached)} (?:the |a |my |about |around |at least )?(\\d{1,4}(?:\\.\\d{1,2})?) ?(?:mcg|µg|ug|micrograms?)\\b`,
);

/** A basis in grams ("100 g") and the number of grams it is. */
const GRAMS_BASIS = /^(\d+) ?g$/;
/** Grams are given to the nearest ten: the article's ranges are no more exact than that. */
const GRAMS_STEP = 10;

interface NamedFood {
  food: Food;
  pattern: RegExp;
}

/** The foods with a figure and the words they are named by, built once per set of foods. */
function namedFoods(foods: readonly Food[]): NamedFood[] {
  return foods
    .filter((food) => food.amount !== null && food.basis !== null && food.named !== undefined)
    .map((food) => ({ food, pattern: new RegExp(`\\b(${(food.named ?? []).join('|')})\\b`) }));
}

const roundTo = (value: number, step: number) => Math.max(step, Math.round(value / step) * step);

/** "about 100–180 g" or "0.6 tablespoon": the portion that gives `target` at the food's figure. */
function portion(food: Food, target: number): string | null {
  const amount = food.amount;
  if (amount?.unit !== 'mcg' || amount.min <= 0 || !food.basis) return null;
  const grams = GRAMS_BASIS.exec(food.basis);
  if (grams) {
    const per = Number(grams[1]);
    const least = roundTo((target / amount.max) * per, GRAMS_STEP);
    const most = roundTo((target / amount.min) * per, GRAMS_STEP);
    return least === most ? `${least} g` : `${least}–${most} g`;
  }
  const least = Math.round((target / amount.max) * 10) / 10;
  const most = Math.round((target / amount.min) * 10) / 10;
  return `${least === most ? least : `${least}–${most}`} ${food.basis}`;
}

/** The article's figure as the reply says it: "150 mcg", "50–90 mcg". */
function figure(food: Food): string {
  const a = food.amount;
  if (!a) return '';
  return a.min === a.max ? `${a.min} ${a.unit}` : `${a.min}–${a.max} ${a.unit}`;
}

/** At most this many words in a figure that opens a reply ("150 mcg per tablespoon."). */
const FIGURE_LEAD_WORDS = 6;

/** The body without a bare figure opening it: the worked portion now answers first. */
function withoutFigureLead(body: string): string {
  const [first = '', ...others] = body.split(SENTENCE_END);
  return others.length > 0 && wordCount(first) <= FIGURE_LEAD_WORDS && /\d/.test(first)
    ? others.join(' ')
    : body;
}

/** Whether a message asks the portion of a food with a figure that reaches an amount ("how much gouda to hit 90 mcg"). */
export function asksPortionOfFood(foods: readonly Food[]): (normalized: string) => boolean {
  const named = namedFoods(foods);
  return (normalized) => TARGET.test(normalized) && named.some(({ pattern }) => pattern.test(normalized));
}

export function portionForTarget(foods: readonly Food[]): (answer: Answer, normalized: string) => Answer {
  const named = namedFoods(foods);
  return (answer, normalized) => {
    if (answer.kind !== 'answer' || answer.urgent) return answer;
    const target = TARGET.exec(normalized);
    if (!target) return answer;
    for (const { food, pattern } of named) {
      const name = pattern.exec(normalized);
      if (!name) continue;
      const amount = Number(target[2]);
      const worked = portion(food, amount);
      if (!worked || !food.basis) return answer;
      const lead = fillText(texts().replies.portionForTarget, {
        amount: figure(food),
        basis: food.basis,
        target: String(amount),
        portion: worked,
        food: name[1] as string,
      });
      const rest = sentencesWithin(withoutFigureLead(answer.body), MAX_BODY_WORDS - wordCount(lead));
      return { ...answer, body: rest ? `${lead} ${rest}` : lead };
    }
    return answer;
  };
}
