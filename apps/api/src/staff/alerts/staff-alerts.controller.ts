import { Body, Controller, Inject, Param, Post, Req, Res, UseGuards } from '@nestjs/common';
import type { Request, Response } from 'express';
import type { Clock } from '#config';
import { CLOCK } from '../../infra/tokens.js';
import { Csrf } from '../../infra/csrf.js';
import { ACT_ROLES, OrganisationAccess } from '../auth/organisation-access.js';
import { Staff, StaffGuard } from '../auth/staff.guard.js';
import type { StaffPrincipal } from '../auth/staff-session.service.js';
import { StaffAlertsService } from './staff-alerts.service.js';

/** Resolving an alert shown on the queue page. */
@Controller('staff/orgs/:org/alerts')
@UseGuards(StaffGuard)
export class StaffAlertsController {
  constructor(
    @Inject(CLOCK) private readonly clock: Clock,
    private readonly access: OrganisationAccess,
    private readonly alerts: StaffAlertsService,
    private readonly csrf: Csrf,
  ) {}

  @Post(':id/resolve')
  async resolve(
    @Staff() staff: StaffPrincipal,
    @Param('org') slug: string,
    @Param('id') id: string,
    @Body() body: Record<string, unknown>,
    @Req() req: Request,
    @Res() res: Response,
  ): Promise<void> {
    this.csrf.verify(req, body._csrf);
    const context = await this.access.require(staff, slug, ACT_ROLES);
    await this.alerts.resolve(context.organisation.id, id, { id: staff.user.id, label: staff.user.name }, this.clock.now());
    res.redirect(303, `/staff/orgs/${slug}/requests`);
  }
}
