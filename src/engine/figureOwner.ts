import type { CATEGORIES } from '../kb/categories.ts';
import { quotedFigures } from './figureLead.ts';
import { namesVitamin } from './questionFocus.ts';

/** The category of the topics that give amounts to take: a figure read as the vitamin's is asked of them. */
export const DOSAGE_CATEGORY: (typeof CATEGORIES)[number] = 'dosage';

/** How many words before and after a figure say what it is an amount of ("vitamin k2 (mk-7) 45 mcg per day"). */
const WORDS_BEFORE = 3;
const WORDS_AFTER = 3;

/** Where a story's list of ingredients breaks into items: a comma or full stop before a space, "and". */
const STORY_ITEM_BREAK = /[.;,] | and /;

/**
 * "My tablets have calcium 600 mg, vitamin D3 1,000 IU and vitamin K2 (MK-7) 45 mcg. Is 45 mcg
 * enough?": a figure the question quotes is the amount of whatever the story gave it to. The words
 * around the same figure in the story's item that states it, or null when the story states none.
 */
function figureOwnerInStory(normalized: string, clause: string): string | null {
  const asked = quotedFigures(clause);
  if (asked.length === 0) return null;
  const at = normalized.lastIndexOf(clause);
  const story = at > 0 ? normalized.slice(0, at) : '';
  for (const item of story.split(STORY_ITEM_BREAK)) {
    const stated = quotedFigures(item);
    const same = asked.find((a) =>
      stated.some((s) => s.unit === a.unit && s.numbers.join() === a.numbers.join()),
    );
    if (!same) continue;
    // The words around the figure: "in japan doctors give 45mg of k2 for osteoporosis" gives the
    // amount to K2, not to osteoporosis.
    const words = item.trim().split(/\s+/);
    const number = same.numbers[0] ?? '';
    const found = words.findIndex((w) => w.includes(number));
    if (found < 0) continue;
    return words.slice(Math.max(0, found - WORDS_BEFORE), found + WORDS_AFTER + 1).join(' ');
  }
  return null;
}

/**
 * The owner of a figure asked (figureOwnerInStory) when it is a form of vitamin K and the question
 * does not name the vitamin itself; else null.
 */
export function statedOwnerOfFigure(normalized: string, clause: string): string | null {
  if (namesVitamin(clause)) return null;
  const owner = figureOwnerInStory(normalized, clause);
  return owner !== null && namesVitamin(owner) ? owner : null;
}
