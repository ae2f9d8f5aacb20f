import type { Command } from '../command.ts';
import about from './about.ts';
import ask from './ask.ts';
import askMessage from './askMessage.ts';
import dosage from './dosage.ts';
import foods from './foods.ts';
import { createHelpCommand } from './help.ts';
import settings from './settings.ts';
import topic from './topic.ts';
import topics from './topics.ts';

/** The one list of commands: the dispatcher routes by it and deploy registers it. */
export const COMMANDS: readonly Command[] = [
  ask,
  topic,
  topics,
  foods,
  dosage,
  about,
  createHelpCommand(() => COMMANDS),
  settings,
  askMessage,
];

export function findCommand(name: string): Command | undefined {
  return COMMANDS.find((command) => command.data.name === name);
}
