import { Controller, Get, Inject, Param, Post, Redirect } from '@nestjs/common';

import type { Clock } from '#config';
import { staffPaths } from '#mail';

import { Page, type PageContext, seeOther } from '../../infra/page.decorator.js';
import { CLOCK } from '../../infra/tokens.js';
import { staffPage } from '../../views/staff-layout.view.js';
import { ADMIN_ROLES, type StaffOrganisation } from '../auth/organisation-access.js';
import { StaffActor, staffChrome, type StaffMemberActor, StaffOrg, StaffRoute } from '../auth/staff-route.decorator.js';
import { QueueDashboardService } from './queue-dashboard.service.js';
import { queueDashboard, type QueueDashboardView } from './queue-dashboard.view.js';

type DashboardModel = Omit<QueueDashboardView, 'csrfToken'>;

function dashboardPage(model: DashboardModel, context: PageContext): string {
  const chrome = staffChrome(context);
  return staffPage('Job queues', queueDashboard({ ...model, csrfToken: chrome.csrfToken }), chrome);
}

/** The job queues for an organisation's admins: depths, their failed jobs, retry. */
@Controller('staff/orgs/:org/jobs')
export class QueueDashboardController {
  constructor(
    @Inject(CLOCK) private readonly clock: Clock,
    private readonly dashboard: QueueDashboardService,
  ) {}

  @Get()
  @StaffRoute(ADMIN_ROLES)
  @Page(dashboardPage)
  async page(@StaffOrg() org: StaffOrganisation): Promise<DashboardModel> {
    const queues = await this.dashboard.overview(org.organisation.id);
    return { slug: org.organisation.slug, timeZone: org.organisation.timeZone, queues };
  }

  @Post(':queue/:jobId/retry')
  @StaffRoute(ADMIN_ROLES)
  @Redirect()
  async retry(
    @StaffOrg() org: StaffOrganisation,
    @StaffActor() actor: StaffMemberActor,
    @Param('queue') queue: string,
    @Param('jobId') jobId: string,
  ) {
    await this.dashboard.retry(org.organisation.id, queue, jobId, actor, this.clock.now());
    return seeOther(staffPaths.jobs(org.organisation.slug));
  }
}
