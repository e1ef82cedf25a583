import type { ChildProcess } from 'node:child_process';

import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';

import { eventually } from './support/eventually.js';
import { FormClient, referenceIn } from './support/form-client.js';
import { createSeededDatabase, dropDatabase, uniqueRunName } from './support/run-storage.js';
import { freePort, launch, type RunningSystem, startSystem } from './support/running-system.js';
import { SmtpSink } from './support/smtp-sink.js';
import { testDatabaseUrl, testRedisPrefix } from './support/test-env.js';

const started: RunningSystem[] = [];

afterAll(async () => {
  await Promise.all(started.map((s) => s.stop()));
});

async function system(extraEnv: NodeJS.ProcessEnv): Promise<RunningSystem> {
  const running = await startSystem({ extraEnv });
  started.push(running);
  return running;
}

const request = (email: string) => ({
  name: 'Mary Shelley',
  email,
  rightId: 'access',
  relationship: 'self',
  website: '',
});

describe('without SMTP_URL, with low per-IP limits', () => {
  let rd: RunningSystem;
  let databaseUrl: string;

  beforeAll(async () => {
    // Storage of its own: the limits count only this system's posts, and its worker has no other spec's outbox to
    // send first.
    databaseUrl = createSeededDatabase(`rightsdesk_devbox_${uniqueRunName()}`);
    rd = await startSystem({
      extraEnv: {
        INTAKE_RATE_LIMIT: '2',
        SIGN_IN_RATE_LIMIT: '2',
        DATABASE_URL: databaseUrl,
        REDIS_PREFIX: `${testRedisPrefix()}dev`,
      },
    });
  }, 60_000);
  afterAll(async () => {
    await rd?.stop();
    if (databaseUrl) await dropDatabase(databaseUrl);
  }, 30_000);

  it('keeps mail in the dev mailbox, with working links, and rate-limits the form per IP with Retry-After', async () => {
    const client = new FormClient(rd.baseUrl);
    const email = `devbox-${Date.now()}@example.org`;
    const submitted = await client.submitForm('/o/officertrak/requests/new', '/o/officertrak/requests', request(email));
    expect(submitted.status).toBe(201);
    const reference = referenceIn(submitted.body);

    let listing = '';
    await eventually(
      async () => (listing = (await client.get('/dev/mailbox')).body).includes(reference),
      `the mail for ${reference} in the dev mailbox`,
      45_000,
    );
    expect(listing).toContain(`Confirm your privacy request ${reference} to OfficerTRAK`);
    expect(listing).toContain(email);
    const mailPath = /href="(\/dev\/mailbox\/\d+)"/.exec(listing)![1];
    const mail = await client.get(mailPath);
    // The mailbox page makes the mail's links clickable: follow the verification one.
    const verifyUrl = /href="(http[^"]+\/v\/[^"]+)"/.exec(mail.body)![1];
    const confirmed = await client.submitForm(verifyUrl, verifyUrl, {});
    expect(confirmed.body).toContain('your request is confirmed');

    expect(
      (await client.submitForm('/o/officertrak/requests/new', '/o/officertrak/requests', request(email))).status,
    ).toBe(201);
    const limited = await client.submitForm('/o/officertrak/requests/new', '/o/officertrak/requests', request(email));
    expect(limited.status).toBe(429);
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(limited.body).toContain('Too many requests');
  }, 60_000);

  it('rate-limits staff sign-in attempts per IP', async () => {
    const client = new FormClient(rd.baseUrl);
    const tryOnce = () =>
      client.submitForm('/staff/sign-in', '/staff/sign-in', { email: 'x@example.org', password: 'wrong-password' });
    expect((await tryOnce()).status).toBe(401);
    expect((await tryOnce()).status).toBe(401);
    const limited = await tryOnce();
    expect(limited.status).toBe(429);
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0);
  });
});

describe('in production', () => {
  it('has no dev pages', async () => {
    const prod = await system({
      NODE_ENV: 'production',
      APP_SECRET: 'production-secret-for-the-e2e-test-0123456789',
    });
    const response = await fetch(`${prod.baseUrl}/dev/mailbox`);
    expect(response.status).toBe(404);
    expect(await response.text()).not.toContain('Dev mailbox');
    expect((await fetch(`${prod.baseUrl}/dev/sms`)).status).toBe(404);
  }, 60_000);
});

/** The api alone, NODE_ENV unset (development, as `npm start` runs it), with what it prints. */
async function apiOnly(
  extraEnv: NodeJS.ProcessEnv,
): Promise<{ api: ChildProcess; port: number; output: () => string }> {
  const port = await freePort();
  const env = {
    PATH: process.env.PATH,
    DATABASE_URL: testDatabaseUrl(),
    REDIS_PREFIX: testRedisPrefix(),
    PORT: String(port),
    PUBLIC_URL: `http://127.0.0.1:${port}`,
    ...extraEnv,
  };
  const output: Buffer[] = [];
  const api = launch('api', env, output);
  return { api, port, output: () => Buffer.concat(output).toString('utf8') };
}

async function healthy(port: number, api: ChildProcess): Promise<void> {
  for (let i = 0; i < 300 && api.exitCode === null; i++) {
    if (
      await fetch(`http://127.0.0.1:${port}/health`).then(
        (r) => r.ok,
        () => false,
      )
    )
      return;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error('the api did not start');
}

async function stopped(api: ChildProcess): Promise<void> {
  if (api.exitCode !== null || api.signalCode !== null) return;
  const exited = new Promise((resolve) => api.once('exit', resolve));
  api.kill('SIGTERM');
  await exited;
}

describe('development defaults', () => {
  it('refuses to start with the default APP_SECRET on a PUBLIC_URL others can reach, saying why', async () => {
    const { api, output } = await apiOnly({ PUBLIC_URL: 'https://rightsdesk.example', SMTP_URL: 'smtp://127.0.0.1:9' });
    // One that starts anyway is stopped after 30 s, and fails the test.
    const timer = setTimeout(() => api.kill('SIGKILL'), 30_000);
    const code = await new Promise((resolve) => api.once('exit', resolve));
    clearTimeout(timer);
    expect(code).toBe(1);
    expect(output()).toContain('APP_SECRET: the development default is only allowed with a local PUBLIC_URL');
  }, 60_000);

  it('warns loudly at start when development defaults are in use on a local PUBLIC_URL', async () => {
    const { api, port, output } = await apiOnly({});
    try {
      await healthy(port, api);
      for (let i = 0; i < 50 && !output().includes('SMTP_URL'); i++)
        await new Promise((resolve) => setTimeout(resolve, 100));
      expect(output()).toContain('DEVELOPMENT DEFAULTS IN USE');
      expect(output()).toMatch(/APP_SECRET is the public development value/);
      expect(output()).toMatch(/SMTP_URL is unset/);
    } finally {
      await stopped(api);
    }
  }, 60_000);

  it('serves no dev pages in development on a PUBLIC_URL others can reach', async () => {
    const sink = await SmtpSink.start();
    const { api, port } = await apiOnly({
      PUBLIC_URL: 'https://rightsdesk.example',
      APP_SECRET: 'a-secret-of-the-deployment-0123456789-abcdef',
      SMTP_URL: sink.url,
    });
    try {
      await healthy(port, api);
      const response = await fetch(`http://127.0.0.1:${port}/dev/mailbox`);
      expect(response.status).toBe(404);
      expect(await response.text()).not.toContain('Dev mailbox');
      expect((await fetch(`http://127.0.0.1:${port}/dev/sms`)).status).toBe(404);
    } finally {
      await stopped(api);
      await sink.stop();
    }
  }, 60_000);
});
