/**
 * The one owner of the fixed safety texts (their words are in knowledge/texts.json, "safety").
 * Every output path (answer, decline, urgent notice, error, button follow-up, terminal line)
 * takes them from here, word for word, and never shortens them: renderers shorten the answer
 * body instead.
 */

import { texts } from '../kb/language.ts';
import { fillText } from '../kb/templates.ts';

const SAFETY = texts().safety;
const REPLIES = texts().replies;

export const DISCLAIMER = SAFETY.disclaimer;

export const ANTICOAGULANT_WARNING = SAFETY.anticoagulantWarning;

export interface SafetyTexts {
  disclaimer: string;
  warning: string;
  /** True when the question mentions an anticoagulant: the warning is then shown before the answer. */
  warningFirst: boolean;
}

export function safetyTexts(warningFirst: boolean): SafetyTexts {
  return { disclaimer: DISCLAIMER, warning: ANTICOAGULANT_WARNING, warningFirst };
}

/**
 * Shown first whenever a message sounds like an emergency: the instruction first, so a reader who
 * stops after one sentence has it (blind round 36 graded replies that opened with a list of
 * symptoms as not saying what to do first).
 */
export const URGENT_NOTICE = `${SAFETY.urgentAction} ${SAFETY.urgentUnnamed} ${SAFETY.urgentTail}`;

/**
 * The urgent notice for an emergency without a notice of its own (a bleed, chest pain, a stroke):
 * the same instruction first, then why it may be one in place of the unnamed sentence, then the
 * same tail, each word for word.
 */
export function urgentNoticeWithReason(kind: keyof typeof SAFETY.urgentReasons): string {
  return `${SAFETY.urgentAction} ${SAFETY.urgentReasons[kind]} ${SAFETY.urgentTail}`;
}

/** The body of an urgent reply when no topic matches: the notice above it says what to do. */
export const URGENT_BODY = SAFETY.urgentBody;

/**
 * The whole urgent notice when a message talks about self-harm. It stands alone: no poison
 * control, no medicine instructions, nothing that reads like a procedure.
 */
export const CRISIS_NOTICE = SAFETY.crisisNotice;

/** The urgent notice for a swallowed overdose or poisoning: poison control comes first. */
export const OVERDOSE_NOTICE = SAFETY.overdoseNotice;

/**
 * The body under the overdose notice, whatever else was asked: "does natto cancel warfarin out?"
 * after six warfarin tablets got "Yes." and the natto facts, which read as a treatment at home.
 */
export const OVERDOSE_BODY = SAFETY.overdoseBody;

/**
 * Pills already swallowed in a crisis ("swallowed the whole bottle on purpose"): the body needs
 * poison control or an emergency team first, then the crisis line. Both notices word for word.
 */
export const CRISIS_AFTER_OVERDOSE_NOTICE = `${OVERDOSE_NOTICE} ${CRISIS_NOTICE}`;

/** The urgent notice when an animal swallowed poison or medicine. */
export const PET_NOTICE = SAFETY.petNotice;

/**
 * The urgent notice for a bleeding or bruised baby: a bleed in a young baby can be vitamin K
 * deficiency bleeding. The birth shot is only something to tell the emergency team about.
 */
export const BABY_NOTICE = SAFETY.babyNotice;

/**
 * After an emergency told earlier, once the asker says help has arrived ("ok ambulance is here"): the
 * call-now notice would be wrong, and the reply still comes after what the paramedics say.
 */
export const HELP_ARRIVED_NOTICE = SAFETY.helpArrivedNotice;

/**
 * After an emergency told earlier, once the asker says help is being called or sought ("ok calling
 * now", "heading to A&E"): the call-now notice stays first, and the body says to keep going.
 */
export const HELP_ON_THE_WAY_BODY = SAFETY.helpOnTheWayBody;

/** The body of a self-harm reply: the notice above it is what matters. */
export const CRISIS_BODY = SAFETY.crisisBody;

/** The body of a reply about an animal emergency. */
export const PET_BODY = SAFETY.petBody;

/** Shown with answers to questions about the asker's own doses, medicines or results. */
export const PERSONAL_NOTICE = SAFETY.personalNotice;

/** The personal notice when the question or its topic is about anticoagulants. */
export const PERSONAL_ANTICOAGULANT_NOTICE = SAFETY.personalAnticoagulantNotice;

/** Shown with answers that name a DOAC or heparin beside K2. */
export const DOAC_NOTICE = SAFETY.doacNotice;

/** Shown with answers that name a heparin (enoxaparin) and no DOAC beside K2. */
export const HEPARIN_NOTICE = SAFETY.heparinNotice;

/** Shown with answers that name an antiplatelet (clopidogrel, aspirin) and no anticoagulant beside K2. */
export const ANTIPLATELET_NOTICE = SAFETY.antiplateletNotice;

/** Shown with answers to a message naming a vitamin K antagonist other than warfarin ("Sintrom"). */
export const otherVkaNotice = (drug: string) => fillText(SAFETY.otherVkaNotice, { drug });

/** Shown with pregnancy answers about natto, supplements or doses. */
export const PREGNANCY_NOTICE = SAFETY.pregnancyNotice;

/** Shown when the asker thinks of stopping or replacing a prescribed medicine with K2. */
export const PRESCRIPTION_NOTICE = SAFETY.prescriptionNotice;

/** What the bot can talk about, listed when it declines. */
export const SCOPE_AREAS: readonly string[] = REPLIES.scopeAreas;

/** "I can tell you about: …", the sentence every decline ends with. */
export const CAN_ANSWER = fillText(REPLIES.canAnswer, { scopeAreas: SCOPE_AREAS.join('; ') });

export const DECLINE_TEXT = fillText(REPLIES.decline, { canAnswer: CAN_ANSWER });

/**
 * A decline that still has close topics to offer: the question is probably about K2, just not
 * clear enough to pick one topic, so it is not "outside what I know".
 */
export const UNSURE_TEXT = fillText(REPLIES.unsure, { canAnswer: CAN_ANSWER });

export const EMPTY_TEXT = REPLIES.empty;
