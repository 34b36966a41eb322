import { ConfigError, loadConfig } from './config';

describe('loadConfig', () => {
  it('applies the documented defaults', () => {
    const config = loadConfig({});
    expect(config).toMatchObject({
      PORT: 3000,
      DATABASE_URL: 'mysql://root@127.0.0.1:3306/identity',
      REDIS_URL: 'redis://127.0.0.1:6379',
      QUEUE_PREFIX: 'identity',
      PROJECT_ID: 'default',
      ROLE: 'all',
      ARGON2_MEMORY_COST: 19456,
      ARGON2_TIME_COST: 2,
      ARGON2_PARALLELISM: 1,
      LOGIN_RATE_LIMIT_EMAIL: 10,
      LOGIN_RATE_LIMIT_IP: 1000,
      LOGIN_RATE_WINDOW: 900,
      REDIS_COMMAND_TIMEOUT_MS: 500,
    });
    expect(config.LOGIN_RATE_LIMIT_EMAIL_TOTAL).toBeUndefined();
    expect(config.API_KEY).toBeUndefined();
  });

  it.each([
    ['PORT', 'abc'],
    ['PORT', '70000'],
    ['DATABASE_URL', 'postgres://x/y'],
    ['DATABASE_URL', 'mysql://root@127.0.0.1:3306/'],
    ['REDIS_URL', 'not a url'],
    ['ROLE', 'both'],
    ['API_KEY', 'short'],
    ['QUEUE_PREFIX', 'has space'],
    ['PROJECT_ID', '-bad'],
    ['LOGIN_RATE_LIMIT_EMAIL_TOTAL', '0'],
    ['REDIS_COMMAND_TIMEOUT_MS', '10'],
  ])('stops on a bad %s and names it', (name, value) => {
    expect(() => loadConfig({ [name]: value })).toThrow(ConfigError);
    expect(() => loadConfig({ [name]: value })).toThrow(new RegExp(`^Invalid configuration:\\n  ${name}: `));
  });

  it('never echoes secrets in the error', () => {
    expect(() => loadConfig({ API_KEY: 'tiny' })).toThrow(/^(?![\s\S]*tiny)/);
  });

  it('treats empty strings as unset', () => {
    expect(loadConfig({ PORT: '' }).PORT).toBe(3000);
  });
});
