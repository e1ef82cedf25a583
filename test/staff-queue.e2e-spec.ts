import { randomBytes } from 'node:crypto';

import { beforeAll, describe, expect, it } from '@jest/globals';
import { DateTime } from 'luxon';

import { addStaffMember, type DataSubjectRequest, Organisation, StaffUser } from '#db';
import { OPEN_STATUSES, REQUEST_STATUSES, type RequestStatus } from '#workflow';

import type { QueueCounts, QueuedRequest } from '../apps/api/src/queue/request-queue.service.js';
import { FormClient, referenceIn } from './support/form-client.js';
import { SIGNED_DECLARATION } from './support/requester.js';
import { createStaff, signIn, type StaffAccount } from './support/staff.js';
import { type StoredRequestInput, storeRequest } from './support/stored-requests.js';
import { useRunningSystem } from './support/system-fixture.js';

const A = 'securus-technologies'; // CCPA and others, America/Chicago
const CHICAGO = 'America/Chicago';
const chicagoDay = (instant: Date) => instant.toLocaleDateString('en-CA', { timeZone: CHICAGO });
const chicagoTime = (instant: Date) =>
  DateTime.fromJSDate(instant, { zone: CHICAGO }).toISO({ suppressMilliseconds: true });
const B = 'west-schoolmessenger'; // GDPR
const DAY_MS = 86_400_000;

interface QueueJson {
  organisation: string;
  counts: QueueCounts;
  items: QueuedRequest[];
  nextCursor: string | null;
  message?: string[];
}

/** The rows this file stores, by name; each requester address carries the run's tag. */
type Key = 'overdue' | 'soon' | 'fresh1' | 'fresh2' | 'closed' | 'sms' | 'waiting' | 'denied' | 'formula' | 'otherOrg';

