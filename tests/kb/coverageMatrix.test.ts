import { describe, expect, it } from 'vitest';
import { findArticleHeadings } from '../../src/kb/coverage.ts';
import { loadKnowledge } from '../../src/kb/load.ts';
import { KNOWLEDGE_DIR } from './knowledgePaths.ts';

const kb = loadKnowledge(KNOWLEDGE_DIR);

/**
 * fact-check.md "Coverage matrix": the topics each article heading must feed. The intro paragraph
 * has no heading and the "subscribe" / vitamin C lines are out of scope, so they are not listed.
 */
const COVERAGE_MATRIX: Record<string, readonly string[]> = {
  'Key Takeaways': [
    'bone-health',
    'heart-health',
    'natto',
    'cheese',
    'egg-yolks',
    'meat-liver-chicken',
    'fermented-veg',
    'mk7-vs-mk4',
    'supplement-dosage',
    'd3-k2-cosupplementation',
  ],
  'Overview of Vitamin K2': ['k2-overview'],
  'Chemical Structure of Vitamin K2': ['menaquinone-forms', 'mk7-production', 'absorption-excretion'],
  'Function of Vitamin K in the Body': [
    'clotting-function',
    'deficiency-risk',
    'calcium-direction',
    'bone-proteins',
    'warfarin-interaction',
  ],
  'Health Benefits of Vitamin K2': ['k2-overview', 'evidence-summary'],
  'Aids in Blood Clotting': ['clotting-function', 'daily-intake', 'deficiency-risk'],
  'Supports Bone Health': ['bone-health', 'd3-k2-cosupplementation'],
  'Improves Heart Health': ['heart-health', 'vascular-calcification'],
  'Potential Benefits in Cancer Prevention': ['cancer-claims'],
  'Role in Diabetes Management': ['diabetes', 'bone-proteins'],
  'Effects on Neurological Health': ['brain-alzheimers'],
  'Vitamin K2 and Bone Health': ['bone-health'],
  'The Importance of Vitamin K2 for Bone Remodeling': ['bone-health', 'osteoporosis'],
  'Vitamin K Dependent Proteins in Bone': ['bone-proteins', 'vascular-calcification'],
  'In Vitro Studies on Bone Cells': ['bone-lab-and-animal-studies', 'bone-proteins'],
  'Rodent Models for Bone Health': ['bone-lab-and-animal-studies'],
  'Human Studies on Vitamin K2 and Bone Density': ['bone-human-studies'],
  'Dietary Sources of Vitamin K2': ['food-plan'],
  'Vitamin K1 vs Vitamin K2: Differences in Sources': ['k1-vs-k2', 'clotting-function'],
  'Foods High in Vitamin K2': [
    'natto',
    'eel',
    'cheese',
    'egg-yolks',
    'meat-liver-chicken',
    'butter-dairy',
    'fermented-veg',
    'food-plan',
  ],
  'Absorption and Excretion of Vitamin K': ['absorption-excretion'],
  'Vitamin K2 in Disease Management': ['evidence-summary'],
  'Vitamin K2 and Osteoporosis': ['osteoporosis', 'bone-human-studies'],
  'The Role of Vitamin K2 in Vascular Calcification': ['vascular-calcification'],
  'Investigating Vitamin K2’s Impact on Alzheimer’s Disease': ['brain-alzheimers'],
  'Vitamin K2 and Peripheral Neuropathy': ['peripheral-neuropathy'],
  'Vitamin K2 Supplementation': ['supplement-dosage'],
  'Recommended Dosages for Different Conditions': [
    'daily-intake',
    'pregnancy-breastfeeding',
    'osteoporosis',
    'mk4-high-dose-japan',
    'vascular-calcification',
    'warfarin-interaction',
    'diabetes',
    'supplement-dosage',
  ],
  'Vitamin K2 MK7 vs MK4: Which is More Effective?': ['mk7-vs-mk4', 'mk4-high-dose-japan'],
  'How to Achieve Your Vitamin K2 Dosage with Food Sources': [
    'food-plan',
    'daily-intake',
    'natto',
    'cheese',
    'butter-dairy',
    'meat-liver-chicken',
    'egg-yolks',
    'eel',
    'fermented-veg',
    'k1-vs-k2',
  ],
  'Vitamin K Supplements: Analysis of Menaquinone-7 Content': [
    'choosing-mk7-supplement',
    'mk7-production',
    'supplement-dosage',
  ],
  'Interactions and Considerations': ['calcium-direction', 'warfarin-interaction'],
  'Vitamin K2 and Calcium': ['calcium-direction'],
  'Co-supplementation with Vitamin D3 and K2': ['d3-k2-cosupplementation', 'diabetes'],
  'Vitamin K2 and Anticoagulants: Important Considerations': ['warfarin-interaction'],
  'Potential Allergies and Side Effects': ['safety-side-effects', 'warfarin-interaction'],
  Conclusion: ['evidence-summary'],
};

describe('coverage matrix', () => {
  it('lists every article heading', () => {
    expect(Object.keys(COVERAGE_MATRIX).sort()).toEqual(findArticleHeadings(kb.articleText).sort());
  });

  it.each(Object.entries(COVERAGE_MATRIX))('"%s" feeds its planned topics', (heading, topicIds) => {
    const missing = topicIds.filter(
      (id) => !kb.topics.find((topic) => topic.id === id)?.sections.includes(heading),
    );
    expect(missing).toEqual([]);
  });
});
