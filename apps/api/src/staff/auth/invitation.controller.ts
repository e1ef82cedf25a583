import { Controller, Get, Header, HttpCode, Param, Post, UseGuards } from '@nestjs/common';

import { CsrfGuard } from '../../infra/csrf.guard.js';
import { Page, RefusedPage } from '../../infra/page.decorator.js';
import { PostedForm } from '../../infra/posted-form.decorator.js';
import { InvitationForm } from './auth-forms.js';
import { type InvitationModel, invitationPage } from './invitation.view.js';
import { passwordProblem } from './password-fields.js';
import { StaffLinksService } from './staff-links.service.js';

/** Where an invitee accepts: a new account chooses its password, an existing one signs in with its own. */
@Controller('staff/invitations')
export class InvitationController {
  constructor(private readonly links: StaffLinksService) {}

  // The page's address holds the link's secret: no cache keeps it.
  @Get(':link')
  @Header('Cache-Control', 'no-store')
  @Page(invitationPage)
  async show(@Param('link') link: string): Promise<InvitationModel> {
    const open = await this.links.openInvitation(link);
    if (!open) throw this.refused(410, { link, open });
    return { link, open };
  }

  @Post(':link')
  @HttpCode(200)
  @UseGuards(CsrfGuard)
  @Page(invitationPage)
  async accept(
    @Param('link') link: string,
    @PostedForm(InvitationForm) form: InvitationForm,
  ): Promise<InvitationModel> {
    const open = await this.links.openInvitation(link);
    if (!open) throw this.refused(410, { link, open });
    let result;
    if (open.existingAccount) {
      result = await this.links.acceptWithExistingAccount(link, form.password);
    } else {
      const problem =
        form.name.length === 0 || form.name.length > 200
          ? 'Enter your name (at most 200 characters).'
          : passwordProblem(form.password, form.repeat);
      if (problem) throw this.refused(400, { link, open, problem, name: form.name });
      result = await this.links.acceptAsNewAccount(link, form.name, form.password);
    }
    if (!result.ok) {
      if (result.reason === 'link') throw this.refused(410, { link, open: null });
      // An account was made for the address meanwhile: from now on it joins with that account's password.
      const again = await this.links.openInvitation(link);
      const problem =
        result.reason === 'password'
          ? 'That password does not match your account (or it is locked for a while after wrong tries).'
          : 'This address has an account now: sign in with its password to accept.';
      throw this.refused(result.reason === 'password' ? 401 : 409, { link, open: again, problem });
    }
    return { joinedSlug: result.organisationSlug };
  }

  /** The invitation's form again, or its dead link: never cached, as its address holds the link's secret. */
  private refused(status: number, model: InvitationModel): RefusedPage<InvitationModel> {
    return new RefusedPage(status, model, { 'Cache-Control': 'no-store' });
  }
}
