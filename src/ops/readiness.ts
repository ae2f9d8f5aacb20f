import type { SettingsStore } from '../store/settingsStore.ts';

/** One gateway shard as health checks and metrics see it. */
export interface ShardState {
  id: number;
  /** discord.js's status name in lower case: ready, connecting, reconnecting, resuming, … */
  status: string;
  ready: boolean;
  /** Last heartbeat round trip; null until the first heartbeat is acknowledged. */
  pingMs: number | null;
}

export interface Readiness {
  ready: boolean;
  /** Why the process is not ready, one clause per failing check; null when ready. */
  reason: string | null;
  knowledgeVersion: string | null;
  checks: {
    gateway: { ready: boolean; shards: ShardState[] };
    store: { ready: boolean; error?: string };
    knowledge: { ready: boolean; version: string | null };
    answers: { ready: boolean; error?: string };
  };
}

export interface ReadinessSources {
  /** The shards this process runs; null while the client has not connected yet. */
  shards: () => ShardState[] | null;
  store: SettingsStore;
  /** Version of the knowledge in use; null when none is loaded. */
  knowledgeVersion: () => string | null;
  /** Why questions cannot be answered yet (answer workers still building their engines); null when they can. */
  answers?: () => string | null;
  /** True once shutdown has begun: a draining process should get no new traffic. */
  draining?: () => boolean;
  storeTimeoutMs?: number;
}

/** A guild id no server has: reading it makes the store do a real round trip without side effects. */
const PROBE_GUILD_ID = '0';

/** A store's own health check (the stores in src/store have one). */
interface SelfCheckingStore {
  checkHealth?(): Promise<void>;
}

async function probeStore(
  store: SettingsStore & SelfCheckingStore,
  timeoutMs: number,
): Promise<string | null> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<string>((resolve) => {
    timer = setTimeout(() => resolve(`did not answer within ${timeoutMs} ms`), timeoutMs);
  });
  // Both: a read finds a corrupt file that the store's own check may not; the check finds a
  // networked database that is down while reads still answer from memory.
  const probe = (async () => {
    await store.checkHealth?.();
    await store.getGuildSettings(PROBE_GUILD_ID);
  })();
  try {
    return await Promise.race([probe.then(() => null), timeout]);
  } catch (error) {
    return error instanceof Error ? error.message : String(error);
  } finally {
    clearTimeout(timer);
  }
}

/**
 * Builds `getReadiness()`: ready only when every shard of this process is READY, the store answers
 * and a knowledge base is loaded. A manager process can call it in each shard and combine them.
 */
export function createReadinessCheck(sources: ReadinessSources): () => Promise<Readiness> {
  const storeTimeoutMs = sources.storeTimeoutMs ?? 2000;
  return async () => {
    const reasons: string[] = [];
    if (sources.draining?.()) reasons.push('shutting down');

    const shards = sources.shards();
    const gatewayReady = shards !== null && shards.length > 0 && shards.every((shard) => shard.ready);
    if (shards === null || shards.length === 0) reasons.push('gateway: not connected yet');
    else
      for (const shard of shards.filter((s) => !s.ready))
        reasons.push(`gateway: shard ${shard.id} is ${shard.status}`);

    const storeError = await probeStore(sources.store, storeTimeoutMs);
    if (storeError) reasons.push(`store: ${storeError}`);

    const version = sources.knowledgeVersion();
    if (version === null) reasons.push('knowledge: not loaded');

    const answersProblem = sources.answers?.() ?? null;
    if (answersProblem) reasons.push(`answers: ${answersProblem}`);

    return {
      ready: reasons.length === 0,
      reason: reasons.length ? reasons.join('; ') : null,
      knowledgeVersion: version,
      checks: {
        gateway: { ready: gatewayReady, shards: shards ?? [] },
        store: storeError ? { ready: false, error: storeError } : { ready: true },
        knowledge: { ready: version !== null, version },
        answers: answersProblem ? { ready: false, error: answersProblem } : { ready: true },
      },
    };
  };
}
