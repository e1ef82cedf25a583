import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';

import { createDataSource, type DataSubjectRequest } from '#db';
import { type DenialReason, reportPeriod, type RequestStatus } from '#workflow';

import type { FormClient } from './support/form-client.js';
import { createStaff, signIn } from './support/staff.js';
import { storeRequest } from './support/stored-requests.js';
import { useRunningSystem } from './support/system-fixture.js';
import { testDatabaseUrl } from './support/test-env.js';

// ProntoTrak counts days in New York: EST (UTC-5) until 10 March 2024, EDT (UTC-4) after.
const SLUG = 'prontotrak';
const MARCH = 'from=2024-03-01&to=2024-03-31';

interface Fixture {
  slug?: string;
  rightId: string;
  status: RequestStatus;
  receivedAt: string;
  /** Whole hours from receipt to closing, for closed statuses. */
  closedAfterHours?: number;
  denialReason?: DenialReason;
}

const IN_MARCH: Fixture[] = [
  { rightId: 'ccpa-deletion', status: 'fulfilled', receivedAt: '2024-03-01T05:30:00Z', closedAfterHours: 242 }, // 1 Mar 00:30 local
  { rightId: 'ccpa-deletion', status: 'fulfilled', receivedAt: '2024-03-05T15:00:00Z', closedAfterHours: 100 },
  {
    rightId: 'ccpa-deletion',
    status: 'partially_fulfilled',
    receivedAt: '2024-03-12T15:00:00Z',
    closedAfterHours: 500,
  },
  {
    rightId: 'ccpa-deletion',
    status: 'denied',
    denialReason: 'identity_not_verified',
    receivedAt: '2024-03-15T15:00:00Z',
    closedAfterHours: 31,
  },
  {
    rightId: 'ccpa-deletion',
    status: 'denied',
    denialReason: 'frequency_limit_exceeded',
    receivedAt: '2024-03-25T15:00:00Z',
    closedAfterHours: 400,
  },
  { rightId: 'ccpa-deletion', status: 'in_progress', receivedAt: '2024-03-20T15:00:00Z' },
  {
    rightId: 'deletion',
    status: 'denied',
    denialReason: 'manifestly_unfounded_or_excessive',
    receivedAt: '2024-03-02T15:00:00Z',
    closedAfterHours: 47,
  },
  { rightId: 'deletion', status: 'withdrawn', receivedAt: '2024-03-03T15:00:00Z', closedAfterHours: 5 },
  { rightId: 'deletion', status: 'unverified', receivedAt: '2024-03-04T15:00:00Z' },
  { rightId: 'ccpa-categories', status: 'redirected', receivedAt: '2024-03-06T15:00:00Z', closedAfterHours: 73 },
  {
    rightId: 'ccpa-categories',
    status: 'closed_unverified',
    receivedAt: '2024-03-07T15:00:00Z',
    closedAfterHours: 170,
  },
  { rightId: 'ccpa-categories', status: 'awaiting_requester', receivedAt: '2024-04-01T03:30:00Z' }, // 31 Mar 23:30 local
  { rightId: 'marketing-email-opt-out', status: 'fulfilled', receivedAt: '2024-03-10T15:00:00Z', closedAfterHours: 2 },
];

const OUTSIDE_MARCH: Fixture[] = [
  { rightId: 'ccpa-deletion', status: 'fulfilled', receivedAt: '2024-03-01T04:30:00Z', closedAfterHours: 10 }, // 29 Feb 23:30 local
  {
    rightId: 'ccpa-categories',
    status: 'denied',
    denialReason: 'identity_not_verified',
    receivedAt: '2024-04-01T04:30:00Z',
    closedAfterHours: 20,
  }, // 1 Apr 00:30 local
  // Another organisation's request in the same month: never counted for ProntoTrak.
  {
    slug: 'securus-technologies',
    rightId: 'ccpa-know',
    status: 'fulfilled',
    receivedAt: '2024-03-15T15:00:00Z',
    closedAfterHours: 1000,
  },
];

const COUNTED_STATUSES = [
  'fulfilled',
  'partially_fulfilled',
  'denied',
  'withdrawn',
  'redirected',
  'closed_unverified',
] as const;
const OPEN: RequestStatus[] = ['unverified', 'verified', 'in_progress', 'awaiting_requester'];

