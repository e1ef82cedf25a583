import { Module } from '@nestjs/common';

import { StaffAuthModule } from '../auth/staff-auth.module.js';
import { StaffAlertsController } from './staff-alerts.controller.js';
import { StaffAlertsService } from './staff-alerts.service.js';

/** What needs a person's attention in an organisation, and marking it resolved. */
@Module({
  imports: [StaffAuthModule],
  controllers: [StaffAlertsController],
  providers: [StaffAlertsService],
  // The queue page lists the open alerts.
  exports: [StaffAlertsService],
})
export class StaffAlertsModule {}
