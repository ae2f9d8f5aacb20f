import { amountText } from '../kb/amountText.ts';
import { language, texts } from '../kb/language.ts';
import type { Food } from '../kb/schema.ts';
import { fillText } from '../kb/templates.ts';
import { SENTENCE_END, sentencesWithin } from './answerOtherParts.ts';
import { MAX_BODY_WORDS, wordCount } from './composeBody.ts';
import { foodsNamed } from './lexicon.ts';
import { anyOf, phraseRegex, phraseSource } from './phrasePattern.ts';
import type { Answer } from './types.ts';

/**
 * "How much gouda a day to hit 90 mcg?": the portion of a food that gives the amount asked, worked
 * out from the article's figure for that food (knowledge/foods.json `amount` per `basis`). Blind
 * readers graded a reply that repeated "50–90 mcg per 100 g" as not answering: the asker wanted
 * the grams. Only foods whose figure the knowledge gives, named as foods.json `named` says.
 */

const LISTS = language().phrases.lists;
/**
 * An amount of K2 to be reached, after the words that say so (phrases.json `targetReached`, then
 * any of `targetFillers`), in micrograms (`microgramWords`).
 */
// "to hit 120" with no unit, where the clause ends or a closing word follows (phrases.json
// `targetEnds`: "a day", "then"), is micrograms as well.
const TARGET = new RegExp(
  `${phraseSource(LISTS.targetReached)} (?:${anyOf(LISTS.targetFillers, { capture: false })} )?(\\d{1,4}(?:\\.\\d{1,2})?)(?: ?${anyOf(LISTS.microgramWords, { capture: false })}\\b| ?(?=$|[.?!,;]| ${anyOf(LISTS.targetEnds, { capture: false })}\\b))`,
);

/** A basis in grams ("100 g") and the number of grams it is. */
const GRAMS_BASIS = /^(\d+) ?g$/;
/** Grams are given to the nearest ten: the article's ranges are no more exact than that. */
const GRAMS_STEP = 10;
/** At most this many words in a figure that opens a reply ("150 mcg per tablespoon."). */
const FIGURE_LEAD_WORDS = 6;

/** A food with a figure in micrograms per a basis, and the words people name it by. */
interface FoodWithFigure {
  amount: { min: number; max: number; unit: string };
  basis: string;
  named: RegExp;
}

const roundTo = (value: number, step: number) => Math.max(step, Math.round(value / step) * step);

/** "100–180 g" or "0.6 tablespoon": the portion that gives `target` at the food's figure. */
function portion({ amount, basis }: FoodWithFigure, target: number): string {
  const grams = GRAMS_BASIS.exec(basis);
  const per = grams ? Number(grams[1]) : 1;
  const round = grams ? (v: number) => roundTo(v, GRAMS_STEP) : (v: number) => Math.round(v * 10) / 10;
  const least = round((target / amount.max) * per);
  const most = round((target / amount.min) * per);
  const range = least === most ? `${least}` : `${least}–${most}`;
  return grams ? `${range} g` : `${range} ${basis}`;
}

/** The body without a bare figure opening it: the worked portion now answers first. */
function withoutFigureLead(body: string): string {
  const [first = '', ...others] = body.split(SENTENCE_END);
  return others.length > 0 && wordCount(first) <= FIGURE_LEAD_WORDS && /\d/.test(first)
    ? others.join(' ')
    : body;
}

/** A portion in grams the message gives ("50 grams", "a 200g portion"): its number. */
const GRAMS_PORTION = /\b(\d{1,4}) ?(?:g|gr|grams?)\b/;

/** "25–45 mcg": the K2 in `grams` of a food at its figure per 100 g, to the nearest microgram. */
function amountIn({ amount }: FoodWithFigure, grams: number, per: number): string {
  const least = Math.round((amount.min * grams) / per);
  const most = Math.round((amount.max * grams) / per);
  return least === most ? `${least} mcg` : `${least}–${most} mcg`;
}

