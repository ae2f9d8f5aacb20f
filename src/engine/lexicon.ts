/**
 * The words people use, as data. Each group maps spellings, abbreviations, brand names and
 * common misspellings to one or more canonical terms. The same mapping runs over the knowledge
 * base and over questions, so "coumadin" in a question meets "warfarin" in a topic.
 *
 * Variants are written in normalised, tokenised form (lower case, words split on anything that
 * is not a letter or digit, so "mk-7" is written "mk 7").
 */

export interface SynonymGroup {
  /** Canonical terms the variants stand for. */
  to: readonly string[];
  from: readonly string[];
  /**
   * Variants that match only as typed and are never a target of typo correction: words of other
   * languages, so that an English typo ("side efects") is not read as Spanish ("efectos").
   */
  exactOnly?: boolean;
}

function matchedOnlyAsTyped(groups: readonly SynonymGroup[]): SynonymGroup[] {
  return groups.map((group) => ({ ...group, exactOnly: true }));
}

export const SYNONYM_GROUPS: readonly SynonymGroup[] = [
  // The subject itself.
  {
    to: ['k2'],
    from: [
      'k2',
      'k 2',
      'vitamin k2',
      'vitamin k 2',
      'vit k2',
      'vit k 2',
      'vitk2',
      'vitamink2',
      'vita k2',
      'vitamine k2',
      'vitamina k2',
      'k two',
      'vitamin k two',
      'kay2',
      'vk2',
      'vit k2s',
      'k2 vit',
      'k2 vitamin',
    ],
  },
  { to: ['k2', 'menaquinone'], from: ['menaquinone', 'menaquinones', 'menaquinon', 'menachinon', 'mks'] },
  {
    to: ['vitk'],
    from: [
      'vitamin k',
      'vit k',
      'vitk',
      'vitamink',
      'vitamine k',
      'vitamina k',
      'vitamin ks',
      'k vitamins',
      'k vitamin',
    ],
  },
  {
    to: ['k1'],
    from: [
      'k1',
      'k 1',
      'vitamin k1',
      'vit k1',
      'vitamin k 1',
      'phylloquinone',
      'phytonadione',
      'phytomenadione',
    ],
  },
  { to: ['k3', 'menadione'], from: ['k3', 'vitamin k3', 'vit k3', 'menadione'] },
  {
    to: ['mk7'],
    from: ['mk7', 'mk 7', 'mk07', 'menaquinone 7', 'menaquinone7', 'mk seven', 'mk 7s', 'mk7s'],
  },
  {
    to: ['mk4'],
    from: ['mk4', 'mk 4', 'mk04', 'menaquinone 4', 'menaquinone4', 'mk four'],
  },
  { to: ['mk4', 'menatetrenone'], from: ['menatetrenone', 'glakay', 'menatetrenon'] },
  // The prescription dose is named by its number: 45 mg a day, as 15 mg capsules.
  {
    to: ['menatetrenone'],
    from: [
      '45 mg',
      '45mg',
      '45 milligrams',
      '45000 mcg',
      '45 000 mcg',
      '45000 micrograms',
      '15 mg',
      '15 000 mcg',
      '15000 mcg',
      '15000 micrograms',
      '15 000 micrograms',
    ],
  },
  {
    to: ['mkn'],
    from: [
      'mk',
      'mk numbers',
      'mk number',
      'mk n',
      'mk9',
      'mk 9',
      'mk8',
      'mk 8',
      'mk10',
      'mk 10',
      'mk11',
      'mk 11',
      'mk13',
      'mk 13',
    ],
  },

  // Anticoagulants. Vitamin K antagonists are the article's concern; newer drugs are matched to
  // the same topic because that topic tells people to ask their pharmacist.
  {
    to: ['warfarin'],
    from: [
      'warfarin',
      'warfarine',
      'coumadin',
      'coumadine',
      'jantoven',
      'marevan',
      'sintrom',
      'acenocoumarol',
      'phenprocoumon',
      'marcoumar',
      'falithrom',
      'vka',
      'vkas',
      'vitamin k antagonist',
      'vitamin k antagonists',
      'blood thinner',
      'blood thinners',
      'bloodthinner',
      'bloodthinners',
      'blood thinning',
      'blood thining',
      'thinners',
      'anticoagulant',
      'anticoagulants',
      'anti coagulant',
      'anti coagulants',
      'anticoagulation',
      'anticoagulated',
    ],
  },
  {
    to: ['warfarin', 'doac'],
    from: [
      'doac',
      'doacs',
      'noac',
      'eliquis',
      'apixaban',
      'xarelto',
      'rivaroxaban',
      'pradaxa',
      'dabigatran',
      'edoxaban',
      'lixiana',
      'savaysa',
      'heparin',
      'clexane',
      'enoxaparin',
      'lovenox',
      'plavix',
      'clopidogrel',
      'brilinta',
      'ticagrelor',
    ],
  },
  { to: ['aspirin', 'warfarin'], from: ['aspirin', 'baby aspirin'] },
  {
    to: ['inr', 'warfarin'],
    from: ['inr', 'pt inr', 'inr test', 'inr level', 'inr levels', 'prothrombin time'],
  },

  // Other nutrients that travel with K2.
  {
    to: ['vitd'],
    from: [
      'd3',
      'd 3',
      'vitamin d',
      'vitamin d3',
      'vit d',
      'vit d3',
      'vitd',
      'vitd3',
      'vitamin d 3',
      'cholecalciferol',
      'd3k2',
      'k2d3',
    ],
  },
  {
    to: ['calcium'],
    from: ['calcium', 'calcium carbonate', 'calcium citrate', 'kalcium', 'calcuim', 'calcim'],
  },

  // Foods.
  {
    to: ['natto'],
    from: [
      'natto',
      'nato',
      'nattou',
      'natoo',
      'nattos',
      'fermented soybeans',
      'fermented soybean',
      'fermented soy',
      'fermented soy beans',
      'fermented soy bean',
      'fermented beans',
      // Described rather than named: "the stinky sticky beans they eat in Japan".
      ...['sticky', 'slimy', 'stinky', 'smelly', 'stringy', 'gooey', 'snotty', 'slimey', 'japanese'].flatMap(
        (what) =>
          ['beans', 'bean', 'soybeans', 'soybean', 'soy beans', 'soy bean'].map((b) => `${what} ${b}`),
      ),
      'bean dish',
    ],
  },
  {
    to: ['cheese'],
    from: [
      'cheese',
      'cheeses',
      'chese',
      'cheeze',
      'gouda',
      'jarlsberg',
      'brie',
      'camembert',
      'cheddar',
      'edam',
      'emmental',
      'emmentaler',
      'parmesan',
      'parmigiano',
      'munster',
      'gruyere',
      'swiss cheese',
      'blue cheese',
      'roquefort',
      'stilton',
      'feta',
      'mozzarella',
      'american cheese',
      'cream cheese',
    ],
  },
  { to: ['egg'], from: ['egg', 'eggs', 'eggz', 'yolk', 'yolks', 'egg yolk', 'egg yolks', 'yolk s'] },
  {
    to: ['meat'],
    from: [
      'meat',
      'meats',
      'beef',
      'steak',
      'pork',
      'salami',
      'sausage',
      'pepperoni',
      'red meat',
      'organ meat',
      'organ meats',
      'carnivore',
    ],
  },
  { to: ['meat', 'chicken'], from: ['chicken', 'chickens', 'poultry', 'turkey'] },
  {
    to: ['meat', 'liver'],
    from: ['liver', 'livers', 'pate', 'foie gras', 'goose liver', 'beef liver', 'chicken liver'],
  },
  { to: ['eel', 'fish'], from: ['eel', 'eels', 'unagi', 'anago'] },
  { to: ['fish'], from: ['fish', 'seafood', 'salmon', 'tuna', 'sardines', 'mackerel', 'shellfish'] },
  {
    to: ['dairy'],
    from: [
      'dairy',
      'milk',
      'butter',
      'ghee',
      'yogurt',
      'yoghurt',
      'yogourt',
      'kefir',
      'cream',
      'kerrygold',
      'grass fed butter',
      'grassfed butter',
    ],
  },
  {
    to: ['fermented'],
    from: [
      'fermented',
      'fermenting',
      'ferment',
      'sauerkraut',
      'saurkraut',
      'kimchi',
      'kimchee',
      'pickles',
      'pickled',
      'kombucha',
      'miso',
      'tempeh',
    ],
  },
  {
    to: ['greens'],
    from: [
      'spinach',
      'kale',
      'broccoli',
      'leafy greens',
      'greens',
      'lettuce',
      'collards',
      'brussels sprouts',
      'salad',
    ],
  },
  { to: ['vegan'], from: ['vegan', 'vegans', 'vegetarian', 'vegetarians', 'plant based', 'veggie'] },
  {
    to: ['food'],
    from: [
      'food',
      'foods',
      'diet',
      'dietary',
      'eat',
      'eating',
      'meal',
      'meals',
      'source',
      'sources',
      'naturally',
      'natural source',
      'natural sources',
      'groceries',
    ],
  },

  // Body, conditions, claims.
  {
    to: ['osteoporosis'],
    from: [
      'osteoporosis',
      'osteoporotic',
      'osteopenia',
      'osteopenic',
      'brittle bones',
      'brittle bone',
      'fragile bones',
    ],
  },
  {
    to: ['bone', 'density'],
    from: ['bone loss', 'weak bones', 'thin bones', 'low bone density', 'thinning bones', 'losing bone'],
  },
  { to: ['bone'], from: ['bone', 'bones', 'skeleton', 'skeletal', 'bone health', 'boney', 'bons'] },
  {
    to: ['bone', 'density'],
    from: ['bmd', 'bone density', 'bone mineral density', 'bone mass', 'dexa', 'dxa', 't score'],
  },
  {
    to: ['fracture'],
    from: [
      'fracture',
      'fractures',
      'broken bone',
      'broken bones',
      'break a bone',
      'hip fracture',
      'hip fractures',
      'fractured',
      'bone healing',
      'bones heal',
      'bone heal',
      'heal faster',
      'knit',
      'knit back',
      'mend',
      'broken arm',
      'broken wrist',
      'broken leg',
      'broken ankle',
      'broken hip',
      'broken foot',
      'broken rib',
      'broken collarbone',
      'broke my wrist',
      'broke my arm',
      'broke my leg',
      'broke my ankle',
      'broke my hip',
      'broke my foot',
      'cracked bone',
    ],
  },
  {
    to: ['menopause'],
    from: [
      'menopause',
      'menopausal',
      'postmenopausal',
      'post menopausal',
      'perimenopause',
      'after menopause',
    ],
  },
  {
    to: ['osteocalcin'],
    from: [
      'osteocalcin',
      'ucoc',
      'uc oc',
      'undercarboxylated',
      'under carboxylated',
      'carboxylated',
      'carboxylation',
      'carboxylate',
    ],
  },
  { to: ['mgp'], from: ['mgp', 'matrix gla', 'matrix gla protein', 'gla protein', 'gla proteins', 'gla'] },
  {
    to: ['fosamax'],
    from: [
      'fosamax',
      'alendronate',
      'bisphosphonate',
      'bisphosphonates',
      'prolia',
      'denosumab',
      'risedronate',
      'actonel',
      'boniva',
    ],
  },
  {
    to: ['brain'],
    from: [
      'brain',
      'alzheimers',
      'alzheimer',
      'alzheimer s',
      'alzeimers',
      'alzhiemers',
      'altzheimers',
      'dementia',
      'memory',
      'mind sharp',
      'mentally sharp',
      'cognitive',
      'cognition',
      'brain fog',
      'brainfog',
      'forgetful',
      'forgetfulness',
      'mci',
      'neuro',
      'neurological',
      'mental decline',
      'cognitive decline',
      'memory loss',
      'losing my memory',
      'senile',
      'senility',
      'going senile',
      'mental sharpness',
      'sharp mind',
    ],
  },
  {
    to: ['neuropathy'],
    from: [
      'neuropathy',
      'nueropathy',
      'neuropathic',
      'nerve',
      'nerves',
      'nerve pain',
      'nerve damage',
      'tingling',
      'tingly',
      'numbness',
      'numb',
      'pins and needles',
      'myelin',
    ],
  },
  {
    to: ['diabetes'],
    from: [
      'diabetes',
      'diabetic',
      'diabetics',
      'diabeties',
      'diabetis',
      'blood sugar',
      'blood sugars',
      'glucose',
      'insulin',
      'insulin resistance',
      't2d',
      't2dm',
      'type 2',
      'type ii',
      'a1c',
      'hba1c',
      'prediabetes',
      'prediabetic',
      'pre diabetic',
      'pre diabetes',
      'metformin',
    ],
  },
  {
    to: ['heart'],
    from: [
      'heart',
      'ticker',
      'cardio',
      'cardiovascular',
      'cardiac',
      'heart disease',
      'coronary',
      'chd',
      'cvd',
      'heart attack',
      'heart attacks',
      'cardiologist',
      'heart health',
      'rotterdam',
    ],
  },
  {
    to: ['artery'],
    from: [
      'artery',
      'arteries',
      'arterial',
      'vessel',
      'vessels',
      'blood vessel',
      'blood vessels',
      'vascular',
      'aorta',
      'aortic',
      'arterys',
      'arteris',
    ],
  },
  {
    to: ['calcification', 'artery'],
    from: [
      'calcification',
      'calcifications',
      'calcified',
      'calcify',
      'decalcify',
      'decalcification',
      'plaque',
      'plaques',
      'calcium score',
      'cac',
      'cac score',
      'clogged arteries',
      'clogged',
      'unclog',
      'atherosclerosis',
      'hardening',
      'hardened arteries',
      'stenosis',
      'calcium deposits',
      'calcium buildup',
      'calcium build up',
      'calcium building up',
      'calcium builds up',
      'calcium out of',
      'calcium deposit',
    ],
  },
  {
    to: ['stiffness', 'artery'],
    from: [
      'stiffness',
      'stiff arteries',
      'arterial stiffness',
      'elasticity',
      'flexible',
      'stiff',
      'stiffen',
      'stiffening',
      'getting stiff',
    ],
  },
  { to: ['blood pressure'], from: ['blood pressure', 'hypertension', 'bp'] },
  {
    to: ['cancer'],
    from: [
      'cancer',
      'cancers',
      'tumor',
      'tumour',
      'tumors',
      'chemo',
      'chemotherapy',
      'oncology',
      'oncologist',
      'carcinoma',
      'leukemia',
      'hcc',
      'anticancer',
      'anti cancer',
    ],
  },
  {
    to: ['pregnancy'],
    from: [
      'pregnant',
      'pregnancy',
      'pregant',
      'pregnent',
      'preggo',
      'preggers',
      'preg',
      'expecting',
      'breastfeeding',
      'breast feeding',
      'breastfeed',
      'nursing',
      'lactating',
      'lactation',
      'prenatal',
      'prenatals',
      'ttc',
      'trimester',
    ],
  },
  {
    to: ['baby'],
    from: ['baby', 'babies', 'newborn', 'newborns', 'infant', 'infants', 'neonate', 'neonatal'],
  },
  {
    to: ['child'],
    from: ['child', 'children', 'kid', 'kids', 'toddler', 'teen', 'teenager'],
  },

  // Blood.
  {
    to: ['clot'],
    from: [
      'clot',
      'clots',
      'clotting',
      'coagulation',
      'coagulate',
      'thicken blood',
      'thicken my blood',
      'thickens blood',
      'blood thick',
      'blood too thick',
      'blood thicker',
      'thicker',
      'thicken',
      'thickens',
      'thicker blood',
      'thick blood',
      'blood clot',
      'blood clots',
      'blood clotting',
      'prothrombin',
      'clotting factors',
    ],
  },
  {
    to: ['bleed'],
    from: [
      'bleed',
      'bleeding',
      'bleeds',
      'bled',
      'bruise',
      'bruises',
      'bruising',
      'bruised',
      'nosebleed',
      'nosebleeds',
      'nose bleed',
      'nose bleeds',
      'hemorrhage',
      'haemorrhage',
    ],
  },
  {
    to: ['deficiency'],
    from: [
      'deficiency',
      'deficient',
      'deficit',
      'insufficiency',
      'low levels',
      'low level',
      'lacking',
      'shortage',
      'not enough',
      'low in',
    ],
  },
  {
    to: ['celiac'],
    from: [
      'celiac',
      'coeliac',
      'crohns',
      'crohn',
      'colitis',
      'ibd',
      'malabsorption',
      'gastric bypass',
      'bariatric',
      'cystic fibrosis',
      'gastric sleeve',
      'sleeve gastrectomy',
      'bariatric surgery',
      'weight loss surgery',
      'stomach surgery',
      'short bowel',
      'bowel resection',
    ],
  },

  // Use.
  {
    to: ['supplement'],
    from: [
      'supplement',
      'supplements',
      'supplementation',
      'supplementing',
      'suplement',
      'suppliment',
      'supp',
      'supps',
      'pill',
      'pills',
      'capsule',
      'capsules',
      'caps',
      'tablet',
      'tablets',
      'softgel',
      'softgels',
      'gummies',
      'gummy',
      'drops',
      'multivitamin',
      'multivitamins',
      'multi',
      'product',
      'products',
      'brand',
      'brands',
      'bottle',
    ],
  },
  {
    to: ['dose'],
    from: [
      'dose',
      'doses',
      'dosage',
      'dosages',
      'dosing',
      'dosis',
      'how much',
      'how many',
      'mcg',
      'mcgs',
      'ug',
      'microgram',
      'micrograms',
      'mg',
      'milligram',
      'milligrams',
      'amount',
      'per day',
      'a day',
      'daily',
      'intake',
      'recommended',
      'rda',
      'ai',
      'adequate intake',
      'daily value',
      'dv',
      'requirement',
      'iu',
    ],
  },
  {
    to: ['sideeffect'],
    from: [
      'side effect',
      'side effects',
      'sideeffects',
      'sideeffect',
      'adverse',
      'toxic',
      'toxicity',
      'overdose',
      'overdosing',
      'od',
      'too much',
      'dangerous',
      'danger',
      'harmful',
      'harm',
      'risks',
      'allergic',
      'allergy',
      'allergies',
      'upper limit',
      'ul',
      'rash',
      'itching',
      'stomach ache',
      'stomachache',
      'upset stomach',
      'nausea',
      // A dose taken twice by mistake: is too much harmful?
      'double dose',
      'double dosed',
      'doubled up',
      'doubled my',
      'took it twice',
      'taken it twice',
      'took two doses',
      'two doses',
      'extra dose',
      'extra pill',
      'extra capsule',
      'extra tablet',
      'extra one',
      'took it again',
      'by mistake',
      'accidentally',
      'accidently',
    ],
  },
  // Everyday symptoms: not a K2 subject alone ("what causes bloating"); beside K2 they lean the
  // question towards side effects (see INTENTS).
  {
    to: ['symptom'],
    from: [
      'headache',
      'headaches',
      'dizzy',
      'dizziness',
      'palpitations',
      'stomach hurts',
      'tummy ache',
      'nauseous',
      'nauseated',
      'bloating',
      'bloated',
      'gassy',
      'diarrhea',
      'diarrhoea',
      'constipation',
      'constipated',
      'jittery',
      'feel sick',
      'feeling sick',
    ],
  },
  { to: ['safe'], from: ['safe', 'safety', 'safely', 'unsafe', 'ok to take', 'okay to take'] },
  {
    to: ['absorb'],
    from: [
      'absorb',
      'absorbed',
      'absorption',
      'absorbs',
      'absorbing',
      'bioavailability',
      'bioavailable',
      'uptake',
      'empty stomach',
      'with food',
      'with fat',
      'something oily',
      'something fatty',
      'oily food',
      'with oil',
      'with a meal',
      'fat soluble',
      'fatty meal',
    ],
  },
  {
    to: ['halflife'],
    from: ['half life', 'halflife', 'half lives', 'lasts longer', 'last longer', 'stays in', 'how long'],
  },
  {
    to: ['excrete'],
    from: [
      'excrete',
      'excreted',
      'excretion',
      'get rid',
      'eliminated',
      'elimination',
      'flush',
      'flushed',
      'pee out',
      // Where the body keeps it, not liver as a food.
      'stored in the liver',
      'stored in liver',
      'stores in the liver',
      'kept in the liver',
      'liver stores',
      'stored',
      'storage',
      'store',
      'stores',
      'build up',
      'builds up',
      'accumulate',
      'accumulates',
    ],
  },
  {
    to: ['study'],
    from: [
      'randomized',
      'randomised',
      'placebo controlled',
      'controlled trial',
      'double blind',
      'study',
      'studies',
      'research',
      'researches',
      'trial',
      'trials',
      'rct',
      'rcts',
      'evidence',
      'proof',
      'proven',
      'prove',
      'science',
      'scientific',
      'data',
      'meta analysis',
      'metaanalysis',
      'meta analyses',
      'review',
      'clinical',
      'paper',
      'papers',
    ],
  },
  {
    to: ['animal'],
    from: [
      'animal',
      'animals',
      'rat',
      'rats',
      'mice',
      'mouse',
      'rodent',
      'rodents',
      'in vitro',
      'lab studies',
      'lab study',
      'lab research',
      'lab experiments',
      'in the lab',
      'cell studies',
      'cell study',
      'cell culture',
      'cell cultures',
      'in cells',
      'bone cells',
      'petri',
      'preclinical',
    ],
  },
  { to: ['japan'], from: ['japan', 'japanese', 'asia'] },
  { to: ['bacteria'], from: ['bacteria', 'bacterial', 'bacillus', 'subtilis', 'b subtilis', 'microbes'] },
  {
    to: ['synthetic'],
    from: ['synthetic', 'synthesized', 'synthesised', 'lab made', 'man made', 'all trans', 'trans', 'cis'],
  },
  {
    to: ['made'],
    from: [
      'made',
      'produce',
      'produced',
      'production',
      'manufacture',
      'manufactured',
      'manufacturing',
      'derived',
      'come from',
      'comes from',
    ],
  },
  {
    to: ['worth'],
    from: [
      'worth',
      'worth it',
      'hype',
      'scam',
      'legit',
      'reliable',
      'trustworthy',
      'credible',
      'accurate',
      'overrated',
      'snake oil',
      'pros and cons',
      'pros cons',
      'tldr',
      'tl dr',
      'summary',
      'summarize',
      'summarise',
      'bottom line',
      'overall',
      'verdict',
    ],
  },
  {
    to: ['benefit'],
    from: ['benefit', 'benefits', 'good for', 'helps', 'help', 'useful', 'advantages'],
  },
  // "Is X high in K2": the food is the subject, these words only say "as a source".
  {
    to: ['food'],
    from: [
      'high in',
      'rich in',
      'full of',
      'loaded with',
      'contain',
      'contains',
      'containing',
      'content',
      'source of',
      'good source',
    ],
  },
  { to: ['food', 'k2'], from: ['lots of k2', 'any k2', 'have k2', 'has k2', 'contain k2', 'contains k2'] },
  {
    to: ['dose', 'intake'],
    from: [
      'rda',
      'adequate intake',
      'recommended daily',
      'recommended intake',
      'daily value',
      'daily intake',
      'daily allowance',
      'dv',
      'ai',
      'reference intake',
      'dri',
      'daily requirement',
      'recommended amount',
    ],
  },
  {
    to: ['bone', 'density'],
    from: ['denser', 'dense', 'thicker bones', 'stronger bones', 'strong bones', 'bone strength'],
  },
  {
    to: ['calcification', 'artery'],
    from: [
      'remove calcium',
      'removes calcium',
      'dissolve calcium',
      'dissolves calcium',
      'clear calcium',
      'clean arteries',
      'clean out arteries',
      'clear arteries',
      'clear out arteries',
      'scrub arteries',
      'decalcifying',
    ],
  },
  {
    to: ['absorb'],
    from: [
      'time of day',
      'what time of day',
      'in the morning',
      'at night',
      'morning or night',
      'morning or evening',
      'at bedtime',
      'before bed',
      'when to take',
      'when should i take',
      'with breakfast',
      'with dinner',
      'with lunch',
      'with meals',
      'on its own',
    ],
  },
  {
    to: ['worth'],
    from: [
      'limitations',
      'downsides',
      'drawbacks',
      'cons',
      'should i start',
      'should i take',
      'should i try',
      'should i bother',
      'should i be taking',
      'should i start taking',
      'is it worth',
      'actually work',
      'really work',
      'does it work',
      'work at all',
      'effective',
      'effectiveness',
      'overhyped',
      'over hyped',
      'hyped',
      'marketing',
      'gimmick',
      'placebo',
      'waste of money',
      'bs',
      'bullshit',
      'a fad',
      'fad',
    ],
  },
  {
    to: ['child'],
    from: [
      'year old',
      'years old',
      'yr old',
      'yrs old',
      'month old',
      'months old',
      'teens',
      'teenagers',
      'adolescent',
      'adolescents',
      'pediatric',
      'paediatric',
    ],
  },
  {
    to: ['clot'],
    from: ['sticky blood', 'blood sticky', 'blood stickier', 'stickier blood', 'blood viscosity'],
  },
  {
    to: ['bleed', 'deficiency'],
    from: [
      'bleed easily',
      'bleeding easily',
      'bleeds easily',
      'bleed a lot',
      'bruise easily',
      'bruise so easily',
      'bruise really easily',
      'bruises easily',
      'bruising easily',
      'easy bruising',
      'bruise for no reason',
      'unexplained bruising',
      'unexplained bruises',
    ],
  },
  {
    to: ['deficiency', 'k2'],
    from: [
      'low k2',
      'low on k2',
      'low in k2',
      'deficient in k2',
      'k2 deficiency',
      'k2 deficient',
      'k2 status',
    ],
  },
  {
    to: ['deficiency', 'vitk'],
    from: [
      'low vitamin k',
      'low vit k',
      'low on vitamin k',
      'not enough vitamin k',
      'vitamin k deficiency',
      'vitamin k deficient',
      'vitamin k status',
      'worry about vitamin k',
      'worry about my vitamin k',
      'worried about my vitamin k',
      'concerned about my vitamin k',
    ],
  },
  {
    to: ['deficiency'],
    from: [
      'not having enough',
      'not getting enough',
      'dont get enough',
      'too little',
      'running low',
      'run low',
      'runs low',
      'running short',
      'run short',
      'short on',
      'levels are low',
      'levels low',
      'be deficient',
      'low on',
      'not have enough',
      'lack of',
      'lack',
      'lacks',
      'missing out on',
      'missing out',
    ],
  },
  // Too little fat in the diet: vitamin K is fat-soluble, so absorption and deficiency.
  {
    to: ['absorb', 'deficiency'],
    from: ['low fat diet', 'low fat', 'fat free diet', 'no fat diet', 'very low fat'],
  },
  { to: ['dose'], from: ['low dose', 'high dose', 'low doses', 'high doses', 'megadose', 'mega dose'] },
  {
    to: ['food'],
    from: [
      'where do i get',
      'where can i get',
      'where to get',
      'get it from',
      'besides supplements',
      'without supplements',
      'without pills',
      'from food',
    ],
  },
  {
    to: ['combine'],
    from: [
      'combo',
      'combination',
      'combine',
      'combined',
      'combining',
      'together',
      'mix',
      'mixing',
      'alongside',
      'at the same time',
    ],
  },
  {
    to: ['dose', 'intake'],
    from: ['daily amount', 'official amount', 'official dose', 'recommended dose', 'how much per day'],
  },
  { to: ['adult'], from: ['adult', 'adults', 'grown ups', 'grownups', 'grown up', 'grownup'] },
  {
    to: ['interact'],
    from: [
      'interact',
      'interacts',
      'interaction',
      'interactions',
      'interfere',
      'interferes',
      'interfering',
      'interference',
      'mess with',
      'messes with',
      'mess up',
      'counteract',
      'counteracts',
      'clash',
      'conflict',
      'contraindicated',
      'contraindication',
    ],
  },
  {
    to: ['sideeffect', 'dose'],
    from: [
      'max',
      'maximum',
      'max dose',
      'maximum dose',
      'limit',
      'safe limit',
      'hurt',
      'hurts',
      'hurt you',
      'harm you',
      'bad for you',
    ],
  },
  {
    to: ['absorb'],
    from: [
      'without food',
      'with or without food',
      'with or without a meal',
      'with or without meals',
      'before food',
      'after food',
      'after eating',
      'before eating',
    ],
  },
  // Chat phrases that carry no subject: consumed so their words do not count as unknown.
  {
    to: [],
    from: [
      'keep hearing',
      'keep seeing',
      'keep reading',
      'in the body',
      'in body',
      'in my body',
      'in your body',
      'in the human body',
      'dont really get it',
      'dont get it',
      'makes sense',
      // "made up" is invented, not manufactured.
      'made up',
      'supposed to',
      'supposedly',
      'is supposed',
      // Introductions ("hi all, first time here, new in this server").
      'i am from',
      'im from',
      'first time here',
      'first time',
      'new here',
      'im new',
      'i am new',
      'new to this',
      'new in this',
      'this server',
      'the server',
      'this discord',
      'this channel',
    ],
  },
  // Trials are done in people: "randomized trials of K2 on bone density" asks for human studies.
  {
    to: ['study', 'human'],
    from: [
      'randomized',
      'randomised',
      'trial',
      'trials',
      'rct',
      'rcts',
      'controlled trial',
      'clinical trial',
      'clinical trials',
      'in humans',
      'in people',
      'human',
      'humans',
    ],
  },
  // Described rather than named: "the bone vitamin", "that calcium vitamin".
  {
    to: ['k2'],
    from: [
      'bone vitamin',
      'the bone vitamin',
      'calcium vitamin',
      'the calcium vitamin',
      'vitamin for bones',
      'that vitamin',
      'the vitamin that',
      'this vitamin that',
    ],
  },
  // What the body needs it for: the definition question ("what is K2 and why does the body need it").
  {
    to: ['define'],
    from: [
      'body need it',
      'body needs it',
      'body need it for',
      'body needs it for',
      'body use it',
      'body use it for',
      'body uses it',
      'body uses it for',
      'body is needing',
      'body needing it',
      'what does it do',
      'what is it for',
      'why do we need',
      'why do we need it',
      'do for the body',
      'do for my body',
      'do for your body',
      'does for the body',
      'it make in body',
      'make in body',
      'make in the body',
      'it make in',
      'do in body',
      'it do in body',
      'does in the body',
      'it does in the body',
    ],
  },
  // Gas6 is a vitamin K-dependent protein: naming it is a K2 question.
  { to: ['neuropathy', 'gas6'], from: ['gas6', 'gas 6', 'gas6 protein', 'tam receptors'] },
  {
    to: ['sideeffect'],
    from: [
      'tolerable upper intake level',
      'tolerable upper intake',
      'upper intake level',
      'tolerable upper limit',
      'upper level',
    ],
  },
  { to: ['worth'], from: ['well established', 'established', 'solid evidence', 'strong evidence'] },
  { to: ['soy'], from: ['soy', 'soya', 'soybean', 'soybeans', 'soy beans'] },
  // What people hope K2 does: generic on its own ("can k2 cure my hangover" has no known subject).
  {
    to: ['treat'],
    from: [
      'lower my',
      'lower his',
      'lower her',
      'bring down my',
      'get my',
      'cure',
      'cures',
      'treat',
      'treats',
      'treatment',
      'treating',
      'fix',
      'fixes',
      'heal',
      'heals',
      'reverse',
      'reverses',
      'reversing',
      'prevent',
      'prevents',
      'prevention',
      'improve',
      'improves',
      'help with',
      'protect',
      'protects',
      'remedy',
    ],
  },
  { to: ['clot', 'bleed'], from: ['wound', 'wounds', 'cuts', 'scab', 'scabs', 'injury', 'injuries'] },
  {
    to: ['medication'],
    from: [
      'meds',
      'med',
      'medication',
      'medications',
      'medicine',
      'medicines',
      'drug',
      'drugs',
      'prescription',
      'prescriptions',
      'rx',
      'pharmaceuticals',
    ],
  },
  // "What is X" questions: matched against topics whose own questions ask for a definition.
  {
    to: ['define'],
    from: [
      'in a nutshell',
      'nutshell',
      'break down',
      'breakdown',
      'rundown',
      'lowdown',
      'what role',
      'role',
      'roles',
      'function',
      'functions',
      'overview',
      'basics',
      'the basics',
      'simple words',
      'simple terms',
      'in simple',
      'simply',
      'introduction',
      'intro',
      'explained',
      'explanation',
      'beginner',
      'beginners',
      'what is',
      'what does',
      'whats',
      'what s',
      'what are',
      'wat is',
      'wht is',
      'explain',
      'eli5',
      'tell me about',
      'point of',
      'purpose of',
      'never heard',
      'heard of',
      'definition',
      'what it does',
      'what it was',
      'what actually is',
      'what exactly is',
      'what really is',
      'is it a drug',
      'drug or food',
      'a medicine or',
      'a drug or',
      'medicine or food',
      'food or drug',
      'or food thing',
      'food thing',
      'or a food',
      'what it is',
      'wut is',
      'wat s',
      'keep saying',
      'keeps saying',
      'keep telling',
      'keeps telling',
      'keeps talking about',
      'keeps mentioning',
      'even is',
      'mean',
      'meaning',
      'means',
    ],
  },
  {
    to: ['forms'],
    from: [
      'type',
      'types',
      'kind',
      'kinds',
      'form',
      'forms',
      'variant',
      'variants',
      'version',
      'versions',
      'subtypes',
    ],
  },
  // Misroutes from a blind QA run, fixed by meaning rather than by sentence.
  {
    to: ['worth'],
    from: ['pros vs cons', 'pros versus cons', 'pros or cons', 'pros', 'upsides', 'advantages'],
  },
  // "Vitamin K = Koagulation": the letter K names clotting.
  {
    to: ['clot', 'koagulation'],
    from: [
      'koagulation',
      'gerinnung',
      'the k comes from',
      'the k come from',
      'the k stand for',
      'the k stands for',
      'k stands for',
      'k stand for',
      'why is it called k',
      'called vitamin k',
      'letter k',
    ],
  },
  // Is K2 just vitamin K? A definition question.
  {
    to: ['define', 'vitk'],
    from: [
      'just regular vitamin k',
      'regular vitamin k',
      'normal vitamin k',
      'ordinary vitamin k',
      'just vitamin k',
      'same as vitamin k',
      'a different thing',
      'separate thing',
      'different vitamin',
    ],
  },
  // Study results being mixed is an evidence question; Knapen (2013) is the K2 bone trial.
  {
    to: ['study'],
    from: [
      'mixed results',
      'results are mixed',
      'results were mixed',
      'mixed evidence',
      'inconsistent results',
      'conflicting results',
      'conflicting studies',
      'results',
      'findings',
      'outcomes',
    ],
  },
  { to: ['knapen', 'study', 'bone'], from: ['knapen', 'knapen 2013', 'knapen et al'] },
  // Other menaquinones than MK-4 and MK-7 ("MK-n").
  {
    to: ['forms', 'mkn'],
    from: [
      'other types',
      'other kinds',
      'other forms',
      'more types',
      'more kinds',
      'more forms',
      'any other types',
      'any other kinds',
    ],
  },
  // Stroke risk is cardiovascular ("stroke" alone is left to the emergency gate and declines).
  {
    to: ['heart'],
    from: [
      'stroke risk',
      'risk of stroke',
      'risk of strokes',
      'strokes',
      'prevent stroke',
      'prevent a stroke',
    ],
  },
  // How MK-7 is fermented.
  {
    to: ['made', 'bacteria'],
    from: [
      'solid state',
      'liquid state',
      'solid state fermentation',
      'liquid state fermentation',
      'liquid fermentation',
      'fermentation process',
      'how do they make',
      'how is it made',
      'how is it produced',
      // Industrial production: grown in vats by bacteria.
      'vat',
      'vats',
      'tank',
      'tanks',
      'factory',
      'factories',
      'bioreactor',
      'bioreactors',
      'fermenter',
      'fermenters',
      'industrially',
      'industrial',
      'grown in',
      'grow it',
      'brewed',
      'make mk7',
      'make mk 7',
      'make k2',
      'make vitamin k2',
    ],
  },
  // "MK7 or nah": a comparison.
  { to: ['difference'], from: ['or nah', 'or na', 'or not worth it'] },
  {
    to: ['difference'],
    from: [
      'difference',
      'differences',
      'different',
      'differ',
      'vs',
      'versus',
      'compare',
      'compared',
      'comparison',
      'better',
      'which one',
    ],
  },
  // Common Spanish, Portuguese, French, German and Italian words for the main subjects, so a
  // question in another language ("vitamina k2 ayuda para los huesos?") still finds its topic.
  ...matchedOnlyAsTyped([
    {
      to: ['bone'],
      from: [
        'hueso',
        'huesos',
        'osso',
        'ossos',
        'knochen',
        'osea',
        'oseo',
        'oseos',
        'ossea',
        'osseuse',
        'osseux',
      ],
    },
    // Common misspellings of the disease: sure enough to outweigh the other words of a question.
    {
      to: ['osteoporosis'],
      from: [
        'osteoprosis',
        'osteoperosis',
        'osteoporsis',
        'osteoporisis',
        'ostioporosis',
        'osteoporoses',
        'osteporosis',
      ],
    },
    // How bone is rebuilt: the subject of the bone-health topic's sections.
    {
      to: ['bone', 'remodel'],
      from: [
        'remodeling',
        'remodelling',
        'remodel',
        'bone remodeling',
        'bone remodelling',
        'bone turnover',
        'osteoblast',
        'osteoblasts',
        'osteoclast',
        'osteoclasts',
      ],
    },
    // What a molecule looks like: the menaquinone-forms topic ("Chemical Structure of Vitamin K2").
    {
      to: ['structure'],
      from: [
        'molecule',
        'molecules',
        'molecular',
        'chemical structure',
        'structure',
        'chemically',
        'side chain',
        'same molecule',
        'another name for',
        'other name for',
        'same compound',
        'same substance',
        'same chemical',
      ],
    },
    // Picking a product by what the article says to look for (not rating brands).
    {
      to: ['choose'],
      from: [
        'pick',
        'picking',
        'pick out',
        'select',
        'selecting',
        'look for',
        'what to look for',
        'good quality',
        'high quality',
        'reputable',
      ],
    },
    { to: ['osteoporosis'], from: ['osteoporose', 'osteoporosi', 'osteoporotica', 'osteopenie'] },
    {
      to: ['heart'],
      from: [
        'corazon',
        'coracao',
        'coeur',
        'herz',
        'cuore',
        'cardiaco',
        'cardiaca',
        'cardiaque',
        'cardiovasculaire',
      ],
    },
    { to: ['artery'], from: ['arteria', 'arterias', 'arteres', 'arterien', 'arterie'] },
    {
      to: ['pregnancy'],
      from: [
        'embarazo',
        'embarazada',
        'gravidez',
        'gravida',
        'gestante',
        'grossesse',
        'enceinte',
        'schwangerschaft',
        'schwanger',
        'incinta',
        'gravidanza',
      ],
    },
    {
      to: ['dose'],
      from: [
        'dosagem',
        'posologie',
        'dosierung',
        'dosaggio',
        'cuanto',
        'cuanta',
        'quanto',
        'quanta',
        'combien',
        'wie viel',
        'wieviel',
      ],
    },
    {
      to: ['benefit'],
      from: [
        'ayuda',
        'ayudar',
        'sirve',
        'ajuda',
        'ajudar',
        'aide',
        'aider',
        'hilft',
        'hilfe',
        'aiuta',
        'beneficios',
        'bienfaits',
      ],
    },
    {
      to: ['food'],
      from: ['alimentos', 'alimento', 'comida', 'aliments', 'nourriture', 'lebensmittel', 'alimenti'],
    },
    {
      to: ['sideeffect'],
      from: [
        'efectos secundarios',
        'efeitos colaterais',
        'effets secondaires',
        'nebenwirkungen',
        'effetti collaterali',
      ],
    },
    { to: ['cheese'], from: ['queso', 'quesos', 'queijo', 'fromage', 'fromages', 'kase', 'formaggio'] },
    { to: ['egg'], from: ['huevo', 'huevos', 'oeuf', 'oeufs', 'eier'] },
    { to: ['k2'], from: ['vitamina k 2', 'vitamine k 2'] },
    { to: ['define'], from: ['que es', 'o que e', 'quest ce que', 'was ist', 'cos e'] },
  ]),
];

