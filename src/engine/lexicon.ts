/**
 * The words people use. The word lists are data in knowledge/lexicon/ (synonyms.json, words.json,
 * anticoagulants.json); this module exposes them to the engine, with the patterns that are still
 * written as regular expressions (personal questions, out-of-scope rules, intents).
 */
import { language } from '../kb/language.ts';
import type { SynonymGroup } from '../kb/languageSchema.ts';

const { synonyms, words } = language();

export type { SynonymGroup };

/** Synonym groups (knowledge/lexicon/synonyms.json). */
export const SYNONYM_GROUPS: readonly SynonymGroup[] = synonyms;

/**
 * Misspellings listed in the synonym groups. They match when typed, but typo correction never
 * aims at them: "chest" must not become "chese" (and so "cheese").
 */
export const KNOWN_TYPOS: ReadonlySet<string> = new Set(words.knownTypos.map((entry) => entry.typo));

/** Every canonical term the lexicon produces. */
export const CONCEPTS: ReadonlySet<string> = new Set(SYNONYM_GROUPS.flatMap((g) => g.to));

/** Concepts that say how something is asked rather than what about: they break ties only. */
export const CONCEPT_WEIGHTS: Readonly<Record<string, number>> = words.conceptWeights;

/** Terms that match almost any K2 question: a question needs another matched word too. */
export const GENERIC_TERMS: ReadonlySet<string> = new Set(words.genericTerms);

/** General health subjects: without a K2 word, a question only about these is not for this bot. */
export const GENERAL_HEALTH_TERMS: ReadonlySet<string> = new Set(words.generalHealthTerms);

/** Chat filler and function words, dropped before scoring. */
export const STOP_WORDS: ReadonlySet<string> = new Set(words.stopWords);

/** Words that make a question about K2 personal: the answer then carries the personal notice. */
export const PERSONAL_PATTERNS: readonly RegExp[] = [
  /\b(should|can|could|may|must|do|shall) i\b.*\b(take|start|stop|quit|use|combine|mix|switch|keep|continue|drop|skip|double|increase|decrease|cut|give|go on|come off|be taking|avoid)\b/,
  // Choosing a food ("should I eat gouda or brie") is a general question; with a supplement, a
  // dose, a medicine or a condition it is a decision about one's own intake.
  /^(?=.*\b(supplements?|pills?|capsules?|softgels?|doses?|dosage|mcg|mg|micrograms?|meds|medications?|medicines?|warfarin|coumadin|blood thinners?|eliquis|xarelto|inr|pregnant|breastfeeding|diagnosed|osteoporosis|osteopenia|diabetic|diabetes)\b).*\b(should|can|could|may|must|do|shall) i\b.*\b(eat|have|add|try|drink)\b/,
  /\bhow (much|many)\b.*\b(should|do|can|must|would) (i|we|he|she|my)\b/,
  /\bhow (much|many)\b.*\b(for me|i need|i take|should i|do i)\b/,
  /\b(is it|would it be|it is|its) (safe|ok|okay|fine|alright|dangerous|bad) (for me|if i|to take .* (if|since|while) i|for my)\b/,
  /\bsafe for me\b/,
  // "for me" is personal unless it only asks the bot to do something ("summarize it for me").
  /(?<!\b(summari[sz]e|summary|explain|tell|list|break (it |this |that )?down|give|show|find|write|describe|simplify|clarify|recap|outline|translate|spell out|sum up|answer|look up|check)\b[^.?!]{0,40})\bfor me\b/,
  // A doctor only mentioned is not a decision; one who said to take or stop something is.
  /\bmy (doctor|doc|gp|cardiologist|physician|pharmacist) (said|says|told|wants|prescribed|recommended|recommends|put me|advised|suggested)\b/,
  /\b(my|our) (inr|dose|dosage|meds|medication|medications|medicine|medicines|pills|prescription|t score|cac|calcium score|results|levels|test|blood test|mom|mum|dad|husband|wife|son|daughter|kid|kids|child|baby|grandma|grandmother|grandpa|father|mother|partner)\b/,
  /\b(i am|im|i m|i'm|ive been|i have been|i've been) (on|taking|prescribed|using)\b/,
  /\bi (take|use|have|got|was diagnosed|was prescribed|need)\b(?! (a |an |one |some |another )?(quick )?(question|q|doubt|idea))/,
  /\bmy (bones|heart|arteries|blood|nerves|feet|hands|memory|sugar|a1c|bone density|osteoporosis|osteopenia|diabetes|neuropathy)\b/,
  /\b(replace|instead of|stop|quit|ditch|come off|get off) (my|the|taking my)\b/,
  // A condition and a medicine of one's own ("type 2 diabetic on metformin").
  /\b(diabetic|type [12]|t2d|t1d|pregnant|postmenopausal|osteoporotic)\b[^.?!]{0,20}\b(on|taking|prescribed)\b/,
  // A dose taken twice or an extra pill by mistake is about the asker's own intake.
  /\b(accidentally|accidently|by mistake|by accident|doubled up|double dosed|doubled my|(took|taken|had) (it|my \w+|k2|mk7) (twice|again)|(took|taken|had) an extra|instead of (1|one|my usual|the usual))\b/,
];

