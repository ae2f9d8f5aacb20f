import type { Analysis, Analyzer } from './analyze.ts';
import { allergy } from './gateAllergy.ts';
import { babyBleeding } from './gateBaby.ts';
import { bleeding } from './gateBleeding.ts';
import { bloodPressure } from './gateBloodPressure.ts';
import { chestPain } from './gateChestPain.ts';
import { clot } from './gateClot.ts';
import { collapse } from './gateCollapse.ts';
import { headInjury } from './gateHeadInjury.ts';
import { lowBloodSugar } from './gateLowBloodSugar.ts';
import { overdose, pillsTakenAlready, withoutFictionFrame } from './gateOverdose.ts';
import { pet } from './gatePet.ts';
import { racingHeart } from './gateRacingHeart.ts';
import { selfHarm } from './gateSelfHarm.ts';
import { stroke } from './gateStroke.ts';
import { correctGateTypos, REAL_WORDS } from './gateTypos.ts';
import { type GateRule, type UrgentKind, wordings } from './gateWords.ts';
import { tokenize } from './normalize.ts';
import { phraseRegex } from './phrasePattern.ts';
import {
  BABY_NOTICE,
  CRISIS_AFTER_OVERDOSE_NOTICE,
  CRISIS_NOTICE,
  OVERDOSE_NOTICE,
  PET_NOTICE,
  urgentNoticeWithReason,
} from './safety.ts';

/**
 * The emergency gate, run before any matching: one rule module per kind of emergency (gate*.ts),
 * checked in this order; the first that fires decides the notice.
 */

export type { UrgentKind };

export interface GateResult {
  urgent: boolean;
  kind: UrgentKind | null;
  /** The notice to show first, or null. */
  notice: string | null;
}

/** Self-harm first (a crisis before a poisoning), then the kinds whose notices are most specific. */
const RULES: readonly GateRule[] = [
  ...selfHarm,
  babyBleeding,
  pet,
  overdose,
  chestPain,
  racingHeart,
  stroke,
  allergy,
  // Before bleeding: a knock to the head on a blood thinner is also a bleed the bleeding rule
  // finds, and the head-injury notice says what to watch for.
  headInjury,
  bleeding,
  clot,
  bloodPressure,
  lowBloodSugar,
  collapse,
];

/**
 * The emergency check on normalised text (see normalizeText). It fires on symptoms happening now
 * (bleeding that will not stop, an overdose, chest pain, stroke signs, a severe allergic reaction,
 * self-harm, a bleeding baby, clot signs) and not on questions that only mention warfarin,
 * bleeding or clotting.
 */
export function checkEmergency(normalized: string): GateResult {
  return checkReadings([normalized]);
}

/**
 * The first kind, in the order of RULES, that fires on any of the readings of one message: a
 * crisis spelt with typos still comes before a bleed spelt right in the same message.
 */
function checkReadings(readings: readonly string[]): GateResult {
  const texts = readings.map((r) => r.replace(/'/g, ''));
  // Plain loops: a closure per rule (over the rule) was made for every message.
  for (const rule of RULES) {
    for (const t of texts) {
      if (!rule.test(t)) continue;
      // A crisis with the pills already swallowed: poison control first, then the crisis line.
      const notice =
        rule.kind === 'self-harm' && pillsTakenAlready(t)
          ? CRISIS_AFTER_OVERDOSE_NOTICE
          : urgentNoticeFor(rule.kind);
      return { urgent: true, kind: rule.kind, notice };
    }
  }
  return { urgent: false, kind: null, notice: null };
}

/**
 * One notice per kind of emergency: a crisis line alone for self-harm, poison control first for
 * an overdose, an emergency vet for an animal, emergency care for a bleeding baby (mentioning the
 * birth vitamin K shot only as something to tell the team), the emergency number for the rest,
 * after a sentence naming what the emergency may be.
 */
export function urgentNoticeFor(kind: UrgentKind): string {
  if (kind === 'self-harm') return CRISIS_NOTICE;
  if (kind === 'overdose') return OVERDOSE_NOTICE;
  if (kind === 'pet') return PET_NOTICE;
  if (kind === 'baby-bleeding') return BABY_NOTICE;
  return urgentNoticeWithReason(kind);
}

/**
 * The analyzer's spelling of a message (its words joined by spaces) put back into the message's
 * own punctuation: the gate's rules read sentences and clauses ("last year… had a nosebleed that
 * took 40 minutes to stop. … no blood thinners now"), which the bare words run together. Falls
 * back to the bare words when they cannot be laid over the message one by one.
 */
function withSentences(normalized: string, correctedText: string): string {
  const text = normalized.replace(/'/g, '');
  const fixed = correctedText.split(' ');
  const words = tokenize(text);
  if (words.length !== fixed.length) return correctedText;
  let out = '';
  let pos = 0;
  for (let i = 0; i < words.length; i++) {
    const word = words[i] as string;
    const at = text.indexOf(word, pos);
    if (at < 0) return correctedText;
    // The analyzer corrects every word it does not know; a real word stays as typed ("collapse"
    // is no typo of "collapsed", "felt" none of "fell").
    out += text.slice(pos, at) + (REAL_WORDS.has(word) ? word : (fixed[i] as string));
    pos = at + word.length;
  }
  return out + text.slice(pos);
}

/** Words that soften how a sign is told (gate.json `softeners`). */
const SOFTENERS = phraseRegex(wordings.softeners, 'g');

/** The message without its softening words, spaces collapsed. */
function withoutSofteners(text: string): string {
  return text.replace(SOFTENERS, ' ').replace(/ {2,}/g, ' ');
}

/** Each analyzer's words as the gate's typo pass restored them (its `isKnown` decides which are typos). */
const restoredWords = new WeakMap<object, Map<string, string>>();

/**
 * The gate step of answering: the check on the message as written, with the gate's own words'
 * typos restored ("vomitting blod", "chst", "numbb"), and with every typo corrected ("my todler
 * ate my gumies" is still an emergency). All three readings are checked even when the first
 * fires, so the most specific notice wins: "kill mysef, vomiting blood" is a crisis first.
 */
export function gateMessage(
  normalized: string,
  analyzer: Pick<Analyzer, 'isKnown'>,
  analysis: Analysis,
): GateResult {
  // A hypothetical framed as a story is read without its frame; the analyzer's spelling of the
  // whole message still has the frame's words, corrected into others ("story" → "store").
  const read = withoutFictionFrame(normalized);
  const readings = [read];
  let words = restoredWords.get(analyzer);
  if (!words) {
    words = new Map();
    restoredWords.set(analyzer, words);
  }
  // "Her face looks kind of droopy": a sign told softly is the same sign.
  const unsoftened = withoutSofteners(read);
  if (unsoftened !== read) readings.push(unsoftened);
  const restored = correctGateTypos(read, (w) => analyzer.isKnown(w), words);
  if (restored) readings.push(restored);
  if (analysis.correctedText && read === normalized)
    readings.push(withSentences(normalized, analysis.correctedText));
  return checkReadings(readings);
}
