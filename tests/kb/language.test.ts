import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { copyKnowledge, editJson, type Json, loadError } from './knowledgeCopies.ts';
import { KNOWLEDGE_DIR, REPO_ROOT } from './knowledgePaths.ts';

const section = (data: Json, name: string) => data[name] as Json;

describe('texts.json on load', () => {
  it.each<[string, string, string, (data: Json) => void]>([
    [
      'a missing safety text',
      'safety.disclaimer',
      'expected string',
      (d) => delete section(d, 'safety').disclaimer,
    ],
    [
      'an empty text',
      'safety.anticoagulantWarning',
      'must not be empty',
      (d) => {
        section(d, 'safety').anticoagulantWarning = '  ';
      },
    ],
    [
      'a template without its placeholder',
      'discord.cooldown',
      'must contain {waitSeconds}',
      (d) => {
        section(d, 'discord').cooldown = 'Wait {cooldownSeconds} s.';
      },
    ],
    [
      'an unknown placeholder',
      'replies.decline',
      'unknown placeholder {scope}',
      (d) => {
        section(d, 'replies').decline = 'Sorry. {canAnswer} {scope}';
      },
    ],
    [
      'a placeholder in a fixed sentence',
      'replies.thanks',
      'takes no {placeholders}',
      (d) => {
        section(d, 'replies').thanks = 'Thanks {name}!';
      },
    ],
    [
      'an unknown text key',
      'replies',
      'thank',
      (d) => {
        section(d, 'replies').thank = 'typo of thanks';
      },
    ],
  ])('rejects %s, naming texts.json and %s', (_problem, field, message, breakTexts) => {
    const dir = copyKnowledge();
    editJson(dir, 'texts.json', breakTexts);
    const error = loadError(dir);
    expect(error.file.endsWith('texts.json')).toBe(true);
    expect(error.field).toBe(field);
    expect(error.message).toContain(message);
  });

  it('rejects texts.json that is not JSON, by name', () => {
    const dir = copyKnowledge();
    writeFileSync(join(dir, 'texts.json'), '{ "safety": ');
    expect(loadError(dir).message).toMatch(/texts\.json: file: is not valid JSON/);
  });

  it('points editors at its schema', () => {
    const data = JSON.parse(readFileSync(join(KNOWLEDGE_DIR, 'texts.json'), 'utf8')) as Json;
    expect(data.$schema).toBe('./schema/texts.schema.json');
  });
});

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile() && entry.name.endsWith('.ts'))
    .map((entry) => join(entry.parentPath, entry.name));
}

describe('text keys in code', () => {
  const texts = JSON.parse(readFileSync(join(KNOWLEDGE_DIR, 'texts.json'), 'utf8')) as Record<string, Json>;
  const keys = Object.entries(texts)
    .filter(([name]) => name !== '$schema')
    .flatMap(([name, entries]) => Object.keys(entries).map((key) => `${name}.${key}`));
  const code = sourceFiles(join(REPO_ROOT, 'src'))
    .filter((file) => !file.endsWith('languageSchema.ts'))
    .map((file) => readFileSync(file, 'utf8'))
    .join('\n');

  it.each(keys)('%s is used by the code', (key) => {
    const [, name] = key.split('.');
    expect(code).toMatch(new RegExp(`\\.${name}\\b`));
  });

  it('every text the code reads exists', () => {
    // Texts are read as texts().<section>.<key>, or through a const holding one section.
    const aliases: Record<string, string> = {
      TEXTS: 'discord',
      SAFETY: 'safety',
      REPLIES: 'replies',
      CHAT_HELP: 'terminalCommandHelp',
      FEEDBACK_TEXTS: 'feedback',
      ALERT_TEXTS: 'alerts',
      SETTINGS_TEXTS: 'settings',
      FORGET_TEXTS: 'forget',
      TERMINAL_TEXTS: 'terminal',
      VIEW_TEXTS: 'settingsView',
    };
    const used = [
      ...[...code.matchAll(/texts\(\)\.(\w+)\.(\w+)/g)].map((m) => `${m[1]}.${m[2]}`),
      ...[
        ...code.matchAll(
          /\b(TEXTS|SAFETY|REPLIES|CHAT_HELP|FEEDBACK_TEXTS|ALERT_TEXTS|SETTINGS_TEXTS|FORGET_TEXTS|TERMINAL_TEXTS|VIEW_TEXTS)\.(\w+)/g,
        ),
      ].map((m) => `${aliases[m[1] ?? '']}.${m[2]}`),
    ];
    expect(used.length).toBeGreaterThan(40);
    expect(used.filter((key) => !keys.includes(key))).toEqual([]);
  });
});

