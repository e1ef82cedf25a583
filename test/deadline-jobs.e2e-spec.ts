import { randomBytes } from 'node:crypto';

import { beforeAll, describe, expect, it } from '@jest/globals';
import { DateTime } from 'luxon';

import { formatLocalDate } from '#mail';

import { FormClient, linkIn } from './support/form-client.js';
import { confirmFromMail, submitRequest } from './support/requester.js';
import type { SunkMail } from './support/smtp-sink.js';
import { createStaff, signIn, type StaffAccount } from './support/staff.js';
import { useRunningSystem } from './support/system-fixture.js';
import { TestClock } from './support/test-clock.js';

const CCPA = 'securus-technologies';
const CCPA_NAME = 'Securus Technologies';
const GDPR = 'west-schoolmessenger';
const GDPR_NAME = 'West Corporation (SchoolMessenger)';
// Both organisations count days in Chicago.
const ZONE = 'America/Chicago';
/** How long a step waits, once the expected mails are in, for any mail that should not come. */
const QUIET_MS = 2_000;

const local = (iso: string) => DateTime.fromISO(iso, { zone: ZONE }).toJSDate();
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

type Name = 'A' | 'B' | 'C' | 'E';
type Role = Name | 'agentA' | 'agentC' | 'admin' | 'demoAdmin';
interface Filed {
  id: string;
  email: string;
  reference: string;
  page: string;
  statusUrl?: string;
}

/**
 * Time travel through the life of four requests, with a real SMTP sink: every mail is accounted for at every step.
 * A (CCPA, agent A): acknowledgement, reminders at 14/7/3 days, the extension window, an extension that re-keys the
 * reminders, reminders before the new date, overdue escalation and digests, and silence once denied.
 * B (CCPA, never confirmed): a verification reminder, then expiry. C (GDPR, agent C): reminders wait while the clock
 * is paused and follow the due date it moves to. E (CCPA, agent A): reminders stop when it is denied.
 */
