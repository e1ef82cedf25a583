import { Module } from '@nestjs/common';

import { StaffAuthModule } from '../auth/staff-auth.module.js';
import { PlatformController } from './platform.controller.js';
import { PlatformService } from './platform.service.js';

/** The platform console for operators: organisations created from their policies, reviewed and published. */
@Module({
  imports: [StaffAuthModule],
  controllers: [PlatformController],
  providers: [PlatformService],
})
export class PlatformModule {}
