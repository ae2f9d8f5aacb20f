import { createInterface } from 'node:readline';
import type { Engine } from '../engine/index.ts';
import { chooseStyle, renderAnswerText, renderDosesText, renderFoodsText } from './render.ts';

export const CONNECT_HINT =
  'k2-bot terminal chat (no DISCORD_TOKEN set). To run it on Discord, copy .env.example to .env, ' +
  'fill in DISCORD_TOKEN and DISCORD_CLIENT_ID, then run npm run deploy and npm start.';

const HELP = `Ask anything about vitamin K2, in your own words. Commands:
  /topics   every topic the bot knows
  /topic ID one topic in full
  /foods    foods by K2 amount
  /dosage   the dose figures the article gives
  /help     this help
  /quit     leave (Ctrl+D works too)`;

export interface ChatDeps {
  engine: Engine;
  input?: NodeJS.ReadableStream;
  output?: NodeJS.WritableStream & { isTTY?: boolean };
}

function listTopicsText(engine: Engine): string {
  const lines = ['Topics (use /topic ID to read one):'];
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

  say(CONNECT_HINT);
  say(HELP);
  lines.setPrompt('you> ');
  if (interactive) lines.prompt();

  for await (const raw of lines) {
    const line = raw.trim();
    const [command, ...rest] = line.split(/\s+/);
    if (command === '/quit' || command === '/exit') break;
    if (command === '/help') say(HELP);
    else if (command === '/topics') say(renderAnswerText(engine.notice(listTopicsText(engine)), style));
    else if (command === '/foods')
      say(renderAnswerText(engine.notice(renderFoodsText(engine.listFoods())), style));
    else if (command === '/dosage' || command === '/doses') {
      say(
        renderAnswerText(engine.notice(renderDosesText(engine.listDoses()), { warningFirst: true }), style),
      );
    } else if (command === '/topic') {
      const id = rest.join('-').toLowerCase();
      const answer = engine.showTopic(id);
      say(
        answer
          ? renderAnswerText(answer, style)
          : renderAnswerText(engine.notice(`No topic "${id}". Type /topics to see them all.`), style),
      );
    } else if (line.startsWith('/')) {
      say(renderAnswerText(engine.notice(`Unknown command ${command}. Type /help for the list.`), style));
    } else if (line.length > 0) {
      say(renderAnswerText(engine.ask(line), style));
    }
    if (interactive) lines.prompt();
  }
  lines.close();
  output.write('Bye. Stay safe.\n');
}
