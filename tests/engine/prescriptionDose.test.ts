import { describe, expect, it } from 'vitest';
import { sharedEngine } from '../sharedEngine.ts';

// Blind round 31: "how much would i take" after a question on K2 with alendronate opened with "45
// mg of MK-4 a day." as if it were the asker's dose. The fact-check: 45 mg is menatetrenone, a
// prescription drug in Japan, hundreds of times a supplement's amount.
describe('the osteoporosis dose the article gives', () => {
  const engine = sharedEngine();

  it.each(['what amount of k2 is used for osteoporosis', 'osteoporosis k2 dosage?'])(
    '%j says in its first sentence that 45 mg is a prescription drug dose',
    (q) => {
      const first = engine.ask(q).body.split(/(?<=\.) /)[0] ?? '';
      expect(first).toMatch(/45 mg/);
      expect(first).toMatch(/prescription/);
      expect(first).toMatch(/not a supplement dose/);
    },
  );

  it('asked as a follow-up after K2 with alendronate, too', () => {
    const conversation = engine.startConversation();
    conversation.ask('my mum is on alendronate for osteoporosis, would k2 add anything?');
    expect(conversation.ask('what dose then').body).toMatch(
      /^45 mg of MK-4 a day is a prescription drug dose/,
    );
  });
});
