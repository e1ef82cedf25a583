import { DateTime } from 'luxon';

import { localDate } from './deadline.calculator.js';
import { isOpen, type RequestStatus } from './request-state.machine.js';

export const SCHEDULED_EVENT_KINDS = [
  'staff_reminder',
  'extension_window',
  'verification_reminder',
  'verification_expiry',
] as const;
export type ScheduledEventKind = (typeof SCHEDULED_EVENT_KINDS)[number];

/** Something that must happen to a request at a time. The key names what it was computed for, so a moved date makes a new event. */
export interface ScheduledEvent {
  kind: ScheduledEventKind;
  key: string;
  dueAt: Date;
}

export interface ScheduleInput {
  status: RequestStatus;
  /** The due date in force (the extended one once extended). */
  dueAt: Date;
  extended: boolean;
  /** computeDeadlines' end of the first period; null where the regime allows no extension. */
  extensionNoticeBy: Date | null;
  /** Set while the GDPR/UK GDPR clock stands still awaiting the requester. */
  pausedAt: Date | null;
  /** When the current verification link expires; null until one is mailed. */
  verificationExpiresAt: Date | null;
  /** How long the organisation's verification links last. */
  verificationLinkDays: number;
  /** Days before the due date staff are reminded. */
  reminderOffsetsDays: readonly number[];
  /** Days before the extension-notice deadline staff are warned. */
  extensionWarningDays: number;
  timeZone: string;
  /** When the schedule is computed. */
  now: Date;
}

/** Staff mails go out at the start of the organisation's working day, not at the due instant's time of day. */
export const STAFF_MAIL_HOUR = 9;
/** The requester is reminded two days before their verification link expires. */
export const VERIFICATION_REMINDER_HOURS = 48;
const HOUR_MS = 3_600_000;

/**
 * What a request still has coming, as of `now`:
 * - a staff reminder per offset N at 09:00 local on the due date's local date minus N days, keyed `${N}d-${dueDate}`;
 *   none while the clock is paused, once the due date has passed (overdue escalation takes over) or once closed.
 *   Reminders whose time has already passed are dropped except the latest of them, which the sweep sends at once: a
 *   request that arrives or moves close to its due date gets one reminder saying so, never a burst of the earlier ones.
 * - the extension window at 09:00 local, extensionWarningDays before the extension-notice deadline's local date,
 *   keyed by that date; only for an open, verified (or opt-out) request not yet extended whose regime allows an
 *   extension, and while the deadline is still ahead.
 * - while unverified with a link out: its expiry at the link's expiry instant, and a reminder 48 hours before it
 *   (while the link is still valid, and only for links that last longer than that), both keyed by the expiry's ISO instant.
 * Ordered by time, then kind and key.
 */
export function deadlineSchedule(input: ScheduleInput): ScheduledEvent[] {
  assertWholeDays(input.extensionWarningDays, 'extensionWarningDays', 0);
  for (const offset of input.reminderOffsetsDays) assertWholeDays(offset, 'reminderOffsetsDays', 1);
  assertWholeDays(input.verificationLinkDays, 'verificationLinkDays', 1);
  if (!isOpen(input.status)) return [];
  return [...staffReminders(input), ...extensionWindow(input), ...verificationEvents(input)].sort(
    (a, b) => a.dueAt.getTime() - b.dueAt.getTime() || a.kind.localeCompare(b.kind) || a.key.localeCompare(b.key),
  );
}

function staffReminders({ dueAt, pausedAt, reminderOffsetsDays, timeZone, now }: ScheduleInput): ScheduledEvent[] {
  if (pausedAt !== null || dueAt.getTime() <= now.getTime()) return [];
  const dueDate = localDate(dueAt, timeZone);
  const reminders = [...new Set(reminderOffsetsDays)]
    .sort((a, b) => b - a)
    .map((days): ScheduledEvent => ({
      kind: 'staff_reminder',
      key: `${days}d-${dueDate}`,
      dueAt: staffMailTime(dueDate, days, timeZone),
    }));
  const passed = reminders.filter((r) => r.dueAt.getTime() <= now.getTime());
  const ahead = reminders.filter((r) => r.dueAt.getTime() > now.getTime());
  return passed.length === 0 ? ahead : [passed[passed.length - 1], ...ahead];
}

function extensionWindow(input: ScheduleInput): ScheduledEvent[] {
  const { status, extended, extensionNoticeBy, extensionWarningDays, timeZone, now } = input;
  // A mailed-in request cannot be extended before it is classified: its extension window is not known yet.
  if (
    status === 'unverified' ||
    status === 'received_by_email' ||
    extended ||
    extensionNoticeBy === null ||
    extensionNoticeBy.getTime() <= now.getTime()
  )
    return [];
  const noticeDate = localDate(extensionNoticeBy, timeZone);
  return [
    { kind: 'extension_window', key: noticeDate, dueAt: staffMailTime(noticeDate, extensionWarningDays, timeZone) },
  ];
}

function verificationEvents({
  status,
  verificationExpiresAt,
  verificationLinkDays,
  now,
}: ScheduleInput): ScheduledEvent[] {
  if (status !== 'unverified' || verificationExpiresAt === null) return [];
  const key = verificationExpiresAt.toISOString();
  const expiry: ScheduledEvent = { kind: 'verification_expiry', key, dueAt: verificationExpiresAt };
  const remindable =
    verificationLinkDays * 24 > VERIFICATION_REMINDER_HOURS && verificationExpiresAt.getTime() > now.getTime();
  if (!remindable) return [expiry];
  return [
    {
      kind: 'verification_reminder',
      key,
      dueAt: new Date(verificationExpiresAt.getTime() - VERIFICATION_REMINDER_HOURS * HOUR_MS),
    },
    expiry,
  ];
}

/** 09:00 local on the local date `daysBefore` days before `date` ('YYYY-MM-DD'). */
function staffMailTime(date: string, daysBefore: number, timeZone: string): Date {
  return DateTime.fromISO(date, { zone: timeZone })
    .minus({ days: daysBefore })
    .set({ hour: STAFF_MAIL_HOUR })
    .toJSDate();
}

function assertWholeDays(value: number, name: string, min: number): void {
  if (!Number.isInteger(value) || value < min)
    throw new Error(`${name} must be whole days of at least ${min}, got ${value}`);
}
