import { randomUUID } from 'node:crypto';
import { createInterface } from 'node:readline';
import { FollowUpMemory } from '../engine/followUpMemory.ts';
import type { Answer, Engine } from '../engine/index.ts';
import { texts } from '../kb/language.ts';
import { fillText } from '../kb/languageSchema.ts';
import { canBeRated, describeRatedReply, voteKey } from '../learning/feedback.ts';
import { dayOf, type LearningStore, type VoteValue } from '../store/learningStore.ts';
import { chatHelpText, findChatCommand } from './chatCommands.ts';
import {
  chooseStyle,
  renderAnswerText,
  renderDosesText,
  renderFoodsText,
  renderMoreText,
} from './renderText.ts';

const TERMINAL_TEXTS = texts().terminal;
/** The terminal chat is one conversation. */
const CHAT_CONVERSATION = 'terminal';

/** Where terminal votes go: the bot's database, opened on the first vote. */
export type VoteStore = Pick<LearningStore, 'voteSecret' | 'recordVote'> & { close(): Promise<void> };

export interface ChatDeps {
  engine: Engine;
  openVoteStore?: () => Promise<VoteStore>;
  input?: NodeJS.ReadableStream;
  output?: NodeJS.WritableStream & { isTTY?: boolean };
}

function listTopicsText(engine: Engine): string {
  const lines = [TERMINAL_TEXTS.topicsLead];
  let category = '';
  for (const topic of engine.listTopics()) {
    if (topic.category !== category) {
      category = topic.category;
      lines.push(`${category}:`);
    }
    lines.push(`  ${topic.id.padEnd(28)} ${topic.title}`);
  }
  return lines.join('\n');
}

/**
 * The interactive terminal chat: the same engine and the same safety output as Discord, so
 * anyone can try the bot in a minute without a token.
 */
export async function runChat({
  engine,
  input = process.stdin,
  output = process.stdout,
  openVoteStore,
}: ChatDeps): Promise<void> {
  const style = chooseStyle(output);
  const interactive = (input as { isTTY?: boolean }).isTTY === true;
  const lines = createInterface({
    input,
    output,
    terminal: interactive,
    crlfDelay: Number.POSITIVE_INFINITY,
  });
  const say = (text: string) => output.write(`${text}\n\n`);

  say(TERMINAL_TEXTS.connectHint);
  say(chatHelpText());
  lines.setPrompt('you> ');
  if (interactive) lines.prompt();

  const votes = terminalVotes(openVoteStore);
  let lastAnswer: { answer: Answer; id: string } | undefined;
  let answers = 0;
  // Each question is read in the context of the previous answer, for ten minutes (followUpMemory.ts).
  const context = new FollowUpMemory({ maxConversations: 1 });

  for await (const raw of lines) {
    const line = raw.trim();
    const [typed, ...rest] = line.split(/\s+/);
    const command = findChatCommand(typed);
    if (command === 'quit') break;
    if (command === 'help') say(chatHelpText());
    else if (command === 'new') {
      context.forget(CHAT_CONVERSATION);
      say(renderAnswerText(engine.notice(TERMINAL_TEXTS.newConversation), style));
    } else if (command === 'good' || command === 'bad') {
      const text = await votes.cast(lastAnswer, command === 'good' ? 'helpful' : 'not-helpful');
      say(renderAnswerText(engine.notice(text), style));
    } else if (command === 'topics') say(renderAnswerText(engine.notice(listTopicsText(engine)), style));
    else if (command === 'foods')
      say(renderAnswerText(engine.notice(renderFoodsText(engine.listFoods())), style));
    else if (command === 'dosage') {
      say(
        renderAnswerText(engine.notice(renderDosesText(engine.listDoses()), { warningFirst: true }), style),
      );
    } else if (command === 'topic') {
      const id = rest.join('-').toLowerCase();
      const answer = engine.showTopic(id);
      say(
        answer
          ? renderAnswerText(answer, style)
          : renderAnswerText(engine.notice(fillText(TERMINAL_TEXTS.noTopic, { id })), style),
      );
    } else if (command === 'more') {
      const topicId = lastAnswer?.answer.topic?.id;
      const topic = topicId ? engine.showTopic(topicId) : null;
      say(
        topic
          ? renderMoreText(topic, style)
          : renderAnswerText(engine.notice(TERMINAL_TEXTS.moreFirst), style),
      );
    } else if (line.startsWith('/')) {
      const notice = engine.notice(fillText(TERMINAL_TEXTS.unknownCommand, { command: typed ?? '' }));
      say(renderAnswerText(notice, style));
    } else if (line.length > 0) {
      const { answer, context: next } = engine.askInContext(line, context.get(CHAT_CONVERSATION));
      context.set(CHAT_CONVERSATION, next);
      answers += 1;
      lastAnswer = { answer, id: `answer-${answers}` };
      say(renderAnswerText(answer, style));
    }
    if (interactive) lines.prompt();
  }
  lines.close();
  await votes.close();
  output.write(`${TERMINAL_TEXTS.bye}\n`);
}

/** /good and /bad: one vote per answer of this chat session (a second one changes it), no server id. */
function terminalVotes(open: (() => Promise<VoteStore>) | undefined) {
  const session = randomUUID();
  let store: Promise<VoteStore> | undefined;
  return {
    async cast(last: { answer: Answer; id: string } | undefined, vote: VoteValue): Promise<string> {
      if (!last || !canBeRated(last.answer)) return TERMINAL_TEXTS.rateFirst;
      if (!open) return TERMINAL_TEXTS.votesNotSaved;
      try {
        store ??= open();
        const opened = await store;
        const outcome = await opened.recordVote(voteKey(await opened.voteSecret(), session, last.id), {
          guildId: null,
          ...describeRatedReply(last.answer),
          vote,
          day: dayOf(new Date()),
        });
        const label = vote === 'helpful' ? TERMINAL_TEXTS.helpful : TERMINAL_TEXTS.notHelpful;
        return fillText(outcome === 'changed' ? TERMINAL_TEXTS.voteChanged : TERMINAL_TEXTS.voteRecorded, {
          label,
        });
      } catch (error) {
        store = undefined;
        return fillText(TERMINAL_TEXTS.voteFailed, { reason: (error as Error).message });
      }
    },
    async close(): Promise<void> {
      await (await store?.catch(() => undefined))?.close();
    },
  };
}
