import type { EntityManager } from 'typeorm';
import { appendAudit, DataSubjectRequest, newRequestReference, rescheduleRequest, type OrganisationContext, type RequestChannel, type RequesterRelationship } from '#db';
import { internalTargetDaysFor, type PolicyRight } from '#policy';
import { computeDeadlines, initialStatus, requiresVerification } from '#workflow';

/** Who asked, as each channel knows them. SMS senders have a number and no address. */
export interface Requester {
  name: string;
  email: string;
  phone: string | null;
  relationship: RequesterRelationship;
  details: string;
}

/**
 * Stores a new request with its deadlines, its `request.received` timeline entry and its scheduled events, in
 * the caller's transaction. The caller writes what comes next (verification mail, or an opt-out's fulfilment).
 */
export async function insertRequest(
  tx: EntityManager,
  context: OrganisationContext,
  right: PolicyRight,
  requester: Requester,
  channel: RequestChannel,
  receivedAt: Date,
): Promise<DataSubjectRequest> {
  const { organisation, policyVersion, policy, calendar } = context;
  const deadlines = computeDeadlines({
    regime: right.regime,
    requestType: right.type,
    receivedAt,
    timeZone: organisation.timeZone,
    calendar,
    internalTargetDays: internalTargetDaysFor(policy, right.id),
  });
  const request = await tx.save(
    tx.create(DataSubjectRequest, {
      reference: newRequestReference(),
      organisationId: organisation.id,
      policyVersionId: policyVersion.id,
      rightId: right.id,
      type: right.type,
      regime: right.regime,
      channel,
      status: initialStatus(right.type),
      requesterName: requester.name,
      requesterEmail: requester.email,
      requesterPhone: requester.phone,
      relationship: requester.relationship,
      details: requester.details,
      receivedAt,
      clockStartedAt: receivedAt,
      acknowledgeBy: deadlines.acknowledgeBy,
      dueAt: deadlines.dueAt,
      verificationRequired: requiresVerification(right.type) ? right.verification : 'none',
    }),
  );
  await appendAudit(tx, {
    organisationId: organisation.id,
    requestId: request.id,
    actorLabel: 'requester',
    action: 'request.received',
    detail: { channel, rightId: right.id, dueAt: request.dueAt },
    at: receivedAt,
  });
  await rescheduleRequest(tx, request, context, receivedAt);
  return request;
}

const REFERENCE_ATTEMPTS = 5;
const UNIQUE_VIOLATION = '23505';

/** Runs a transaction that makes a request again when its random reference collided with another's. */
export async function withFreshReference<T>(run: () => Promise<T>): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await run();
    } catch (error) {
      const collided = (error as { code?: string }).code === UNIQUE_VIOLATION && /reference/.test(String(error));
      if (!collided || attempt >= REFERENCE_ATTEMPTS) throw error;
    }
  }
}
