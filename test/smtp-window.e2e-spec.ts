import { randomBytes } from 'node:crypto';

import { afterEach, describe, expect, it } from '@jest/globals';
import pg from 'pg';

import { eventually, sleep } from './support/eventually.js';
import { csrfTokenIn, FormClient, linkIn } from './support/form-client.js';
import { requesterAddresses, submitForEach, verificationMailsTo, waitFor } from './support/mail-delivery.js';
import { confirmFromMail, submitRequest } from './support/requester.js';
import { killProcess, type RunningSystem, startSystem } from './support/running-system.js';
import { SmtpSink } from './support/smtp-sink.js';
import { createStaff, signIn } from './support/staff.js';
import { testDatabaseUrl } from './support/test-env.js';

const FAST_RECOVERY = { WORKER_LOCK_MS: '3000', WORKER_STALLED_CHECK_MS: '1000' };
/** Longer than a dead worker's jobs take to come back, so a late copy would have arrived. */
const SETTLE_MS = 6_000;

async function ledger(requestIds: string[]): Promise<{ request_id: string; template: string; status: string }[]> {
  const db = new pg.Client({ connectionString: testDatabaseUrl() });
  await db.connect();
  try {
    return (
      await db.query(
        'SELECT request_id, template, status FROM sent_message WHERE request_id = ANY($1) ORDER BY request_id',
        [requestIds],
      )
    ).rows;
  } finally {
    await db.end();
  }
}

async function query<T extends pg.QueryResultRow>(sql: string, params: unknown[]): Promise<T[]> {
  const db = new pg.Client({ connectionString: testDatabaseUrl() });
  await db.connect();
  try {
    return (await db.query<T>(sql, params)).rows;
  } finally {
    await db.end();
  }
}

describe('a worker killed after the SMTP server’s 250 and before the ledger row (the SMTP window)', () => {
  let sink: SmtpSink | undefined;
  let system: RunningSystem | undefined;

  afterEach(async () => {
    await system?.stop();
    await sink?.stop();
    [system, sink] = [undefined, undefined];
  }, 30_000);

  it('a verification mail, harmless to get twice, is sent again: the newest link confirms, and the ledger holds one sent row', async () => {
    sink = await SmtpSink.start({ gate: true });
    // Each server's 250 is held from the worker: the mails are delivered, the worker does not know it yet.
    sink.holdReplies(20_000);
    system = await startSystem({ smtpUrl: sink.url, extraEnv: FAST_RECOVERY });
    const [mailSink, running] = [sink, system];
    const emails = requesterAddresses('smtp-window', 3);
    await submitForEach(running.baseUrl, emails, 3);
    await waitFor(
      () => mailSink.repliesHeld >= 3,
      20_000,
      () => `three mails in the window, ${mailSink.repliesHeld} are`,
    );
    expect(emails.map((e) => verificationMailsTo(mailSink, e).length)).toEqual([1, 1, 1]);
    await killProcess(running.workers[0], 'SIGKILL');

    mailSink.holdReplies(0);
    running.startWorker();
    await waitFor(
      () => emails.every((e) => verificationMailsTo(mailSink, e).length === 2),
      45_000,
      () => 'the second copies',
    );
    await sleep(SETTLE_MS);
    expect(emails.map((e) => verificationMailsTo(mailSink, e).length)).toEqual([2, 2, 2]);
    const ids = (
      await query<{ id: string }>('SELECT id FROM data_subject_request WHERE requester_email = ANY($1)', [emails])
    ).map((r) => r.id);
    expect((await ledger(ids)).map((r) => `${r.template}:${r.status}`)).toEqual([
      'verification:sent',
      'verification:sent',
      'verification:sent',
    ]);
    for (const email of emails) {
      const [, newest] = verificationMailsTo(mailSink, email);
      const verifyUrl = linkIn(newest.text, running.baseUrl, '/v/');
      const client = new FormClient(running.baseUrl);
      const page = await client.get(verifyUrl);
      expect((await client.post(verifyUrl, { _csrf: csrfTokenIn(page.body) })).body).toContain(
        'your request is confirmed',
      );
    }
  }, 120_000);

  it('the response carrying the requester’s data is not sent again: staff are alerted that it may have been sent', async () => {
    sink = await SmtpSink.start({ gate: true });
    system = await startSystem({ smtpUrl: sink.url, extraEnv: FAST_RECOVERY });
    const [mailSink, running] = [sink, system];
    const tag = randomBytes(4).toString('hex');
    const email = `window-response-${tag}@example.org`;
    const org = 'prontotrak';
    const reference = await submitRequest(running.baseUrl, org, email, 'ccpa-deletion');
    await confirmFromMail(mailSink, running.baseUrl, email);
    const [{ id }] = await query<{ id: string }>('SELECT id FROM data_subject_request WHERE reference = $1', [
      reference,
    ]);
    await eventually(
      async () =>
        (await query('SELECT 1 FROM data_subject_request WHERE id = $1 AND status = $2', [id, 'verified'])).length ===
        1,
      'verified',
    );

    const agent = await signIn(running.baseUrl, await createStaff({ [org]: 'agent' }, 'Window Agent'));
    const page = `/staff/orgs/${org}/requests/${id}`;
    const before = mailSink.mailsTo(email).length;
    mailSink.holdReplies(20_000);
    expect((await agent.submitForm(page, `${page}/fulfil`, { resolution: `Deleted account ${tag}.` })).status).toBe(
      303,
    );
    await waitFor(
      () => mailSink.repliesHeld >= 1,
      20_000,
      () => 'the response in the window',
    );
    expect(mailSink.mailsTo(email)).toHaveLength(before + 1);
    await killProcess(running.workers[0], 'SIGKILL');

    mailSink.holdReplies(0);
    running.startWorker();
    await eventually(
      async () =>
        (await query('SELECT 1 FROM staff_alert WHERE request_id = $1 AND kind = $2', [id, 'mail_may_have_been_sent']))
          .length === 1,
      'the staff alert',
      45_000,
    );
    await sleep(SETTLE_MS);
    // One copy only: the one the dead worker handed over.
    expect(mailSink.mailsTo(email).filter((m) => m.text.includes(`Deleted account ${tag}.`))).toHaveLength(1);
    expect((await ledger([id])).filter((r) => r.template === 'request_fulfilled').map((r) => r.status)).toEqual([
      'uncertain',
    ]);
    const alerts = await query<{ message: string }>('SELECT message FROM staff_alert WHERE request_id = $1', [id]);
    expect(alerts).toHaveLength(1);
    expect(alerts[0].message).toContain('may have been sent');
    expect(alerts[0].message).not.toContain(email);
    const actions = await query<{ action: string }>(
      'SELECT action FROM audit_entry WHERE request_id = $1 AND action LIKE $2',
      [id, 'mail.%'],
    );
    expect(actions.map((a) => a.action)).toContain('mail.uncertain');
    expect((await agent.get(`/staff/orgs/${org}/requests`)).body).toContain('may have been sent');
    expect((await agent.get(page)).body).toMatch(
      /<li data-action="mail\.uncertain">[^]*?Mail may have been sent \(not sent again\)[^]*?request fulfilled/,
    );
  }, 150_000);
});