/**
 * Misspellings listed above. They match when typed, but typo correction never aims at them:
 * "chest" must not become "chese" (and so "cheese").
 */
export const KNOWN_TYPOS: ReadonlySet<string> = new Set([
  'nato',
  'natoo',
  'nattou',
  'chese',
  'cheeze',
  'eggz',
  'calcuim',
  'calcim',
  'kalcium',
  'warfrin',
  'alzeimers',
  'alzhiemers',
  'altzheimers',
  'diabeties',
  'diabetis',
  'nueropathy',
  'pregant',
  'pregnent',
  'suplement',
  'suppliment',
  'saurkraut',
  'arterys',
  'arteris',
  'bons',
  'boney',
  'menachinon',
  'menaquinon',
  'menatetrenon',
  'thining',
  'kimchee',
  'yogourt',
  'dosis',
]);

/** Every canonical term the lexicon produces. */
export const CONCEPTS: ReadonlySet<string> = new Set(SYNONYM_GROUPS.flatMap((g) => g.to));

/**
 * Concepts that say how something is asked rather than what about ("what is", "good for"):
 * they break ties between topics but must not outweigh the subject of the question.
 */
export const CONCEPT_WEIGHTS: Readonly<Record<string, number>> = {
  define: 0.35,
  choose: 0.6,
  treat: 0.5,
  medication: 0.5,
  combine: 0.5,
  benefit: 0.5,
  forms: 0.7,
  safe: 0.7,
  difference: 0.8,
  supplement: 0.8,
  food: 0.8,
  dose: 0.9,
};

