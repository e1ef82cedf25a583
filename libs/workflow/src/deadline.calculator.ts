import { DateTime } from 'luxon';

import type { Regime, RequestType } from '#policy';

import type { WorkingCalendar } from './working-calendar.js';

// The project's only date arithmetic. Periods are counted on local dates and every deadline is the end of its
// local day. Where a law has one home zone (the CCPA California's, UK GDPR the United Kingdom's), the day of receipt is the earlier of the organisation's date and the home's, and a day ends at whichever of the two
// midnights comes first: an organisation in another zone never gets a later date than the requester's calendar
// gives, nor a later hour on it.

export interface DeadlineInput {
  regime: Regime;
  requestType: RequestType;
  /** When the request arrived. */
  receivedAt: Date;
  /** GDPR/UK GDPR: when the requested identification arrived; defaults to receivedAt. Ignored by other regimes. */
  clockStartedAt?: Date;
  /** GDPR/UK GDPR: whole local days the clock stood still awaiting the requester; they push the legal dates later. */
  pausedDays?: number;
  /** IANA zone the organisation counts days in; the regime's home zone counts too where it has one. */
  timeZone: string;
  calendar: WorkingCalendar;
  /** Organisation-set target in calendar days; the due date is the earlier of it and the law's. Required for regime 'none'. */
  internalTargetDays?: number;
}

export interface Deadlines {
  /** CCPA and us_state only: acknowledgement within 10 business days. */
  acknowledgeBy: Date | null;
  dueAt: Date;
  /** Local date of dueAt, 'YYYY-MM-DD'. */
  dueDate: string;
  /** The due date if extended once; null where the regime allows no extension. */
  extendedDueAt: Date | null;
  /** Last moment to tell the requester about an extension: the end of the first legal period. */
  extensionNoticeBy: Date | null;
}

/** A regime's own periods, as local dates. */
interface LegalPeriod {
  /** Local date the internal target is counted from. */
  start: string;
  due: string;
  extendedDue: string | null;
  acknowledge: string | null;
}

const CCPA_DAYS = 45;
const CCPA_EXTENSION_DAYS = 45;
const CCPA_ACKNOWLEDGE_BUSINESS_DAYS = 10;
const CCPA_OPT_OUT_BUSINESS_DAYS = 15;
const MARKETING_OPT_OUT_BUSINESS_DAYS = 10;
const GDPR_MONTHS = 1;
const GDPR_EXTENDED_MONTHS = 3;
// A calendar with no working day in a year is broken; fail rather than loop forever.
const MAX_NON_WORKING_RUN = 366;

/**
 * The zone of each law's requesters, for the regimes that have one. The GDPR has none: the Union spans three
 * zones (Lisbon to Helsinki), so Brussels' calendar would be as wrong for a requester in Dublin as the
 * organisation's, and it counts in the organisation's zone, where its main establishment and lead supervisory
 * authority are (Art. 56). us_state spans several zones and the marketing laws count from the sender's records:
 * the organisation's zone alone too.
 */
export const REGIME_HOME_ZONE: Partial<Record<Regime, string>> = {
  ccpa: 'America/Los_Angeles',
  uk_gdpr: 'Europe/London',
};

/** The dates a regime counts on: the earlier of the zones' dates, each day ending at the first of their midnights. */
interface CountingDays {
  dateOf(instant: Date): string;
  endOf(date: string): Date;
}

function countingDays(regime: Regime, timeZone: string): CountingDays {
  const home = REGIME_HOME_ZONE[regime];
  const zones = home && home !== timeZone ? [timeZone, home] : [timeZone];
  return {
    dateOf: (instant) => zones.map((zone) => localDate(instant, zone)).reduce((a, b) => (b < a ? b : a)),
    endOf: (date) => new Date(Math.min(...zones.map((zone) => endOfLocalDay(date, zone).getTime()))),
  };
}

export function computeDeadlines(input: DeadlineInput): Deadlines {
  const { internalTargetDays } = input;
  if (internalTargetDays !== undefined) assertWholeDays(internalTargetDays, 'internalTargetDays', 1);
  const days = countingDays(input.regime, input.timeZone);
  const legal = legalPeriod(input, days);

  if (!legal) {
    if (internalTargetDays === undefined) {
      throw new Error(`Regime 'none' has no legal period: internalTargetDays is required to compute a due date`);
    }
    const due = addDays(days.dateOf(input.receivedAt), internalTargetDays);
    return { acknowledgeBy: null, dueAt: days.endOf(due), dueDate: due, extendedDueAt: null, extensionNoticeBy: null };
  }

  const target = internalTargetDays === undefined ? null : addDays(legal.start, internalTargetDays);
  // Internal targets are calendar days and never roll: an earlier date than the law's is always safe.
  const due = target !== null && target < legal.due ? target : legal.due;
  return {
    acknowledgeBy: legal.acknowledge === null ? null : days.endOf(legal.acknowledge),
    dueAt: days.endOf(due),
    dueDate: due,
    extendedDueAt: legal.extendedDue === null ? null : days.endOf(legal.extendedDue),
    extensionNoticeBy: legal.extendedDue === null ? null : days.endOf(legal.due),
  };
}

/** Whole local days from today to the due date: 0 on the due day, negative once overdue. */
export function daysLeft(dueAt: Date, now: Date, timeZone: string): number {
  return localDaysBetween(now, dueAt, timeZone);
}

