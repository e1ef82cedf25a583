import { beforeAll, describe, expect, it } from '@jest/globals';
import pg from 'pg';

import { csrfTokenIn, FormClient } from './support/form-client.js';
import { createStaff, signIn, type StaffAccount } from './support/staff.js';
import { useRunningSystem } from './support/system-fixture.js';
import { testDatabaseUrl } from './support/test-env.js';

describe('staff sign-in', () => {
  const system = useRunningSystem({ sink: false });
  let agent: StaffAccount;

  beforeAll(async () => {
    agent = await createStaff({ prontotrak: 'agent' }, 'Pat Agent');
  }, 60_000);

  const attempt = (client: FormClient, email: string, password: string, next = '/staff') =>
    client.submitForm('/staff/sign-in', '/staff/sign-in', { email, password, next });

  it('sends a visitor without a session to sign in, and back afterwards', async () => {
    const client = new FormClient(system.baseUrl);
    const page = await client.get('/staff');
    expect(page.status).toBe(303);
    const signedIn = await attempt(
      client,
      agent.email.toUpperCase(),
      agent.password,
      '/staff/orgs/prontotrak/requests',
    );
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

  /** A refusal's page without its per-client form token, to compare two answers. */
  const refusalPage = (body: string) => body.replace(/name="_csrf" value="[^"]+"/g, '');

  it('locks the account after five failures in a row, even for the right password, answering as for an unknown address', async () => {
    const victim = await createStaff({ officertrak: 'agent' });
    const client = new FormClient(system.baseUrl);
    for (let i = 0; i < 5; i++) expect((await attempt(client, victim.email, 'wrong-password-x')).status).toBe(401);
    const right = await attempt(client, victim.email, victim.password);
    expect(right.status).toBe(401);
    expect(right.headers.getSetCookie().some((c) => c.startsWith('rd_staff='))).toBe(false);
    // Locked or unknown: the same words, so the lock does not tell that the address has an account.
    const unknown = await attempt(new FormClient(system.baseUrl), 'nobody-here@example.org', 'wrong-password-x');
    expect(refusalPage(right.body)).toBe(refusalPage(unknown.body).replace('nobody-here@example.org', victim.email));
    expect(right.body).not.toMatch(/locked until/i);
  }, 30_000);

  it('checks at most five wrong passwords before the lock, however many arrive at once', async () => {
    const victim = await createStaff({ officertrak: 'agent' });
    const guesses = await Promise.all(
      Array.from({ length: 35 }, async (_, i) => {
        const client = new FormClient(system.baseUrl);
        await client.get('/staff/sign-in');
        return { client, i };
      }),
    );
    const answers = await Promise.all(
      guesses.map(({ client, i }) =>
        client.submitForm('/staff/sign-in', '/staff/sign-in', {
          email: victim.email,
          password: `wrong-guess-${i}`,
          next: '/staff',
        }),
      ),
    );
    expect(answers.every((a) => a.status === 401)).toBe(true);
    const right = await attempt(new FormClient(system.baseUrl), victim.email, victim.password);
    expect(right.status).toBe(401);
    const db = new pg.Client({ connectionString: testDatabaseUrl() });
    await db.connect();
    const { rows } = await db.query('SELECT failed_sign_ins, locked_until FROM staff_user WHERE email = $1', [
      victim.email,
    ]);
    await db.end();
    // Only attempts that got a count were checked: five, then the lock turned the rest (and the right one) away.
    expect(rows[0].failed_sign_ins).toBe(5);
    expect(rows[0].locked_until).not.toBeNull();
  }, 120_000);

  it('treats a malformed session cookie as no session', async () => {
    for (const value of [
      '------------------------------------.AAAA',
      'zzzzzzzz-zzzz-zzzz-zzzz-zzzzzzzzzzzz.AAAA',
      '%E0%A4%A',
      '.',
      'a.b.c',
    ]) {
      const client = new FormClient(system.baseUrl);
      client.setCookie('rd_staff', value);
      const page = await client.get('/staff');
      expect({ value, status: page.status, location: page.headers.get('location') }).toEqual({
        value,
        status: 303,
        location: '/staff/sign-in?next=%2Fstaff',
      });
      const json = await client.send('GET', '/api/orgs/prontotrak/requests');
      expect({ value, status: json.status }).toEqual({ value, status: 401 });
    }
  });

  it('tells browsers and proxies not to keep signed-in pages and JSON', async () => {
    const client = await signIn(system.baseUrl, agent);
    for (const path of ['/staff', '/staff/orgs/prontotrak/requests', '/api/orgs/prontotrak/requests']) {
      const response = await client.get(path);
      expect({ path, status: response.status, cacheControl: response.headers.get('cache-control') }).toEqual({
        path,
        status: 200,
        cacheControl: 'no-store',
      });
    }
    // The suppression API, signed in by key rather than session, answers personal data too.
    const admin = await signIn(system.baseUrl, await createStaff({ prontotrak: 'admin' }, 'Key Maker'));
    const keys = await admin.get('/staff/orgs/prontotrak/api-keys');
    expect(keys.headers.get('cache-control')).toBe('no-store');
    const made = await admin.post('/staff/orgs/prontotrak/api-keys', {
      _csrf: csrfTokenIn(keys.body),
      label: 'cache test',
    });
    const key = /<pre id="api-key">(rdk_[A-Za-z0-9_-]+)<\/pre>/.exec(made.body)![1];
    const checked = await fetch(
      `${system.baseUrl}/api/v1/orgs/prontotrak/suppressions/check?channel=email&address=a%40example.org`,
      {
        headers: { Authorization: `Bearer ${key}` },
      },
    );
    expect(checked.status).toBe(200);
    expect(checked.headers.get('cache-control')).toBe('no-store');
  }, 30_000);

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
    const response = await new FormClient(system.baseUrl).post('/staff/sign-in', {
      email: agent.email,
      password: agent.password,
    });
    expect(response.status).toBe(403);
  });
});
