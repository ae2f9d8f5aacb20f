import { Counter, collectDefaultMetrics, Gauge, Histogram, Registry } from 'prom-client';
import type { SettingsStore } from '../store/settingsStore.ts';
import type { Readiness, ShardState } from './readiness.ts';

/** Where a question reached the bot, as a metric label. */
export const REPLY_SURFACES = [
  'slash',
  'mention',
  'reply',
  'dm',
  'auto-channel',
  'context-menu',
  'button',
] as const;
export type ReplySurface = (typeof REPLY_SURFACES)[number];

/**
 * What a reply was. `partial` is reserved for answers that cover only part of a question; the
 * engine does not produce them yet, so its series stays at 0 until it does.
 */
export const REPLY_KINDS = ['answered', 'partial', 'declined', 'urgent'] as const;
export type ReplyKind = (typeof REPLY_KINDS)[number];

/** An engine outcome as handlers report it (Answer.kind and Answer.urgent). */
export interface AnswerOutcome {
  kind?: string | undefined;
  urgent?: boolean | undefined;
}

/** The metric label for an engine outcome; null for replies that answer no question (lists, notices). */
export function replyKindOf(outcome: AnswerOutcome): ReplyKind | null {
  if (outcome.urgent) return 'urgent';
  switch (outcome.kind) {
    case 'answer':
      return 'answered';
    case 'partial':
      return 'partial';
    case 'decline':
    case 'empty':
      return 'declined';
    default:
      return null;
  }
}

export interface MetricSources {
  shards: () => ShardState[] | null;
  guildCount: () => number | null;
  knowledgeVersion: () => string | null;
  readiness: () => Promise<Readiness>;
}

/** Reply latency buckets in seconds: a healthy reply takes milliseconds, a rate-limited one seconds. */
const LATENCY_BUCKETS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];

/**
 * The process's Prometheus registry. Labels are closed sets (kind, surface, shard, status,
 * operation): never question text, user, channel or guild ids. A manager process can merge the
 * registries of its shards with prom-client's AggregatorRegistry over `registry.getMetricsAsJSON()`.
 */
export function createBotMetrics(sources: MetricSources) {
  const registry = new Registry();
  const registers = [registry];
  collectDefaultMetrics({ register: registry });

  const replies = new Counter({
    name: 'k2_replies_total',
    help: 'Replies to questions, by what the reply was and where the question was asked',
    labelNames: ['kind', 'surface'] as const,
    registers,
  });
  const replyLatency = new Histogram({
    name: 'k2_reply_latency_seconds',
    help: 'Seconds from the Discord event arriving to the reply sent, by surface',
    labelNames: ['surface'] as const,
    buckets: LATENCY_BUCKETS,
    registers,
  });
  for (const surface of REPLY_SURFACES) {
    for (const kind of REPLY_KINDS) replies.inc({ kind, surface }, 0);
    replyLatency.zero({ surface });
  }

  const storeErrors = new Counter({
    name: 'k2_store_errors_total',
    help: 'Settings store calls that failed, by store operation',
    labelNames: ['operation'] as const,
    registers,
  });
  const rateLimited = new Counter({
    name: 'k2_discord_rest_rate_limited_total',
    help: 'Times discord.js held a REST request for a rate limit (its rateLimited event; every 429 leads to one)',
    labelNames: ['global'] as const,
    registers,
  });
  rateLimited.inc({ global: 'false' }, 0);
  rateLimited.inc({ global: 'true' }, 0);
  const reloads = new Counter({
    name: 'k2_knowledge_reloads_total',
    help: 'Knowledge reloads, by result (a failed one keeps the previous knowledge serving)',
    labelNames: ['result'] as const,
    registers,
  });
  reloads.inc({ result: 'success' }, 0);
  reloads.inc({ result: 'failure' }, 0);

  new Gauge({
    name: 'k2_knowledge_info',
    help: 'The knowledge version in use (knowledge/meta.json), as a label; the value is always 1',
    labelNames: ['version'] as const,
    registers,
    aggregator: 'max',
    collect() {
      this.reset();
      const version = sources.knowledgeVersion();
      if (version !== null) this.set({ version }, 1);
    },
  });
  new Gauge({
    name: 'k2_gateway_ping_seconds',
    help: 'Last gateway heartbeat round trip, by shard',
    labelNames: ['shard'] as const,
    registers,
    collect() {
      this.reset();
      for (const shard of sources.shards() ?? [])
        if (shard.pingMs !== null) this.set({ shard: String(shard.id) }, shard.pingMs / 1000);
    },
  });
  new Gauge({
    name: 'k2_gateway_shard_status',
    help: "Gateway status by shard: 1 on the shard's current status (ready, connecting, resuming, …)",
    labelNames: ['shard', 'status'] as const,
    registers,
    collect() {
      this.reset();
      for (const shard of sources.shards() ?? [])
        this.set({ shard: String(shard.id), status: shard.status }, 1);
    },
  });
  new Gauge({
    name: 'k2_guilds',
    help: 'Servers this process is in',
    registers,
    collect() {
      this.set(sources.guildCount() ?? 0);
    },
  });
  new Gauge({
    name: 'k2_ready',
    help: '1 when /readyz would answer 200 (gateway READY on every shard, store answering, knowledge loaded)',
    registers,
    // Across shard processes the whole bot is ready only when each one is.
    aggregator: 'min',
    async collect() {
      this.set((await sources.readiness()).ready ? 1 : 0);
    },
  });

  return {
    registry,
    /** One reply to a question; replies that answer no question (lists, notices) are not counted. */
    recordReply(surface: ReplySurface, outcome: AnswerOutcome, seconds: number): void {
      const kind = replyKindOf(outcome);
      if (!kind) return;
      replies.inc({ kind, surface });
      replyLatency.observe({ surface }, seconds);
    },
    recordRateLimited(global: boolean): void {
      rateLimited.inc({ global: String(global) });
    },
    recordKnowledgeReload(ok: boolean): void {
      reloads.inc({ result: ok ? 'success' : 'failure' });
    },
    recordStoreError(operation: string): void {
      storeErrors.inc({ operation });
    },
  };
}

export type BotMetrics = ReturnType<typeof createBotMetrics>;

/**
 * The store with every failed call counted, whatever methods the store has; behaviour is otherwise
 * unchanged (the error still reaches the caller).
 */
export function countStoreErrors(
  store: SettingsStore,
  metrics: Pick<BotMetrics, 'recordStoreError'>,
): SettingsStore {
  return new Proxy(store, {
    get(target, property, receiver) {
      const value: unknown = Reflect.get(target, property, receiver);
      if (typeof value !== 'function') return value;
      // Bound to the real store: its private fields are not reachable through the proxy.
      if (property === 'close') return value.bind(target);
      const operation = String(property);
      return (...args: unknown[]) => {
        const result: unknown = value.apply(target, args);
        if (!(result instanceof Promise)) return result;
        return result.catch((error: unknown) => {
          metrics.recordStoreError(operation);
          throw error;
        });
      };
    },
  });
}
