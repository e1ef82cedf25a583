import { randomBytes } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { DateTime } from 'luxon';

import { runCli } from './support/cli.js';
import { agentId, person, ScriptedAgent } from './support/drp-agent.js';
import { eventually, sleep } from './support/eventually.js';
import type { FormClient } from './support/form-client.js';
import { confirmFromMail } from './support/requester.js';
import { createStaff, signIn } from './support/staff.js';
import { useRunningSystem } from './support/system-fixture.js';
import { TestClock } from './support/test-clock.js';

const ORG = 'prontotrak';
const ATTEMPTS = 3;

interface Call {
  method: string;
  contentType: string | undefined;
  body: Record<string, unknown>;
  answered: number;
}

/**
 * The agent's status callback endpoint (DRP 0.9.4 §2.03): a real HTTP server that records every call by path and
 * answers each path with the statuses it is told to, then 200.
 */
class CallbackEndpoint {
  private readonly calls = new Map<string, Call[]>();
  private readonly answers = new Map<string, number[]>();
  private readonly holds = new Map<string, Promise<void>>();
  private readonly server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', async () => {
      const held = this.holds.get(req.url!);
      this.holds.delete(req.url!);
      await held;
      // A held call the business gave up on (its timeout) was never answered, whatever is written now.
      const abandoned = req.socket.destroyed;
      const path = req.url!;
      const answered = abandoned ? 0 : (this.answers.get(path)?.shift() ?? 200);
      const text = Buffer.concat(chunks).toString();
      let body: Record<string, unknown>;
      try {
        body = JSON.parse(text) as Record<string, unknown>;
      } catch {
        body = { unparsed: text };
      }
      this.calls.set(path, [
        ...(this.calls.get(path) ?? []),
        { method: req.method!, contentType: req.headers['content-type'], body, answered },
      ]);
      // §2.03.1: the business discards this body; an unhelpful one proves it.
      res.writeHead(answered, { 'content-type': 'text/plain' }).end('thanks, or not');
    });
  });

  async start(): Promise<this> {
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
    return this;
  }

  /** A path of its own for one request; `answers` are the statuses of its first calls; the first waits for `hold`. */
  url(label: string, answers: number[] = [], hold?: Promise<void>): { url: string; path: string } {
    const path = `/drp-status/${label}-${randomBytes(4).toString('hex')}`;
    this.answers.set(path, answers);
    if (hold) this.holds.set(path, hold);
    return { url: `http://127.0.0.1:${(this.server.address() as AddressInfo).port}${path}`, path };
  }

  callsTo(path: string): Call[] {
    return this.calls.get(path) ?? [];
  }

  /** Only the calls that were answered 200: the statuses the agent took. */
  taken(path: string): Record<string, unknown>[] {
    return this.callsTo(path)
      .filter((c) => c.answered === 200)
      .map((c) => c.body);
  }

  stop(): Promise<void> {
    this.server.closeAllConnections();
    return new Promise((resolve) => this.server.close(() => resolve()));
  }
}

/**
 * The scripted agent gives a status callback and the covered business calls it on every change the agent would
 * see: verification, staff actions, revocation, a deadline job. The file moves time in its last test, so it has a
 * database and queues of its own.
 */
