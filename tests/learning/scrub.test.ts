import { describe, expect, it } from 'vitest';
import { MAX_RECORDED_CHARS, scrubQuestion } from '../../src/learning/scrub.ts';

describe('scrubQuestion', () => {
  it.each([
    ['<@123456789012345678> does k2 help gout?', 'does k2 help gout?'],
    ['<@!123456789012345678> k2 for <@&223456789012345678> in <#323456789012345678>', 'k2 for in'],
    ['@everyone @here is natto safe', 'is natto safe'],
    ['see https://example.com/a?b=1 and www.example.org please', 'see and please'],
    ['is example.com right? join discord.gg/abc', 'is right? join'],
    ['mail me at jane.doe+k2@mail.example.co.uk about mk7', 'mail me at about mk7'],
    ['call +44 20 7946 0958 or (555) 123-4567 about k2', 'call or about k2'],
    ['my id is 123456789012345678, dose?', 'my id is , dose?'],
    ['hey @bob is mk4 better', 'hey is mk4 better'],
    ['is 90-120 mcg ok, or 1000 mcg, or 45 to 90?', 'is 90-120 mcg ok, or 1000 mcg, or 45 to 90?'],
    ['2 x 100 mcg of mk-7 in 2024', '2 x 100 mcg of mk-7 in 2024'],
  ])('%s → %s', (input, expected) => {
    expect(scrubQuestion(input)).toBe(expected);
  });

  it(`keeps at most ${MAX_RECORDED_CHARS} characters`, () => {
    const long = `does k2 ${'really '.repeat(100)}help`;
    const cleaned = scrubQuestion(long);
    expect(cleaned.length).toBeLessThanOrEqual(300);
    expect(long.startsWith(cleaned)).toBe(true);
  });
});
