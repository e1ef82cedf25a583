import { type ArgumentsHost, Catch, type ExceptionFilter, Injectable } from '@nestjs/common';
import type { Request, Response } from 'express';

import { HttpExceptionFilter } from '../../http-exception.filter.js';
import { Csrf } from '../../infra/csrf.js';
import type { StaffOrganisation } from '../auth/organisation-access.js';
import type { StaffPrincipal } from '../auth/staff-session.service.js';
import { staffAdminModel, staffAdminPage, StaffChangeRefused } from './staff-admin.page.js';
import { StaffAdminService } from './staff-admin.service.js';

type AdminRequest = Request & { staff?: StaffPrincipal; staffOrganisation?: StaffOrganisation };

/** Shows the staff page again with a refused change's message (or the invite form's mistakes) and status. */
@Catch(StaffChangeRefused)
@Injectable()
export class StaffChangeRefusedFilter implements ExceptionFilter {
  private readonly errors = new HttpExceptionFilter();

  constructor(
    private readonly admin: StaffAdminService,
    private readonly csrf: Csrf,
  ) {}

  async catch(refusal: StaffChangeRefused, host: ArgumentsHost): Promise<void> {
    const request = host.switchToHttp().getRequest<AdminRequest>();
    const response = host.switchToHttp().getResponse<Response>();
    try {
      const { staff, staffOrganisation } = request;
      if (!staff || !staffOrganisation) throw refusal;
      const model = await staffAdminModel(this.admin, staffOrganisation, staff, refusal.state);
      response
        .status(refusal.getStatus())
        .type('html')
        .send(staffAdminPage(model, { request, csrfToken: () => this.csrf.tokenFor(request, response) }));
    } catch (error) {
      this.errors.catch(error, host);
    }
  }
}
