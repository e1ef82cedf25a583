import { Body, Controller, Get, HttpCode, Inject, NotFoundException, Param, Post, Req, Res } from '@nestjs/common';
import type { Request, Response } from 'express';
import { Env, type Clock } from '#config';
import { OrganisationDirectory, REQUEST_REFERENCE_PATTERN } from '#db';
import { formatLocalDate, html } from '#mail';
import { Csrf } from '../infra/csrf.js';
import { RateLimiter } from '../infra/rate-limiter.js';
import { page } from '../views/layout.view.js';
import { agentAlreadyConfirmedPage, agentConfirmPage, agentRefusedPage } from '../views/agent-pages.view.js';
import { linkRefusedPage, resendAcceptedPage, verifiedPage } from '../views/request-pages.view.js';
import { VerificationService } from './verification.service.js';
import { CLOCK } from '../infra/tokens.js';

const HOUR = 3600;

@Controller()
export class VerificationController {
  constructor(
    @Inject(CLOCK) private readonly clock: Clock,
    private readonly verification: VerificationService,
    @Inject(OrganisationDirectory) private readonly directory: OrganisationDirectory,
    private readonly csrf: Csrf,
    private readonly rateLimiter: RateLimiter,
    private readonly env: Env,
  ) {}

  /** The mailed link: a page with one button, so link scanners that fetch mail links do not confirm for the requester. */
  @Get('v/:token')
  async confirmPage(@Param('token') token: string, @Req() req: Request, @Res() res: Response): Promise<void> {
    const checked = await this.verification.check(token, this.clock.now());
    if (!checked.ok) {
      res.status(410).type('html').send(linkRefusedPage(checked.refusal, checked.organisationName));
      return;
    }
    const csrfToken = this.csrf.tokenFor(req, res);
    if (checked.agentName !== undefined) {
      res.type('html').send(agentConfirmPage({ ...checked, agentName: checked.agentName, token, csrfToken }));
      return;
    }
    const body = html`<h1>Confirm your request ${checked.reference}</h1>
<p>Press the button to confirm that you asked ${checked.organisationName} for this and that this email address is yours.</p>
<form method="post" action="/v/${token}">
<input type="hidden" name="_csrf" value="${csrfToken}">
<button type="submit">Confirm my request</button>
</form>`;
    res.type('html').send(page('Confirm your request', body, checked.organisationName));
  }

  /** The consumer did not authorise the agent: the request closes, and nothing is done. */
  @Post('v/:token/refuse')
  @HttpCode(200)
  async refuse(@Param('token') token: string, @Body() body: Record<string, unknown>, @Req() req: Request, @Res() res: Response): Promise<void> {
    this.csrf.verify(req, body._csrf);
    const outcome = await this.verification.refuseAgent(token, this.clock.now());
    if (outcome.ok) res.type('html').send(agentRefusedPage(outcome));
    else if (outcome.refusal === 'already_verified') res.status(409).type('html').send(agentAlreadyConfirmedPage(outcome.organisationName));
    else res.status(410).type('html').send(linkRefusedPage(outcome.refusal, outcome.organisationName));
  }

  @Post('v/:token')
  @HttpCode(200)
  async confirm(@Param('token') token: string, @Body() body: Record<string, unknown>, @Req() req: Request, @Res() res: Response): Promise<void> {
    this.csrf.verify(req, body._csrf);
    const outcome = await this.verification.verify(token, this.clock.now());
    if (!outcome.ok) {
      res.status(outcome.refusal === 'already_verified' ? 200 : 410).type('html').send(linkRefusedPage(outcome.refusal, outcome.organisationName));
      return;
    }
    const { request, context } = outcome;
    res.type('html').send(
      verifiedPage({
        organisationName: context.policy.name,
        reference: request.reference,
        dueOn: formatLocalDate(request.dueAt, context.organisation.timeZone),
        internalTarget: request.regime === 'none',
      }),
    );
  }

  @Post('o/:org/requests/:reference/resend')
  @HttpCode(200)
  async resend(
    @Param('org') slug: string,
    @Param('reference') reference: string,
    @Body() body: Record<string, unknown>,
    @Req() req: Request,
    @Res() res: Response,
  ): Promise<void> {
    this.csrf.verify(req, body._csrf);
    const context = await this.directory.bySlug(slug);
    if (!context || !REQUEST_REFERENCE_PATTERN.test(reference)) throw new NotFoundException('There is no such request here.');
    await this.rateLimiter.hit('resend-ip', req.ip ?? 'unknown', this.env.INTAKE_RATE_LIMIT, HOUR);
    await this.rateLimiter.hit('resend', `${context.organisation.id}:${reference}`, this.env.RESEND_RATE_LIMIT, HOUR);
    if (typeof body.email === 'string') await this.verification.resend(context, reference, body.email.trim());
    res.type('html').send(resendAcceptedPage(context.policy.name, reference));
  }
}
