import { Module } from '@nestjs/common';

import { StaffAuthModule } from '../auth/staff-auth.module.js';
import { DeadlineDashboardService } from './deadline-dashboard.service.js';
import { OrganisationHomeController } from './organisation-home.controller.js';

/** The deadline charts: the organisation's home page, and the reports page's (which imports this). */
@Module({
  imports: [StaffAuthModule],
  controllers: [OrganisationHomeController],
  providers: [DeadlineDashboardService],
  exports: [DeadlineDashboardService],
})
export class StaffDashboardModule {}
