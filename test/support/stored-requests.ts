import type { DataSource } from 'typeorm';

import { DataSubjectRequest, newRequestReference, OrganisationDirectory, type RequestChannel } from '#db';
import { findRight, internalTargetDaysFor } from '#policy';
import { computeDeadlines, isOpen, type RequestStatus, requiresVerification } from '#workflow';

export interface StoredRequestInput {
  slug: string;
  /** A right of the organisation's current policy; it gives the type and regime. */
  rightId: string;
  status: RequestStatus;
  channel: RequestChannel;
  receivedAt: Date;
  email: string;
  assigneeId?: string | null;
}

/**
 * A request row written straight to the run's database (no timeline entry, no jobs), for tests that need many
 * requests in given states. Its dates are what intake and verification would give it: the calculator's.
 */
export async function storeRequest(dataSource: DataSource, input: StoredRequestInput): Promise<DataSubjectRequest> {
  const context = await new OrganisationDirectory(dataSource).bySlug(input.slug);
  if (!context) throw new Error(`no organisation ${input.slug}`);
  const right = findRight(context.policy, input.rightId);
  if (!right) throw new Error(`${input.slug} has no right ${input.rightId}`);
  const verified = input.status !== 'unverified' && input.status !== 'closed_unverified';
  const deadlines = computeDeadlines({
    regime: right.regime,
    requestType: right.type,
    receivedAt: input.receivedAt,
    clockStartedAt: input.receivedAt,
    timeZone: context.organisation.timeZone,
    calendar: context.calendar,
    internalTargetDays: internalTargetDaysFor(context.policy, right.id),
  });
  const needsVerification = requiresVerification(right.type);
  return dataSource.getRepository(DataSubjectRequest).save({
    reference: newRequestReference(),
    organisationId: context.organisation.id,
    policyVersionId: context.policyVersion.id,
    rightId: right.id,
    type: right.type,
    regime: right.regime,
    channel: input.channel,
    status: input.status,
    requesterName: 'Stored Requester',
    requesterEmail: input.email,
    requesterPhone: null,
    relationship: 'self',
    details: '',
    receivedAt: input.receivedAt,
    clockStartedAt: input.receivedAt,
    verifiedAt: verified ? input.receivedAt : null,
    acknowledgeBy: deadlines.acknowledgeBy,
    dueAt: deadlines.dueAt,
    closedAt: isOpen(input.status) ? null : new Date(),
    assigneeId: input.assigneeId ?? null,
    verificationRequired: needsVerification ? right.verification : 'none',
    verificationReached: verified && needsVerification ? right.verification : 'none',
  });
}
