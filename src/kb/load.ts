import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { z } from 'zod';
import { knowledgeHash } from '../knowledgeHash.ts';
import { type FocusLexicon, focusFileSchema } from './focusSchema.ts';
import { type GateLexicon, gateLexiconFileSchema } from './gateLexiconSchema.ts';
import { KnowledgeError } from './knowledgeError.ts';
import {
  type Anticoagulant,
  anticoagulantsFileSchema,
  type DeclinesLexicon,
  declinesFileSchema,
  type LexiconWords,
  type PhrasesLexicon,
  phrasesFileSchema,
  type SynonymGroup,
  synonymsFileSchema,
  type Texts,
  textsFileSchema,
  wordsFileSchema,
} from './languageSchema.ts';
import {
  type Correction,
  type Dose,
  dosesFileSchema,
  type Food,
  foodsFileSchema,
  type KnowledgeBase,
  metaFileSchema,
  type Topic,
  topicFileSchema,
} from './schema.ts';
import { readKnowledgeSnapshot } from './snapshot.ts';
import { findInstructionWording } from './wording.ts';

export { knowledgeHash };

export const DEFAULT_KNOWLEDGE_DIR = resolve(fileURLToPath(new URL('../../knowledge', import.meta.url)));

export { KnowledgeError };

/** Short paths inside the project; absolute ones elsewhere, where "../../tmp/…" would only confuse. */
export function displayName(file: string): string {
  const shown = relative(process.cwd(), file);
  return shown && !shown.startsWith('..') ? shown : file;
}

function formatPath(path: readonly PropertyKey[]): string {
  return path
    .map((p) => (typeof p === 'number' ? `[${p}]` : `.${String(p)}`))
    .join('')
    .replace(/^\./, '');
}

export function readJson(file: string, shownAs: string = displayName(file)): unknown {
  let raw: string;
  try {
    raw = readFileSync(file, 'utf8');
  } catch (error) {
    throw new KnowledgeError(
      shownAs,
      '',
      `cannot be read (${(error as NodeJS.ErrnoException).code ?? error})`,
    );
  }
  try {
    return JSON.parse(raw);
  } catch (error) {
    throw new KnowledgeError(shownAs, '', `is not valid JSON: ${(error as Error).message}`);
  }
}

export function parseWith<S extends z.ZodType>(schema: S, data: unknown, shownAs: string): z.infer<S> {
  const result = schema.safeParse(data);
  if (!result.success) {
    const issue = result.error.issues[0];
    throw new KnowledgeError(shownAs, issue ? formatPath(issue.path) : '', issue?.message ?? 'is invalid');
  }
  return result.data;
}

/** Reads and validates one JSON knowledge file; a problem names the file and the field. */
export function readKnowledgeFile<S extends z.ZodType>(schema: S, file: string): z.infer<S> {
  const shownAs = displayName(file);
  return parseWith(schema, readJson(file, shownAs), shownAs);
}

/** Every fact's full id, `<topic-id>/<fact-id>`. */
function factIdsOf(topics: readonly Topic[]): ReadonlySet<string> {
  return new Set(topics.flatMap((topic) => topic.facts.map((fact) => `${topic.id}/${fact.id}`)));
}

