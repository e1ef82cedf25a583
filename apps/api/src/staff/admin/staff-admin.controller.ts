import { BadRequestException, Body, ConflictException, Controller, Get, Param, Post, Query, Req, Res, UseGuards } from '@nestjs/common';
import type { Request, Response } from 'express';
import { echoValues, validateForm } from '../../intake/form-validation.js';
import { Csrf } from '../../infra/csrf.js';
import { staffPage } from '../../views/staff-layout.view.js';
import { ADMIN_ROLES, OrganisationAccess, type StaffOrganisation } from '../auth/organisation-access.js';
import { Staff, StaffGuard } from '../auth/staff.guard.js';
import type { StaffPrincipal } from '../auth/staff-session.service.js';
import { AddMemberForm } from './add-member.form.js';
import { StaffAdminService } from './staff-admin.service.js';
import { staffAdminBody, type StaffAdminView } from './staff-admin.view.js';

type FormState = Pick<StaffAdminView, 'values' | 'errors' | 'refusal' | 'invited'>;

/** Admins manage who works for their organisation, and in which role; people join by invitation. */
@Controller('staff/orgs/:org/staff')
@UseGuards(StaffGuard)
export class StaffAdminController {
  constructor(
    private readonly access: OrganisationAccess,
    private readonly admin: StaffAdminService,
    private readonly csrf: Csrf,
  ) {}

  @Get()
  async list(@Staff() staff: StaffPrincipal, @Param('org') slug: string, @Query('invited') invited: unknown, @Req() req: Request, @Res() res: Response): Promise<void> {
    const organisation = await this.access.require(staff, slug, ADMIN_ROLES);
    await this.render(req, res, staff, organisation, 200, { invited: invited === '1' });
  }

  @Post()
  async add(
    @Staff() staff: StaffPrincipal,
    @Param('org') slug: string,
    @Body() body: Record<string, unknown>,
    @Req() req: Request,
    @Res() res: Response,
  ): Promise<void> {
    this.csrf.verify(req, body._csrf);
    const organisation = await this.access.require(staff, slug, ADMIN_ROLES);
    const values = echoValues(body, ['email', 'role'] as const);
    const form = await validateForm(AddMemberForm, body);
    if (!form.ok) return this.render(req, res, staff, organisation, 400, { values, errors: form.errors });
    const refused = await this.refusalOf(() => this.admin.invite(organisation.organisation.id, staff, form.value));
    if (refused) return this.render(req, res, staff, organisation, refused.status, { values, refusal: refused.message });
    res.redirect(303, `/staff/orgs/${organisation.organisation.slug}/staff?invited=1`);
  }

  @Post('invitations/:invitationId/revoke')
  async revokeInvitation(
    @Staff() staff: StaffPrincipal,
    @Param('org') slug: string,
    @Param('invitationId') invitationId: string,
    @Body() body: Record<string, unknown>,
    @Req() req: Request,
    @Res() res: Response,
  ): Promise<void> {
    this.csrf.verify(req, body._csrf);
    const organisation = await this.access.require(staff, slug, ADMIN_ROLES);
    await this.admin.revokeInvitation(organisation.organisation.id, staff, invitationId);
    res.redirect(303, `/staff/orgs/${organisation.organisation.slug}/staff`);
  }

  @Post(':userId/role')
  async changeRole(
    @Staff() staff: StaffPrincipal,
    @Param('org') slug: string,
    @Param('userId') userId: string,
    @Body() body: Record<string, unknown>,
    @Req() req: Request,
    @Res() res: Response,
  ): Promise<void> {
    this.csrf.verify(req, body._csrf);
    const organisation = await this.access.require(staff, slug, ADMIN_ROLES);
    const refused = await this.refusalOf(() => this.admin.changeRole(organisation.organisation.id, staff, userId, body.role));
    if (refused) return this.render(req, res, staff, organisation, refused.status, { refusal: refused.message });
    // An admin who made themselves agent or auditor can no longer see this page.
    const ownRoleGone = userId === staff.user.id && body.role !== 'admin';
    res.redirect(303, `/staff/orgs/${organisation.organisation.slug}/${ownRoleGone ? 'requests' : 'staff'}`);
  }

  @Post(':userId/remove')
  async remove(
    @Staff() staff: StaffPrincipal,
    @Param('org') slug: string,
    @Param('userId') userId: string,
    @Body() body: Record<string, unknown>,
    @Req() req: Request,
    @Res() res: Response,
  ): Promise<void> {
    this.csrf.verify(req, body._csrf);
    const organisation = await this.access.require(staff, slug, ADMIN_ROLES);
    const refused = await this.refusalOf(() => this.admin.remove(organisation.organisation.id, staff, userId));
    if (refused) return this.render(req, res, staff, organisation, refused.status, { refusal: refused.message });
    res.redirect(303, userId === staff.user.id ? '/staff' : `/staff/orgs/${organisation.organisation.slug}/staff`);
  }

  /** A refused change is shown on the staff page; anything else (404 included) goes to the error filter. */
  private async refusalOf(change: () => Promise<void>): Promise<{ status: number; message: string } | null> {
    try {
      await change();
      return null;
    } catch (error) {
      if (error instanceof ConflictException || error instanceof BadRequestException) return { status: error.getStatus(), message: error.message };
      throw error;
    }
  }

  private async render(req: Request, res: Response, staff: StaffPrincipal, organisation: StaffOrganisation, status: number, state: FormState): Promise<void> {
    const csrfToken = this.csrf.tokenFor(req, res);
    const body = staffAdminBody({
      slug: organisation.organisation.slug,
      members: await this.admin.members(organisation.organisation.id),
      invitations: await this.admin.pendingInvitations(organisation.organisation.id),
      timeZone: organisation.organisation.timeZone,
      currentUserId: staff.user.id,
      csrfToken,
      ...state,
    });
    res
      .status(status)
      .type('html')
      .send(
        staffPage('Staff', body, {
          userName: staff.user.name,
          csrfToken,
          organisation: { slug: organisation.organisation.slug, name: organisation.organisation.name, role: organisation.role },
        }),
      );
  }
}
