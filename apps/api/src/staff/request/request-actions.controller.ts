import { Controller, Inject, Param, Post, Redirect, UploadedFiles, UseFilters } from '@nestjs/common';

import type { Clock } from '#config';
import { staffPaths } from '#mail';

import { seeOther } from '../../infra/page.decorator.js';
import { formProblem, PostedForm } from '../../infra/posted-form.decorator.js';
import { CLOCK } from '../../infra/tokens.js';
import { ActionRefused } from '../../requests/action-refused.js';
import { RequestActionsService } from '../../requests/request-actions.service.js';
import type { UploadedFile } from '../../requests/response-upload.js';
import { ACT_ROLES, ADMIN_ROLES, type StaffOrganisation } from '../auth/organisation-access.js';
import { StaffActor, type StaffMemberActor, StaffOrg, StaffRoute } from '../auth/staff-route.decorator.js';
import {
  AssigneeForm,
  ClassificationForm,
  DenialForm,
  FulfilmentForm,
  NoteForm,
  QuestionForm,
  ReasonForm,
  RedirectForm,
  WithdrawalForm,
} from './action-forms.js';
import { ActionRefusedFilter } from './action-refused.filter.js';
import { ResponseFilesGuard } from './response-files.guard.js';
import { UploadLimitsFilter } from './upload-limits.filter.js';

const backToRequest = (org: StaffOrganisation, id: string) => seeOther(staffPaths.request(org.organisation.slug, id));

/**
 * The actions on a request page. @StaffRoute checks the session, the form token and the member's role; the service
 * does the work. A refusal shows the page again with its message and status (ActionRefusedFilter); success goes back
 * to the page (303).
 */
@Controller('staff/orgs/:org/requests/:id')
@UseFilters(ActionRefusedFilter)
export class RequestActionsController {
  constructor(
    @Inject(CLOCK) private readonly clock: Clock,
    private readonly actions: RequestActionsService,
  ) {}

  @Post('assign')
  @StaffRoute(ACT_ROLES)
  @Redirect()
  async assign(
    @StaffOrg() org: StaffOrganisation,
    @StaffActor() actor: StaffMemberActor,
    @Param('id') id: string,
    @PostedForm(AssigneeForm) form: AssigneeForm,
  ) {
    await this.actions.assign(org.organisation.id, id, actor, form.assigneeId, this.clock.now());
    return backToRequest(org, id);
  }

  @Post('claim')
  @StaffRoute(ACT_ROLES)
  @Redirect()
  async claim(@StaffOrg() org: StaffOrganisation, @StaffActor() actor: StaffMemberActor, @Param('id') id: string) {
    await this.actions.assign(org.organisation.id, id, actor, actor.id, this.clock.now());
    return backToRequest(org, id);
  }

  @Post('unassign')
  @StaffRoute(ACT_ROLES)
  @Redirect()
  async unassign(@StaffOrg() org: StaffOrganisation, @StaffActor() actor: StaffMemberActor, @Param('id') id: string) {
    await this.actions.unassign(org.organisation.id, id, actor, this.clock.now());
    return backToRequest(org, id);
  }

  @Post('note')
  @StaffRoute(ACT_ROLES)
  @Redirect()
  async note(
    @StaffOrg() org: StaffOrganisation,
    @StaffActor() actor: StaffMemberActor,
    @Param('id') id: string,
    @PostedForm(NoteForm) form: NoteForm,
  ) {
    await this.actions.addNote(org.organisation.id, id, actor, form.text, this.clock.now());
    return backToRequest(org, id);
  }

  @Post('start')
  @StaffRoute(ACT_ROLES)
  @Redirect()
  async start(@StaffOrg() org: StaffOrganisation, @StaffActor() actor: StaffMemberActor, @Param('id') id: string) {
    await this.actions.startWork(org.organisation.id, id, actor, this.clock.now());
    return backToRequest(org, id);
  }

  @Post('ask')
  @StaffRoute(ACT_ROLES)
  @Redirect()
  async ask(
    @StaffOrg() org: StaffOrganisation,
    @StaffActor() actor: StaffMemberActor,
    @Param('id') id: string,
    @PostedForm(QuestionForm) form: QuestionForm,
  ) {
    await this.actions.ask(org.organisation.id, id, actor, form.question, this.clock.now());
    return backToRequest(org, id);
  }

