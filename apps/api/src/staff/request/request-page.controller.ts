import { Controller, Get, Inject, Param, Res } from '@nestjs/common';
import type { Response } from 'express';

import type { Clock } from '#config';

import { Page, type PageContext } from '../../infra/page.decorator.js';
import { CLOCK } from '../../infra/tokens.js';
import { READ_ROLES, type StaffOrganisation } from '../auth/organisation-access.js';
import { staffOf, StaffOrg, StaffRoute } from '../auth/staff-route.decorator.js';
import { type RequestPageModel, RequestPageService } from './request-page.service.js';
import { requestPage } from './request-page.view.js';

const requestPageView = (model: RequestPageModel, context: PageContext) => {
  const staff = staffOf(context);
  return requestPage(model, { userId: staff.user.id, userName: staff.user.name, csrfToken: context.csrfToken() });
};

/** One request of an organisation, for everyone who may read it; the forms only for those who may act. */
@Controller('staff/orgs/:org/requests')
export class RequestPageController {
  constructor(
    @Inject(CLOCK) private readonly clock: Clock,
    private readonly pages: RequestPageService,
  ) {}

  @Get(':id')
  @StaffRoute(READ_ROLES)
  @Page(requestPageView)
  show(@StaffOrg() organisation: StaffOrganisation, @Param('id') id: string): Promise<RequestPageModel> {
    return this.pages.load(organisation, id, this.clock.now());
  }

  /** The consumer's signed permission an authorised agent uploaded, for staff to check. */
  @Get(':id/agent-permission')
  @StaffRoute(READ_ROLES)
  async agentPermission(
    @StaffOrg() organisation: StaffOrganisation,
    @Param('id') id: string,
    @Res() res: Response,
  ): Promise<void> {
    const agent = await this.pages.agentPermission(organisation, id);
    // A download, never rendered in place or sniffed into something else, and not kept in caches.
    res.attachment(agent.permissionFileName);
    res.set({ 'X-Content-Type-Options': 'nosniff', 'Cache-Control': 'no-store' });
    res.setHeader('Content-Type', agent.permissionContentType);
    res.send(agent.permissionContent);
  }
}