/**
 * Off-topic signals the knowledge base cannot answer even when a K2 word is present
 * (fact-check Part 3B): other nutrients' dosing, conditions the article does not cover,
 * commerce, pets, recipes, chatter and attempts to change the bot's rules.
 */
export type OutOfScopeClass =
  | 'general'
  | 'medicine'
  | 'lab'
  | 'nutrient'
  | 'product'
  | 'pet'
  | 'newborn'
  | 'condition'
  | 'clinician';

export interface OutOfScopeRule {
  /** Which kind of question it is: the decline names the right resource (see declines.ts). */
  cls: OutOfScopeClass;
  /**
   * An incidental word ("gym", "football"): it only declines when the rest of the message is
   * not a clear K2 question ("chest day at the gym, but is k2 good for bones" is answered).
   */
  incidental?: boolean;
  /**
   * The word usually describes the asker, not the subject (a diet, the gym, a medicine they
   * take): beside a clear K2 question it is dropped even within the same clause.
   */
  context?: boolean;
  re: RegExp;
}

export const OUT_OF_SCOPE_RULES: readonly OutOfScopeRule[] = [
  {
    cls: 'general',
    re: /\b(ignore|forget|disregard|override|bypass) (all |any |the |your |previous |prior |above )*(rules|instructions|prompt|guidelines|restrictions|safety|disclaimer|programming)\b/,
  },
  {
    cls: 'general',
    re: /\b(pretend|act as|you are now|roleplay|role play|jailbreak|system prompt|developer mode|dan mode)\b/,
  },
  // Questions about the bot itself.
  {
    cls: 'general',
    re: /\b(who|what) (made|built|created|programmed|trained|coded|wrote|owns) (you|u|this bot)\b|\bare (you|u) (a |an )?(bot|ai|human|real|person|chatgpt|gpt|robot)\b|\byour (name|favou?rite|opinion)\b|\bhow are (you|u)\b/,
  },
  // Diets in general (3B.11): a dietitian's field.
  {
    cls: 'nutrient',
    incidental: true,
    context: true,
    re: /\b(weight loss(?! surgery)|lose weight|(keto|ketogenic|carnivore|paleo|atkins|low carb)( diet)?|intermittent fasting|vegan meal plans?|meal plans?)\b/,
  },
  // Gym and sport talk is often chat around a K2 question (3B.7 athletic performance).
  {
    cls: 'condition',
    incidental: true,
    context: true,
    re: /\b(athletic|vo2 ?max|workouts?|gym|bodybuilding|lifting|leg day|chest day|marathon|crossfit)\b/,
  },
  // Conditions that change what applies to the asker (kidney and liver disease, CKD-specific
  // guidance): declined even beside a clear K2 question.
  {
    cls: 'condition',
    re: /\b(kidney stones?|kidney disease|kidney failure|covid|coronavirus|long covid|dialysis|ckd|cirrhosis|fatty liver|liver disease|hepatitis|cystic fibrosis|fertility|sperm|erectile|testosterone)\b/,
  },
  // Other conditions the article does not discuss: declined when they are the subject, not when
  // they are mentioned beside a clear K2 question ("I have acne, but is k2 good for bones").
  {
    cls: 'condition',
    incidental: true,
    re: /\b(gallstones?|dental|cavities|cavity|caries|tooth decay|activator x|weston price|varicose|spider veins|dark circles|wrinkles?|skin care|skincare|acne|hair loss|hair growth|rheumatoid|arthritis|muscle cramps?|cramps|psoriasis|eczema|adhd|autism|thyroid|(for|improve|improves|better|help with|helps with|quality of|deep|trouble) sleep\w*|sleep (quality|better|problems|issues|aid|apnea)|hashimoto|acid reflux|gerd|ibs|insomnia)\b/,
  },
  {
    cls: 'pet',
    re: /\b(dog|dogs|puppy|cat|cats|kitten|pet|pets|horse|parrot|hamster|vet|veterinarian|rat poison|rodenticide)\b/,
  },
  {
    cls: 'general',
    re: /\b(recipe|recipes|cook|cooking|bake|baking|marinade|(how (to|do i|do you|can i|should i) make|making|make my own|make your own) (my own |your own |homemade )?(natto|sauerkraut|kimchi|kefir|cheese|yogurt|yoghurt|kombucha))\b/,
  },
  {
    cls: 'product',
    re: /\b(where (can|do|to|should) (i|you|we) (buy|order|purchase)|where to (buy|order|purchase)|price|prices|cost|costs|cheapest|discount|coupon|promo code|amazon|iherb|costco|walmart|shipping|in stock)\b/,
  },
  // The newborn vitamin K shot and infant feeding: the baby's pediatrician or midwife (3B.8).
  {
    cls: 'newborn',
    re: /\b(birth|newborn|new born|baby|babies|infant|infants)\b[^.?!]{0,30}\b(shot|shots|jab|jabs|injection|injections|drops)\b|\b(vitamin k|vit k|k1|k2) (shot|shots|jab|injection)\b[^.?!]{0,30}\b(newborn|new born|baby|babies|infant|birth)\b/,
  },
  {
    cls: 'clinician',
    re: /\b(injection|injections|injectable|iv vitamin k|intravenous|(vitamin k|vit k|k1|k2|birth|newborn|baby|babies|infant) (shot|shots|jab)|shots? (of|for) (vitamin k|k1|k2)|reversal|reverse warfarin|reverse the warfarin)\b/,
  },
  // Drug interactions other than anticoagulants are a pharmacist's question (Part 3B.4). A drug
  // someone takes, mentioned beside a clear K2 question that is not about combining them ("type 2
  // diabetic on metformin, does k2 help insulin sensitivity"), is background (see answer.ts).
  {
    cls: 'medicine',
    incidental: true,
    context: true,
    re: /\b(statins?|atorvastatin|lipitor|rosuvastatin|crestor|simvastatin|antibiotics?|amoxicillin|cipro|ciprofloxacin|doxycycline|cholestyramine|orlistat|alli|mineral oil|anticonvulsants?|phenytoin|dilantin|steroids?|prednisone|levothyroxine|synthroid|metformin|ozempic|semaglutide|ssris?|antidepressants?|birth control)\b/,
  },
  // Infant formula is the pediatrician's field (3B.8); newborn shots are caught with injections above.
  { cls: 'newborn', re: /\b(infant formula|baby formula|formula fed)\b/ },
  // Research the knowledge base does not hold, regulation and law (3B.13, 3B.14).
  {
    cls: 'general',
    re: /\b(latest|newest|most recent|brand new) (study|studies|trial|trials|research|paper|papers|evidence)\b|\b20(2[4-9]|3\d) ([a-z0-9]+ )?(study|studies|trial|trials|research|paper|review|meta)|\b(study|studies|trial|trials|research|paper|review) (from |in |of |published in )?20(2[4-9]|3\d)\b|\b(fda|legal|illegal|banned|lawsuit|regulators?|regulation|health claims?)\b/,
  },
  // Allergens in, or testing of, a particular product (3B.3).
  {
    cls: 'product',
    re: /\b(contain|contains|have|has|free of|free from)\b[^.?!]{0,15}\b(soy|gluten|allergens?|gelatin|nuts|peanuts)\b|\b(soy|gluten|allergen)[ -]free\b|\bthird[ -]party (tested|testing)\b/,
  },
  // Nutrition facts other than vitamin K.
  {
    cls: 'nutrient',
    re: /\b(calories|calorie|kcal|carbs|carbohydrates|macros|grams of protein|protein content|sugar content|cholesterol|sodium content)\b/,
  },
  // Surgery and wound care are the surgeon's field.
  {
    cls: 'condition',
    re: /\b(before|after|prior to|ahead of) (my |the |a |an |his |her )?(surgery|operation|procedure|dental work|extraction)\b|\bwound healing|\bheal(ing)? (a |the |my )?(wound|wounds|scar|scars)\b|\bscars?\b/,
  },
  // Topical products (3B.7).
  {
    cls: 'condition',
    re: /\b(vitamin k|k2|k1) (cream|creams|lotion|ointment|serum|oil)\b|\b(cream|creams|lotion|ointment|serum|topical)\b[^.?!]{0,20}\b(bruise|bruises|bruising|face|skin|eyes|dark circles|spider veins)\b/,
  },
  // Diagnosing the asker (3B.6); "am I low in K2" stays a deficiency question.
  {
    cls: 'lab',
    re: /\b(do i have|how do i know if i have|how can i tell if i have|could i have|test for|tested for|diagnose|diagnosed with what)\b[^.?!]{0,20}\b(osteoporosis|osteopenia|diabetes|dementia|alzheimers|neuropathy|heart disease|cancer|a clot|dvt)\b/,
  },
  // Reading one's own test results and ordering tests (3B.6); "my INR is 1.6" stays a personal question.
  // Which test to get and what a level means (3B.6): the clinician who ordered the test.
  {
    cls: 'lab',
    re: /\b(my|these|the|his|her) (results|dexa|dxa|dexa scan|t score|t scores|z score|scan|labs?|lab results|blood test|blood tests|bloodwork|blood work|ucoc|dp ucmgp|cac score|calcium score)\b[^.?!]{0,25}\b(mean|means|say|says|normal|too high|too low|good or bad)\b(?! (that )?(i|im|ive|i am|i have|my)\b)/,
  },
  {
    cls: 'lab',
    re: /\b(blood|lab) (test|tests|work|panel)\b[^.?!]{0,40}\b(vitamin k|k2|k1|levels?|status)\b|\b(vitamin k|k2|k1|mk7)\b[^.?!]{0,25}\b(blood|lab) (test|tests|panel)\b|\btest(ed|ing)? (for|my) (vitamin k|k2|k1) (levels?|status)\b|\b(which|what) (test|lab test)\b/,
  },
  {
    cls: 'lab',
    re: /\b(read|interpret|understand|explain|mean) (my |these )(results|dexa|dxa|t score|scan|blood test|blood work|bloodwork|labs?|lab results)\b|\b(what|which) (test|tests|blood test|lab) (should|do|can|would)\b|\b(order|get) (a |my )?(test|tested|blood test)\b/,
  },
  // A result of the asker's that "came back high" or "is low", named by test or marker.
  // INR is not listed: an INR result stays a warfarin question, see below.
  {
    cls: 'lab',
    re: /\b(my|his|her|our) ([a-z0-9]+ ){0,3}?(ucoc|uc oc|osteocalcin|dp ?ucmgp|ucmgp|pivka( ii)?|vitamin k|vit k|k2|k1|test|tests|result|results|level|levels|blood test|blood tests|bloodwork|blood work|labs?)\b[^.?!]{0,20}\b(came back|come back|is|was|are|were|showed|shows)( (a bit|a little|very|really|slightly|quite|too))? (high|low|elevated|raised|abnormal|borderline|out of range)\b/,
  },
  // A lab value or score of the asker's: the clinician who ordered the test explains it.
  // An INR value stays a warfarin question: that answer already sends the asker to the
  // anticoagulation clinic, which is who ordered the INR test.
  {
    cls: 'lab',
    re: /\b(ucoc|uc oc|undercarboxylated osteocalcin|dp ?ucmgp|dp uc mgp|ucmgp|cac|cac score|calcium score|coronary (artery )?calcium( score)?|agatston( score)?|t[ -]?scores?|z[ -]?scores?|bone density score|dexa|dxa|bmd|pivka( ii)?|(vitamin k|vit k|k2|k1|osteocalcin|mgp|vitamin d|vit d|d3|b12|ferritin|iron|sugar|glucose) (level|levels|blood level|result|results)|a1c|hba1c|fasting (glucose|sugar)|blood sugar|glucose|ldl|hdl|triglycerides|cholesterol|crp|tsh|egfr|creatinine|psa)\b[^.?!\d]{0,25}(?<![a-z])(?<!\btype )(-|minus |negative )?\d|\b\d+(\.\d+)? ?(ng ?\/ ?ml|pmol ?\/ ?l|nmol ?\/ ?l|ng\/l)\b/,
  },
  // K2 is also a music group and a name in entertainment.
  {
    cls: 'general',
    incidental: true,
    re: /\b(kpop|k pop|k-pop|boy band|girl group|idol group|band|album|albums|singer|rapper|concert|tour dates|anime|manga|tv show|netflix)\b/,
  },
  // History and trivia (who invented a drug, the history of warfarin), not K2 facts.
  {
    cls: 'general',
    incidental: true,
    re: /\b(who (invented|discovered|developed|came up with|created|named)|invent(ed|or|ors|ion)|history (question|of warfarin|of coumadin|of the drug|lesson)|trivia|fun fact)\b/,
  },
  // "K2" is also a mountain, a street drug, K₂ in chemistry, a graphics card and a sports brand.
  {
    cls: 'general',
    re: /\b(finance|financial|chess|snowboards?|skis|skiing|ski|skates?|rollerblades?|inline skates|energy drink|racket|tennis|bikes?|chemistry|chemical formula|periodic table|potassium|gpu|graphics card|nvidia|spice|synthetic (weed|marijuana|cannabis|cannabinoids?)|mountain|mountains|everest|karakoram|mountaineer\w*|climb\w* (up )?k2|k2 (climb\w*|summit\w*|expeditions?)|first (to )?climb\w*|climbers?|climbing|mountaineering|summit\w*|expeditions?|base camp|sherpas?|ascent|himalaya\w*|k2 ?-? ?18 ?b?|exoplanets?|visas?|kayaks?|canoes?|paddle ?boards?|helmets?|planets?|planetary|telescopes?|nasa|jwst|james webb|hubble|kepler|astronom\w*|astrophysic\w*|light years?|solar system|galax\w*|orbits?|orbiting|habitable zone)\b/,
  },
  {
    cls: 'general',
    incidental: true,
    re: /\b(bitcoin|crypto|ethereum|stock market|stocks|nft|forex|lottery|casino|betting|homework|essay|assignment|math|equation|code|python|javascript|programming|weather|football|soccer|movie|movies|song|music|lyrics|poem|poems|haiku|limerick|rap|joke|jokes|riddle|translate|translation|in english|in spanish|in french|in german|tell me a story|bedtime story|write a story|short story|capital of|president|election|politics|video games?|minecraft|fortnite)\b/,
  },
];

