import { Logger } from '@nestjs/common';

import { newStaffLink, Organisation, StaffInvitation, StaffPasswordReset, StaffUser } from '#db';
import { formatLocalDate, invitationMail, passwordResetMail } from '#mail';

import type { JobHandlers } from '../job-handlers.js';
import type { RequestMailDeps } from './request-mail.context.js';

/**
 * Invitation and password-reset mails. Each link is made as its mail is prepared (committed before the mail leaves,
 * so it works at once) and only its hash stored: a retried send makes a new link, and the one never delivered dies.
 */
export function staffAccountMailHandlers(
  deps: RequestMailDeps,
): Pick<JobHandlers, 'staff.invitation.send' | 'staff.password_reset.send'> {
  const { dataSource, ledger, clock, env } = deps;
  const logger = new Logger('staff-account-mail');
  const link = (path: string) => new URL(path, env.PUBLIC_URL).toString();

  return {
    async 'staff.invitation.send'({ invitationId }, jobId) {
      const invitation = await dataSource.getRepository(StaffInvitation).findOneBy({ id: invitationId });
      if (!invitation || invitation.acceptedAt || invitation.revokedAt || invitation.expiresAt <= clock.now()) {
        logger.log(`invitation ${invitationId} no longer pending: not mailed`);
        return;
      }
      const organisation = await dataSource
        .getRepository(Organisation)
        .findOneByOrFail({ id: invitation.organisationId });
      const entry = {
        key: jobId,
        organisationId: organisation.id,
        requestId: null,
        template: 'staff_invitation',
        to: invitation.email,
      };
      await ledger.sendOnce(entry, async (tx) => {
        const { link: token, secretHash } = newStaffLink(invitation.id);
        await tx.update(StaffInvitation, { id: invitation.id }, { secretHash });
        const existingAccount = await tx.existsBy(StaffUser, { email: invitation.email });
        return {
          to: invitation.email,
          ...invitationMail({
            organisationName: organisation.name,
            role: invitation.role,
            existingAccount,
            url: link(`/staff/invitations/${token}`),
            expiresOn: formatLocalDate(invitation.expiresAt, organisation.timeZone),
          }),
        };
      });
    },

    async 'staff.password_reset.send'({ resetId }, jobId) {
      const reset = await dataSource
        .getRepository(StaffPasswordReset)
        .findOne({ where: { id: resetId }, relations: { user: true } });
      if (!reset || reset.usedAt || reset.expiresAt <= clock.now()) {
        logger.log(`password reset ${resetId} no longer usable: not mailed`);
        return;
      }
      const user = reset.user!;
      const entry = {
        key: jobId,
        organisationId: null,
        requestId: null,
        template: 'staff_password_reset',
        to: user.email,
      };
      await ledger.sendOnce(entry, async (tx) => {
        const { link: token, secretHash } = newStaffLink(reset.id);
        await tx.update(StaffPasswordReset, { id: reset.id }, { secretHash });
        const validMinutes = Math.round((reset.expiresAt.getTime() - reset.createdAt.getTime()) / 60_000);
        return {
          to: user.email,
          ...passwordResetMail({ recipientName: user.name, url: link(`/staff/password-reset/${token}`), validMinutes }),
        };
      });
    },
  };
}
