import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import pg from 'pg';

import { sleep } from './support/eventually.js';
import { csrfTokenIn, FormClient, referenceIn } from './support/form-client.js';
import { requesterAddresses, verificationMailsTo, waitFor, waitForVerificationMails } from './support/mail-delivery.js';
import { DedicatedPostgres } from './support/postgres-server.js';
import { seedDatabase } from './support/run-storage.js';
import { type RunningSystem, startSystem } from './support/running-system.js';
import { SmtpSink } from './support/smtp-sink.js';

const ORG = 'securus-software';
const STACK_TRACE = /\n\s+at |node_modules|\.js:\d+/;
/** Longer than a retried job takes to come back, so a late duplicate mail would have arrived. */
const SETTLE_MS = 5_000;

interface Attempt {
  email: string;
  status: number;
  reference?: string;
}

/** Requesters filing on the form, `lanes` at a time, until told to stop: each records what the api answered. */
class Burst {
  readonly attempts: Attempt[] = [];
  private stopped = false;
  private readonly lanes: Promise<void>[];

  constructor(
    private readonly baseUrl: string,
    emails: string[],
    lanes: number,
  ) {
    let next = 0;
    const lane = async () => {
      while (!this.stopped && next < emails.length) {
        // A refused requester tries again a little later, as people do, rather than at full speed.
        if ((await this.file(emails[next++])) !== 201) await sleep(200);
      }
    };
    this.lanes = Array.from({ length: lanes }, lane);
  }

  accepted(): Attempt[] {
    return this.attempts.filter((a) => a.status === 201);
  }

  async stop(): Promise<void> {
    this.stopped = true;
    await Promise.all(this.lanes);
  }

  private async file(email: string): Promise<number> {
    const client = new FormClient(this.baseUrl);
    const form = await client.get(`/o/${ORG}/requests/new`);
    if (form.status !== 200) {
      this.attempts.push({ email, status: form.status });
      return form.status;
    }
    const fields = {
      _csrf: csrfTokenIn(form.body),
      name: 'Grace Hopper',
      email,
      rightId: 'access',
      relationship: 'self',
      dataContext: 'own',
      website: '',
    };
    const posted = await client.post(`/o/${ORG}/requests`, fields);
    this.attempts.push({
      email,
      status: posted.status,
      reference: posted.status === 201 ? referenceIn(posted.body) : undefined,
    });
    return posted.status;
  }
}

