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

  it('retries mail 6 times from 2 s and purges daily unless told otherwise', () => {
    expect(loadEnv({})).toMatchObject({ MAIL_ATTEMPTS: 6, MAIL_BACKOFF_MS: 2_000, RETENTION_EVERY_MS: 86_400_000 });
    expect(loadEnv({ MAIL_ATTEMPTS: '2', MAIL_BACKOFF_MS: '50', RETENTION_EVERY_MS: '1000' })).toMatchObject({
      MAIL_ATTEMPTS: 2,
      MAIL_BACKOFF_MS: 50,
      RETENTION_EVERY_MS: 1_000,
    });
    const attempt = () => loadEnv({ MAIL_ATTEMPTS: '0', MAIL_BACKOFF_MS: '-1', RETENTION_EVERY_MS: '10' });
    expect(attempt).toThrow(/MAIL_ATTEMPTS/);
    expect(attempt).toThrow(/MAIL_BACKOFF_MS/);
    expect(attempt).toThrow(/RETENTION_EVERY_MS/);
  });

  it("gives a dead worker's jobs to another after 30 s by default, and refuses claims too short to renew", () => {
    const env = loadEnv({});
    expect([env.WORKER_LOCK_MS, env.WORKER_STALLED_CHECK_MS]).toEqual([30_000, 30_000]);
    expect(loadEnv({ WORKER_LOCK_MS: '3000', WORKER_STALLED_CHECK_MS: '1000' }).WORKER_LOCK_MS).toBe(3000);
    expect(() => loadEnv({ WORKER_LOCK_MS: '100' })).toThrow(/WORKER_LOCK_MS/);
    expect(() => loadEnv({ WORKER_STALLED_CHECK_MS: '0' })).toThrow(/WORKER_STALLED_CHECK_MS/);
  });

  it('sweeps deadlines every minute and checks the daily staff mails hourly unless told otherwise', () => {
    expect(loadEnv({})).toMatchObject({ DEADLINE_SWEEP_MS: 60_000, DAILY_STAFF_MAIL_CHECK_MS: 3_600_000 });
    expect(loadEnv({ DEADLINE_SWEEP_MS: '200', DAILY_STAFF_MAIL_CHECK_MS: '300' })).toMatchObject({
      DEADLINE_SWEEP_MS: 200,
      DAILY_STAFF_MAIL_CHECK_MS: 300,
    });
    const attempt = () => loadEnv({ DEADLINE_SWEEP_MS: '5', DAILY_STAFF_MAIL_CHECK_MS: 'hourly' });
    expect(attempt).toThrow(/DEADLINE_SWEEP_MS/);
    expect(attempt).toThrow(/DAILY_STAFF_MAIL_CHECK_MS/);
  });

  it('calls DRP status callbacks 10 times from 30 s with a 10 s limit, public addresses only, unless told otherwise', () => {
    const env = loadEnv({});
    expect(env).toMatchObject({
      DRP_CALLBACK_ATTEMPTS: 10,
      DRP_CALLBACK_BACKOFF_MS: 30_000,
      DRP_CALLBACK_TIMEOUT_MS: 10_000,
    });
    expect(env.drpCallbackAllowsPrivateAddresses).toBe(false);
    expect(loadEnv({ DRP_CALLBACK_ALLOW_PRIVATE_ADDRESSES: 'false' }).drpCallbackAllowsPrivateAddresses).toBe(false);
    expect(loadEnv({ DRP_CALLBACK_ALLOW_PRIVATE_ADDRESSES: 'true', DRP_CALLBACK_ATTEMPTS: '3' })).toMatchObject({
      drpCallbackAllowsPrivateAddresses: true,
      DRP_CALLBACK_ATTEMPTS: 3,
    });
    const attempt = () =>
      loadEnv({
        DRP_CALLBACK_ALLOW_PRIVATE_ADDRESSES: 'yes',
        DRP_CALLBACK_TIMEOUT_MS: '0',
        DRP_CALLBACK_ATTEMPTS: '0',
      });
    expect(attempt).toThrow(/DRP_CALLBACK_ALLOW_PRIVATE_ADDRESSES must be "true" or "false"/);
    expect(attempt).toThrow(/DRP_CALLBACK_TIMEOUT_MS/);
    expect(attempt).toThrow(/DRP_CALLBACK_ATTEMPTS/);
  });

  it('never lets callbacks reach private addresses in production', () => {
    const secret = 'x'.repeat(40);
    expect(() =>
      loadEnv({ NODE_ENV: 'production', APP_SECRET: secret, DRP_CALLBACK_ALLOW_PRIVATE_ADDRESSES: 'true' }),
    ).toThrow(/DRP_CALLBACK_ALLOW_PRIVATE_ADDRESSES: private addresses are for tests/);
    expect(loadEnv({ NODE_ENV: 'production', APP_SECRET: secret }).drpCallbackAllowsPrivateAddresses).toBe(false);
  });

  it('refuses development secrets in production', () => {
    expect(() => loadEnv({ NODE_ENV: 'production' })).toThrow(/APP_SECRET: must be set in production/);
  });
});

