import { describe, expect, it } from '@jest/globals';
import fc from 'fast-check';

import { localDate, startOfLocalDay } from './deadline.calculator.js';
import { type ReportPeriod, reportPeriod, reportPeriodChoices } from './report-period.js';

const CHICAGO = 'America/Chicago';
const LON = 'Europe/London';
const NOW = new Date('2026-05-10T12:00:00Z');

function period(query: { from?: string; to?: string }, timeZone = CHICAGO, now = NOW): ReportPeriod {
  const result = reportPeriod(query, now, timeZone);
  if (!result.ok) throw new Error(result.message);
  return result.period;
}

const instants = (p: ReportPeriod) => ({
  from: p.from,
  to: p.to,
  start: p.start.toISOString(),
  end: p.end.toISOString(),
});

describe('reportPeriod', () => {
  it('defaults to the last 12 months up to today, bounded by local midnights', () => {
    expect(instants(period({}))).toEqual({
      from: '2025-05-11',
      to: '2026-05-10',
      start: '2025-05-11T05:00:00.000Z',
      end: '2026-05-11T05:00:00.000Z',
    });
  });

  it("takes today in the organisation's zone, not UTC's", () => {
    const eveningInLosAngeles = new Date('2026-01-01T03:00:00Z');
    expect(period({}, 'America/Los_Angeles', eveningInLosAngeles).to).toBe('2025-12-31');
    expect(period({}, LON, eveningInLosAngeles).to).toBe('2026-01-01');
  });

  it('treats both dates as inclusive local days, across a DST change', () => {
    // 10 March 2024: Chicago springs forward, so the day has 23 hours.
    expect(instants(period({ from: '2024-03-10', to: '2024-03-10' }))).toEqual({
      from: '2024-03-10',
      to: '2024-03-10',
      start: '2024-03-10T06:00:00.000Z',
      end: '2024-03-11T05:00:00.000Z',
    });
    expect(period({ from: '2024-07-01', to: '2024-07-31' }, LON).start.toISOString()).toBe('2024-06-30T23:00:00.000Z');
  });

  it('fills in a missing bound: from twelve months before to, to today', () => {
    expect(period({ to: '2024-02-29' }).from).toBe('2023-03-01');
    expect(period({ to: '2024-12-31' }).from).toBe('2024-01-01');
    expect(period({ from: '2026-01-01' }).to).toBe('2026-05-10');
    expect(period({ from: '', to: '' }).from).toBe('2025-05-11');
  });

  it('names each malformed or impossible date', () => {
    for (const bad of ['2024-02-30', '2024-2-3', 'yesterday', '2024-13-01', '20240101']) {
      const result = reportPeriod({ from: bad }, NOW, CHICAGO);
      expect(result).toEqual({
        ok: false,
        message: `from must be a date written YYYY-MM-DD, like 2026-01-31 (got "${bad}")`,
      });
    }
    const both = reportPeriod({ from: 'x', to: 'y' }, NOW, CHICAGO);
    expect(both.ok || both.message).toMatch(/^from must .*"x".*; to must .*"y"/);
  });

  it('refuses dates outside the years a report can cover, which the database or the computation cannot hold', () => {
    for (const bad of ['0000-01-01', '0001-01-01', '1969-12-31', '3000-01-01', '9999-12-31']) {
      for (const name of ['from', 'to'] as const) {
        const result = reportPeriod({ [name]: bad }, NOW, CHICAGO);
        expect(result).toEqual({ ok: false, message: `${name} must be a date from 1970 to 2999 (got "${bad}")` });
      }
    }
    expect(period({ from: '1970-01-01', to: '2999-12-31' })).toMatchObject({ from: '1970-01-01', to: '2999-12-31' });
  });

  it('refuses a period that ends before it starts', () => {
    expect(reportPeriod({ from: '2024-04-01', to: '2024-03-31' }, NOW, CHICAGO)).toEqual({
      ok: false,
      message: 'from (2024-04-01) must not be after to (2024-03-31)',
    });
    expect(reportPeriod({ from: '2027-01-01' }, NOW, CHICAGO).ok).toBe(false);
  });

  it('covers exactly the local days from..to in any zone', () => {
    const zones = ['America/Chicago', 'America/Los_Angeles', 'Europe/London', 'Pacific/Auckland', 'America/Santiago'];
    const day = fc.date({
      min: new Date('2000-01-01T00:00:00Z'),
      max: new Date('2040-12-31T00:00:00Z'),
      noInvalidDate: true,
    });
    fc.assert(
      fc.property(day, day, fc.constantFrom(...zones), (a, b, zone) => {
        const [from, to] = [a, b].map((d) => d.toISOString().slice(0, 10)).sort();
        const p = period({ from, to }, zone);
        expect(localDate(p.start, zone)).toBe(from);
        expect(localDate(new Date(p.start.getTime() - 1), zone) < from).toBe(true);
        expect(localDate(new Date(p.end.getTime() - 1), zone)).toBe(to);
        expect(localDate(p.end, zone) > to).toBe(true);
      }),
    );
  });
});

describe('reportPeriodChoices', () => {
  it('offers the last 12 months, the last 30 days, this year so far and the previous calendar year', () => {
    expect(reportPeriodChoices(NOW, CHICAGO)).toEqual([
      { label: 'Last 12 months', from: '2025-05-11', to: '2026-05-10' },
      { label: 'Last 30 days', from: '2026-04-11', to: '2026-05-10' },
      { label: '2026 so far', from: '2026-01-01', to: '2026-05-10' },
      { label: 'Calendar year 2025', from: '2025-01-01', to: '2025-12-31' },
    ]);
  });

  it('agrees with the default period', () => {
    const [last12] = reportPeriodChoices(NOW, LON);
    expect(period({}, LON)).toMatchObject({ from: last12.from, to: last12.to });
    expect(startOfLocalDay(last12.from, LON)).toEqual(period({}, LON).start);
  });
});
