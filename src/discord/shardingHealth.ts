import {
  AggregatorRegistry,
  Counter,
  Gauge,
  type MetricObjectWithValues,
  type MetricValue,
  Registry,
} from 'prom-client';
import type { Logger } from '../logger.ts';
import { type HealthServer, startHealthServer } from '../ops/healthServer.ts';
import type { Readiness, ShardState } from '../ops/readiness.ts';
import type { RunningShardManager } from './shardManager.ts';

type MetricsJson = MetricObjectWithValues<MetricValue<string>>[];

/** How long the manager waits for a shard's answer before calling that shard not ready. */
const SHARD_ANSWER_TIMEOUT_MS = 3000;

export interface ShardedReadiness extends Readiness {
  /** Each shard process's own readiness (or why it could not be read). */
  shards: Array<{ id: number; ready: boolean; reason: string | null; knowledgeVersion: string | null }>;
}

async function askEach<T>(
  running: RunningShardManager,
  what: string,
): Promise<Array<{ id: number; value?: T; error?: string }>> {
  return Promise.all(
    running.shardIds.map((id) =>
      running.ask(id, what, SHARD_ANSWER_TIMEOUT_MS).then(
        (value) => ({ id, value: value as T }),
        (error: unknown) => ({ id, error: error instanceof Error ? error.message : String(error) }),
      ),
    ),
  );
}

/** The host is ready when every shard process it runs is: their gateway, store and knowledge checks. */
export async function readinessOfShards(
  running: RunningShardManager,
  draining: boolean,
): Promise<ShardedReadiness> {
  const answers = await askEach<Readiness>(running, 'readiness');
  const reasons: string[] = draining ? ['shutting down'] : [];
  const gatewayShards: ShardState[] = [];
  const storeErrors: string[] = [];
  const answerErrors: string[] = [];
  const versions = new Set<string>();
  const shards: ShardedReadiness['shards'] = [];
  for (const { id, value, error } of answers) {
    if (!value) {
      reasons.push(`shard ${id}: ${error}`);
      gatewayShards.push({ id, status: 'not-running', ready: false, pingMs: null });
      shards.push({ id, ready: false, reason: error ?? 'no answer', knowledgeVersion: null });
      continue;
    }
    if (!value.ready) reasons.push(`shard ${id}: ${value.reason}`);
    gatewayShards.push(...value.checks.gateway.shards);
    if (!value.checks.store.ready) storeErrors.push(`shard ${id}: ${value.checks.store.error}`);
    if (!value.checks.answers.ready) answerErrors.push(`shard ${id}: ${value.checks.answers.error}`);
    if (value.knowledgeVersion !== null) versions.add(value.knowledgeVersion);
    shards.push({ id, ready: value.ready, reason: value.reason, knowledgeVersion: value.knowledgeVersion });
  }
  // During a reload shards may briefly differ; only one common version is reported as "the" version.
  const version = versions.size === 1 ? ([...versions][0] as string) : null;
  const knowledgeReady = shards.every((s) => s.knowledgeVersion !== null);
  return {
    ready: reasons.length === 0,
    reason: reasons.length ? reasons.join('; ') : null,
    knowledgeVersion: version,
    checks: {
      gateway: { ready: gatewayShards.every((s) => s.ready), shards: gatewayShards },
      store: storeErrors.length ? { ready: false, error: storeErrors.join('; ') } : { ready: true },
      answers: answerErrors.length ? { ready: false, error: answerErrors.join('; ') } : { ready: true },
      knowledge: { ready: knowledgeReady, version },
    },
    shards,
  };
}

/**
 * The shards' registries merged (counters and histograms summed, `k2_ready` the minimum), plus the
 * manager's own: restarts and which shard processes are up.
 */
class ShardsRegistry extends Registry {
  constructor(
    private readonly running: RunningShardManager,
    private readonly own: Registry,
  ) {
    super();
  }

  override async metrics(): Promise<string> {
    const answers = await askEach<MetricsJson>(this.running, 'metrics');
    const perProcess = [
      ...answers.flatMap((a) => (a.value ? [a.value] : [])),
      await this.own.getMetricsAsJSON(),
    ];
    return AggregatorRegistry.aggregate(
      perProcess as Parameters<typeof AggregatorRegistry.aggregate>[0],
    ).metrics();
  }
}

function createManagerRegistry(running: RunningShardManager): Registry {
  const registry = new Registry();
  const registers = [registry];
  new Gauge({
    name: 'k2_shard_up',
    help: "1 when the shard's process runs and its gateway connection is READY, by shard (the manager's view)",
    labelNames: ['shard'] as const,
    registers,
    collect() {
      for (const status of running.statuses()) this.set({ shard: String(status.id) }, status.ready ? 1 : 0);
    },
  });
  new Counter({
    name: 'k2_shard_restarts_total',
    help: 'Shard processes the manager restarted after they exited, by shard',
    labelNames: ['shard'] as const,
    registers,
    collect() {
      this.reset();
      for (const status of running.statuses()) this.inc({ shard: String(status.id) }, status.restarts);
    },
  });
  // Same name and aggregator as each shard's: a shard process that is down pulls the host to 0.
  new Gauge({
    name: 'k2_ready',
    help: '1 when /readyz would answer 200 (gateway READY on every shard, store answering, knowledge loaded)',
    registers,
    aggregator: 'min',
    collect() {
      this.set(running.statuses().every((s) => s.ready) ? 1 : 0);
    },
  });
  return registry;
}

/**
 * HEALTH_PORT in sharded mode: the manager answers for every shard of this host, asking each shard
 * process the questions main.ts answers there ('readiness', 'metrics').
 */
export async function startShardsHealthServer(options: {
  host: string;
  port: number;
  running: RunningShardManager;
  draining: () => boolean;
  logger: Logger;
}): Promise<HealthServer> {
  const { running } = options;
  return startHealthServer({
    host: options.host,
    port: options.port,
    getReadiness: () => readinessOfShards(running, options.draining()),
    registry: new ShardsRegistry(running, createManagerRegistry(running)),
    logger: options.logger,
  });
}
