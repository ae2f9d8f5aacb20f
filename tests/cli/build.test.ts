import { mkdirSync, mkdtempSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { staleBuildWarning } from '../../src/buildFreshness.ts';

const root = mkdtempSync(join(tmpdir(), 'k2-build-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

/** A checkout with a build stamped at `builtAt` and one source file last edited at `editedAt` (seconds). */
function checkout(name: string, builtAt: number | undefined, editedAt: number | undefined) {
  const dist = join(root, name, 'dist');
  const src = join(root, name, 'src');
  mkdirSync(dist, { recursive: true });
  if (builtAt !== undefined) {
    writeFileSync(join(dist, '.built'), 'x');
    utimesSync(join(dist, '.built'), builtAt, builtAt);
  }
  if (editedAt !== undefined) {
    mkdirSync(join(src, 'discord'), { recursive: true });
    writeFileSync(join(src, 'discord', 'bot.ts'), 'x');
    utimesSync(join(src, 'discord', 'bot.ts'), editedAt, editedAt);
  }
  return { dist, src };
}

describe('staleBuildWarning', () => {
  it('stays quiet when dist/ was built after the last edit', () => {
    const { dist, src } = checkout('current', 2_000_000, 1_000_000);
    expect(staleBuildWarning(dist, src)).toBeUndefined();
  });

  it('says to rebuild when a source file is newer than the build, however deep', () => {
    const { dist, src } = checkout('stale', 1_000_000, 2_000_000);
    expect(staleBuildWarning(dist, src)).toMatch(/src\/ has changed since dist\/ was built.*npm run build/);
  });

  it('stays quiet in a production copy without src/ and in a folder that is not a build', () => {
    const production = checkout('production', 1_000_000, undefined);
    expect(staleBuildWarning(production.dist, production.src)).toBeUndefined();
    const unbuilt = checkout('unbuilt', undefined, 2_000_000);
    expect(staleBuildWarning(unbuilt.dist, unbuilt.src)).toBeUndefined();
  });
});
