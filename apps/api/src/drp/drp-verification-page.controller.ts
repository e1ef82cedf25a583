import { Controller, Get, Inject, NotFoundException, Param, Query, Req } from '@nestjs/common';
import type { Request } from 'express';

import { OrganisationDirectory } from '#db';

import { Page } from '../infra/page.decorator.js';
import { pageLanguage } from '../infra/page-language.js';
import { isUuid } from '../infra/uuid.js';
import { DrpVerificationPageService } from './drp-verification-page.service.js';
import { type WaitingModel, waitingPage } from './drp-verification-page.view.js';

/**
 * The `user_verification_url` of a DRP request waiting for the requester (§3.02.1): the page an agent sends its
 * user to. It tells them to confirm from the email, and nothing of the request beyond whether it still waits:
 * anyone holding the URL may open it. It does not follow `redirect_to`: confirming happens from the mail, later,
 * and an open redirect is no help to anyone; the agent learns of it from the status endpoint or its callback.
 */
@Controller('o/:org/drp')
export class DrpVerificationPageController {
  constructor(
    @Inject(OrganisationDirectory) private readonly directory: OrganisationDirectory,
    private readonly requests: DrpVerificationPageService,
  ) {}

  @Get(':requestId/confirm')
  @Page(waitingPage)
  async show(
    @Param('org') slug: string,
    @Param('requestId') requestId: string,
    @Query('request_id') named: unknown,
    @Req() req: Request,
  ): Promise<WaitingModel> {
    const context = await this.directory.bySlug(slug);
    // §3.02.1: the request_id the agent appends must be this page's request.
    if (!context || !isUuid(requestId) || (named !== undefined && named !== requestId))
      throw new NotFoundException('There is no such request here.');
    const request = await this.requests.request(context, requestId);
    if (!request) throw new NotFoundException('There is no such request here.');
    // The browser's choice among the organisation's languages: whoever the agent sends here reads it, and DRP
    // requests store only the organisation's first language.
    return {
      name: context.policy.name,
      waiting: request.status === 'unverified',
      language: pageLanguage(req, context),
    };
  }
}
