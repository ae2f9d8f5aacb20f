import { describe, expect, it } from 'vitest';
import { definitionAsked } from '../../../src/engine/definitionAsked.ts';
import { factIndexOf } from '../../../src/engine/factIndex.ts';
import { normalizeText } from '../../../src/engine/normalize.ts';
import { sharedEngine, sharedTopicIndex } from '../../sharedEngine.ts';

const facts = factIndexOf(sharedTopicIndex());
const engine = sharedEngine();
const asked = (text: string) =>
  definitionAsked(normalizeText(text), facts, normalizeText(text))?.fullId ?? null;

describe('definitionAsked: a request for the definition of a term a fact defines', () => {
  it.each([
    ['what is INR?', 'clotting-function/inr-test'],
    ["what's MK-7", 'menaquinone-forms/mk4-and-mk7'],
    ['wtf is menatetrenone', 'menaquinone-forms/mk4-and-mk7'],
    ['what even is k2?? is it a different thing from vitamin k', 'k2-overview/menaquinone-family'],
    ['what does anticoagulant even mean', 'clotting-function/what-anticoagulants-are'],
    ['what does DOAC stand for', 'warfarin-interaction/doacs-differ'],
    ['no idea what osteocalcin is, sorry', 'bone-proteins/osteocalcin-carboxylation'],
    ['what do doctors mean by blood thinners', 'clotting-function/what-anticoagulants-are'],
    ['define phylloquinone', 'k1-vs-k2/k1-sources'],
    ['whats a menaquinone', 'k2-overview/menaquinone-family'],
    ['what is this k2 thing everyone talks about', 'k2-overview/menaquinone-family'],
    // Whether it is another thing (blind round 11: "is 'neuropathy' the same thing as nerve damage?").
    [
      'hold on, is osteocalcin the same as the bone protein people talk about?',
      'bone-proteins/osteocalcin-carboxylation',
    ],
    ['is inr just another word for clotting time', 'clotting-function/inr-test'],
    // Blind round 14: asked beside a story about cells self-destructing, it got the arteries facts.
    ['sorry but what is apoptosis exactly', 'cancer-claims/apoptosis'],
    // "It" stands for the one defined thing the message names.
    ['heard k2 is good for bones. what is it exactly and do i need it?', 'k2-overview/menaquinone-family'],
    // Wanting to understand it (blind round 19: a report said "extensive vascular calcification").
    [
      'the scan report mentioned arterial calcification and it scared me. i just want to understand it',
      'vascular-calcification/calcification-meaning',
    ],
    ['can someone help me understand inr', 'clotting-function/inr-test'],
  ])('%s → %s', (text, fact) => {
    expect(asked(text)).toBe(fact);
  });

  it.each([
    // Another question about the term, not its definition.
    'what is k2 good for',
    'what is in natto',
    'what is the best dose of mk7',
    "what's natto's k2 content",
    'what does k2 do for bones',
    // No term a fact defines.
    'what is a good breakfast',
    // "It" with two defined things named is not read.
    'i take mk7 and eat natto, what is it exactly',
  ])('%s → none', (text) => {
    expect(asked(text)).toBeNull();
  });
});

