import { beforeAll, describe, expect, it } from '@jest/globals';

import { runCli } from './support/cli.js';
import { csrfTokenIn, FormClient } from './support/form-client.js';
import {
  acceptInvitation,
  createStaff,
  mailedLinks,
  nextMailedLink,
  signIn,
  type StaffAccount,
} from './support/staff.js';
import { useRunningSystem } from './support/system-fixture.js';

const A = 'officertrak';
const B = 'securus-software';
const run = () => `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;

/** An answer without what differs between any two answers (form tokens, invitation ids) and with the address masked. */
const shape = (body: string, email: string) =>
  body
    .replace(/name="_csrf" value="[^"]+"/g, '')
    .replace(/invitations\/[0-9a-f-]{36}\/revoke/g, 'invitations/ID/revoke')
    .replaceAll(email, 'ADDRESS');

describe('staff accounts: invitations, forgotten and changed passwords', () => {
  const system = useRunningSystem({ sink: false, db: 'pg' });
  let adminA: FormClient;
  let adminB: FormClient;

  beforeAll(async () => {
    adminA = await signIn(system.baseUrl, await createStaff({ [A]: 'admin' }, 'Admin of A'));
    adminB = await signIn(system.baseUrl, await createStaff({ [B]: 'admin' }, 'Admin of B'));
  }, 60_000);

  const staffPage = (slug: string) => `/staff/orgs/${slug}/staff`;
  const invite = (admin: FormClient, slug: string, fields: Record<string, string>) =>
    admin.submitForm(staffPage(slug), staffPage(slug), fields);
  const signInAnswer = (email: string, password: string) =>
    new FormClient(system.baseUrl).submitForm('/staff/sign-in', '/staff/sign-in', { email, password, next: '/staff' });
  const memberId = async (email: string) =>
    (await system.db.query<{ id: string }>('SELECT id FROM staff_user WHERE email = $1', [email])).rows[0]?.id;

  it('does not let one organisation set or learn the password of an address another organisation adds later', async () => {
    const hire = `new.hire-${run()}@b.example`;
    // A's admin tries the old way: a password of A's choosing with the address. It is no field any more.
    const byA = await invite(adminA, A, { email: hire, role: 'agent', password: 'chosen by organisation A' });
    expect(byA.status).toBe(303);
    const hirePassword = `the hire's own ${run()}`;
    expect(
      (await acceptInvitation(system.baseUrl, { email: hire, password: hirePassword, name: 'New Hire' })).answer.status,
    ).toBe(200);
    expect((await signInAnswer(hire, 'chosen by organisation A')).status).toBe(401);
    const removed = await adminA.submitForm(staffPage(A), `${staffPage(A)}/${await memberId(hire)}/remove`, {});
    expect(removed.status).toBe(303);

    // B adds the same address, and a fresh one: the answers are alike, and the page names neither account.
    const fresh = `fresh-${run()}@b.example`;
    const existingAnswer = await invite(adminB, B, { email: hire, role: 'admin' });
    const freshAnswer = await invite(adminB, B, { email: fresh, role: 'admin' });
    expect({
      status: existingAnswer.status,
      location: existingAnswer.headers.get('location'),
      body: shape(existingAnswer.body, hire),
    }).toEqual({
      status: freshAnswer.status,
      location: freshAnswer.headers.get('location'),
      body: shape(freshAnswer.body, fresh),
    });
    const page = (await adminB.get(staffPage(B))).body;
    expect(page).toContain(`<td>${hire}</td><td>admin</td>`);
    expect(page).toContain(`<td>${fresh}</td><td>admin</td>`);
    expect(page).not.toContain('New Hire');

    // The hire joins B with their own password: they control the account, and A never had a say over it.
    const joined = await acceptInvitation(system.baseUrl, { email: hire, password: hirePassword }, 1);
    expect(joined.page.body).toContain('You already have a Rightsdesk account');
    expect(joined.answer.status).toBe(200);
    const hireClient = await signIn(system.baseUrl, { email: hire, password: hirePassword, name: 'New Hire' });
    expect((await hireClient.get(staffPage(B))).status).toBe(200);
    expect((await hireClient.get(`/staff/orgs/${A}/requests`)).status).toBe(404);
    expect((await signInAnswer(hire, 'chosen by organisation A')).status).toBe(401);
    // No admin ever saw a password: none is in any page they were shown, nor stored but as a hash.
    expect(page).not.toContain(hirePassword);
    const stored = await system.db.query<{ password_hash: string }>(
      'SELECT password_hash FROM staff_user WHERE email = $1',
      [hire],
    );
    expect(stored.rows[0].password_hash).toMatch(/^\$argon2id\$/);
  }, 120_000);

  it('lets a guessed or replayed link do nothing: only the mailed secret works, once, until it expires or is revoked', async () => {
    const email = `links-${run()}@example.org`;
    await invite(adminA, A, { email, role: 'auditor' });
    const link = await nextMailedLink(email, '/staff/invitations/');
    const [id] = link.split('/').pop()!.split('.');
    const stored = await system.db.query<{ secret_hash: Buffer }>(
      'SELECT secret_hash FROM staff_invitation WHERE id = $1',
      [id],
    );
    // Only a hash of the secret is kept.
    expect(stored.rows[0].secret_hash.toString('base64url')).not.toBe(link.split('.').pop());
    const client = new FormClient(system.baseUrl);
    expect((await client.get(`/staff/invitations/${id}.${'A'.repeat(43)}`)).status).toBe(410);
    expect((await client.get('/staff/invitations/not-a-link')).status).toBe(410);

    // Expired: refused.
    await system.db.query("UPDATE staff_invitation SET expires_at = now() - interval '1 second' WHERE id = $1", [id]);
    expect((await client.get(link)).status).toBe(410);
    await system.db.query("UPDATE staff_invitation SET expires_at = now() + interval '1 day' WHERE id = $1", [id]);
    const open = await client.get(link);
    expect(open.status).toBe(200);
    expect(open.headers.get('cache-control')).toBe('no-store');

    // Revoked by the admin (audited): refused.
    const listed = await adminA.get(staffPage(A));
    const revoked = await adminA.post(`${staffPage(A)}/invitations/${id}/revoke`, { _csrf: csrfTokenIn(listed.body) });
    expect(revoked.status).toBe(303);
    const audit = await system.db.query<{ action: string; detail: Record<string, unknown> }>(
      'SELECT a.action, a.detail FROM audit_entry a JOIN organisation o ON o.id = a.organisation_id WHERE o.slug = $1 ORDER BY a.seq DESC LIMIT 1',
      [A],
    );
    expect(audit.rows[0]).toEqual({
      action: 'staff.invitation_revoked',
      detail: { invitationId: id, role: 'auditor' },
    });
    expect((await client.get(link)).status).toBe(410);
    // Another organisation's admin cannot revoke A's invitations.
    await invite(adminA, A, { email, role: 'auditor' });
    const second = await nextMailedLink(email, '/staff/invitations/', 1);
    const secondId = second.split('/').pop()!.split('.')[0];
    const listedB = await adminB.get(staffPage(B));
    expect(
      (await adminB.post(`${staffPage(A)}/invitations/${secondId}/revoke`, { _csrf: csrfTokenIn(listedB.body) }))
        .status,
    ).toBe(404);
    expect(
      (await adminB.post(`${staffPage(B)}/invitations/${secondId}/revoke`, { _csrf: csrfTokenIn(listedB.body) }))
        .status,
    ).toBe(404);

    // Used once: the second use changes nothing.
    const accepted = await acceptInvitation(system.baseUrl, { email, password: 'a long enough password' }, 1);
    expect(accepted.answer.status).toBe(200);
    expect((await client.get(second)).status).toBe(410);
    const replay = await client.post(second, {
      _csrf: csrfTokenIn(open.body),
      name: 'Someone Else',
      password: 'another long password',
      repeat: 'another long password',
    });
    expect(replay.status).toBe(410);
    expect((await signInAnswer(email, 'another long password')).status).toBe(401);
  }, 120_000);

  it('mails a reset link for a known address only, answering alike for every address, and the link works once', async () => {
    const account: StaffAccount = await createStaff({ [A]: 'agent' }, 'Forgetful Agent');
    const unknown = `nobody-${run()}@example.org`;
    const ask = (email: string) =>
      new FormClient(system.baseUrl).submitForm('/staff/sign-in', '/staff/forgot-password', { email });
    expect((await new FormClient(system.baseUrl).get('/staff/sign-in')).body).toContain(
      'href="/staff/forgot-password"',
    );
    const known = await ask(account.email);
    const other = await ask(unknown);
    expect(known.status).toBe(200);
    expect({ status: other.status, body: shape(other.body, unknown) }).toEqual({
      status: known.status,
      body: shape(known.body, account.email),
    });
    expect(known.body).toContain('If that address has a staff account');

    const signedIn = await signIn(system.baseUrl, account);
    const link = await nextMailedLink(account.email, '/staff/password-reset/');
    const client = new FormClient(system.baseUrl);
    const page = await client.get(link);
    expect(page.status).toBe(200);
    const short = await client.post(link, { _csrf: csrfTokenIn(page.body), password: 'short', repeat: 'short' });
    expect(short.status).toBe(400);
    const changed = await client.post(link, {
      _csrf: csrfTokenIn(page.body),
      password: 'my brand new password',
      repeat: 'my brand new password',
    });
    expect(changed.status).toBe(200);
    expect(changed.body).toContain('Password changed');
    expect((await signInAnswer(account.email, account.password)).status).toBe(401);
    expect((await signInAnswer(account.email, 'my brand new password')).status).toBe(303);
    // Whoever held a session with the old password is out.
    expect((await signedIn.get('/staff')).status).toBe(303);
    // Spent.
    expect((await client.get(link)).status).toBe(410);
    expect(
      (
        await client.post(link, {
          _csrf: csrfTokenIn(page.body),
          password: 'yet another password',
          repeat: 'yet another password',
        })
      ).status,
    ).toBe(410);
    expect(await mailedLinks(unknown, '/staff/password-reset/')).toEqual([]);
  }, 60_000);

  it('limits forgotten-password mails per address, still answering alike', async () => {
    const account = await createStaff({ [A]: 'agent' }, 'Flooded Agent');
    for (let i = 0; i < 5; i++) {
      const answer = await new FormClient(system.baseUrl).submitForm('/staff/sign-in', '/staff/forgot-password', {
        email: account.email,
      });
      expect(answer.status).toBe(200);
      expect(answer.body).toContain('If that address has a staff account');
    }
    // Three resets were made (each replacing the one before, so only the newest link is mailed or works); two were not.
    const resets = await system.db.query<{ n: number }>(
      'SELECT count(*)::int AS n FROM staff_password_reset r JOIN staff_user u ON u.id = r.user_id WHERE u.email = $1',
      [account.email],
    );
    expect(resets.rows[0].n).toBe(3);
    await nextMailedLink(account.email, '/staff/password-reset/');
  }, 60_000);

  it('changes the password of the signed-in member with the current one, and signs out their other browsers', async () => {
    const account = await createStaff({ [A]: 'agent' }, 'Careful Agent');
    const here = await signIn(system.baseUrl, account);
    const elsewhere = await signIn(system.baseUrl, account);
    const form = await here.get('/staff/account/password');
    expect(form.status).toBe(200);
    expect(form.headers.get('cache-control')).toBe('no-store');
    expect((await here.get('/staff')).body).toContain('href="/staff/account/password"');
    const token = csrfTokenIn(form.body);
    expect(
      (
        await here.post('/staff/account/password', {
          current: account.password,
          password: 'a new long password',
          repeat: 'a new long password',
        })
      ).status,
    ).toBe(403);
    const wrong = await here.post('/staff/account/password', {
      _csrf: token,
      current: 'not my password',
      password: 'a new long password',
      repeat: 'a new long password',
    });
    expect(wrong.status).toBe(401);
    const mismatch = await here.post('/staff/account/password', {
      _csrf: token,
      current: account.password,
      password: 'a new long password',
      repeat: 'a new long passworD',
    });
    expect(mismatch.status).toBe(400);
    const changed = await here.post('/staff/account/password', {
      _csrf: token,
      current: account.password,
      password: 'a new long password',
      repeat: 'a new long password',
    });
    expect(changed.status).toBe(200);
    expect(changed.body).toContain('Your password is changed');
    expect((await here.get('/staff')).status).toBe(200);
    expect((await elsewhere.get('/staff')).status).toBe(303);
    expect((await signInAnswer(account.email, account.password)).status).toBe(401);
    expect((await signInAnswer(account.email, 'a new long password')).status).toBe(303);
    expect((await new FormClient(system.baseUrl).get('/staff/account/password')).status).toBe(303);
  }, 60_000);

  it('prints a single-use reset link from the CLI for a known address, and refuses an unknown one', async () => {
    const account = await createStaff({ [A]: 'agent' }, 'Locked Out Agent');
    const printed = await runCli(['staff', 'reset-password', account.email.toUpperCase()]);
    expect(printed.code).toBe(0);
    const url = /https?:\/\/\S+\/staff\/password-reset\/\S+/.exec(printed.stdout)?.[0];
    expect(url).toBeDefined();
    expect(printed.stdout).not.toMatch(/password: /i);
    const path = new URL(url!).pathname;
    const client = new FormClient(system.baseUrl);
    const page = await client.get(path);
    expect(page.status).toBe(200);
    expect(
      (
        await client.post(path, {
          _csrf: csrfTokenIn(page.body),
          password: 'chosen after the cli',
          repeat: 'chosen after the cli',
        })
      ).status,
    ).toBe(200);
    expect((await signInAnswer(account.email, 'chosen after the cli')).status).toBe(303);
    expect((await client.get(path)).status).toBe(410);

    const unknown = await runCli(['staff', 'reset-password', `nobody-${run()}@example.org`]);
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toContain('no staff account has the address');
  }, 60_000);
});