describe('PostgreSQL restarted under load', () => {
  let postgres: DedicatedPostgres;
  let databaseUrl: string;
  let sink: SmtpSink;
  let system: RunningSystem;
  let burst: Burst | undefined;

  beforeAll(async () => {
    postgres = await DedicatedPostgres.start();
    databaseUrl = seedDatabase(postgres.url('rightsdesk'));
    sink = await SmtpSink.start();
    system = await startSystem({ smtpUrl: sink.url, extraEnv: { DATABASE_URL: databaseUrl } });
  }, 120_000);

  afterAll(async () => {
    // A failed assertion leaves the burst filing: stop it before the api it files to goes away.
    await burst?.stop();
    await system?.stop();
    await sink?.stop();
    postgres?.destroy();
  });

  it('answers 503 with a clear message while the database is down, recovers by itself, and keeps every accepted request whole and mailed once', async () => {
    const emails = requesterAddresses('pg-restart', 1000);
    const filing = new Burst(system.baseUrl, emails, 6);
    burst = filing;
    await waitFor(
      () => filing.accepted().length >= 20,
      30_000,
      () => `20 accepted submissions, ${filing.accepted().length} so far`,
    );
    // A requester who opened the form before the outage and submits during it.
    const early = new FormClient(system.baseUrl);
    const earlyToken = csrfTokenIn((await early.get(`/o/${ORG}/requests/new`)).body);

    postgres.stop();
    const acceptedBefore = filing.accepted().length;
    const health = await fetch(`${system.baseUrl}/health`);
    expect(health.status).toBe(503);
    expect(await health.json()).toEqual({ status: 'unavailable', reason: 'database unreachable' });
    const form = await fetch(`${system.baseUrl}/o/${ORG}/requests/new`);
    const formPage = await form.text();
    expect({ status: form.status, retryAfter: form.headers.get('retry-after') }).toEqual({
      status: 503,
      retryAfter: '30',
    });
    expect(form.headers.get('content-type')).toContain('text/html');
    expect(formPage).toContain('The service is briefly unavailable. Please try again in a minute.');
    expect(formPage).not.toMatch(STACK_TRACE);
    const posted = await early.post(`/o/${ORG}/requests`, {
      _csrf: earlyToken,
      name: 'Grace Hopper',
      email: `down-${emails[0]}`,
      rightId: 'access',
      relationship: 'self',
      dataContext: 'own',
      website: '',
    });
    expect(posted.status).toBe(503);
    expect(posted.body).toContain('briefly unavailable');
    expect(posted.body).not.toMatch(STACK_TRACE);
    // The JSON API says the same in JSON (the session lookup is what needs the database: the cookie is well formed,
    // a 32-byte secret as sign-in issues them, so it is looked up rather than refused as malformed).
    const cookie = `rd_staff=00000000-0000-0000-0000-000000000000.${Buffer.alloc(32, 7).toString('base64url')}`;
    const api = await fetch(`${system.baseUrl}/api/orgs/${ORG}/requests`, { headers: { cookie } });
    expect({ status: api.status, body: await api.json() }).toEqual({
      status: 503,
      body: {
        statusCode: 503,
        error: 'SERVICE_UNAVAILABLE',
        message: ['The service is briefly unavailable. Please try again in a minute.'],
      },
    });
    // The burst keeps filing while the database is down: 503s, never a 500.
    await sleep(2_000);

    postgres.start();
    await waitFor(
      async () => (await fetch(`${system.baseUrl}/health`)).ok,
      30_000,
      () => 'the api healthy again without a restart',
    );
    await waitFor(
      () => filing.accepted().length >= acceptedBefore + 20,
      30_000,
      () => 'submissions accepted again after the restart',
    );
    await filing.stop();

    const statuses = filing.attempts.reduce<Record<number, number>>(
      (counts, a) => ({ ...counts, [a.status]: (counts[a.status] ?? 0) + 1 }),
      {},
    );
    console.log(`postgres restart: answers during the burst ${JSON.stringify(statuses)}`);
    expect(Object.keys(statuses).sort()).toEqual(['201', '503']);
    expect(system.workers.every((w) => w.exitCode === null)).toBe(true);

    const db = new pg.Client({ connectionString: databaseUrl });
    await db.connect();
    try {
      const stored = (
        await db.query<{ reference: string; email: string; received: string; outbox: string; events: string }>(
          `SELECT r.reference, r.requester_email AS email,
                  (SELECT count(*) FROM audit_entry a WHERE a.request_id = r.id AND a.action = 'request.received') AS received,
                  (SELECT count(*) FROM outbox_message o WHERE o.job_id = 'verification.send:' || r.id || ':initial') AS outbox,
                  (SELECT count(*) FROM deadline_event e WHERE e.request_id = r.id) AS events
             FROM data_subject_request r WHERE r.requester_email LIKE 'pg-restart-%'`,
        )
      ).rows;
      // Nothing accepted is lost; every stored request is whole: its timeline entry, its job and its schedule.
      const storedReferences = new Set(stored.map((r) => r.reference));
      expect(filing.accepted().filter((a) => !storedReferences.has(a.reference!))).toEqual([]);
      expect(stored.filter((r) => r.received !== '1' || r.outbox !== '1' || r.events === '0')).toEqual([]);
      // A 503 stored nothing.
      const refusedEmails = new Set(filing.attempts.filter((a) => a.status === 503).map((a) => a.email));
      expect(stored.filter((r) => refusedEmails.has(r.email))).toEqual([]);

      // Jobs that failed while the database was down come back with the mail backoff (2 s, doubling).
      await waitForVerificationMails(
        sink,
        stored.map((r) => r.email),
        60_000,
      );
      await sleep(SETTLE_MS);
      expect(stored.filter((r) => verificationMailsTo(sink, r.email).length !== 1).map((r) => r.email)).toEqual([]);
    } finally {
      await db.end();
    }
  }, 180_000);
});
