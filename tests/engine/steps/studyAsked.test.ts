import { describe, expect, it } from 'vitest';
import { factIndexOf } from '../../../src/engine/factIndex.ts';
import { normalizeText } from '../../../src/engine/normalize.ts';
import { pointsAtAStudy, studyAsked } from '../../../src/engine/studyAsked.ts';
import { sharedEngine, sharedTopicIndex } from '../../sharedEngine.ts';

// Blind rounds and the development set: "how many women were in the 3-year mk7 bone trial" got
// supplement doses, because "mk7" and "dose" chose the topic and the trial's fact is in another.
describe('a question about one study the article cites', () => {
  const engine = sharedEngine();

  it.each([
    [
      'how many people took part in that 3 year mk-7 study on bone density',
      'bone-health/three-year-180mcg-trial',
    ],
    [
      'what was the rise in coronary calcium in the 45 mg menatetrenone study',
      'vascular-calcification/mk4-open-study',
    ],
  ])('%s', (question, fact) => {
    const answer = engine.ask(question);
    expect(answer.facts[0]).toBe(fact);
    expect(answer.topic?.id).toBe(fact.split('/')[0]);
  });

  // AVADEC is told as a D3 trial and as a calcification trial: either fact answers.
  it.each(['how long did the AVADEC trial go on', 'did the 720 mcg trial with vitamin d stop calcification'])(
    'a study named by its name or figure leads, in whichever topic tells it: %s',
    (question) => {
      const answer = engine.ask(question);
      expect(answer.facts[0]).toMatch(/avadec-trial|calcification-trial/);
      expect(answer.body).toMatch(/AVADEC.*2 years/);
    },
  );

  // Blind round 42: "a large 2022 analysis of vitamin K2 in postmenopausal women. How many women were
  // involved…?" got the daily intake: "a" named no one study, and the facts that tell of the 2022
  // meta-analysis were rivals of each other.
  it('a year before the study noun names it, and the facts that give that year are one study', () => {
    const answer = engine.ask('read about some huge 2022 analysis on k2 and older women, what did it find?');
    expect(answer.facts[0]).toMatch(/^bone-human-studies\//);
    expect(answer.body.split('. ')[0]).toMatch(/2022/);
  });

  it('other figures in the message ("in my 50s") name no study', () => {
    expect(
      engine.ask("i'm in my 50s and post menopause. what did the big trials find for k2 and bone density?")
        .topic?.id,
    ).not.toBe('cheese');
  });

  it('a figure the asker gives names the study, whatever other words another study shares', () => {
    const answer = engine.ask('what did the 2022 meta-analysis conclude about k2 and bone');
    expect(answer.body.split('. ')[0]).toMatch(/2022/);
  });
});

// Found running the terminal chat as a newcomer: after "my dad takes warfarin…", "how many women were
// in the 3 year mk7 bone trial" opened "No dose is known to be safe with warfarin-type drugs".
describe('a study asked about by someone on warfarin', () => {
  it('opens with the study, the blood-thinner facts after it', () => {
    const conversation = sharedEngine().startConversation();
    conversation.ask('my dad takes warfarin, can he have k2 for his bones?');
    const answer = conversation.ask('how many women were in the 3 year mk7 bone trial');
    expect(answer.facts[0]).toBe('bone-health/three-year-180mcg-trial');
  });
});

describe('pointsAtAStudy', () => {
  it('reads "the", "that" or "this" a few words before a study noun', () => {
    expect(pointsAtAStudy(normalizeText('what did that dutch cohort find'))).toBe(true);
    expect(pointsAtAStudy(normalizeText('in the 3 year mk7 bone density trial, what happened'))).toBe(true);
  });

  it('not studies in general, nor a pointer in another clause', () => {
    expect(pointsAtAStudy(normalizeText('is there any study on k2 and acne'))).toBe(false);
    expect(pointsAtAStudy(normalizeText('is it good for the heart, any studies?'))).toBe(false);
  });

  it('names no one study when several fit as well', () => {
    const index = sharedTopicIndex();
    const text = normalizeText('what did the studies show about k2 and bones');
    expect(studyAsked(text, index.analyzer.analyze(text), factIndexOf(index))).toBeNull();
  });
});
