import { language } from '../kb/language.ts';
import type { FactIndex, IndexedFact } from './factIndex.ts';
import { tokenize } from './normalize.ts';
import { mapPacked } from './packedArray.ts';

/**
 * "What even is K2?", "what does INR mean?", "no idea what mk7 is": a request for the definition
 * of a term some fact defines (its `defines`). Read word by word within each clause, so "what is
 * k2 good for" (another question) and "what is the best dose" (no defined term) are not one.
 */

const LISTS = language().phrases.lists;
/** "what even is", "what the heck is": words that only stress the request. */
const STRESS: ReadonlySet<string> = new Set(LISTS.definitionStress.words);
/** "what is k2 exactly", "what is this k2 thing": words that may follow the term. */
const TAIL: ReadonlySet<string> = new Set(LISTS.definitionTail.words);
/** The verb of "what is/are X", contracted ("whats") or as chat writes it ("what r"). */
const BE: ReadonlySet<string> = new Set(['is', 'are', 'r', 's']);
const ASKS_WHAT: ReadonlySet<string> = new Set(['what', 'wtf', 'wat', 'wht']);
const CONTRACTED: ReadonlySet<string> = new Set(['whats', 'wats', 'whts']);
/** "what is a menaquinone", "what is this k2": a determiner before the term. */
const DETERMINERS: ReadonlySet<string> = new Set(['a', 'an', 'the', 'this', 'that', 'these', 'those']);
/** "What is it exactly?": a pronoun for a term the message names elsewhere. */
const PRONOUNS: ReadonlySet<string> = new Set(['it', 'this', 'that', 'they', 'these', 'those', 'them']);
/** After "is X": the words that ask whether X is another thing ("the same as", "just", "another word for"). */
const SAME_AS = /^(the same|same|just|basically|another (word|name|term) for)\b/;
/**
 * "Is X just / a kind of Y": whether X is one of Y, which X's definition answers even when Y is
 * defined too ("is menaquinone-7 just k2?"); "is k1 the same as k2" compares two things instead.
 */
const KIND_OF = /^(just(?! (another|the same|same)\b)|a (kind|form|type|sort) of)\b/;
/** At most this many stress words between "what" and "is". */
const MAX_STRESS = 3;

/** A clause: the words between two stops. */
const CLAUSE_STOPS = /[.?!,;:\n()]+/;

interface Found {
  /** Where the term starts and how many words it has; -1 for a pronoun. */
  at: number;
  length: number;
}

/** The longest defined term starting at `at`, as its number of words (0: none). */
function termAt(words: readonly string[], at: number, facts: FactIndex): number {
  for (let n = Math.min(facts.longestDefinedTerm, words.length - at); n > 0; n--) {
    const term = words.slice(at, at + n).join(' ');
    // "mk 9" is a name of its own, not the defined prefix "mk" with a number after it.
    if (!/\d/.test(term) && /^\d+$/.test(words[at + n] ?? '')) continue;
    if (facts.definitions.has(term)) return n;
  }
  return 0;
}

function skipStress(words: readonly string[], at: number): number {
  let i = at;
  while (i < words.length && i - at < MAX_STRESS && STRESS.has(words[i] as string)) i++;
  return i;
}

/** Words that set two things side by side (phrases.json `definitionCompares`): "the difference between X and Y". */
const COMPARES: ReadonlySet<string> = new Set(LISTS.definitionCompares.words);

/**
 * Whether the defined terms are names of one thing: all defined by one fact that only defines
 * ("mcg", "µg" and "mg" by the units fact). MK-4 and MK-7, defined together by the fact on the
 * menaquinone family, are two things to compare.
 */
function namesOfOneTerm(definers: ReadonlyArray<IndexedFact | undefined>): boolean {
  const first = definers[0];
  return !!first?.fact.definitionOnly && definers.every((d) => d === first);
}

/**
 * "is mk4 the same as k2?": X's defining fact names Y ("MK-4 and MK-7 are the common forms of
 * vitamin K2"), so what X is answers it; "is k1 the same as k2" compares two things, neither
 * defined by the other.
 */
function definitionNames(
  definer: IndexedFact | undefined,
  rest: readonly string[],
  facts: FactIndex,
): boolean {
  if (!definer) return false;
  const text = ` ${tokenize(definer.fact.text.toLowerCase()).join(' ')} `;
  return definedTermsIn(rest, facts).some(
    ({ found }) =>
      found.at !== -1 && text.includes(` ${rest.slice(found.at, found.at + found.length).join(' ')} `),
  );
}