/**
 * Nutrients other than vitamin K: asked about on their own ("how much vitamin d"), they are
 * outside the article. With a K2 word ("d3 with k2") the question stays in scope.
 */
export const OTHER_NUTRIENT =
  /\b(vit(amin)? ?(a|b|b1|b2|b3|b5|b6|b7|b9|b12|c|e|d|d2|d3)|b12|b6|folate|folic acid|niacin|biotin|thiamine|riboflavin|iron|zinc|magnesium|potassium|sodium|selenium|iodine|copper|boron|omega ?3s?|fish oil|krill oil|cod liver oil|creatine|collagen|protein powder|whey|melatonin|ashwagandha|probiotics?|turmeric|curcumin|coq10|berberine|electrolytes|multivitamins?|fiber|fibre)\b/;

/**
 * Other nutrients that stay out of scope even next to K2 ("k2 and vitamin c for immunity"):
 * vitamin D, calcium and multivitamins are left out because the article pairs K2 with them.
 */
export const OTHER_NUTRIENT_WITH_K2 =
  /\b(vit(amin)? ?(a|b|b1|b2|b3|b5|b6|b7|b9|b12|c|e)|b12|b6|folate|folic acid|niacin|biotin|thiamine|riboflavin|iron|zinc|magnesium|potassium|selenium|iodine|copper|boron|omega ?3s?|fish oil|krill oil|creatine|collagen|melatonin|ashwagandha|probiotics?|turmeric|curcumin|coq10|berberine|electrolytes)\b/;

