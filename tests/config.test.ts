import { existsSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { afterAll, describe, expect, it } from 'vitest';
import { ConfigError, describeConfig, loadConfig, prepareDatabaseFolder } from '../src/config.ts';
import { createLogger, hashUserId } from '../src/logger.ts';

const TOKEN = 'MTAw.secret-token.value';

describe('loadConfig', () => {
  it('applies defaults', () => {
    const config = loadConfig({}, { dotenv: false });
    expect(config).toMatchObject({
      DISCORD_API_BASE: 'https://discord.com/api',
      DATABASE_PATH: './data/k2-bot.sqlite',
      LOG_LEVEL: 'info',
      DISCORD_MESSAGE_CONTENT: true,
    });
    expect(config.DISCORD_TOKEN).toBeUndefined();
  });

  it('treats empty values as unset', () => {
    expect(
      loadConfig({ DEV_GUILD_ID: '', DISCORD_TOKEN: '  ' }, { dotenv: false }).DEV_GUILD_ID,
    ).toBeUndefined();
  });

  it.each([
    ['DISCORD_CLIENT_ID', 'abc', /DISCORD_CLIENT_ID.*Discord id/],
    ['DEV_GUILD_ID', '12', /DEV_GUILD_ID.*Discord id/],
    ['DISCORD_API_BASE', 'not a url', /DISCORD_API_BASE.*http\(s\) URL/],
    ['DISCORD_API_BASE', 'ftp://example.com', /DISCORD_API_BASE/],
    ['LOG_LEVEL', 'loud', /LOG_LEVEL.*one of/],
    ['DISCORD_MESSAGE_CONTENT', 'maybe', /DISCORD_MESSAGE_CONTENT.*true or false/],
  ])('rejects %s=%s naming the variable', (name, value, message) => {
    expect(() => loadConfig({ [name]: value }, { dotenv: false })).toThrow(ConfigError);
    expect(() => loadConfig({ [name]: value }, { dotenv: false })).toThrow(message);
  });

  it('names every bad variable at once, not only the first', () => {
    const bad = { DISCORD_CLIENT_ID: 'abc', LOG_LEVEL: 'loud', DISCORD_MESSAGE_CONTENT: 'maybe' };
    let error: unknown;
    try {
      loadConfig(bad, { dotenv: false });
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(ConfigError);
    expect((error as ConfigError).problems.map((p) => p.variable).sort()).toEqual([
      'DISCORD_CLIENT_ID',
      'DISCORD_MESSAGE_CONTENT',
      'LOG_LEVEL',
    ]);
    expect(String((error as Error).message)).toMatch(/DISCORD_CLIENT_ID.*LOG_LEVEL.*DISCORD_MESSAGE_CONTENT/);
  });

  it('waits 60 s for READY by default and accepts whole seconds from 5 to 3600', () => {
    expect(loadConfig({}, { dotenv: false }).DISCORD_READY_TIMEOUT_SECONDS).toBe(60);
    expect(
      loadConfig({ DISCORD_READY_TIMEOUT_SECONDS: '120' }, { dotenv: false }).DISCORD_READY_TIMEOUT_SECONDS,
    ).toBe(120);
    for (const value of ['soon', '2', '1.5', '99999']) {
      expect(() => loadConfig({ DISCORD_READY_TIMEOUT_SECONDS: value }, { dotenv: false })).toThrow(
        /DISCORD_READY_TIMEOUT_SECONDS must be a whole number of seconds between 5 and 3600/,
      );
    }
  });

  it('parses booleans and strips a trailing slash from the API base', () => {
    const config = loadConfig(
      { DISCORD_MESSAGE_CONTENT: 'false', DISCORD_API_BASE: 'http://127.0.0.1:5000/api/' },
      { dotenv: false },
    );
    expect(config.DISCORD_MESSAGE_CONTENT).toBe(false);
    expect(config.DISCORD_API_BASE).toBe('http://127.0.0.1:5000/api');
  });

  it('never puts the token in the loggable description or in errors', () => {
    const config = loadConfig({ DISCORD_TOKEN: TOKEN }, { dotenv: false });
    expect(JSON.stringify(describeConfig(config))).not.toContain(TOKEN);
    try {
      loadConfig({ DISCORD_TOKEN: TOKEN, LOG_LEVEL: 'nope' }, { dotenv: false });
    } catch (error) {
      expect(String(error)).not.toContain(TOKEN);
    }
  });
});

describe('prepareDatabaseFolder', () => {
  const dir = mkdtempSync(join(tmpdir(), 'k2-config-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('creates missing folders level by level', () => {
    prepareDatabaseFolder(join(dir, 'a', 'b', 'k2.sqlite'));
    expect(statSync(join(dir, 'a', 'b')).isDirectory()).toBe(true);
  });

  it('says a folder is expected when a file sits where a folder should be', () => {
    const file = join(dir, 'plain-file');
    writeFileSync(file, 'x');
    expect(() => prepareDatabaseFolder(join(file, 'k2.sqlite'))).toThrow(ConfigError);
    expect(() => prepareDatabaseFolder(join(file, 'deeper', 'k2.sqlite'))).toThrow(
      `DATABASE_PATH must be a file inside a folder, but ${file} is a file; a folder is expected there`,
    );
  });

  it('refuses a folder that cannot be created (under /proc) instead of hanging', () => {
    expect(() => prepareDatabaseFolder('/proc/k2-bot-test/data/k2.sqlite')).toThrow(
      /DATABASE_PATH names a folder that cannot be created: \/proc\/k2-bot-test/,
    );
    expect(existsSync('/proc/k2-bot-test')).toBe(false);
  });
});

function captureLogger(level: string) {
  let out = '';
  const destination = new Writable({
    write(chunk: Buffer, _encoding, done) {
      out += chunk.toString();
      done();
    },
  });
  return { logger: createLogger({ level, destination }), output: () => out };
}

describe('createLogger', () => {
  it('keeps user ids and question text out of lines above debug, and in debug lines', () => {
    const userId = '123456789012345678';
    const question = 'does k2 help my aunt-specific-marker knees?';
    const { logger, output } = captureLogger('debug');
    logger.info(
      { event: 'message', userId, guildId: '876543210987654321', text: question },
      'message answered',
    );
    logger.error(
      { event: 'command-error', userId, options: [{ name: 'question', value: question }] },
      'failed',
    );
    logger.info({ nested: { authorId: userId, question } }, 'nested');
    const infoAndAbove = output();
    expect(infoAndAbove).not.toContain(userId);
    expect(infoAndAbove).not.toContain('aunt-specific-marker');
    expect(infoAndAbove).toContain('876543210987654321');
    const first = JSON.parse(infoAndAbove.split('\n')[0] as string) as Record<string, unknown>;
    expect(first.userHash).toBe(hashUserId(userId));
    expect(first.userHash).toMatch(/^[0-9a-f]{16}$/);

    logger.debug({ userId, text: question }, 'question received');
    const debugLine = output().slice(infoAndAbove.length);
    expect(debugLine).toContain(userId);
    expect(debugLine).toContain('aunt-specific-marker');
  });

  it('hashes one user the same way within a run and different users differently', () => {
    expect(hashUserId('123456789012345678')).toBe(hashUserId('123456789012345678'));
    expect(hashUserId('123456789012345678')).not.toBe(hashUserId('123456789012345679'));
  });

  it('redacts tokens and keeps REST error bodies and interaction tokens out of logs', async () => {
    const { Writable } = await import('node:stream');
    const { createLogger } = await import('../src/logger.ts');
    let out = '';
    const destination = new Writable({
      write(chunk: Buffer, _encoding, done) {
        out += chunk.toString();
        done();
      },
    });
    const logger = createLogger({ level: 'info', destination });
    logger.info(
      { token: TOKEN, config: { DISCORD_TOKEN: TOKEN }, headers: { authorization: `Bot ${TOKEN}` } },
      'x',
    );
    const restError = Object.assign(new Error('Invalid Form Body'), {
      code: 50035,
      status: 400,
      method: 'POST',
      url: 'http://127.0.0.1/api/v10/interactions/123456789012345678/secret-interaction-token/callback',
      requestBody: { json: { content: 'private user question' } },
    });
    logger.error({ err: restError }, 'failed');
    expect(out).not.toContain(TOKEN);
    expect(out).not.toContain('secret-interaction-token');
    expect(out).not.toContain('private user question');
    expect(out).toContain('/interactions/123456789012345678/[redacted]/callback');
    expect(out).toContain('50035');
  });
});

describe('health and reload settings', () => {
  it('keeps the health server off and the knowledge folder unwatched by default', () => {
    const config = loadConfig({}, { dotenv: false });
    expect(config.HEALTH_PORT).toBeUndefined();
    expect(config.HEALTH_HOST).toBe('127.0.0.1');
    expect(config.KNOWLEDGE_WATCH).toBe(false);
  });

  it.each([
    [{ HEALTH_PORT: '9464' }, { HEALTH_PORT: 9464 }],
    [{ HEALTH_PORT: '0' }, { HEALTH_PORT: 0 }],
    [{ HEALTH_HOST: '0.0.0.0' }, { HEALTH_HOST: '0.0.0.0' }],
    [{ HEALTH_HOST: '::1' }, { HEALTH_HOST: '::1' }],
    [{ KNOWLEDGE_WATCH: '1' }, { KNOWLEDGE_WATCH: true }],
  ])('reads %o', (env, expected) => {
    expect(loadConfig(env, { dotenv: false })).toMatchObject(expected);
  });

  it.each([
    ['HEALTH_PORT', 'http', /HEALTH_PORT must be a port number from 0 to 65535/],
    ['HEALTH_PORT', '65536', /HEALTH_PORT must be a port number from 0 to 65535/],
    ['HEALTH_PORT', '80.5', /HEALTH_PORT must be a port number from 0 to 65535/],
    ['HEALTH_HOST', 'metrics.example.com', /HEALTH_HOST must be an IP address/],
    ['KNOWLEDGE_WATCH', 'sometimes', /KNOWLEDGE_WATCH must be true or false/],
  ])('rejects %s=%s naming the variable', (name, value, message) => {
    expect(() => loadConfig({ [name]: value }, { dotenv: false })).toThrow(message);
  });
});
