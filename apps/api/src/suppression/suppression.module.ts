import { Module } from '@nestjs/common';

import { StaffAuthModule } from '../staff/auth/staff-auth.module.js';
import { ApiKeyGuard } from './api-key.guard.js';
import { ApiKeysService } from './api-keys.service.js';
import { GpcSignals } from './gpc.js';
import { GpcWellKnownController } from './gpc-well-known.controller.js';
import { InboundSmsService } from './inbound-sms.service.js';
import { OptOutService } from './opt-out.service.js';
import { SmsWebhookController } from './sms-webhook.controller.js';
import { SuppressionApiController } from './suppression-api.controller.js';
import { SuppressionListService } from './suppression-list.service.js';
import { SuppressionStaffController } from './suppression-staff.controller.js';
import { UnsubscribeController } from './unsubscribe.controller.js';
import { UnsubscribeService } from './unsubscribe.service.js';

/** Suppressions and the channels that feed them: SMS STOP, one-click unsubscribe, GPC; the API and staff pages that read them. */
@Module({
  // The staff pages of suppressions and API keys sign in like the rest of the console.
  imports: [StaffAuthModule],
  controllers: [
    SmsWebhookController,
    UnsubscribeController,
    GpcWellKnownController,
    SuppressionApiController,
    SuppressionStaffController,
  ],
  providers: [
    OptOutService,
    GpcSignals,
    SuppressionListService,
    ApiKeysService,
    UnsubscribeService,
    ApiKeyGuard,
    InboundSmsService,
  ],
  // The intake and the request actions record opt-outs, the request form GPC signals, through these.
  exports: [OptOutService, GpcSignals],
})
export class SuppressionModule {}
