import { randomBytes, randomInt } from 'node:crypto';

import { beforeAll, describe, expect, it } from '@jest/globals';

import { runCli } from './support/cli.js';
import { eventually } from './support/eventually.js';
import { csrfTokenIn, FormClient, linkIn, multipartActionIn, referenceIn } from './support/form-client.js';
import { composeMail, deliverToMailbox } from './support/inbound-mail.js';
import { confirmFromMail, type RequesterFields, submitRequest } from './support/requester.js';
import { createStaff, signIn, type StaffAccount } from './support/staff.js';
import { storeRequest } from './support/stored-requests.js';
import { useRunningSystem } from './support/system-fixture.js';
import { TestClock } from './support/test-clock.js';

// GDPR, America/Chicago, the default retention of 90 days after closing.
const ORG = 'west-schoolmessenger';
const DAY_MS = 86_400_000;

/** Everything that identifies one requester, or that they or staff wrote about them. */
interface Traced {
  id: string;
  reference: string;
  page: string;
  email: string;
  person: RequesterFields;
  statusUrl: string;
  /** Notes, questions, replies and response files: free text about the person. */
  texts: string[];
}

/** The columns of the §7101 record: what retention keeps until the record's own time is up. */
const RECORD_COLUMNS = [
  'reference',
  'right_id',
  'type',
  'regime',
  'channel',
  'status',
  'received_at',
  'due_at',
  'closed_at',
  'denial_reason',
];

