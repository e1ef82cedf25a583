import { internalTargetDaysFor } from '#policy';
import type { RequestChanges, RequestFacts, RequestStatus } from '#workflow';
import type { DataSubjectRequest } from './entities/data-subject-request.entity.js';
import type { OrganisationContext } from './organisation.directory.js';

/** The workflow's view of a stored request: the calculator and state machine work on these facts only. */
export function requestFacts(request: DataSubjectRequest, context: OrganisationContext): RequestFacts {
  return {
    status: request.status,
    regime: request.regime,
    requestType: request.type,
    receivedAt: request.receivedAt,
    clockStartedAt: request.clockStartedAt,
    verifiedAt: request.verifiedAt,
    extended: request.extendedDueAt !== null,
    timeZone: context.organisation.timeZone,
    calendar: context.calendar,
    internalTargetDays: internalTargetDaysFor(context.policy, request.rightId),
  };
}

/**
 * Writes a transition's outcome onto the row. A change the row has no column for is an error, not a
 * silent drop: a new transition must come with its migration.
 */
export function applyTransition(request: DataSubjectRequest, status: RequestStatus, changes: RequestChanges): void {
  const { verifiedAt, clockStartedAt, dueAt, extendedDueAt, ...unstored } = changes;
  const unknown = Object.keys(unstored);
  if (unknown.length > 0) throw new Error(`The request row cannot store: ${unknown.join(', ')}`);
  request.status = status;
  if (verifiedAt !== undefined) request.verifiedAt = verifiedAt;
  if (clockStartedAt !== undefined) request.clockStartedAt = clockStartedAt;
  if (dueAt !== undefined) request.dueAt = dueAt;
  if (extendedDueAt !== undefined) request.extendedDueAt = extendedDueAt;
}