describe('a definition leads the reply', () => {
  it.each([
    ['what is INR?', 'clotting-function/inr-test'],
    ['what is mk7?', 'menaquinone-forms/mk4-and-mk7'],
    ["what's osteocalcin", 'bone-proteins/osteocalcin-carboxylation'],
    ['heard k2 is good for bones. what is it exactly and do i need it?', 'k2-overview/menaquinone-family'],
    ['wait so what even is k2, same as vitamin k or different?', 'k2-overview/menaquinone-family'],
  ])('%s → first fact %s', (text, fact) => {
    const answer = engine.ask(text);
    expect(answer.kind).toBe('answer');
    expect(answer.facts[0]).toBe(fact);
  });

  it('a follow-up naming only another term gets its definition, though the reply before showed it', () => {
    const conversation = engine.startConversation();
    conversation.ask('what is mk7');
    expect(conversation.ask('what about mk4?').facts[0]).toBe('menaquinone-forms/mk4-and-mk7');
  });

  it('a follow-up asking its own point about the term is not a definition', () => {
    const conversation = engine.startConversation();
    conversation.ask('what is mk7');
    expect(conversation.ask('is mk4 better?').facts[0]).not.toBe('menaquinone-forms/mk4-and-mk7');
  });

  // The article's own technical words: readers of a study summary ask what they mean.
  it.each([
    ['what does hemorrhage mean?', 'deficiency-risk/hemorrhage-meaning', /^A hemorrhage is bleeding/],
    [
      'sorry, whats osteopenia',
      'bone-lab-and-animal-studies/osteopenia-meaning',
      /^Osteopenia is bone density/,
    ],
    ['what is a meta analysis', 'bone-human-studies/meta-analysis-meaning', /^A meta-analysis pools/],
    ['what does glucuronidated even mean', 'absorption-excretion/metabolites-meaning', /^Metabolites are/],
    ['define trabecular bone', 'bone-lab-and-animal-studies/trabecular-meaning', /^Trabecular bone is/],
    // A duration is the figure of its fact, not the answer: the meaning comes first.
    ['what does half-life mean', 'menaquinone-forms/half-life-meaning', /^Half-life is the time/],
    [
      'explain trabecular bone to me',
      'bone-lab-and-animal-studies/trabecular-meaning',
      /^Trabecular bone is/,
    ],
    // Blind round 20: "whats carboxylation?" got the ucOC marker, which uses the word unexplained.
    [
      'sorry what does carboxylated mean',
      'bone-proteins/carboxylation-meaning',
      /^Carboxylation is how vitamin K activates/,
    ],
  ])('%s → the meaning first (%s)', (text, fact, opening) => {
    const answer = engine.ask(text);
    expect(answer.facts[0]).toBe(fact);
    expect(answer.body).toMatch(opening);
  });

  it.each([
    ['how is k2 absorbed and how does it leave the body', 'absorption-excretion/fat-soluble-meaning'],
    ['does k2 help older people whose memory is getting worse', 'brain-alzheimers/cognitive-decline-meaning'],
    ['what did the big 2022 review of bone trials find', 'bone-human-studies/meta-analysis-meaning'],
  ])('a definition-only fact is not shown when its term is not asked about: %s', (text, fact) => {
    const answer = engine.ask(text);
    expect(answer.kind).toBe('answer');
    expect(answer.facts).not.toContain(fact);
  });

  it('a fact written to define a term does not lead a question about something else', () => {
    const answer = engine.ask('what does k2 do for blood clotting');
    expect(answer.facts[0]).not.toBe('clotting-function/what-anticoagulants-are');
  });
});

// "what is osteoporosis" was declined with "which part of vitamin K2 do you mean": the fact that says
// what it is named no term (`defines`), and a question with no K2 word is capped.
describe('a condition the knowledge explains', () => {
  const engine = sharedEngine();

  it('"whats osteoporosis exactly?" leads with what it is', () => {
    const a = engine.ask('whats osteoporosis exactly?');
    expect(a.kind).toBe('answer');
    expect(a.facts?.[0]).toBe('osteoporosis/what-is-osteoporosis');
  });
});

// "inr meaning?" was declined with "which part of vitamin K2 do you mean": a term followed only by
// the word for its meaning asks for its definition, as "what does INR mean" does.
describe('a term followed by "meaning"', () => {
  const engine = sharedEngine();

  it.each([
    ['INR meaning?', 'clotting-function/inr-test'],
    ['osteoporosis definition pls', 'osteoporosis/what-is-osteoporosis'],
  ])('%j leads with the definition', (q, fact) => {
    const a = engine.ask(q);
    expect(a.kind).toBe('answer');
    expect(a.facts?.[0]).toBe(fact);
  });
});

// "what is k2's role in the body" was declined: "k2's" lost its apostrophe and read as an unknown
// word "k2s", so nothing named K2; and "its job" asks what something does, as "its role" does.
describe("K2's with an apostrophe, and what its job is", () => {
  const engine = sharedEngine();

  it.each([
    ["what is k2's role in the body", 'k2-overview/cofactor-role'],
    ['how does k2 do its job', 'k2-overview/cofactor-role'],
  ])('%j says what K2 does', (q, fact) => {
    const a = engine.ask(q);
    expect(a.kind).toBe('answer');
    expect(a.facts?.[0]).toBe(fact);
  });
});
