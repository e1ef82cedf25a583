import { Controller, Get, Inject, Param, Post, Redirect, Res, UseFilters } from '@nestjs/common';
import type { Response } from 'express';

import type { Clock } from '#config';
import { staffPaths } from '#mail';

import { seeOther } from '../../infra/page.decorator.js';
import { PostedForm } from '../../infra/posted-form.decorator.js';
import { CLOCK } from '../../infra/tokens.js';
import { ACT_ROLES, ADMIN_ROLES, type StaffOrganisation } from '../auth/organisation-access.js';
import { StaffActor, type StaffMemberActor, StaffOrg, StaffRoute } from '../auth/staff-route.decorator.js';
import { AccessPackageService } from './access-package.service.js';
import { ChecklistForm, ReasonForm } from './action-forms.js';
import { ActionRefusedFilter } from './action-refused.filter.js';
import { SystemTasksService } from './system-tasks.service.js';

const backToRequest = (org: StaffOrganisation, id: string) => seeOther(staffPaths.request(org.organisation.slug, id));

/** The connected-systems part of a request page: approve an erasure, retry, close or tick a system. */
@Controller('staff/orgs/:org/requests/:id/systems')
@UseFilters(ActionRefusedFilter)
export class SystemTasksController {
  constructor(
    @Inject(CLOCK) private readonly clock: Clock,
    private readonly systems: SystemTasksService,
    private readonly packages: AccessPackageService,
  ) {}

  /** The package as it would be released, for staff to look over first: a download, never shown in the console. */
  @Get('package')
  @StaffRoute(ACT_ROLES)
  async preview(@StaffOrg() org: StaffOrganisation, @Param('id') id: string, @Res() res: Response): Promise<void> {
    const built = await this.packages.build(org.organisation.id, id);
    res.attachment(built.fileName);
    res.set({ 'X-Content-Type-Options': 'nosniff', 'Cache-Control': 'no-store' });
    res.setHeader('Content-Type', 'application/zip');
    res.send(built.zip);
  }

  @Post('package/release')
  @StaffRoute(ACT_ROLES)
  @Redirect()
  async release(@StaffOrg() org: StaffOrganisation, @StaffActor() actor: StaffMemberActor, @Param('id') id: string) {
    await this.packages.release(org.organisation.id, id, actor, this.clock.now());
    return backToRequest(org, id);
  }

  // Erasing cannot be undone: only an admin approves it, as only an admin reopens a closed request.
  @Post('approve-erasure')
  @StaffRoute(ADMIN_ROLES)
  @Redirect()
  async approveErasure(
    @StaffOrg() org: StaffOrganisation,
    @StaffActor() actor: StaffMemberActor,
    @Param('id') id: string,
  ) {
    await this.systems.approveErasure(org.organisation.id, id, actor, this.clock.now());
    return backToRequest(org, id);
  }

  @Post(':task/retry')
  @StaffRoute(ACT_ROLES)
  @Redirect()
  async retry(
    @StaffOrg() org: StaffOrganisation,
    @StaffActor() actor: StaffMemberActor,
    @Param('id') id: string,
    @Param('task') task: string,
  ) {
    await this.systems.retry(org.organisation.id, id, task, actor, this.clock.now());
    return backToRequest(org, id);
  }

  @Post(':task/close')
  @StaffRoute(ACT_ROLES)
  @Redirect()
  async close(
    @StaffOrg() org: StaffOrganisation,
    @StaffActor() actor: StaffMemberActor,
    @Param('id') id: string,
    @Param('task') task: string,
    @PostedForm(ReasonForm) form: ReasonForm,
  ) {
    await this.systems.close(org.organisation.id, id, task, { actor, reason: form.reason }, this.clock.now());
    return backToRequest(org, id);
  }

  @Post(':task/checklist')
  @StaffRoute(ACT_ROLES)
  @Redirect()
  async tick(
    @StaffOrg() org: StaffOrganisation,
    @StaffActor() actor: StaffMemberActor,
    @Param('id') id: string,
    @Param('task') task: string,
    @PostedForm(ChecklistForm) form: ChecklistForm,
  ) {
    await this.systems.tick(org.organisation.id, id, task, { actor, item: form.item }, this.clock.now());
    return backToRequest(org, id);
  }
}