describe('deadline jobs, with time moving', () => {
  const clock = new TestClock();
  const tag = randomBytes(3).toString('hex');
  beforeAll(() => {
    // 07:00 in Chicago: everything of the first day happens before the daily staff mails' hour.
    clock.advanceTo(local('2031-01-06T07:00'));
  });
  // Moving time years ahead would fire every other test's reminders and expiries too: this file has a database and
  // queues of its own, so every mail the sink gets is one this test accounts for.
  const system = useRunningSystem({
    ownStorage: 'deadlines',
    clock,
    extraEnv: { DEADLINE_SWEEP_MS: '200', DAILY_STAFF_MAIL_CHECK_MS: '300' },
    db: 'typeorm',
  });
  const staff = {} as Record<'agentA' | 'agentC' | 'admin', StaffAccount>;
  const filed = {} as Record<Name, Filed>;
  const consumed = new Map<Role, number>();

  beforeAll(async () => {
    staff.agentA = await createStaff({ [CCPA]: 'agent' }, `Agent A ${tag}`, system.databaseUrl);
    staff.agentC = await createStaff({ [GDPR]: 'agent' }, `Agent C ${tag}`, system.databaseUrl);
    staff.admin = await createStaff({ [CCPA]: 'admin' }, `Admin ${tag}`, system.databaseUrl);
  }, 60_000);

  const emailOf = (role: Role) => {
    if (role === 'demoAdmin') return `admin@${CCPA}.example`;
    return role in staff ? staff[role as keyof typeof staff].email : filed[role as Name].email;
  };
  const roles = (): Role[] => ['agentA', 'agentC', 'admin', 'demoAdmin', ...(Object.keys(filed) as Name[])];

  /** A mail as the test names it: references as {A}…, digests and escalations by their day and the requests they list. */
  function label(mail: SunkMail): string {
    const named = (text: string) =>
      Object.entries(filed).reduce((out, [name, r]) => out.replaceAll(r.reference, `{${name}}`), text);
    const day = /^On (\w+,? \d+ \w+ \d+)/m.exec(mail.text)?.[1];
    if (/overdue privacy requests?$/.test(mail.subject)) {
      return `escalation ${day}: ${[...named(mail.text).matchAll(/- \{(\w)\} \([\w ]+\): (\d+ days?) overdue/g)].map((m) => `${m[1]} ${m[2]}`).join(', ')}`;
    }
    if (/: your \d+ open privacy requests?$/.test(mail.subject)) {
      return `digest ${day}: ${[...new Set([...named(mail.text).matchAll(/\{(\w)\}/g)].map((m) => m[1]))].sort().join(',')}`;
    }
    return named(mail.subject);
  }

  /** Labels of the mails a role got since the last step. */
  function fresh(role: Role): string[] {
    return system.sink
      .mailsTo(emailOf(role))
      .slice(consumed.get(role) ?? 0)
      .map(label)
      .sort();
  }

  /**
   * Waits for exactly the expected mails of every role (none for a role not named), then a quiet while in which
   * sweeps and daily checks run several more times, and checks nothing else came, to anyone: each mail once.
   */
  async function expectMails(expected: Partial<Record<Role, string[]>>): Promise<void> {
    const want = Object.fromEntries(roles().map((role) => [role, [...(expected[role] ?? [])].sort()]));
    const deadline = Date.now() + 20_000;
    while (roles().some((role) => fresh(role).length < want[role].length) && Date.now() < deadline) await sleep(50);
    await sleep(QUIET_MS);
    const got = Object.fromEntries(roles().map((role) => [role, fresh(role)]));
    expect(got).toEqual(want);
    for (const role of roles()) consumed.set(role, system.sink.mailsTo(emailOf(role)).length);
    expect(system.sink.mails).toHaveLength([...consumed.values()].reduce((a, b) => a + b, 0));
  }

  /** Moves time to a local time in Chicago, or to an instant. */
  function travelTo(when: string | Date): void {
    clock.advanceTo(typeof when === 'string' ? local(when) : when);
  }

  async function act(
    role: 'agentA' | 'agentC',
    r: Filed,
    action: string,
    fields: Record<string, string> = {},
  ): Promise<void> {
    // Sessions last 12 hours of the moved clock: sign in afresh for each action.
    const client = await signIn(system.baseUrl, staff[role]);
    const response = await client.submitForm(r.page, `${r.page}/${action}`, fields);
    expect(response.status).toBe(303);
  }

  async function file(name: Name, slug: string, rightId: string): Promise<void> {
    const email = `deadline-${name.toLowerCase()}-${tag}@example.org`;
    const reference = await submitRequest(system.baseUrl, slug, email, rightId);
    const [{ id }] = await system.db.query('SELECT id FROM data_subject_request WHERE reference = $1', [reference]);
    filed[name] = { id, email, reference, page: `/staff/orgs/${slug}/requests/${id}` };
  }

  async function row(
    name: Name,
  ): Promise<{ status: string; due_at: Date; acknowledged_at: Date | null; verification_expires_at: Date | null }> {
    const [r] = await system.db.query('SELECT * FROM data_subject_request WHERE id = $1', [filed[name].id]);
    return r;
  }

  /** The request's scheduled events: fired ones marked with a *. */
  async function events(name: Name): Promise<string[]> {
    const rows: { kind: string; key: string; fired_at: Date | null }[] = await system.db.query(
      'SELECT kind, key, fired_at FROM deadline_event WHERE request_id = $1 ORDER BY due_at, kind',
      [filed[name].id],
    );
    return rows.map((e) => `${e.kind} ${e.key}${e.fired_at ? ' *' : ''}`);
  }

  const dueOn = (iso: string) => formatLocalDate(local(`${iso}T12:00`), ZONE);
  const reminder = (name: Name, days: number, due: string) =>
    `Privacy request {${name}} is due in ${days} ${days === 1 ? 'day' : 'days'} (${dueOn(due)})`;
  const digest = (day: string, names: string) => `digest ${dueOn(day)}: ${names}`;
  const escalation = (day: string, overdue: string) => `escalation ${dueOn(day)}: ${overdue}`;
  const refused = (name: Name, organisation: string) => `Your privacy request {${name}} to ${organisation} was refused`;
  const deny = { reason: 'manifestly_unfounded_or_excessive', explanation: 'The same request was answered last week.' };

  it('acknowledges each request at once, with what happens next and the due date, and schedules its reminders', async () => {
    await file('A', CCPA, 'ccpa-know');
    await file('B', CCPA, 'ccpa-know');
    await file('E', CCPA, 'ccpa-know');
    await file('C', GDPR, 'deletion');
    const ack = (name: Name, organisation: string) => `Confirm your privacy request {${name}} to ${organisation}`;
    await expectMails({
      A: [ack('A', CCPA_NAME)],
      B: [ack('B', CCPA_NAME)],
      C: [ack('C', GDPR_NAME)],
      E: [ack('E', CCPA_NAME)],
    });

    const [mailA] = system.sink.mailsTo(filed.A.email);
    expect(mailA.text).toContain('What happens next:');
    expect(mailA.text).toContain(`${CCPA_NAME} must answer by ${dueOn('2031-02-20')}.`);
    expect(mailA.text).toContain(`expires on ${dueOn('2031-01-13')}`);
    const [mailC] = system.sink.mailsTo(filed.C.email);
    expect(mailC.text).toContain(
      `one month from your confirmation to answer: confirmed today, that is by ${dueOn('2031-02-06')}.`,
    );

    // The acknowledgement is recorded, and the request closes with the link it carries.
    const a = await row('A');
    expect(a.acknowledged_at).not.toBeNull();
    const [token] = await system.db.query(
      "SELECT expires_at FROM request_token WHERE request_id = $1 AND purpose = 'verify'",
      [filed.A.id],
    );
    expect(a.verification_expires_at).toEqual(token.expires_at);
    const expiry = (a.verification_expires_at as Date).toISOString();
    // CCPA: 45 days from receipt, reminded from receipt on, even before verification.
    expect(await events('A')).toEqual([
      `verification_reminder ${expiry}`,
      `verification_expiry ${expiry}`,
      'staff_reminder 14d-2031-02-20',
      'staff_reminder 7d-2031-02-20',
      'staff_reminder 3d-2031-02-20',
      'staff_reminder 1d-2031-02-20',
    ]);
    const page = await (await signIn(system.baseUrl, staff.admin)).get(filed.A.page);
    expect(page.body).toMatch(/<dd id="acknowledged">\d+ Jan 2031, 07:\d\d<\/dd>/);
  }, 60_000);

  it('drops the verification events once confirmed and stops reminders while the GDPR clock is paused', async () => {
    for (const name of ['A', 'C', 'E'] as const)
      filed[name].statusUrl = (await confirmFromMail(system.sink, system.baseUrl, filed[name].email)).statusUrl;
    await act('agentA', filed.A, 'claim');
    await act('agentA', filed.E, 'claim');
    await act('agentC', filed.C, 'claim');
    expect(await events('A')).toEqual([
      'staff_reminder 14d-2031-02-20',
      'staff_reminder 7d-2031-02-20',
      'extension_window 2031-02-20',
      'staff_reminder 3d-2031-02-20',
      'staff_reminder 1d-2031-02-20',
    ]);
    expect(await events('C')).toEqual([
      'staff_reminder 14d-2031-02-06',
      'staff_reminder 7d-2031-02-06',
      'extension_window 2031-02-06',
      'staff_reminder 3d-2031-02-06',
      'staff_reminder 1d-2031-02-06',
    ]);
    await act('agentC', filed.C, 'ask', { question: 'Which account should we delete?' });
    expect(await events('C')).toEqual(['extension_window 2031-02-06']);
    await expectMails({ C: ['A question about your privacy request {C} to West Corporation (SchoolMessenger)'] });
  }, 60_000);

  it('sends each member one digest a day from 08:00, however often the check runs', async () => {
    travelTo('2031-01-06T08:30');
    await expectMails({ agentA: [digest('2031-01-06', 'A,E')], agentC: [digest('2031-01-06', 'C')] });
    travelTo('2031-01-06T11:30');
    await expectMails({});
    const [first] = system.sink.mailsTo(staff.agentA.email);
    expect(first.text).toContain(`Due later (2):`);
    expect(first.text).toContain(`- ${filed.A.reference} (access): due ${dueOn('2031-02-20')}, 45 days left`);
    expect(first.text).toContain(`${system.baseUrl}/staff/orgs/${CCPA}/requests/${filed.A.id}`);
    expect(system.sink.mailsTo(staff.agentC.email)[0].text).toContain('Clock paused, awaiting the requester (1):');
  }, 60_000);

  it('reminds an unconfirmed requester with a fresh link that expires with the old one, then closes the request', async () => {
    const b = await row('B');
    const expiresAt = b.verification_expires_at as Date;
    const oldLink = linkIn(system.sink.mailsTo(filed.B.email)[0].text, system.baseUrl, '/v/');
    travelTo(new Date(expiresAt.getTime() - 48 * 3_600_000 + 60_000));
    await expectMails({ B: ['Reminder: confirm your privacy request {B} to Securus Technologies'] });
    const newLink = linkIn(system.sink.mailsTo(filed.B.email)[1].text, system.baseUrl, '/v/');
    const requester = new FormClient(system.baseUrl);
    expect((await requester.get(newLink)).status).toBe(200);
    expect((await requester.get(oldLink)).body).toContain('A newer link replaced this one');
    const tokens = await system.db.query(
      "SELECT expires_at FROM request_token WHERE request_id = $1 AND purpose = 'verify' AND revoked_at IS NULL",
      [filed.B.id],
    );
    expect(tokens).toEqual([{ expires_at: expiresAt }]);

    // Meanwhile C's requester answers: the GDPR clock runs again, 5 days later than it would have.
    const status = filed.C.statusUrl!;
    const reply = await requester.submitForm(status, `${new URL(status).pathname}/reply`, {
      text: 'The account ada-l, please.',
    });
    expect(reply.status).toBe(303);
    expect(await events('C')).toEqual([
      'staff_reminder 14d-2031-02-11',
      'staff_reminder 7d-2031-02-11',
      'extension_window 2031-02-11',
      'staff_reminder 3d-2031-02-11',
      'staff_reminder 1d-2031-02-11',
    ]);

    travelTo(new Date(expiresAt.getTime() + 60_000));
    await expectMails({ B: ['Your privacy request {B} to Securus Technologies was closed'] });
    expect((await row('B')).status).toBe('closed_unverified');
    const closed = system.sink.mailsTo(filed.B.email)[2];
    expect(closed.text).toContain(
      `You have the right to submit a new request at any time, here: ${system.baseUrl}/o/${CCPA}/requests/new`,
    );
    expect((await requester.get(newLink)).status).toBe(410);
    expect(await events('B')).toEqual([
      `verification_reminder ${expiresAt.toISOString()} *`,
      `verification_expiry ${expiresAt.toISOString()} *`,
    ]);
    const [audit] = await system.db.query(
      "SELECT actor_label FROM audit_entry WHERE request_id = $1 AND action = 'request.verification_expired'",
      [filed.B.id],
    );
    expect(audit).toEqual({ actor_label: 'system' });
  }, 60_000);

  it('reminds the assignee at each offset before the moved GDPR due date, and not after the request closes', async () => {
    travelTo('2031-01-28T09:01');
    await expectMails({
      agentC: [reminder('C', 14, '2031-02-11'), digest('2031-01-28', 'C')],
      agentA: [digest('2031-01-28', 'A,E')],
    });
    await act('agentC', filed.C, 'deny', deny);
    await expectMails({ C: [refused('C', GDPR_NAME)] });
    expect(await events('C')).toEqual(['staff_reminder 14d-2031-02-11 *']);
  }, 60_000);

  it('reminds at 14, 7 and 3 days and warns before the extension window closes, once each', async () => {
    travelTo('2031-02-06T09:01');
    await expectMails({
      agentA: [reminder('A', 14, '2031-02-20'), reminder('E', 14, '2031-02-20'), digest('2031-02-06', 'A,E')],
    });
    await act('agentA', filed.E, 'deny', deny);
    await expectMails({ E: [refused('E', CCPA_NAME)] });

    travelTo('2031-02-13T09:01');
    await expectMails({ agentA: [reminder('A', 7, '2031-02-20'), digest('2031-02-13', 'A')] });
    travelTo('2031-02-17T09:01');
    await expectMails({
      agentA: [
        reminder('A', 3, '2031-02-20'),
        `Privacy request {A}: an extension must be sent by ${dueOn('2031-02-20')}`,
        digest('2031-02-17', 'A'),
      ],
    });
    const window = system.sink
      .mailsTo(staff.agentA.email)
      .find((m) => m.subject.includes('an extension must be sent'))!;
    expect(window.text).toContain(`Extended, it is due ${dueOn('2031-04-06')}.`);
  }, 90_000);

  it('re-keys the reminders to the extended due date: the old ones are not sent again, the new ones are', async () => {
    await act('agentA', filed.A, 'extend', { reason: 'The records sit in three archived systems.' });
    await expectMails({ A: ['More time is needed for your privacy request {A} to Securus Technologies'] });
    expect(await events('A')).toEqual([
      'staff_reminder 14d-2031-02-20 *',
      'staff_reminder 7d-2031-02-20 *',
      'extension_window 2031-02-20 *',
      'staff_reminder 3d-2031-02-20 *',
      'staff_reminder 14d-2031-04-06',
      'staff_reminder 7d-2031-04-06',
      'staff_reminder 3d-2031-04-06',
      'staff_reminder 1d-2031-04-06',
    ]);
    travelTo('2031-02-19T09:01');
    await expectMails({ agentA: [digest('2031-02-19', 'A')] });
    for (const [at, days] of [
      ['2031-03-23', 14],
      ['2031-03-30', 7],
      ['2031-04-03', 3],
      ['2031-04-05', 1],
    ] as const) {
      travelTo(`${at}T09:01`);
      await expectMails({ agentA: [reminder('A', days, '2031-04-06'), digest(at, 'A')] });
    }
  }, 120_000);

  it('escalates an overdue request to the admins once a day, and stops when it closes', async () => {
    travelTo('2031-04-07T08:30');
    await expectMails({
      admin: [escalation('2031-04-07', 'A 1 day')],
      demoAdmin: [escalation('2031-04-07', 'A 1 day')],
      agentA: [digest('2031-04-07', 'A')],
    });
    const mailed = system.sink.mailsTo(staff.admin.email).find((m) => m.text.includes(filed.A.reference))!;
    expect(mailed.text).toContain(`${system.baseUrl}/staff/orgs/${CCPA}/requests/${filed.A.id}`);
    expect(system.sink.mailsTo(staff.agentA.email).at(-1)!.text).toContain(
      `was due ${dueOn('2031-04-06')}, 1 day overdue`,
    );

    // The hourly job runs again within the same local day: nothing more.
    travelTo('2031-04-07T09:30');
    await expectMails({});

    travelTo('2031-04-08T08:30');
    await expectMails({
      admin: [escalation('2031-04-08', 'A 2 days')],
      demoAdmin: [escalation('2031-04-08', 'A 2 days')],
      agentA: [digest('2031-04-08', 'A')],
    });
    await act('agentA', filed.A, 'deny', deny);
    await expectMails({ A: [refused('A', CCPA_NAME)] });
    expect((await events('A')).filter((e) => !e.endsWith('*'))).toEqual([]);

    travelTo('2031-04-09T08:30');
    await expectMails({});
  }, 90_000);
});
