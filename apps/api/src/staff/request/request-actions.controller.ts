import { Body, Controller, Inject, Param, Post, Req, Res, UploadedFiles, UseFilters, UseGuards, UseInterceptors } from '@nestjs/common';
import { FilesInterceptor } from '@nestjs/platform-express';
import type { Clock } from '#config';
import type { StaffRole } from '#db';
import type { Request, Response } from 'express';
import { Csrf } from '../../infra/csrf.js';
import { ACT_ROLES, ADMIN_ROLES, OrganisationAccess, type StaffOrganisation } from '../auth/organisation-access.js';
import { Staff, StaffGuard } from '../auth/staff.guard.js';
import type { StaffPrincipal } from '../auth/staff-session.service.js';
import { STAFF_WITHDRAWAL_ROUTES } from '#workflow';
import { ActionRefused } from '../../requests/action-refused.js';
import { RequestActionsService, type Actor } from '../../requests/request-actions.service.js';
import { RequestPageService } from './request-page.service.js';
import { requestPage } from './request-page.view.js';
import { MAX_RESPONSE_FILE_BYTES, MAX_RESPONSE_FILES, type UploadedFile } from '../../requests/response-upload.js';
import { UploadLimitsFilter } from './upload-limits.filter.js';
import { holdsNul, NulCharacterRefused } from '../../infra/nul-free-input.guard.js';
import { CLOCK } from '../../infra/tokens.js';

type Form = Record<string, unknown>;

const field = (body: Form, name: string): string => (typeof body[name] === 'string' ? body[name] : '');

const RESPONSE_UPLOAD = FilesInterceptor('files', MAX_RESPONSE_FILES, {
  limits: { fileSize: MAX_RESPONSE_FILE_BYTES, files: MAX_RESPONSE_FILES },
  // Browsers send file names as UTF-8.
  defParamCharset: 'utf8',
});

/**
 * The actions on a request page. Each checks CSRF, then the member's role, then lets the service do the
 * work; a refusal re-renders the page with its message and status, success goes back to the page (303).
 */
@Controller('staff/orgs/:org/requests/:id')
@UseGuards(StaffGuard)
export class RequestActionsController {
  constructor(
    @Inject(CLOCK) private readonly clock: Clock,
    private readonly access: OrganisationAccess,
    private readonly actions: RequestActionsService,
    private readonly pages: RequestPageService,
    private readonly csrf: Csrf,
  ) {}

  @Post('assign')
  assign(@Staff() staff: StaffPrincipal, @Param('org') slug: string, @Param('id') id: string, @Body() body: Form, @Req() req: Request, @Res() res: Response) {
    return this.act({ staff, slug, id, body, req, res }, ACT_ROLES, (org, actor, now) =>
      this.actions.assign(org.organisation.id, id, actor, field(body, 'assigneeId'), now),
    );
  }

  @Post('claim')
  claim(@Staff() staff: StaffPrincipal, @Param('org') slug: string, @Param('id') id: string, @Body() body: Form, @Req() req: Request, @Res() res: Response) {
    return this.act({ staff, slug, id, body, req, res }, ACT_ROLES, (org, actor, now) => this.actions.assign(org.organisation.id, id, actor, staff.user.id, now));
  }

  @Post('unassign')
  unassign(@Staff() staff: StaffPrincipal, @Param('org') slug: string, @Param('id') id: string, @Body() body: Form, @Req() req: Request, @Res() res: Response) {
    return this.act({ staff, slug, id, body, req, res }, ACT_ROLES, (org, actor, now) => this.actions.unassign(org.organisation.id, id, actor, now));
  }

  @Post('note')
  note(@Staff() staff: StaffPrincipal, @Param('org') slug: string, @Param('id') id: string, @Body() body: Form, @Req() req: Request, @Res() res: Response) {
    return this.act({ staff, slug, id, body, req, res }, ACT_ROLES, (org, actor, now) =>
      this.actions.addNote(org.organisation.id, id, actor, field(body, 'text'), now),
    );
  }

  @Post('start')
  start(@Staff() staff: StaffPrincipal, @Param('org') slug: string, @Param('id') id: string, @Body() body: Form, @Req() req: Request, @Res() res: Response) {
    return this.act({ staff, slug, id, body, req, res }, ACT_ROLES, (org, actor, now) => this.actions.startWork(org.organisation.id, id, actor, now));
  }

  @Post('ask')
  ask(@Staff() staff: StaffPrincipal, @Param('org') slug: string, @Param('id') id: string, @Body() body: Form, @Req() req: Request, @Res() res: Response) {
    return this.act({ staff, slug, id, body, req, res }, ACT_ROLES, (org, actor, now) =>
      this.actions.ask(org.organisation.id, id, actor, field(body, 'question'), now),
    );
  }

  @Post('extend')
  extend(@Staff() staff: StaffPrincipal, @Param('org') slug: string, @Param('id') id: string, @Body() body: Form, @Req() req: Request, @Res() res: Response) {
    return this.act({ staff, slug, id, body, req, res }, ACT_ROLES, (org, actor, now) =>
      this.actions.extend(org.organisation.id, id, actor, field(body, 'reason'), now),
    );
  }

  @Post('deny')
  deny(@Staff() staff: StaffPrincipal, @Param('org') slug: string, @Param('id') id: string, @Body() body: Form, @Req() req: Request, @Res() res: Response) {
    return this.act({ staff, slug, id, body, req, res }, ACT_ROLES, (org, actor, now) =>
      this.actions.deny(org.organisation.id, id, actor, field(body, 'reason'), field(body, 'explanation'), now),
    );
  }

