import { Module } from '@nestjs/common';

import { SuppressionModule } from '../suppression/suppression.module.js';
import { RequestActionsService } from './request-actions.service.js';

/**
 * What may happen to a request once it is in: staff actions, the requester's reply and withdrawal on the status
 * page, an agent's revoke over DRP. One service, so every route to a change goes through the same checks.
 */
@Module({
  // An opt-out fulfilled by staff is recorded as the suppression it promises.
  imports: [SuppressionModule],
  providers: [RequestActionsService],
  exports: [RequestActionsService],
})
export class RequestsModule {}
