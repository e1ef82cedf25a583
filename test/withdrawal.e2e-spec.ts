import { randomBytes } from 'node:crypto';

import { beforeAll, describe, expect, it } from '@jest/globals';

import { csrfTokenIn, FormClient } from './support/form-client.js';
import { confirmFromMail, submitRequest } from './support/requester.js';
import { createStaff, signIn, type StaffAccount } from './support/staff.js';
import { useRunningSystem } from './support/system-fixture.js';

// CCPA, America/New_York.
const ORG = 'securus-technologies';

/** Withdrawal: the requester on their status page (with a confirmation step), or staff recording a call or letter. */
describe('withdrawing a request', () => {
  const tag = randomBytes(4).toString('hex');
  const system = useRunningSystem({ db: 'typeorm' });
  let agent: StaffAccount;
  let auditor: StaffAccount;
  const withdrawnIds: string[] = [];

  beforeAll(async () => {
    agent = await createStaff({ [ORG]: 'agent' }, 'Withdrawal Agent');
    auditor = await createStaff({ [ORG]: 'auditor' }, 'Withdrawal Auditor');
  }, 60_000);

  async function confirmedRequest(
    label: string,
  ): Promise<{ id: string; email: string; statusUrl: string; page: string }> {
    const email = `withdraw-${label}-${tag}@example.org`;
    const reference = await submitRequest(system.baseUrl, ORG, email, 'ccpa-know');
    const [{ id }] = await system.db.query('SELECT id FROM data_subject_request WHERE reference = $1', [reference]);
    const { statusUrl } = await confirmFromMail(system.sink, system.baseUrl, email);
    withdrawnIds.push(id);
    return { id, email, statusUrl, page: `/staff/orgs/${ORG}/requests/${id}` };
  }

  const statusOf = async (id: string): Promise<string> =>
    (await system.db.query('SELECT status FROM data_subject_request WHERE id = $1', [id]))[0].status;
  const withdrawals = async (id: string): Promise<{ actor_label: string; detail: Record<string, unknown> }[]> =>
    system.db.query(
      "SELECT actor_label, detail FROM audit_entry WHERE request_id = $1 AND action = 'request.withdrawn'",
      [id],
    );

  it('the requester withdraws on the status page after confirming, and gets a mail saying so', async () => {
    const r = await confirmedRequest('self');
    const requester = new FormClient(system.baseUrl);
    const status = await requester.get(r.statusUrl);
    expect(status.body).toContain('Answer due by');
    expect(status.body).toContain(`href="${new URL(r.statusUrl).pathname}/withdraw"`);

    // The link only asks: opening it (or a scanner fetching it) withdraws nothing.
    const confirm = await requester.get(`${r.statusUrl}/withdraw`);
    expect(confirm.status).toBe(200);
    expect(confirm.body).toContain('Yes, withdraw my request');
    expect(await statusOf(r.id)).toBe('verified');
    // A post without the form's CSRF token is refused.
    expect((await new FormClient(system.baseUrl).post(`${r.statusUrl}/withdraw`, {})).status).toBe(403);
    expect(await statusOf(r.id)).toBe('verified');

    const done = await requester.post(`${r.statusUrl}/withdraw`, { _csrf: csrfTokenIn(confirm.body) });
    expect(done.status).toBe(303);
    expect(await statusOf(r.id)).toBe('withdrawn');
    expect(await withdrawals(r.id)).toEqual([{ actor_label: 'requester', detail: { route: 'status_page' } }]);
    const [, mail] = await system.sink.waitForMailsTo(r.email, 2);
    expect(mail.subject).toContain('is withdrawn');

    // Closed: the page no longer promises an answer or offers to withdraw again.
    const after = await requester.get(r.statusUrl);
    expect(after.body).toContain('Withdrawn on');
    expect(after.body).not.toContain('Answer due by');
    expect(after.body).not.toContain('Withdraw my request');
    expect((await requester.get(`${r.statusUrl}/withdraw`)).status).toBe(303);
    const again = await requester.post(`${r.statusUrl}/withdraw`, { _csrf: csrfTokenIn(confirm.body) });
    expect(again.status).toBe(409);
    expect(await withdrawals(r.id)).toHaveLength(1);
  }, 60_000);

  it('staff record a withdrawal made by phone, with what was said, and the requester is mailed', async () => {
    const r = await confirmedRequest('phoned');
    const staff = await signIn(system.baseUrl, agent);
    const page = await staff.get(r.page);
    expect(page.body).toContain(`action="${r.page}/withdraw"`);

    // Only the routes by which a requester reaches staff: staff cannot claim the requester used their own page.
    const claimed = await staff.post(`${r.page}/withdraw`, {
      _csrf: csrfTokenIn(page.body),
      route: 'status_page',
      note: '',
    });
    expect(claimed.status).toBe(400);
    expect(await statusOf(r.id)).toBe('verified');
    const auditorClient = await signIn(system.baseUrl, auditor);
    const auditorPage = await auditorClient.get(r.page);
    expect(auditorPage.body).not.toContain(`action="${r.page}/withdraw"`);
    expect(
      (
        await auditorClient.post(`${r.page}/withdraw`, {
          _csrf: csrfTokenIn(auditorPage.body),
          route: 'phone',
          note: '',
        })
      ).status,
    ).toBe(403);

    const note = 'Called on Tuesday: no longer needs the copy.';
    expect((await staff.submitForm(r.page, `${r.page}/withdraw`, { route: 'phone', note })).status).toBe(303);
    expect(await statusOf(r.id)).toBe('withdrawn');
    const [entry] = await withdrawals(r.id);
    expect(entry).toMatchObject({
      actor_label: 'Withdrawal Agent',
      detail: { route: 'phone', noteId: expect.any(String) },
    });
    expect(await system.db.query('SELECT kind, text FROM request_note WHERE id = $1', [entry.detail.noteId])).toEqual([
      { kind: 'withdrawal', text: note },
    ]);
    const [, mail] = await system.sink.waitForMailsTo(r.email, 2);
    expect(mail.subject).toContain('is withdrawn');

    const timeline = (await staff.get(r.page)).body;
    expect(timeline).toMatch(/data-action="request.withdrawn">[^]*?told us by phone[^]*?Called on Tuesday/);
    expect(timeline).not.toContain(`action="${r.page}/withdraw"`);
  }, 60_000);

  it('counts both withdrawals in the report', async () => {
    // Other suites withdraw this organisation's requests today too: move ours to a day of their own, so the count is exact.
    const day = new Date(Date.UTC(1971, 0, 1) + (parseInt(tag, 16) % 10_000) * 86_400_000).toISOString().slice(0, 10);
    await system.db.query(
      `UPDATE data_subject_request SET received_at = ($1::date + time '12:00') AT TIME ZONE 'America/New_York' WHERE id = ANY($2::uuid[])`,
      [day, withdrawnIds],
    );
    const staff = await signIn(system.baseUrl, auditor);
    const csv = (await staff.get(`/staff/orgs/${ORG}/reports.csv?from=${day}&to=${day}`)).body;
    const [header, ...rows] = csv
      .trim()
      .split(/\r?\n/)
      .map((line) => line.split(','));
    const total = rows.at(-1)!;
    expect([total[header.indexOf('received')], total[header.indexOf('withdrawn')]]).toEqual(['2', '2']);
  }, 30_000);
});