/**
 * Another nutrient named only as a comparison ("can you overdose on k2 like you can on vitamin
 * a?", "is k2 stored like vitamin d"): the question is still about K2.
 */
export const NUTRIENT_COMPARISON = new RegExp(
  `\\b(like|unlike|than|compared (to|with)|as with|similar to|same as|the way|just like|as opposed to|as [a-z]+ as)\\s+((you|u|we|one) (can|do|could) |it is |its |it does |with |on |for |to |a |an |the )*${OTHER_NUTRIENT_WITH_K2.source}`,
  'g',
);

/** Supplements in general ("what vitamins should I take"): out of scope unless K2 is named. */
export const GENERAL_SUPPLEMENTS =
  /\b(what|which|best|other|good|top) (vitamins|supplements|multivitamins)\b/;

/** Calcium on its own is in scope ("calcium paradox"); calcium dosing is not. */
export const CALCIUM_DOSING =
  /\b(how much|how many|dose|dosage|mg|milligrams|per day|a day|daily)\b[^.?!]*\bcalcium\b|\bcalcium\b[^.?!]*\b(how much|dose|dosage|mg|milligrams|per day|a day|daily)\b/;

/**
 * Everyday symptoms. Without a K2 word they are a general health question ("what causes
 * bloating"); with one they lean the question towards side effects.
 */
