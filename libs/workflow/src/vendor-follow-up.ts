const DAY_MS = 86_400_000;

/** How a service provider asked by mail is followed up, as its data map says. */
export interface VendorCadence {
  remindEveryDays: number;
  escalateAfterDays: number;
}

/** Where a task waiting for a service provider's confirmation stands. */
export interface VendorWait {
  nextReminderAt: Date | null;
  escalationDueAt: Date | null;
  escalatedAt: Date | null;
}

const daysAfter = (at: Date, days: number) => new Date(at.getTime() + days * DAY_MS);

/** A service provider asked at `askedAt`: when it is first reminded, and when staff are alerted if it never confirms. */
export function vendorSchedule(askedAt: Date, cadence: VendorCadence): { nextReminderAt: Date; escalationDueAt: Date } {
  return {
    nextReminderAt: daysAfter(askedAt, cadence.remindEveryDays),
    escalationDueAt: daysAfter(askedAt, cadence.escalateAfterDays),
  };
}

/** The reminder after one sent at `remindedAt`: a whole interval later, however late the sweep that sent it ran. */
export function reminderAfter(remindedAt: Date, cadence: VendorCadence): Date {
  return daysAfter(remindedAt, cadence.remindEveryDays);
}

/**
 * What a sweep at `now` owes a task waiting for its service provider: a reminder once its time came, and staff's
 * alert once the escalation is due and was not raised before. Reminders go on after the escalation, until the
 * provider confirms or staff close the task: staff chasing them does not make the link stop mattering.
 */
export function vendorFollowUp(wait: VendorWait, now: Date): { remind: boolean; escalate: boolean } {
  return {
    remind: wait.nextReminderAt !== null && wait.nextReminderAt <= now,
    escalate: wait.escalatedAt === null && wait.escalationDueAt !== null && wait.escalationDueAt <= now,
  };
}
