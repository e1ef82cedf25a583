import { Controller, Inject, Param, Post, Redirect } from '@nestjs/common';

import type { Clock } from '#config';
import { staffPaths } from '#mail';

import { seeOther } from '../../infra/page.decorator.js';
import { CLOCK } from '../../infra/tokens.js';
import { ACT_ROLES, type StaffOrganisation } from '../auth/organisation-access.js';
import { StaffActor, type StaffMemberActor, StaffOrg, StaffRoute } from '../auth/staff-route.decorator.js';
import { StaffAlertsService } from './staff-alerts.service.js';

/** Resolving an alert shown on the queue page. */
@Controller('staff/orgs/:org/alerts')
export class StaffAlertsController {
  constructor(
    @Inject(CLOCK) private readonly clock: Clock,
    private readonly alerts: StaffAlertsService,
  ) {}

  @Post(':id/resolve')
  @StaffRoute(ACT_ROLES)
  @Redirect()
  async resolve(@StaffOrg() org: StaffOrganisation, @StaffActor() actor: StaffMemberActor, @Param('id') id: string) {
    await this.alerts.resolve(org.organisation.id, id, actor, this.clock.now());
    return seeOther(staffPaths.requests(org.organisation.slug));
  }
}
