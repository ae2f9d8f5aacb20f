import { normalizeQuoteText } from './load.ts';
import type { Correction, KnowledgeBase } from './schema.ts';

/**
 * How completely the knowledge base carries the article and the fact-check: every number, every
 * heading, every inconsistency and key correction, every quote under the heading it claims, every
 * reference authoritative. The tests and `npm run kb:check` both read this one report.
 */

/**
 * The article has no markup, so a heading is recognised by shape: a short line that is not a
 * bullet and does not end like a sentence. "Vitamin K2 MK7 vs MK4: Which is More Effective?" is a
 * heading even though it ends in "?"; the one-line teasers ("Next: … Bone…", "which leads us …
 * next!") end in an ellipsis or "!" and are not. The tests pin the result to the 37 headings.
 */
export function findArticleHeadings(articleText: string): string[] {
  return articleText
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line.length > 0 && line.length < 90 && !line.startsWith('- ') && !/[.!…]$/.test(line));
}

interface ArticleSection {
  heading: string;
  /** The heading line and everything up to the next heading, whitespace-normalised. */
  text: string;
}

function splitIntoSections(articleText: string): ArticleSection[] {
  const headings = new Set(findArticleHeadings(articleText));
  const sections: ArticleSection[] = [];
  let current: { heading: string; lines: string[] } | null = null;
  for (const rawLine of articleText.split('\n')) {
    const line = rawLine.trim();
    if (headings.has(line)) {
      if (current)
        sections.push({ heading: current.heading, text: normalizeQuoteText(current.lines.join(' ')) });
      current = { heading: line, lines: [line] };
    } else if (current) {
      current.lines.push(line);
    }
  }
  if (current) sections.push({ heading: current.heading, text: normalizeQuoteText(current.lines.join(' ')) });
  return sections;
}

/** Every heading under which `quote` occurs (normally exactly one). Text before the first heading has none. */
export function findSectionsOfQuote(articleText: string, quote: string): string[] {
  const needle = normalizeQuoteText(quote);
  return splitIntoSections(articleText)
    .filter((section) => section.text.includes(needle))
    .map((section) => section.heading);
}

const NUMBER = String.raw`\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?`;
/** "MK-4", "MK7", "Menaquinone-7": one form, however it is written. */
const MENAQUINONE_FORM = /\b(?:MK-?|menaquinone-)(\d+)\b/gi;
/** "50–90", "6-8", "90 to 120": one range, whatever the separator. */
const RANGE = new RegExp(
  String.raw`(?<![A-Za-z0-9])(${NUMBER})(?:\s*[–-]\s*|\s+to\s+)(${NUMBER})(?![A-Za-z0-9])`,
  'g',
);
/**
 * A lone number. The look-behind leaves out digits glued to letters: K1, K2, D3, VK2 and T2DM name
 * a vitamin or a disease, not a quantity, and are on nearly every line. "10-gram" and "100-gram"
 * keep their unit because "10-gram" is the article's best-known error (it should be micrograms).
 */
const SINGLE = new RegExp(`(?<![A-Za-z0-9])(?:${NUMBER})(?:%|-gram)?(?![A-Za-z0-9])`, 'g');

/**
 * The distinct numbers in a text, canonicalised so that the same figure written two ways is one
 * number: MK forms as "MK-7", ranges as "50–90". Years (2019, 2022, 2023), counts (6,425) and
 * percentages (7%) count like any other figure.
 */
export function extractNumbers(text: string): string[] {
  const found = new Set<string>();
  let rest = text.replace(MENAQUINONE_FORM, (_match, n: string) => {
    found.add(`MK-${n}`);
    return ' ';
  });
  rest = rest.replace(RANGE, (_match, from: string, to: string) => {
    found.add(`${from}–${to}`);
    return ' ';
  });
  for (const match of rest.matchAll(SINGLE)) found.add(match[0]);
  return [...found];
}

export const INCONSISTENCY_IDS: readonly string[] = Array.from(
  { length: 15 },
  (_, i) => `I-${String(i + 1).padStart(2, '0')}`,
);

/**
 * The fact-check claims the bot must be able to correct when a user repeats them. A claim counts
 * as covered when a correction cites any of its ids.
 */