describe('development defaults', () => {
  const secret = 'a-real-secret-of-forty-characters-000000';

  it('counts only localhost, 127.0.0.1 and ::1 as a local PUBLIC_URL', () => {
    for (const url of ['http://localhost:3000', 'http://127.0.0.1:8080', 'http://[::1]:3000', 'https://LOCALHOST']) {
      expect(loadEnv({ PUBLIC_URL: url }).publicUrlIsLocal).toBe(true);
    }
    for (const url of [
      'https://rightsdesk.example',
      'http://10.0.0.5:3000',
      'http://localhost.example.com',
      'http://127.0.0.2',
    ]) {
      expect(loadEnv({ PUBLIC_URL: url, APP_SECRET: secret, SMTP_URL: 'smtp://mail:25' }).publicUrlIsLocal).toBe(false);
    }
  });

  it('refuses the default APP_SECRET when PUBLIC_URL is not local, whatever NODE_ENV says', () => {
    for (const NODE_ENV of [undefined, 'development', 'test']) {
      expect(() => loadEnv({ NODE_ENV, PUBLIC_URL: 'https://rightsdesk.example', SMTP_URL: 'smtp://mail:25' })).toThrow(
        /APP_SECRET: the development default is only allowed with a local PUBLIC_URL/,
      );
    }
    expect(
      loadEnv({ PUBLIC_URL: 'https://rightsdesk.example', SMTP_URL: 'smtp://mail:25', APP_SECRET: secret }).APP_SECRET,
    ).toBe(secret);
  });

  it('refuses every development-only switch when PUBLIC_URL is not local', () => {
    const attempt = () =>
      loadEnv({
        PUBLIC_URL: 'http://192.0.2.10:3000',
        APP_SECRET: secret,
        TEST_CLOCK_FILE: '/tmp/clock',
        DRP_CALLBACK_ALLOW_PRIVATE_ADDRESSES: 'true',
      });
    expect(attempt).toThrow(/SMTP_URL: must be set when PUBLIC_URL is not local/);
    expect(attempt).toThrow(/TEST_CLOCK_FILE: .*local PUBLIC_URL/);
    expect(attempt).toThrow(/DRP_CALLBACK_ALLOW_PRIVATE_ADDRESSES: .*local PUBLIC_URL/);
    // Named along with any other bad variable, and not asked of a PUBLIC_URL that is no URL at all.
    expect(() => loadEnv({ PUBLIC_URL: 'https://rightsdesk.example', PORT: 'eighty' })).toThrow(
      /APP_SECRET: the development default/,
    );
    expect(() => loadEnv({ PUBLIC_URL: 'not a url' })).toThrow(/PUBLIC_URL must be an absolute http\(s\) URL/);
  });

  it('serves the dev pages only outside production on a local PUBLIC_URL', () => {
    expect(loadEnv({}).devPagesServed).toBe(true);
    expect(loadEnv({ NODE_ENV: 'test', PUBLIC_URL: 'http://127.0.0.1:4000' }).devPagesServed).toBe(true);
    expect(loadEnv({ NODE_ENV: 'production', APP_SECRET: secret }).devPagesServed).toBe(false);
    expect(
      loadEnv({ PUBLIC_URL: 'https://rightsdesk.example', APP_SECRET: secret, SMTP_URL: 'smtp://mail:25' })
        .devPagesServed,
    ).toBe(false);
  });

  it('names every development default in use, and none once each is set', () => {
    const defaults = loadEnv({}).developmentDefaults;
    expect(defaults.join('\n')).toMatch(/NODE_ENV/);
    expect(defaults.join('\n')).toMatch(/APP_SECRET/);
    expect(defaults.join('\n')).toMatch(/SMTP_URL/);
    expect(
      loadEnv({ NODE_ENV: 'production', APP_SECRET: secret, SMTP_URL: 'smtp://mail:25' }).developmentDefaults,
    ).toEqual([]);
  });
});
