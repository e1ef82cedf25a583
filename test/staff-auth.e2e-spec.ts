import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import pg from 'pg';
import { FormClient } from './support/form-client.js';
import { startSystem, type RunningSystem } from './support/running-system.js';
import { createStaff, signIn, type StaffAccount } from './support/staff.js';
import { testDatabaseUrl } from './support/test-env.js';

describe('staff sign-in', () => {
  let system: RunningSystem;
  let agent: StaffAccount;

  beforeAll(async () => {
    system = await startSystem();
    agent = await createStaff({ prontotrak: 'agent' }, 'Pat Agent');
  }, 60_000);

  afterAll(async () => {
    await system?.stop();
  });

  const attempt = (client: FormClient, email: string, password: string, next = '/staff') =>
    client.submitForm('/staff/sign-in', '/staff/sign-in', { email, password, next });

  it('sends a visitor without a session to sign in, and back afterwards', async () => {
    const client = new FormClient(system.baseUrl);
    const page = await client.get('/staff');
    expect(page.status).toBe(303);
    const signedIn = await attempt(client, agent.email.toUpperCase(), agent.password, '/staff/orgs/prontotrak/requests');
    expect(signedIn.status).toBe(303);
    expect(signedIn.headers.get('location')).toBe('/staff/orgs/prontotrak/requests');
    const home = await client.get('/staff');
    expect(home.status).toBe(200);
    expect(home.body).toContain('ProntoTrak');
    expect(home.body).toContain('Pat Agent');
    expect(home.body).not.toContain('Securus');
  });

  it('issues an httpOnly session cookie, a fresh one at each sign-in, and refuses an outside redirect', async () => {
    const client = new FormClient(system.baseUrl);
    const first = await attempt(client, agent.email, agent.password, 'https://evil.example/');
    expect(first.headers.get('location')).toBe('/staff');
    const cookies = first.headers.getSetCookie();
    const session = cookies.find((c) => c.startsWith('rd_staff='))!;
    expect(session).toMatch(/HttpOnly/i);
    expect(session).toMatch(/SameSite=Lax/i);
    // The CSRF nonce rotates at sign-in too, so a token planted before it is worthless.
    expect(cookies.some((c) => c.startsWith('rd_csrf='))).toBe(true);
    const second = await attempt(client, agent.email, agent.password);
    const again = second.headers.getSetCookie().find((c) => c.startsWith('rd_staff='))!;
    expect(again.split(';')[0]).not.toBe(session.split(';')[0]);
  });

  it('says a wrong password does not match, the same as an unknown address', async () => {
    const wrong = await attempt(new FormClient(system.baseUrl), agent.email, 'not-the-password');
    const unknown = await attempt(new FormClient(system.baseUrl), 'nobody@example.org', 'not-the-password');
    for (const response of [wrong, unknown]) {
      expect(response.status).toBe(401);
      expect(response.body).toContain('That email address and password do not match an account.');
    }
  });

  it('locks the account after five failures in a row, even for the right password', async () => {
    const victim = await createStaff({ officertrak: 'agent' });
    const client = new FormClient(system.baseUrl);
    for (let i = 0; i < 4; i++) expect((await attempt(client, victim.email, 'wrong-password-x')).status).toBe(401);
    const fifth = await attempt(client, victim.email, 'wrong-password-x');
    expect(fifth.body).toContain('Too many failed attempts');
    const right = await attempt(client, victim.email, victim.password);
    expect(right.status).toBe(401);
    expect(right.body).toContain('locked until');
  });

  it('revokes the session on sign-out: the old cookie no longer works', async () => {
    const client = await signIn(system.baseUrl, agent);
    expect((await client.get('/staff')).status).toBe(200);
    const stolen = client.clone();
    const out = await client.submitForm('/staff', '/staff/sign-out', {});
    expect(out.status).toBe(303);
    expect((await stolen.get('/staff')).status).toBe(303);
    const db = new pg.Client({ connectionString: testDatabaseUrl() });
    await db.connect();
    const { rows } = await db.query(
      'SELECT count(*)::int AS n FROM staff_session s JOIN staff_user u ON u.id = s.user_id WHERE u.email = $1 AND s.revoked_at IS NOT NULL',
      [agent.email],
    );
    await db.end();
    expect(rows[0].n).toBeGreaterThanOrEqual(1);
  });

  it('refuses a sign-in post without the form token', async () => {
    const response = await new FormClient(system.baseUrl).post('/staff/sign-in', { email: agent.email, password: agent.password });
    expect(response.status).toBe(403);
  });
});
