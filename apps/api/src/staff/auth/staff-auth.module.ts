import { Module } from '@nestjs/common';

import { InvitationController } from './invitation.controller.js';
import { OrganisationAccess } from './organisation-access.js';
import { PasswordController } from './password.controller.js';
import { SignInController } from './sign-in.controller.js';
import { StaffGuard } from './staff.guard.js';
import { StaffLinksService } from './staff-links.service.js';
import { StaffPasswordService } from './staff-password.service.js';
import { StaffSessionService } from './staff-session.service.js';

/** Who a staff member is and which organisations they reach: sign-in, invitations, passwords, sessions. */
@Module({
  controllers: [SignInController, InvitationController, PasswordController],
  providers: [StaffSessionService, StaffLinksService, StaffPasswordService, StaffGuard, OrganisationAccess],
  exports: [StaffSessionService, StaffGuard, OrganisationAccess],
})
export class StaffAuthModule {}
