import { Module } from '@nestjs/common';

import { StaffAdminModule } from './admin/staff-admin.module.js';
import { StaffAlertsModule } from './alerts/staff-alerts.module.js';
import { StaffAuthModule } from './auth/staff-auth.module.js';
import { InboundMailModule } from './inbound/inbound-mail.module.js';
import { StaffJobsModule } from './jobs/staff-jobs.module.js';
import { PlatformModule } from './platform/platform.module.js';
import { StaffReportsModule } from './reports/staff-reports.module.js';
import { StaffRequestModule } from './request/staff-request.module.js';
import { StaffHomeController } from './staff-home.controller.js';
import { StaffHomeService } from './staff-home.service.js';

/** The staff console: sign-in, the home page of a member's organisations, request pages, reports, staff admin, and the platform console of operators. */
@Module({
  imports: [
    StaffAuthModule,
    StaffAdminModule,
    StaffAlertsModule,
    StaffJobsModule,
    StaffReportsModule,
    InboundMailModule,
    StaffRequestModule,
    PlatformModule,
  ],
  controllers: [StaffHomeController],
  providers: [StaffHomeService],
})
export class StaffModule {}
