import { describe, expect, it } from '@jest/globals';

import { csvCell, csvLine, queueCsv, queueCsvRow } from './queue-csv.js';
import type { QueuedRequest } from './request-queue.service.js';

const request = (n: number, changes: Partial<QueuedRequest> = {}): QueuedRequest => ({
  id: `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`,
  reference: `RD-AAAA-${String(n).padStart(4, '2')}`,
  type: 'access',
  regime: 'gdpr',
  channel: 'web',
  status: 'in_progress',
  assignee: null,
  receivedAt: '2026-03-01T10:00:00.000Z',
  clockStartedAt: '2026-03-01T10:00:00.000Z',
  verifiedAt: '2026-03-02T10:00:00.000Z',
  acknowledgeBy: null,
  dueAt: '2026-04-01T22:59:59.999Z',
  extendedDueAt: null,
  closedAt: null,
  daysLeft: -3,
  urgency: 'overdue',
  policyVersion: '2024-01-01',
  ...changes,
});

async function* batches(...sizes: number[]): AsyncGenerator<QueuedRequest[]> {
  let n = 0;
  for (const size of sizes) yield Array.from({ length: size }, () => request(++n));
}

async function text(chunks: AsyncIterable<string>): Promise<string> {
  let out = '';
  for await (const chunk of chunks) out += chunk;
  return out;
}

describe('csvCell', () => {
  it.each([
    { value: 'plain', cell: 'plain' },
    { value: 'a,b', cell: '"a,b"' },
    { value: 'say "hi"', cell: '"say ""hi"""' },
    { value: 'two\nlines', cell: '"two\nlines"' },
    { value: '=HYPERLINK("http://evil")', cell: `"'=HYPERLINK(""http://evil"")"` },
    { value: '+1+1', cell: "'+1+1" },
    { value: '-2+3', cell: "'-2+3" },
    { value: '@SUM(A1)', cell: "'@SUM(A1)" },
    { value: '\tcmd', cell: "'\tcmd" },
    { value: 'a=b', cell: 'a=b' },
    { value: '', cell: '' },
    { value: null, cell: '' },
    { value: -3, cell: '-3' },
    { value: 12, cell: '12' },
  ])('$value → $cell', ({ value, cell }) => {
    expect(csvCell(value)).toBe(cell);
  });

  it('ends lines with CRLF', () => {
    expect(csvLine(['a', null, 1])).toBe('a,,1\r\n');
  });
});

describe('queueCsvRow', () => {
  it('writes the columns in order, with the assignee address and no requester data, in the named zone', () => {
    const row = queueCsvRow(
      request(1, {
        assignee: { id: 'x', name: 'Grace Hopper', email: 'grace@example.org' },
        extendedDueAt: '2026-06-01T22:59:59.999Z',
      }),
      'Europe/London',
    );
    expect(row).toBe(
      'RD-AAAA-2221,access,gdpr,web,in_progress,grace@example.org,Europe/London,2026-03-01T10:00:00+00:00,2026-03-02T10:00:00+00:00,' +
        '2026-04-01,2026-06-01,-3,\r\n',
    );
  });

  it("writes a due date as the organisation's local day: due 18 December in Chicago is 06:00 UTC on the 19th", () => {
    const row = queueCsvRow(
      request(1, { receivedAt: '2026-11-03T05:30:00.000Z', dueAt: '2026-12-19T05:59:59.999Z', extendedDueAt: null }),
      'America/Chicago',
    ).split(',');
    expect(row.slice(6, 10)).toEqual([
      'America/Chicago',
      '2026-11-02T23:30:00-06:00',
      '2026-03-02T04:00:00-06:00',
      '2026-12-18',
    ]);
  });

  it('leaves days left empty for a closed request', () => {
    const row = queueCsvRow(
      request(1, { status: 'fulfilled', closedAt: '2026-03-20T12:00:00.000Z' }),
      'America/New_York',
    );
    expect(row.split(',').slice(-2)).toEqual(['', '2026-03-20T08:00:00-04:00\r\n']);
  });
});

describe('queueCsv', () => {
  const lines = (csv: string) => csv.split('\r\n').slice(0, -1);

  it('writes the header and every row when under the cap', async () => {
    const csv = lines(await text(queueCsv(batches(3, 2), 'Europe/London', 5)));
    expect(csv[0]).toBe(
      'reference,type,regime,channel,status,assignee_email,time_zone,received_at,verified_at,due_on,extended_due_on,days_left,closed_at',
    );
    expect(csv).toHaveLength(6);
    expect(csv.at(-1)).toMatch(/^RD-AAAA-2225,/);
  });

  it('stops at the cap with a note, across a batch boundary', async () => {
    const csv = lines(await text(queueCsv(batches(3, 3), 'Europe/London', 4)));
    expect(csv).toHaveLength(6);
    expect(csv[4]).toMatch(/^RD-AAAA-2224,/);
    expect(csv[5]).toBe(
      'Export stopped at 4 rows; more requests match. Narrow the filters (for example by status or due date) to export the rest.',
    );
  });

  it('adds the note when the cap falls exactly at the end of a batch and more follow', async () => {
    const csv = lines(await text(queueCsv(batches(2, 2, 1), 'Europe/London', 4)));
    expect(csv).toHaveLength(6);
    expect(csv[5]).toMatch(/^Export stopped at 4 rows/);
  });

  it('adds no note when exactly the cap matches', async () => {
    const csv = lines(await text(queueCsv(batches(2, 2), 'Europe/London', 4)));
    expect(csv).toHaveLength(5);
    expect(csv.at(-1)).toMatch(/^RD-AAAA-2224,/);
  });

  it('stops reading batches once the cap is reached', async () => {
    let read = 0;
    async function* counted(): AsyncGenerator<QueuedRequest[]> {
      for (let i = 0; i < 10; i++) {
        read++;
        yield [request(i)];
      }
    }
    await text(queueCsv(counted(), 'Europe/London', 2));
    expect(read).toBe(3);
  });
});