describe('retention: personal data goes after the retention period, the minimal record after 24 months', () => {
  const tag = randomBytes(4).toString('hex');
  const textedFrom = `+1555${randomInt(1_000_000, 9_999_999)}`;
  const clock = new TestClock();
  const system = useRunningSystem({
    clock,
    extraEnv: { RETENTION_EVERY_MS: '1000' },
    db: 'typeorm',
    // Its own database: the clock jumps months ahead, and a purge over the run's shared one would work through (and
    // remove) every other spec's requests before reaching this one's.
    ownStorage: 'retention',
  });
  let account: StaffAccount;
  let fulfilled: Traced;
  let denied: Traced;
  let open: Traced;
  /** Made by an authorised agent; the consumer said they did not authorise it, which closed it. */
  let disowned: Traced;
  /** A mail to the privacy address, set aside as not a request: the mail, its attachment and its sender go too. */
  let mailedIn: { id: string; page: string; secrets: string[] };
  let recordBefore: Record<string, unknown>[];

  beforeAll(async () => {
    account = await createStaff({ [ORG]: 'agent' }, 'Retention Agent', system.databaseUrl);
  }, 60_000);

  /** Staff sessions follow the moved clock too: a fresh sign-in after each jump. */
  const agent = () => signIn(system.baseUrl, account);

  async function sentTemplates(id: string): Promise<string[]> {
    return (await system.db.query('SELECT template FROM sent_message WHERE request_id = $1', [id])).map(
      (r: { template: string }) => r.template,
    );
  }

  async function mailed(id: string, template: string): Promise<void> {
    await eventually(async () => (await sentTemplates(id)).includes(template), `the ${template} mail of ${id}`);
  }

  /** Submitted on the form and confirmed from the mailed link, as a requester does. */
  async function newRequest(label: string): Promise<Traced> {
    const email = `retention-${label}-${tag}@example.org`;
    const person = {
      name: `Requester ${label} ${tag}`,
      phone: `+1 415 ${randomInt(100, 999)} ${randomInt(1000, 9999)}`,
      details: `Account ${label}-${tag}`,
    };
    const reference = await submitRequest(system.baseUrl, ORG, email, 'access', person);
    const [{ id }] = await system.db.query('SELECT id FROM data_subject_request WHERE reference = $1', [reference]);
    const { statusUrl } = await confirmFromMail(system.sink, system.baseUrl, email);
    return { id, reference, email, person, statusUrl, page: `/staff/orgs/${ORG}/requests/${id}`, texts: [] };
  }

  /** An agent's request on the form, with the consumer's signed permission; the consumer refuses it from their mail. */
  async function disownedAgentRequest(): Promise<Traced> {
    const email = `retention-consumer-${tag}@example.org`;
    const person = {
      name: `Consumer ${tag}`,
      phone: `+1 415 ${randomInt(100, 999)} ${randomInt(1000, 9999)}`,
      details: `Account consumer-${tag}`,
    };
    const agent = { name: `Agent ${tag}`, email: `retention-agent-${tag}@example.org`, file: `permission-${tag}.pdf` };
    const client = new FormClient(system.baseUrl);
    const form = await client.get(`/o/${ORG}/requests/new`);
    const fields = {
      _csrf: csrfTokenIn(form.body),
      website: '',
      ...person,
      email,
      rightId: 'access',
      dataContext: 'own',
      relationship: 'agent',
      agentName: agent.name,
      agentEmail: agent.email,
    };
    const posted = await client.postMultipart(multipartActionIn(form.body), fields, [
      { field: 'permission', name: agent.file, type: 'application/pdf', content: `%PDF-1.4 signed by ${person.name}` },
    ]);
    expect(posted.status).toBe(201);
    const reference = referenceIn(posted.body);
    const [{ id }] = await system.db.query('SELECT id FROM data_subject_request WHERE reference = $1', [reference]);
    const [mail] = await system.sink.waitForMailsTo(email);
    const verifyUrl = linkIn(mail.text, system.baseUrl, '/v/');
    const consumer = new FormClient(system.baseUrl);
    const page = await consumer.get(verifyUrl);
    expect((await consumer.post(`${verifyUrl}/refuse`, { _csrf: csrfTokenIn(page.body) })).status).toBe(200);
    await system.sink.waitForMailsTo(agent.email);
    return {
      id,
      reference,
      email,
      person,
      statusUrl: linkIn(mail.text, system.baseUrl, '/s/'),
      page: `/staff/orgs/${ORG}/requests/${id}`,
      texts: [agent.name, agent.email, agent.file],
    };
  }

  async function note(client: FormClient, r: Traced, text: string): Promise<void> {
    expect((await client.submitForm(r.page, `${r.page}/note`, { text })).status).toBe(303);
    r.texts.push(text);
  }

  /** Tables holding the text anywhere in a row (every column as text, jsonb included). */
  async function tablesHolding(text: string): Promise<string[]> {
    const tables: { tablename: string }[] = await system.db.query(
      "SELECT tablename FROM pg_tables WHERE schemaname = 'public' ORDER BY 1",
    );
    const found: string[] = [];
    for (const { tablename } of tables) {
      const [{ n }] = await system.db.query(
        `SELECT count(*)::int AS n FROM "${tablename}" t WHERE strpos(lower(t::text), lower($1)) > 0`,
        [text],
      );
      if (n > 0) found.push(tablename);
    }
    return found;
  }

  const secretsOf = (r: Traced) => [r.email, r.person.name, r.person.phone, r.person.details, ...r.texts];

  async function rowOf(id: string): Promise<Record<string, unknown> | undefined> {
    return (await system.db.query('SELECT * FROM data_subject_request WHERE id = $1', [id]))[0];
  }

  async function countFor(table: string, ids: string[]): Promise<number> {
    return (await system.db.query(`SELECT count(*)::int AS n FROM ${table} WHERE request_id = ANY($1)`, [ids]))[0].n;
  }

  async function auditActions(id: string): Promise<string[]> {
    return (await system.db.query('SELECT action FROM audit_entry WHERE request_id = $1 ORDER BY seq', [id])).map(
      (r: { action: string }) => r.action,
    );
  }

  /**
   * Proves a purge run happened at the clock's present: a request closed 95 days before it is purged, which no
   * run from before the last jump (at least 89 days earlier) would do.
   */
  async function aPurgeRunPassed(): Promise<void> {
    const sentinel = await storeRequest(system.db, {
      slug: ORG,
      rightId: 'access',
      status: 'fulfilled',
      channel: 'web',
      receivedAt: new Date(clock.now().getTime() - 120 * DAY_MS),
      email: `sentinel-${randomBytes(4).toString('hex')}@example.org`,
    });
    await system.db.query('UPDATE data_subject_request SET closed_at = $2 WHERE id = $1', [
      sentinel.id,
      new Date(clock.now().getTime() - 95 * DAY_MS),
    ]);
    await eventually(async () => (await rowOf(sentinel.id))?.purged_at != null, 'a purge run at the present time');
  }

  it('closes two requests full of personal data and leaves a third open', async () => {
    const staff = await agent();
    fulfilled = await newRequest('fulfilled');
    expect((await staff.submitForm(fulfilled.page, `${fulfilled.page}/claim`, {})).status).toBe(303);
    await note(staff, fulfilled, `Internal note about ${fulfilled.person.name}`);
    expect((await staff.submitForm(fulfilled.page, `${fulfilled.page}/start`, {})).status).toBe(303);
    const question = `Which account, ${tag}?`;
    expect((await staff.submitForm(fulfilled.page, `${fulfilled.page}/ask`, { question })).status).toBe(303);
    fulfilled.texts.push(question);
    await mailed(fulfilled.id, 'question_to_requester');
    const reply = `The one called ${tag}-reply`;
    const requester = new FormClient(system.baseUrl);
    expect(
      (await requester.submitForm(fulfilled.statusUrl, `${fulfilled.statusUrl}/reply`, { text: reply })).status,
    ).toBe(303);
    fulfilled.texts.push(reply);
    const fileName = `export-${tag}.csv`;
    const upload = await staff.get(fulfilled.page);
    const done = await staff.postMultipart(`${fulfilled.page}/fulfil`, { _csrf: csrfTokenIn(upload.body) }, [
      { field: 'files', name: fileName, type: 'text/csv', content: `name\n${fulfilled.person.name}\n` },
    ]);
    expect(done.status).toBe(303);
    fulfilled.texts.push(fileName);
    await mailed(fulfilled.id, 'request_fulfilled');

    denied = await newRequest('denied');
    await note(staff, denied, `Looked for ${denied.person.details} everywhere`);
    const ground = /<select name="reason" id="denialReason"><option value="([a-z_]+)"/.exec(
      (await staff.get(denied.page)).body,
    )?.[1];
    expect(ground).toBeDefined();
    expect(
      (
        await staff.submitForm(denied.page, `${denied.page}/deny`, {
          reason: ground!,
          explanation: 'The request repeats one answered last week.',
        })
      ).status,
    ).toBe(303);
    await mailed(denied.id, 'request_denied');
    // Closing removed the data points given to prove identity; retention removes any left all the same, and blanks
    // the name that signed a declaration.
    const dataPoint = `1 Retention Road ${tag}`;
    const signedBy = `Declarant ${tag}`;
    await system.db.query(
      `INSERT INTO verification_data_point (organisation_id, request_id, kind, value)
       SELECT organisation_id, id, 'postal_address', $2 FROM data_subject_request WHERE id = $1`,
      [denied.id, dataPoint],
    );
    await system.db.query('UPDATE data_subject_request SET declaration_name = $2 WHERE id = $1', [denied.id, signedBy]);
    denied.texts.push(dataPoint, signedBy);

    open = await newRequest('open');

    // A text to the organisation's SMS number: the sender's number and words are personal data with their own clock.
    await system.db.query(
      `INSERT INTO inbound_sms (organisation_id, from_number, to_number, body, outcome, received_at)
       SELECT id, $2, '+15550100999', $3, 'recorded', $4 FROM organisation WHERE slug = $1`,
      [ORG, textedFrom, `Texted ${tag}`, clock.now()],
    );
    await note(staff, open, `Still checking ${open.person.name}`);

    const mailFrom = `retention-mailed-${tag}@example.org`;
    const mailSecrets = [
      mailFrom,
      `Mailed Person ${tag}`,
      `Subject ${tag}-mail`,
      `Body ${tag}-mail`,
      `scan-${tag}.txt`,
    ];
    const source = await composeMail({
      from: `Mailed Person ${tag} <${mailFrom}>`,
      to: 'privacy@west.com',
      subject: `Subject ${tag}-mail`,
      text: `Body ${tag}-mail`,
      attachments: [{ filename: `scan-${tag}.txt`, contentType: 'text/plain', content: `scanned ${tag}` }],
    });
    await deliverToMailbox(system.mailboxPort, { from: mailFrom, to: ['privacy@west.com'] }, source);
    const [{ id: mailedId }] = await system.db.query('SELECT id FROM data_subject_request WHERE requester_email = $1', [
      mailFrom,
    ]);
    mailedIn = { id: mailedId, page: `/staff/orgs/${ORG}/requests/${mailedId}`, secrets: mailSecrets };
    expect((await staff.submitForm(mailedIn.page, `${mailedIn.page}/not-a-request`, {})).status).toBe(303);
    for (const secret of mailedIn.secrets)
      expect({ secret, found: (await tablesHolding(secret)).length > 0 }).toEqual({ secret, found: true });
    expect(await countFor('inbound_message', [mailedIn.id])).toBe(1);

    disowned = await disownedAgentRequest();
    expect((await rowOf(disowned.id))?.status).toBe('closed_unverified');
    expect(await countFor('request_agent', [disowned.id])).toBe(1);

    // Without SMTP the worker keeps whole mails in the dev mailbox: as it would have for these, the agent's receipt too.
    await system.db.query(
      "INSERT INTO dev_mail (sender, recipient, subject, text, html) VALUES ('Rightsdesk <no-reply@example.org>', $1, $2, $3, '')",
      [
        disowned.texts[1],
        `We received the privacy request ${disowned.reference}`,
        `Hello ${disowned.texts[0]}, about ${disowned.reference}.`,
      ],
    );
    for (const r of [fulfilled, open]) {
      await system.db.query(
        "INSERT INTO dev_mail (sender, recipient, subject, text, html) VALUES ('Rightsdesk <no-reply@example.org>', $1, $2, $3, '')",
        [r.email, `Your privacy request ${r.reference}`, `Dear ${r.person.name}, about ${r.reference}.`],
      );
    }

    // The scan below finds what it looks for: every secret is somewhere before retention runs.
    for (const r of [fulfilled, denied, open, disowned]) {
      for (const secret of secretsOf(r))
        expect({ secret, found: (await tablesHolding(secret)).length > 0 }).toEqual({ secret, found: true });
    }
    expect(await countFor('response_file', [fulfilled.id])).toBe(1);
    expect(await countFor('request_token', [fulfilled.id, denied.id])).toBeGreaterThan(0);
    recordBefore = await system.db.query(
      `SELECT id, ${RECORD_COLUMNS.join(', ')} FROM data_subject_request WHERE id = ANY($1) ORDER BY id`,
      [[fulfilled.id, denied.id]],
    );
    expect(recordBefore.map((r) => r.status).sort()).toEqual(['denied', 'fulfilled']);
  }, 90_000);

  it('keeps everything through the 90th day after closing', async () => {
    clock.advanceDays(89);
    await aPurgeRunPassed();
    for (const r of [fulfilled, denied]) {
      const row = await rowOf(r.id);
      expect(row).toMatchObject({ purged_at: null, requester_email: r.email, requester_name: r.person.name });
    }
    // Two notes, a question and a reply, and the denial's explanation (staff's text with an action is a note too).
    expect(await countFor('request_note', [fulfilled.id, denied.id])).toBe(5);
    expect(await countFor('request_agent', [disowned.id])).toBe(1);
    expect(await countFor('inbound_message', [mailedIn.id])).toBe(1);
    for (const secret of [textedFrom, `Texted ${tag}`])
      expect({ secret, tables: await tablesHolding(secret) }).toEqual({ secret, tables: ['inbound_sms'] });
  }, 60_000);

  it('then removes the personal data from every table, keeps the minimal record, and leaves the open request alone', async () => {
    clock.advanceDays(3);
    await eventually(
      async () =>
        (await rowOf(fulfilled.id))?.purged_at != null &&
        (await rowOf(denied.id))?.purged_at != null &&
        (await rowOf(disowned.id))?.purged_at != null,
      'the three closed requests purged',
    );

    for (const r of [fulfilled, denied, disowned]) {
      expect(await rowOf(r.id)).toMatchObject({
        requester_name: '',
        requester_email: '',
        requester_phone: null,
        details: '',
      });
      for (const secret of secretsOf(r))
        expect({ secret, tables: await tablesHolding(secret) }).toEqual({ secret, tables: [] });
    }
    expect(
      await system.db.query(
        `SELECT id, ${RECORD_COLUMNS.join(', ')} FROM data_subject_request WHERE id = ANY($1) ORDER BY id`,
        [[fulfilled.id, denied.id]],
      ),
    ).toEqual(recordBefore);
    const ids = [fulfilled.id, denied.id];
    for (const table of ['request_note', 'response_file', 'request_token', 'deadline_event', 'verification_data_point'])
      expect({ table, rows: await countFor(table, ids) }).toEqual({ table, rows: 0 });
    // The agent's name and address and the consumer's signed permission go with the rest.
    expect(await countFor('request_agent', [disowned.id])).toBe(0);
    expect(await rowOf(disowned.id)).toMatchObject({
      status: 'closed_unverified',
      relationship: 'agent',
      channel: 'agent',
    });
    // The mail that came in goes with its attachment (the original's bytes too, which a text scan cannot see).
    await eventually(async () => (await rowOf(mailedIn.id))?.purged_at != null, 'the mailed-in request purged');
    expect(await countFor('inbound_message', [mailedIn.id])).toBe(0);
    const [{ n: attachmentsLeft }] = await system.db.query(
      'SELECT count(*)::int AS n FROM inbound_attachment WHERE file_name = $1',
      [`scan-${tag}.txt`],
    );
    expect(attachmentsLeft).toBe(0);
    for (const secret of mailedIn.secrets)
      expect({ secret, tables: await tablesHolding(secret) }).toEqual({ secret, tables: [] });
    // Texts to the SMS number go after the same period: the suppression a STOP made is what must stay.
    for (const secret of [textedFrom, `Texted ${tag}`])
      expect({ secret, tables: await tablesHolding(secret) }).toEqual({ secret, tables: [] });
    // The mail ledger keeps that mails went, not to whom.
    const ledger: { recipient: string }[] = await system.db.query(
      'SELECT recipient FROM sent_message WHERE request_id = ANY($1)',
      [ids],
    );
    expect(ledger.length).toBeGreaterThanOrEqual(4);
    expect(ledger.every((m) => m.recipient === '')).toBe(true);
    for (const r of [fulfilled, denied])
      expect((await auditActions(r.id)).filter((a) => a === 'request.purged')).toHaveLength(1);

    // The open request keeps everything.
    expect(await rowOf(open.id)).toMatchObject({
      purged_at: null,
      closed_at: null,
      requester_email: open.email,
      requester_name: open.person.name,
      details: open.person.details,
    });
    expect(await countFor('request_note', [open.id])).toBe(1);
    expect(await tablesHolding(open.email)).toEqual(
      expect.arrayContaining(['data_subject_request', 'dev_mail', 'sent_message']),
    );

    // Staff see that it was purged, and can no longer change it; the requester's links are gone.
    const staff = await agent();
    const page = await staff.get(fulfilled.page);
    expect(page.status).toBe(200);
    expect(page.body).toContain('id="purged"');
    expect(page.body).toContain('data-action="request.purged"');
    expect(page.body).toContain(fulfilled.reference);
    expect(page.body).not.toContain(`action="${fulfilled.page}/note"`);
    const refused = await staff.post(`${fulfilled.page}/note`, {
      _csrf: csrfTokenIn(page.body),
      text: 'One more thing.',
    });
    expect(refused.status).toBe(409);
    expect(refused.body).toContain('removed under the retention policy');
    expect(await countFor('request_note', [fulfilled.id])).toBe(0);
    expect((await new FormClient(system.baseUrl).get(fulfilled.statusUrl)).status).not.toBe(200);

    expect((await runCli(['verify-audit'])).code).toBe(0);
  }, 60_000);

  it('changes nothing when it runs again', async () => {
    const before = await system.db.query('SELECT * FROM data_subject_request WHERE id = ANY($1) ORDER BY id', [
      [fulfilled.id, denied.id],
    ]);
    await aPurgeRunPassed();
    expect(
      await system.db.query('SELECT * FROM data_subject_request WHERE id = ANY($1) ORDER BY id', [
        [fulfilled.id, denied.id],
      ]),
    ).toEqual(before);
    for (const r of [fulfilled, denied])
      expect((await auditActions(r.id)).filter((a) => a === 'request.purged')).toHaveLength(1);
  }, 60_000);

  it('works through a backlog of several batches, however many closed at the same moment', async () => {
    const closedAt = new Date(clock.now().getTime() - 100 * DAY_MS);
    const first = await storeRequest(system.db, {
      slug: ORG,
      rightId: 'access',
      status: 'in_progress',
      channel: 'web',
      receivedAt: closedAt,
      email: `backlog-${tag}@example.org`,
    });
    // One commit for the whole backlog, so one run sees all of it. 449 copies in groups of 150 sharing one closing
    // time, so batches of 200 end inside a group.
    await system.db.transaction(async (tx) => {
      await tx.query("UPDATE data_subject_request SET status = 'denied', closed_at = $2 WHERE id = $1", [
        first.id,
        closedAt,
      ]);
      await tx.query(
        `INSERT INTO data_subject_request (reference, organisation_id, policy_version_id, right_id, type, regime, channel, status, requester_name,
           requester_email, requester_phone, relationship, details, received_at, clock_started_at, verified_at, due_at, closed_at,
           verification_required, verification_reached)
         SELECT 'BACKLOG-' || $2 || '-' || g, organisation_id, policy_version_id, right_id, type, regime, channel, status, requester_name,
           'backlog-' || g || '-' || $2 || '@example.org', requester_phone, relationship, details, received_at, clock_started_at, verified_at, due_at,
           closed_at + (g / 150) * interval '1 second', verification_required, verification_reached
           FROM data_subject_request, generate_series(1, 449) g WHERE id = $1`,
        [first.id, tag],
      );
    });
    const backlog = async (): Promise<{ total: number; left: number }> =>
      (
        await system.db.query(
          "SELECT count(*)::int AS total, (count(*) FILTER (WHERE purged_at IS NULL))::int AS left FROM data_subject_request WHERE reference LIKE 'BACKLOG-' || $1 || '-%' OR id = $2",
          [tag, first.id],
        )
      )[0];
    expect((await backlog()).total).toBe(450);
    await eventually(async () => (await backlog()).left === 0, 'the whole backlog purged');
    const [{ n }] = await system.db.query(
      "SELECT count(*)::int AS n FROM audit_entry a JOIN data_subject_request r ON r.id = a.request_id WHERE a.action = 'request.purged' AND (r.reference LIKE 'BACKLOG-' || $1 || '-%' OR r.id = $2)",
      [tag, first.id],
    );
    expect(n).toBe(450);
    // All in one run, ties across batch ends included: a skipped row would have waited for a later run.
    const [{ runs }] = await system.db.query(
      "SELECT count(DISTINCT purged_at)::int AS runs FROM data_subject_request WHERE reference LIKE 'BACKLOG-' || $1 || '-%' OR id = $2",
      [tag, first.id],
    );
    expect(runs).toBe(1);
  }, 60_000);

  it('deletes the minimal record 24 months after closing, keeps the audit log, and never the open request', async () => {
    const auditBefore = await auditActions(fulfilled.id);
    clock.advanceDays(740 - 92);
    await eventually(
      async () => (await rowOf(fulfilled.id)) === undefined && (await rowOf(denied.id)) === undefined,
      'both records deleted',
    );
    const ids = [fulfilled.id, denied.id];
    for (const table of ['sent_message', 'staff_alert', 'request_note', 'request_token'])
      expect({ table, rows: await countFor(table, ids) }).toEqual({ table, rows: 0 });
    expect(await auditActions(fulfilled.id)).toEqual([...auditBefore, 'request.deleted']);
    expect(await rowOf(open.id)).toMatchObject({ purged_at: null, closed_at: null, requester_email: open.email });
    expect((await (await agent()).get(fulfilled.page)).status).toBe(404);

    await aPurgeRunPassed();
    for (const r of [fulfilled, denied])
      expect((await auditActions(r.id)).filter((a) => a === 'request.deleted')).toHaveLength(1);
    expect(await rowOf(open.id)).toMatchObject({ purged_at: null, closed_at: null });
    expect((await runCli(['verify-audit'])).code).toBe(0);
  }, 60_000);
});
