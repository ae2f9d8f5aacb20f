import { active, type GateRule } from './gateWords.ts';

/** Gate: a severe allergic reaction (throat or tongue swelling, trouble breathing or swallowing). */

export const allergy: GateRule = {
  kind: 'allergy',
  test: active(
    /\b((throat|tongue|lips?|face|mouth|eyes?|eyelids?)\b[^.?!]{0,25}\b(tight|tightening|closing|closing up|swelling|swollen|swelled|puffy|puffing up|puffed up)|(cant|cannot|can not) catch (my|his|her|their) breath|swollen (throat|tongue|lips?|face)|(cant|cannot|can not|struggling to|hard to|trouble|difficulty|difficult to|hard time|unable to) (breathe|breathing|breath|swallow|swallowing)|\b(sudden(ly)?|now|right now|after (taking|my|the|a|k2|natto|mk7))\b[^.?!]{0,30}\bshort(ness)? of breath|\bshort(ness)? of breath\b[^.?!]{0,30}\b(after (taking|my|the|a|k2|natto|mk7)|since|now|suddenly)|anaphyla\w*|epipen|wheezing)\b/,
  ),
};
