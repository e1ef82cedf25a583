import { type DynamicModule, Module } from '@nestjs/common';

import { AssetsController } from './assets/assets.controller.js';
import { DevModule } from './dev/dev.module.js';
import { DrpModule } from './drp/drp.module.js';
import { HealthController } from './health.controller.js';
import { InfraModule } from './infra/infra.module.js';
import { IntakeModule } from './intake/intake.module.js';
import { MetricsModule } from './metrics/metrics.module.js';
import { QueueModule } from './queue/queue.module.js';
import { StaffModule } from './staff/staff.module.js';
import { SuppressionModule } from './suppression/suppression.module.js';
import { SystemsModule } from './systems/systems.module.js';
import { VerificationModule } from './verification/verification.module.js';

@Module({})
export class AppModule {
  /** The dev pages exist only outside production on a local PUBLIC_URL (Env.devPagesServed). */
  static forEnvironment(devPagesServed: boolean): DynamicModule {
    return {
      module: AppModule,
      imports: [
        InfraModule,
        IntakeModule,
        VerificationModule,
        StaffModule,
        QueueModule,
        SuppressionModule,
        DrpModule,
        SystemsModule,
        MetricsModule,
        ...(devPagesServed ? [DevModule] : []),
      ],
      controllers: [AssetsController, HealthController],
    };
  }
}
