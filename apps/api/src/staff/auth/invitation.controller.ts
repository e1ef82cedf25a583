import { Controller, Get, Header, HttpCode, Param, Post, UseGuards } from '@nestjs/common';
import { html, staffPaths } from '#mail';
import { CsrfGuard } from '../../infra/csrf.guard.js';
import { Page, RefusedPage, type PageContext } from '../../infra/page.decorator.js';
import { PostedForm } from '../../infra/posted-form.decorator.js';
import { page } from '../../views/layout.view.js';
import { InvitationForm } from './auth-forms.js';
import { newPasswordFields, passwordProblem, problemSummary } from './password-fields.js';
import { StaffLinksService, type OpenInvitation } from './staff-links.service.js';

const LINK_DEAD = 'This invitation link is not valid: it was used already, revoked, replaced by a newer one, or it expired. Ask the admin who invited you to invite you again.';

/** The invitation's page: its form (with what was wrong and the name typed), a dead link, or the invitee joined. */
type InvitationModel = { link: string; open: OpenInvitation | null; problem?: string; name?: string } | { joinedSlug: string };

function invitationPage(model: InvitationModel, context: PageContext): string {
  if ('joinedSlug' in model) {
    return page(
      'Invitation accepted',
      html`<h1>You have joined</h1><p>You are now a member of the organisation.</p><p><a href="/staff/sign-in?next=${encodeURIComponent(staffPaths.requests(model.joinedSlug))}">Sign in to the staff console</a></p>`,
    );
  }
  const { link, open, problem, name = '' } = model;
  if (!open) return page('Invitation not valid', html`<h1>Invitation not valid</h1><p>${LINK_DEAD}</p>`);
  const { invitation, organisationName, existingAccount } = open;
  const fields = existingAccount
    ? html`<p>You already have a Rightsdesk account (${invitation.email}). Enter its password to join ${organisationName} as ${invitation.role}.</p>
<label for="password">Your password</label>
<input type="password" name="password" id="password" autocomplete="current-password" required>
<button type="submit">Join ${organisationName}</button>`
    : html`<p>Choose your name and a password to join ${organisationName} as ${invitation.role}. You will sign in as ${invitation.email}.</p>
<label for="name">Your name</label>
<input type="text" name="name" id="name" autocomplete="name" maxlength="200" value="${name}" required>
${newPasswordFields()}
<button type="submit">Create my account and join</button>`;
  const body = html`<h1>Join ${organisationName}</h1>
${problemSummary(problem)}
<form method="post" action="/staff/invitations/${link}">
<input type="hidden" name="_csrf" value="${context.csrfToken()}">
${fields}
</form>`;
  return page(`Join ${organisationName}`, body);
}

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
  async accept(@Param('link') link: string, @PostedForm(InvitationForm) form: InvitationForm): Promise<InvitationModel> {
    const open = await this.links.openInvitation(link);
    if (!open) throw this.refused(410, { link, open });
    let result;
    if (open.existingAccount) {
      result = await this.links.acceptWithExistingAccount(link, form.password);
    } else {
      const problem = form.name.length === 0 || form.name.length > 200 ? 'Enter your name (at most 200 characters).' : passwordProblem(form.password, form.repeat);
      if (problem) throw this.refused(400, { link, open, problem, name: form.name });
      result = await this.links.acceptAsNewAccount(link, form.name, form.password);
    }
    if (!result.ok) {
      if (result.reason === 'link') throw this.refused(410, { link, open: null });
      // An account was made for the address meanwhile: from now on it joins with that account's password.
      const again = await this.links.openInvitation(link);
      const problem = result.reason === 'password' ? 'That password does not match your account (or it is locked for a while after wrong tries).' : 'This address has an account now: sign in with its password to accept.';
      throw this.refused(result.reason === 'password' ? 401 : 409, { link, open: again, problem });
    }
    return { joinedSlug: result.organisationSlug };
  }

  /** The invitation's form again, or its dead link: never cached, as its address holds the link's secret. */
  private refused(status: number, model: InvitationModel): RefusedPage<InvitationModel> {
    return new RefusedPage(status, model, { 'Cache-Control': 'no-store' });
  }
}
