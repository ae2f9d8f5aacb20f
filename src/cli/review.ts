import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { ConfigError, loadConfig } from '../config.ts';
import { KnowledgeError, loadKnowledge } from '../kb/load.ts';
import { buildReview, formatReview, type ReviewReport } from '../learning/review.ts';
import { dayOf } from '../store/learningStore.ts';
import { openSettingsStore } from '../store/openStore.ts';
import { StoreError } from '../store/settingsStore.ts';

const USAGE = `The operator's review of what k2-bot could not answer and which answers did not help.

  npm run review                    everything still kept (LEARNING_RETENTION_DAYS, default 30 days)
  npm run review -- --since 7d      the last 7 days (also 12h, 2w, or a date: 2026-11-01)
  npm run review -- --json          one JSON object

Reads the database the bot uses (DATABASE_URL, else DATABASE_PATH). Questions are recorded only
in servers whose admins ran /settings learning on (and in DMs with LEARNING_DMS=1).`;

const DAY_MS = 24 * 60 * 60 * 1000;

/** `7d`, `12h`, `2w` or `YYYY-MM-DD` to the first day included; undefined when it is neither. */
export function parseSince(text: string, now: Date): string | undefined {
  const relative = /^(\d{1,5})\s*([hdw])$/i.exec(text.trim());
  if (relative) {
    const amount = Number(relative[1]);
    const unitMs = { h: DAY_MS / 24, d: DAY_MS, w: 7 * DAY_MS }[
      (relative[2] ?? 'd').toLowerCase() as 'h' | 'd' | 'w'
    ];
    return dayOf(new Date(now.getTime() - amount * unitMs));
  }
  if (/^\d{4}-\d{2}-\d{2}$/.test(text.trim()) && !Number.isNaN(Date.parse(text.trim()))) return text.trim();
  return undefined;
}

export interface ReviewRun {
  exitCode: number;
  stdout: string;
  stderr: string;
}

export async function runReview(
  argv: string[],
  env: NodeJS.ProcessEnv = process.env,
  now = new Date(),
): Promise<ReviewRun> {
  let values: { since?: string | undefined; json?: boolean | undefined; help?: boolean | undefined };
  try {
    ({ values } = parseArgs({
      args: argv,
      options: {
        since: { type: 'string' },
        json: { type: 'boolean', default: false },
        help: { type: 'boolean', short: 'h', default: false },
      },
    }));
  } catch (error) {
    return { exitCode: 2, stdout: '', stderr: `${(error as Error).message}\n\n${USAGE}\n` };
  }
  if (values.help) return { exitCode: 0, stdout: `${USAGE}\n`, stderr: '' };

  let config: ReturnType<typeof loadConfig>;
  try {
    config = loadConfig(env);
  } catch (error) {
    if (error instanceof ConfigError) return { exitCode: 2, stdout: '', stderr: `${error.message}\n` };
    throw error;
  }
  const since =
    values.since === undefined
      ? dayOf(new Date(now.getTime() - config.LEARNING_RETENTION_DAYS * DAY_MS))
      : parseSince(values.since, now);
  if (since === undefined) {
    return {
      exitCode: 2,
      stdout: '',
      stderr: `--since ${values.since}: use a number of hours, days or weeks (12h, 7d, 2w) or a date (2026-11-01).\n`,
    };
  }
  if (!config.DATABASE_URL && !existsSync(config.DATABASE_PATH)) {
    return {
      exitCode: 1,
      stdout: '',
      stderr: `No database at ${resolve(config.DATABASE_PATH)} (DATABASE_PATH): the bot has recorded nothing here yet.\n`,
    };
  }

  let knowledge: ReturnType<typeof loadKnowledge>;
  try {
    knowledge = loadKnowledge(config.KNOWLEDGE_DIR);
  } catch (error) {
    if (error instanceof KnowledgeError) {
      return { exitCode: 1, stdout: '', stderr: `invalid knowledge: ${error.message}\n` };
    }
    throw error;
  }
  const quiet = { error: () => undefined, warn: () => undefined, info: () => undefined };
  let report: ReviewReport;
  try {
    const store = await openSettingsStore(config, quiet);
    try {
      const [questions, votes] = await Promise.all([store.readQuestions(since), store.readVotes(since)]);
      report = buildReview({ since, questions, votes, knowledge });
    } finally {
      await store.close();
    }
  } catch (error) {
    if (error instanceof StoreError) return { exitCode: 1, stdout: '', stderr: `${error.message}\n` };
    throw error;
  }
  const stdout = values.json ? `${JSON.stringify(report, null, 2)}\n` : `${formatReview(report)}\n`;
  return { exitCode: 0, stdout, stderr: '' };
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const result = await runReview(process.argv.slice(2));
  process.stdout.write(result.stdout);
  process.stderr.write(result.stderr);
  process.exitCode = result.exitCode;
}
