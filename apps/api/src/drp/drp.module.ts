import { Module } from '@nestjs/common';

import { IntakeModule } from '../intake/intake.module.js';
import { RequestsModule } from '../requests/requests.module.js';
import { DrpController } from './drp.controller.js';
import { DrpBusinesses } from './drp-businesses.service.js';
import { DrpCredentials } from './drp-credentials.service.js';
import { DrpRequestsService } from './drp-requests.service.js';
import { DrpVerificationPageController } from './drp-verification-page.controller.js';
import { DrpVerificationPageService } from './drp-verification-page.service.js';

/** The Data Rights Protocol: each organisation as a covered business for authorised agents. */
@Module({
  // An agent's request comes in through the same intake as the form's; a revoke is the requester's withdrawal, a
  // request action like the staff's.
  imports: [IntakeModule, RequestsModule],
  controllers: [DrpController, DrpVerificationPageController],
  providers: [DrpBusinesses, DrpCredentials, DrpRequestsService, DrpVerificationPageService],
})
export class DrpModule {}
