import { Body, Controller, Get, Inject, Param, Post, Req, Res, UseGuards } from '@nestjs/common';
import type { Request, Response } from 'express';
import type { Clock } from '#config';
import { CLOCK } from '../../infra/tokens.js';
import { Csrf } from '../../infra/csrf.js';
import { staffPage } from '../../views/staff-layout.view.js';
import { ADMIN_ROLES, OrganisationAccess } from '../auth/organisation-access.js';
import { Staff, StaffGuard } from '../auth/staff.guard.js';
import type { StaffPrincipal } from '../auth/staff-session.service.js';
import { QueueDashboardService } from './queue-dashboard.service.js';
import { queueDashboard } from './queue-dashboard.view.js';

/** The job queues for an organisation's admins: depths, their failed jobs, retry. */
@Controller('staff/orgs/:org/jobs')
@UseGuards(StaffGuard)
export class QueueDashboardController {
  constructor(
    @Inject(CLOCK) private readonly clock: Clock,
    private readonly access: OrganisationAccess,
    private readonly dashboard: QueueDashboardService,
    private readonly csrf: Csrf,
  ) {}

  @Get()
  async page(@Staff() staff: StaffPrincipal, @Param('org') slug: string, @Req() req: Request, @Res() res: Response): Promise<void> {
    const context = await this.access.require(staff, slug, ADMIN_ROLES);
    const queues = await this.dashboard.overview(context.organisation.id);
    const csrfToken = this.csrf.tokenFor(req, res);
    res.type('html').send(
      staffPage('Job queues', queueDashboard({ slug, timeZone: context.organisation.timeZone, csrfToken, queues }), {
        userName: staff.user.name,
        csrfToken,
        organisation: { slug, name: context.organisation.name, role: context.role },
      }),
    );
  }

  @Post(':queue/:jobId/retry')
  async retry(
    @Staff() staff: StaffPrincipal,
    @Param('org') slug: string,
    @Param('queue') queue: string,
    @Param('jobId') jobId: string,
    @Body() body: Record<string, unknown>,
    @Req() req: Request,
    @Res() res: Response,
  ): Promise<void> {
    this.csrf.verify(req, body._csrf);
    const context = await this.access.require(staff, slug, ADMIN_ROLES);
    await this.dashboard.retry(context.organisation.id, queue, jobId, { id: staff.user.id, label: staff.user.name }, this.clock.now());
    res.redirect(303, `/staff/orgs/${slug}/jobs`);
  }
}
