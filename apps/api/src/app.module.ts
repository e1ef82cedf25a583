import { Module, type DynamicModule } from '@nestjs/common';
import { AssetsController } from './assets/assets.controller.js';
import { DevMailboxController } from './dev/dev-mailbox.controller.js';
import { DevSmsController } from './dev/dev-sms.controller.js';
import { DrpModule } from './drp/drp.module.js';
import { HealthController } from './health.controller.js';
import { InfraModule } from './infra/infra.module.js';
import { OrganisationIndexController } from './intake/organisation-index.controller.js';
import { RequestFormController } from './intake/request-form.controller.js';
import { RequestIntakeService } from './intake/request-intake.service.js';
import { StaffModule } from './staff/staff.module.js';
import { SuppressionModule } from './suppression/suppression.module.js';
import { ResponseDownloadService } from './verification/response-download.service.js';
import { StatusController } from './verification/status.controller.js';
import { VerificationController } from './verification/verification.controller.js';
import { VerificationService } from './verification/verification.service.js';

@Module({})
export class AppModule {
  /** The dev pages exist only outside production on a local PUBLIC_URL (Env.devPagesServed). */
  static forEnvironment(devPagesServed: boolean): DynamicModule {
    return {
      module: AppModule,
      imports: [InfraModule, StaffModule, SuppressionModule, DrpModule],
      controllers: [
        AssetsController,
        HealthController,
        OrganisationIndexController,
        RequestFormController,
        VerificationController,
        StatusController,
        ...(devPagesServed ? [DevMailboxController, DevSmsController] : []),
      ],
      providers: [RequestIntakeService, VerificationService, ResponseDownloadService],
    };
  }
}