/** Half-up rounding to tenths of numerator/denominator in integers, as PostgreSQL rounds the exact value. */
function tenths(numerator: number, denominator: number): string {
  const t = Math.floor((20 * numerator + denominator) / (2 * denominator));
  return `${Math.floor(t / 10)}.${t % 10}`;
}

/** What the report must say about a set of stored requests, in the CSV's columns. */
function expectedFigures(rows: { request: DataSubjectRequest; fixture: Fixture }[]): Record<string, string> {
  const closedHours = rows
    .filter((r) => !OPEN.includes(r.fixture.status))
    .map((r) => r.fixture.closedAfterHours!)
    .sort((a, b) => a - b);
  const count = (status: RequestStatus) => String(rows.filter((r) => r.fixture.status === status).length);
  const middle = Math.floor(closedHours.length / 2);
  const sum = closedHours.reduce((a, b) => a + b, 0);
  const figures: Record<string, string> = {
    received: String(rows.length),
    ...Object.fromEntries(COUNTED_STATUSES.map((s) => [s, count(s)])),
    still_open: String(rows.filter((r) => OPEN.includes(r.fixture.status)).length),
    closed: String(closedHours.length),
    mean_days_to_close: closedHours.length === 0 ? '' : tenths(sum, 24 * closedHours.length),
    median_days_to_close:
      closedHours.length === 0
        ? ''
        : closedHours.length % 2 === 1
          ? tenths(closedHours[middle], 24)
          : tenths(closedHours[middle - 1] + closedHours[middle], 48),
  };
  for (const reason of [
    'identity_not_verified',
    'frequency_limit_exceeded',
    'manifestly_unfounded_or_excessive',
  ] as const) {
    figures[`denied_${reason}`] = String(rows.filter((r) => r.fixture.denialReason === reason).length);
  }
  return figures;
}

function parseCsv(text: string): Record<string, string>[] {
  expect(text.endsWith('\r\n')).toBe(true);
  const [header, ...lines] = text
    .slice(0, -2)
    .split('\r\n')
    .map((line) => line.split(','));
  return lines.map((cells) => Object.fromEntries(header.map((name, i) => [name, cells[i]])));
}

/** The text of each cell of each row of the table under a heading id. */
function tableRows(page: string, headingId: string): string[][] {
  const table = new RegExp(`<table aria-labelledby="${headingId}">([\\s\\S]*?)</table>`).exec(page);
  if (!table) throw new Error(`no table for #${headingId}`);
  const body = table[1].replace(/<thead>[\s\S]*?<\/thead>/, '');
  return [...body.matchAll(/<tr>([\s\S]*?)<\/tr>/g)].map((row) =>
    [...row[1].matchAll(/<t[dh][^>]*>([\s\S]*?)<\/t[dh]>/g)].map((cell) => cell[1].replace(/<[^>]+>/g, '').trim()),
  );
}