/**
 * Terms that match almost any K2 question. A question needs at least one other matched word
 * (its subject) to be answered when it also holds words the knowledge base does not know.
 */
export const GENERIC_TERMS: ReadonlySet<string> = new Set([
  'treat',
  'k2',
  'vitk',
  'menaquinone',
  'define',
  'benefit',
  'forms',
  'safe',
  'difference',
  'supplement',
  'medication',
  'combine',
]);

/**
 * General health subjects. Without a K2 word, a question only about these ("is red wine good
 * for the heart", "normal blood pressure") is a general health question, not one for this bot.
 */
export const GENERAL_HEALTH_TERMS: ReadonlySet<string> = new Set([
  'symptom',
  'heart',
  'blood pressure',
  'diabetes',
  'brain',
  'osteoporosis',
  'cancer',
  'bone',
  'density',
  'fracture',
  'artery',
  'stiffness',
  'pregnancy',
  'neuropathy',
  'child',
  'baby',
  'menopause',
  'calcium',
  'sideeffect',
  'deficiency',
  'dose',
  'intake',
  'absorb',
  'study',
  'japan',
  'fish',
  'greens',
  'vegan',
  'bleed',
  'clot',
  'worth',
  'made',
  'halflife',
  'excrete',
  'celiac',
  'soy',
  // Anticoagulants on their own are a drug question for the pharmacist.
  'warfarin',
  'doac',
  'inr',
  'aspirin',
  // Foods are everyday subjects too: "is milk good for bones" is a nutrition question.
  'cheese',
  'egg',
  'meat',
  'chicken',
  'liver',
  'dairy',
  'fermented',
  'food',
]);