  @Post('extend')
  @StaffRoute(ACT_ROLES)
  @Redirect()
  async extend(
    @StaffOrg() org: StaffOrganisation,
    @StaffActor() actor: StaffMemberActor,
    @Param('id') id: string,
    @PostedForm(ReasonForm) form: ReasonForm,
  ) {
    await this.actions.extend(org.organisation.id, id, actor, form.reason, this.clock.now());
    return backToRequest(org, id);
  }

  @Post('deny')
  @StaffRoute(ACT_ROLES)
  @Redirect()
  async deny(
    @StaffOrg() org: StaffOrganisation,
    @StaffActor() actor: StaffMemberActor,
    @Param('id') id: string,
    @PostedForm(DenialForm) form: DenialForm,
  ) {
    await this.actions.deny(org.organisation.id, id, actor, form, this.clock.now());
    return backToRequest(org, id);
  }

  @Post('fulfil')
  @StaffRoute(ACT_ROLES, { multipart: ResponseFilesGuard })
  @UseFilters(UploadLimitsFilter)
  @Redirect()
  async fulfil(
    @StaffOrg() org: StaffOrganisation,
    @StaffActor() actor: StaffMemberActor,
    @Param('id') id: string,
    @PostedForm(FulfilmentForm) form: FulfilmentForm,
    @UploadedFiles() files: UploadedFile[] | undefined,
  ) {
    await this.actions.fulfil(
      org.organisation.id,
      id,
      actor,
      { resolution: form.resolution, files: files ?? [] },
      this.clock.now(),
    );
    return backToRequest(org, id);
  }

  @Post('partially-fulfil')
  @StaffRoute(ACT_ROLES, { multipart: ResponseFilesGuard })
  @UseFilters(UploadLimitsFilter)
  @Redirect()
  async partiallyFulfil(
    @StaffOrg() org: StaffOrganisation,
    @StaffActor() actor: StaffMemberActor,
    @Param('id') id: string,
    @PostedForm(ReasonForm) form: ReasonForm,
    @UploadedFiles() files: UploadedFile[] | undefined,
  ) {
    await this.actions.partiallyFulfil(
      org.organisation.id,
      id,
      actor,
      { reason: form.reason, files: files ?? [] },
      this.clock.now(),
    );
    return backToRequest(org, id);
  }

  @Post('redirect')
  @StaffRoute(ACT_ROLES)
  @Redirect()
  async redirect(
    @StaffOrg() org: StaffOrganisation,
    @StaffActor() actor: StaffMemberActor,
    @Param('id') id: string,
    @PostedForm(RedirectForm) form: RedirectForm,
  ) {
    await this.actions.redirect(org.organisation.id, id, actor, form.controllerName, this.clock.now());
    return backToRequest(org, id);
  }

  @Post('withdraw')
  @StaffRoute(ACT_ROLES)
  @Redirect()
  async withdraw(
    @StaffOrg() org: StaffOrganisation,
    @StaffActor() actor: StaffMemberActor,
    @Param('id') id: string,
    @PostedForm(WithdrawalForm) form: WithdrawalForm,
  ) {
    const problem = formProblem(form);
    if (problem) throw ActionRefused.badInput(problem);
    await this.actions.withdraw(org.organisation.id, id, actor, form, this.clock.now());
    return backToRequest(org, id);
  }

  @Post('classify')
  @StaffRoute(ACT_ROLES)
  @Redirect()
  async classify(
    @StaffOrg() org: StaffOrganisation,
    @StaffActor() actor: StaffMemberActor,
    @Param('id') id: string,
    @PostedForm(ClassificationForm) form: ClassificationForm,
  ) {
    await this.actions.classify(org.organisation.id, id, actor, form.rightId, this.clock.now());
    return backToRequest(org, id);
  }

  @Post('not-a-request')
  @StaffRoute(ACT_ROLES)
  @Redirect()
  async notARequest(
    @StaffOrg() org: StaffOrganisation,
    @StaffActor() actor: StaffMemberActor,
    @Param('id') id: string,
  ) {
    await this.actions.dismiss(org.organisation.id, id, actor, this.clock.now());
    return backToRequest(org, id);
  }

  @Post('reopen')
  @StaffRoute(ADMIN_ROLES)
  @Redirect()
  async reopen(
    @StaffOrg() org: StaffOrganisation,
    @StaffActor() actor: StaffMemberActor,
    @Param('id') id: string,
    @PostedForm(ReasonForm) form: ReasonForm,
  ) {
    await this.actions.reopen(org.organisation.id, id, actor, form.reason, this.clock.now());
    return backToRequest(org, id);
  }
}
