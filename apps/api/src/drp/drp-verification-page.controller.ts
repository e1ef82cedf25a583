import { Controller, Get, Inject, NotFoundException, Param, Query, Res } from '@nestjs/common';
import type { Response } from 'express';
import type { DataSource } from 'typeorm';
import { DataSubjectRequest, DrpRequest, OrganisationDirectory } from '#db';
import { html } from '#mail';
import { isUuid } from '../infra/uuid.js';
import { DATA_SOURCE } from '../infra/tokens.js';
import { page } from '../views/layout.view.js';

/**
 * The `user_verification_url` of a DRP request waiting for the requester (§3.02.1): the page an agent sends its
 * user to. It tells them to confirm from the email, and nothing of the request beyond whether it still waits:
 * anyone holding the URL may open it. It does not follow `redirect_to`: confirming happens from the mail, later,
 * and an open redirect is no help to anyone; the agent learns of it from the status endpoint or its callback.
 */
@Controller('o/:org/drp')
export class DrpVerificationPageController {
  constructor(
    @Inject(DATA_SOURCE) private readonly dataSource: DataSource,
    @Inject(OrganisationDirectory) private readonly directory: OrganisationDirectory,
  ) {}

  @Get(':requestId/confirm')
  async show(@Param('org') slug: string, @Param('requestId') requestId: string, @Query('request_id') named: unknown, @Res() res: Response): Promise<void> {
    const context = await this.directory.bySlug(slug);
    // §3.02.1: the request_id the agent appends must be this page's request.
    if (!context || !isUuid(requestId) || (named !== undefined && named !== requestId)) throw new NotFoundException('There is no such request here.');
    const drp = await this.dataSource.getRepository(DrpRequest).findOneBy({ organisationId: context.organisation.id, drpRequestId: requestId });
    const request = drp && (await this.dataSource.getRepository(DataSubjectRequest).findOneBy({ id: drp.requestId, organisationId: context.organisation.id }));
    if (!request) throw new NotFoundException('There is no such request here.');
    const name = context.policy.name;
    const body =
      request.status === 'unverified'
        ? html`<h1>Confirm your request to ${name}</h1>
<p>Your authorised agent asked ${name} on your behalf. Before ${name} acts on it, you confirm it yourself: ${name} sent an email to the address your agent gave. Open the link in that email and press the button on the page it opens.</p>
<p>No email? Look in your spam folder. The email names the request's reference; with it, you can ask for a new link from ${name}'s request form.</p>`
        : html`<h1>Nothing to do here</h1>
<p>This request no longer waits for your confirmation. Your authorised agent can tell you where it stands.</p>`;
    res.type('html').send(page(`Confirm your request to ${name}`, body, name));
  }
}
