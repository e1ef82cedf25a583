import {
  Body,
  Controller,
  Get,
  HttpCode,
  Inject,
  NotFoundException,
  Param,
  Post,
  Req,
  UploadedFile,
  UseGuards,
  UseInterceptors,
} from '@nestjs/common';
import type { Request } from 'express';

import type { Clock } from '#config';
import { type IdentityClaim, type OrganisationContext, OrganisationDirectory } from '#db';
import { formatLocalDate, gpcExplanation, rightLabel, type Translate, translator } from '#mail';
import {
  agentRegistrationRule,
  dataPointsAsked,
  type FrequencyLimit,
  type Language,
  needsDeclaration,
  offeredLanguages,
  type OrganisationPolicy,
  type PolicyRight,
  type ProcessorRedirect,
  rightChosen,
} from '#policy';
import {
  agentRegistrationRequired,
  dataContextDecision,
  type GpcDecision,
  localDate,
  requiresVerification,
} from '#workflow';

import { Page, type PageContext, RefusedPage } from '../infra/page.decorator.js';
import { pageLanguage } from '../infra/page-language.js';
import { CLOCK } from '../infra/tokens.js';
import type { UploadedFile as Upload } from '../requests/response-upload.js';
import { GpcSignals } from '../suppression/gpc.js';
import { DATA_POINT_FIELDS } from '../views/identity-fields.view.js';
import {
  type FieldErrors,
  REQUEST_FORM_FIELDS,
  type RequestFormField,
  requestFormPage,
} from '../views/request-form.view.js';
import { confirmationPage, type ConfirmationView } from '../views/request-pages.view.js';
import { AgentFormDto } from './agent-form.dto.js';
import { echoValues, validateForm } from './form-validation.js';
import { DataPointsFormDto, DeclarationFormDto } from './identity-form.dto.js';
import { IntakeGate } from './intake-gate.guard.js';
import { checkPermissionFile, MAX_PERMISSION_FILE_BYTES } from './permission-file.js';
import { PermissionUpload, uploadProblemMessage, uploadProblemOf } from './permission-upload.interceptor.js';
import { RequestFormDto } from './request-form.dto.js';
import { type IntakeRoute, RequestIntakeService } from './request-intake.service.js';

type Values = Partial<Record<RequestFormField, string>>;

/**
 * Told on every answer for a limited right, in the same words whether or not the limit was reached: the page is
 * open to whoever typed the address, so only the mail to that address says which it was.
 */
function limitNotice(t: Translate, organisationName: string, limit: FrequencyLimit): string {
  return t('received.limitNotice', {
    org: organisationName,
    count: limit.count,
    months: limit.perMonths,
    quote: limit.citation.quote,
  });
}

/** The form, with what was typed and each field's problems when it is shown again. */
interface FormModel {
  context: OrganisationContext;
  values: Values;
  errors: FieldErrors;
  formError?: string;
  gpc: GpcDecision | null;
  language: Language;
  /** The organisation's local date, where the declaration's date starts. */
  today: string;
}

function formPage({ context, values, errors, formError, gpc, language, today }: FormModel, page: PageContext): string {
  const { slug } = context.policy;
  return requestFormPage({
    language,
    languageSwitch: {
      offered: offeredLanguages(context.policy),
      href: (l) => `/o/${encodeURIComponent(slug)}/requests/new?lang=${l}`,
    },
    policy: context.policy,
    values,
    errors,
    csrfToken: page.csrfToken(),
    formError,
    agentRegistrationRule: agentRegistrationRule(context.policy),
    maxPermissionMb: MAX_PERMISSION_FILE_BYTES / (1024 * 1024),
    gpcNotice: gpc ? gpcExplanation(gpc, context.policy.name, language) : undefined,
    today,
  });
}

type ConfirmationModel = Omit<ConfirmationView, 'csrfToken'>;

/** The confirmation of a request taken; the form again (a RefusedPage) when it was not. */
function submittedPage(model: ConfirmationModel | FormModel, page: PageContext): string {
  return 'context' in model ? formPage(model, page) : confirmationPage({ ...model, csrfToken: page.csrfToken() });
}

/**
 * What the requester gave to prove who they are, for a right that needs it: the data points the organisation asks
 * (only those filled), and for a high degree the signed declaration. Problems are added to `errors`.
 */
