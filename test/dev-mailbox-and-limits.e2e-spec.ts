import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { FormClient, referenceIn } from './support/form-client.js';
import { startSystem, type RunningSystem } from './support/running-system.js';
import { testRedisPrefix } from './support/test-env.js';

const started: RunningSystem[] = [];

afterAll(async () => {
  await Promise.all(started.map((s) => s.stop()));
});

async function system(extraEnv: NodeJS.ProcessEnv): Promise<RunningSystem> {
  const running = await startSystem({ extraEnv });
  started.push(running);
  return running;
}

const request = (email: string) => ({ name: 'Mary Shelley', email, rightId: 'access', relationship: 'self', website: '' });

describe('without SMTP_URL, with low per-IP limits', () => {
  let rd: RunningSystem;

  beforeAll(async () => {
    // A Redis prefix of its own, so the limits count only this system's posts.
    rd = await system({ INTAKE_RATE_LIMIT: '2', SIGN_IN_RATE_LIMIT: '2', REDIS_PREFIX: `${testRedisPrefix()}dev` });
  }, 60_000);

  it('keeps mail in the dev mailbox, with working links, and rate-limits the form per IP with Retry-After', async () => {
    const client = new FormClient(rd.baseUrl);
    const email = `devbox-${Date.now()}@example.org`;
    const submitted = await client.submitForm('/o/officertrak/requests/new', '/o/officertrak/requests', request(email));
    expect(submitted.status).toBe(201);
    const reference = referenceIn(submitted.body);

    let listing = '';
    for (let i = 0; i < 100 && !listing.includes(reference); i++) {
      await new Promise((resolve) => setTimeout(resolve, 100));
      listing = (await client.get('/dev/mailbox')).body;
    }
    expect(listing).toContain(`Confirm your privacy request ${reference} to OfficerTRAK`);
    expect(listing).toContain(email);
    const mailPath = /href="(\/dev\/mailbox\/\d+)"/.exec(listing)![1];
    const mail = await client.get(mailPath);
    // The mailbox page makes the mail's links clickable: follow the verification one.
    const verifyUrl = /href="(http[^"]+\/v\/[^"]+)"/.exec(mail.body)![1];
    const confirmed = await client.submitForm(verifyUrl, verifyUrl, {});
    expect(confirmed.body).toContain('your request is confirmed');

    expect((await client.submitForm('/o/officertrak/requests/new', '/o/officertrak/requests', request(email))).status).toBe(201);
    const limited = await client.submitForm('/o/officertrak/requests/new', '/o/officertrak/requests', request(email));
    expect(limited.status).toBe(429);
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(limited.body).toContain('Too many requests');
  }, 60_000);

  it('rate-limits staff sign-in attempts per IP', async () => {
    const client = new FormClient(rd.baseUrl);
    const tryOnce = () => client.submitForm('/staff/sign-in', '/staff/sign-in', { email: 'x@example.org', password: 'wrong-password' });
    expect((await tryOnce()).status).toBe(401);
    expect((await tryOnce()).status).toBe(401);
    const limited = await tryOnce();
    expect(limited.status).toBe(429);
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0);
  });
});

describe('in production', () => {
  it('has no dev mailbox', async () => {
    const prod = await system({
      NODE_ENV: 'production',
      APP_SECRET: 'production-secret-for-the-e2e-test-0123456789',
    });
    const response = await fetch(`${prod.baseUrl}/dev/mailbox`);
    expect(response.status).toBe(404);
    expect(await response.text()).not.toContain('Dev mailbox');
  }, 60_000);
});
