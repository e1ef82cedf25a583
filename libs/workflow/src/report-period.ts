import { DateTime } from 'luxon';

import { localDate, startOfLocalDay } from './deadline.calculator.js';

/** A reporting period: local dates in the organisation's time zone, both inclusive, and the instants bounding them. */
export interface ReportPeriod {
  from: string;
  to: string;
  /** The first instant of `from`. */
  start: Date;
  /** The first instant of the day after `to` (exclusive), so no moment of the last day falls outside. */
  end: Date;
}

export type ReportPeriodResult = { ok: true; period: ReportPeriod } | { ok: false; message: string };

export interface ReportPeriodChoice {
  label: string;
  from: string;
  to: string;
}

const LOCAL_DATE = /^\d{4}-\d{2}-\d{2}$/;
/** The years a report may cover: no request predates 1970, and none is due after 2999. */
const FIRST_DATE = '1970-01-01';
const LAST_DATE = '2999-12-31';

/**
 * The period a report asks for. Either bound may be left out (or empty, as an unfilled form field sends it):
 * `to` defaults to today and `from` to twelve months before `to`, so the default is the last 12 months.
 */
export function reportPeriod(query: { from?: string; to?: string }, now: Date, timeZone: string): ReportPeriodResult {
  const problems: string[] = [];
  const parse = (name: 'from' | 'to'): string | null | undefined => {
    const value = query[name];
    if (value === undefined || value === '') return undefined;
    if (!LOCAL_DATE.test(value) || !plainDate(value).isValid) {
      problems.push(`${name} must be a date written YYYY-MM-DD, like 2026-01-31 (got "${value}")`);
      return null;
    }
    // Year 0 and five-digit years (a day after 9999-12-31) are valid to the calendar but not to PostgreSQL.
    if (value < FIRST_DATE || value > LAST_DATE) {
      problems.push(`${name} must be a date from 1970 to 2999 (got "${value}")`);
      return null;
    }
    return value;
  };
  const givenFrom = parse('from');
  const givenTo = parse('to');
  if (givenFrom === null || givenTo === null) return { ok: false, message: problems.join('; ') };
  const to = givenTo ?? localDate(now, timeZone);
  const from = givenFrom ?? twelveMonthsEndingOn(to);
  if (from > to) return { ok: false, message: `from (${from}) must not be after to (${to})` };
  return {
    ok: true,
    period: {
      from,
      to,
      start: startOfLocalDay(from, timeZone),
      end: startOfLocalDay(shift(to, { days: 1 }), timeZone),
    },
  };
}

/** Ready-made periods to switch between, ending today in the organisation's time zone. */
export function reportPeriodChoices(now: Date, timeZone: string): ReportPeriodChoice[] {
  const today = localDate(now, timeZone);
  const year = today.slice(0, 4);
  const lastYear = String(Number(year) - 1);
  return [
    { label: 'Last 12 months', from: twelveMonthsEndingOn(today), to: today },
    { label: 'Last 30 days', from: shift(today, { days: -29 }), to: today },
    { label: `${year} so far`, from: `${year}-01-01`, to: today },
    // CCPA regs §7102(a) metrics cover the previous calendar year.
    { label: `Calendar year ${lastYear}`, from: `${lastYear}-01-01`, to: `${lastYear}-12-31` },
  ];
}

/** The first day of the twelve months ending on (and including) `to`. */
function twelveMonthsEndingOn(to: string): string {
  return shift(shift(to, { months: -12 }), { days: 1 });
}

// Plain dates are shifted in UTC so no DST change can move them.
function plainDate(date: string): DateTime {
  return DateTime.fromISO(date, { zone: 'utc' });
}

function shift(date: string, by: { days?: number; months?: number }): string {
  return plainDate(date).plus(by).toFormat('yyyy-MM-dd');
}
