import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { TopicIndex } from '../engine/topicIndex.ts';
import { ClaimIndex, claimProblems } from '../engine/yesNoClaims.ts';
import { listCoverageGaps, measureCoverage } from '../kb/coverage.ts';
import { DEFAULT_KNOWLEDGE_DIR, KnowledgeError, loadKnowledge } from '../kb/load.ts';

/**
 * `npm run kb:check [knowledge-dir]`: loads and validates the knowledge base the way the bot does,
 * then reports how completely it covers the article and the fact-check. Exit 0 only when the
 * knowledge loads and nothing is missing.
 */
export interface KbCheckResult {
  exitCode: 0 | 1;
  lines: string[];
}

export function runKbCheck(dir: string = DEFAULT_KNOWLEDGE_DIR): KbCheckResult {
  let kb: ReturnType<typeof loadKnowledge>;
  try {
    kb = loadKnowledge(dir, { snapshot: false });
  } catch (error) {
    if (error instanceof KnowledgeError) {
      return { exitCode: 1, lines: [`kb:check: invalid knowledge: ${error.message}`] };
    }
    throw error;
  }

  const coverage = measureCoverage(kb);
  const ratio = ({ covered, total }: { covered: number; total: number }) => `${covered}/${total}`;
  const { counts } = coverage;
  const lines = [
    `knowledge ${kb.meta.version} (reviewed ${kb.meta.reviewedOn})`,
    `  topics ${counts.topics}, facts ${counts.facts}, foods ${counts.foods}, doses ${counts.doses}, corrections ${counts.corrections}`,
    `  article numbers covered ${ratio(coverage.numbers)}`,
    `  article headings covered ${ratio(coverage.headings)}`,
    `  fact-check inconsistencies covered ${ratio(coverage.inconsistencies)}`,
    `  key fact-check claims corrected ${ratio(coverage.keyClaims)}`,
  ];
  // Yes/no claims (fact `answers`): each must get its own answer when asked as written.
  const claims = new ClaimIndex(kb.topics, new TopicIndex(kb.topics).analyzer);
  lines.push(`  yes/no claims ${claims.claims.length}`);
  const gaps = [...listCoverageGaps(coverage), ...claimProblems(claims)];
  if (gaps.length > 0) {
    lines.push(`kb:check: ${gaps.length} gap(s):`, ...gaps.map((gap) => `  - ${gap}`));
    return { exitCode: 1, lines };
  }
  lines.push('kb:check: OK');
  return { exitCode: 0, lines };
}

const isEntryPoint = process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href;
if (isEntryPoint) {
  const dirArgument = process.argv[2];
  const { exitCode, lines } = runKbCheck(dirArgument ? resolve(dirArgument) : undefined);
  (exitCode === 0 ? console.log : console.error)(lines.join('\n'));
  process.exitCode = exitCode;
}