async function identityOf(
  policy: OrganisationPolicy,
  right: PolicyRight,
  fields: Record<string, unknown>,
  errors: FieldErrors,
  t: Translate,
): Promise<IdentityClaim | undefined> {
  const kinds = dataPointsAsked(policy, right);
  if (kinds.length === 0 && !needsDeclaration(right)) return undefined;
  // Only the fields the organisation asks are read: others posted are not its to keep.
  const asked = Object.fromEntries(kinds.map((kind) => [DATA_POINT_FIELDS[kind], fields[DATA_POINT_FIELDS[kind]]]));
  const points = await validateForm(DataPointsFormDto, asked, t);
  if (!points.ok) Object.assign(errors, points.errors);
  const declaration = needsDeclaration(right) ? await validateForm(DeclarationFormDto, fields, t) : undefined;
  if (declaration && !declaration.ok) Object.assign(errors, declaration.errors);
  if (!points.ok || (declaration && !declaration.ok)) return undefined;
  return {
    dataPoints: kinds.flatMap((kind) => {
      const value = points.value[DATA_POINT_FIELDS[kind]];
      return value ? [{ kind, value }] : [];
    }),
    ...(declaration?.ok
      ? { declaration: { name: declaration.value.declarationName, date: declaration.value.declarationDate } }
      : {}),
  };
}

/** The public request form of each organisation: /o/:org/requests/new. */
@Controller('o/:org/requests')
export class RequestFormController {
  constructor(
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(OrganisationDirectory) private readonly directory: OrganisationDirectory,
    private readonly intake: RequestIntakeService,
    private readonly gpc: GpcSignals,
  ) {}

  @Get('new')
  @Page(formPage)
  async form(@Param('org') slug: string, @Req() req: Request): Promise<FormModel> {
    const context = await this.organisation(slug);
    const language = pageLanguage(req, context);
    return {
      context,
      values: {},
      errors: {},
      gpc: await this.pageViewSignal(req, context),
      language,
      today: this.today(context),
    };
  }

  /**
   * The form posts multipart (it carries an agent's permission file); urlencoded posts are read the same way. Rate
   * limit, size and form token are checked on the headers (IntakeGate) before the body is read. The form with its
   * mistakes is a RefusedPage (400); the confirmation answers 201.
   */
  @Post()
  @HttpCode(201)
  @UseGuards(IntakeGate)
  @UseInterceptors(PermissionUpload)
  @Page(submittedPage)
  async submit(
    @Param('org') slug: string,
    @Body() posted: Record<string, unknown> | undefined,
    @UploadedFile() file: Upload | undefined,
    @Req() req: Request,
  ): Promise<ConfirmationModel> {
    const context = await this.organisation(slug);
    const language = pageLanguage(req, context);
    const t = translator(language);
    // multer's body has no prototype; a copy is an ordinary object for the validators.
    const body: Record<string, unknown> = { ...posted };
    const values = echoValues(body, REQUEST_FORM_FIELDS);
    const gpc = this.gpc.decisionFor(req, context);
    // Bots fill the hidden field; people never see it.
    if (typeof body.website === 'string' && body.website !== '') {
      throw new RefusedPage<FormModel>(400, {
        context,
        values,
        errors: {},
        formError: t('errors.notAccepted'),
        gpc: await this.pageViewSignal(req, context),
        language,
        today: this.today(context),
      });
    }

    const { website: _honeypot, _csrf, ...fields } = body;
    const checked = await this.check(context, fields, values, file, req);
    if (!checked.ok)
      throw new RefusedPage<FormModel>(400, {
        context,
        values,
        errors: checked.errors,
        gpc: await this.pageViewSignal(req, context),
        language,
        today: this.today(context),
      });

    const { form, right, route, askFirst, identity } = checked;
    // The signal that comes with a submission is recorded with it, in its transaction.
    const request = await this.intake.submit(context, right, form, this.clock.now(), {
      route,
      gpc,
      language,
      identity,
    });
    return {
      organisationName: context.policy.name,
      slug: context.policy.slug,
      reference: request.reference,
      requestLabel: rightLabel(right, language),
      needsVerification: requiresVerification(right.type),
      dueOn: formatLocalDate(request.dueAt, context.organisation.timeZone, language),
      internalTarget: request.regime === 'none',
      agentName: route.kind === 'agent' ? route.agent.agentName : undefined,
      redirect: route.kind === 'redirect' ? route.redirect : undefined,
      askFirst,
      gpcNotice: gpc ? gpcExplanation(gpc, context.policy.name, language) : undefined,
      limitNotice:
        right.limit && route.kind !== 'redirect' ? limitNotice(t, context.policy.name, right.limit) : undefined,
      language,
    };
  }

