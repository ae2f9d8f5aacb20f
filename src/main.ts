import { fileURLToPath } from 'node:url';
import { staleBuildWarning } from './buildFreshness.ts';
import { type Config, ConfigError, describeConfig, loadConfig, prepareDatabaseFolder } from './config.ts';
import type { AnswerPool } from './discord/answerPool.ts';
import type { startBot as StartBot } from './discord/bot.ts';
import { GatewayError } from './discord/gatewayStatus.ts';
import { answerShardManager, joinShardManager, processRole } from './discord/sharding.ts';
import type { Engine } from './engine/index.ts';
import { installLanguage } from './kb/language.ts';
import {
  DEFAULT_KNOWLEDGE_DIR,
  KnowledgeError,
  type Language,
  loadKnowledgeWithLanguage,
} from './kb/load.ts';
import type { KnowledgeBase } from './kb/schema.ts';
import { createLogger, type Logger, shouldLogPretty } from './logger.ts';
import { EngineHolder } from './ops/engineHolder.ts';
import type { Operations } from './ops/operations.ts';
import { openSettingsStore } from './store/openStore.ts';
import { type SettingsStore, StoreError } from './store/settingsStore.ts';

const NETWORK_ERROR_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ENOTFOUND',
  'EAI_AGAIN',
  'ETIMEDOUT',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'UND_ERR_CONNECT_TIMEOUT',
  'UND_ERR_SOCKET',
]);

/** The network reason behind a failed request (fetch wraps it in `cause`), or undefined if it was not the network. */
function networkFailure(error: unknown): string | undefined {
  for (let current = error, depth = 0; current instanceof Error && depth < 4; depth++) {
    const code = (current as { code?: unknown }).code;
    if (typeof code === 'string' && NETWORK_ERROR_CODES.has(code)) return `${code}: ${current.message}`;
    if (current.name === 'AbortError') return 'no answer before the request timed out';
    current = (current as { cause?: unknown }).cause;
  }
  return undefined;
}

/** The answer workers did not start: without them no question is answered, so the bot must not run. */
class AnswerWorkersError extends Error {
  constructor(cause: unknown) {
    super(
      `the answer workers could not start (${cause instanceof Error ? cause.message : String(cause)}); no question can be answered, so k2-bot stops. Check that dist/ is complete (npm run build) and that the knowledge files load (npm run kb:check)`,
    );
    this.name = 'AnswerWorkersError';
  }
}

/**
 * Every way start-up or the running bot can fail for good, as one error-level JSON line that names the
 * cause and what to do, so a person at a terminal and a log pipeline read the same thing.
 */
function reportFatal(logger: Logger, error: unknown, apiBase: string | undefined): void {
  if (error instanceof ConfigError) {
    logger.error({ event: 'fatal', variables: error.problems.map((p) => p.variable) }, error.message);
  } else if (error instanceof GatewayError) {
    logger.error({ event: 'fatal', closeCode: error.closeCode }, error.message);
  } else if (
    error instanceof KnowledgeError ||
    error instanceof StoreError ||
    error instanceof AnswerWorkersError
  ) {
    logger.error({ event: 'fatal' }, error.message);
  } else if (networkFailure(error) !== undefined) {
    logger.error(
      { event: 'fatal' },
      `cannot reach the Discord API at ${apiBase ?? 'DISCORD_API_BASE'} (${networkFailure(error)}). Check the network, a proxy or firewall, and DISCORD_API_BASE`,
    );
  } else {
    logger.error({ event: 'fatal', err: error }, 'k2-bot stopped on an unexpected error');
  }
}

