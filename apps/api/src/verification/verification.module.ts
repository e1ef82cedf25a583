import { Module } from '@nestjs/common';

import { RequestsModule } from '../requests/requests.module.js';
import { SuppressionModule } from '../suppression/suppression.module.js';
import { IdentityDocumentController } from './identity-document.controller.js';
import { IdentityDocumentUploadService } from './identity-document-upload.service.js';
import { OptOutInsteadService } from './opt-out-instead.service.js';
import { OptOutOfferController } from './opt-out-offer.controller.js';
import { ResponseDownloadService } from './response-download.service.js';
import { StatusController } from './status.controller.js';
import { StatusPageService } from './status-page.service.js';
import { VerificationController } from './verification.controller.js';
import { VerificationService } from './verification.service.js';

/**
 * The requester's links: verifying a request, its status page, the reply, the withdrawal, the identity document and
 * the response files.
 */
@Module({
  // The reply and the withdrawal on the status page are request actions, like the staff's.
  imports: [RequestsModule, SuppressionModule],
  controllers: [VerificationController, StatusController, OptOutOfferController, IdentityDocumentController],
  providers: [
    VerificationService,
    ResponseDownloadService,
    StatusPageService,
    OptOutInsteadService,
    IdentityDocumentUploadService,
  ],
})
export class VerificationModule {}
