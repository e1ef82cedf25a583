import { Module } from '@nestjs/common';
import { RequestIntakeService } from '../intake/request-intake.service.js';
import { StaffModule } from '../staff/staff.module.js';
import { SuppressionModule } from '../suppression/suppression.module.js';
import { DrpController } from './drp.controller.js';
import { DrpCredentials } from './drp-credentials.service.js';
import { DrpRequestsService } from './drp-requests.service.js';
import { DrpVerificationPageController } from './drp-verification-page.controller.js';

/** The Data Rights Protocol: each organisation as a covered business for authorised agents. */
@Module({
  // StaffModule: a revoke is the requester's withdrawal, a request action like the staff's. SuppressionModule: the
  // intake fulfils an agent's opt-out with its suppression, as it does the form's.
  imports: [StaffModule, SuppressionModule],
  controllers: [DrpController, DrpVerificationPageController],
  providers: [DrpCredentials, DrpRequestsService, RequestIntakeService],
})
export class DrpModule {}
