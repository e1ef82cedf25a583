import { randomBytes } from 'node:crypto';

import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import pg from 'pg';

import { eventually, sleep } from './support/eventually.js';
import { csrfTokenIn, type FormClient } from './support/form-client.js';
import { verificationMailsTo } from './support/mail-delivery.js';
import { DedicatedRedis } from './support/redis-server.js';
import { submitRequest } from './support/requester.js';
import { type RunningSystem, startSystem } from './support/running-system.js';
import { createStaff, signIn } from './support/staff.js';
import { useRunningSystem } from './support/system-fixture.js';

const A = 'west-schoolmessenger';
const B = 'securus-software';
const ATTEMPTS = 2;
const BACKOFF_MS = 100;
/** Longer than every backoff of a job together: a retry still to come would have arrived. */
const ALL_RETRIES_MS = 2_000;

describe('the job queue dashboard', () => {
  const tag = randomBytes(4).toString('hex');
  const system = useRunningSystem({
    extraEnv: { MAIL_ATTEMPTS: String(ATTEMPTS), MAIL_BACKOFF_MS: String(BACKOFF_MS) },
    db: 'pg',
  });
  let adminA: FormClient;
  let agentA: FormClient;
  let adminB: FormClient;
  const dashboard = (slug: string) => `/staff/orgs/${slug}/jobs`;

  beforeAll(async () => {
    adminA = await signIn(system.baseUrl, await createStaff({ [A]: 'admin' }, 'Admin A'));
    agentA = await signIn(system.baseUrl, await createStaff({ [A]: 'agent' }, 'Agent A'));
    adminB = await signIn(system.baseUrl, await createStaff({ [B]: 'admin' }, 'Admin B'));
  }, 60_000);

  /** A request whose verification mail the SMTP server refuses until told otherwise, failed for good. */
  async function failedRequest(
    slug: string,
    rightId: string,
  ): Promise<{ id: string; reference: string; email: string; jobId: string }> {
    const email = `refused-${slug}-${tag}@example.org`;
    const refused = system.sink.refuse?.matches;
    system.sink.refuse = { code: 550, matches: (to) => to === email || (refused?.(to) ?? false) };
    const reference = await submitRequest(system.baseUrl, slug, email, rightId);
    const { id } = (
      await system.db.query<{ id: string }>('SELECT id FROM data_subject_request WHERE reference = $1', [reference])
    ).rows[0];
    await eventually(async () => (await failures(id)) > 0, `the verification mail of ${reference} failing for good`);
    return { id, reference, email, jobId: `verification.send:${id}:initial` };
  }

  async function failures(requestId: string): Promise<number> {
    const rows = await system.db.query(
      "SELECT 1 FROM audit_entry WHERE request_id = $1 AND action = 'mail.failed' AND detail->>'template' = 'verification'",
      [requestId],
    );
    return rowCount(rows);
  }

  const rowCount = (result: pg.QueryResult) => result.rowCount ?? 0;
  const count = (body: string, state: string) =>
    Number(new RegExp(`<section id="queue-mail">[^]*?data-state="${state}">(\\d+)<`).exec(body)?.[1]);
  const retryPath = (slug: string, jobId: string) => `${dashboard(slug)}/mail/${encodeURIComponent(jobId)}/retry`;

  it("shows admins the queue counts and their own organisation's failed jobs, retries one, and keeps everyone else out", async () => {
    const a = await failedRequest(A, 'access');
    const b = await failedRequest(B, 'access');

    const page = await adminA.get(dashboard(A));
    expect(page.status).toBe(200);
    expect(page.body).toContain('<h1>Job queues</h1>');
    for (const queue of ['mail', 'maintenance']) expect(page.body).toContain(`<section id="queue-${queue}">`);
    expect(count(page.body, 'failed')).toBeGreaterThanOrEqual(2);
    for (const state of ['waiting', 'active', 'delayed', 'completed'])
      expect(count(page.body, state)).toBeGreaterThanOrEqual(0);
    expect(page.body).toContain(`data-job-id="${a.jobId}"`);
    expect(page.body).toContain(`<a href="/staff/orgs/${A}/requests/${a.id}">${a.reference}</a>`);
    expect(page.body).toContain(`action="${retryPath(A, a.jobId)}"`);
    expect(page.body).toContain('No such mailbox here');
    for (const secret of [b.id, b.reference, b.email]) expect(page.body).not.toContain(secret);
    // The admin nav links the page; an agent's does not.
    expect(page.body).toContain(`href="${dashboard(A)}"`);
    expect((await agentA.get(`/staff/orgs/${A}/requests`)).body).not.toContain(`href="${dashboard(A)}"`);

    const csrf = csrfTokenIn(page.body);
    expect((await agentA.get(dashboard(A))).status).toBe(403);
    expect(
      (
        await agentA.post(retryPath(A, a.jobId), {
          _csrf: csrfTokenIn((await agentA.get(`/staff/orgs/${A}/requests`)).body),
        })
      ).status,
    ).toBe(403);
    expect((await adminB.get(dashboard(A))).status).toBe(404);
    // B's job through A's address, an unknown queue and an unknown job: all simply not there.
    expect((await adminA.post(retryPath(A, b.jobId), { _csrf: csrf })).status).toBe(404);
    expect(
      (await adminA.post(`${dashboard(A)}/nope/${encodeURIComponent(a.jobId)}/retry`, { _csrf: csrf })).status,
    ).toBe(404);
    expect((await adminA.post(retryPath(A, `verification.send:${b.id}:other`), { _csrf: csrf })).status).toBe(404);
    expect((await adminA.post(retryPath(A, a.jobId), { _csrf: 'forged' })).status).toBe(403);
    expect(await failures(b.id)).toBe(1);

    // B's admin sees B's job only.
    const pageB = await adminB.get(dashboard(B));
    expect(pageB.body).toContain(`data-job-id="${b.jobId}"`);
    expect(pageB.body).not.toContain(a.jobId);

    // Still refused: the retry runs all attempts again and fails again, and the failure is not recorded twice.
    const retried = await adminA.post(retryPath(A, a.jobId), { _csrf: csrf });
    expect(retried.status).toBe(303);
    expect(retried.headers.get('location')).toBe(dashboard(A));
    await eventually(
      async () => system.sink.refused.filter((to) => to === a.email).length >= 2 * ATTEMPTS,
      'the retried attempts',
    );
    await eventually(
      async () => (await adminA.get(dashboard(A))).body.includes(`data-job-id="${a.jobId}"`),
      'the job failing again',
    );
    expect(await failures(a.id)).toBe(1);
    expect(rowCount(await system.db.query('SELECT 1 FROM staff_alert WHERE request_id = $1', [a.id]))).toBe(1);

    // Now the server takes it: a retry delivers the mail once and the job leaves the failed list.
    system.sink.refuse = { code: 550, matches: (to) => to === b.email };
    const fresh = await adminA.get(dashboard(A));
    expect((await adminA.post(retryPath(A, a.jobId), { _csrf: csrfTokenIn(fresh.body) })).status).toBe(303);
    await system.sink.waitForMailsTo(a.email, 1);
    await sleep(ALL_RETRIES_MS);
    expect(verificationMailsTo(system.sink, a.email)).toHaveLength(1);
    expect((await adminA.get(dashboard(A))).body).not.toContain(`data-job-id="${a.jobId}"`);
    const retries = await system.db.query<{ actor_label: string; detail: Record<string, unknown> }>(
      "SELECT actor_label, detail FROM audit_entry WHERE request_id = $1 AND action = 'job.retried' ORDER BY seq",
      [a.id],
    );
    expect(retries.rows).toEqual([
      { actor_label: 'Admin A', detail: { jobId: a.jobId, queue: 'mail', job: 'verification.send' } },
      { actor_label: 'Admin A', detail: { jobId: a.jobId, queue: 'mail', job: 'verification.send' } },
    ]);
    // Retrying what is no longer failed says so.
    const again = await adminA.post(retryPath(A, a.jobId), { _csrf: csrfTokenIn(fresh.body) });
    expect(again.status).toBe(409);
    expect(again.body).toContain('nothing to retry');
    expect((await adminB.get(dashboard(B))).body).toContain(`data-job-id="${b.jobId}"`);
  }, 120_000);
});

