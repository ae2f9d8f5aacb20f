import { describe, expect, it } from 'vitest';
import { ConfigError, describeConfig, loadConfig } from '../src/config.ts';

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

describe('createLogger', () => {
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
