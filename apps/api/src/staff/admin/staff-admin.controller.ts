import {
  BadRequestException,
  Body,
  ConflictException,
  Controller,
  Get,
  Param,
  Post,
  Query,
  Redirect,
  UseFilters,
} from '@nestjs/common';

import { staffPaths } from '#mail';

import { Page, seeOther } from '../../infra/page.decorator.js';
import { PostedForm } from '../../infra/posted-form.decorator.js';
import { echoValues, validateForm } from '../../intake/form-validation.js';
import { ADMIN_ROLES, type StaffOrganisation } from '../auth/organisation-access.js';
import { Staff } from '../auth/staff.guard.js';
import { StaffOrg, StaffRoute } from '../auth/staff-route.decorator.js';
import type { StaffPrincipal } from '../auth/staff-session.service.js';
import { AddMemberForm } from './add-member.form.js';
import { RoleForm } from './role-form.js';
import { type StaffAdminModel, staffAdminModel, staffAdminPage, StaffChangeRefused } from './staff-admin.page.js';
import { StaffAdminService } from './staff-admin.service.js';
import { StaffChangeRefusedFilter } from './staff-change-refused.filter.js';

/** A refused change (a conflict, a bad role) is shown on the staff page; anything else (404 included) is an error page. */
async function refusing(change: () => Promise<void>, values?: StaffAdminModel['values']): Promise<void> {
  try {
    await change();
  } catch (error) {
    if (error instanceof ConflictException || error instanceof BadRequestException)
      throw new StaffChangeRefused(error.getStatus(), { values, refusal: error.message });
    throw error;
  }
}

/** Admins manage who works for their organisation, and in which role; people join by invitation. */
@Controller('staff/orgs/:org/staff')
@UseFilters(StaffChangeRefusedFilter)
export class StaffAdminController {
  constructor(private readonly admin: StaffAdminService) {}

  @Get()
  @StaffRoute(ADMIN_ROLES)
  @Page(staffAdminPage)
  list(
    @Staff() staff: StaffPrincipal,
    @StaffOrg() organisation: StaffOrganisation,
    @Query('invited') invited: unknown,
  ): Promise<StaffAdminModel> {
    return staffAdminModel(this.admin, organisation, staff, { invited: invited === '1' });
  }

  /** The invite form's own messages are shown beside its fields, so it is validated here rather than by the pipe. */
  @Post()
  @StaffRoute(ADMIN_ROLES)
  @Redirect()
  async add(
    @Staff() staff: StaffPrincipal,
    @StaffOrg() organisation: StaffOrganisation,
    @Body() body: Record<string, unknown>,
  ) {
    const values = echoValues(body, ['email', 'role'] as const);
    const form = await validateForm(AddMemberForm, body);
    if (!form.ok) throw new StaffChangeRefused(400, { values, errors: form.errors });
    await refusing(() => this.admin.invite(organisation.organisation.id, staff, form.value), values);
    return seeOther(staffPaths.staff(organisation.organisation.slug, { invited: 1 }));
  }

  @Post('invitations/:invitationId/revoke')
  @StaffRoute(ADMIN_ROLES)
  @Redirect()
  async revokeInvitation(
    @Staff() staff: StaffPrincipal,
    @StaffOrg() organisation: StaffOrganisation,
    @Param('invitationId') invitationId: string,
  ) {
    await this.admin.revokeInvitation(organisation.organisation.id, staff, invitationId);
    return seeOther(staffPaths.staff(organisation.organisation.slug));
  }

  @Post(':userId/role')
  @StaffRoute(ADMIN_ROLES)
  @Redirect()
  async changeRole(
    @Staff() staff: StaffPrincipal,
    @StaffOrg() organisation: StaffOrganisation,
    @Param('userId') userId: string,
    @PostedForm(RoleForm) form: RoleForm,
  ) {
    await refusing(() => this.admin.changeRole(organisation.organisation.id, staff, userId, form.role));
    // An admin who made themselves agent or auditor can no longer see this page.
    const ownRoleGone = userId === staff.user.id && form.role !== 'admin';
    const slug = organisation.organisation.slug;
    return seeOther(ownRoleGone ? staffPaths.requests(slug) : staffPaths.staff(slug));
  }

  @Post(':userId/remove')
  @StaffRoute(ADMIN_ROLES)
  @Redirect()
  async remove(
    @Staff() staff: StaffPrincipal,
    @StaffOrg() organisation: StaffOrganisation,
    @Param('userId') userId: string,
  ) {
    await refusing(() => this.admin.remove(organisation.organisation.id, staff, userId));
    return seeOther(userId === staff.user.id ? staffPaths.home() : staffPaths.staff(organisation.organisation.slug));
  }
}
