import type { PolicyRight } from '#policy';

import { computeDeadlines, type Deadlines } from './deadline.calculator.js';
import type { WorkingCalendar } from './working-calendar.js';

/** One right an organisation grants, with its internal target where the policy sets one. */
export interface TriageRight {
  right: Pick<PolicyRight, 'id' | 'type' | 'regime'>;
  internalTargetDays?: number;
}

export interface ProvisionalDeadlines {
  /** The right whose due date is the earliest: the triage request is held to its dates until classified. */
  right: TriageRight['right'];
  dueAt: Date;
  /** The earliest acknowledgement date of any right; null when no right's regime asks for one. */
  acknowledgeBy: Date | null;
}

/**
 * A mailed-in request's type is unknown until staff read it, but its clock may already run (the CCPA counts from
 * receipt). Until then it is held to the earliest due date and acknowledgement any of the organisation's rights
 * would get if received at the same moment, so it sorts first in the queue and its reminders come early.
 */
export function provisionalTriageDeadlines(
  rights: readonly TriageRight[],
  receivedAt: Date,
  timeZone: string,
  calendar: WorkingCalendar,
): ProvisionalDeadlines {
  if (rights.length === 0) throw new Error('An organisation without rights cannot receive requests');
  const computed = rights.map((r): { right: TriageRight['right']; deadlines: Deadlines } => ({
    right: r.right,
    deadlines: computeDeadlines({
      regime: r.right.regime,
      requestType: r.right.type,
      receivedAt,
      timeZone,
      calendar,
      internalTargetDays: r.internalTargetDays,
    }),
  }));
  const earliest = computed.reduce((best, c) =>
    c.deadlines.dueAt.getTime() < best.deadlines.dueAt.getTime() ? c : best,
  );
  const acknowledgements = computed.flatMap((c) =>
    c.deadlines.acknowledgeBy ? [c.deadlines.acknowledgeBy.getTime()] : [],
  );
  return {
    right: earliest.right,
    dueAt: earliest.deadlines.dueAt,
    acknowledgeBy: acknowledgements.length === 0 ? null : new Date(Math.min(...acknowledgements)),
  };
}
