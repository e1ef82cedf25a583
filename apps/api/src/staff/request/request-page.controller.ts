import { Controller, Get, Inject, Param, Req, Res, UseGuards } from '@nestjs/common';
import type { Request, Response } from 'express';
import type { Clock } from '#config';
import { Csrf } from '../../infra/csrf.js';
import { OrganisationAccess, READ_ROLES } from '../auth/organisation-access.js';
import { Staff, StaffGuard } from '../auth/staff.guard.js';
import type { StaffPrincipal } from '../auth/staff-session.service.js';
import { RequestPageService } from './request-page.service.js';
import { requestPage } from './request-page.view.js';
import { CLOCK } from '../../infra/tokens.js';

/** One request of an organisation, for everyone who may read it; the forms only for those who may act. */
@Controller('staff/orgs/:org/requests')
@UseGuards(StaffGuard)
export class RequestPageController {
  constructor(
    @Inject(CLOCK) private readonly clock: Clock,
    private readonly access: OrganisationAccess,
    private readonly pages: RequestPageService,
    private readonly csrf: Csrf,
  ) {}

  @Get(':id')
  async show(@Staff() staff: StaffPrincipal, @Param('org') slug: string, @Param('id') id: string, @Req() req: Request, @Res() res: Response): Promise<void> {
    const organisation = await this.access.require(staff, slug, READ_ROLES);
    const model = await this.pages.load(organisation, id, this.clock.now());
    res.type('html').send(requestPage(model, { userId: staff.user.id, userName: staff.user.name, csrfToken: this.csrf.tokenFor(req, res) }));
  }

  /** The consumer's signed permission an authorised agent uploaded, for staff to check. */
  @Get(':id/agent-permission')
  async agentPermission(@Staff() staff: StaffPrincipal, @Param('org') slug: string, @Param('id') id: string, @Res() res: Response): Promise<void> {
    const organisation = await this.access.require(staff, slug, READ_ROLES);
    const agent = await this.pages.agentPermission(organisation, id);
    // A download, never rendered in place or sniffed into something else, and not kept in caches.
    res.attachment(agent.permissionFileName);
    res.set({ 'X-Content-Type-Options': 'nosniff', 'Cache-Control': 'no-store' });
    res.setHeader('Content-Type', agent.permissionContentType);
    res.send(agent.permissionContent);
  }
}
