import { Module } from '@nestjs/common';

import { SystemCallbackController } from './system-callback.controller.js';
import { SystemCallbackService } from './system-callback.service.js';
import { VendorConfirmationController } from './vendor-confirmation.controller.js';
import { VendorConfirmationService } from './vendor-confirmation.service.js';

/**
 * Where connected systems answer back: an organisation's service posting the signed result of a run it answered
 * 202, and a service provider pressing the confirmation link of its mail.
 */
@Module({
  controllers: [SystemCallbackController, VendorConfirmationController],
  providers: [SystemCallbackService, VendorConfirmationService],
})
export class SystemsModule {}