/** Used until the configuration is known to be valid: the level and style the operator most likely asked for. */
function startupLogger(): Logger {
  const level = process.env.LOG_LEVEL?.trim();
  const known = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'];
  return createLogger({
    level: level && known.includes(level) ? level : 'info',
    pretty: shouldLogPretty(process.env.NODE_ENV?.trim() || 'development'),
  });
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

/**
 * Shard children inherit the manager's environment, so they would all bind one HEALTH_PORT: a child
 * serves no HTTP; the manager asks it for its readiness and metrics over IPC instead.
 */
function healthConfigOf(config: Config, logger: Logger): Config {
  if (config.HEALTH_PORT === undefined || processRole(config) !== 'shard') return config;
  logger.info('HEALTH_PORT is not bound in a shard process: one port cannot serve every shard');
  return { ...config, HEALTH_PORT: undefined };
}

interface Knowledge {
  /** Opened before the engine and the answer workers were built; closed by runBot from then on. */
  store: SettingsStore;
  engines: EngineHolder;
  dir: string;
  buildEngine: () => Engine;
  /** Launched already; the bot's `answersReady` says when its workers are ready or cannot start. */
  pool: AnswerPool;
}

async function runBot(
  config: Config & { DISCORD_TOKEN: string },
  knowledge: Knowledge,
  logger: Logger,
): Promise<number> {
  const { engines, pool, store: rawStore } = knowledge;
  logger.info(
    {
      config: describeConfig(config),
      topics: engines.current().knowledge.topics.length,
      knowledgeVersion: engines.version(),
    },
    'starting k2-bot',
  );
  let ops: Operations;
  try {
    // prom-client and the health server are loaded only by the process that connects to Discord.
    const { startOperations } = await import('./ops/operations.ts');
    // Before connecting, so /readyz answers 503 while the gateway is still coming up.
    ops = await startOperations({
      config: healthConfigOf(config, logger),
      engines,
      buildEngine: knowledge.buildEngine,
      knowledgeDir: knowledge.dir,
      store: rawStore,
      logger,
    });
  } catch (error) {
    await rawStore.close();
    throw error;
  }
  const store = ops.store;
  // In a shard child: the manager gathers these over IPC (elsewhere this does nothing).
  answerShardManager({
    readiness: () => ops.getReadiness(),
    metrics: () => ops.metrics.registry.getMetricsAsJSON(),
    'reload-knowledge': async () => ops.reloadKnowledge(),
  });
  let reportGatewayFailure: (error: GatewayError) => void = () => {};
  const gatewayFailed = new Promise<GatewayError>((resolve) => {
    reportGatewayFailure = resolve;
  });
  // discord.js is most of the start-up cost: load it only on the paths that connect to Discord.
  const [{ startBot }, { gatewaySourceOf }] = await Promise.all([
    import('./discord/bot.ts'),
    import('./discord/shardHealth.ts'),
  ]);
  let bot: Awaited<ReturnType<typeof StartBot>>;
  try {
    bot = await startBot({
      config,
      engine: engines.current(),
      engines,
      store,
      logger,
      metrics: ops.metrics,
      onFatal: (error) => reportGatewayFailure(error),
      answerPool: pool,
    });
    ops.attachGateway(gatewaySourceOf(bot.client));
    ops.attachAnswers(bot.answersReady);
  } catch (error) {
    await pool.close();
    await ops.close();
    await store.close();
    const code = (error as { code?: unknown }).code;
    if (code === 'TokenInvalid') {
      throw new ConfigError('DISCORD_TOKEN', 'was rejected by Discord: check the bot token');
    }
    throw error;
  }

  const workersFailed = bot.answersReady.then(
    () => new Promise<never>(() => {}),
    (error: unknown) => new AnswerWorkersError(error),
  );
  const outcome = await Promise.race([waitForShutdownSignal(), gatewayFailed, workersFailed]);
  if (outcome instanceof GatewayError || outcome instanceof AnswerWorkersError) {
    reportFatal(logger, outcome, config.DISCORD_API_BASE);
    ops.beginShutdown();
    await bot.stop();
    await store.close();
    await ops.close();
    return 1;
  }
  logger.info({ signal: outcome }, 'shutting down: finishing replies in flight');
  ops.beginShutdown();
  await bot.stop();
  await store.close();
  await ops.close();
  logger.info('stopped');
  return 0;
}

/** The composition root: config -> knowledge -> engine -> store -> Discord, or the terminal chat. */
async function main(): Promise<number> {
  let logger = startupLogger();
  let config: Config | undefined;
  // Only the compiled main.js sits in dist/; under tsx this file is src/main.ts and nothing can be stale.
  const stale = staleBuildWarning(
    fileURLToPath(new URL('.', import.meta.url)),
    fileURLToPath(new URL('../src', import.meta.url)),
  );
  if (stale && import.meta.url.endsWith('.js')) logger.warn({ event: 'stale-build' }, stale);
  try {
    config = loadConfig();
    // SHARD_COUNT/SHARD_LIST: this process only supervises shard children, each running the code below.
    if (config.DISCORD_TOKEN && processRole(config) === 'shard-manager') {
      const { runShardManager } = await import('./discord/shardManager.ts');
      return await runShardManager(config);
    }
    const dir = config.KNOWLEDGE_DIR ?? DEFAULT_KNOWLEDGE_DIR;
    const loaded = loadKnowledgeWithLanguage(dir);
    // The whole process speaks the language files of the knowledge it serves. The engine's and the
    // Discord layer's modules read them when they load, so they are imported only after this.
    if (!installLanguage(loaded.language)) {
      throw new Error(
        'a module read the language files before main.ts installed them: import it dynamically',
      );
    }
    const { DISCORD_TOKEN: token } = config;
    if (!token) {
      // A container whose secret was not injected has no terminal: fail loudly instead of chatting to
      // nobody, and before building the engine, so the message comes at once.
      if (!process.stdin.isTTY) {
        logger.error(
          { event: 'fatal', variables: ['DISCORD_TOKEN'] },
          'DISCORD_TOKEN is missing: set it (see .env.example) to run the bot. Without it `npm start` opens the terminal chat, which needs an interactive terminal; for questions from a pipe use `npm run ask -- --jsonl`',
        );
        return 1;
      }
      const { createEngine } = await import('./engine/index.ts');
      const engine = createEngine(loaded.knowledge);
      // Terminal votes (/good, /bad) go to the same database as the bot's, opened on the first vote.
      const storeConfig = config;
      const { runChat } = await import('./cli/chat.ts');
      await runChat({
        engine,
        openVoteStore: () => openSettingsStore(storeConfig, logger),
      });
      return 0;
    }
    logger = joinShardManager(
      createLogger({ level: config.LOG_LEVEL, pretty: shouldLogPretty(config.NODE_ENV) }),
    );
    // A DATABASE_PATH whose folder cannot exist is a configuration error: say so before the engine
    // and the answer workers are built.
    if (!config.DATABASE_URL) prepareDatabaseFolder(config.DATABASE_PATH);
    // Opened first for the same reason: a corrupt or unreachable database is reported at once, not
    // after the engine and the answer workers have been built for nothing.
    const store = await openSettingsStore(config, logger);
    let knowledge: Knowledge;
    try {
      const { createEngine } = await import('./engine/index.ts');
      // This thread's engine serves autocomplete, topics and lists; the workers answer questions.
      const languages = new WeakMap<KnowledgeBase, Language>([[loaded.knowledge, loaded.language]]);
      const startLanguage = JSON.stringify(loaded.language);
      const buildEngine = () => {
        // A reload is how an edit reaches the bot: always validated, whatever the build's snapshot says.
        const next = loadKnowledgeWithLanguage(dir, { snapshot: false });
        languages.set(next.knowledge, next.language);
        if (JSON.stringify(next.language) !== startLanguage) {
          logger.warn(
            { event: 'language-reload' },
            'texts.json or lexicon/ differ from start-up: answers use the new files once the new answer workers are ready; the Discord labels and notices and the autocomplete words keep the start-up files until a restart',
          );
        }
        return createEngine(next.knowledge, { warmUp: 'suggestions' });
      };
      const engines = new EngineHolder(createEngine(loaded.knowledge, { warmUp: 'suggestions' }));
      // Started now, after this thread's own engine (on a small machine building both at once only
      // slows both down), so the workers build theirs while this thread loads discord.js and
      // connects: one is ready by the gateway's READY. The bot reports a failure.
      const { AnswerPool } = await import('./discord/answerPool.ts');
      let pool: AnswerPool;
      try {
        pool = AnswerPool.create({
          knowledge: loaded,
          knowledgeDir: dir,
          budgetMs: config.ANSWER_TIME_BUDGET_MS,
          size: config.ANSWER_WORKERS,
          logger,
        });
      } catch (error) {
        // The worker module is missing (an incomplete dist/).
        throw new AnswerWorkersError(error);
      }
      pool.launch().catch(() => {});
      // A reload rebuilds the workers from the validated knowledge and its language files.
      engines.onSwap((next) => pool.reload(next.knowledge, languages.get(next.knowledge)));
      knowledge = { store, engines, dir, buildEngine, pool };
    } catch (error) {
      await store.close();
      throw error;
    }
    return await runBot({ ...config, DISCORD_TOKEN: token }, knowledge, logger);
  } catch (error) {
    reportFatal(logger, error, config?.DISCORD_API_BASE);
    return 1;
  }
}

main().then((code) => {
  process.exitCode = code;
  // Open handles (a stray timer, the readline) must not keep a finished process alive; the delay
  // lets an asynchronous log transport write the last line first.
  setTimeout(() => process.exit(code), 500).unref();
});
