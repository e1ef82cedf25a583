import { describe, expect, it } from '@jest/globals';

import { csrfTokenIn, FormClient } from './support/form-client.js';
import { confirmFromMail, submitRequest } from './support/requester.js';
import { startSystem } from './support/running-system.js';
import { createStaff, signIn, type StaffAccount } from './support/staff.js';
import { useRunningSystem } from './support/system-fixture.js';

const ORG = 'officertrak';

describe('security of sessions, links and headers', () => {
  const system = useRunningSystem({ db: 'pg' });

  async function nameShownAt(client: FormClient): Promise<string | null> {
    const home = await client.get('/staff');
    return home.status === 200 ? (/<span class="who">([^<]+)/.exec(home.body)?.[1] ?? null) : null;
  }

  it('does not adopt a session cookie planted before sign-in (session fixation)', async () => {
    const attacker: StaffAccount = await createStaff({ [ORG]: 'auditor' }, 'Mallory Attacker');
    const victim: StaffAccount = await createStaff({ [ORG]: 'admin' }, 'Victoria Admin');
    // The attacker's own valid session token, planted in the victim's browser, and an invented one.
    const planted = (await signIn(system.baseUrl, attacker)).cookie('rd_staff')!;
    for (const fixed of [planted, '00000000-0000-0000-0000-000000000000.AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA']) {
      const browser = new FormClient(system.baseUrl);
      browser.setCookie('rd_staff', fixed);
      const signedIn = await browser.submitForm('/staff/sign-in', '/staff/sign-in', {
        email: victim.email,
        password: victim.password,
        next: '/staff',
      });
      expect(signedIn.status).toBe(303);
      expect(browser.cookie('rd_staff')).not.toBe(fixed);
      expect(await nameShownAt(browser)).toContain('Victoria Admin');
      // The planted value gained nothing: it is still the attacker's session, or none at all.
      const withFixed = new FormClient(system.baseUrl);
      withFixed.setCookie('rd_staff', fixed);
      const shown = await nameShownAt(withFixed);
      expect(shown === null || !shown.includes('Victoria Admin')).toBe(true);
    }
  });

  it('accepts a verification link once: used again it changes nothing and says so', async () => {
    const email = `reuse-${Date.now()}@example.org`;
    const reference = await submitRequest(system.baseUrl, ORG, email, 'access');
    const { verifyUrl } = await confirmFromMail(system.sink, system.baseUrl, email);

    const again = new FormClient(system.baseUrl);
    const page = await again.get(verifyUrl);
    expect(page.status).toBe(410);
    expect(page.body).toContain('This link has already been used');
    expect(page.body).not.toContain('name="_csrf"');
    // A replayed POST (its form token from any page) does not verify twice.
    const token = csrfTokenIn((await again.get(`/o/${ORG}/requests/new`)).body);
    const replayed = await again.post(verifyUrl, { _csrf: token });
    expect(replayed.status).toBe(410);
    const verified = await system.db.query(
      `SELECT count(*)::int AS n FROM audit_entry a JOIN data_subject_request r ON r.id = a.request_id WHERE r.reference = $1 AND a.action = 'request.verified'`,
      [reference],
    );
    expect(verified.rows[0].n).toBe(1);
    // A link with the right id and a wrong secret is as unknown as a made-up one.
    const [id] = verifyUrl.split('/v/')[1].split('.');
    expect((await again.get(`/v/${id}.${'A'.repeat(43)}`)).body).toContain('This link is not valid');
  });

  it('refuses every public form post without its token', async () => {
    const client = new FormClient(system.baseUrl);
    await client.get(`/o/${ORG}/requests/new`);
    for (const path of [
      `/o/${ORG}/requests`,
      '/staff/sign-in',
      `/o/${ORG}/requests/RD-AAAA-AAAA/resend`,
      '/v/00000000-0000-0000-0000-000000000000.AAAA',
      `/vendors/confirm/00000000-0000-4000-8000-000000000000.${'A'.repeat(43)}`,
    ]) {
      const refused = await client.post(path, {
        name: 'Ada',
        email: 'ada@example.org',
        rightId: 'access',
        relationship: 'self',
      });
      expect({ path, status: refused.status }).toEqual({ path, status: 403 });
      expect(refused.body).toContain('This form has expired or was not sent from our site');
    }
  });

  it('sends a Content-Security-Policy without inline scripts or styles, and no HSTS over plain http', async () => {
    const response = await fetch(`${system.baseUrl}/o/${ORG}/requests/new`);
    const csp = response.headers.get('content-security-policy') ?? '';
    expect(csp).toContain("default-src 'self'");
    expect(csp).toContain("script-src 'none'");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).toContain("style-src 'self'");
    expect(csp).not.toContain('unsafe-inline');
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(response.headers.get('strict-transport-security')).toBeNull();
    // A forwarded header from the client does not turn it on: PUBLIC_URL alone decides.
    const forwarded = await fetch(`${system.baseUrl}/health`, { headers: { 'x-forwarded-proto': 'https' } });
    expect(forwarded.headers.get('strict-transport-security')).toBeNull();
  });

  it('behind a proxy that ends TLS (PUBLIC_URL https): HSTS on every answer and Secure cookies', async () => {
    // A public PUBLIC_URL needs a secret and a mail server of its own: the development defaults are refused there.
    const behindProxy = await startSystem({
      smtpUrl: system.sink.url,
      extraEnv: {
        PUBLIC_URL: 'https://rightsdesk.example',
        APP_SECRET: 'a-secret-of-the-deployment-0123456789-abcdef',
      },
    });
    try {
      // The proxy talks plain http to the api, as TLS-terminating proxies do.
      const form = await fetch(`${behindProxy.baseUrl}/o/${ORG}/requests/new`);
      expect(form.headers.get('strict-transport-security')).toMatch(/max-age=\d{7,}/);
      expect(form.headers.getSetCookie().find((c) => c.startsWith('rd_csrf='))).toMatch(/; Secure/i);
      expect((await fetch(`${behindProxy.baseUrl}/health`)).headers.get('strict-transport-security')).toMatch(
        /max-age=/,
      );
    } finally {
      await behindProxy.stop();
    }
  }, 60_000);
});
