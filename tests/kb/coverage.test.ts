import { describe, expect, it } from 'vitest';
import {
  extractNumbers,
  findArticleHeadings,
  findReferenceProblem,
  listCoverageGaps,
  measureCoverage,
} from '../../src/kb/coverage.ts';
import { loadKnowledge } from '../../src/kb/load.ts';
import { KNOWLEDGE_DIR } from './knowledgePaths.ts';

const kb = loadKnowledge(KNOWLEDGE_DIR);
const coverage = measureCoverage(kb);

describe('extractNumbers', () => {
  it.each([
    ['natto (150 mcg per tablespoon)', ['150']],
    ['Gouda (50–90 mcg/100 g)', ['50–90', '100']],
    ['They offer 50 to 90 micrograms per 100 grams.', ['50–90', '100']],
    ['lasting only 6-8 hours', ['6–8']],
    ['around 180-200 mcg of MK-7 daily', ['MK-7', '180–200']],
    ['Menaquinone-7 (MK-7), a form of K2', ['MK-7']],
    ['Vitamin K2 MK7 vs MK4', ['MK-7', 'MK-4']],
    ['involving 6,425 postmenopausal women', ['6,425']],
    ['up to 15,000 micrograms daily', ['15,000']],
    ['For every 10-gram increase in dietary vitamin K2, the risk drops by 7%.', ['10-gram', '7%']],
    ['A 2019 study showed eating more vitamin K1 and K2', ['2019']],
    ['lower type 2 diabetes (T2DM) risk', ['2']],
    // Letters glued to a digit name a substance, not an amount.
    ['Vitamin D3 and K2; VK2; K1', []],
  ])('finds the numbers in %j', (text, expected) => {
    expect(extractNumbers(text).sort()).toEqual([...expected].sort());
  });
});

describe('article coverage', () => {
  it('recognises the 37 article headings and no teaser line', () => {
    const headings = findArticleHeadings(kb.articleText);
    expect(headings).toHaveLength(37);
    expect(headings).toContain('Vitamin K2 MK7 vs MK4: Which is More Effective?');
    expect(headings).toContain('Investigating Vitamin K2’s Impact on Alzheimer’s Disease');
    expect(headings).not.toContain('Next: Vitamin K Dependent Proteins in Bone…');
  });

  it('carries every number of the article in some fact, food or dose quote', () => {
    expect(coverage.numbers.total).toBeGreaterThanOrEqual(20);
    expect(coverage.numbers.missing).toEqual([]);
  });

  it('maps every article heading to some topic', () => {
    expect(coverage.headings.missing).toEqual([]);
  });

  it('names only real article headings as sections', () => {
    expect(coverage.unknownSections).toEqual([]);
  });

  it('backs every section a topic names with a fact quoting it', () => {
    expect(coverage.unquotedSections).toEqual([]);
  });

  it('corrects every inconsistency I-01 … I-15', () => {
    expect(coverage.inconsistencies).toMatchObject({ covered: 15, total: 15, missing: [] });
  });

  it('corrects every key claim the fact-check singles out', () => {
    expect(coverage.keyClaims.missing).toEqual([]);
  });

  it('cites only authoritative references', () => {
    expect(coverage.badReferences).toEqual([]);
  });

  it('reports no gaps at all', () => {
    expect(listCoverageGaps(coverage)).toEqual([]);
  });
});

describe('findReferenceProblem', () => {
  it.each([
    'NIH Office of Dietary Supplements, Vitamin K Fact Sheet for Health Professionals: https://ods.od.nih.gov/factsheets/VitaminK-HealthProfessional/',
    'Institute of Medicine (2001), Dietary Reference Intakes: https://www.ncbi.nlm.nih.gov/books/NBK222299/',
    'EFSA NDA Panel (2017), Dietary reference values for vitamin K, EFSA Journal 15(5):e04780',
    'Beulens JWJ et al. (2010), Diabetes Care 33:1699-1705, doi:10.2337/dc09-2302',
    'Ma M-L et al. (2022), Front Public Health 10:979649 (PMC9403798)',
    'Park J et al. (2023), Korean J Food Preserv 30:929-943',
  ])('accepts %s', (reference) => {
    expect(findReferenceProblem(reference)).toBeNull();
  });

  it.each([
    'NIH table via https://medwiki.co.uk/health/nutrients/vitamins/vitamin-k2',
    'Glakay package insert, https://expydoc.com/doc/3639306/glakay',
    'https://www.vitamink2.org/multiple-vitamin-k-forms-exist-dairy-foods-fu-x-et-al/',
    'Avenell et al., https://discovery.researcher.life/article/70-research-misconduct',
    'https://mediq7.com/blog/is-vitamin-k2-safe-during-pregnancy',
    'Merck Manual: https://merckmanuals.com/professional/vitamin-k-toxicity',
    'Some blog post about K2',
  ])('rejects %s', (reference) => {
    expect(findReferenceProblem(reference)).not.toBeNull();
  });
});
