import { isOpen, type RequestStatus } from './request-state.machine.js';

/** An open request with less than this share of its period left is due soon. */
export const DUE_SOON_FRACTION = 0.25;

export type DeadlineUrgency = 'overdue' | 'due_soon';

/**
 * How pressing an open request is: overdue once its due date (the one in force) has passed, due soon when
 * under a quarter of the time from clock start to due date is left. Closed requests are never pressing.
 */
export function deadlineUrgency(
  request: { status: RequestStatus; dueAt: Date; clockStartedAt: Date },
  now: Date,
): DeadlineUrgency | null {
  if (!isOpen(request.status)) return null;
  const left = request.dueAt.getTime() - now.getTime();
  if (left < 0) return 'overdue';
  const period = request.dueAt.getTime() - request.clockStartedAt.getTime();
  return period <= 0 || left / period < DUE_SOON_FRACTION ? 'due_soon' : null;
}