  /** Every field's problems at once, beside its field; or the request to store and how it came. */
  private async check(
    context: OrganisationContext,
    fields: Record<string, unknown>,
    values: Values,
    file: Upload | undefined,
    req: Request,
  ): Promise<
    | {
        ok: true;
        form: RequestFormDto;
        right: PolicyRight;
        route: IntakeRoute;
        askFirst?: ProcessorRedirect;
        identity?: IdentityClaim;
      }
    | { ok: false; errors: FieldErrors }
  > {
    const t = translator(pageLanguage(req, context));
    const validated = await validateForm(RequestFormDto, fields, t);
    const errors: FieldErrors = validated.ok ? {} : validated.errors;
    const chosen = rightChosen(context.policy, values.rightId, fields.residence);
    if (chosen === undefined && !errors.rightId) errors.rightId = [t('errors.rightListed')];
    if (chosen === null) errors.residence = [t('errors.residence')];
    const right = chosen ?? undefined;
    // The DTO names the Social Security number; forms outside the US name their own kinds of number.
    if (errors.details?.[0] === t('errors.sensitiveUs') && context.policy.country !== 'US')
      errors.details = [t('errors.sensitiveOther')];
    const dataContext = dataContextDecision(context.policy.processorRedirects, fields.dataContext);
    if (!dataContext.ok) errors.dataContext = [t('errors.dataContext', { org: context.policy.name })];

    const problem = uploadProblemOf(req);
    // Data the organisation only processes goes to its controller: who asks for it does not matter here. Where the
    // policy only encourages asking the controller first, the organisation still answers: the request is kept.
    const redirect =
      dataContext.ok && dataContext.redirect && !dataContext.redirect.askFirstOnly ? dataContext.redirect : null;
    let route: IntakeRoute = redirect ? { kind: 'redirect', redirect } : { kind: 'self' };
    if (!redirect && values.relationship === 'agent') {
      const agent = await validateForm(AgentFormDto, fields, t);
      if (!agent.ok) Object.assign(errors, agent.errors);
      const isBusiness = values.agentIsBusiness === 'yes';
      const rule = agentRegistrationRule(context.policy);
      if (right && !errors.agentRegistration && !values.agentRegistration?.trim()) {
        if (
          agentRegistrationRequired({
            policyRequiresRegistration: rule !== undefined,
            agentIsBusiness: isBusiness,
            regime: right.regime,
          })
        ) {
          errors.agentRegistration = [
            rule
              ? t('errors.agentRegistrationRule', { org: context.policy.name })
              : t('errors.agentRegistrationBusiness'),
          ];
        }
      }
      const permission = problem
        ? ({ ok: false, message: uploadProblemMessage(problem, t) } as const)
        : checkPermissionFile(file, t);
      if (!permission.ok) errors.permission = [permission.message];
      else if (agent.ok) route = { kind: 'agent', agent: agent.value, permission: permission.file };
    } else if (problem) {
      // A file is kept only for an agent's request; one over the limits is refused on any request.
      errors.permission = [uploadProblemMessage(problem, t)];
    }

    // Data a redirected request would not be verified with is not asked for it.
    const identity =
      right && route.kind !== 'redirect' ? await identityOf(context.policy, right, fields, errors, t) : undefined;

    if (!validated.ok || !right || Object.keys(errors).length > 0) return { ok: false, errors };
    const askFirst = dataContext.ok && dataContext.redirect?.askFirstOnly ? dataContext.redirect : undefined;
    return { ok: true, form: validated.value, right, route, askFirst, identity };
  }

  private today(context: OrganisationContext): string {
    return localDate(this.clock.now(), context.organisation.timeZone);
  }

  private async organisation(slug: string): Promise<OrganisationContext> {
    const context = await this.directory.bySlug(slug);
    if (!context)
      throw new NotFoundException(`There is no organisation "${slug}" here. Check the address of the form.`);
    return context;
  }

  /** A page shown to a browser sending Sec-GPC: the signal is recorded, and the page says what it means here. */
  private async pageViewSignal(req: Request, context: OrganisationContext): Promise<GpcDecision | null> {
    const decision = this.gpc.decisionFor(req, context);
    if (decision) await this.gpc.recordPageView(context, decision, this.clock.now());
    return decision;
  }
}
