import { type DrpStatusObject, drpStatusObject } from '#workflow';

import type { DataSubjectRequest } from './entities/data-subject-request.entity.js';
import type { DrpRequest } from './entities/drp-request.entity.js';

/** The §3.03 status object of a stored DRP request, as the agent reads it. */
export function drpStatusOfRequest(
  request: DataSubjectRequest,
  drp: Pick<DrpRequest, 'drpRequestId' | 'agentRequestId' | 'userVerificationUrl'>,
): DrpStatusObject {
  return drpStatusObject({
    status: request.status,
    denialReason: request.denialReason,
    extensionReason: request.extensionReason,
    redirectedTo: request.redirectedTo,
    receivedAt: request.receivedAt,
    dueAt: request.dueAt,
    drpRequestId: drp.drpRequestId,
    agentRequestId: drp.agentRequestId,
    userVerificationUrl: drp.userVerificationUrl,
  });
}
