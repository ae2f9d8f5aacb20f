import { guildFixture, Perm, permissionsOf, type World } from './fixtures.ts';

/** A channel permission overwrite as Discord sends it: type 0 is a role, 1 a member. */
export interface PermissionOverwrite {
  id: string;
  type: 0 | 1;
  allow: string;
  deny: string;
}

/**
 * A member's permissions in one channel, by Discord's documented order: guild permissions, then the
 * channel's @everyone overwrite, then the member's roles' overwrites together (deny, then allow),
 * then the member's own overwrite. Administrators and the owner are not affected by overwrites.
 */
export function channelPermissionsOf(world: World, userId: string, channelId: string): bigint {
  const channel = world.channels.get(channelId);
  const guild = guildFixture(world, channel?.guild_id);
  const base = permissionsOf(world, userId, guild.id);
  if (userId === world.owner.id || base & Perm.Administrator) return base;
  const overwrites = (channel?.permission_overwrites ?? []) as PermissionOverwrite[];
  const roles = guild.members.get(userId)?.roles ?? [];
  let perms = base;
  const apply = (entries: PermissionOverwrite[]) => {
    let deny = 0n;
    let allow = 0n;
    for (const entry of entries) {
      deny |= BigInt(entry.deny);
      allow |= BigInt(entry.allow);
    }
    perms = (perms & ~deny) | allow;
  };
  apply(overwrites.filter((o) => o.type === 0 && o.id === guild.everyoneRoleId));
  apply(overwrites.filter((o) => o.type === 0 && roles.includes(o.id)));
  apply(overwrites.filter((o) => o.type === 1 && o.id === userId));
  return perms;
}