describe('lexicon/anticoagulants.json', () => {
  it.each<[string, string, string, (data: Json) => void]>([
    [
      'a spelling listed twice',
      'drugs[1].spellings[1]',
      'listed twice',
      (d) => {
        const drugs = d.drugs as Json[];
        (drugs[1] as Json).spellings = ['acenocoumarol', 'warfarin'];
      },
    ],
    [
      'an unknown kind',
      'drugs[0].kind',
      'Invalid option',
      (d) => {
        ((d.drugs as Json[])[0] as Json).kind = 'vitamin-k-antagonist';
      },
    ],
    [
      'a spelling that is not normalised',
      'drugs[0].spellings[0]',
      'lower-case',
      (d) => {
        ((d.drugs as Json[])[0] as Json).spellings = ['Warfarin'];
      },
    ],
  ])('rejects %s, naming the file and %s', (_problem, field, message, breakList) => {
    const dir = copyKnowledge();
    editJson(dir, 'lexicon/anticoagulants.json', breakList);
    const error = loadError(dir);
    expect(error.file.endsWith('anticoagulants.json')).toBe(true);
    expect(error.field).toBe(field);
    expect(error.message).toContain(message);
  });
});

describe('lexicon/synonyms.json and lexicon/words.json', () => {
  const groups = (d: Json) => d.groups as Json[];
  it.each<[string, string, string, string, (data: Json) => void]>([
    [
      'a variant in two groups',
      'lexicon/synonyms.json',
      'groups[1].from[0]',
      'already in groups[0]',
      (d) => {
        const [first, second] = groups(d) as [Json, Json];
        second.from = [(first.from as string[])[0], ...(second.from as string[])];
      },
    ],
    [
      'a variant that is not normalised',
      'lexicon/synonyms.json',
      'groups[0].from[0]',
      'lower-case',
      (d) => {
        (groups(d)[0] as Json).from = ['Vitamin-K2'];
      },
    ],
    [
      'a typo too far from its word',
      'lexicon/words.json',
      'knownTypos[0].typo',
      'edits from',
      (d) => {
        (d.knownTypos as Json[])[0] = { typo: 'nattokinase', of: 'natto' };
      },
    ],
    [
      'a typo of a word the lexicon does not have',
      'lexicon/words.json',
      'knownTypos[0].of',
      'not a word',
      (d) => {
        (d.knownTypos as Json[])[0] = { typo: 'spinnach', of: 'spinachh' };
      },
    ],
    [
      'a weight for an unknown concept',
      'lexicon/words.json',
      'conceptWeights.definition',
      'no synonym group',
      (d) => {
        (d.conceptWeights as Json).definition = 0.3;
      },
    ],
    [
      'an unknown domain anchor',
      'lexicon/words.json',
      'domainAnchors[0]',
      'no synonym group',
      (d) => {
        (d.domainAnchors as string[])[0] = 'kk2';
      },
    ],
    [
      'a stop word with a space',
      'lexicon/words.json',
      'stopWords[0]',
      'one lower-case word',
      (d) => {
        (d.stopWords as string[])[0] = 'of the';
      },
    ],
  ])('rejects %s, naming %s and %s', (_problem, file, field, message, breakFile) => {
    const dir = copyKnowledge();
    editJson(dir, file, breakFile);
    const error = loadError(dir);
    expect(error.file.endsWith(file)).toBe(true);
    expect(error.field).toBe(field);
    expect(error.message).toContain(message);
  });
});
