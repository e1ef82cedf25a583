import { type MiddlewareConsumer, Module, type NestModule, RequestMethod } from '@nestjs/common';

import { StaffJobsModule } from '../staff/jobs/staff-jobs.module.js';
import { IntakeTiming } from './intake-timing.middleware.js';
import { MetricsController, MetricsTokenGuard } from './metrics.controller.js';
import { MetricsService } from './metrics.service.js';

/** /metrics for Prometheus (docs/operations.md), and the timing of intake it reports. */
@Module({
  imports: [StaffJobsModule],
  controllers: [MetricsController],
  providers: [MetricsService, MetricsTokenGuard],
})
export class MetricsModule implements NestModule {
  configure(consumer: MiddlewareConsumer): void {
    consumer
      .apply(IntakeTiming)
      .forRoutes(
        { path: 'o/:org/requests', method: RequestMethod.POST },
        { path: 'drp/:org/v1/data-rights-request', method: RequestMethod.POST },
      );
  }
}
