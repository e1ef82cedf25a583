import { Controller, Get, Inject, NotFoundException, Param, Query } from '@nestjs/common';
import { OrganisationDirectory } from '#db';
import { html } from '#mail';
import { Page } from '../infra/page.decorator.js';
import { isUuid } from '../infra/uuid.js';
import { page } from '../views/layout.view.js';
import { DrpVerificationPageService } from './drp-verification-page.service.js';

/** The organisation's name, and whether the request still waits for its requester's confirmation. */
interface WaitingModel {
  name: string;
  waiting: boolean;
}

function waitingPage({ name, waiting }: WaitingModel): string {
  const body = waiting
    ? html`<h1>Confirm your request to ${name}</h1>
<p>Your authorised agent asked ${name} on your behalf. Before ${name} acts on it, you confirm it yourself: ${name} sent an email to the address your agent gave. Open the link in that email and press the button on the page it opens.</p>
<p>No email? Look in your spam folder. The email names the request's reference; with it, you can ask for a new link from ${name}'s request form.</p>`
    : html`<h1>Nothing to do here</h1>
<p>This request no longer waits for your confirmation. Your authorised agent can tell you where it stands.</p>`;
  return page(`Confirm your request to ${name}`, body, name);
}

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
  async show(@Param('org') slug: string, @Param('requestId') requestId: string, @Query('request_id') named: unknown): Promise<WaitingModel> {
    const context = await this.directory.bySlug(slug);
    // §3.02.1: the request_id the agent appends must be this page's request.
    if (!context || !isUuid(requestId) || (named !== undefined && named !== requestId)) throw new NotFoundException('There is no such request here.');
    const request = await this.requests.request(context, requestId);
    if (!request) throw new NotFoundException('There is no such request here.');
    return { name: context.policy.name, waiting: request.status === 'unverified' };
  }
}
