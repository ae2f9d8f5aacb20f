// The fixed safety texts, written out word for word. Tests compare what the bot says with these, not
// with the constants of src/engine/safety.ts, so an accidental edit of a text fails a test; the one
// place they meet knowledge/texts.json is tests/engine/safetyTexts.test.ts. A deliberate change of
// wording is made in both places.

export const DISCLAIMER =
  'General information from one article, checked against published research. Not medical advice: ask your doctor or pharmacist before changing your diet, supplements or medicines.';

export const ANTICOAGULANT_WARNING =
  'Blood thinners: vitamin K2 (including natto and K2 supplements) can weaken warfarin and other vitamin K antagonists, even in small amounts. If you take one, do not start, stop or change K2 without your anticoagulation clinic or doctor.';

/** The urgent notice's parts: what to do first, why (or a reason of URGENT_REASONS), what not to do. */
export const URGENT_ACTION =
  'Seek urgent care now: call your local emergency number (or poison control for a swallowed overdose).';

export const URGENT_UNNAMED = 'This sounds like it could be an emergency.';

export const URGENT_TAIL =
  'Do not wait for an answer here, and do not change any prescribed medicine on your own.';

export const URGENT_NOTICE =
  'Seek urgent care now: call your local emergency number (or poison control for a swallowed overdose). This sounds like it could be an emergency. Do not wait for an answer here, and do not change any prescribed medicine on your own.';

/** Said in place of URGENT_UNNAMED for the emergencies without a notice of their own. */
export const URGENT_REASONS = {
  bleeding:
    'Bleeding that will not stop, large unexplained bruises, blood in urine or stool, black stool, or vomiting or coughing up blood can be serious bleeding, more so on a blood thinner.',
  clot: 'A swollen, painful leg, or sudden breathlessness or chest pain, can be a blood clot.',
  'chest-pain': 'Chest pain, pressure or tightness can be a heart attack.',
  'racing-heart': 'A racing heart with fainting, dizziness, chest pain or breathlessness needs checking now.',
  stroke:
    'A drooping face, a weak arm or leg, or slurred speech can be a stroke: note the time it started, and give nothing to eat, drink or swallow.',
  allergy:
    'Swelling of the face, lips or throat, or trouble breathing, can be a severe allergic reaction: take no more of what may have caused it.',
  'blood-pressure': 'A blood pressure of 180/120 or higher can be a hypertensive crisis.',
  collapse: 'Someone who has collapsed, cannot be woken or is having a seizure needs help now.',
  'head-injury': 'A blow to the head can bleed inside the skull hours later, more so on a blood thinner.',
  'low-blood-sugar':
    'Shaking, sweating or confusion after insulin or a missed meal can be dangerously low blood sugar.',
} as const;

/** The urgent notice a reply leads with for a kind of emergency without a notice of its own. */
export const urgentNoticeOf = (kind: keyof typeof URGENT_REASONS): string =>
  `${URGENT_ACTION} ${URGENT_REASONS[kind]} ${URGENT_TAIL}`;

export const URGENT_BODY =
  'Please act on the notice above first. I can only share general facts about vitamin K2 from one article, and I cannot assess an emergency.';

export const CRISIS_NOTICE =
  'If you or someone you know is thinking about self-harm, please reach out right now: call your local emergency number or a crisis line (in the US and Canada you can call or text 988), or tell someone near you. You do not have to handle this alone.';

export const CRISIS_BODY =
  'I am only a vitamin K2 information bot and I cannot help with this, but the people above can. Please contact them now.';

export const OVERDOSE_NOTICE =
  'Call poison control now (in the US 1-800-222-1222): this could be an overdose or a poisoning. Call your local emergency number instead if the person is hard to wake, has a seizure or has trouble breathing. Do not wait for an answer here.';

export const OVERDOSE_BODY =
  'Please act on the notice above first: food, natto or vitamin K taken at home is no treatment for an overdose or a poisoning. I can only share general facts about vitamin K2 from one article, and I cannot assess an emergency.';

/** Pills already swallowed in a crisis: poison control first, then the crisis line, both word for word. */
export const CRISIS_AFTER_OVERDOSE_NOTICE = `${OVERDOSE_NOTICE} ${CRISIS_NOTICE}`;

export const PET_NOTICE =
  'This sounds like a poisoning emergency for an animal. Call an emergency vet or an animal poison control line now, and take the packet with you. Do not wait for an answer here, and do not give the animal any human medicine or vitamin on your own.';

export const PET_BODY =
  'Please act on the notice above first. I only share general facts about vitamin K2 for people, and I cannot assess an animal.';

export const BABY_NOTICE =
  'A baby who is bleeding or bruising needs emergency care now: call your local emergency number or go to the nearest emergency department. Tell them whether the baby had the vitamin K shot at birth. Do not wait for an answer here.';

export const HELP_ARRIVED_NOTICE =
  "Good that help is with you. Follow the paramedics' and doctors' advice first, and tell them about every medicine and supplement taken, K2 included.";

/** After an emergency told earlier, when the next message says help is being called. */
export const HELP_ON_THE_WAY_BODY =
  'Good: keep going, and follow what the emergency service tells you. Tell them about every medicine and supplement taken, K2 included.';

export const PERSONAL_NOTICE =
  'I can only share general facts from the article, not advice for you personally. Your doctor or pharmacist can tell you what fits your health, doses and medicines.';

export const PERSONAL_ANTICOAGULANT_NOTICE =
  'I can only share general facts from the article, not advice for you personally. Your doctor, pharmacist or anticoagulation clinic can tell you what fits your health, doses and medicines.';

export const DOAC_NOTICE =
  "The article's caution is about warfarin-type drugs (vitamin K antagonists). Drugs like apixaban (Eliquis) or rivaroxaban (Xarelto) work differently; ask your pharmacist or prescriber before combining K2 with them.";

export const HEPARIN_NOTICE =
  "The article's caution is about warfarin-type drugs (vitamin K antagonists). Heparins such as enoxaparin (Lovenox, Clexane) work differently, and the article does not cover them; ask your pharmacist or prescriber before combining K2 with them.";

export const ANTIPLATELET_NOTICE =
  "The article's caution is about warfarin-type drugs (vitamin K antagonists). Antiplatelet drugs such as clopidogrel (Plavix) or aspirin work differently, and the article does not cover them; ask your pharmacist or prescriber before combining K2 with them.";

/** With {drug} for the drug as a reply names it ("Acenocoumarol (Sintrom)"). */
export const OTHER_VKA_NOTICE =
  '{drug} is a vitamin K antagonist, like warfarin: the blood-thinner warning applies to it, so ask the anticoagulation clinic before starting, stopping or changing any K2.';

export const PREGNANCY_NOTICE =
  'I can only share general facts from the article. In pregnancy or while breastfeeding, ask your obstetrician (OB) or midwife before adding natto in large amounts or any K2 supplement or dose.';

export const PRESCRIPTION_NOTICE =
  "Don't stop, swap or cut back a prescribed medicine for K2 on your own: the article never tests K2 as a replacement for one. Ask the doctor who prescribed it first.";
