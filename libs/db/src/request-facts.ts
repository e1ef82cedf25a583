import { internalTargetDaysFor } from '#policy';
import { type RequestChanges, type RequestFacts, type RequestStatus, requiresVerification } from '#workflow';

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
    pausedAt: request.pausedAt,
    pausedDays: request.pausedDays,
    timeZone: context.organisation.timeZone,
    calendar: context.calendar,
    internalTargetDays: internalTargetDaysFor(context.policy, request.rightId),
    madeByAgent: request.relationship === 'agent',
    verificationRequired: request.verificationRequired,
  };
}

/**
 * Writes a transition's outcome onto the row. Every change has a column, except a reopening's reason,
 * which lives in the audit entry. A change the row cannot store is an error, not a silent drop.
 */
export function applyTransition(request: DataSubjectRequest, status: RequestStatus, changes: RequestChanges): void {
  const {
    verifiedAt,
    clockStartedAt,
    dueAt,
    extendedDueAt,
    extended,
    extensionReason,
    pausedAt,
    pausedDays,
    closedAt,
    denial,
    partialReason,
    redirectedTo,
    reopenReason,
    classification,
    ...unstored
  } = changes;
  const unknown = Object.keys(unstored);
  if (unknown.length > 0) throw new Error(`The request row cannot store: ${unknown.join(', ')}`);
  if (extended && !extendedDueAt) throw new Error('An extension must carry its extended due date');
  request.status = status;
  if (verifiedAt !== undefined) request.verifiedAt = verifiedAt;
  if (clockStartedAt !== undefined) request.clockStartedAt = clockStartedAt;
  if (dueAt !== undefined) request.dueAt = dueAt;
  if (extendedDueAt !== undefined) request.extendedDueAt = extendedDueAt;
  if (extensionReason !== undefined) request.extensionReason = extensionReason;
  if (pausedAt !== undefined) request.pausedAt = pausedAt;
  if (pausedDays !== undefined) request.pausedDays = pausedDays;
  if (closedAt !== undefined) request.closedAt = closedAt;
  if (denial !== undefined) {
    request.denialReason = denial.reason;
    request.resolutionText = denial.text;
  }
  if (partialReason !== undefined) request.resolutionText = partialReason;
  if (redirectedTo !== undefined) request.redirectedTo = redirectedTo;
  // A mailed-in request takes the right staff named in place of the provisional one it was held to.
  if (classification !== undefined) {
    request.rightId = classification.id;
    request.type = classification.type;
    request.regime = classification.regime;
    request.verificationRequired = requiresVerification(classification.type) ? classification.verification : 'none';
  }
  // A reopened request starts without the outcome it was closed with; the audit log keeps that outcome.
  if (reopenReason !== undefined) {
    request.denialReason = null;
    request.resolutionText = null;
    request.redirectedTo = null;
  }
}
