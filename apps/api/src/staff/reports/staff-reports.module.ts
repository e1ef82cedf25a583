import { Module } from '@nestjs/common';

import { StaffAuthModule } from '../auth/staff-auth.module.js';
import { StaffDashboardModule } from '../dashboard/staff-dashboard.module.js';
import { ReportsController } from './reports.controller.js';
import { RequestReportService } from './request-report.service.js';

/** The yearly request metrics an organisation publishes, as a page and as CSV. */
@Module({
  imports: [StaffAuthModule, StaffDashboardModule],
  controllers: [ReportsController],
  providers: [RequestReportService],
})
export class StaffReportsModule {}
