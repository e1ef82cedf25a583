import { Module } from '@nestjs/common';
import { RequestIntakeService } from '../intake/request-intake.service.js';
import { StaffModule } from '../staff/staff.module.js';
import { DrpController } from './drp.controller.js';
import { DrpCredentials } from './drp-credentials.service.js';
import { DrpRequestsService } from './drp-requests.service.js';

/** The Data Rights Protocol: each organisation as a covered business for authorised agents. */
@Module({
  // StaffModule: a revoke is the requester's withdrawal, a request action like the staff's.
  imports: [StaffModule],
  controllers: [DrpController],
  providers: [DrpCredentials, DrpRequestsService, RequestIntakeService],
})
export class DrpModule {}
