import { rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadKnowledge } from '../../src/kb/load.ts';
import { copyKnowledge, editJson, type Json, loadError } from './knowledgeCopies.ts';

const listIn = (data: Json, key: string) => data[key] as Json[];
const first = (list: Json[]) => list[0] as Json;

describe('loadKnowledge on broken knowledge', () => {
  it.each<[string, string, string, (dir: string) => void]>([
    [
      'invalid JSON',
      'topics/natto.json',
      '',
      (dir) => writeFileSync(join(dir, 'topics/natto.json'), '{ "id": "natto", '),
    ],
    [
      'a missing field',
      'topics/natto.json',
      'summary',
      (dir) =>
        editJson(dir, 'topics/natto.json', (topic) => {
          delete topic.summary;
        }),
    ],
    [
      'a wrong type',
      'topics/eel.json',
      'popular',
      (dir) =>
        editJson(dir, 'topics/eel.json', (topic) => {
          topic.popular = 'yes';
        }),
    ],
    [
      'a summary over 600 characters',
      'topics/eel.json',
      'summary',
      (dir) =>
        editJson(dir, 'topics/eel.json', (topic) => {
          topic.summary = 'Eel is listed in the article. '.repeat(25);
        }),
    ],
    [
      'an unknown category',
      'topics/cheese.json',
      'category',
      (dir) =>
        editJson(dir, 'topics/cheese.json', (topic) => {
          topic.category = 'dairy';
        }),
    ],
    [
      'a quote not in the article',
      'topics/diabetes.json',
      'facts[1].quote',
      (dir) =>
        editJson(dir, 'topics/diabetes.json', (topic) => {
          (listIn(topic, 'facts')[1] as Json).quote =
            'For every 10-microgram increase in dietary vitamin K2, the risk drops by 7%.';
        }),
    ],
    [
      'a related id with no topic',
      'topics/natto.json',
      'related[0]',
      (dir) =>
        editJson(dir, 'topics/natto.json', (topic) => {
          topic.related = ['tempeh'];
        }),
    ],
    [
      'an id that does not match the file name',
      'topics/eel.json',
      'id',
      (dir) =>
        editJson(dir, 'topics/eel.json', (topic) => {
          topic.id = 'unagi';
        }),
    ],
    [
      'an instruction in a summary',
      'topics/natto.json',
      'summary',
      (dir) =>
        editJson(dir, 'topics/natto.json', (topic) => {
          topic.summary = 'Natto is the richest K2 food. Eat a tablespoon every day.';
        }),
    ],
    [
      'a situation with no such subject',
      'lexicon/focus.json',
      'situationFacts[0].subject',
      (dir) =>
        editJson(dir, 'lexicon/focus.json', (focus) => {
          (listIn(focus, 'situationFacts')[0] as Json).subject = 'astronauts';
        }),
    ],
    [
      'a reference fact that names no fact',
      'lexicon/focus.json',
      'referenceFacts[0].facts[0]',
      (dir) =>
        editJson(dir, 'lexicon/focus.json', (focus) => {
          (listIn(focus, 'referenceFacts')[0] as Json).facts = ['daily-intake/per-fortnight'];
        }),
    ],
    [
      'a speech verb of two words, where speakers are read one word at a time',
      'lexicon/focus.json',
      'claimSpeakers.verbs[0]',
      (dir) =>
        editJson(dir, 'lexicon/focus.json', (focus) => {
          ((focus as Json).claimSpeakers as Json).verbs = ['told me', 'says'];
        }),
    ],
    [
      "a point of the vitamin's own answered by no topic",
      'lexicon/focus.json',
      'vitaminOwnPoints[0].topic',
      (dir) =>
        editJson(dir, 'lexicon/focus.json', (focus) => {
          (listIn(focus, 'vitaminOwnPoints')[0] as Json).topic = 'vitamin-k2-safety';
        }),
    ],
    [
      'a reason that names no fact',
      'topics/natto.json',
      'facts[1].because[0]',
      (dir) =>
        editJson(dir, 'topics/natto.json', (topic) => {
          (listIn(topic, 'facts')[1] as Json).because = ['natto/tempeh-amount'];
        }),
    ],
    [
      'a term two facts define',
      'topics/natto.json',
      'facts[1].defines[0]',
      (dir) =>
        editJson(dir, 'topics/natto.json', (topic) => {
          (listIn(topic, 'facts')[1] as Json).defines = ['Natto'];
        }),
    ],
    [
      'a fact shown only as a definition that defines nothing',
      'topics/eel.json',
      'facts[0].definitionOnly',
      (dir) =>
        editJson(dir, 'topics/eel.json', (topic) => {
          (listIn(topic, 'facts')[0] as Json).definitionOnly = true;
        }),
    ],
    [
      'a fact answered only when asked, with no words to be asked with',
      'topics/eel.json',
      'facts[0].askedOnly',
      (dir) =>
        editJson(dir, 'topics/eel.json', (topic) => {
          const fact = listIn(topic, 'facts')[0] as Json;
          fact.askedOnly = true;
          delete fact.keywords;
          delete fact.questions;
        }),
    ],
    [
      'a fact given as its own reason',
      'topics/eel.json',
      'facts[0].because[0]',
      (dir) =>
        editJson(dir, 'topics/eel.json', (topic) => {
          (listIn(topic, 'facts')[0] as Json).because = ['eel/eel-amount'];
        }),
    ],
    [
      'a fact without an id',
      'topics/absorption-excretion.json',
      'facts[4].id',
      (dir) =>
        editJson(dir, 'topics/absorption-excretion.json', (topic) => {
          delete (listIn(topic, 'facts')[4] as Json).id;
        }),
    ],
    [
      'a fact id used twice in one topic',
      'topics/natto.json',
      'facts[2].id',
      (dir) =>
        editJson(dir, 'topics/natto.json', (topic) => {
          (listIn(topic, 'facts')[2] as Json).id = first(listIn(topic, 'facts')).id;
        }),
    ],
    [
      'a fact without an id, in another topic',
      'topics/eel.json',
      'facts[1].id',
      (dir) =>
        editJson(dir, 'topics/eel.json', (topic) => {
          delete (listIn(topic, 'facts')[1] as Json).id;
        }),
    ],
    [
      "a fact id used twice (an earlier fact takes the later one's), the later fact's",
      'topics/absorption-excretion.json',
      'facts[6].id',
      (dir) =>
        editJson(dir, 'topics/absorption-excretion.json', (topic) => {
          (listIn(topic, 'facts')[3] as Json).id = 'excretion';
        }),
    ],
    [
      'a yes/no claim with a polarity outside yes, no, not-known and depends',
      'topics/natto.json',
      'facts[0].answers[0].polarity',
      (dir) =>
        editJson(dir, 'topics/natto.json', (topic) => {
          first(listIn(topic, 'facts')).answers = [
            { claim: 'natto is made from soybeans', polarity: 'maybe' },
          ];
        }),
    ],
    [
      'a fact id that is not a kebab-case slug',
      'topics/eel.json',
      'facts[0].id',
      (dir) =>
        editJson(dir, 'topics/eel.json', (topic) => {
          first(listIn(topic, 'facts')).id = 'Eel Amount';
        }),
    ],
    [
      'an instruction in a fact',
      'topics/daily-intake.json',
      'facts[0].text',
      (dir) =>
        editJson(dir, 'topics/daily-intake.json', (topic) => {
          first(listIn(topic, 'facts')).text = 'You should take 120 mcg a day.';
        }),
    ],
    [
      'an instruction in a dose text',
      'doses.json',
      'doses[0].text',
      (dir) =>
        editJson(dir, 'doses.json', (file) => {
          first(listIn(file, 'doses')).text = 'Take 120 mcg daily if you are a man.';
        }),
    ],
    [
      'a correction without references',
      'topics/eel.json',
      'corrections[0].references',
      (dir) =>
        editJson(dir, 'topics/eel.json', (topic) => {
          first(listIn(topic, 'corrections')).references = [];
        }),
    ],
    [
      'a malformed fact-check id',
      'topics/eel.json',
      'corrections[0].factCheckIds[0]',
      (dir) =>
        editJson(dir, 'topics/eel.json', (topic) => {
          first(listIn(topic, 'corrections')).factCheckIds = ['C40'];
        }),
    ],
    [
      'a food missing its basis',
      'foods.json',
      'foods[0].basis',
      (dir) =>
        editJson(dir, 'foods.json', (file) => {
          delete first(listIn(file, 'foods')).basis;
        }),
    ],
    [
      'a food quote not in the article',
      'foods.json',
      'foods[1].quote',
      (dir) =>
        editJson(dir, 'foods.json', (file) => {
          (listIn(file, 'foods')[1] as Json).quote = 'Eel provides 6 micrograms of Vitamin K2.';
        }),
    ],
    [
      'an amount whose max is below its min',
      'doses.json',
      'doses[0].amount.max',
      (dir) =>
        editJson(dir, 'doses.json', (file) => {
          first(listIn(file, 'doses')).amount = { min: 120, max: 90, unit: 'mcg' };
        }),
    ],
    [
      'a duplicate dose id',
      'doses.json',
      'doses[1].id',
      (dir) =>
        editJson(dir, 'doses.json', (file) => {
          (listIn(file, 'doses')[1] as Json).id = first(listIn(file, 'doses')).id;
        }),
    ],
    [
      'an unknown field',
      'topics/eel.json',
      '',
      (dir) =>
        editJson(dir, 'topics/eel.json', (topic) => {
          topic.sumary = 'typo of summary';
        }),
    ],
    [
      'a $schema reference that is not a string',
      'foods.json',
      '$schema',
      (dir) =>
        editJson(dir, 'foods.json', (file) => {
          file.$schema = 42;
        }),
    ],
    [
      'a meta version that is not semantic',
      'meta.json',
      'version',
      (dir) =>
        editJson(dir, 'meta.json', (meta) => {
          meta.version = 'v1';
        }),
    ],
  ])('rejects %s, naming %s and the field', (_problem, file, field, breakKnowledge) => {
    const dir = copyKnowledge();
    breakKnowledge(dir);
    const error = loadError(dir);
    expect(error.file.endsWith(file)).toBe(true);
    expect(error.field).toBe(field);
    expect(error.message).toContain(file);
    if (field) expect(error.message).toContain(`"${field}"`);
  });

  it('says which fact id is used twice', () => {
    const dir = copyKnowledge();
    editJson(dir, 'topics/absorption-excretion.json', (topic) => {
      (listIn(topic, 'facts')[3] as Json).id = 'excretion';
    });
    expect(loadError(dir).message).toContain('duplicate fact id "excretion"');
  });

  it('rejects a missing foods.json by name', () => {
    const dir = copyKnowledge();
    rmSync(join(dir, 'foods.json'));
    expect(loadError(dir).message).toMatch(/foods\.json: file: cannot be read/);
  });

  it('loads an untouched copy', () => {
    expect(loadKnowledge(copyKnowledge()).topics).toHaveLength(37);
  });
});