/**
 * Chat filler and function words. They carry no topic, so they are dropped before scoring;
 * a message made only of these ("hi", "thanks lol") has nothing to answer.
 */
export const STOP_WORDS: ReadonlySet<string> = new Set(
  `a about above after again against all am an and any are arent as at be because been before being below
  between both but by can cant could couldnt did didnt do does doesnt doing dont down during each few for
  from further had hadnt has hasnt have havent having he hed hes her here heres hers herself him himself his
  how hows i id ill im ive if in into is isnt it its itself lets me more most mustnt my myself no nor not of
  off on once only or other ought our ours ourselves out over own same shant she shed shes should shouldnt so
  some such than that thats the their theirs them themselves then there theres these they theyd theyll theyre
  theyve this those through to too under until up very was wasnt we wed well were weve werent what whats when
  whens where wheres which while who whos whom why whys will with wont would wouldnt you youd youll youre youve
  your yours yourself yourselves u ur r ya yall yo hi hey hello hiya heya howdy sup thanks thank thx ty pls
  plz please lol lmao rofl haha hahaha xd omg ok okay k yes yeah yep nope nah hmm um uh er oh ah guys guy
  everyone anyone someone somebody anybody bro dude fam folks friend friends people person just really
  actually basically literally like kinda sorta maybe probably pretty quite also even still already
  something anything thing things stuff question questions quick wondering wonder curious know knows
  tell explain mean means meaning get got getting gets go going gonna wanna want wants need needs take
  taking takes took use using used try trying tried think thought say says said said see seen look
  looking let lemme gimme give work works worked working much many lot lots little bit one two also ever
  every way ways day days week weeks month months year years time times today now currently recently
  lately new old good bad best worst great better right wrong true false real fake sure okay fine
  should would could might must shall may can will did does do is are was were am be
  there here ive id im its thats whats hows whys wheres theres someones else etc eg ie via per
  vitamin vitamins vit vits supplement mom mum mommy mother dad daddy father husband wife grandma grandpa
  grandmother grandfather granny nana partner boyfriend girlfriend sister brother aunt uncle hubby wifey
  ppl peeps sometimes often usually always never someone somebody everybody anyway though tho btw imo
  idk tbh ngl fyi asap rn ask asks asked asking told everywhere anywhere somewhere everything nothing
  different same seeing seems seem apparently supposedly honestly seriously totally definitely
  exactly specifically especially generally normally basically anyways yesterday tomorrow tonight
  online internet google youtube reddit tiktok facebook instagram twitter forum forums group article articles
  post posts video videos thanks advance cheers regards neighbour neighbor neighbours neighbors
  coworker coworkers colleague colleagues boss roommate doc user users concern concerns worry worries
  worried hello hi telling heard saw seen read reading nan gran grandad grandparents
  mi mis madre padre tiene tengo tienes el la los las del para con por una uno es esta estoy pero como
  minha meu tem tenho com uma mae pai ma mon mes est et avec pour le les du des une mere pere mais
  mein meine meiner ist und mit fur fuer bei der die das ein eine mutter vater aber mia mio ha sono`
    .split(/\s+/)
    .filter((w) => w.length > 0 && w !== 'supplement'),
);

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
export const WARFARIN_COMPANIONS: ReadonlySet<string> = new Set([
  'food',
  'cheese',
  'egg',
  'meat',
  'chicken',
  'liver',
  'dairy',
  'fermented',
  'greens',
  'fish',
  'supplement',
  'vitd',
  'interact',
  'dose',
]);