export const KEY_CLAIMS: readonly { claim: string; ids: readonly string[] }[] = [
  { claim: '"10-gram" increase (diabetes) should be micrograms', ids: ['C-22'] },
  { claim: '"This matches the RDA" should be Adequate Intake', ids: ['C-58'] },
  { claim: '"10 to 45 micrograms" contradicts 90–120 mcg', ids: ['C-70'] },
  { claim: 'MK-4 "15,000 micrograms daily" vs 45 mg', ids: ['C-66'] },
  { claim: 'K2 "activating" ucOC', ids: ['C-24'] },
  { claim: 'K2 "absorbs more slowly" than K1', ids: ['C-49'] },
  { claim: 'fracture-reduction claims', ids: ['C-01', 'C-17', 'C-27', 'C-79'] },
  { claim: '"only take low dosages" on anticoagulants', ids: ['C-62'] },
  { claim: '"no known toxicity level, making it safe"', ids: ['C-87'] },
  { claim: 'eel 63 mcg/100 g unverified', ids: ['C-40'] },
  { claim: 'cancer benefits overstated', ids: ['C-21'] },
  { claim: 'dairy as an MK-7 source', ids: ['C-55'] },
  { claim: 'chicken "trace" vs "good amounts"', ids: ['C-43', 'C-74'] },
  { claim: 'egg yolks "small" vs "full of"', ids: ['C-42', 'C-75'] },
  { claim: 'D3 + K2 combination overstated', ids: ['C-06', 'C-18', 'C-83'] },
];

/** Mirror and blog hosts the fact-check used only to read a figure; never a reference. */
export const MIRROR_HOSTS: readonly string[] = [
  'medwiki',
  'skyclk',
  'docslib',
  'mafiadoc',
  'expydoc',
  'empr',
  'gabapathway',
  'mediq7',
  'vitamink2.org',
  'download.skyscape',
  'discovery.researcher.life',
];

const AUTHORITY_HOSTS = ['ods.od.nih.gov', 'ncbi.nlm.nih.gov', 'efsa.europa.eu', 'doi.org'];

/**
 * Why a reference is not authoritative, or null when it is. Authoritative means NIH ODS, EFSA,
 * IOM, or a peer-reviewed paper identified by DOI, PMID/PMC or journal volume and page.
 */
export function findReferenceProblem(reference: string): string | null {
  const lower = reference.toLowerCase();
  const mirror = MIRROR_HOSTS.find((host) => lower.includes(host));
  if (mirror) return `cites a mirror or blog (${mirror})`;
  for (const url of reference.match(/https?:\/\/[^\s)]+/g) ?? []) {
    const host = new URL(url).hostname;
    if (!AUTHORITY_HOSTS.some((allowed) => host === allowed || host.endsWith(`.${allowed}`))) {
      return `links to ${host}, which is not an authority`;
    }
  }
  const identified =
    /\bdoi:\s*10\.\d{4,}\//i.test(reference) ||
    /\bPMID\s*\d+/.test(reference) ||
    /\bPMC\d+/.test(reference) ||
    /NIH Office of Dietary Supplements|\bEFSA\b|Institute of Medicine/.test(reference) ||
    /\(\d{4}\),.+\b\d+:\s*e?\d+/.test(reference);
  return identified ? null : 'names no authority and no DOI, PMID or journal volume and page';
}

export interface CoverageCount {
  covered: number;
  total: number;
  missing: string[];
}

export interface KnowledgeCoverage {
  counts: { topics: number; facts: number; foods: number; doses: number; corrections: number };
  numbers: CoverageCount;
  headings: CoverageCount;
  inconsistencies: CoverageCount;
  keyClaims: CoverageCount;
  /** Quotes whose stated section is not the heading they sit under: "file field: problem". */
  misplacedQuotes: string[];
  /** Stated sections that are not article headings: "file field: problem". */
  unknownSections: string[];
  /** Topic sections no fact of the topic quotes, so an answer could not show its source. */
  unquotedSections: string[];
  /** References that are not authoritative: "file field: problem". */
  badReferences: string[];
}

function countCoverage(all: readonly string[], isCovered: (item: string) => boolean): CoverageCount {
  const missing = all.filter((item) => !isCovered(item));
  return { covered: all.length - missing.length, total: all.length, missing };
}

interface Located<T> {
  where: string;
  value: T;
}

