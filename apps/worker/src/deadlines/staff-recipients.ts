import type { DataSource } from 'typeorm';

import { type DataSubjectRequest, type OrganisationContext, TeamRepository, WORKING_ROLES } from '#db';

/** A staff mail's addressee; `id` keeps one ledger key per addressee, so a retry skips those already sent. */
export interface StaffRecipient {
  id: string;
  email: string;
  /** Null for the organisation's privacy inbox. */
  name: string | null;
}

const PRIVACY_INBOX = 'privacy-inbox';

/** The organisation's admins, as staff mails address them. */
export function organisationAdmins(dataSource: DataSource, organisationId: string): Promise<StaffRecipient[]> {
  return new TeamRepository(dataSource.manager).members(organisationId, { roles: ['admin'], orderBy: 'email' });
}

/**
 * Who staff mails about a request go to: its assignee while they work for the organisation, else the privacy inbox
 * its policy names, else the organisation's admins.
 */
export async function requestStaffRecipients(
  dataSource: DataSource,
  request: DataSubjectRequest,
  context: OrganisationContext,
): Promise<StaffRecipient[]> {
  if (request.assigneeId !== null) {
    const assignee = await new TeamRepository(dataSource.manager).members(request.organisationId, {
      roles: WORKING_ROLES,
      userIds: [request.assigneeId],
    });
    if (assignee.length > 0) return assignee;
  }
  if (context.policy.privacyEmail) return [{ id: PRIVACY_INBOX, email: context.policy.privacyEmail, name: null }];
  return organisationAdmins(dataSource, request.organisationId);
}
