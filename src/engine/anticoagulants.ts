import { anticoagulantSpellings } from '../kb/language.ts';
import { wordPattern } from './wordPattern.ts';

/**
 * Anticoagulant names: one list (knowledge/lexicon/anticoagulants.json) for the emergency gate,
 * the order of the blood-thinner warning and the personal notices.
 */

/** Anticoagulants and antiplatelets by generic and brand name, for the gate and the warning. */
export const ANTICOAGULANT = wordPattern(anticoagulantSpellings({ gateOnly: true }));

/** True when the text names an anticoagulant: the warning then comes first. */
export function mentionsAnticoagulant(normalized: string): boolean {
  return ANTICOAGULANT.test(normalized.replace(/'/g, ''));
}

/** Antiplatelets (clopidogrel, aspirin): they do not work through vitamin K either. */
export const ANTIPLATELET = wordPattern(anticoagulantSpellings({ kinds: ['antiplatelet'] }));

/** DOACs (apixaban, rivaroxaban…): the DOAC notice names them. */
export const DOAC = wordPattern(anticoagulantSpellings({ kinds: ['doac'] }));

/** Heparins (enoxaparin…), injected: neither vitamin K antagonists nor DOACs. */
export const HEPARIN = wordPattern(anticoagulantSpellings({ kinds: ['heparin'] }));

/** Anticoagulants that are neither vitamin K antagonists nor antiplatelets: DOACs and heparins. */
export const DOAC_OR_HEPARIN = wordPattern(anticoagulantSpellings({ kinds: ['doac', 'heparin'] }));

/** Anticoagulants proper (warfarin-type drugs, DOACs, heparins), without antiplatelets. */
export const ANTICOAGULANT_ONLY = wordPattern(anticoagulantSpellings({ kinds: ['vka', 'doac', 'heparin'] }));
