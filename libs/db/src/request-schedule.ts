import { type EntityManager, IsNull } from 'typeorm';

import { DEFAULT_EXTENSION_WARNING_DAYS, DEFAULT_REMINDER_OFFSETS_DAYS } from '#policy';
import { computeDeadlines, type Deadlines, deadlineSchedule, type ScheduledEvent } from '#workflow';

import type { DataSubjectRequest } from './entities/data-subject-request.entity.js';
import { DeadlineEvent } from './entities/deadline-event.entity.js';
import type { OrganisationContext } from './organisation.directory.js';
import { requestFacts } from './request-facts.js';

/** The calculator's dates for a stored request as it stands (clock start, pauses so far). */
export function requestDeadlines(request: DataSubjectRequest, context: OrganisationContext): Deadlines {
  const facts = requestFacts(request, context);
  return computeDeadlines({
    regime: facts.regime,
    requestType: facts.requestType,
    receivedAt: facts.receivedAt,
    clockStartedAt: facts.clockStartedAt ?? undefined,
    pausedDays: facts.pausedDays,
    timeZone: facts.timeZone,
    calendar: facts.calendar,
    internalTargetDays: facts.internalTargetDays,
  });
}

/**
 * What a stored request has coming as of `now`, under the settings of the policy version it was made under. A caller
 * that has just computed the request's deadlines passes them instead of having them computed again.
 */
export function requestSchedule(
  request: DataSubjectRequest,
  context: OrganisationContext,
  now: Date,
  deadlines?: Deadlines,
): ScheduledEvent[] {
  const { extensionNoticeBy } = deadlines ?? requestDeadlines(request, context);
  const { settings } = context.policy;
  return deadlineSchedule({
    status: request.status,
    dueAt: request.dueAt,
    extended: request.extendedDueAt !== null,
    extensionNoticeBy,
    pausedAt: request.pausedAt,
    verificationExpiresAt: request.verificationExpiresAt,
    verificationLinkDays: settings.verificationLinkDays,
    reminderOffsetsDays: settings.reminderOffsetsDays ?? DEFAULT_REMINDER_OFFSETS_DAYS,
    extensionWarningDays: settings.extensionWarningDays ?? DEFAULT_EXTENSION_WARNING_DAYS,
    timeZone: context.organisation.timeZone,
    now,
  });
}

/**
 * Replaces a request's scheduled events with what it has coming now, in the caller's transaction: call it wherever
 * the request's dates or status change. Fired events stay, and an event with the key of one already fired is not
 * scheduled again, so a reminder is never sent twice; a moved due date makes new keys, hence new reminders.
 */
export async function rescheduleRequest(
  tx: EntityManager,
  request: DataSubjectRequest,
  context: OrganisationContext,
  now: Date,
  deadlines?: Deadlines,
): Promise<void> {
  await tx.delete(DeadlineEvent, { requestId: request.id, firedAt: IsNull() });
  const events = requestSchedule(request, context, now, deadlines);
  if (events.length === 0) return;
  await tx
    .createQueryBuilder()
    .insert()
    .into(DeadlineEvent)
    .values(
      events.map((e) => ({
        requestId: request.id,
        organisationId: request.organisationId,
        kind: e.kind,
        key: e.key,
        dueAt: e.dueAt,
      })),
    )
    .orIgnore()
    .execute();
}