/** Whitespace differences (line wraps, double spaces) are not content differences. */
export function normalizeQuoteText(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

/** The topics, foods, doses and article of {@link loadKnowledge}, without the language files. */
function loadTopicsAndArticle(dir: string): KnowledgeBase {
  const name = displayName;

  const metaFile = join(dir, 'meta.json');
  const { $schema: _metaSchemaRef, ...meta } = parseWith(
    metaFileSchema,
    readJson(metaFile, name(metaFile)),
    name(metaFile),
  );

  const articleFile = join(dir, meta.article.file);
  let articleText: string;
  try {
    articleText = readFileSync(articleFile, 'utf8');
  } catch {
    throw new KnowledgeError(
      name(metaFile),
      'article.file',
      `the article ${name(articleFile)} cannot be read`,
    );
  }
  const article = normalizeQuoteText(articleText);
  const checkQuote = (quote: string, file: string, field: string) => {
    if (!article.includes(normalizeQuoteText(quote))) {
      throw new KnowledgeError(
        file,
        field,
        `quote is not in the article word for word: "${quote.slice(0, 80)}"`,
      );
    }
  };

  // Knowledge text is what the bot says; an instruction to the reader would turn it into advice.
  const checkWording = (text: string, file: string, field: string) => {
    const instruction = findInstructionWording(text);
    if (instruction) {
      throw new KnowledgeError(
        file,
        field,
        `reads as an instruction to the reader ("${instruction.slice(0, 80)}"); report what the article or studies say instead`,
      );
    }
  };
  const checkCorrection = (correction: Correction | undefined, file: string, field: string) => {
    if (correction) checkWording(correction.note, file, `${field}.note`);
  };

  const topicsDir = join(dir, 'topics');
  let topicFiles: string[];
  try {
    topicFiles = readdirSync(topicsDir)
      .filter((f) => f.endsWith('.json'))
      .sort();
  } catch {
    throw new KnowledgeError(name(topicsDir), '', 'the topics folder cannot be read');
  }
  if (topicFiles.length === 0) throw new KnowledgeError(name(topicsDir), '', 'holds no topic files');

  const topics: Topic[] = [];
  const fileOfTopic = new Map<string, string>();
  for (const fileName of topicFiles) {
    const file = join(topicsDir, fileName);
    const display = name(file);
    const { $schema: _topicSchemaRef, ...topic } = parseWith(
      topicFileSchema,
      readJson(file, display),
      display,
    );
    if (`${topic.id}.json` !== fileName) {
      throw new KnowledgeError(display, 'id', `"${topic.id}" must match the file name`);
    }
    checkWording(topic.summary, display, 'summary');
    topic.facts.forEach((fact, i) => {
      checkWording(fact.text, display, `facts[${i}].text`);
      if (fact.answer) checkWording(fact.answer, display, `facts[${i}].answer`);
      checkQuote(fact.quote, display, `facts[${i}].quote`);
    });
    const factIds = new Set(topic.facts.map((fact) => fact.id));
    topic.corrections.forEach((correction, i) => {
      checkCorrection(correction, display, `corrections[${i}]`);
      correction.facts?.forEach((id, j) => {
        if (!factIds.has(id)) {
          throw new KnowledgeError(display, `corrections[${i}].facts[${j}]`, `no fact "${id}" in this topic`);
        }
      });
    });
    topics.push(topic);
    fileOfTopic.set(topic.id, display);
  }
  const knownFacts = factIdsOf(topics);
  /** Each defined term and the fact that defines it: "what is K2?" must have one answer. */
  const definedBy = new Map<string, string>();
  for (const topic of topics) {
    topic.facts.forEach((fact, i) => {
      if (fact.askedOnly && !fact.keywords?.length && !fact.questions?.length) {
        throw new KnowledgeError(
          fileOfTopic.get(topic.id) ?? topic.id,
          `facts[${i}].askedOnly`,
          'a fact that answers only when asked for needs the words it is asked with (`keywords` or `questions`)',
        );
      }
      if (fact.definitionOnly && !fact.defines) {
        throw new KnowledgeError(
          fileOfTopic.get(topic.id) ?? topic.id,
          `facts[${i}].definitionOnly`,
          'a fact shown only as a definition needs the terms it defines (`defines`)',
        );
      }
      fact.defines?.forEach((term, j) => {
        const key = term.toLowerCase().replace(/\s+/g, ' ').trim();
        const other = definedBy.get(key);
        if (other) {
          throw new KnowledgeError(
            fileOfTopic.get(topic.id) ?? topic.id,
            `facts[${i}].defines[${j}]`,
            `"${term}" is already defined by ${other}`,
          );
        }
        definedBy.set(key, `${topic.id}/${fact.id}`);
      });
      fact.because?.forEach((id, j) => {
        if (!knownFacts.has(id) || id === `${topic.id}/${fact.id}`) {
          const why = knownFacts.has(id) ? 'a fact is not its own reason' : `no fact "${id}"`;
          throw new KnowledgeError(fileOfTopic.get(topic.id) ?? topic.id, `facts[${i}].because[${j}]`, why);
        }
      });
    });
    topic.related.forEach((id, i) => {
      if (!fileOfTopic.has(id)) {
        throw new KnowledgeError(fileOfTopic.get(topic.id) ?? topic.id, `related[${i}]`, `no topic "${id}"`);
      }
    });
  }

  const foodsFile = join(dir, 'foods.json');
  const foods: Food[] = parseWith(
    foodsFileSchema,
    readJson(foodsFile, name(foodsFile)),
    name(foodsFile),
  ).foods;
  const dosesFile = join(dir, 'doses.json');
  const doses: Dose[] = parseWith(
    dosesFileSchema,
    readJson(dosesFile, name(dosesFile)),
    name(dosesFile),
  ).doses;
  for (const [list, file, key] of [
    [foods, name(foodsFile), 'foods'],
    [doses, name(dosesFile), 'doses'],
  ] as const) {
    const seen = new Set<string>();
    list.forEach((entry, i) => {
      if (seen.has(entry.id)) throw new KnowledgeError(file, `${key}[${i}].id`, `duplicate id "${entry.id}"`);
      seen.add(entry.id);
      checkQuote(entry.quote, file, `${key}[${i}].quote`);
      checkCorrection(entry.correction, file, `${key}[${i}].correction`);
    });
  }
  doses.forEach((dose, i) => {
    checkWording(dose.text, name(dosesFile), `doses[${i}].text`);
  });

  return { meta, topics, foods, doses, articleText };
}

export interface LoadOptions {
  /**
   * The snapshot the build wrote of the validated knowledge (snapshot.ts), used instead of
   * validating again while the folder's files are exactly those it was made from: its path, by
   * default the one beside the compiled code; `false` always validates (a knowledge reload,
   * `kb:check`).
   */
  snapshot?: string | false;
}

/**
 * The topics and the language files of one knowledge folder, validated together: what a start or
 * a reload hands to the answer workers, so that they speak the language of the knowledge they serve.
 */
export function loadKnowledgeWithLanguage(
  dir: string = DEFAULT_KNOWLEDGE_DIR,
  options: LoadOptions = {},
): {
  knowledge: KnowledgeBase;
  language: Language;
} {
  const snapshot = options.snapshot === false ? null : readKnowledgeSnapshot(dir, options.snapshot);
  if (snapshot) return { knowledge: snapshot.knowledge, language: snapshot.language };
  const knowledge = loadTopicsAndArticle(dir);
  // The bot's texts and word lists live beside the topics and are checked with them.
  const language = loadLanguage(dir);
  checkFocusFacts(knowledge, language.focus, displayName(join(dir, 'lexicon', 'focus.json')));
  return { knowledge, language };
}

/** Every fact and topic lexicon/focus.json names exists. */
function checkFocusFacts(knowledge: KnowledgeBase, focus: FocusLexicon, focusFile: string): void {
  const knownFacts = factIdsOf(knowledge.topics);
  const knownTopics = new Set(knowledge.topics.map((topic) => topic.id));
  const checkFactIds = (ids: readonly string[], field: string) => {
    ids.forEach((id, i) => {
      if (!knownFacts.has(id)) throw new KnowledgeError(focusFile, `${field}[${i}]`, `no fact "${id}"`);
    });
  };
  focus.uncovered.forEach((point, i) => {
    checkFactIds(point.nearest ?? [], `uncovered[${i}].nearest`);
    checkFactIds(point.fallback ?? [], `uncovered[${i}].fallback`);
    point.except?.forEach((id, j) => {
      if (!knownTopics.has(id))
        throw new KnowledgeError(focusFile, `uncovered[${i}].except[${j}]`, `no topic "${id}"`);
    });
  });
  const { vkaSubjects, ...anticoagulantFactLists } = focus.anticoagulantFacts;
  for (const [kind, ids] of Object.entries(anticoagulantFactLists))
    checkFactIds(ids ?? [], `anticoagulantFacts.${kind}`);
  vkaSubjects.forEach((subject, i) => {
    checkFactIds(subject.facts, `anticoagulantFacts.vkaSubjects[${i}].facts`);
  });
  const subjectIds = new Set(focus.subjects.map((subject) => subject.id));
  focus.uncovered.forEach((point, i) => {
    point.subjects?.forEach((id, j) => {
      if (!subjectIds.has(id))
        throw new KnowledgeError(focusFile, `uncovered[${i}].subjects[${j}]`, `no subject "${id}"`);
    });
  });
  focus.referenceFacts.forEach((reference, i) => {
    checkFactIds(reference.facts, `referenceFacts[${i}].facts`);
  });
  focus.vitaminOwnPoints.forEach((point, i) => {
    if (!knownTopics.has(point.topic))
      throw new KnowledgeError(focusFile, `vitaminOwnPoints[${i}].topic`, `no topic "${point.topic}"`);
  });
  focus.situationFacts.forEach((situation, i) => {
    if (!subjectIds.has(situation.subject))
      throw new KnowledgeError(
        focusFile,
        `situationFacts[${i}].subject`,
        `no subject "${situation.subject}"`,
      );
    checkFactIds(situation.facts, `situationFacts[${i}].facts`);
  });
  focus.subjects.forEach((subject, i) => {
    subject.rivals?.forEach((id, j) => {
      if (!subjectIds.has(id))
        throw new KnowledgeError(focusFile, `subjects[${i}].rivals[${j}]`, `no subject "${id}"`);
    });
    subject.replacedBy?.forEach((id, j) => {
      const by = focus.subjects.find((s) => s.id === id);
      if (!by?.ages)
        throw new KnowledgeError(
          focusFile,
          `subjects[${i}].replacedBy[${j}]`,
          `no subject with ages "${id}"`,
        );
    });
  });
}

/**
 * Loads and validates every knowledge file, then cross-checks them: unique ids, related topics
 * that exist, and every quote present word for word in the article. Throws a {@link KnowledgeError}
 * naming the first bad file and field, so a broken knowledge base never reaches users. While the
 * folder is exactly what the build validated, its snapshot stands in for all of that (LoadOptions).
 */
export function loadKnowledge(dir: string = DEFAULT_KNOWLEDGE_DIR, options: LoadOptions = {}): KnowledgeBase {
  return loadKnowledgeWithLanguage(dir, options).knowledge;
}

/** The language files: what the bot says (texts.json) and the words it reads (lexicon/). */
export interface Language {
  texts: Texts;
  /** The one list of anticoagulants and antiplatelets (lexicon/anticoagulants.json). */
  anticoagulants: Anticoagulant[];
  /** The emergency gate's word lists (lexicon/gate.json). */
  gate: GateLexicon;
  /** Synonym groups (lexicon/synonyms.json). */
  synonyms: SynonymGroup[];
  /** Typos, stop words and concept sets (lexicon/words.json). */
  words: LexiconWords;
  /** Out-of-scope classes, their rules and decline texts (lexicon/declines.json). */
  declines: Omit<DeclinesLexicon, '$schema'>;
  /** Intents, personal questions and the engine's other named phrase lists (lexicon/phrases.json). */
  phrases: Omit<PhrasesLexicon, '$schema'>;
  /** What questions ask (focus words), points the article never covers (lexicon/focus.json). */
  focus: FocusLexicon;
}

/** How far a listed typo may be from the word it misspells: 2 edits, 3 for long words. */
function typoDistanceLimit(word: string): number {
  return word.length >= 9 ? 3 : 2;
}

/** Levenshtein distance, for the typo check (the engine has its own bounded copy). */
function levenshtein(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      current[j] = Math.min(
        (previous[j] ?? 0) + 1,
        (current[j - 1] ?? 0) + 1,
        (previous[j - 1] ?? 0) + (a[i - 1] === b[j - 1] ? 0 : 1),
      );
    }
    previous = current;
  }
  return previous[b.length] ?? 0;
}

