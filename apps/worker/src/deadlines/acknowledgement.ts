import type { EntityManager } from 'typeorm';

import { DataSubjectRequest, lockRequest, type OrganisationContext, rescheduleRequest } from '#db';

/**
 * Records, in the transaction that commits a receipt or verification mail's link tokens, that the request is
 * acknowledged (the first such mail is the acknowledgement) and, for a verification link, when it expires: the
 * verification reminder and the closing follow that expiry. Called after the tokens are issued, so it takes the
 * request's lock in the same order as the verification page (token, then request).
 */
export async function recordRequesterMail(
  tx: EntityManager,
  requestId: string,
  context: OrganisationContext,
  now: Date,
  verificationExpiresAt?: Date,
): Promise<void> {
  const request = await lockRequest(tx, { id: requestId });
  if (!request) throw new Error(`Request ${requestId} is gone`);
  request.acknowledgedAt ??= now;
  if (verificationExpiresAt) request.verificationExpiresAt = verificationExpiresAt;
  await tx.update(
    DataSubjectRequest,
    { id: requestId },
    { acknowledgedAt: request.acknowledgedAt, verificationExpiresAt: request.verificationExpiresAt },
  );
  await rescheduleRequest(tx, request, context, now);
}
