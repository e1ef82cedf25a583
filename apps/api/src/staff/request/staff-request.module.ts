import { Module } from '@nestjs/common';

import { RequestsModule } from '../../requests/requests.module.js';
import { StaffAuthModule } from '../auth/staff-auth.module.js';
import { InboundMailModule } from '../inbound/inbound-mail.module.js';
import { AccessPackageService } from './access-package.service.js';
import { IdentityController } from './identity.controller.js';
import { IdentityDocumentViewService } from './identity-document-view.service.js';
import { IdentityOverrideService } from './identity-override.service.js';
import { RequestActionsController } from './request-actions.controller.js';
import { RequestPageController } from './request-page.controller.js';
import { RequestPageService } from './request-page.service.js';
import { SystemTasksController } from './system-tasks.controller.js';
import { SystemTasksService } from './system-tasks.service.js';

/** One request in the staff console: its page and the forms on it. */
@Module({
  imports: [StaffAuthModule, RequestsModule, InboundMailModule],
  controllers: [RequestPageController, RequestActionsController, SystemTasksController, IdentityController],
  providers: [
    RequestPageService,
    SystemTasksService,
    AccessPackageService,
    IdentityOverrideService,
    IdentityDocumentViewService,
  ],
})
export class StaffRequestModule {}
