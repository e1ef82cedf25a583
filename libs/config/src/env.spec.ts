import { describe, expect, it } from '@jest/globals';
import { EnvError, loadEnv } from './env.js';

describe('loadEnv', () => {
  it('gives working defaults for a fresh machine', () => {
    const env = loadEnv({});
    expect(env.DATABASE_URL).toBe('postgres://postgres@127.0.0.1:5432/rightsdesk');
    expect(env.REDIS_URL).toBe('redis://127.0.0.1:6379');
    expect(env.SMTP_URL).toBeUndefined();
    expect(env.PORT).toBe(3000);
  });

  it('converts numbers from strings', () => {
    expect(loadEnv({ PORT: '8080' }).PORT).toBe(8080);
  });

  it('names every bad variable', () => {
    const attempt = () => loadEnv({ PORT: 'eighty', DATABASE_URL: 'mysql://x', SMTP_URL: 'http://mail' });
    expect(attempt).toThrow(EnvError);
    expect(attempt).toThrow(/PORT/);
    expect(attempt).toThrow(/DATABASE_URL must be a postgres/);
    expect(attempt).toThrow(/SMTP_URL must be an smtp/);
  });

  it('refuses development secrets in production', () => {
    expect(() => loadEnv({ NODE_ENV: 'production' })).toThrow(/APP_SECRET: must be set in production/);
  });
});
