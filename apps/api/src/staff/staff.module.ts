import { Module } from '@nestjs/common';
import { Csrf } from '../public/csrf.js';
import { QueuePageController } from '../queue/queue-page.controller.js';
import { RequestQueueService } from '../queue/request-queue.service.js';
import { RequestsApiController } from '../queue/requests-api.controller.js';
import { StaffAdminController } from './admin/staff-admin.controller.js';
import { StaffAdminService } from './admin/staff-admin.service.js';
import { StaffAlertsController } from './alerts/staff-alerts.controller.js';
import { StaffAlertsService } from './alerts/staff-alerts.service.js';
import { OrganisationAccess } from './auth/organisation-access.js';
import { SignInController } from './auth/sign-in.controller.js';
import { InvitationController } from './auth/invitation.controller.js';
import { PasswordController } from './auth/password.controller.js';
import { StaffLinksService } from './auth/staff-links.service.js';
import { StaffGuard } from './auth/staff.guard.js';
import { StaffSessionService } from './auth/staff-session.service.js';
import { JobQueues } from './jobs/job-queues.js';
import { QueueDashboardController } from './jobs/queue-dashboard.controller.js';
import { QueueDashboardService } from './jobs/queue-dashboard.service.js';
import { ReportsController } from './reports/reports.controller.js';
import { RequestReportService } from './reports/request-report.service.js';
import { RequestActionsController } from './request/request-actions.controller.js';
import { RequestActionsService } from './request/request-actions.service.js';
import { RequestPageController } from './request/request-page.controller.js';
import { RequestPageService } from './request/request-page.service.js';
import { StaffHomeController } from './staff-home.controller.js';
import { InboundMailController } from './inbound/inbound-mail.controller.js';
import { InboundMailService } from './inbound/inbound-mail.service.js';
import { OptOutService } from '../suppression/opt-out.service.js';

/** The staff console: sign-in, each organisation's queue, request pages and actions, reports, staff admin. */
@Module({
  controllers: [SignInController, InvitationController, PasswordController, StaffHomeController, QueuePageController, RequestsApiController, ReportsController, StaffAdminController, RequestPageController, RequestActionsController, StaffAlertsController, QueueDashboardController, InboundMailController],
  providers: [Csrf, StaffSessionService, StaffLinksService, StaffGuard, OrganisationAccess, RequestQueueService, RequestReportService, StaffAdminService, RequestPageService, RequestActionsService, StaffAlertsService, JobQueues, QueueDashboardService, InboundMailService, OptOutService],
  // RequestActionsService: the requester's reply on the status page is a request action too.
  exports: [Csrf, StaffSessionService, StaffGuard, OrganisationAccess, RequestActionsService],
})
export class StaffModule {}
