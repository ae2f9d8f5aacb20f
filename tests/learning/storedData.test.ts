import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { renderAbout } from '../../src/discord/renderEmbeds.ts';
import { describeStoredData } from '../../src/learning/storedData.ts';
import { REPO_ROOT } from '../compiled.ts';
import { sharedEngine } from '../sharedEngine.ts';

const defaults = { retentionDays: 30, graceDays: 7 };

describe('what is stored, and for how long', () => {
  it('the README lists it in the words /about and /settings show use', () => {
    const readme = readFileSync(`${REPO_ROOT}README.md`, 'utf8');
    for (const item of describeStoredData(defaults))
      expect(readme).toContain(`**${item.what}:** ${item.details}`);
  });

  it('/about shows every item with the periods the operator set', () => {
    const engine = sharedEngine();
    const { meta, topics } = engine.knowledge;
    const about = renderAbout(
      { meta, topicCount: topics.length, retention: { retentionDays: 14, graceDays: 3 } },
      engine.notice('').safety,
    );
    const fields = about.embeds[0]?.fields ?? [];
    for (const item of describeStoredData({ retentionDays: 14, graceDays: 3 })) {
      expect(fields.map((f) => f.value)).toContain(item.details);
    }
    expect(fields.map((f) => f.value).join('\n')).toContain('Kept 14 days.');
    expect(fields.map((f) => f.value).join('\n')).toContain('deleted 3 days after K2 Bot is removed');
  });
});
