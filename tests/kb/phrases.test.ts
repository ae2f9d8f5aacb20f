import { describe, expect, it } from 'vitest';
import { copyKnowledge, editJson, type Json, loadError } from './knowledgeCopies.ts';

type Lists = Record<string, Json>;

describe('lexicon/phrases.json and the wordings of lexicon/gate.json on load', () => {
  it.each<[string, string, string, string, (data: Json) => void]>([
    [
      'a list the code reads, missing',
      'lexicon/phrases.json',
      'lists.k2Vocabulary',
      'expected object',
      (d) => delete (d.lists as Lists).k2Vocabulary,
    ],
    [
      'a list the code does not read',
      'lexicon/phrases.json',
      'lists',
      'k2Words',
      (d) => {
        (d.lists as Lists).k2Words = { words: ['k2'] };
      },
    ],
    [
      'an intent nudging a category that does not exist',
      'lexicon/phrases.json',
      'intents[0].categories[0]',
      'dosage',
      (d) => {
        ((d.intents as Json[])[0] as Json).categories = ['dosing'];
      },
    ],
    [
      'an intent with words and a list',
      'lexicon/phrases.json',
      'intents[0]',
      'one of "words", "patterns" or "sameAs"',
      (d) => {
        ((d.intents as Json[])[0] as Json).sameAs = 'everydaySymptoms';
      },
    ],
    [
      'a personal pattern that does not compile',
      'lexicon/phrases.json',
      'personal[0].patterns[0]',
      'is not a valid pattern',
      (d) => {
        (d.personal as Json[])[0] = { patterns: ['\\b(should|can i\\b'] };
      },
    ],
    [
      'a gate wording missing',
      'lexicon/gate.json',
      'wordings.stroke',
      'expected object',
      (d) => delete (d.wordings as Lists).stroke,
    ],
    [
      'a gate wording listed twice',
      'lexicon/gate.json',
      'wordings.selfHarm.words[1]',
      '"suicid\\w*" is listed twice',
      (d) => {
        (d.wordings as Lists).selfHarm = { words: ['suicid\\w*', 'suicid\\w*'] };
      },
    ],
  ])('rejects %s, naming %s and %s', (_problem, file, field, message, breakFile) => {
    const dir = copyKnowledge();
    editJson(dir, file, breakFile);
    const error = loadError(dir);
    expect(error.file.endsWith(file.split('/')[1] as string)).toBe(true);
    expect(error.field).toContain(field);
    expect(error.message).toContain(message);
  });
});
