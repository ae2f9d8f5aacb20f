import type { Analysis, Analyzer } from './analyze.ts';
import { correctGateTypos } from './gateTypos.ts';
import { checkEmergency, type GateResult } from './safety.ts';

/**
 * The gate step of answering: the emergency check on the message as written, again with the
 * gate's own words' typos restored ("vomitting blod", "chst", "numbb"), and again with every
 * typo corrected ("my todler ate my gumies" is still an emergency).
 */
export function gateMessage(normalized: string, analyzer: Analyzer, analysis: Analysis): GateResult {
  let gate = checkEmergency(normalized);
  if (!gate.urgent) {
    const restored = correctGateTypos(normalized, (w) => analyzer.isKnown(w));
    if (restored) gate = checkEmergency(restored);
  }
  if (!gate.urgent && analysis.correctedText) gate = checkEmergency(analysis.correctedText);
  return gate;
}
