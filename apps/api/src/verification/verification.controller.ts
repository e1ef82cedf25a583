import { Controller, Get, HttpCode, Inject, Ip, NotFoundException, Param, Post, Req, UseGuards } from '@nestjs/common';
import { Transform } from 'class-transformer';
import { IsOptional, IsString } from 'class-validator';
import type { Request } from 'express';

import { type Clock, Env } from '#config';
import { OrganisationDirectory, REQUEST_REFERENCE_PATTERN } from '#db';
import { formatLocalDate, storedLanguage } from '#mail';
import type { Language } from '#policy';

import { CsrfGuard } from '../infra/csrf.guard.js';
import { Page, type PageContext, RefusedPage } from '../infra/page.decorator.js';
import { anyPageLanguage, pageLanguage } from '../infra/page-language.js';
import { PostedForm } from '../infra/posted-form.decorator.js';
import { RateLimiter } from '../infra/rate-limiter.js';
import { CLOCK } from '../infra/tokens.js';
import { agentAlreadyConfirmedPage, agentConfirmPage, agentRefusedPage } from '../views/agent-pages.view.js';
import { linkRefusedPage, resendAcceptedPage, verifiedPage } from '../views/request-pages.view.js';
import { type LinkRefusal, VerificationService } from './verification.service.js';
import { confirmPage } from './verification-confirm.view.js';

const HOUR = 3600;

/** The address a new link is sent to, if it is the request's; a field that is not text sends nothing. */
export class ResendForm {
  @Transform(({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : undefined))
  @IsOptional()
  @IsString()
  email?: string;
}

/**
 * A link that opens nothing (unknown, spent, expired, the request withdrawn), named for its organisation and in its
 * request's language when they are known.
 */
type LinkRefused = { refusal: LinkRefusal; organisationName?: string; language?: Language };
const refusedLink = (status: number, outcome: LinkRefused) =>
  new RefusedPage<LinkRefused>(status, {
    refusal: outcome.refusal,
    organisationName: outcome.organisationName,
    language: outcome.language,
  });

/** The request's language where the link led to one; else the browser's, among all we have (nothing is looked up). */
const refusedLanguage = (model: LinkRefused, context: PageContext) =>
  model.language ?? anyPageLanguage(context.request);

type ConfirmModel = {
  token: string;
  organisationName: string;
  reference: string;
  agentName?: string;
  language: Language;
};

function confirmView(model: ConfirmModel | LinkRefused, context: PageContext): string {
  if ('refusal' in model)
    return linkRefusedPage(model.refusal, model.organisationName, refusedLanguage(model, context));
  const csrfToken = context.csrfToken();
  if (model.agentName !== undefined) return agentConfirmPage({ ...model, agentName: model.agentName, csrfToken });
  return confirmPage({ ...model, csrfToken });
}

type AgentRefusedModel =
  | { organisationName: string; reference: string; language: Language }
  | { alreadyConfirmed: true; organisationName?: string; language?: Language }
  | LinkRefused;

function agentRefusedView(model: AgentRefusedModel, context: PageContext): string {
  if ('refusal' in model)
    return linkRefusedPage(model.refusal, model.organisationName, refusedLanguage(model, context));
  if ('alreadyConfirmed' in model) return agentAlreadyConfirmedPage(model.organisationName, model.language);
  return agentRefusedPage(model);
}

type VerifiedModel = Parameters<typeof verifiedPage>[0] | LinkRefused;

const verifiedView = (model: VerifiedModel, context: PageContext) =>
  'refusal' in model
    ? linkRefusedPage(model.refusal, model.organisationName, refusedLanguage(model, context))
    : verifiedPage(model);

const resendView = (model: { organisationName: string; reference: string; language: Language }) =>
  resendAcceptedPage(model.organisationName, model.reference, model.language);

@Controller()
export class VerificationController {
  constructor(
    @Inject(CLOCK) private readonly clock: Clock,
    private readonly verification: VerificationService,
    @Inject(OrganisationDirectory) private readonly directory: OrganisationDirectory,
    private readonly rateLimiter: RateLimiter,
    private readonly env: Env,
  ) {}

  /** The mailed link: a page with one button, so link scanners that fetch mail links do not confirm for the requester. */
  @Get('v/:token')
  @Page(confirmView)
  async confirmPage(@Param('token') token: string): Promise<ConfirmModel> {
    const checked = await this.verification.check(token, this.clock.now());
    if (!checked.ok) throw refusedLink(410, checked);
    return {
      token,
      organisationName: checked.organisationName,
      reference: checked.reference,
      agentName: checked.agentName,
      language: checked.language,
    };
  }

  /** The consumer did not authorise the agent: the request closes, and nothing is done. */
  @Post('v/:token/refuse')
  @HttpCode(200)
  @UseGuards(CsrfGuard)
  @Page(agentRefusedView)
  async refuse(@Param('token') token: string): Promise<AgentRefusedModel> {
    const outcome = await this.verification.refuseAgent(token, this.clock.now());
    if (outcome.ok) return outcome;
    if (outcome.refusal === 'already_verified')
      throw new RefusedPage<AgentRefusedModel>(409, {
        alreadyConfirmed: true,
        organisationName: outcome.organisationName,
        language: outcome.language,
      });
    throw refusedLink(410, outcome);
  }

  @Post('v/:token')
  @HttpCode(200)
  @UseGuards(CsrfGuard)
  @Page(verifiedView)
  async confirm(@Param('token') token: string): Promise<VerifiedModel> {
    const outcome = await this.verification.verify(token, this.clock.now());
    // Confirmed already (a second press, a reload): said so, as an answer, not an error.
    if (!outcome.ok && outcome.refusal === 'already_verified')
      return { refusal: outcome.refusal, organisationName: outcome.organisationName, language: outcome.language };
    if (!outcome.ok) throw refusedLink(410, outcome);
    const { request, context } = outcome;
    const language = storedLanguage(request.language);
    return {
      organisationName: context.policy.name,
      reference: request.reference,
      dueOn: formatLocalDate(request.dueAt, context.organisation.timeZone, language),
      internalTarget: request.regime === 'none',
      language,
    };
  }

  @Post('o/:org/requests/:reference/resend')
  @HttpCode(200)
  @UseGuards(CsrfGuard)
  @Page(resendView)
  async resend(
    @Param('org') slug: string,
    @Param('reference') reference: string,
    @PostedForm(ResendForm) form: ResendForm,
    @Ip() ip: string | undefined,
    @Req() req: Request,
  ) {
    const context = await this.directory.bySlug(slug);
    if (!context || !REQUEST_REFERENCE_PATTERN.test(reference))
      throw new NotFoundException('There is no such request here.');
    await this.rateLimiter.hit('resend-ip', ip ?? 'unknown', this.env.INTAKE_RATE_LIMIT, HOUR);
    await this.rateLimiter.hit('resend', `${context.organisation.id}:${reference}`, this.env.RESEND_RATE_LIMIT, HOUR);
    if (form.email !== undefined) await this.verification.resend(context, reference, form.email);
    // The page's own language: which request the reference names is not told to whoever posts it.
    return { organisationName: context.policy.name, reference, language: pageLanguage(req, context) };
  }
}
