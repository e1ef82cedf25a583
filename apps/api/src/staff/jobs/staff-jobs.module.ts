import { Module } from '@nestjs/common';

import { StaffAuthModule } from '../auth/staff-auth.module.js';
import { JobQueues } from './job-queues.js';
import { QueueDashboardController } from './queue-dashboard.controller.js';
import { QueueDashboardService } from './queue-dashboard.service.js';

/** The background jobs of an organisation, and retrying a failed one. */
@Module({
  imports: [StaffAuthModule],
  controllers: [QueueDashboardController],
  providers: [JobQueues, QueueDashboardService],
  // The metrics read the same queues, over the same connection.
  exports: [JobQueues],
})
export class StaffJobsModule {}
