import { Module } from '@nestjs/common';
import { DevMailboxController } from './dev-mailbox.controller.js';
import { DevSmsController } from './dev-sms.controller.js';

/** The local mailbox and SMS phone, for trying the flows without real mail or texts; never in production. */
@Module({
  controllers: [DevMailboxController, DevSmsController],
})
export class DevModule {}