export interface Portions {
  /** Whether a message asks the portion of a food with a figure that reaches an amount. */
  asks: (normalized: string) => boolean;
  /**
   * The food with a figure that `before` names, when the message gives a portion in grams and names
   * no such food itself ("how much is that for a 200g portion" after eel); else null.
   */
  portionOfFoodBefore: (normalized: string, before: string) => string | null;
  /**
   * The answer led by the worked portion when the message asks one, or by the K2 in a portion it
   * gives in grams; otherwise unchanged. `before` is the conversation's previous reading: "how much
   * is that for a 200g portion" after eel names no food of its own. `shownBefore` is the previous
   * answer's body: "which cheese has the most k2" names a kind of food, and the reply named the one
   * with a figure ("hard cheese such as Gouda").
   */
  worked: (answer: Answer, normalized: string, before?: string, shownBefore?: string) => Answer;
}

export function portionsOfFoods(foods: readonly Food[]): Portions {
  const withFigures: FoodWithFigure[] = foods.flatMap(({ amount, basis, named }) =>
    amount && amount.unit === 'mcg' && amount.min > 0 && basis && named
      ? [{ amount, basis, named: phraseRegex({ words: named }) }]
      : [],
  );
  return {
    asks: (normalized) => TARGET.test(normalized) && withFigures.some((food) => food.named.test(normalized)),
    portionOfFoodBefore: (normalized, before) => {
      if (!GRAMS_PORTION.test(normalized) || foodsNamed(normalized).size > 0) return null;
      for (const food of withFigures) {
        const name = food.named.exec(before);
        if (name) return name[1] as string;
      }
      return null;
    },
    worked: (answer, normalized, before, shownBefore) => {
      if (answer.kind !== 'answer' || answer.urgent) return answer;
      const target = TARGET.exec(normalized);
      if (!target) return inPortion(answer, normalized, before);
      // "how much would i need to eat to hit 100" after "is gouda good for k2": the food before.
      // "how many grams of that for 90mcg?" after "which cheese has the most k2": a kind of food
      // with no figure of its own asked before is the one food with a figure the reply named.
      const onlyKindBefore =
        before !== undefined &&
        shownBefore !== undefined &&
        foodsNamed(before).size > 0 &&
        !withFigures.some((f) => f.named.test(before)) &&
        withFigures.filter((f) => f.named.test(shownBefore)).length === 1;
      const foodBefore =
        before === undefined || foodsNamed(normalized).size > 0
          ? null
          : onlyKindBefore
            ? shownBefore
            : before;
      for (const food of withFigures) {
        const name =
          food.named.exec(normalized) ?? (foodBefore !== null ? food.named.exec(foodBefore) : null);
        if (!name) continue;
        const amount = Number(target[2]);
        const lead = fillText(texts().replies.portionForTarget, {
          amount: amountText(food.amount),
          basis: food.basis,
          target: String(amount),
          portion: portion(food, amount),
          food: name[1] as string,
        });
        const rest = sentencesWithin(withoutFigureLead(answer.body), MAX_BODY_WORDS - wordCount(lead));
        return { ...answer, body: rest ? `${lead} ${rest}` : lead };
      }
      return answer;
    },
  };

  /**
   * "How much k2 in 50 g of gouda", "I eat about 50 grams most days", "how much is that for a 200g
   * portion" (after eel): the K2 in that portion at the article's figure. Not the figure's own
   * basis ("per 100 g"), and only for a food the reply is about.
   */
  function inPortion(answer: Answer, normalized: string, before: string | undefined): Answer {
    const grams = GRAMS_PORTION.exec(normalized);
    if (!grams) return answer;
    const weight = Number(grams[1]);
    for (const food of withFigures) {
      const basis = GRAMS_BASIS.exec(food.basis);
      if (!basis || weight === Number(basis[1]) || weight === 0) continue;
      // The food before only when the message names none: "and 30g of brie?" after gouda is Brie's.
      const name =
        food.named.exec(normalized) ??
        (before && foodsNamed(normalized).size === 0 ? food.named.exec(before) : null);
      if (!name || answer.topic?.category !== 'food') continue;
      const lead = fillText(texts().replies.amountInPortion, {
        amount: amountText(food.amount),
        basis: food.basis,
        grams: String(weight),
        food: name[1] as string,
        gives: amountIn(food, weight, Number(basis[1])),
      });
      const rest = sentencesWithin(withoutFigureLead(answer.body), MAX_BODY_WORDS - wordCount(lead));
      return { ...answer, body: rest ? `${lead} ${rest}` : lead };
    }
    return answer;
  }
}
