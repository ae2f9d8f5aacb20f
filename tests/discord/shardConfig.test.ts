import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../src/config.ts';
import { processRole, resolveShardEntry, shardIdsOfThisProcess } from '../../src/discord/sharding.ts';
import { shardAnswerWorkers, shardChildEnvironment } from '../../src/discord/shardManager.ts';

const load = (env: Record<string, string>) => loadConfig(env, { dotenv: false });

describe('SHARD_COUNT and SHARD_LIST', () => {
  it('defaults to one shard in one process, as before sharding existed', () => {
    const config = load({});
    expect(config.SHARD_COUNT).toBe(1);
    expect(config.SHARD_LIST).toBeUndefined();
    expect(processRole(config, {})).toBe('single');
  });

  it.each([
    ['auto', 'auto'],
    ['1', 1],
    ['16', 16],
  ])('reads SHARD_COUNT=%s', (value, expected) => {
    expect(load({ SHARD_COUNT: value }).SHARD_COUNT).toBe(expected);
  });

  it.each([
    ['0-3', [0, 1, 2, 3]],
    ['0,2', [0, 2]],
    ['4-5, 0', [0, 4, 5]],
    ['1,1-2', [1, 2]],
  ])('reads SHARD_LIST=%s', (value, expected) => {
    expect(load({ SHARD_COUNT: '8', SHARD_LIST: value }).SHARD_LIST).toEqual(expected);
  });

  it.each([
    [{ SHARD_COUNT: '0' }, 'SHARD_COUNT', 'auto or a whole number'],
    [{ SHARD_COUNT: 'two' }, 'SHARD_COUNT', 'auto or a whole number'],
    [{ SHARD_COUNT: '1.5' }, 'SHARD_COUNT', 'auto or a whole number'],
    [{ SHARD_COUNT: '4', SHARD_LIST: '3-1' }, 'SHARD_LIST', 'such as 0-3'],
    [{ SHARD_COUNT: '4', SHARD_LIST: 'all' }, 'SHARD_LIST', 'such as 0-3'],
    [{ SHARD_COUNT: '4', SHARD_LIST: '0,,1' }, 'SHARD_LIST', 'such as 0-3'],
    [{ SHARD_COUNT: '4', SHARD_LIST: '2-4' }, 'SHARD_LIST', 'names shard 4 but SHARD_COUNT is 4'],
    [{ SHARD_LIST: '1' }, 'SHARD_LIST', 'names shard 1 but SHARD_COUNT is 1'],
    [{ SHARD_COUNT: 'auto', SHARD_LIST: '0' }, 'SHARD_LIST', 'needs a fixed SHARD_COUNT'],
  ])('rejects %o naming %s', (env, variable, problem) => {
    let error: unknown;
    try {
      load(env);
    } catch (thrown) {
      error = thrown;
    }
    expect(error).toBeInstanceOf(ConfigError);
    expect((error as ConfigError).variable).toBe(variable);
    expect((error as ConfigError).message).toContain(problem);
  });

  it('runs a shard manager for more than one shard or a list, and the bot in its children', () => {
    expect(processRole(load({ SHARD_COUNT: '2' }), {})).toBe('shard-manager');
    expect(processRole(load({ SHARD_COUNT: 'auto' }), {})).toBe('shard-manager');
    expect(processRole(load({ SHARD_COUNT: '4', SHARD_LIST: '2-3' }), {})).toBe('shard-manager');
    // What discord.js's ShardingManager puts in a child's environment.
    const child = { SHARDING_MANAGER: 'true', SHARDS: '1', SHARD_COUNT: '2' };
    expect(processRole(load(child), child)).toBe('shard');
    expect(shardIdsOfThisProcess(child)).toEqual([1]);
    expect(shardIdsOfThisProcess({})).toBeUndefined();
  });

  it('starts children from the entry beside the running module: main.ts under tsx, main.js when compiled', () => {
    const fromSource = resolveShardEntry(new URL('../../src/discord/sharding.ts', import.meta.url).href);
    expect(fromSource.file).toMatch(/src[/\\]main\.ts$/);
    expect(fromSource.execArgv[0]).toBe('--import');
    expect(fromSource.execArgv[1]).toMatch(/^file:.*tsx/);
    // No compiled copy here: a .js module falls back to the .ts entry that exists.
    const compiledUrl = new URL('../../src/discord/sharding.js', import.meta.url).href;
    expect(resolveShardEntry(compiledUrl).file).toMatch(/src[/\\]main\.ts$/);

    const dist = mkdtempSync(join(tmpdir(), 'k2-dist-'));
    try {
      writeFileSync(join(dist, 'main.js'), '');
      writeFileSync(join(dist, 'main.ts'), '');
      const compiled = resolveShardEntry(pathToFileURL(join(dist, 'discord', 'sharding.js')).href);
      expect(compiled).toEqual({ file: join(dist, 'main.js'), execArgv: [] });
    } finally {
      rmSync(dist, { recursive: true, force: true });
    }
  });
});

describe('answer workers per shard process when ANSWER_WORKERS is unset', () => {
  it.each([
    [2, 2, 1],
    [2, 1, 2],
    [1, 1, 1],
    [1, 4, 1],
    [8, 2, 2],
    [8, 3, 2],
    [4, 3, 1],
  ])('%i cores, %i shards on the host: %i each', (cores, shards, workers) => {
    expect(shardAnswerWorkers(cores, shards)).toBe(workers);
  });
});

describe('environment of a shard child', () => {
  it('adds MALLOC_ARENA_MAX=2 and the per-shard ANSWER_WORKERS', () => {
    expect(shardChildEnvironment({}, 1)).toEqual({ ANSWER_WORKERS: '1', MALLOC_ARENA_MAX: '2' });
  });

  it("keeps the operator's MALLOC_ARENA_MAX and ANSWER_WORKERS (passed on with the rest of the environment)", () => {
    expect(shardChildEnvironment({ MALLOC_ARENA_MAX: '4' }, undefined)).toEqual({});
  });
});