export const EVERYDAY_SYMPTOM =
  /\b(headaches?|dizzy|dizziness|palpitations|stomach hurts|tummy ache|nause\w*|bloat\w*|gassy|diarrh\w*|constipat\w*|jittery|feel(ing)? sick|stomach (ache|upset)|upset stomach)\b/;

/**
 * What the question is after, beyond its subject. Each intent nudges topics of one category:
 * "how much" leans to dosage, "where / which foods" to food, "side effects" to safety.
 */
export const INTENTS: ReadonlyArray<{ pattern: RegExp; categories: readonly string[]; boost: number }> = [
  {
    pattern:
      /\b(how much|how many|dose|doses|dosage|dosing|dosege|mcg|micrograms?|mg|per day|a day|daily|rda|intake)\b/,
    categories: ['dosage'],
    boost: 0.12,
  },
  {
    pattern:
      /\b(food|foods|eat|eating|diet|source|sources|where (do|can) (i|you) get|rich in|high in|contain|contains|have k2|has k2|in it|where (else )?(do|can|could|should) (i|you|we) (get|find)|get (enough |more |my |some )?(k2|vitamin k2|vitamin k|mk7|mk 7) from)\b/,
    categories: ['food'],
    boost: 0.12,
  },
  {
    pattern:
      /\b(side effects?|toxic|toxicity|overdose|too much|allergic|allergy|dangerous|harmful|adverse|upper limit)\b/,
    categories: ['safety'],
    boost: 0.15,
  },
  {
    pattern: /\b(warfarin|coumadin|blood thinners?|anticoagulants?|inr|eliquis|xarelto)\b/,
    categories: ['interactions'],
    boost: 0.1,
  },
  {
    pattern: EVERYDAY_SYMPTOM,
    categories: ['safety'],
    boost: 0.15,
  },
  // A dose taken twice or one pill too many by mistake: a side-effect question, not an emergency.
  {
    pattern:
      /\b(twice|double|doubled|two doses|2 doses|extra (dose|pill|capsule|tablet|softgel|gummy|one)|(took|taken|take|had) (it|my \w+|k2|mk7|them|the dose) again|by mistake|by accident|accidentally|accidently|forgot (i|that i) (already )?(took|had))\b/,
    categories: ['safety'],
    boost: 0.2,
  },
  // A symptom since starting K2 ("started MK-7, now bloating"): is it a side effect?
  {
    pattern:
      /\b(started|starting|since (taking|starting|i started)|after (taking|starting)|began|begun)\b[^.?!]{0,40}\b(now|since|getting|got|having|feel|feeling|noticed|been)\b/,
    categories: ['safety'],
    boost: 0.15,
  },
  // Someone who says they take an anticoagulant needs the interaction facts first.
  {
    pattern:
      /(?<!(dont|do not|not|never|no longer|arent|isnt|doesnt) )\b(im|i am|on|taking|take|takes|prescribed|started)\b[^.?!]{0,15}\b(warfarin|warfrin|coumadin|jantoven|marevan|sintrom|acenocoumarol|phenprocoumon|blood thinners?|anticoagulants?|eliquis|apixaban|xarelto|rivaroxaban|pradaxa|heparin|plavix)\b/,
    categories: ['interactions'],
    boost: 0.15,
  },
];

