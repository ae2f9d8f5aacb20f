import { type Client, Status } from 'discord.js';
import type { GatewaySource } from '../ops/operations.ts';
import type { ShardState } from '../ops/readiness.ts';

/** `WaitingForGuilds` → `waiting-for-guilds`: label values in the Prometheus style. */
function statusName(status: Status): string {
  const name = Status[status] ?? `unknown-${status}`;
  return name.replace(/([a-z])([A-Z])/g, '$1-$2').toLowerCase();
}

/** Every gateway shard this client runs, for readiness and metrics. */
export function describeShards(client: Client): ShardState[] {
  return [...client.ws.shards.values()].map((shard) => ({
    id: shard.id,
    status: statusName(shard.status),
    ready: shard.status === Status.Ready,
    pingMs: shard.ping >= 0 ? shard.ping : null,
  }));
}

/** The client as health checks and metrics read it. */
export function gatewaySourceOf(client: Client): GatewaySource {
  return {
    shards: () => describeShards(client),
    guildCount: () => client.guilds.cache.size,
  };
}
