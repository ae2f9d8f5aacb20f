/**
 * The fixed texts of non-answers: greetings, thanks and declines that name the right resource
 * for each out-of-scope class (fact-check Part 3B). Every decline ends with what the bot CAN
 * answer. The safety texts (disclaimer, warning, urgent notices) stay in safety.ts.
 */

import { texts } from '../kb/language.ts';
import { fillText } from '../kb/languageSchema.ts';
import type { OutOfScopeClass } from './lexicon.ts';
import { CAN_ANSWER, DECLINE_TEXT } from './safety.ts';

export const GREETING_TEXT = fillText(texts().replies.greeting, { canAnswer: CAN_ANSWER });

export const THANKS_TEXT = texts().replies.thanks;

/** The decline for each out-of-scope class; 'general' is the standard decline. */
export const DECLINE_TEXTS: Readonly<Record<OutOfScopeClass, string>> = {
  general: DECLINE_TEXT,
  medicine:
    "Sorry, that's about another medicine or a drug interaction, which the article doesn't cover. " +
    `A pharmacist can check it for you. ${CAN_ANSWER}`,
  lab:
    "Sorry, I can't choose or read tests or make a diagnosis. The clinician who ordered the test (or " +
    `your doctor) can explain what it means for you. ${CAN_ANSWER}`,
  nutrient:
    "Sorry, that's about other nutrients or diets, which the article doesn't cover. The NIH Office of " +
    `Dietary Supplements fact sheets or a registered dietitian can help. ${CAN_ANSWER}`,
  product:
    "Sorry, the bot doesn't rate products, brands, prices or shops: I only share general facts from " +
    `the article. ${CAN_ANSWER}`,
  pet:
    "Sorry, vitamin K for animals isn't covered: please ask a vet (an emergency vet straight away if " +
    `an animal swallowed rat poison or pills). ${CAN_ANSWER}`,
  newborn:
    "Sorry, the newborn vitamin K shot and infant feeding are best discussed with your baby's " +
    `pediatrician or midwife. ${CAN_ANSWER}`,
  condition:
    "Sorry, that's not covered by the article, so I can't say anything reliable about it: your doctor " +
    `can help. ${CAN_ANSWER}`,
  clinician:
    'Sorry, vitamin K injections, IV vitamin K and warfarin reversal are decided by a clinician, and ' +
    `the article doesn't cover them. ${CAN_ANSWER}`,
};

const GREETING =
  /^((hi|hello|hey|hiya|heya|howdy|yo|sup|hullo|greetings|good (morning|afternoon|evening|day)|morning|evening|gm)[\s!.,]*)+((there|bot|k2 ?bot|everyone|all|guys|folks|friend|team|buddy|again)[\s!.,?]*)*$/;

const THANKS =
  /^((ok|okay|great|awesome|cool|perfect|nice|got it|ah|oh)[\s!.,]*)?(thanks|thank you|thank u|thankyou|ty|tysm|thx|tnx|cheers|much appreciated|appreciate it|many thanks)[\s!.,]*((so much|very much|a lot|again|bot|k2 ?bot|mate|man|for (the|your|that|all the) (help|answer|answers|info|information|reply)|that (helped|helps|was helpful|was useful)|(very |super |really )?(helpful|useful)|great|perfect|got it|makes sense|will do|appreciate it)[\s!.,]*)*$/;

/** A message that is only a greeting ("hello bot", "good morning"). */
export function isGreeting(normalized: string): boolean {
  return GREETING.test(normalized.replace(/'/g, '').trim());
}

/** A message that is only thanks ("thanks!", "ty", "thank you bot"). */
export function isThanks(normalized: string): boolean {
  return THANKS.test(normalized.replace(/'/g, '').trim());
}

/** A greeting, an addressee and an introduction before the question ("hi all, new here - …"). */
const GREET =
  '((hi|hello|hey|hiya|heya|howdy|yo|hullo|greetings|good (morning|afternoon|evening|day))\\b|(morning|evening|gm|sup)(?=\\s*[!.,]))';
const ADDRESSEE = '(there|bot|k2 ?bot|everyone|everybody|all|guys|folks|friends?|team|buddy|again|yall)\\b';
const INTRO =
  '((i am|im) new( here| to this( \\w+)?| in this \\w+)?|new (member|user|here|to this)( here)?|first (post|time|question|message)( here| posting| asking)?|(i am|im) from( the)? \\w+|quick question)\\b';
const SEP = '[\\s!.,:;-]*';
const LEADING_CHAT = new RegExp(`^((${GREET}${SEP})(${ADDRESSEE}${SEP})*)?(${INTRO}${SEP})*`);

/**
 * The message without a greeting and introduction before its question ("hello, new member here,
 * what does vitamin k2 do"), or null when there was none or only the greeting is left.
 */
export function withoutGreeting(normalized: string): string | null {
  const t = normalized.replace(/'/g, '').trim();
  const m = LEADING_CHAT.exec(t);
  if (!m || m[0].length === 0) return null;
  const rest = t.slice(m[0].length).trim();
  return rest.split(/\s+/).filter((w) => /[\p{L}\p{N}]/u.test(w)).length >= 2 ? rest : null;
}
