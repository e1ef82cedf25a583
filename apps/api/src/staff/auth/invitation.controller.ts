import { Body, Controller, Get, Param, Post, Req, Res } from '@nestjs/common';
import type { Request, Response } from 'express';
import { html } from '#mail';
import { Csrf } from '../../infra/csrf.js';
import { page } from '../../views/layout.view.js';
import { newPasswordFields, passwordProblem, problemSummary } from './password-fields.js';
import { StaffLinksService, type OpenInvitation } from './staff-links.service.js';

const LINK_DEAD = 'This invitation link is not valid: it was used already, revoked, replaced by a newer one, or it expired. Ask the admin who invited you to invite you again.';

/** Where an invitee accepts: a new account chooses its password, an existing one signs in with its own. */
@Controller('staff/invitations')
export class InvitationController {
  constructor(
    private readonly links: StaffLinksService,
    private readonly csrf: Csrf,
  ) {}

  @Get(':link')
  async show(@Param('link') link: string, @Req() req: Request, @Res() res: Response): Promise<void> {
    const open = await this.links.openInvitation(link);
    this.send(req, res, link, open, open ? 200 : 410);
  }

  @Post(':link')
  async accept(@Param('link') link: string, @Body() body: Record<string, unknown>, @Req() req: Request, @Res() res: Response): Promise<void> {
    this.csrf.verify(req, body._csrf);
    const open = await this.links.openInvitation(link);
    if (!open) return this.send(req, res, link, null, 410);
    let result;
    if (open.existingAccount) {
      result = await this.links.acceptWithExistingAccount(link, typeof body.password === 'string' ? body.password : '');
    } else {
      const name = typeof body.name === 'string' ? body.name.trim() : '';
      const problem = name.length === 0 || name.length > 200 ? 'Enter your name (at most 200 characters).' : passwordProblem(body.password, body.repeat);
      if (problem) return this.send(req, res, link, open, 400, problem, name);
      result = await this.links.acceptAsNewAccount(link, name, body.password as string);
    }
    if (!result.ok) {
      if (result.reason === 'link') return this.send(req, res, link, null, 410);
      // An account was made for the address meanwhile: from now on it joins with that account's password.
      const again = await this.links.openInvitation(link);
      const problem = result.reason === 'password' ? 'That password does not match your account (or it is locked for a while after wrong tries).' : 'This address has an account now: sign in with its password to accept.';
      return this.send(req, res, link, again, result.reason === 'password' ? 401 : 409, problem);
    }
    res
      .status(200)
      .type('html')
      .send(page('Invitation accepted', html`<h1>You have joined</h1><p>You are now a member of the organisation.</p><p><a href="/staff/sign-in?next=${encodeURIComponent(`/staff/orgs/${result.organisationSlug}/requests`)}">Sign in to the staff console</a></p>`));
  }

  private send(req: Request, res: Response, link: string, open: OpenInvitation | null, status: number, problem?: string, name = ''): void {
    // The page's address holds the link's secret: no cache keeps it.
    res.set('Cache-Control', 'no-store');
    if (!open) {
      res.status(status).type('html').send(page('Invitation not valid', html`<h1>Invitation not valid</h1><p>${LINK_DEAD}</p>`));
      return;
    }
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
<input type="hidden" name="_csrf" value="${this.csrf.tokenFor(req, res)}">
${fields}
</form>`;
    res.status(status).type('html').send(page(`Join ${organisationName}`, body));
  }
}
