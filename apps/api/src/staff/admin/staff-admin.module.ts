import { Module } from '@nestjs/common';

import { StaffAuthModule } from '../auth/staff-auth.module.js';
import { StaffAdminController } from './staff-admin.controller.js';
import { StaffAdminService } from './staff-admin.service.js';

/** An organisation's members, their roles and invitations, for its admins. */
@Module({
  imports: [StaffAuthModule],
  controllers: [StaffAdminController],
  providers: [StaffAdminService],
})
export class StaffAdminModule {}
