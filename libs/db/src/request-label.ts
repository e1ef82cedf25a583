import type { DataSubjectRequest } from './entities/data-subject-request.entity.js';

/** A request's type in staff mails: for mail not yet classified, that it still needs reading, not its provisional type. */
export function requestTypeWords(request: Pick<DataSubjectRequest, 'status' | 'type'>): string {
  if (request.status === 'received_by_email') return 'unclassified emailed';
  return request.type.replace(/_/g, ' ');
}