/**
 * References to the article itself and figures distinctive to it ("the article says", "the 2022
 * meta-analysis", "6,425 women", "10-gram", "15,000 mcg", "45 mg", "150 mcg per tablespoon",
 * "96 hours", "the RDA"): in this bot they point at K2 as surely as "K2" does. Not when another
 * nutrient is named (search checks OTHER_NUTRIENT): "the RDA of vitamin C" is not about K2.
 */
export const ARTICLE_ANCHOR =
  /\b((the|this|that|your|ur|ths|an|one) (article|articles|post|writeup|write up|blog post|piece)|article (says|said|states|stated|claims|claimed|mentions|mentioned|recommends|suggests|talks)|6,?425|2022 (meta|study|studies|review|analysis)|10-(gram|grams|g)|10 ?(gram|grams|g) (increase|rise|more)|15,?000 ?(mcg|micrograms|ug)?|45 ?(mg|milligrams)|150 ?(mcg|micrograms)|96 ?(hours|hrs|h)|6 ?(-|to) ?8 hours|rda|rdas)\b/;

/**
 * Words that only make sense in this knowledge base. Without one of them a question needs a
 * clearer match, because everyday words ("heart", "cheese", "memory") also occur off topic.
 */
export const DOMAIN_ANCHORS: ReadonlySet<string> = new Set([
  'k2',
  'vitk',
  'k1',
  'k3',
  'menadione',
  'mk7',
  'mk4',
  'mkn',
  'menaquinone',
  'menatetrenone',
  'natto',
  'osteocalcin',
  'mgp',
  'gas6',
  'knapen',
  'koagulation',
]);
