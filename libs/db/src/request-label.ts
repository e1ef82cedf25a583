import { findRight, type OrganisationPolicy } from '#policy';

import type { DataSubjectRequest } from './entities/data-subject-request.entity.js';

/** How a request is named to its requester: its right, or for mail staff have not classified, the mail itself. */
export function requestLabel(
  request: Pick<DataSubjectRequest, 'status' | 'rightId' | 'type'>,
  policy: OrganisationPolicy,
): string {
  // Until classified, the right on the row is only the one whose deadline the request is held to.
  if (request.status === 'received_by_email' || request.status === 'not_a_request')
    return 'Your email to our privacy address';
  return findRight(policy, request.rightId)?.label ?? request.type;
}

/** A request's type in staff mails: for mail not yet classified, that it still needs reading, not its provisional type. */
export function requestTypeWords(request: Pick<DataSubjectRequest, 'status' | 'type'>): string {
  if (request.status === 'received_by_email') return 'unclassified emailed';
  return request.type.replace(/_/g, ' ');
}
