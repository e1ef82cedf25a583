import { Module } from '@nestjs/common';
import { Csrf } from '../public/csrf.js';
import { OrganisationAccess } from './auth/organisation-access.js';
import { SignInController } from './auth/sign-in.controller.js';
import { StaffGuard } from './auth/staff.guard.js';
import { StaffSessionService } from './auth/staff-session.service.js';
import { StaffHomeController } from './staff-home.controller.js';

/** The staff console: sign-in, each organisation's queue, request pages and actions, reports, staff admin. */
@Module({
  controllers: [SignInController, StaffHomeController],
  providers: [Csrf, StaffSessionService, StaffGuard, OrganisationAccess],
  exports: [Csrf, StaffSessionService, StaffGuard, OrganisationAccess],
})
export class StaffModule {}
