import { Module } from '@nestjs/common';

import { DemoSupportController } from './demo-support.controller.js';
import { DemoSupportService } from './demo-support.service.js';
import { DevMailService } from './dev-mail.service.js';
import { DevMailboxController } from './dev-mailbox.controller.js';
import { DevSmsController } from './dev-sms.controller.js';
import { DevSmsService } from './dev-sms.service.js';

/**
 * The local mailbox and SMS phone, and a demo support desk for the data maps' `http` systems, for trying the flows
 * without real mail, texts or services; never in production.
 */
@Module({
  controllers: [DevMailboxController, DevSmsController, DemoSupportController],
  providers: [DevMailService, DevSmsService, DemoSupportService],
})
export class DevModule {}
