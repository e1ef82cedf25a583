import { Module } from '@nestjs/common';

import { DevMailService } from './dev-mail.service.js';
import { DevMailboxController } from './dev-mailbox.controller.js';
import { DevSmsController } from './dev-sms.controller.js';
import { DevSmsService } from './dev-sms.service.js';

/** The local mailbox and SMS phone, for trying the flows without real mail or texts; never in production. */
@Module({
  controllers: [DevMailboxController, DevSmsController],
  providers: [DevMailService, DevSmsService],
})
export class DevModule {}
