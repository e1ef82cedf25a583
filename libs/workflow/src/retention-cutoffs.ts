import { DateTime } from 'luxon';

export interface RetentionInput {
  now: Date;
  /** IANA zone the organisation counts days in. */
  timeZone: string;
  /** Whole local days a closed request keeps the requester's personal data. */
  retentionDays: number;
  /** Calendar months the minimal record of a request is kept after closing (CCPA regs §7101: 24). */
  recordMonths: number;
}

export interface RetentionCutoffs {
  /** Requests closed before this instant lose the requester's personal data. */
  purgeClosedBefore: Date;
  /** Requests closed before this instant are deleted, minimal record included. Never later than purgeClosedBefore. */
  deleteClosedBefore: Date;
}

/**
 * Counted on local dates, like every deadline: a request closed on day D keeps its data through local day
 * D + retentionDays and its record through D + recordMonths (no matching date: the month's last day), and
 * both go from the next local midnight. A record is never deleted before its personal data's period ends.
 */
export function retentionCutoffs(input: RetentionInput): RetentionCutoffs {
  const { now, timeZone, retentionDays, recordMonths } = input;
  assertWhole(retentionDays, 'retentionDays');
  assertWhole(recordMonths, 'recordMonths');
  const today = localToday(now, timeZone);
  const purgeClosedBefore = today.minus({ days: retentionDays }).startOf('day');
  const recordEnd = today.minus({ months: recordMonths }).startOf('day');
  return {
    purgeClosedBefore: purgeClosedBefore.toJSDate(),
    deleteClosedBefore: (recordEnd < purgeClosedBefore ? recordEnd : purgeClosedBefore).toJSDate(),
  };
}

/**
 * Identity documents go a set number of local days after staff decide on them, counted like retention: one decided
 * on day D is kept through local day D + days and goes from the next local midnight.
 */
export function identityDocumentCutoff(input: { now: Date; timeZone: string; days: number }): Date {
  assertWhole(input.days, 'identityDocumentDays');
  return localToday(input.now, input.timeZone).minus({ days: input.days }).startOf('day').toJSDate();
}

/** The start of `now`'s local day, from which cutoffs count back whole local days. */
function localToday(now: Date, timeZone: string): DateTime {
  const today = DateTime.fromJSDate(now, { zone: timeZone }).startOf('day');
  if (!today.isValid) throw new Error(`Unknown time zone ${timeZone}`);
  return today;
}

function assertWhole(value: number, name: string): void {
  if (!Number.isInteger(value) || value < 1)
    throw new Error(`${name} must be a whole number of at least 1, got ${value}`);
}
