import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadKnowledge } from '../../src/kb/load.ts';
import { copyKnowledge, editJson, type Json, loadError } from './knowledgeCopies.ts';
import { KNOWLEDGE_DIR } from './knowledgePaths.ts';

const FILE = 'lexicon/declines.json';
type Rule = { class: string; words?: string[]; patterns?: string[]; incidental?: boolean };
type Cls = { id: string; about: string; resource: string; text?: string };
const rules = (d: Json) => d.rules as Rule[];
const classes = (d: Json) => d.classes as Cls[];
const ruleOf = (d: Json, cls: string) => rules(d).find((r) => r.class === cls && r.words) as Rule;

describe('lexicon/declines.json on load', () => {
  it.each<[string, string, string, (data: Json) => void]>([
    [
      'a rule naming a class that does not exist',
      'rules[0].class',
      'no class "politics"',
      (d) => {
        (rules(d)[0] as Rule).class = 'politics';
      },
    ],
    [
      'a decline text without {canAnswer}',
      'classes[1].text',
      'must contain {canAnswer}',
      (d) => {
        (classes(d)[1] as Cls).text = 'Sorry, ask a pharmacist.';
      },
    ],
    [
      'a decline text with an unknown placeholder',
      'classes[1].text',
      'unknown placeholder {resource}',
      (d) => {
        (classes(d)[1] as Cls).text = 'Sorry, ask {resource}. {canAnswer}';
      },
    ],
    [
      'two classes with one id',
      'classes[2].id',
      'duplicate class "medicine"',
      (d) => {
        (classes(d)[2] as Cls).id = 'medicine';
      },
    ],
    [
      'no standard class',
      'classes',
      '"general" is missing',
      (d) => {
        d.classes = classes(d).filter((c) => c.id !== 'general');
        for (const rule of rules(d)) if (rule.class === 'general') rule.class = 'condition';
      },
    ],
    [
      'a rule with both words and patterns',
      'rules[0]',
      'either "words" or "patterns"',
      (d) => {
        (rules(d)[0] as Rule).words = ['jailbreak'];
      },
    ],
    [
      'a pattern that is not a regular expression',
      'rules[0].patterns[0]',
      'is not a valid pattern',
      (d) => {
        (rules(d)[0] as Rule).patterns = ['(ignore|forget'];
      },
    ],
    [
      'a word listed twice in one rule',
      'words[1]',
      '"statins" is listed twice',
      (d) => {
        ruleOf(d, 'medicine').words = ['statins', 'statins'];
      },
    ],
    [
      'an unknown field',
      'rules[0]',
      'declinesAs',
      (d) => {
        (rules(d)[0] as Json).declinesAs = 'general';
      },
    ],
  ])('rejects %s, naming the file and %s', (_problem, field, message, breakDeclines) => {
    const dir = copyKnowledge();
    editJson(dir, FILE, breakDeclines);
    const error = loadError(dir);
    expect(error.file.endsWith('declines.json')).toBe(true);
    expect(error.field).toContain(field);
    expect(error.message).toContain(message);
  });

  it('rejects a word that two classes decline, unless sharedWords says why', () => {
    const dir = copyKnowledge();
    editJson(dir, FILE, (d) => {
      ruleOf(d, 'pet').words?.push('statins?');
    });
    const error = loadError(dir);
    expect(error.field).toMatch(/^rules\[\d+\]\.words\[\d+\]$/);
    expect(error.message).toMatch(/"statin" is already in rules\[\d+\] \(class "(pet|medicine)"\)/);

    editJson(dir, FILE, (d) => {
      d.sharedWords = [{ word: 'statin', classes: ['pet', 'medicine'], why: 'vets prescribe statins too' }];
    });
    expect(() => loadKnowledge(dir)).not.toThrow();
  });

  it('takes a new class with its rule and text, edited in this file only', () => {
    const dir = copyKnowledge();
    editJson(dir, FILE, (d) => {
      classes(d).push({
        id: 'travel',
        about: 'Travel and vaccines.',
        resource: 'a travel clinic',
        text: 'Sorry, travel health is not covered: a travel clinic can help. {canAnswer}',
      });
      rules(d).push({ class: 'travel', words: ['travel vaccines?', 'jet lag'] });
    });
    expect(() => loadKnowledge(dir)).not.toThrow();
  });

  it('points editors at its schema, and every class has a resource and a text or the standard decline', () => {
    const data = JSON.parse(readFileSync(join(KNOWLEDGE_DIR, FILE), 'utf8')) as Json;
    expect(data.$schema).toBe('../schema/declines.schema.json');
    const withoutText = classes(data)
      .filter((c) => c.text === undefined)
      .map((c) => c.id);
    expect(withoutText).toEqual(['general']);
  });
});