/**
 * Loads and validates the language files of a knowledge folder. Throws a {@link KnowledgeError}
 * naming the file and field, like every other knowledge file.
 */
export function loadLanguage(dir: string = DEFAULT_KNOWLEDGE_DIR, options: LoadOptions = {}): Language {
  const snapshot = options.snapshot === false ? null : readKnowledgeSnapshot(dir, options.snapshot);
  if (snapshot) return snapshot.language;
  const { $schema: _textsSchemaRef, ...texts } = readKnowledgeFile(textsFileSchema, join(dir, 'texts.json'));
  const anticoagulantsFile = join(dir, 'lexicon', 'anticoagulants.json');
  const { drugs: anticoagulants } = readKnowledgeFile(anticoagulantsFileSchema, anticoagulantsFile);
  const seen = new Set<string>();
  anticoagulants.forEach((drug, i) => {
    drug.spellings.forEach((word, j) => {
      if (seen.has(word)) {
        throw new KnowledgeError(
          displayName(anticoagulantsFile),
          `drugs[${i}].spellings[${j}]`,
          `"${word}" is listed twice`,
        );
      }
      seen.add(word);
    });
  });
  const { $schema: _gateSchemaRef, ...gate } = readKnowledgeFile(
    gateLexiconFileSchema,
    join(dir, 'lexicon', 'gate.json'),
  );

  const synonymsFile = join(dir, 'lexicon', 'synonyms.json');
  const synonymsName = displayName(synonymsFile);
  const { groups: synonyms } = readKnowledgeFile(synonymsFileSchema, synonymsFile);
  const groupOf = new Map<string, number>();
  synonyms.forEach((group, i) => {
    group.from.forEach((variant, j) => {
      const other = groupOf.get(variant);
      if (other !== undefined) {
        throw new KnowledgeError(
          synonymsName,
          `groups[${i}].from[${j}]`,
          `"${variant}" is already in groups[${other}]; a variant belongs to one group (list every concept it stands for in that group's "to")`,
        );
      }
      groupOf.set(variant, i);
    });
  });
  const concepts = new Set(synonyms.flatMap((group) => group.to));
  const lexiconWords = new Set([...groupOf.keys()].flatMap((variant) => variant.split(' ')));
  for (const drug of anticoagulants) for (const word of drug.spellings) lexiconWords.add(word);

  const wordsFile = join(dir, 'lexicon', 'words.json');
  const wordsName = displayName(wordsFile);
  const words = readKnowledgeFile(wordsFileSchema, wordsFile);
  words.knownTypos.forEach(({ typo, of }, i) => {
    if (!lexiconWords.has(of)) {
      throw new KnowledgeError(
        wordsName,
        `knownTypos[${i}].of`,
        `"${of}" is not a word of any synonym or anticoagulant`,
      );
    }
    const distance = levenshtein(typo, of);
    if (distance === 0 || distance > typoDistanceLimit(of)) {
      throw new KnowledgeError(
        wordsName,
        `knownTypos[${i}].typo`,
        `"${typo}" is ${distance} edits from "${of}"; a listed typo is 1 to ${typoDistanceLimit(of)} edits from its word`,
      );
    }
  });
  const conceptLists = {
    conceptWeights: Object.keys(words.conceptWeights),
    genericTerms: words.genericTerms,
    generalHealthTerms: words.generalHealthTerms,
    articleSubjectPairs: words.articleSubjectPairs.flat(),
    warfarinCompanions: words.warfarinCompanions,
    domainAnchors: words.domainAnchors,
  };
  for (const [field, list] of Object.entries(conceptLists)) {
    list.forEach((term, i) => {
      if (!concepts.has(term)) {
        const where = field === 'conceptWeights' ? `${field}.${term}` : `${field}[${i}]`;
        throw new KnowledgeError(wordsName, where, `no synonym group maps to the concept "${term}"`);
      }
    });
  }
  const declines = loadDeclines(join(dir, 'lexicon', 'declines.json'));
  const { $schema: _phrasesSchemaRef, ...phrases } = readKnowledgeFile(
    phrasesFileSchema,
    join(dir, 'lexicon', 'phrases.json'),
  );
  const { $schema: _focusSchemaRef, ...focus } = readKnowledgeFile(
    focusFileSchema,
    join(dir, 'lexicon', 'focus.json'),
  );
  return { texts, anticoagulants, gate, synonyms, words, declines, phrases, focus };
}

