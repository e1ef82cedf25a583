import { randomBytes } from 'node:crypto';

import { beforeAll, describe, expect, it } from '@jest/globals';

import { DataSubjectRequest, OrganisationDirectory, requestFacts } from '#db';
import { escapeHtml, formatLocalDate } from '#mail';
import { findRight } from '#policy';
import { computeDeadlines } from '#workflow';

import { csrfTokenIn, FormClient, linkIn } from './support/form-client.js';
import { confirmFromMail, submitRequest } from './support/requester.js';
import { type SunkMail } from './support/smtp-sink.js';
import { createStaff, signIn } from './support/staff.js';
import { useRunningSystem } from './support/system-fixture.js';

const GDPR = 'west-schoolmessenger';
const UK = 'securus-software';
const CCPA = 'securus-technologies';
const NONE = 'officertrak';

describe('a request page and every action on it', () => {
  const tag = randomBytes(4).toString('hex');
  const system = useRunningSystem({ db: 'typeorm' });
  let directory: OrganisationDirectory;
  let agent: FormClient;
  let agentName: string;
  let colleagueId: string;
  let auditorId: string;
  let admin: FormClient;
  let auditor: FormClient;

  beforeAll(async () => {
    directory = new OrganisationDirectory(system.db);
    agentName = `Agent <${tag}>`;
    const orgs = [GDPR, UK, CCPA, NONE];
    agent = await signIn(
      system.baseUrl,
      await createStaff(Object.fromEntries(orgs.map((o) => [o, 'agent' as const])), agentName),
    );
    const colleague = await createStaff({ [NONE]: 'agent' }, 'Colleague Agent');
    [{ id: colleagueId }] = await system.db.query('SELECT id FROM staff_user WHERE email = $1', [colleague.email]);
    admin = await signIn(
      system.baseUrl,
      await createStaff(Object.fromEntries(orgs.map((o) => [o, 'admin' as const])), 'Admin'),
    );
    const auditorAccount = await createStaff(Object.fromEntries(orgs.map((o) => [o, 'auditor' as const])), 'Auditor');
    [{ id: auditorId }] = await system.db.query('SELECT id FROM staff_user WHERE email = $1', [auditorAccount.email]);
    auditor = await signIn(system.baseUrl, auditorAccount);
  }, 60_000);

  /** A fresh request, confirmed by its requester unless told otherwise; its id, page and the requester's address. */
  async function newRequest(slug: string, rightId: string, options: { confirm: boolean } = { confirm: true }) {
    const email = `req-${slug}-${rightId}-${randomBytes(3).toString('hex')}@example.org`;
    const reference = await submitRequest(system.baseUrl, slug, email, rightId);
    const [{ id }] = await system.db.query('SELECT id FROM data_subject_request WHERE reference = $1', [reference]);
    const request = { id: id as string, email, reference, page: `/staff/orgs/${slug}/requests/${id}` };
    await mailNumber(request, 1);
    if (options.confirm) await confirmFromMail(system.sink, system.baseUrl, email);
    return request;
  }

  async function row(id: string): Promise<DataSubjectRequest> {
    return system.db.getRepository(DataSubjectRequest).findOneByOrFail({ id });
  }

  /** Everything an action could change about a request, but the worker's own mail log. */
  async function snapshot(id: string) {
    const [request] = await system.db.query('SELECT * FROM data_subject_request WHERE id = $1', [id]);
    const [counts] = await system.db.query(
      `SELECT (SELECT count(*) FROM audit_entry WHERE request_id = $1 AND action <> 'mail.sent') AS audit,
              (SELECT count(*) FROM request_note WHERE request_id = $1) AS notes,
              (SELECT count(*) FROM outbox_message WHERE payload->>'requestId' = $1::text) AS outbox,
              (SELECT count(*) FROM response_file WHERE request_id = $1) AS files`,
      [id],
    );
    return { request, counts };
  }

  async function auditOf(
    id: string,
  ): Promise<{ action: string; actor_label: string; actor_id: string | null; detail: Record<string, unknown> }[]> {
    return system.db.query(
      'SELECT action, actor_label, actor_id, detail FROM audit_entry WHERE request_id = $1 ORDER BY seq',
      [id],
    );
  }

  /**
   * Waits for the n-th mail of a request and returns it. The sink has it a moment before the worker commits
   * the mail's links (the ledger's transaction stays open until SMTP accepted it), so it also waits for the
   * commit, seen as the request's n-th 'mail.sent' entry.
   */
  async function mailNumber(r: { id: string; email: string }, n: number): Promise<SunkMail> {
    const mails = await system.sink.waitForMailsTo(r.email, n);
    await waitFor(async () => (await auditOf(r.id)).filter((e) => e.action === 'mail.sent').length >= n);
    return mails[n - 1];
  }

  /** Moves a request's dates back, as if it had arrived (and been handled) that long ago, in the organisation's local days. */
  async function moveBack(id: string, days: number, columns: string[]): Promise<void> {
    const [{ time_zone: zone }] = await system.db.query(
      'SELECT o.time_zone FROM organisation o JOIN data_subject_request r ON r.organisation_id = o.id WHERE r.id = $1',
      [id],
    );
    await system.db.transaction(async (tx) => {
      // Interval days follow the session's zone, so "5 days" is 5 local days even across a clock change.
      await tx.query(`SET LOCAL TIME ZONE '${zone}'`);
      await tx.query(
        `UPDATE data_subject_request SET ${columns.map((c) => `${c} = ${c} - make_interval(days => $2)`).join(', ')} WHERE id = $1`,
        [id, days],
      );
    });
  }

  /** Posts an action that must be refused with this status and message, and leaves the request as it was. */
  async function expectRefused(
    client: FormClient,
    r: { id: string; page: string },
    post: { action: string; fields: Record<string, string> },
    refusal: { status: number; message: string },
  ): Promise<void> {
    const { action, fields } = post;
    const { status, message } = refusal;
    const before = await snapshot(r.id);
    const refused = await client.submitForm(r.page, `${r.page}/${action}`, fields);
    expect(refused.status).toBe(status);
    expect(refused.body).toContain(escapeHtml(message));
    expect(await snapshot(r.id)).toEqual(before);
  }

  it('takes a GDPR request from arrival to a downloaded response, each step on the timeline and each mail sent once', async () => {
    const r = await newRequest(GDPR, 'access');
    const act = (action: string, fields: Record<string, string> = {}) =>
      agent.submitForm(r.page, `${r.page}/${action}`, fields);

    const first = await agent.get(r.page);
    expect(first.status).toBe(200);
    const context = await directory.forRequest(await row(r.id));
    expect(first.body).toContain(escapeHtml(findRight(context.policy, 'access')!.citation.quote));
    expect(first.body).toContain('Ada Lovelace');
    expect(first.body).toContain(r.email);
    expect(first.body).toContain('Account name ada-l');
    for (const action of ['claim', 'note', 'start', 'ask', 'extend', 'fulfil', 'deny', 'redirect']) {
      expect(first.body).toContain(`action="${r.page}/${action}"`);
    }
    expect(first.body).not.toContain(`action="${r.page}/reopen"`);

    const claimed = await act('claim');
    expect(claimed.status).toBe(303);
    expect(claimed.headers.get('location')).toBe(r.page);
    expect((await row(r.id)).assigneeId).not.toBeNull();

    expect((await act('note', { text: 'Checked the <b>CRM</b> first.' })).status).toBe(303);
    expect((await act('start')).status).toBe(303);
    expect((await row(r.id)).status).toBe('in_progress');

    expect((await act('ask', { question: 'Which school <district> are you at?' })).status).toBe(303);
    const question = await mailNumber(r, 2);
    expect(question.subject).toBe(
      `A question about your privacy request ${r.reference} to West Corporation (SchoolMessenger)`,
    );
    expect(question.text).toContain('> Which school <district> are you at?');
    expect(question.text).toContain('stands still until we have your reply');
    expect(question.html).toContain('Which school &lt;district&gt; are you at?');
    const asked = await row(r.id);
    expect(asked.status).toBe('awaiting_requester');
    expect(asked.pausedAt).not.toBeNull();

    // Five local days pass before the requester answers: the clock stood still for them.
    await moveBack(r.id, 5, ['received_at', 'clock_started_at', 'verified_at', 'paused_at']);
    const waited = await row(r.id);
    const statusUrl = linkIn(question.text, system.baseUrl, '/s/');
    const requester = new FormClient(system.baseUrl);
    const statusPage = await requester.get(statusUrl);
    expect(statusPage.body).toContain('Which school &lt;district&gt; are you at?');
    expect(statusPage.body).toContain('the time limit stands still until you answer');
    expect(statusPage.body).toContain(`action="${new URL(statusUrl).pathname}/reply"`);

    const empty = await requester.submitForm(statusUrl, `${statusUrl}/reply`, { text: '   ' });
    expect(empty.status).toBe(400);
    expect(empty.body).toContain('Write your answer before sending it.');
    const replied = await requester.submitForm(statusUrl, `${statusUrl}/reply`, { text: 'Springfield <Elementary>' });
    expect(replied.status).toBe(303);
    const resumed = await row(r.id);
    expect(resumed.status).toBe('in_progress');
    expect(resumed.pausedAt).toBeNull();
    expect(resumed.pausedDays).toBe(5);
    const facts = requestFacts(waited, context);
    const deadline = (pausedDays: number) =>
      computeDeadlines({ ...facts, clockStartedAt: facts.clockStartedAt ?? undefined, pausedDays }).dueAt;
    expect(resumed.dueAt.toISOString()).toBe(deadline(5).toISOString());
    expect(resumed.dueAt.getTime()).toBeGreaterThan(deadline(0).getTime());
    expect((await requester.get(statusUrl)).body).not.toContain('/reply"');
    const again = await requester.post(`${statusUrl}/reply`, {
      _csrf: csrfTokenIn(statusPage.body),
      text: 'And another thing.',
    });
    expect(again.status).toBe(409);
    expect(again.body).toContain('No question to the requester is open');

    expect((await act('extend', { reason: 'Your records sit in three <archived> systems.' })).status).toBe(303);
    const extension = await mailNumber(r, 3);
    const extended = await row(r.id);
    expect(extended.extendedDueAt).not.toBeNull();
    expect(extended.dueAt.toISOString()).toBe(extended.extendedDueAt!.toISOString());
    expect(extension.subject).toContain('More time is needed');
    expect(extension.text).toContain('> Your records sit in three <archived> systems.');
    expect(extension.text).toContain(`will answer by ${formatLocalDate(extended.dueAt, 'America/Chicago')}`);

    await expectRefused(
      agent,
      r,
      { action: 'extend', fields: { reason: 'Still more.' } },
      { status: 409, message: 'The request has already been extended once' },
    );

    // NUL in a multipart field: a clear 400, as in any other body, and the request is untouched.
    const form = await agent.get(r.page);
    const refused = await agent.postMultipart(
      `${r.page}/fulfil`,
      { _csrf: csrfTokenIn(form.body), resolution: 'Sent\u0000.' },
      [{ field: 'files', name: 'export.csv', type: 'text/csv', content: 'school,name\n' }],
    );
    expect(refused.status).toBe(400);
    expect(refused.body).toContain('NUL character');
    expect((await row(r.id)).status).toBe('in_progress');

    const upload = await agent.get(r.page);
    const fulfilled = await agent.postMultipart(`${r.page}/fulfil`, { _csrf: csrfTokenIn(upload.body) }, [
      { field: 'files', name: 'west-export.csv', type: 'text/csv', content: 'school,name\nSpringfield,Ada\n' },
    ]);
    expect(fulfilled.status).toBe(303);
    const done = await mailNumber(r, 4);
    expect(done.subject).toBe(`Your privacy request ${r.reference} to West Corporation (SchoolMessenger) is complete`);
    expect(done.text).toContain('- west-export.csv');
    const closed = await row(r.id);
    expect(closed.status).toBe('fulfilled');
    expect(done.text).toContain(`until ${formatLocalDate(closed.responseAvailableUntil!, 'America/Chicago')}`);
    const days = (closed.responseAvailableUntil!.getTime() - closed.closedAt!.getTime()) / 86_400_000;
    expect(days).toBe(7);

    const doneStatusUrl = linkIn(done.text, system.baseUrl, '/s/');
    const withFiles = await new FormClient(system.baseUrl).get(doneStatusUrl);
    const [{ id: fileId }] = await system.db.query('SELECT id FROM response_file WHERE request_id = $1', [r.id]);
    const downloadUrl = `${doneStatusUrl}/files/${fileId}`;
    expect(withFiles.body).toContain(`href="${new URL(downloadUrl).pathname}"`);
    const download = await fetch(downloadUrl);
    expect(download.status).toBe(200);
    expect(await download.text()).toBe('school,name\nSpringfield,Ada\n');
    expect(download.headers.get('content-disposition')).toBe('attachment; filename=west-export.csv');
    expect(download.headers.get('content-type')).toBe('text/csv');
    expect(download.headers.get('x-content-type-options')).toBe('nosniff');

    const audit = await auditOf(r.id);
    expect(audit.filter((e) => e.action !== 'mail.sent').map((e) => e.action)).toEqual([
      'request.received',
      'request.verified',
      'request.assigned',
      'request.note_added',
      'request.work_started',
      'request.awaiting_requester',
      'request.requester_replied',
      'request.extended',
      'request.fulfilled',
      'response.downloaded',
    ]);
    expect(audit.find((e) => e.action === 'response.downloaded')).toMatchObject({
      actor_label: 'requester',
      actor_id: null,
      detail: { fileId },
    });
    expect(audit.find((e) => e.action === 'request.requester_replied')).toMatchObject({ actor_label: 'requester' });
    expect(audit.find((e) => e.action === 'request.fulfilled')).toMatchObject({ actor_label: agentName });
    // Requester text is kept in notes; the audit entries only point at them.
    expect(JSON.stringify(audit)).not.toContain('Springfield');
    expect(JSON.stringify(audit)).not.toContain(r.email);

    const timeline = (await agent.get(r.page)).body;
    for (const text of [
      'Assigned',
      'Internal note',
      'Work started',
      'Question sent to the requester',
      'The requester replied',
      'Deadline extended',
      'Fulfilled',
      'Response file downloaded',
    ]) {
      expect(timeline).toContain(text);
    }
    expect(timeline).toContain('Checked the &lt;b&gt;CRM&lt;/b&gt; first.');
    expect(timeline).not.toContain('<b>CRM</b>');
    expect(timeline).toContain('Springfield &lt;Elementary&gt;');
    expect(timeline).toContain(escapeHtml(agentName));
    expect(((await agent.get(r.page)).body.match(/Mail sent to the requester/g) ?? []).length).toBe(4);

    // A week later the download is gone, with a page that says so.
    await system.db.query(
      "UPDATE data_subject_request SET response_available_until = now() - interval '1 minute' WHERE id = $1",
      [r.id],
    );
    const expired = await fetch(downloadUrl);
    expect(expired.status).toBe(410);
    expect(await expired.text()).toContain('This download has expired');
    expect((await new FormClient(system.baseUrl).get(doneStatusUrl)).body).toContain(
      'They are no longer available here.',
    );

    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(system.sink.mailsTo(r.email)).toHaveLength(4);
  }, 90_000);

  it('keeps the CCPA clock running through a question, refuses what an unverified request cannot take, and lets only admins reopen', async () => {
    const r = await newRequest(CCPA, 'ccpa-know', { confirm: false });
    await expectRefused(
      agent,
      r,
      { action: 'fulfil', fields: {} },
      { status: 409, message: "The requester's identity has not been verified yet" },
    );
    await expectRefused(
      agent,
      r,
      { action: 'deny', fields: { reason: 'adversely_affects_others', explanation: 'Others.' } },
      { status: 400, message: '"adversely_affects_others" is not a ground for denial here' },
    );
    await confirmFromMail(system.sink, system.baseUrl, r.email);
    const act = (action: string, fields: Record<string, string> = {}) =>
      agent.submitForm(r.page, `${r.page}/${action}`, fields);

    const due = (await row(r.id)).dueAt.toISOString();
    expect((await act('ask', { question: 'Which account do you use?' })).status).toBe(303);
    const question = await mailNumber(r, 2);
    expect(question.text).not.toContain('stands still');
    expect((await row(r.id)).pausedAt).toBeNull();
    const statusUrl = linkIn(question.text, system.baseUrl, '/s/');
    const requester = new FormClient(system.baseUrl);
    const withSsn = await requester.submitForm(statusUrl, `${statusUrl}/reply`, { text: 'My SSN is 123-45-6789' });
    expect(withSsn.status).toBe(400);
    expect(withSsn.body).toContain('Please remove the Social Security or card number from your answer');
    expect(withSsn.body).toContain('>My SSN is 123-45-6789</textarea>');
    expect(
      (await requester.submitForm(statusUrl, `${statusUrl}/reply`, { text: 'The one for ada@example.org' })).status,
    ).toBe(303);
    const replied = await row(r.id);
    expect(replied.status).toBe('in_progress');
    expect(replied.dueAt.toISOString()).toBe(due);
    expect(replied.pausedDays).toBe(0);

    const denied = await act('deny', {
      reason: 'manifestly_unfounded_or_excessive',
      explanation: 'The same request arrived <twice> today.',
    });
    expect(denied.status).toBe(303);
    const refusal = await mailNumber(r, 3);
    expect(refusal.subject).toBe(`Your privacy request ${r.reference} to Securus Technologies was refused`);
    expect(refusal.text).toContain('The request is manifestly unfounded or excessive.');
    expect(refusal.text).toContain('> The same request arrived <twice> today.');
    expect(refusal.text).toContain('California Privacy Protection Agency');
    expect(refusal.text).toContain('California Attorney General');
    expect(refusal.html).toContain('The same request arrived &lt;twice&gt; today.');

    const asAgent = await agent.get(r.page);
    expect(asAgent.body).not.toContain(`action="${r.page}/reopen"`);
    const before = await snapshot(r.id);
    const forbidden = await agent.post(`${r.page}/reopen`, { _csrf: csrfTokenIn(asAgent.body), reason: 'Wrong call.' });
    expect(forbidden.status).toBe(403);
    expect(await snapshot(r.id)).toEqual(before);

    await expectRefused(
      admin,
      r,
      { action: 'reopen', fields: { reason: '  ' } },
      { status: 400, message: 'Reopening a request must be explained' },
    );
    expect(
      (await admin.submitForm(r.page, `${r.page}/reopen`, { reason: 'Denied by mistake: first request this year.' }))
        .status,
    ).toBe(303);
    const reopened = await row(r.id);
    expect(reopened.status).toBe('in_progress');
    expect(reopened.dueAt.toISOString()).toBe(due);
    // The reason is a note the entry names: free text stays out of the audit chain, where retention could not remove it.
    const reopenedEntry = (await auditOf(r.id)).at(-1)!;
    expect(reopenedEntry).toMatchObject({
      action: 'request.reopened',
      actor_label: 'Admin',
      detail: { noteId: expect.any(String) },
    });
    expect(JSON.stringify(reopenedEntry.detail)).not.toContain('Denied by mistake');
    expect(
      await system.db.query('SELECT kind, text FROM request_note WHERE id = $1', [reopenedEntry.detail.noteId]),
    ).toEqual([{ kind: 'reopen_reason', text: 'Denied by mistake: first request this year.' }]);
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(system.sink.mailsTo(r.email)).toHaveLength(3);
  }, 90_000);

  it('refuses a late UK GDPR extension, denies with the ICO as the complaint route, and redirects to the controller', async () => {
    const r = await newRequest(UK, 'access');
    const act = (action: string, fields: Record<string, string> = {}) =>
      agent.submitForm(r.page, `${r.page}/${action}`, fields);
    await moveBack(r.id, 40, ['received_at', 'clock_started_at', 'verified_at', 'due_at']);
    const late = await agent.get(r.page);
    expect(late.body).not.toContain(`action="${r.page}/extend"`);
    await expectRefused(
      agent,
      r,
      { action: 'extend', fields: { reason: 'Busy.' } },
      { status: 409, message: 'The extension notice had to be sent by' },
    );

    expect(
      (await act('deny', { reason: 'adversely_affects_others', explanation: 'The records are about your colleagues.' }))
        .status,
    ).toBe(303);
    const refusal = await mailNumber(r, 2);
    expect(refusal.text).toContain('adversely affect the rights and freedoms of other people');
    expect(refusal.text).toContain("Information Commissioner's Office");
    expect(refusal.html).toContain('https://ico.org.uk/make-a-complaint/');

    expect(
      (await admin.submitForm(r.page, `${r.page}/reopen`, { reason: 'Securus only processes this data.' })).status,
    ).toBe(303);
    const context = await directory.forRequest(await row(r.id));
    const controller = context.policy.processorRedirects[0].controller;
    const form = (await agent.get(r.page)).body;
    expect(form).toContain(`value="${escapeHtml(controller)}" checked`);
    expect((await act('redirect', { controller, controllerOther: '' })).status).toBe(303);
    const redirected = await mailNumber(r, 3);
    expect(redirected.subject).toBe(`Your privacy request ${r.reference}: who can answer it`);
    expect(redirected.text).toContain(`> ${controller}`);
    const stored = await row(r.id);
    expect(stored.status).toBe('redirected');
    expect(stored.redirectedTo).toBe(controller);
    expect(
      (await auditOf(r.id))
        .filter((e) => e.action !== 'mail.sent')
        .map((e) => e.action)
        .slice(-3),
    ).toEqual(['request.denied', 'request.reopened', 'request.redirected']);
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(system.sink.mailsTo(r.email)).toHaveLength(3);
  }, 90_000);

  it('assigns within the team, answers a deletion with what was done, and a partial access response with how to complain', async () => {
    const deletion = await newRequest(NONE, 'deletion');
    const act = (action: string, fields: Record<string, string> = {}) =>
      agent.submitForm(deletion.page, `${deletion.page}/${action}`, fields);
    expect((await act('assign', { assigneeId: colleagueId })).status).toBe(303);
    expect((await row(deletion.id)).assigneeId).toBe(colleagueId);
    expect((await agent.get(deletion.page)).body).toContain('Colleague Agent');
    await expectRefused(
      agent,
      deletion,
      { action: 'assign', fields: { assigneeId: auditorId } },
      { status: 400, message: "Choose an agent or admin of this organisation's team" },
    );
    await expectRefused(
      agent,
      deletion,
      { action: 'assign', fields: { assigneeId: 'nobody' } },
      { status: 400, message: "Choose an agent or admin of this organisation's team" },
    );
    expect((await act('unassign')).status).toBe(303);
    expect((await row(deletion.id)).assigneeId).toBeNull();
    await expectRefused(
      agent,
      deletion,
      { action: 'unassign', fields: {} },
      { status: 409, message: 'The request has no assignee.' },
    );

    await expectRefused(
      agent,
      deletion,
      { action: 'fulfil', fields: { resolution: '' } },
      { status: 400, message: 'Say what was done: the requester is told.' },
    );
    expect((await act('fulfil', { resolution: 'Deleted account ada-l & its backups.' })).status).toBe(303);
    const done = await mailNumber(deletion, 2);
    expect(done.text).toContain('> Deleted account ada-l & its backups.');
    expect(done.html).toContain('Deleted account ada-l &amp; its backups.');
    expect((await row(deletion.id)).resolutionText).toBe('Deleted account ada-l & its backups.');
    expect((await auditOf(deletion.id)).map((e) => e.action)).toEqual(
      expect.arrayContaining(['request.assigned', 'request.unassigned', 'request.fulfilled']),
    );

    const access = await newRequest(NONE, 'access');
    const csrf = csrfTokenIn((await agent.get(access.page)).body);
    const before = await snapshot(access.id);
    const file = (name: string, size = 10) => ({ field: 'files', name, type: 'text/plain', content: 'x'.repeat(size) });
    const tooMany = await agent.postMultipart(
      `${access.page}/fulfil`,
      { _csrf: csrf },
      [1, 2, 3, 4, 5, 6].map((n) => file(`${n}.txt`)),
    );
    expect(tooMany.status).toBe(400);
    expect(tooMany.body).toContain('Upload at most 5 files');
    const tooBig = await agent.postMultipart(`${access.page}/fulfil`, { _csrf: csrf }, [
      file('big.txt', 10 * 1024 * 1024 + 1),
    ]);
    expect(tooBig.status).toBe(413);
    expect(tooBig.body).toContain('Each file may be at most 10 MB');
    const none = await agent.postMultipart(`${access.page}/fulfil`, { _csrf: csrf }, []);
    expect(none.status).toBe(400);
    expect(none.body).toContain('Upload the response: 1 to 5 files.');
    expect(await snapshot(access.id)).toEqual(before);

    const partial = await agent.submitForm(access.page, `${access.page}/partially-fulfil`, {
      reason: 'Video footage of other officers is withheld.',
    });
    expect(partial.status).toBe(303);
    const mail = await mailNumber(access, 2);
    expect(mail.subject).toBe(`Your privacy request ${access.reference} to OfficerTRAK is partly complete`);
    expect(mail.text).toContain('> Video footage of other officers is withheld.');
    expect(mail.text).toContain('contact OfficerTRAK at support@officertrak.com');
    expect((await row(access.id)).status).toBe('partially_fulfilled');
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(system.sink.mailsTo(deletion.email)).toHaveLength(2);
    expect(system.sink.mailsTo(access.email)).toHaveLength(2);
  }, 90_000);

  it('shows an auditor the request without a single form and answers their posts 403; another organisation answers 404', async () => {
    const r = await newRequest(GDPR, 'deletion');
    const view = await auditor.get(r.page);
    expect(view.status).toBe(200);
    expect(view.body).toContain(r.reference);
    expect(view.body).toContain('Timeline');
    expect(view.body).not.toContain(`action="${r.page}/`);
    const before = await snapshot(r.id);
    for (const action of ['claim', 'note', 'start', 'ask', 'fulfil', 'deny']) {
      const posted = await auditor.post(`${r.page}/${action}`, {
        _csrf: csrfTokenIn(view.body),
        text: 'x',
        question: 'x',
        reason: 'x',
        explanation: 'x',
        resolution: 'x',
      });
      expect(posted.status).toBe(403);
    }
    expect(await snapshot(r.id)).toEqual(before);

    const elsewhere = `/staff/orgs/${CCPA}/requests/${r.id}`;
    expect((await agent.get(elsewhere)).status).toBe(404);
    const csrf = csrfTokenIn((await agent.get(r.page)).body);
    expect((await agent.post(`${elsewhere}/claim`, { _csrf: csrf })).status).toBe(404);
    expect((await agent.get(`/staff/orgs/${GDPR}/requests/not-a-uuid`)).status).toBe(404);
    expect(await snapshot(r.id)).toEqual(before);
  }, 60_000);
});

async function waitFor(check: () => Promise<boolean>, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}