/** Words that turn an anticoagulant question into a K2 one: foods, supplements, vitamin K. */
export const WARFARIN_COMPANIONS: ReadonlySet<string> = new Set(words.warfarinCompanions);

/**
 * References to the article itself and figures distinctive to it ("the article says", "the 2022
 * meta-analysis", "6,425 women", "10-gram", "15,000 mcg", "45 mg", "150 mcg per tablespoon",
 * "96 hours", "the RDA"): in this bot they point at K2 as surely as "K2" does. Not when another
 * nutrient is named (search checks OTHER_NUTRIENT): "the RDA of vitamin C" is not about K2.
 */
export const ARTICLE_ANCHOR =
  /\b((the|this|that|your|ur|ths|an|one) (article|articles|post|writeup|write up|blog post|piece)|article (says|said|states|stated|claims|claimed|mentions|mentioned|recommends|suggests|talks)|6,?425|2022 (meta|study|studies|review|analysis)|10-(gram|grams|g)|10 ?(gram|grams|g) (increase|rise|more)|15,?000 ?(mcg|micrograms|ug)?|45 ?(mg|milligrams)|150 ?(mcg|micrograms)|96 ?(hours|hrs|h)|6 ?(-|to) ?8 hours|rda|rdas)\b/;

/** Words that only make sense in this knowledge base; without one a question needs a clearer match. */
export const DOMAIN_ANCHORS: ReadonlySet<string> = new Set(words.domainAnchors);
