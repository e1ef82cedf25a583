import { DateTime } from 'luxon';

/** The overdue escalation and the digest reach staff at the start of their working day. */
export const DAILY_STAFF_MAIL_HOUR = 8;

/**
 * The local date whose daily staff mails are due at `now`: from 08:00 local on, and null before. Checked hourly and
 * sent once per date, so a check missed at 08:00 (a restart, a deploy) still sends that day's mail at the next one.
 */
export function dailyStaffMailDate(now: Date, timeZone: string): string | null {
  const local = DateTime.fromJSDate(now, { zone: timeZone });
  if (!local.isValid) throw new Error(`Cannot place ${String(now)} in time zone "${timeZone}": ${local.invalidReason}`);
  return local.hour >= DAILY_STAFF_MAIL_HOUR ? local.toFormat('yyyy-MM-dd') : null;
}
