import { randomBytes } from 'node:crypto';

import { beforeAll, describe, expect, it } from '@jest/globals';

import { escapeHtml } from '#mail';

import { eventually, sleep } from './support/eventually.js';
import { csrfTokenIn, type FormClient } from './support/form-client.js';
import { verificationMailsTo } from './support/mail-delivery.js';
import { redisKeysHolding } from './support/redis-search.js';
import { submitRequest } from './support/requester.js';
import { createStaff, signIn } from './support/staff.js';
import { useRunningSystem } from './support/system-fixture.js';
import { testRedisPrefix } from './support/test-env.js';

const ORG = 'west-schoolmessenger';
const OTHER = 'securus-software';
const ATTEMPTS = 5;
const BACKOFF_MS = 200;
/** Longer than every backoff of a job together: a retry still to come would have arrived. */
const ALL_RETRIES_MS = BACKOFF_MS * 2 ** ATTEMPTS;

interface AuditRow {
  action: string;
  actor_label: string;
  detail: Record<string, unknown>;
}

describe('mail the SMTP server refuses', () => {
  const tag = randomBytes(4).toString('hex');
  const system = useRunningSystem({
    extraEnv: { MAIL_ATTEMPTS: String(ATTEMPTS), MAIL_BACKOFF_MS: String(BACKOFF_MS) },
    db: 'pg',
  });
  let agent: FormClient;
  let agentName: string;
  let auditor: FormClient;
  let otherAdmin: FormClient;
  let admin: FormClient;

  beforeAll(async () => {
    agentName = `Agent ${tag}`;
    agent = await signIn(system.baseUrl, await createStaff({ [ORG]: 'agent' }, agentName));
    auditor = await signIn(system.baseUrl, await createStaff({ [ORG]: 'auditor' }, 'Auditor'));
    otherAdmin = await signIn(system.baseUrl, await createStaff({ [OTHER]: 'admin' }, 'Admin elsewhere'));
    admin = await signIn(system.baseUrl, await createStaff({ [ORG]: 'admin' }, 'Jobs Admin'));
  }, 60_000);

  const address = (label: string) => `${label}-${tag}@example.org`;

  async function requestId(reference: string): Promise<string> {
    return (
      await system.db.query<{ id: string }>('SELECT id FROM data_subject_request WHERE reference = $1', [reference])
    ).rows[0].id;
  }

  async function auditOf(id: string): Promise<AuditRow[]> {
    return (
      await system.db.query<AuditRow>(
        'SELECT action, actor_label, detail FROM audit_entry WHERE request_id = $1 ORDER BY seq',
        [id],
      )
    ).rows;
  }

  const verificationFailures = async (id: string) =>
    (await auditOf(id)).filter((e) => e.action === 'mail.failed' && e.detail.template === 'verification');

  it('retries a refused mail with backoff and, once the server takes it, delivers it exactly once', async () => {
    const email = address('busy');
    system.sink.refuse = { code: 451, matches: (to) => to === email };
    const reference = await submitRequest(system.baseUrl, ORG, email, 'access');
    await eventually(async () => system.sink.refused.filter((to) => to === email).length >= 2, 'two refused attempts');
    system.sink.refuse = null;

    await system.sink.waitForMailsTo(email, 1);
    const id = await requestId(reference);
    await eventually(
      async () => (await auditOf(id)).some((e) => e.action === 'mail.sent' && e.detail.template === 'verification'),
      'the sent mail on the timeline',
    );
    await sleep(ALL_RETRIES_MS);
    expect(verificationMailsTo(system.sink, email)).toHaveLength(1);
    const audit = await auditOf(id);
    expect(audit.filter((e) => e.action === 'mail.sent' && e.detail.template === 'verification')).toHaveLength(1);
    expect(audit.filter((e) => e.action === 'mail.failed')).toEqual([]);
    expect((await system.db.query('SELECT 1 FROM staff_alert WHERE request_id = $1', [id])).rowCount).toBe(0);
  }, 60_000);

  it('after the last attempt puts the failure on the timeline and an alert on the queue page, once, until staff resolve it', async () => {
    const email = address('gone');
    system.sink.refuse = { code: 550, matches: (to) => to === email };
    const reference = await submitRequest(system.baseUrl, ORG, email, 'access');
    const id = await requestId(reference);
    await eventually(async () => (await verificationFailures(id)).length > 0, 'the failure on the timeline', 30_000);

    const [failure] = await verificationFailures(id);
    expect(failure).toMatchObject({
      actor_label: 'system',
      detail: {
        template: 'verification',
        attempts: ATTEMPTS,
        error: 'EENVELOPE 550',
        jobId: `verification.send:${id}:initial`,
      },
    });
    expect(verificationMailsTo(system.sink, email)).toEqual([]);
    // No address and none of the server's words (which quote the address) on the timeline.
    expect(JSON.stringify(await auditOf(id))).not.toContain(email);
    expect(JSON.stringify(await auditOf(id))).not.toContain('No such mailbox');

    const alerts = async () =>
      (
        await system.db.query<{ id: string; kind: string; message: string; resolved_at: Date | null }>(
          'SELECT id, kind, message, resolved_at FROM staff_alert WHERE request_id = $1',
          [id],
        )
      ).rows;
    const [alert] = await alerts();
    expect(await alerts()).toHaveLength(1);
    expect(alert).toMatchObject({
      kind: 'mail_failed',
      resolved_at: null,
      message: `The verification link mail to the requester failed ${ATTEMPTS} times (EENVELOPE 550) and will not be retried. An admin can retry it from the job queue page.`,
    });

    // The failure stays one entry and one alert: the job is not retried any more, and the event is recorded once.
    await sleep(ALL_RETRIES_MS);
    expect(await verificationFailures(id)).toHaveLength(1);
    expect(await alerts()).toHaveLength(1);

    const requestPage = await agent.get(`/staff/orgs/${ORG}/requests/${id}`);
    expect(requestPage.body).toMatch(
      /<li data-action="mail\.failed">[^]*?Mail failed for good[^]*?verification; 5 attempts, EENVELOPE 550<\/li>/,
    );

    const queuePath = `/staff/orgs/${ORG}/requests`;
    const resolvePath = `/staff/orgs/${ORG}/alerts/${alert.id}/resolve`;
    const queue = await agent.get(queuePath);
    expect(queue.body).toContain('id="staff-alerts"');
    const item =
      new RegExp(`<li data-alert-id="${alert.id}" data-kind="mail_failed">[^]*?</li>`).exec(queue.body)?.[0] ?? '';
    expect(item).toContain(`<a href="/staff/orgs/${ORG}/requests/${id}">${reference}</a>`);
    expect(item).toContain(escapeHtml(alert.message));
    expect(item).toContain(`action="${resolvePath}"`);

    // An auditor sees the alert but has no button and may not resolve it; another organisation reaches nothing.
    const auditorQueue = await auditor.get(queuePath);
    expect(auditorQueue.body).toContain(`data-alert-id="${alert.id}"`);
    expect(auditorQueue.body).not.toContain(`action="${resolvePath}"`);
    expect((await auditor.post(resolvePath, { _csrf: csrfTokenIn(auditorQueue.body) })).status).toBe(403);
    const elsewhere = await otherAdmin.get(`/staff/orgs/${OTHER}/requests`);
    expect(elsewhere.body).not.toContain(alert.id);
    expect(
      (await otherAdmin.post(`/staff/orgs/${OTHER}/alerts/${alert.id}/resolve`, { _csrf: csrfTokenIn(elsewhere.body) }))
        .status,
    ).toBe(404);
    expect((await otherAdmin.post(resolvePath, { _csrf: csrfTokenIn(elsewhere.body) })).status).toBe(404);
    expect((await agent.post(resolvePath, { _csrf: 'forged' })).status).toBe(403);
    expect((await alerts())[0].resolved_at).toBeNull();

    const resolved = await agent.submitForm(queuePath, resolvePath, {});
    expect(resolved.status).toBe(303);
    expect(resolved.headers.get('location')).toBe(queuePath);
    expect((await alerts())[0].resolved_at).not.toBeNull();
    expect((await agent.get(queuePath)).body).not.toContain(`data-alert-id="${alert.id}"`);
    expect((await agent.submitForm(queuePath, resolvePath, {})).status).toBe(303);
    const resolutions = (await auditOf(id)).filter((e) => e.action === 'alert.resolved');
    expect(resolutions).toEqual([
      { action: 'alert.resolved', actor_label: agentName, detail: { alertId: alert.id, kind: 'mail_failed' } },
    ]);
    expect((await agent.get(`/staff/orgs/${ORG}/requests/${id}`)).body).toContain('Alert resolved');
  }, 90_000);

  it('keeps the address the SMTP server quoted out of the worker’s output, every Redis key of the run and the job page', async () => {
    const email = address('quoted');
    system.sink.refuse = { code: 550, matches: (to) => to === email };
    const reference = await submitRequest(system.baseUrl, ORG, email, 'access');
    const id = await requestId(reference);
    await eventually(async () => (await verificationFailures(id)).length > 0, 'the failure on the timeline', 30_000);
    // The server did quote it: the test would find it if it leaked.
    expect(system.sink.refused).toContain(email);

    expect(system.output()).not.toContain(email);
    const inRedis = await redisKeysHolding(`${testRedisPrefix()}:`, email);
    expect(inRedis.searched).toBeGreaterThan(0);
    expect(inRedis.found).toEqual([]);
    const jobs = await admin.get(`/staff/orgs/${ORG}/jobs`);
    expect(jobs.status).toBe(200);
    expect(jobs.body).toContain(`verification.send:${id}:initial`);
    expect(jobs.body).not.toContain(email);
    expect(jobs.body).toContain('&lt;address&gt;');
  }, 90_000);
});
