import type { DataSource } from 'typeorm';
import type { DataSubjectRequest, OrganisationContext } from '#db';

/** A staff mail's addressee; `id` keeps one ledger key per addressee, so a retry skips those already sent. */
export interface StaffRecipient {
  id: string;
  email: string;
  /** Null for the organisation's privacy inbox. */
  name: string | null;
}

const PRIVACY_INBOX = 'privacy-inbox';

/** The organisation's admins, as staff mails address them. */
export async function organisationAdmins(dataSource: DataSource, organisationId: string): Promise<StaffRecipient[]> {
  return dataSource.query(
    `SELECT u.id, u.email, u.name FROM staff_membership m JOIN staff_user u ON u.id = m.user_id
     WHERE m.organisation_id = $1 AND m.role = 'admin' ORDER BY u.email`,
    [organisationId],
  );
}

/**
 * Who staff mails about a request go to: its assignee while they work for the organisation, else the privacy inbox
 * its policy names, else the organisation's admins.
 */
export async function requestStaffRecipients(dataSource: DataSource, request: DataSubjectRequest, context: OrganisationContext): Promise<StaffRecipient[]> {
  if (request.assigneeId !== null) {
    const assignee: StaffRecipient[] = await dataSource.query(
      `SELECT u.id, u.email, u.name FROM staff_membership m JOIN staff_user u ON u.id = m.user_id
       WHERE m.user_id = $1 AND m.organisation_id = $2 AND m.role IN ('agent', 'admin')`,
      [request.assigneeId, request.organisationId],
    );
    if (assignee.length > 0) return assignee;
  }
  if (context.policy.privacyEmail) return [{ id: PRIVACY_INBOX, email: context.policy.privacyEmail, name: null }];
  return organisationAdmins(dataSource, request.organisationId);
}