describe('the job queue dashboard while Redis is down', () => {
  let redis: DedicatedRedis | undefined;
  let system: RunningSystem | undefined;
  const dashboard = () => `/staff/orgs/${A}/jobs`;

  beforeAll(async () => {
    redis = await DedicatedRedis.start();
    system = await startSystem({ extraEnv: { REDIS_URL: redis.url } });
  }, 60_000);

  afterAll(async () => {
    await system?.stop();
    await redis?.stop();
  }, 30_000);

  it('answers 503 with a clear page within seconds, and works again once Redis is back', async () => {
    const admin = await signIn(system!.baseUrl, await createStaff({ [A]: 'admin' }, 'Admin A'));
    expect((await admin.get(dashboard())).status).toBe(200);
    await redis!.stop();
    const started = Date.now();
    const down = await admin.get(dashboard());
    expect(Date.now() - started).toBeLessThan(10_000);
    expect(down.status).toBe(503);
    expect(down.body).toContain('Temporarily unavailable');
    expect(down.body).toContain('The job queues cannot be reached: Redis is not answering.');
    // The rest of the console does not need Redis.
    expect((await admin.get(`/staff/orgs/${A}/requests`)).status).toBe(200);
    await redis!.restart();
    await eventually(async () => (await admin.get(dashboard())).status === 200, 'the dashboard once Redis is back');
  }, 60_000);
});
