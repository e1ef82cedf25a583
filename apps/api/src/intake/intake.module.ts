import { Module } from '@nestjs/common';

import { SuppressionModule } from '../suppression/suppression.module.js';
import { OrganisationIndexController } from './organisation-index.controller.js';
import { RequestFormController } from './request-form.controller.js';
import { RequestIntakeService } from './request-intake.service.js';

/** How a request comes in through our pages: the organisation index and each organisation's request form. */
@Module({
  // An opt-out request is fulfilled with its suppression at once, and a GPC signal is recorded with the request.
  imports: [SuppressionModule],
  controllers: [OrganisationIndexController, RequestFormController],
  providers: [RequestIntakeService],
  // DRP takes an agent's request through the same intake.
  exports: [RequestIntakeService],
})
export class IntakeModule {}