/** Every defined term of a clause, longest first at each place, with the fact that defines it. */
function definedTermsIn(
  words: readonly string[],
  facts: FactIndex,
): Array<{ found: Found; fact: IndexedFact | undefined }> {
  const terms: Array<{ found: Found; fact: IndexedFact | undefined }> = [];
  for (let j = 0; j < words.length; j++) {
    const n = termAt(words, j, facts);
    if (n === 0) continue;
    terms.push({ found: { at: j, length: n }, fact: facts.definitions.get(words.slice(j, j + n).join(' ')) });
    j += n - 1;
  }
  return terms;
}

/** Whether the clause may end after the word before `at`: its end, or only tail words follow. */
const endsAt = (words: readonly string[], at: number) => at >= words.length || TAIL.has(words[at] as string);

/** The term (or pronoun) a clause asks to define, reading from `at`, or null. */
function termAfter(words: readonly string[], at: number, facts: FactIndex): Found | null {
  let i = at;
  if (DETERMINERS.has(words[i] as string) && termAt(words, i + 1, facts) > 0) i++;
  const n = termAt(words, i, facts);
  if (n > 0) return { at: i, length: n };
  return PRONOUNS.has(words[i] as string) ? { at: -1, length: 1 } : null;
}

/** Words naming a piece of a term ("the mk bit", "the k part"): the term is still what is asked. */
const PART_WORDS: ReadonlySet<string> = new Set(['bit', 'part', 'bits', 'parts']);
/** Words that end the name in "what does X in <name> (actually) mean / stand for", and its most words. */
const NAME_ENDS: ReadonlySet<string> = new Set(['mean', 'stand', 'actually', 'even', 'really']);
const IN_NAME_WORDS = 3;

/** "INR meaning?", "osteoporosis definition": the word after a term that asks what it means. */
const MEANING_AFTER: ReadonlySet<string> = new Set(['meaning', 'definition', 'defined']);

/** The defined term one clause asks about, or null: the ways of asking are tried in turn. */
function askedInClause(words: readonly string[], facts: FactIndex): Found | null {
  // "INR meaning?": the term alone, then the word for its meaning, and nothing else.
  const alone = termAt(words, 0, facts);
  if (alone > 0 && MEANING_AFTER.has(words[alone] as string) && endsAt(words, alone + 1))
    return { at: 0, length: alone };
  for (let i = 0; i < words.length; i++) {
    const word = words[i] as string;
    // "what (even) is (a) X (exactly)", "whats X", "wtf is X"
    let after = -1;
    if (CONTRACTED.has(word)) after = i + 1;
    else if (ASKS_WHAT.has(word)) {
      const verb = skipStress(words, i + 1);
      if (BE.has(words[verb] as string)) after = verb + 1;
    }
    if (after >= 0) {
      const found = termAfter(words, after, facts);
      const end = found && (found.at === -1 ? after + 1 : found.at + found.length);
      if (found && end !== null && endsAt(words, end)) return found;
    }
    // "what does X (even) mean", "what does X stand for", "what does the X in mk7 stand for",
    // "what does the X bit mean"
    if (ASKS_WHAT.has(word) && (words[i + 1] === 'does' || words[i + 1] === 'do')) {
      const found = termAfter(words, i + 2, facts);
      let end = found && (found.at === -1 ? i + 3 : found.at + found.length);
      if (found && end !== null) {
        // "in mk7", "in mk 4": the name the piece is in, up to a few words.
        if (words[end] === 'in') {
          const name = end + 1;
          while (
            end < name + IN_NAME_WORDS &&
            words[end + 1] !== undefined &&
            !NAME_ENDS.has(words[end + 1] as string)
          )
            end++;
          end++;
        }
        if (PART_WORDS.has(words[end] as string)) end += 1;
        const verb = words[skipStress(words, end)];
        if (verb === 'mean' || verb === 'stand') return found;
      }
    }
    // "what do people mean by X", "what is meant by X"
    if (ASKS_WHAT.has(word)) {
      const by = words.indexOf('by', i + 2);
      if (by > 0 && by <= i + 4 && (words[by - 1] === 'mean' || words[by - 1] === 'meant')) {
        const found = termAfter(words, by + 1, facts);
        if (found && found.at !== -1) return found;
      }
    }
    // "no idea what X is", "explain what mk7 is": the term between "what" and a final "is"
    if (ASKS_WHAT.has(word)) {
      const n = termAt(words, i + 1, facts);
      const verb = skipStress(words, i + 1 + n);
      if (n > 0 && BE.has(words[verb] as string) && endsAt(words, verb + 1)) return { at: i + 1, length: n };
    }
    // "is X the same (thing) as Y", "is X just Y", "is X another word for Y": what X is, unless Y
    // is defined too by another fact ("is k1 the same as k2" compares two things the knowledge
    // defines: no).
    if (BE.has(word)) {
      const found = termAfter(words, i + 1, facts);
      const rest = found && found.at !== -1 ? words.slice(found.at + found.length) : [];
      const tail = rest.join(' ');
      if (found && KIND_OF.test(tail)) return found;
      // Y defined by the same fact is another name for X ("is µg the same as mcg?"): what X is.
      const definer =
        found && found.at !== -1
          ? facts.definitions.get(words.slice(found.at, found.at + found.length).join(' '))
          : undefined;
      const otherTerm = rest.some((_, j) => termAt(rest, j, facts) > 0);
      if (
        found &&
        SAME_AS.test(tail) &&
        (!otherTerm ||
          namesOfOneTerm([definer, ...mapPacked(definedTermsIn(rest, facts), (t) => t.fact)]) ||
          definitionNames(definer, rest, facts))
      )
        return found;
    }
    // "whats the difference between mg and mcg", "mcg vs mg": two names one fact defines.
    if (COMPARES.has(word)) {
      const terms = definedTermsIn(words, facts);
      const first = terms[0];
      if (first && terms.length > 1 && namesOfOneTerm(mapPacked(terms, (t) => t.fact))) return first.found;
    }
    // "just wanted to understand it", "help me understand osteocalcin": what the term means
    if (word === 'understand' && (words[i - 1] === 'to' || words[i - 1] === 'me')) {
      const found = termAfter(words, i + 1, facts);
      if (found) return found;
    }
    // "explain carboxylation (to me)": the term alone; "explain mk7 vs mk4" asks more than it.
    if (word === 'explain') {
      const found = termAfter(words, i + 1, facts);
      if (found && found.at !== -1) {
        const end = found.at + found.length;
        const toMe = words[end] === 'to' && words[end + 1] === 'me' ? 2 : 0;
        if (endsAt(words, end + toMe)) return found;
      }
    }
    // "define X", "definition of X", "meaning of X"
    const of =
      word === 'define'
        ? i + 1
        : (word === 'definition' || word === 'meaning') && words[i + 1] === 'of'
          ? i + 2
          : -1;
    if (of >= 0) {
      const found = termAfter(words, of, facts);
      if (found && found.at !== -1) return found;
    }
  }
  return null;
}

