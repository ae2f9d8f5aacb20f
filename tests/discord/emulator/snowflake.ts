/** Discord's epoch (2015-01-01T00:00:00Z); discord.js derives timestamps from ids with it. */
const DISCORD_EPOCH = 1_420_070_400_000n;

/**
 * Generates real-looking, strictly increasing snowflakes. discord.js parses ids with BigInt and
 * @discordjs/rest buckets routes with /\d{17,19}/, so fake ids like 'abc' or '1' break it.
 */
export class SnowflakeFactory {
  private last = 0n;

  next(): string {
    const now = BigInt(Date.now()) - DISCORD_EPOCH;
    let id = now << 22n;
    // Several ids in the same millisecond (or a clock step back) must still increase.
    if (id <= this.last) id = this.last + 1n;
    this.last = id;
    return id.toString();
  }

  /**
   * The next id that Discord routes to `shardId` of `shardCount` ((id >> 22) % count): the
   * timestamp part moves forward to the next millisecond that routes there.
   */
  nextOnShard(shardId: number, shardCount: number): string {
    let id = BigInt(this.next());
    const count = BigInt(shardCount);
    while ((id >> 22n) % count !== BigInt(shardId)) id = ((id >> 22n) + 1n) << 22n;
    this.last = id;
    return id.toString();
  }
}

/** The shard Discord sends a guild's events to: (guild_id >> 22) % shard_count. */
export function shardOfGuild(guildId: string, shardCount: number): number {
  return Number((BigInt(guildId) >> 22n) % BigInt(shardCount));
}

/** Message ids etc. are compared by creation order in tests; ISO timestamp derived from the id. */
export function timestampOf(id: string): string {
  return new Date(Number((BigInt(id) >> 22n) + DISCORD_EPOCH)).toISOString();
}