/** Computes every coverage figure and every gap for a loaded knowledge base. */
export function measureCoverage(kb: KnowledgeBase): KnowledgeCoverage {
  const quotes: Located<{ quote: string; section: string }>[] = [];
  const corrections: Located<Correction>[] = [];
  for (const topic of kb.topics) {
    const file = `topics/${topic.id}.json`;
    topic.facts.forEach((fact, i) => {
      quotes.push({ where: `${file} facts[${i}]`, value: fact });
    });
    topic.corrections.forEach((correction, i) => {
      corrections.push({ where: `${file} corrections[${i}]`, value: correction });
    });
  }
  for (const [file, key, entries] of [
    ['foods.json', 'foods', kb.foods],
    ['doses.json', 'doses', kb.doses],
  ] as const) {
    entries.forEach((entry, i) => {
      quotes.push({ where: `${file} ${key}[${i}]`, value: entry });
      if (entry.correction)
        corrections.push({ where: `${file} ${key}[${i}].correction`, value: entry.correction });
    });
  }

  const quotedNumbers = new Set(quotes.flatMap(({ value }) => extractNumbers(value.quote)));
  const headings = findArticleHeadings(kb.articleText);
  const headingSet = new Set(headings);
  const coveredHeadings = new Set(kb.topics.flatMap((topic) => topic.sections));
  const citedIds = new Set(corrections.flatMap(({ value }) => value.factCheckIds));

  const misplacedQuotes: string[] = [];
  const unknownSections: string[] = [];
  for (const { where, value } of quotes) {
    if (!headingSet.has(value.section)) {
      unknownSections.push(`${where}.section: "${value.section}" is not an article heading`);
      continue;
    }
    const actual = findSectionsOfQuote(kb.articleText, value.quote);
    if (actual.length > 0 && !actual.includes(value.section)) {
      misplacedQuotes.push(
        `${where}.section: the quote sits under "${actual.join('", "')}", not "${value.section}"`,
      );
    }
  }
  const unquotedSections: string[] = [];
  kb.topics.forEach((topic) => {
    const quotedSections = new Set(topic.facts.map((fact) => fact.section));
    topic.sections.forEach((section, i) => {
      if (!headingSet.has(section)) {
        unknownSections.push(
          `topics/${topic.id}.json sections[${i}]: "${section}" is not an article heading`,
        );
      } else if (!quotedSections.has(section)) {
        unquotedSections.push(`topics/${topic.id}.json sections[${i}]: no fact quotes "${section}"`);
      }
    });
  });

  const badReferences: string[] = [];
  for (const { where, value } of corrections) {
    value.references.forEach((reference, i) => {
      const problem = findReferenceProblem(reference);
      if (problem) badReferences.push(`${where}.references[${i}]: ${problem}`);
    });
  }

  return {
    counts: {
      topics: kb.topics.length,
      facts: kb.topics.reduce((sum, topic) => sum + topic.facts.length, 0),
      foods: kb.foods.length,
      doses: kb.doses.length,
      corrections: corrections.length,
    },
    numbers: countCoverage(extractNumbers(kb.articleText), (n) => quotedNumbers.has(n)),
    headings: countCoverage(headings, (heading) => coveredHeadings.has(heading)),
    inconsistencies: countCoverage(INCONSISTENCY_IDS, (id) => citedIds.has(id)),
    keyClaims: countCoverage(
      KEY_CLAIMS.map(({ claim }) => claim),
      (claim) => KEY_CLAIMS.find((key) => key.claim === claim)?.ids.some((id) => citedIds.has(id)) ?? false,
    ),
    misplacedQuotes,
    unknownSections,
    unquotedSections,
    badReferences,
  };
}

/** Every gap in one list, empty when the knowledge base is complete. */
export function listCoverageGaps(coverage: KnowledgeCoverage): string[] {
  return [
    ...coverage.numbers.missing.map((n) => `article number not carried by any quote: ${n}`),
    ...coverage.headings.missing.map((h) => `article heading not in any topic's sections: "${h}"`),
    ...coverage.inconsistencies.missing.map((id) => `fact-check inconsistency without a correction: ${id}`),
    ...coverage.keyClaims.missing.map((claim) => `key fact-check claim without a correction: ${claim}`),
    ...coverage.unknownSections,
    ...coverage.unquotedSections,
    ...coverage.misplacedQuotes,
    ...coverage.badReferences,
  ];
}