/** The one fact defining the terms `text` names, or null when it names none or several. */
function onlyDefinedIn(text: string, facts: FactIndex): IndexedFact | null {
  const words = tokenize(text);
  let only: IndexedFact | null = null;
  for (let i = 0; i < words.length; i++) {
    const n = termAt(words, i, facts);
    if (n === 0) continue;
    const f = facts.definitions.get(words.slice(i, i + n).join(' ')) as IndexedFact;
    if (only && only !== f) return null;
    only = f;
    i += n - 1;
  }
  return only;
}

/**
 * The fact defining what `asked` (a normalised question, or its asking part) asks to define, or
 * null. A pronoun ("what is it exactly?") stands for the one defined thing `whole` names, when it
 * names exactly one; without `whole` a pronoun is not read.
 */
export function definitionAsked(asked: string, facts: FactIndex, whole?: string): IndexedFact | null {
  if (facts.definitions.size === 0) return null;
  for (const clause of asked.split(CLAUSE_STOPS)) {
    const words = tokenize(clause);
    const found = askedInClause(words, facts);
    if (!found) continue;
    if (found.at >= 0)
      return facts.definitions.get(words.slice(found.at, found.at + found.length).join(' ')) ?? null;
    return whole === undefined ? null : onlyDefinedIn(whole, facts);
  }
  return null;
}

/**
 * A follow-up of a request for a definition that only names another defined term ("what is mk7?"
 * then "what about mk4?"): the definition of that term. A follow-up asking something of its own
 * ("is mk4 better?", "which foods is it in?") is not one.
 */
export function definitionFollowedUp(
  message: string,
  previousReading: string,
  asksOwnPoint: boolean,
  facts: FactIndex,
  /**
   * The whole follow-up: "what does that mean, the ucoc bit" names the one defined term "that"
   * stands for; "what does that mean?" alone names none, and is read with the previous question.
   */
  whole?: string,
): IndexedFact | null {
  const asked = definitionAsked(message, facts, whole);
  if (asked) return asked;
  if (asksOwnPoint || !definitionAsked(previousReading, facts, previousReading)) return null;
  return onlyDefinedIn(message, facts);
}
