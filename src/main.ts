import { runChat } from './cli/chat.ts';
import { ConfigError, describeConfig, loadConfig } from './config.ts';
import { startBot } from './discord/bot.ts';
import { createEngine } from './engine/index.ts';
import { KnowledgeError, loadKnowledge } from './kb/load.ts';
import { createLogger, shouldLogPretty } from './logger.ts';
import { StoreError } from './store/settingsStore.ts';
import { openSqliteStore } from './store/sqliteStore.ts';

/** Errors a user can fix from the message alone: print it plainly, no stack trace. */
function isExplainedError(error: unknown): error is Error {
  return error instanceof ConfigError || error instanceof KnowledgeError || error instanceof StoreError;
}

function waitForShutdownSignal(): Promise<NodeJS.Signals> {
  return new Promise((resolve) => {
    const onSignal = (signal: NodeJS.Signals) => {
      // A second signal means "now": skip the graceful path.
      process.once('SIGINT', () => process.exit(130));
      process.once('SIGTERM', () => process.exit(143));
      resolve(signal);
    };
    process.once('SIGINT', onSignal);
    process.once('SIGTERM', onSignal);
  });
}

/** The composition root: config -> knowledge -> engine -> store -> Discord, or the terminal chat. */
async function main(): Promise<number> {
  const config = loadConfig();
  const engine = createEngine(loadKnowledge(config.KNOWLEDGE_DIR));

  if (!config.DISCORD_TOKEN) {
    await runChat({ engine });
    return 0;
  }

  const logger = createLogger({ level: config.LOG_LEVEL, pretty: shouldLogPretty(config.NODE_ENV) });
  logger.info({ config: describeConfig(config), topics: engine.knowledge.topics.length }, 'starting k2-bot');
  const store = openSqliteStore(config.DATABASE_PATH, { logger });
  let bot: Awaited<ReturnType<typeof startBot>>;
  try {
    bot = await startBot({ config, engine, store, logger });
  } catch (error) {
    await store.close();
    const code = (error as { code?: unknown }).code;
    if (code === 'TokenInvalid') {
      throw new ConfigError('DISCORD_TOKEN', 'was rejected by Discord: check the bot token');
    }
    throw error;
  }

  const signal = await waitForShutdownSignal();
  logger.info({ signal }, 'shutting down: finishing replies in flight');
  await bot.stop();
  await store.close();
  logger.info('stopped');
  return 0;
}

main().then(
  (code) => {
    process.exitCode = code;
    // Open handles (a stray timer, the readline) must not keep a finished process alive.
    setTimeout(() => process.exit(code), 500).unref();
  },
  (error: unknown) => {
    console.error(isExplainedError(error) ? error.message : error);
    process.exit(1);
  },
);