  @Post('fulfil')
  @UseInterceptors(RESPONSE_UPLOAD)
  @UseFilters(UploadLimitsFilter)
  fulfil(
    @Staff() staff: StaffPrincipal,
    @Param('org') slug: string,
    @Param('id') id: string,
    @Body() body: Form,
    @UploadedFiles() files: UploadedFile[] | undefined,
    @Req() req: Request,
    @Res() res: Response,
  ) {
    return this.act({ staff, slug, id, body, req, res }, ACT_ROLES, (org, actor, now) =>
      this.actions.fulfil(org.organisation.id, id, actor, { resolution: field(body, 'resolution'), files: files ?? [] }, now),
    );
  }

  @Post('partially-fulfil')
  @UseInterceptors(RESPONSE_UPLOAD)
  @UseFilters(UploadLimitsFilter)
  partiallyFulfil(
    @Staff() staff: StaffPrincipal,
    @Param('org') slug: string,
    @Param('id') id: string,
    @Body() body: Form,
    @UploadedFiles() files: UploadedFile[] | undefined,
    @Req() req: Request,
    @Res() res: Response,
  ) {
    return this.act({ staff, slug, id, body, req, res }, ACT_ROLES, (org, actor, now) =>
      this.actions.partiallyFulfil(org.organisation.id, id, actor, { reason: field(body, 'reason'), files: files ?? [] }, now),
    );
  }

  @Post('redirect')
  redirect(@Staff() staff: StaffPrincipal, @Param('org') slug: string, @Param('id') id: string, @Body() body: Form, @Req() req: Request, @Res() res: Response) {
    // "other" is the radio for a controller the policy does not name; its name is then typed in.
    const chosen = field(body, 'controller');
    const controller = chosen === 'other' ? field(body, 'controllerOther') : chosen;
    return this.act({ staff, slug, id, body, req, res }, ACT_ROLES, (org, actor, now) => this.actions.redirect(org.organisation.id, id, actor, controller, now));
  }

  /** The requester withdrew by phone, letter, mail or in person: staff record how, and may note what was said. */
  @Post('withdraw')
  withdraw(@Staff() staff: StaffPrincipal, @Param('org') slug: string, @Param('id') id: string, @Body() body: Form, @Req() req: Request, @Res() res: Response) {
    const route = field(body, 'route');
    return this.act({ staff, slug, id, body, req, res }, ACT_ROLES, (org, actor, now) => {
      // The requester's own routes (status page, agent) are theirs to use, never staff's to claim.
      if (!(STAFF_WITHDRAWAL_ROUTES as readonly string[]).includes(route)) throw ActionRefused.badInput('Say how the requester told you: by phone, letter, email or in person.');
      return this.actions.withdraw(org.organisation.id, id, actor, route, field(body, 'note'), now);
    });
  }

  @Post('classify')
  classify(@Staff() staff: StaffPrincipal, @Param('org') slug: string, @Param('id') id: string, @Body() body: Form, @Req() req: Request, @Res() res: Response) {
    return this.act({ staff, slug, id, body, req, res }, ACT_ROLES, (org, actor, now) =>
      this.actions.classify(org.organisation.id, id, actor, field(body, 'rightId'), now),
    );
  }

  @Post('not-a-request')
  notARequest(@Staff() staff: StaffPrincipal, @Param('org') slug: string, @Param('id') id: string, @Body() body: Form, @Req() req: Request, @Res() res: Response) {
    return this.act({ staff, slug, id, body, req, res }, ACT_ROLES, (org, actor, now) => this.actions.dismiss(org.organisation.id, id, actor, now));
  }

  @Post('reopen')
  reopen(@Staff() staff: StaffPrincipal, @Param('org') slug: string, @Param('id') id: string, @Body() body: Form, @Req() req: Request, @Res() res: Response) {
    return this.act({ staff, slug, id, body, req, res }, ADMIN_ROLES, (org, actor, now) =>
      this.actions.reopen(org.organisation.id, id, actor, field(body, 'reason'), now),
    );
  }

  private async act(
    call: { staff: StaffPrincipal; slug: string; id: string; body: Form; req: Request; res: Response },
    roles: readonly StaffRole[],
    run: (org: StaffOrganisation, actor: Actor, now: Date) => Promise<void>,
  ): Promise<void> {
    const { staff, slug, id, body, req, res } = call;
    this.csrf.verify(req, body._csrf);
    // A multipart body is read after the global NUL guard ran: the same check, on the fields the upload parser read
    // (file names are cleaned of control characters where they are stored).
    if (holdsNul(body)) throw new NulCharacterRefused();
    const org = await this.access.require(staff, slug, roles);
    const now = this.clock.now();
    try {
      await run(org, { id: staff.user.id, label: staff.user.name }, now);
    } catch (error) {
      if (!(error instanceof ActionRefused)) throw error;
      const model = await this.pages.load(org, id, now);
      const chrome = { userId: staff.user.id, userName: staff.user.name, csrfToken: this.csrf.tokenFor(req, res), error: error.message };
      res.status(error.getStatus()).type('html').send(requestPage(model, chrome));
      return;
    }
    res.redirect(303, `/staff/orgs/${slug}/requests/${id}`);
  }
}
