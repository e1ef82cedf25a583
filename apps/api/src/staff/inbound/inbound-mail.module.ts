import { Module } from '@nestjs/common';

import { StaffAuthModule } from '../auth/staff-auth.module.js';
import { InboundMailController } from './inbound-mail.controller.js';
import { InboundMailService } from './inbound-mail.service.js';

/** Requests that came in by mail: the original message and its attachments. */
@Module({
  imports: [StaffAuthModule],
  controllers: [InboundMailController],
  providers: [InboundMailService],
  // The request page shows the mail a request came in with.
  exports: [InboundMailService],
})
export class InboundMailModule {}