describe('the DRP status callback (§2.03): the business tells the agent of every status change', () => {
  const clock = new TestClock();
  const system = useRunningSystem({
    ownStorage: 'drpcallback',
    clock,
    extraEnv: {
      // The agent's endpoint is on loopback here.
      DRP_CALLBACK_ALLOW_PRIVATE_ADDRESSES: 'true',
      DRP_CALLBACK_ATTEMPTS: String(ATTEMPTS),
      DRP_CALLBACK_BACKOFF_MS: '300',
      DRP_CALLBACK_TIMEOUT_MS: '3000',
      DEADLINE_SWEEP_MS: '200',
    },
    db: 'pg',
    startTimeout: 90_000,
  });
  let endpoint: CallbackEndpoint;
  let agent: ScriptedAgent;
  let staff: FormClient;

  beforeAll(async () => {
    endpoint = await new CallbackEndpoint().start();
    agent = new ScriptedAgent(system.baseUrl, agentId('CALLBACK'));
    expect(
      (await runCli(['drp-agent', 'register', agent.id, `Agent ${agent.id}`, agent.verifyKey], system.databaseUrl))
        .code,
    ).toBe(0);
    expect((await agent.pairwiseSetup(ORG)).status).toBe(200);
    staff = await signIn(system.baseUrl, await createStaff({ [ORG]: 'agent' }, 'Callback Agent', system.databaseUrl));
  }, 90_000);

  afterAll(async () => {
    await endpoint?.stop();
  }, 30_000);

  /** An exercise of `action` with the given callback (or none); the agent's id for it, our row's id and the address. */
  async function exercise(action: string, statusCallback: string | null, agentRequestId: string | null = null) {
    const email = `drp-callback-${randomBytes(4).toString('hex')}@example.org`;
    const answer = await agent.exercise(ORG, {
      exercise: action,
      ...(action === 'sale:opt_out' ? {} : { regime: 'ccpa' }),
      ...(statusCallback ? { status_callback: statusCallback } : {}),
      ...(agentRequestId ? { 'agent-request-id': agentRequestId } : {}),
      ...person(email),
    });
    expect(answer.status).toBe(200);
    const drpRequestId = String(answer.json!.request_id);
    const [{ request_id: id }] = (
      await system.db.query('SELECT request_id FROM drp_request WHERE drp_request_id = $1', [drpRequestId])
    ).rows;
    return { drpRequestId, id: id as string, email, answer: answer.json!, page: `/staff/orgs/${ORG}/requests/${id}` };
  }

  async function row(id: string): Promise<{ status: string; received_at: Date; due_at: Date }> {
    return (await system.db.query('SELECT status, received_at, due_at FROM data_subject_request WHERE id = $1', [id]))
      .rows[0];
  }

  /** The §3.03 object of the request as stored now, with the words the agent is to read. */
  async function statusNow(
    r: { id: string; drpRequestId: string },
    status: string,
    details: string,
    extra: Record<string, unknown> = {},
  ) {
    const stored = await row(r.id);
    return {
      request_id: r.drpRequestId,
      status,
      received_at: stored.received_at.toISOString(),
      ...(status === 'in_progress' ? { expected_by: stored.due_at.toISOString() } : {}),
      ...extra,
      processing_details: details,
    };
  }

  const callbackJobs = async (id: string) =>
    Number(
      (
        await system.db.query(
          `SELECT count(*) FROM outbox_message WHERE job_name = 'drp.status_callback' AND payload->>'requestId' = $1`,
          [id],
        )
      ).rows[0].count,
    );

  const act = (page: string, action: string, fields: Record<string, string> = {}) =>
    staff.submitForm(page, `${page}/${action}`, fields);

  async function auditOf(id: string): Promise<{ action: string; detail: Record<string, unknown> }[]> {
    return (
      await system.db.query(
        `SELECT action, detail FROM audit_entry WHERE request_id = $1 AND action LIKE 'drp.%' ORDER BY seq`,
        [id],
      )
    ).rows;
  }

  it('posts each change, in order, as the §3.03 status object: confirmation, staff actions, revocation', async () => {
    const { url, path } = endpoint.url('lifecycle');
    const r = await exercise('deletion', url, 'agent-ref-7');
    // The exercise's answer is the first status; there is nothing new to call back with.
    expect(r.answer).toMatchObject({
      status: 'in_progress',
      processing_details: expect.stringMatching(/confirm the request from the email/),
    });
    expect(await callbackJobs(r.id)).toBe(0);

    await confirmFromMail(system.sink, system.baseUrl, r.email);
    await eventually(async () => endpoint.taken(path).length === 1, 'the callback of the confirmation');
    const confirmed = await statusNow(r, 'in_progress', 'Received and confirmed; waiting to be worked on.', {
      agent_request_id: 'agent-ref-7',
    });
    expect(endpoint.callsTo(path)).toEqual([
      { method: 'POST', contentType: 'application/json', body: confirmed, answered: 200 },
    ]);

    // A note changes nothing the agent sees: no job at all.
    expect((await act(r.page, 'note', { text: 'Checked the CRM first.' })).status).toBe(303);
    expect(await callbackJobs(r.id)).toBe(1);

    expect((await act(r.page, 'start')).status).toBe(303);
    await eventually(async () => endpoint.taken(path).length === 2, 'the callback of work starting');
    const started = await statusNow(r, 'in_progress', 'Being worked on.', { agent_request_id: 'agent-ref-7' });

    // §3.08: an extension moves expected_by, and processing_details gives its reason.
    const before = await row(r.id);
    expect((await act(r.page, 'extend', { reason: 'Your records sit in three archived systems.' })).status).toBe(303);
    await eventually(async () => endpoint.taken(path).length === 3, 'the callback of the extension');
    const extended = await statusNow(
      r,
      'in_progress',
      'Being worked on. The deadline was extended: Your records sit in three archived systems.',
      {
        agent_request_id: 'agent-ref-7',
      },
    );
    expect(new Date(String(extended.expected_by)).getTime()).toBeGreaterThan(before.due_at.getTime());

    const revoked = await agent.revoke(ORG, r.drpRequestId);
    expect(revoked.status).toBe(200);
    await eventually(async () => endpoint.taken(path).length === 4, 'the callback of the revocation');
    const withdrawn = await statusNow(r, 'revoked', 'Withdrawn.', { agent_request_id: 'agent-ref-7' });
    expect(revoked.json).toEqual(withdrawn);

    expect(endpoint.taken(path)).toEqual([confirmed, started, extended, withdrawn]);
    // Each change once: nothing more arrives.
    await sleep(1_000);
    expect(endpoint.callsTo(path)).toHaveLength(4);
    expect(await callbackJobs(r.id)).toBe(4);
    // The timeline says what the agent was told, in the protocol's codes: nothing of the requester's.
    const timeline = await auditOf(r.id);
    expect(timeline.map((e) => [e.action, e.detail.status, e.detail.agentId])).toEqual([
      ['drp.status_sent', 'in_progress', agent.id],
      ['drp.status_sent', 'in_progress', agent.id],
      ['drp.status_sent', 'in_progress', agent.id],
      ['drp.status_sent', 'revoked', agent.id],
    ]);
    for (const entry of timeline) expect(Object.keys(entry.detail).sort()).toEqual(['agentId', 'jobId', 'status']);
    const requestPage = await staff.get(r.page);
    expect(requestPage.body).toContain('Status sent to the authorised agent');
  }, 60_000);

  it('sends quick successive changes each with its own status, numbered and in order', async () => {
    let release!: () => void;
    const { url, path } = endpoint.url('quick', [], new Promise<void>((resolve) => (release = resolve)));
    const r = await exercise('deletion', url);
    // The agent's endpoint is still taking the confirmation's call while staff start work and extend.
    await confirmFromMail(system.sink, system.baseUrl, r.email);
    const confirmed = await statusNow(r, 'in_progress', 'Received and confirmed; waiting to be worked on.');
    expect((await act(r.page, 'start')).status).toBe(303);
    const started = await statusNow(r, 'in_progress', 'Being worked on.');
    expect((await act(r.page, 'extend', { reason: 'Three archived systems.' })).status).toBe(303);
    const extended = await statusNow(
      r,
      'in_progress',
      'Being worked on. The deadline was extended: Three archived systems.',
    );
    release();
    await eventually(async () => endpoint.taken(path).length === 3, 'the three callbacks');
    expect(endpoint.taken(path)).toEqual([confirmed, started, extended]);
    expect(started.expected_by).not.toBe(extended.expected_by);
    await sleep(500);
    expect(endpoint.taken(path)).toHaveLength(3);
    // Each change taken is gone from what is owed.
    expect(
      (await system.db.query('SELECT count(*) FROM drp_status_change WHERE request_id = $1', [r.id])).rows[0].count,
    ).toBe('0');
  }, 30_000);

  it('tries an endpoint that fails again, and it gets the status once it recovers', async () => {
    const { url, path } = endpoint.url('flaky', [503, 500]);
    const r = await exercise('access:categories', url);
    await confirmFromMail(system.sink, system.baseUrl, r.email);
    await eventually(async () => endpoint.taken(path).length === 1, 'the callback after two failures');
    const confirmed = await statusNow(r, 'in_progress', 'Received and confirmed; waiting to be worked on.');
    expect(endpoint.callsTo(path).map((c) => [c.answered, c.body])).toEqual([
      [503, confirmed],
      [500, confirmed],
      [200, confirmed],
    ]);
    // The timeline entry is written just after the agent's 200.
    await eventually(async () => (await auditOf(r.id)).length > 0, 'the timeline entry');
    expect((await auditOf(r.id)).map((e) => e.action)).toEqual(['drp.status_sent']);
    expect(
      (await system.db.query(`SELECT count(*) FROM staff_alert WHERE request_id = $1`, [r.id])).rows[0].count,
    ).toBe('0');
  }, 30_000);

  it('records a callback that failed for good on the timeline and in a staff alert, and tells later changes', async () => {
    const { url, path } = endpoint.url(
      'down',
      Array.from({ length: ATTEMPTS }, () => 500),
    );
    const r = await exercise('deletion', url);
    await confirmFromMail(system.sink, system.baseUrl, r.email);
    await eventually(async () => (await auditOf(r.id)).length === 1, 'the failure on the timeline');
    expect(endpoint.callsTo(path).map((c) => c.answered)).toEqual([500, 500, 500]);
    const [failure] = await auditOf(r.id);
    expect(failure).toEqual({
      action: 'drp.status_failed',
      detail: { agentId: agent.id, jobId: `drp.status_callback:${r.id}:1`, attempts: ATTEMPTS, failure: 'HTTP 500' },
    });
    const alerts = (await system.db.query(`SELECT kind, message FROM staff_alert WHERE request_id = $1`, [r.id])).rows;
    expect(alerts).toEqual([
      {
        kind: 'drp_callback_failed',
        message: expect.stringContaining(
          `The status update to the authorised agent ${agent.id} failed 3 times (HTTP 500) and will not be retried.`,
        ),
      },
    ]);
    expect(alerts[0].message).not.toContain(r.email);
    expect(alerts[0].message).not.toContain('Grace');
    expect(alerts[0].message).not.toContain(url);

    // The endpoint is back (it answers 200 from now on): the next change's job first sends the change still owed,
    // so the agent gets every change in order, and then the end.
    expect((await act(r.page, 'start')).status).toBe(303);
    await eventually(async () => endpoint.taken(path).length === 2, 'the callbacks of confirmation and work starting');
    expect((await act(r.page, 'fulfil', { resolution: 'Deleted the account and its backups.' })).status).toBe(303);
    await eventually(async () => endpoint.taken(path).length === 3, 'the callback of the fulfilment');
    expect(endpoint.taken(path)).toEqual([
      expect.objectContaining({
        status: 'in_progress',
        processing_details: 'Received and confirmed; waiting to be worked on.',
      }),
      expect.objectContaining({ status: 'in_progress', processing_details: 'Being worked on.' }),
      await statusNow(r, 'fulfilled', 'Fulfilled; the response was sent to the requester.'),
    ]);
  }, 30_000);

  it('makes no call to a URL it must not call, and records that at once instead of retrying', async () => {
    const { url, path } = endpoint.url('credentials');
    // Credentials in a callback URL are the agent's secret to keep, not ours to send: the call is refused.
    const r = await exercise('deletion', url.replace('http://', 'http://agent:secret@'));
    await confirmFromMail(system.sink, system.baseUrl, r.email);
    await eventually(async () => (await auditOf(r.id)).length === 1, 'the refusal on the timeline');
    expect(await auditOf(r.id)).toEqual([
      {
        action: 'drp.status_failed',
        detail: {
          agentId: agent.id,
          jobId: `drp.status_callback:${r.id}:1`,
          attempts: 1,
          failure: 'refused: its URL carries credentials',
        },
      },
    ]);
    expect(endpoint.callsTo(path)).toEqual([]);
    const [alert] = (await system.db.query(`SELECT message FROM staff_alert WHERE request_id = $1`, [r.id])).rows;
    expect(alert.message).not.toContain('secret');
  }, 30_000);

  it('calls nothing for a request without a status callback, nor for what the exercise already answered', async () => {
    const plain = await exercise('deletion', null);
    await confirmFromMail(system.sink, system.baseUrl, plain.email);
    expect((await act(plain.page, 'start')).status).toBe(303);
    expect(
      (
        await act(plain.page, 'deny', {
          reason: 'statutory_exemption',
          explanation: 'The records must be kept by law.',
        })
      ).status,
    ).toBe(303);
    expect((await row(plain.id)).status).toBe('denied');
    expect(await callbackJobs(plain.id)).toBe(0);
    expect(
      (await system.db.query('SELECT count(*) FROM drp_status_callback WHERE request_id = $1', [plain.id])).rows[0]
        .count,
    ).toBe('0');

    // An opt-out is fulfilled in the exercise itself, and its answer says so.
    const { url, path } = endpoint.url('opt-out');
    const optOut = await exercise('sale:opt_out', url);
    expect(optOut.answer).toMatchObject({ status: 'fulfilled' });
    await system.sink.waitForMailsTo(optOut.email);
    expect(await callbackJobs(optOut.id)).toBe(0);
    expect(endpoint.callsTo(path)).toEqual([]);
  }, 30_000);

  // Near the end: it moves time past the confirmation window of every request in this file's database.
  it('tells the agent when a deadline job closes the request unconfirmed', async () => {
    const { url, path } = endpoint.url('expired');
    const r = await exercise('deletion', url);
    // The confirmation window starts when the verification mail goes out.
    await system.sink.waitForMailsTo(r.email);
    const expiresAt = async (): Promise<Date | null> =>
      (await system.db.query('SELECT verification_expires_at FROM data_subject_request WHERE id = $1', [r.id])).rows[0]
        .verification_expires_at;
    await eventually(async () => (await expiresAt()) !== null, 'the confirmation window');
    clock.advanceTo(new Date((await expiresAt())!.getTime() + 60_000));
    await eventually(async () => endpoint.taken(path).length === 1, 'the callback of the expiry');
    expect((await row(r.id)).status).toBe('closed_unverified');
    expect(endpoint.taken(path)).toEqual([
      await statusNow(r, 'denied', 'Closed: the requester did not confirm the request in time.', {
        reason: 'insuf_verification',
      }),
    ]);
  });

  // After the deadline test, which moves time too: to 22:30 Pacific, already the next day in New York.
  it("counts a CCPA request from the Californian's date when it is already tomorrow in the company's New York", async () => {
    const pacificEvening = DateTime.fromJSDate(clock.now(), { zone: 'America/Los_Angeles' })
      .plus({ days: 1 })
      .set({ hour: 22, minute: 30, second: 0, millisecond: 0 });
    clock.advanceTo(pacificEvening.toJSDate());
    // The agent signs by the business's clock, which the tests have moved.
    const email = `drp-zone-${randomBytes(4).toString('hex')}@example.org`;
    const now = clock.now().getTime();
    const answer = await agent.exercise(ORG, {
      exercise: 'deletion',
      regime: 'ccpa',
      'issued-at': new Date(now - 1_000).toISOString(),
      'expires-at': new Date(now + 600_000).toISOString(),
      ...person(email),
    });
    expect(answer.status).toBe(200);
    const r = {
      answer: answer.json!,
      id: (
        await system.db.query('SELECT request_id FROM drp_request WHERE drp_request_id = $1', [answer.json!.request_id])
      ).rows[0].request_id as string,
    };
    const received = (await row(r.id)).received_at;
    const newYorkDate = DateTime.fromJSDate(received, { zone: 'America/New_York' });
    expect(newYorkDate.toISODate()).toBe(pacificEvening.plus({ days: 1 }).toISODate());
    // 45 days from the Californian's date, ending at New York's midnight (the earlier of the two).
    const due = DateTime.fromISO(pacificEvening.toISODate()!, { zone: 'America/New_York' })
      .plus({ days: 45 })
      .endOf('day');
    expect(r.answer.expected_by).toBe(due.toUTC().toISO());
    expect((await row(r.id)).due_at.toISOString()).toBe(due.toUTC().toISO());
  }, 30_000);
});
