import { Body, Controller, Get, HttpCode, Inject, NotFoundException, Param, Post, Req, Res } from '@nestjs/common';
import type { Request, Response } from 'express';
import { Env, type Clock } from '#config';
import { OrganisationDirectory, type OrganisationContext } from '#db';
import { formatLocalDate } from '#mail';
import { rightsOffered } from '#policy';
import { gpcExplanation, requiresVerification, type GpcDecision } from '#workflow';
import { Csrf, CsrfRejected } from '../public/csrf.js';
import { RateLimiter } from '../infra/rate-limiter.js';
import { confirmationPage } from '../views/request-pages.view.js';
import { requestFormPage, type FieldErrors } from '../views/request-form.view.js';
import { echoValues, validateForm } from './form-validation.js';
import { RequestFormDto } from './request-form.dto.js';
import { RequestIntakeService } from './request-intake.service.js';
import { GpcSignals } from '../suppression/gpc.js';
import { CLOCK } from '../infra/tokens.js';

const FORM_FIELDS = ['name', 'email', 'phone', 'rightId', 'relationship', 'details'] as const;
const HOUR = 3600;

/** The public request form of each organisation: /o/:org/requests/new. */
@Controller('o/:org/requests')
export class RequestFormController {
  constructor(
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(OrganisationDirectory) private readonly directory: OrganisationDirectory,
    private readonly intake: RequestIntakeService,
    private readonly csrf: Csrf,
    private readonly rateLimiter: RateLimiter,
    private readonly env: Env,
    private readonly gpc: GpcSignals,
  ) {}

  @Get('new')
  async form(@Param('org') slug: string, @Req() req: Request, @Res() res: Response): Promise<void> {
    const context = await this.organisation(slug);
    const gpc = await this.pageViewSignal(req, context);
    res.type('html').send(this.renderForm(context, req, res, {}, {}, undefined, gpc));
  }

  @Post()
  @HttpCode(200)
  async submit(
    @Param('org') slug: string,
    @Body() body: Record<string, unknown>,
    @Req() req: Request,
    @Res() res: Response,
  ): Promise<void> {
    const context = await this.organisation(slug);
    const values = echoValues(body, FORM_FIELDS);
    const gpc = this.gpc.decisionFor(req, context);
    try {
      this.csrf.verify(req, body._csrf);
    } catch (error) {
      if (!(error instanceof CsrfRejected)) throw error;
      res.status(403).type('html').send(this.renderForm(context, req, res, values, {}, error.message, await this.pageViewSignal(req, context)));
      return;
    }
    // Bots fill the hidden field; people never see it.
    if (typeof body.website === 'string' && body.website !== '') {
      res.status(400).type('html').send(this.renderForm(context, req, res, values, {}, 'Your submission could not be accepted.', await this.pageViewSignal(req, context)));
      return;
    }
    await this.rateLimiter.hit('intake', req.ip ?? 'unknown', this.env.INTAKE_RATE_LIMIT, HOUR);

    const { website: _honeypot, _csrf, ...fields } = body;
    const validated = await validateForm(RequestFormDto, fields);
    const right = rightsOffered(context.policy).find((r) => r.id === values.rightId);
    if (!validated.ok || !right) {
      const errors: FieldErrors = validated.ok ? {} : validated.errors;
      if (!right && !errors.rightId) errors.rightId = ['Choose one of the requests listed.'];
      res.status(400).type('html').send(this.renderForm(context, req, res, values, errors, undefined, await this.pageViewSignal(req, context)));
      return;
    }

    // The signal that comes with a submission is recorded with it, in its transaction.
    const request = await this.intake.submit(context, right, validated.value, this.clock.now(), gpc);
    res.status(201).type('html').send(
      confirmationPage({
        organisationName: context.policy.name,
        slug: context.policy.slug,
        reference: request.reference,
        requestLabel: right.label,
        needsVerification: requiresVerification(right.type),
        dueOn: formatLocalDate(request.dueAt, context.organisation.timeZone),
        csrfToken: this.csrf.tokenFor(req, res),
        gpcNotice: gpc ? gpcExplanation(gpc, context.policy.name) : undefined,
      }),
    );
  }

  /** A page shown to a browser sending Sec-GPC: the signal is recorded, and the page says what it means here. */
  private async pageViewSignal(req: Request, context: OrganisationContext): Promise<GpcDecision | null> {
    const decision = this.gpc.decisionFor(req, context);
    if (decision) await this.gpc.recordPageView(context, decision, this.clock.now());
    return decision;
  }

  private async organisation(slug: string): Promise<OrganisationContext> {
    const context = await this.directory.bySlug(slug);
    if (!context) throw new NotFoundException(`There is no organisation "${slug}" here. Check the address of the form.`);
    return context;
  }

  private renderForm(
    context: OrganisationContext,
    req: Request,
    res: Response,
    values: Partial<Record<(typeof FORM_FIELDS)[number], string>>,
    errors: FieldErrors,
    formError?: string,
    gpc?: GpcDecision | null,
  ): string {
    return requestFormPage(
      {
        policy: context.policy,
        values,
        errors,
        csrfToken: this.csrf.tokenFor(req, res),
        formError,
        gpcNotice: gpc ? gpcExplanation(gpc, context.policy.name) : undefined,
      },
      rightsOffered(context.policy),
    );
  }
}
