import { afterAll, beforeAll, describe, it } from 'vitest';
import { type Answerer, AnswerPool } from '../../src/discord/answerPool.ts';
import type { EmuInteraction } from './emulator/index.ts';
import { expectSafeReply, type Harness, isEphemeral, opt, safeReply, startHarness } from './harness.ts';
import { NATTO } from './stubEngine.ts';
import { STUB_WORKER } from './stubWorker.ts';

// An /ask whose answer is not ready within Discord's 3 s (a busy host) is acknowledged first and
// answered by editing the acknowledgement, instead of being refused as late.

/** How long the bot may take to acknowledge: the emulator refuses a first callback after 3 s, as Discord does. */
const ACK_DEADLINE_MS = 3000;
const BUSY = 'answered-busy';
/** One marker per test, so the slow answerer knows which interaction a question came in. */
const PUBLIC = 'asked-publicly';
const PRIVATE = 'asked-privately';

let h: Harness;
let pool: AnswerPool;
/** The interaction each test's question came in, by its marker, once the test has it. */
const interactionOf = new Map<string, Promise<EmuInteraction>>();
const handOver = new Map<string, (interaction: EmuInteraction) => void>();
function interactionFor(marker: string): Promise<EmuInteraction> {
  let interaction = interactionOf.get(marker);
  if (!interaction) {
    interaction = new Promise((resolve) => handOver.set(marker, resolve));
    interactionOf.set(marker, interaction);
  }
  return interaction;
}
function asked(marker: string, interaction: EmuInteraction): EmuInteraction {
  void interactionFor(marker);
  handOver.get(marker)?.(interaction);
  return interaction;
}

beforeAll(async () => {
  pool = await AnswerPool.start({ budgetMs: 250, workerModule: STUB_WORKER });
  const slow: Answerer = {
    // The answer is held until the bot has acknowledged the interaction on its own (a question
    // that never came back would do the same): it cannot be the first reply, only an edit of the
    // acknowledgement. Waiting for the acknowledgement instead of sleeping past Discord's 3 s
    // takes the bot's defer delay (1.5 s), not 3.5 s; a bot that never defers, or defers after
    // the deadline (refused), is never acknowledged and its test times out.
    ask: async (question, previous) => {
      const marker = [PUBLIC, PRIVATE, BUSY].find((m) => question.includes(m));
      if (!marker) throw new Error(`deferSlow: a question without a marker: ${question}`);
      await (await interactionFor(marker)).callback(ACK_DEADLINE_MS + 10_000);
      // A question the workers could not take in time, after all that waiting.
      if (marker === BUSY) return { status: 'busy' };
      return pool.ask(question, previous);
    },
    close: () => pool.close(),
  };
  h = await startHarness({ answerer: slow, emulator: { ackDeadlineMs: ACK_DEADLINE_MS } });
});
afterAll(async () => {
  await h?.stop();
});

// At once: each question waits for the bot's own defer timer; three in a row would wait three times.
describe.concurrent('a slow /ask', () => {
  it('is deferred in time, then the answer replaces the placeholder', async ({ expect }) => {
    const interaction = asked(
      PUBLIC,
      await h.emu.userRunsCommand({
        user: h.emu.users.alice,
        name: 'ask',
        options: [opt.string('question', `what is vitamin K2? ${PUBLIC}`)],
      }),
    );
    const reply = await safeReply(interaction, ACK_DEADLINE_MS + 10_000);
    expect(interaction.callbacks[0]?.type).toBe(5);
    expect(reply.embeds[0]?.title).toBe(NATTO.title);
    expect(isEphemeral(reply)).toBe(false);
  });

  it('keeps a private answer private', async ({ expect }) => {
    const interaction = asked(
      PRIVATE,
      await h.emu.userRunsCommand({
        user: h.emu.users.bob,
        name: 'ask',
        options: [opt.string('question', `what is vitamin K2? ${PRIVATE}`), opt.boolean('private', true)],
      }),
    );
    const reply = await safeReply(interaction, ACK_DEADLINE_MS + 10_000);
    expect(interaction.callbacks[0]?.type).toBe(5);
    expect(reply.embeds[0]?.title).toBe(NATTO.title);
    expect(isEphemeral(reply)).toBe(true);
  });

  it('a public placeholder for a question left unanswered is removed, and the notice is private', async ({
    expect,
  }) => {
    const interaction = asked(
      BUSY,
      await h.emu.userRunsCommand({
        user: h.emu.users.alice,
        name: 'ask',
        options: [opt.string('question', `${BUSY} natto`)],
      }),
    );
    const notice = await interaction.nextFollowup(ACK_DEADLINE_MS + 10_000);
    expect(interaction.callbacks[0]?.type).toBe(5);
    expect(interaction.deleted).toBe(true);
    expect(notice.embeds[0]?.title).toBe('Too many questions right now');
    expect(isEphemeral(notice)).toBe(true);
    expectSafeReply(notice);
  });
});
