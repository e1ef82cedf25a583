import { beforeAll, describe, expect, it } from '@jest/globals';

import type { FormClient } from './support/form-client.js';
import { acceptInvitation, createStaff, signIn, type StaffAccount } from './support/staff.js';
import { useRunningSystem } from './support/system-fixture.js';

const SLUG = 'west-schoolmessenger';
const STAFF_PAGE = `/staff/orgs/${SLUG}/staff`;
const PASSWORD = 'correct horse battery';

interface AuditRow {
  request_id: string | null;
  actor_id: string | null;
  action: string;
  detail: Record<string, unknown>;
}

describe('staff admin: who works for an organisation, and in which role', () => {
  const system = useRunningSystem({ sink: false, db: 'pg' });
  let adminAccount: StaffAccount;
  let admin: FormClient;

  beforeAll(async () => {
    adminAccount = await createStaff({ [SLUG]: 'admin' }, 'Wes Admin');
    admin = await signIn(system.baseUrl, adminAccount);
  }, 60_000);

  async function userId(email: string): Promise<string> {
    return (await system.db.query<{ id: string }>('SELECT id FROM staff_user WHERE email = $1', [email])).rows[0].id;
  }

  async function roleIn(email: string, slug: string): Promise<string | undefined> {
    const result = await system.db.query<{ role: string }>(
      'SELECT m.role FROM staff_membership m JOIN staff_user u ON u.id = m.user_id JOIN organisation o ON o.id = m.organisation_id WHERE u.email = $1 AND o.slug = $2',
      [email, slug],
    );
    return result.rows[0]?.role;
  }

  async function lastAudit(): Promise<AuditRow> {
    const result = await system.db.query<AuditRow>(
      'SELECT a.request_id, a.actor_id, a.action, a.detail FROM audit_entry a JOIN organisation o ON o.id = a.organisation_id WHERE o.slug = $1 ORDER BY a.seq DESC LIMIT 1',
      [SLUG],
    );
    return result.rows[0];
  }

  const add = (fields: Record<string, string>) => admin.submitForm(STAFF_PAGE, STAFF_PAGE, fields);
  const changeRole = async (email: string, role: string, as = admin) =>
    as.submitForm(STAFF_PAGE, `${STAFF_PAGE}/${await userId(email)}/role`, { role });
  const remove = async (email: string, as = admin) =>
    as.submitForm(STAFF_PAGE, `${STAFF_PAGE}/${await userId(email)}/remove`, {});

  it("lists the organisation's members with name, email address and role, and no one else", async () => {
    const page = await admin.get(STAFF_PAGE);
    expect(page.status).toBe(200);
    expect(page.body).toContain('<h1>Staff</h1>');
    expect(page.body).toContain('Wes Admin (you)');
    expect(page.body).toContain(`<td>${adminAccount.email}</td>`);
    expect(page.body).toContain(`<td>admin@${SLUG}.example</td>`);
    expect(page.body).not.toContain('admin@prontotrak.example');
  });

  it('invites an agent, who accepts by mail, can sign in and see the queue but not the staff page; the audit log keeps ids, not the address', async () => {
    const email = `new-agent-${Date.now()}@example.org`;
    const added = await add({ email: email.toUpperCase(), role: 'agent' });
    expect(added.status).toBe(303);
    expect(added.headers.get('location')).toBe(`${STAFF_PAGE}?invited=1`);
    // Not a member until they accept; the invitation waits on the page.
    expect(await roleIn(email, SLUG)).toBeUndefined();
    expect((await admin.get(STAFF_PAGE)).body).toContain(`<td>${email}</td><td>agent</td>`);
    const invited = await lastAudit();
    expect(invited).toMatchObject({
      request_id: null,
      actor_id: await userId(adminAccount.email),
      action: 'staff.invited',
      detail: { role: 'agent' },
    });
    expect(Object.keys(invited.detail).sort()).toEqual(['invitationId', 'role']);

    const { answer } = await acceptInvitation(system.baseUrl, { email, password: PASSWORD, name: 'New Agent' });
    expect(answer.status).toBe(200);
    expect(await roleIn(email, SLUG)).toBe('agent');
    const audit = await lastAudit();
    expect(audit).toEqual({
      request_id: null,
      actor_id: await userId(email),
      action: 'staff.added',
      detail: { userId: await userId(email), role: 'agent', invitationId: invited.detail.invitationId },
    });
    expect(JSON.stringify([invited, audit])).not.toContain('example.org');
    expect((await admin.get(STAFF_PAGE)).body).not.toContain(`<td>${email}</td><td>agent</td>`);

    const agent = await signIn(system.baseUrl, { email, password: PASSWORD, name: 'New Agent' });
    expect((await agent.get(`/staff/orgs/${SLUG}/requests`)).status).toBe(200);
    expect((await agent.getJson(`/api/orgs/${SLUG}/requests`)).status).toBe(200);
    const refused = await agent.get(STAFF_PAGE);
    expect(refused.status).toBe(403);
    expect(refused.body).toContain('Your role (agent) cannot do this.');
  }, 60_000);

  it('changes a role to auditor and then removes the membership, which ends access at once', async () => {
    const member = await createStaff({ [SLUG]: 'agent' }, 'Short Stay');
    const client = await signIn(system.baseUrl, member);

    const changed = await changeRole(member.email, 'auditor');
    expect(changed.status).toBe(303);
    expect(await roleIn(member.email, SLUG)).toBe('auditor');
    expect(await lastAudit()).toMatchObject({
      action: 'staff.role_changed',
      detail: { userId: await userId(member.email), role: 'auditor', previousRole: 'agent' },
    });
    expect((await client.get('/staff')).body).toContain('(auditor)');

    const removed = await remove(member.email);
    expect(removed.status).toBe(303);
    expect(await roleIn(member.email, SLUG)).toBeUndefined();
    expect(await lastAudit()).toMatchObject({
      action: 'staff.removed',
      detail: { userId: await userId(member.email), role: 'auditor' },
    });
    expect((await client.get(`/staff/orgs/${SLUG}/requests`)).status).toBe(404);
    expect((await admin.get(STAFF_PAGE)).body).not.toContain(member.email);
  }, 30_000);

  it('adds someone who already has an account only once they accept with their own password', async () => {
    const existing = await createStaff({ prontotrak: 'agent' }, 'Multi Org');
    const added = await add({ email: existing.email, role: 'auditor', password: 'a password the admin chose' });
    expect(added.status).toBe(303);
    expect(await roleIn(existing.email, SLUG)).toBeUndefined();
    // The admin learns nothing of the account: not its name, not that it exists.
    expect((await admin.get(STAFF_PAGE)).body).not.toContain('Multi Org');

    const { page, answer } = await acceptInvitation(system.baseUrl, existing);
    expect(page.body).toContain('You already have a Rightsdesk account');
    expect(answer.status).toBe(200);
    expect(await roleIn(existing.email, SLUG)).toBe('auditor');
    expect(await roleIn(existing.email, 'prontotrak')).toBe('agent');
    expect((await admin.get(STAFF_PAGE)).body).toContain('Multi Org');
    // Still their own password; the one the admin typed is no password at all.
    const client = await signIn(system.baseUrl, existing);
    expect((await client.get(`/staff/orgs/${SLUG}/reports`)).status).toBe(200);
    await expect(signIn(system.baseUrl, { ...existing, password: 'a password the admin chose' })).rejects.toThrow(
      'answered 401',
    );

    const again = await add({ email: existing.email, role: 'agent' });
    expect(again.status).toBe(409);
    expect(again.body).toContain(`${existing.email} is already a member (auditor)`);
    expect(await roleIn(existing.email, SLUG)).toBe('auditor');
  }, 60_000);

  it('shows what is wrong with the invite form beside its fields, keeping what was typed', async () => {
    const response = await add({ email: 'not-an-address', role: 'owner' });
    expect(response.status).toBe(400);
    expect(response.body).toContain('Enter their email address, like name@example.com.');
    expect(response.body).toContain('Choose a role: admin, agent, auditor.');
    expect(response.body).toContain('value="not-an-address"');
    expect(response.body).not.toContain('name="password"');
    expect((await system.db.query('SELECT 1 FROM staff_user WHERE email = $1', ['not-an-address'])).rowCount).toBe(0);
    expect(
      (await system.db.query('SELECT 1 FROM staff_invitation WHERE email = $1', ['not-an-address'])).rowCount,
    ).toBe(0);
  });

  it("answers 404 for another organisation's user, and for a user id that is no id", async () => {
    const otherAdmin = `admin@prontotrak.example`;
    const response = await changeRole(otherAdmin, 'agent');
    expect(response.status).toBe(404);
    expect(await roleIn(otherAdmin, 'prontotrak')).toBe('admin');
    expect((await remove(otherAdmin)).status).toBe(404);
    expect(await roleIn(otherAdmin, 'prontotrak')).toBe('admin');
    const malformed = await admin.submitForm(STAFF_PAGE, `${STAFF_PAGE}/not-a-uuid/remove`, {});
    expect(malformed.status).toBe(404);
  });

  it('refuses to let the last admin demote or remove themselves', async () => {
    // Make this test's admin the only one: remove the others (the seeded demo admin among them) through the page.
    const others = await system.db.query<{ email: string }>(
      "SELECT u.email FROM staff_membership m JOIN staff_user u ON u.id = m.user_id JOIN organisation o ON o.id = m.organisation_id WHERE o.slug = $1 AND m.role = 'admin' AND u.email <> $2",
      [SLUG, adminAccount.email],
    );
    expect(others.rows.map((r) => r.email)).toContain(`admin@${SLUG}.example`);
    for (const { email } of others.rows) expect((await remove(email)).status).toBe(303);

    const demoted = await changeRole(adminAccount.email, 'agent');
    expect(demoted.status).toBe(409);
    expect(demoted.body).toContain(
      'You are this organisation&#39;s last admin, so you cannot demote yourself. Make another member admin first.',
    );
    const removed = await remove(adminAccount.email);
    expect(removed.status).toBe(409);
    expect(removed.body).toContain('You are this organisation&#39;s last admin, so you cannot remove yourself.');
    expect(await roleIn(adminAccount.email, SLUG)).toBe('admin');

    // With another admin (an existing account, joining by invitation), stepping down is allowed.
    const second = await createStaff({ prontotrak: 'agent' }, 'Second Admin');
    expect((await add({ email: second.email, role: 'admin' })).status).toBe(303);
    expect((await acceptInvitation(system.baseUrl, second)).answer.status).toBe(200);
    expect(await roleIn(second.email, SLUG)).toBe('admin');
    const steppedDown = await changeRole(adminAccount.email, 'agent');
    expect(steppedDown.status).toBe(303);
    expect(steppedDown.headers.get('location')).toBe(`/staff/orgs/${SLUG}/requests`);
    expect(await roleIn(adminAccount.email, SLUG)).toBe('agent');
    expect((await admin.get(STAFF_PAGE)).status).toBe(403);
  }, 60_000);
});