/**
 * The end of the local day `days` days after today (0: the end of today): every due date up to it has at most
 * `days` days left, so "due within N days" is `dueAt <= endOfLocalDayAfter(now, N, zone)`.
 */
export function endOfLocalDayAfter(now: Date, days: number, timeZone: string): Date {
  assertWholeDays(days, 'days', 0);
  return endOfLocalDay(addDays(localDate(now, timeZone), days), timeZone);
}

/** Local calendar days from one instant's date to another's (negative when `to` is earlier). */
export function localDaysBetween(from: Date, to: Date, timeZone: string): number {
  return plainDate(localDate(to, timeZone)).diff(plainDate(localDate(from, timeZone)), 'days').days;
}

function legalPeriod(input: DeadlineInput, days: CountingDays): LegalPeriod | null {
  const { regime, requestType, calendar } = input;
  const received = days.dateOf(input.receivedAt);
  switch (regime) {
    case 'ccpa':
    case 'us_state':
      // CCPA regs §7026(f) and §7027(g): opt-out of sale/sharing and a request to limit the use of sensitive personal
      // information within 15 business days, no extension. Other states give opt-outs their ordinary 45-day period,
      // so only the CCPA gets the shorter one.
      if (regime === 'ccpa' && (requestType === 'opt_out_sale_share' || requestType === 'limit_sensitive_use')) {
        return {
          start: received,
          due: addBusinessDays(received, CCPA_OPT_OUT_BUSINESS_DAYS, calendar),
          extendedDue: null,
          acknowledge: null,
        };
      }
      // Calendar days from receipt, even while verifying, and no roll to a working day.
      return {
        start: received,
        due: addDays(received, CCPA_DAYS),
        extendedDue: addDays(received, CCPA_DAYS + CCPA_EXTENSION_DAYS),
        acknowledge: addBusinessDays(received, CCPA_ACKNOWLEDGE_BUSINESS_DAYS, calendar),
      };
    case 'can_spam':
    case 'fcc_tcpa':
      return {
        start: received,
        due: addBusinessDays(received, MARKETING_OPT_OUT_BUSINESS_DAYS, calendar),
        extendedDue: null,
        acknowledge: null,
      };
    case 'gdpr':
    case 'uk_gdpr': {
      const clockStartedAt = input.clockStartedAt ?? input.receivedAt;
      if (clockStartedAt.getTime() < input.receivedAt.getTime()) {
        throw new Error('clockStartedAt must not be before receivedAt');
      }
      const paused = input.pausedDays ?? 0;
      assertWholeDays(paused, 'pausedDays', 0);
      const start = days.dateOf(clockStartedAt);
      // Months are counted from the clock start itself (not from a rolled due date); the pause pushes the
      // period's end, so it is added after the month-end clamp.
      const end = (months: number) => nextWorkingDay(addDays(addMonths(start, months), paused), calendar);
      return {
        start: addDays(start, paused),
        due: end(GDPR_MONTHS),
        extendedDue: end(GDPR_EXTENDED_MONTHS),
        acknowledge: null,
      };
    }
    case 'none':
      return null;
  }
}

function assertWholeDays(value: number, name: string, min: number): void {
  if (!Number.isInteger(value) || value < min) {
    throw new Error(`${name} must be a whole number of days of at least ${min}, got ${value}`);
  }
}

/** The local date, 'YYYY-MM-DD', of an instant in a time zone. */
export function localDate(instant: Date, timeZone: string): string {
  const local = DateTime.fromJSDate(instant, { zone: timeZone });
  if (!local.isValid)
    throw new Error(`Cannot place ${String(instant)} in time zone "${timeZone}": ${local.invalidReason}`);
  return local.toFormat('yyyy-MM-dd');
}

/** The first instant of a local date (midnight, or the first valid moment where a DST change skips it). */
export function startOfLocalDay(date: string, timeZone: string): Date {
  return DateTime.fromISO(date, { zone: timeZone }).startOf('day').toJSDate();
}

function endOfLocalDay(date: string, timeZone: string): Date {
  return DateTime.fromISO(date, { zone: timeZone }).endOf('day').toJSDate();
}

// Plain dates are handled in UTC so no DST shift can move them.
function plainDate(date: string): DateTime {
  return DateTime.fromISO(date, { zone: 'utc' });
}

function addDays(date: string, days: number): string {
  return plainDate(date).plus({ days }).toFormat('yyyy-MM-dd');
}

/** Luxon clamps to the month's last day when the target month is shorter (31 Jan + 1 month = 28/29 Feb). */
function addMonths(date: string, months: number): string {
  return plainDate(date).plus({ months }).toFormat('yyyy-MM-dd');
}

function nextWorkingDay(date: string, calendar: WorkingCalendar): string {
  let day = date;
  for (let skipped = 0; !calendar.isWorkingDay(day); skipped++) {
    if (skipped === MAX_NON_WORKING_RUN) throw new Error(`No working day within a year of ${date}`);
    day = addDays(day, 1);
  }
  return day;
}

/** Counting starts the day after `date`; only working days count. */
function addBusinessDays(date: string, days: number, calendar: WorkingCalendar): string {
  let day = date;
  for (let counted = 0; counted < days; counted++) day = nextWorkingDay(addDays(day, 1), calendar);
  return day;
}
