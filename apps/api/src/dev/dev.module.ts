import { Module } from '@nestjs/common';
import { DevMailboxController } from './dev-mailbox.controller.js';
import { DevMailService } from './dev-mail.service.js';
import { DevSmsController } from './dev-sms.controller.js';

/** The local mailbox and SMS phone, for trying the flows without real mail or texts; never in production. */
@Module({
  controllers: [DevMailboxController, DevSmsController],
  providers: [DevMailService],
})
export class DevModule {}
