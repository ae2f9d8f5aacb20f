import type { Logger } from 'pino';
import { type Config, ConfigError } from '../config.ts';
import type { Engine } from '../engine/index.ts';
import type { SettingsStore } from '../store/settingsStore.ts';
import type { EngineHolder } from './engineHolder.ts';
import { HealthPortError, type HealthServer, startHealthServer } from './healthServer.ts';
import { createKnowledgeReloader, type ReloadResult, watchKnowledgeDir } from './knowledgeReloader.ts';
import { type BotMetrics, countStoreErrors, createBotMetrics } from './metrics.ts';
import { createReadinessCheck, type Readiness, type ShardState } from './readiness.ts';

/** What health checks and metrics read from the Discord side once it has connected. */
export interface GatewaySource {
  shards(): ShardState[];
  guildCount(): number;
}

export interface OperationsOptions {
  config: Pick<Config, 'HEALTH_PORT' | 'HEALTH_HOST' | 'KNOWLEDGE_WATCH'>;
  engines: EngineHolder;
  buildEngine: () => Engine;
  knowledgeDir: string;
  store: SettingsStore;
  logger: Logger;
}

export interface Operations {
  /** The store with failures counted: hand this one to the bot. */
  store: SettingsStore;
  metrics: BotMetrics;
  getReadiness(): Promise<Readiness>;
  /** Re-reads the knowledge and swaps it in when valid (also on SIGHUP and, if watched, on change). */
  reloadKnowledge(): ReloadResult;
  attachGateway(source: GatewaySource): void;
  /** Readiness waits for the answer workers: until they are built, questions could only be refused. */
  attachAnswers(ready: Promise<void>): void;
  /** Readiness turns 503 ("shutting down") so traffic moves elsewhere while replies drain. */
  beginShutdown(): void;
  close(): Promise<void>;
}

/**
 * Health, metrics and knowledge reload for one bot process. Everything a manager process needs to
 * gather from its shards is a function here: getReadiness, metrics.registry.getMetricsAsJSON,
 * reloadKnowledge.
 */
export async function startOperations(options: OperationsOptions): Promise<Operations> {
  const { config, engines, logger } = options;
  let gateway: GatewaySource | null = null;
  let draining = false;
  let answersProblem: string | null = null;
  const knowledgeVersion = () => engines.version();

  const metrics = createBotMetrics({
    shards: () => gateway?.shards() ?? null,
    guildCount: () => gateway?.guildCount() ?? null,
    knowledgeVersion,
    readiness: () => getReadiness(),
  });
  // The readiness probe and the bot share one counted store, so a failing probe counts too.
  const store = countStoreErrors(options.store, metrics);
  const getReadiness = createReadinessCheck({
    shards: () => gateway?.shards() ?? null,
    store,
    knowledgeVersion,
    answers: () => answersProblem,
    draining: () => draining,
  });

  const reloadKnowledge = createKnowledgeReloader({
    holder: engines,
    buildEngine: options.buildEngine,
    logger,
    onReloaded: (result) => metrics.recordKnowledgeReload(result.ok),
  });
  const onHangup = () => {
    logger.info({ signal: 'SIGHUP' }, 'reloading knowledge');
    reloadKnowledge();
  };
  process.on('SIGHUP', onHangup);
  const watcher = config.KNOWLEDGE_WATCH
    ? watchKnowledgeDir(
        options.knowledgeDir,
        () => {
          logger.info({ dir: options.knowledgeDir }, 'knowledge files changed, reloading');
          reloadKnowledge();
        },
        { onError: (error) => logger.error({ err: error }, 'cannot watch the knowledge folder any more') },
      )
    : null;

  let server: HealthServer | null = null;
  if (config.HEALTH_PORT !== undefined) {
    try {
      server = await startHealthServer({
        host: config.HEALTH_HOST,
        port: config.HEALTH_PORT,
        getReadiness,
        registry: metrics.registry,
        logger,
      });
    } catch (error) {
      process.off('SIGHUP', onHangup);
      watcher?.close();
      if (error instanceof HealthPortError)
        throw new ConfigError('HEALTH_PORT', `cannot be used: ${error.message}`);
      throw error;
    }
  }

  return {
    store,
    metrics: metrics,
    getReadiness,
    reloadKnowledge,
    attachGateway(source) {
      gateway = source;
    },
    attachAnswers(ready) {
      answersProblem = 'the answer workers are starting';
      ready.then(
        () => {
          answersProblem = null;
        },
        (error: unknown) => {
          answersProblem = `the answer workers could not start (${error instanceof Error ? error.message : String(error)})`;
        },
      );
    },
    beginShutdown() {
      draining = true;
    },
    async close() {
      process.off('SIGHUP', onHangup);
      watcher?.close();
      await server?.close();
    },
  };
}
