import { describe, expect, it } from 'vitest';
import { sharedEngine } from '../sharedEngine.ts';

// A K2 question about a point the article never covers is partly covered: the reply says so
// first and gives the nearest facts, instead of declining the K2 question whole.
describe('a K2 question about a condition the article never mentions', () => {
  const engine = sharedEngine();

  it.each([
    ['is k2 any use for lupus', "The article doesn't cover lupus."],
    ['does k2 help with gout', "The article doesn't cover gout."],
  ])('%s: says so first, then what the evidence on K2 is', (question, opening) => {
    const answer = engine.ask(question);
    expect(answer.kind).toBe('answer');
    expect(answer.coverage).toBe('partial');
    expect(answer.body.startsWith(opening)).toBe(true);
    expect(answer.facts).toContain('evidence-summary/promise-conditions');
  });

  it('a condition asked about its own topic keeps that topic’s facts', () => {
    const answer = engine.ask('k2 for type 1 diabetes any use?');
    expect(answer.coverage).toBe('partial');
    expect(answer.facts.every((id) => id.startsWith('diabetes/'))).toBe(true);
  });

  it.each([
    'k2 and thyroid pills, any issue?', // a medicine: a pharmacist's question
    'does k2 help prevent kidney stones', // kidney disease changes what applies: still declined
    'k2 mountain height', // not the vitamin
  ])('%s: still declined', (question) => {
    expect(engine.ask(question).kind).toBe('decline');
  });
});
