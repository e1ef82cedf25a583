import { type ArgumentsHost, Catch, type ExceptionFilter, Inject, Injectable } from '@nestjs/common';
import type { Request, Response } from 'express';

import type { Clock } from '#config';

import { HttpExceptionFilter } from '../../http-exception.filter.js';
import { Csrf } from '../../infra/csrf.js';
import { CLOCK } from '../../infra/tokens.js';
import { ActionRefused } from '../../requests/action-refused.js';
import type { StaffOrganisation } from '../auth/organisation-access.js';
import type { StaffPrincipal } from '../auth/staff-session.service.js';
import { RequestPageService } from './request-page.service.js';
import { requestPage } from './request-page.view.js';

type ActionRequest = Request & { staff?: StaffPrincipal; staffOrganisation?: StaffOrganisation };

/** A refused action shows the request page again, its message on top, with the refusal's status (400 or 409). */
@Catch(ActionRefused)
@Injectable()
export class ActionRefusedFilter implements ExceptionFilter {
  private readonly errors = new HttpExceptionFilter();

  constructor(
    @Inject(CLOCK) private readonly clock: Clock,
    private readonly pages: RequestPageService,
    private readonly csrf: Csrf,
  ) {}

  async catch(refusal: ActionRefused, host: ArgumentsHost): Promise<void> {
    const req = host.switchToHttp().getRequest<ActionRequest>();
    const res = host.switchToHttp().getResponse<Response>();
    try {
      const { staff, staffOrganisation } = req;
      if (!staff || !staffOrganisation) throw refusal;
      const model = await this.pages.load(staffOrganisation, String(req.params.id), this.clock.now());
      const chrome = {
        userId: staff.user.id,
        userName: staff.user.name,
        csrfToken: this.csrf.tokenFor(req, res),
        error: refusal.message,
      };
      res.status(refusal.getStatus()).type('html').send(requestPage(model, chrome));
    } catch (error) {
      this.errors.catch(error, host);
    }
  }
}
