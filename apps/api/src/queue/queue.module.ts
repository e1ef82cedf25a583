import { Module } from '@nestjs/common';

import { StaffAlertsModule } from '../staff/alerts/staff-alerts.module.js';
import { StaffAuthModule } from '../staff/auth/staff-auth.module.js';
import { QueuePageController } from './queue-page.controller.js';
import { RequestQueueService } from './request-queue.service.js';
import { RequestsApiController } from './requests-api.controller.js';

/** Each organisation's queue of requests: the staff page, its CSV export and the JSON API. */
@Module({
  // The queue page shows the organisation's open alerts above the list.
  imports: [StaffAuthModule, StaffAlertsModule],
  controllers: [QueuePageController, RequestsApiController],
  providers: [RequestQueueService],
})
export class QueueModule {}