describe('the processing queue (page, CSV and JSON)', () => {
  const tag = randomBytes(4).toString('hex');
  // Every stored request's address contains this, so a query with q=<mine> sees exactly this file's requests.
  const mine = `q-${tag}-`;
  const formEmail = `Form.${tag}@Example.ORG`;
  const system = useRunningSystem({ sink: false, db: 'typeorm' });
  let agent: FormClient;
  let auditor: FormClient;
  let agentId: string;
  let otherId: string;
  let outsiderId: string;
  let formulaEmail: string;
  let formReference: string;
  let countsBefore: QueueCounts;
  const rows = {} as Record<Key, DataSubjectRequest>;

  const ref = (...keys: Key[]) => keys.map((k) => rows[k].reference).sort();

  async function json(client: FormClient, slug: string, query: string): Promise<{ status: number; json: QueueJson }> {
    return client.getJson<QueueJson>(`/api/orgs/${slug}/requests?${query}`);
  }

  /** Every page of the JSON queue for the query, in order. */
  async function walk(slug: string, query: string, limit = 200): Promise<QueuedRequest[]> {
    const items: QueuedRequest[] = [];
    let cursor: string | null = null;
    do {
      const page = await json(agent, slug, `${query}&limit=${limit}${cursor ? `&cursor=${cursor}` : ''}`);
      expect(page.status).toBe(200);
      items.push(...page.json.items);
      cursor = page.json.nextCursor;
    } while (cursor);
    return items;
  }

  /** References of this file's requests matching the filters. */
  const matching = async (slug: string, filters: string) =>
    (await walk(slug, `q=${mine}&${filters}`)).map((i) => i.reference).sort();

  beforeAll(async () => {
    const idOf = async (account: StaffAccount) =>
      (await system.db.getRepository(StaffUser).findOneByOrFail({ email: account.email })).id;
    const agentAccount = await createStaff({ [A]: 'agent', [B]: 'agent' }, 'Queue Agent');
    const otherAccount = await createStaff({ [A]: 'agent' }, 'Other Agent');
    const outsiderAccount = await createStaff({ [B]: 'agent' }, 'Outside Agent');
    const auditorAccount = await createStaff({ [A]: 'auditor' }, 'Queue Auditor');
    [agentId, otherId, outsiderId] = await Promise.all([idOf(agentAccount), idOf(otherAccount), idOf(outsiderAccount)]);
    // A staff address a spreadsheet would run as a formula, to see the export defuse it.
    const organisationA = await system.db.getRepository(Organisation).findOneByOrFail({ slug: A });
    formulaEmail = `=2+3-${tag}@example.org`;
    const formula = await addStaffMember(system.db.manager, {
      email: formulaEmail,
      name: 'Formula Person',
      password: randomBytes(12).toString('base64url'),
      organisationId: organisationA.id,
      role: 'agent',
    });
    agent = await signIn(system.baseUrl, agentAccount);
    auditor = await signIn(system.baseUrl, auditorAccount);
    countsBefore = (await json(agent, A, 'limit=1')).json.counts;

    const ago = (days: number) => new Date(Date.now() - days * DAY_MS);
    const store = async (key: Key, input: Omit<StoredRequestInput, 'email'>) => {
      rows[key] = await storeRequest(system.db, { ...input, email: `${mine}${key}@example.org` });
    };
    // CCPA: 45 days from receipt. 60 days ago: overdue; 40 days ago: 5 of 45 days left, under a quarter.
    await store('overdue', {
      slug: A,
      rightId: 'ccpa-know',
      status: 'in_progress',
      channel: 'web',
      receivedAt: ago(60),
      assigneeId: agentId,
    });
    await store('soon', { slug: A, rightId: 'ccpa-know', status: 'verified', channel: 'email', receivedAt: ago(40) });
    // Received together: the same due date, so their order rests on the id.
    await store('fresh1', {
      slug: A,
      rightId: 'ccpa-categories',
      status: 'unverified',
      channel: 'web',
      receivedAt: ago(0),
      assigneeId: otherId,
    });
    await store('fresh2', {
      slug: A,
      rightId: 'ccpa-categories',
      status: 'unverified',
      channel: 'web',
      receivedAt: ago(0),
    });
    // Past their due dates but closed: never overdue.
    await store('closed', {
      slug: A,
      rightId: 'marketing-email-opt-out',
      status: 'fulfilled',
      channel: 'email',
      receivedAt: ago(30),
      assigneeId: agentId,
    });
    await store('denied', { slug: A, rightId: 'ccpa-know', status: 'denied', channel: 'api', receivedAt: ago(100) });
    // 10 business days from two days ago: 11 to 14 days left.
    await store('sms', { slug: A, rightId: 'text-opt-out', status: 'verified', channel: 'sms', receivedAt: ago(2) });
    // Regime none, the organisation's 30-day target: 20 days left.
    await store('waiting', {
      slug: A,
      rightId: 'correction',
      status: 'awaiting_requester',
      channel: 'agent',
      receivedAt: ago(10),
      assigneeId: agentId,
    });
    await store('formula', {
      slug: A,
      rightId: 'ccpa-know',
      status: 'in_progress',
      channel: 'api',
      receivedAt: ago(20),
      assigneeId: formula.id,
    });
    await store('otherOrg', {
      slug: B,
      rightId: 'access',
      status: 'in_progress',
      channel: 'web',
      receivedAt: ago(5),
      assigneeId: agentId,
    });

    // One request as a requester files it, with a mixed-case address.
    const response = await new FormClient(system.baseUrl).submitForm(`/o/${A}/requests/new`, `/o/${A}/requests`, {
      name: 'Ada Lovelace',
      email: formEmail,
      phone: '',
      rightId: 'ccpa-know',
      relationship: 'self',
      details: '',
      website: '',
      ...SIGNED_DECLARATION,
    });
    expect(response.status).toBe(201);
    formReference = referenceIn(response.body);
  }, 60_000);

  it('filters by status, with open meaning every open status', async () => {
    expect(await matching(A, 'status=all')).toEqual(
      ref('overdue', 'soon', 'fresh1', 'fresh2', 'closed', 'sms', 'waiting', 'denied', 'formula'),
    );
    // The JSON lists every status when none is asked for.
    expect(await matching(A, '')).toEqual(await matching(A, 'status=all'));
    expect(await matching(A, 'status=open')).toEqual(
      ref('overdue', 'soon', 'fresh1', 'fresh2', 'sms', 'waiting', 'formula'),
    );
    expect(await matching(A, 'status=unverified')).toEqual(ref('fresh1', 'fresh2'));
    expect(await matching(A, 'status=in_progress')).toEqual(ref('overdue', 'formula'));
    expect(await matching(A, 'status=awaiting_requester')).toEqual(ref('waiting'));
    expect(await matching(A, 'status=fulfilled')).toEqual(ref('closed'));
    expect(await matching(A, 'status=withdrawn')).toEqual([]);
  });

  it('filters by type, regime and channel', async () => {
    expect(await matching(A, 'type=categories')).toEqual(ref('fresh1', 'fresh2'));
    expect(await matching(A, 'type=access')).toEqual(ref('overdue', 'soon', 'denied', 'formula'));
    expect(await matching(A, 'type=opt_out_marketing_sms')).toEqual(ref('sms'));
    expect(await matching(A, 'regime=ccpa')).toEqual(ref('overdue', 'soon', 'fresh1', 'fresh2', 'denied', 'formula'));
    expect(await matching(A, 'regime=can_spam')).toEqual(ref('closed'));
    expect(await matching(A, 'regime=none')).toEqual(ref('waiting'));
    expect(await matching(A, 'channel=email')).toEqual(ref('soon', 'closed'));
    expect(await matching(A, 'channel=api')).toEqual(ref('denied', 'formula'));
    expect(await matching(A, 'channel=agent')).toEqual(ref('waiting'));
    expect(await matching(A, 'channel=gpc')).toEqual([]);
  });

  it('filters by assignee: me, unassigned, or a member of the organisation', async () => {
    // 'me' is the signed-in agent; their request in the other organisation stays out.
    expect(await matching(A, 'assignee=me')).toEqual(ref('overdue', 'closed', 'waiting'));
    expect(await matching(A, 'assignee=none')).toEqual(ref('soon', 'fresh2', 'sms', 'denied'));
    expect(await matching(A, `assignee=${otherId}`)).toEqual(ref('fresh1'));
    expect(await matching(A, `assignee=${agentId}`)).toEqual(await matching(A, 'assignee=me'));
    expect(await matching(B, 'assignee=me')).toEqual(ref('otherOrg'));
    const item = (await walk(A, `q=${mine}fresh1`))[0];
    expect(item.assignee).toEqual({ id: otherId, name: 'Other Agent', email: expect.stringMatching(/@example\.org$/) });
    expect((await walk(A, `q=${mine}fresh2`))[0].assignee).toBeNull();
  });

  it('filters by days left in the organisation time zone and by overdue', async () => {
    expect(await matching(A, 'status=open&dueWithinDays=0')).toEqual(ref('overdue'));
    expect(await matching(A, 'status=open&dueWithinDays=7')).toEqual(ref('overdue', 'soon'));
    expect(await matching(A, 'status=open&dueWithinDays=16')).toEqual(ref('overdue', 'soon', 'sms'));
    // Closed requests keep their due dates; without a status filter they count as due.
    expect(await matching(A, 'dueWithinDays=7')).toEqual(ref('overdue', 'soon', 'closed', 'denied'));
    for (const item of await walk(A, `q=${mine}&status=open&dueWithinDays=16`))
      expect(item.daysLeft).toBeLessThanOrEqual(16);
    expect(await matching(A, 'overdue=true')).toEqual(ref('overdue'));
    expect(await matching(A, 'overdue=false')).toEqual(
      ref('soon', 'fresh1', 'fresh2', 'closed', 'sms', 'waiting', 'denied', 'formula'),
    );
    expect(await matching(A, 'status=open&assignee=me&regime=ccpa&overdue=true')).toEqual(ref('overdue'));
    expect(await matching(A, 'status=open&assignee=me&regime=ccpa&overdue=false')).toEqual([]);
  });

  it('searches by exact reference and by requester address, case-insensitively', async () => {
    const search = async (slug: string, q: string) =>
      (await walk(slug, `status=all&q=${encodeURIComponent(q)}`)).map((i) => i.reference);
    expect(await search(A, rows.soon.reference)).toEqual([rows.soon.reference]);
    expect(await search(A, ` ${rows.soon.reference.toLowerCase()} `)).toEqual([rows.soon.reference]);
    // A reference of another organisation finds nothing here, and is found in its own.
    expect(await search(A, rows.otherOrg.reference)).toEqual([]);
    expect(await search(B, rows.otherOrg.reference)).toEqual([rows.otherOrg.reference]);
    // The form request: prefix, substring, any case.
    expect(await search(A, `form.${tag}`)).toEqual([formReference]);
    expect(await search(A, `${tag}@EXAMPLE.org`)).toEqual([formReference]);
    expect(await search(A, `FORM.${tag}@example.org`)).toEqual([formReference]);
    expect(await search(A, `${mine}soon@`)).toEqual([rows.soon.reference]);
    // LIKE wildcards are literal: no address holds a % or _.
    expect(await search(A, `${mine}%`)).toEqual([]);
    expect(await search(A, `${mine}_oon`)).toEqual([]);
    expect(await search(A, `nobody-${tag}`)).toEqual([]);
  });

  it('counts every status of the organisation, and the open total', async () => {
    const { json: body } = await json(agent, A, `q=${mine}&status=withdrawn`);
    const added: Partial<Record<RequestStatus, number>> = {
      in_progress: 2,
      verified: 2,
      unverified: 3,
      awaiting_requester: 1,
      fulfilled: 1,
      denied: 1,
    };
    for (const status of REQUEST_STATUSES)
      expect(body.counts.byStatus[status]).toBe(countsBefore.byStatus[status] + (added[status] ?? 0));
    expect(body.counts.open).toBe(countsBefore.open + 8);
    expect(body.counts.open).toBe(OPEN_STATUSES.reduce((sum, s) => sum + body.counts.byStatus[s], 0));
    expect(body.counts.total).toBe(countsBefore.total + 10);
    // The counts are the organisation's, whatever the filters: this query matched nothing.
    expect(body.items).toEqual([]);

    const page = await agent.get(`/staff/orgs/${A}/requests`);
    expect(page.body).toContain(`data-status="open">${body.counts.open}<`);
    expect(page.body).toContain(`data-status="unverified">${body.counts.byStatus.unverified}<`);
    expect(page.body).toContain(`data-status="all">${body.counts.total}<`);
  });

  it('pages a filtered queue soonest due first, with no gaps or repeats', async () => {
    const whole = await walk(A, `q=${mine}&status=open`);
    const paged = await walk(A, `q=${mine}&status=open`, 2);
    expect(paged.map((i) => i.id)).toEqual(whole.map((i) => i.id));
    expect(new Set(paged.map((i) => i.id)).size).toBe(7);
    const order = [...whole].sort((x, y) => x.dueAt.localeCompare(y.dueAt) || x.id.localeCompare(y.id));
    expect(whole.map((i) => i.id)).toEqual(order.map((i) => i.id));
    expect(rows.fresh1.dueAt.getTime()).toBe(rows.fresh2.dueAt.getTime());

    // The page's "Next page" link carries the filters and the cursor.
    const seen: string[] = [];
    let path: string | null = `/staff/orgs/${A}/requests?q=${mine}&regime=ccpa&limit=2`;
    while (path) {
      const page = await agent.get(path);
      expect(page.status).toBe(200);
      seen.push(...[...page.body.matchAll(/data-reference="([^"]+)"/g)].map((m) => m[1]));
      const next = /<a rel="next" href="([^"]+)">Next page<\/a>/.exec(page.body);
      path = next ? next[1].replaceAll('&amp;', '&') : null;
      if (path) expect(path).toContain('regime=ccpa');
    }
    expect(seen).toEqual((await walk(A, `q=${mine}&status=open&regime=ccpa`)).map((i) => i.reference));
    expect([...seen].sort()).toEqual(ref('overdue', 'soon', 'fresh1', 'fresh2', 'formula'));
  });

  it('renders the page with filters kept, overdue and due-soon rows, assignees, and links', async () => {
    const page = await agent.get(`/staff/orgs/${A}/requests?q=${mine}&type=access`);
    expect(page.status).toBe(200);
    const classes = new Map(
      [...page.body.matchAll(/<tr(?: class="([^"]+)")? data-reference="([^"]+)"/g)].map((m) => [m[2], m[1] ?? '']),
    );
    // Open by default: the denied one stays out.
    expect([...classes.keys()].sort()).toEqual(ref('overdue', 'soon', 'formula'));
    expect(classes.get(rows.overdue.reference)).toBe('overdue');
    expect(classes.get(rows.soon.reference)).toBe('due-soon');
    expect(classes.get(rows.formula.reference)).toBe('');
    expect(page.body).toContain(`href="/staff/orgs/${A}/requests/${rows.overdue.id}"`);
    expect(page.body).toContain('Queue Agent');
    expect(page.body).toContain('Formula Person');
    expect(page.body).toContain('<option value="access" selected>');
    expect(page.body).toContain('<option value="open" selected>');
    expect(page.body).toContain(`name="q" id="f-q" value="${mine}"`);
    expect(page.body).toContain(`href="/staff/orgs/${A}/requests.csv?status=open&amp;type=access&amp;q=${mine}"`);
    // Requester names and addresses are not shown.
    expect(page.body).not.toContain('Stored Requester');
    expect(page.body).not.toContain(`${mine}overdue@`);

    const my = await agent.get(`/staff/orgs/${A}/requests?assignee=me&q=${mine}`);
    expect([...my.body.matchAll(/data-reference="([^"]+)"/g)].map((m) => m[1]).sort()).toEqual(
      ref('overdue', 'waiting'),
    );
    expect(my.body).toContain('<option value="me" selected>');

    const empty = await agent.get(`/staff/orgs/${A}/requests?q=nobody-${tag}`);
    expect(empty.body).toContain('No requests match these filters');
  });

  it('exports the filtered queue as CSV, without requester data and with formulas defused', async () => {
    const response = await agent.get(`/staff/orgs/${A}/requests.csv?q=${mine}&status=all`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^text\/csv/);
    expect(response.headers.get('content-disposition')).toBe(`attachment; filename="${A}-requests.csv"`);
    const csv = response.body;
    const lines = csv.split('\r\n');
    expect(lines.pop()).toBe('');
    expect(lines[0]).toBe(
      'reference,type,regime,channel,status,assignee_email,time_zone,received_at,verified_at,due_on,extended_due_on,days_left,closed_at',
    );
    const byReference = new Map(lines.slice(1).map((line) => [line.split(',')[0], line.split(',')]));
    expect([...byReference.keys()].sort()).toEqual(
      ref('overdue', 'soon', 'fresh1', 'fresh2', 'closed', 'sms', 'waiting', 'denied', 'formula'),
    );

    const overdue = byReference.get(rows.overdue.reference)!;
    expect(overdue.slice(1, 7)).toEqual(['access', 'ccpa', 'web', 'in_progress', await emailOf(agentId), CHICAGO]);
    // Dates as Chicago reads them: a due date is the local day (its end is already the next day in UTC).
    expect(overdue[7]).toBe(chicagoTime(rows.overdue.receivedAt));
    expect(overdue[9]).toBe(chicagoDay(rows.overdue.dueAt));
    expect(overdue[9]).not.toBe(rows.overdue.dueAt.toISOString().slice(0, 10));
    expect(Number(overdue[11])).toBeLessThan(0);
    expect(overdue[12]).toBe('');
    const closed = byReference.get(rows.closed.reference)!;
    expect(closed[11]).toBe('');
    expect(closed[12]).toBe(chicagoTime(rows.closed.closedAt!));
    expect(byReference.get(rows.fresh2.reference)![5]).toBe('');
    expect(byReference.get(rows.fresh2.reference)![8]).toBe('');
    expect(byReference.get(rows.formula.reference)![5]).toBe(`'${formulaEmail}`);
    expect(csv).not.toContain(mine);
    expect(csv).not.toContain('Stored Requester');

    // Rows in due order, as on the page.
    const dueOrder = lines.slice(1).map((line) => line.split(',')[9]);
    expect(dueOrder).toEqual([...dueOrder].sort());
  });

  it('lets an auditor read the queue and export it', async () => {
    const page = await auditor.get(`/staff/orgs/${A}/requests?q=${mine}`);
    expect(page.status).toBe(200);
    expect(page.body).toContain(rows.overdue.reference);
    const { status, json: body } = await json(auditor, A, `q=${mine}&status=open`);
    expect(status).toBe(200);
    expect(body.items.map((i) => i.reference).sort()).toEqual(
      ref('overdue', 'soon', 'fresh1', 'fresh2', 'sms', 'waiting', 'formula'),
    );
    const csv = await auditor.get(`/staff/orgs/${A}/requests.csv?q=${mine}&overdue=true`);
    expect(csv.status).toBe(200);
    expect(
      csv.body
        .split('\r\n')
        .filter(Boolean)
        .map((l) => l.split(',')[0]),
    ).toEqual(['reference', rows.overdue.reference]);
    // The auditor is no member of B.
    expect((await auditor.get(`/staff/orgs/${B}/requests`)).status).toBe(404);
    expect((await auditor.get(`/staff/orgs/${B}/requests.csv`)).status).toBe(404);
    expect((await json(auditor, B, '')).status).toBe(404);
  });

  it("never shows another organisation's requests", async () => {
    expect(await matching(B, 'status=all')).toEqual(ref('otherOrg'));
    for (const query of [
      `status=all&q=${mine}`,
      `assignee=me&q=${mine}`,
      'status=in_progress',
      `q=${rows.otherOrg.reference}`,
    ]) {
      expect((await walk(A, query)).map((i) => i.id)).not.toContain(rows.otherOrg.id);
    }
    const page = await agent.get(`/staff/orgs/${A}/requests?status=all&q=${mine}`);
    expect(page.body).not.toContain(rows.otherOrg.reference);
    const csv = await agent.get(`/staff/orgs/${A}/requests.csv?q=${mine}`);
    expect(csv.body).not.toContain(rows.otherOrg.reference);
    expect((await agent.get('/staff/orgs/prontotrak/requests')).status).toBe(404);
  });

  it('refuses bad filter values with a 400 naming the problem', async () => {
    const cases: [string, string][] = [
      ['status=lost', 'status must be one of open (every open status), all, unverified'],
      ['type=everything', 'type must be one of access'],
      ['regime=wild_west', 'regime must be one of ccpa'],
      ['channel=fax', 'channel must be one of web, email, sms, api, agent, gpc'],
      ['assignee=someone', 'assignee must be me, none, or the id of a staff member of this organisation'],
      [`assignee=${outsiderId}`, 'assignee must be me, none, or the id of a staff member of this organisation'],
      ['dueWithinDays=-1', 'dueWithinDays must be a whole number of days (0 or more)'],
      ['dueWithinDays=1.5', 'dueWithinDays must be a whole number of days (0 or more)'],
      ['dueWithinDays=soon', 'dueWithinDays must be a whole number of days (0 or more)'],
      ['overdue=yes', 'overdue must be true or false'],
      [`q=${'x'.repeat(255)}`, 'q can be at most 254 characters'],
      ['colour=red', 'property colour should not exist'],
    ];
    for (const [query, message] of cases) {
      const response = await json(agent, A, query);
      expect([query, response.status]).toEqual([query, 400]);
      expect(response.json.message?.join(' ')).toContain(message);
      const page = await agent.get(`/staff/orgs/${A}/requests?${query}`);
      expect([query, page.status]).toEqual([query, 400]);
      expect(page.body).toContain(message.split(' (')[0]);
      expect((await agent.get(`/staff/orgs/${A}/requests.csv?${query}`)).status).toBe(400);
    }
    // Paging is not part of an export: it holds every matching row.
    expect((await agent.get(`/staff/orgs/${A}/requests.csv?limit=5`)).status).toBe(400);
    // Empty form fields mean "no filter".
    expect(
      (await agent.get(`/staff/orgs/${A}/requests?type=&regime=&channel=&assignee=&dueWithinDays=&q=`)).status,
    ).toBe(200);
  });

  it('answers a crafted cursor with a 400, never a 500', async () => {
    const crafted = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');
    const uuid = '00000000-0000-4000-8000-000000000000';
    const cursors = [
      // Dates Date.parse takes but PostgreSQL does not, or not as a date at all.
      crafted(['1', uuid]),
      crafted(['+275760-09-13T00:00:00.000Z', uuid]),
      crafted(['0000-01-01T00:00:00.000Z', uuid]),
      crafted(['Tue, 01 Jan 2030', uuid]),
      // An id of the right length and alphabet that is no UUID.
      crafted(['2030-01-01T00:00:00.000Z', '-'.repeat(36)]),
      crafted(['2030-01-01T00:00:00.000Z', 'f'.repeat(36)]),
      crafted({ dueAt: '2030-01-01T00:00:00.000Z', id: uuid }),
      crafted(['2030-01-01T00:00:00.000Z', uuid, 'more']),
      crafted(null),
      'bm90LWpzb24',
    ];
    for (const cursor of cursors) {
      const response = await json(agent, A, `cursor=${cursor}`);
      expect({ cursor, status: response.status }).toEqual({ cursor, status: 400 });
      expect(response.json.message?.join(' ') ?? String(response.json.message)).toContain(
        'cursor must be a nextCursor value from a previous page',
      );
      expect({ cursor, page: (await agent.get(`/staff/orgs/${A}/requests?cursor=${cursor}`)).status }).toEqual({
        cursor,
        page: 400,
      });
    }
    // A real one still works.
    expect((await json(agent, A, `cursor=${crafted(['2030-01-01T00:00:00.000Z', uuid])}`)).status).toBe(200);
  });

  async function emailOf(userId: string): Promise<string> {
    return (await system.db.getRepository(StaffUser).findOneByOrFail({ id: userId })).email;
  }
});