describe('reports: the CCPA §7102(a) metrics of an organisation', () => {
  const system = useRunningSystem({ sink: false });
  let auditor: FormClient;
  let stored: { request: DataSubjectRequest; fixture: Fixture }[];

  beforeAll(async () => {
    auditor = await signIn(system.baseUrl, await createStaff({ [SLUG]: 'auditor' }, 'Report Reader'));
    const dataSource = await createDataSource(testDatabaseUrl(), { poolSize: 1 }).initialize();
    try {
      stored = [];
      for (const fixture of [...IN_MARCH, ...OUTSIDE_MARCH]) {
        const receivedAt = new Date(fixture.receivedAt);
        const request = await storeRequest(dataSource, {
          slug: fixture.slug ?? SLUG,
          rightId: fixture.rightId,
          status: fixture.status,
          channel: 'web',
          receivedAt,
          email: 'reported@example.org',
        });
        const closedAt =
          fixture.closedAfterHours === undefined
            ? null
            : new Date(receivedAt.getTime() + fixture.closedAfterHours * 3_600_000);
        await dataSource.query('UPDATE data_subject_request SET closed_at = $2, denial_reason = $3 WHERE id = $1', [
          request.id,
          closedAt,
          fixture.denialReason ?? null,
        ]);
        stored.push({ request, fixture });
      }
    } finally {
      await dataSource.destroy();
    }
  }, 60_000);

  afterAll(async () => {
    // The rows are far in the past and have no timeline: remove them so other tests' queues do not see them.
    if (stored?.length) {
      const dataSource = await createDataSource(testDatabaseUrl(), { poolSize: 1 }).initialize();
      await dataSource.query('DELETE FROM data_subject_request WHERE id = ANY($1)', [stored.map((s) => s.request.id)]);
      await dataSource.destroy();
    }
  });

  const inMarch = () => stored.filter((s) => IN_MARCH.includes(s.fixture));

  it('counts each outcome per regime and request type, with mean and median days to close', async () => {
    const csv = await auditor.get(`/staff/orgs/${SLUG}/reports.csv?${MARCH}`);
    expect(csv.status).toBe(200);
    expect(csv.headers.get('content-type')).toMatch(/^text\/csv; charset=utf-8/);
    expect(csv.headers.get('content-disposition')).toBe(
      'attachment; filename=prontotrak-requests-2024-03-01-to-2024-03-31.csv',
    );
    const rows = parseCsv(csv.body);
    expect(Object.keys(rows[0]).slice(0, 5)).toEqual([
      'period_from',
      'period_to',
      'time_zone',
      'regime',
      'request_type',
    ]);
    // The period is of local days: the zone they are days of is named on every line.
    expect(new Set(rows.map((r) => r.time_zone))).toEqual(new Set(['America/New_York']));

    const groups = new Map<string, { request: DataSubjectRequest; fixture: Fixture }[]>();
    for (const s of inMarch())
      groups.set(`${s.request.regime}/${s.request.type}`, [
        ...(groups.get(`${s.request.regime}/${s.request.type}`) ?? []),
        s,
      ]);
    expect([...groups.keys()].sort()).toEqual([
      'can_spam/opt_out_marketing_email',
      'ccpa/categories',
      'ccpa/deletion',
      'none/deletion',
    ]);
    for (const [group, members] of groups) {
      const row = rows.find((r) => `${r.regime}/${r.request_type}` === group);
      expect({ group, ...row }).toMatchObject({
        group,
        period_from: '2024-03-01',
        period_to: '2024-03-31',
        ...expectedFigures(members),
      });
    }
    const total = rows.at(-1)!;
    expect(total).toMatchObject({ regime: 'all', request_type: 'all', ...expectedFigures(inMarch()) });
    // Hand-checked anchors of the computation: CCPA deletion closes after 31, 100, 242, 400 and 500 hours.
    expect(rows.find((r) => r.regime === 'ccpa' && r.request_type === 'deletion')).toMatchObject({
      received: '6',
      mean_days_to_close: '10.6',
      median_days_to_close: '10.1',
    });

    // Every right the policy grants has a line, received or not; the other organisation's CCPA access request has none.
    expect(rows.find((r) => r.regime === 'none' && r.request_type === 'access')).toMatchObject({
      received: '0',
      mean_days_to_close: '',
    });
    expect(rows.some((r) => r.request_type === 'access' && r.regime === 'ccpa')).toBe(false);
  });

  it("counts a request by its receipt's local day in the organisation's time zone", async () => {
    const total = async (from: string, to: string) =>
      parseCsv((await auditor.get(`/staff/orgs/${SLUG}/reports.csv?from=${from}&to=${to}`)).body).at(-1)!.received;
    // 05:30Z on 1 March is 00:30 in New York; 04:30Z is still 29 February.
    expect(await total('2024-03-01', '2024-03-01')).toBe('1');
    expect(await total('2024-02-29', '2024-02-29')).toBe('1');
    // 03:30Z on 1 April is 23:30 on 31 March (EDT); 04:30Z is 1 April.
    expect(await total('2024-03-31', '2024-03-31')).toBe('1');
    expect(await total('2024-04-01', '2024-04-01')).toBe('1');
    expect(await total('2024-02-29', '2024-04-01')).toBe(String(IN_MARCH.length + 2));
  });

  it('shows the same figures on the page as in the CSV', async () => {
    const page = await auditor.get(`/staff/orgs/${SLUG}/reports?${MARCH}`);
    expect(page.status).toBe(200);
    expect(page.body).toContain('<h1>Reports</h1>');
    expect(page.body).toContain('Requests received from Friday, 1 March 2024 to Sunday, 31 March 2024');
    expect(page.body).toContain(`href="/staff/orgs/${SLUG}/reports.csv?from=2024-03-01&amp;to=2024-03-31"`);
    const csv = parseCsv((await auditor.get(`/staff/orgs/${SLUG}/reports.csv?${MARCH}`)).body);
    const columns = [
      'received',
      'fulfilled',
      'partially_fulfilled',
      'denied',
      'withdrawn',
      'redirected',
      'closed_unverified',
      'still_open',
      'mean_days_to_close',
      'median_days_to_close',
    ];
    const shown = tableRows(page.body, 'by-type');
    expect(shown).toHaveLength(csv.length);
    shown.forEach((cells, i) => expect(cells.slice(-columns.length)).toEqual(columns.map((c) => csv[i][c])));
    expect(shown.at(-1)![0]).toBe('All requests');

    // The denials table lists each reason of each line, and the totals.
    const denials = tableRows(page.body, 'denials').map((cells) => cells.at(-1));
    const fromCsv = csv.flatMap((r) =>
      Object.entries(r)
        .filter(([k, v]) => k.startsWith('denied_') && v !== '0')
        .map(([, v]) => v),
    );
    expect(denials).toEqual(fromCsv);
    expect(page.body).toContain('Identity could not be verified');
    expect(page.body).toContain('Manifestly unfounded or excessive');
  });

  it('defaults to the last 12 months in the organisation time zone, with links to other periods', async () => {
    const before = reportPeriod({}, new Date(), 'America/New_York');
    const page = await auditor.get(`/staff/orgs/${SLUG}/reports`);
    const after = reportPeriod({}, new Date(), 'America/New_York');
    expect(page.status).toBe(200);
    const from = /id="from" name="from" value="([^"]+)"/.exec(page.body)![1];
    const to = /id="to" name="to" value="([^"]+)"/.exec(page.body)![1];
    expect([before, after].some((p) => p.ok && p.period.from === from && p.period.to === to)).toBe(true);
    expect(page.body).toContain(`href="/staff/orgs/${SLUG}/reports?from=${from}&amp;to=${to}" aria-current="page"`);
    const lastYear = Number(to.slice(0, 4)) - 1;
    expect(page.body).toContain(`from=${lastYear}-01-01&amp;to=${lastYear}-12-31`);
    expect(page.body).not.toContain('reported@example.org');
  });

  it('refuses malformed dates and a period that ends before it starts, naming the problem', async () => {
    for (const [query, message] of [
      ['from=2024-02-30', 'from must be a date written YYYY-MM-DD'],
      ['to=31/03/2024', 'to must be a date written YYYY-MM-DD'],
      ['from=2024-04-01&to=2024-03-01', 'from (2024-04-01) must not be after to (2024-03-01)'],
      ['from=2024-03-01&from=2024-03-02', 'from must be a single date'],
      // Dates the calendar has but the database or the computation cannot hold answer 400 too, never 500.
      ['from=0000-01-01&to=2024-03-01', 'from must be a date from 1970 to 2999'],
      ['to=9999-12-31', 'to must be a date from 1970 to 2999'],
      ['from=0001-01-01&to=0001-12-31', 'from must be a date from 1970 to 2999'],
      ['to=0001-01-01', 'to must be a date from 1970 to 2999'],
      ['from=1969-12-31', 'from must be a date from 1970 to 2999'],
      ['from=+275760-09-13', 'from must be a date written YYYY-MM-DD'],
    ]) {
      for (const path of ['reports', 'reports.csv']) {
        const response = await auditor.get(`/staff/orgs/${SLUG}/${path}?${query}`);
        expect({ path, query, status: response.status }).toEqual({ path, query, status: 400 });
        expect(response.body).toContain(message);
      }
    }
  });

  it('answers 404 to a member of another organisation, as for an unknown one', async () => {
    const outsider = await signIn(system.baseUrl, await createStaff({ 'securus-technologies': 'admin' }, 'Outsider'));
    for (const path of ['reports', 'reports.csv']) {
      const response = await outsider.get(`/staff/orgs/${SLUG}/${path}?${MARCH}`);
      expect(response.status).toBe(404);
      expect(response.body).not.toContain('ccpa');
    }
    const own = parseCsv((await outsider.get(`/staff/orgs/securus-technologies/reports.csv?${MARCH}`)).body);
    expect(own.find((r) => r.regime === 'ccpa' && r.request_type === 'access')).toMatchObject({
      received: '1',
      fulfilled: '1',
      mean_days_to_close: '41.7',
    });
  });
});