/** A plain word or phrase of a rule, with a plural "s?" counted as the word itself. */
function plainWord(entry: string): string | null {
  const word = entry.replace(/s\?$/, '');
  return /^[a-z0-9]+( [a-z0-9]+)*$/.test(word) ? word : null;
}

/**
 * lexicon/declines.json, with what its schema cannot see: class ids are unique, the standard
 * class `general` exists, every class a rule or shared word names exists, and no plain word is
 * listed by two classes' rules unless `sharedWords` says why.
 */
function loadDeclines(file: string): Omit<DeclinesLexicon, '$schema'> {
  const shownAs = displayName(file);
  const { $schema: _declinesSchemaRef, ...declines } = readKnowledgeFile(declinesFileSchema, file);
  const classIds = new Set<string>();
  declines.classes.forEach((cls, i) => {
    if (classIds.has(cls.id))
      throw new KnowledgeError(shownAs, `classes[${i}].id`, `duplicate class "${cls.id}"`);
    classIds.add(cls.id);
  });
  if (!classIds.has('general')) {
    throw new KnowledgeError(shownAs, 'classes', 'the standard class "general" is missing');
  }
  const unknownClass = (id: string) => `no class "${id}" in classes (${[...classIds].join(', ')})`;
  const shared = new Map<string, Set<string>>();
  declines.sharedWords.forEach((entry, i) => {
    entry.classes.forEach((id, j) => {
      if (!classIds.has(id))
        throw new KnowledgeError(shownAs, `sharedWords[${i}].classes[${j}]`, unknownClass(id));
    });
    shared.set(entry.word, new Set(entry.classes));
  });
  const classOfWord = new Map<string, { cls: string; rule: number }>();
  declines.rules.forEach((rule, i) => {
    if (!classIds.has(rule.class))
      throw new KnowledgeError(shownAs, `rules[${i}].class`, unknownClass(rule.class));
    rule.words?.forEach((entry, j) => {
      const word = plainWord(entry);
      if (word === null) return;
      const first = classOfWord.get(word);
      if (first && first.cls !== rule.class) {
        const allowed = shared.get(word);
        if (!allowed?.has(first.cls) || !allowed.has(rule.class)) {
          throw new KnowledgeError(
            shownAs,
            `rules[${i}].words[${j}]`,
            `"${word}" is already in rules[${first.rule}] (class "${first.cls}"); a word declines as one class, or sharedWords says why it is in both`,
          );
        }
      }
      classOfWord.set(word, first ?? { cls: rule.class, rule: i });
    });
  });
  return declines;
}
