import { createHash } from 'node:crypto';
import { Controller, Get, Header, HttpCode, Inject, Ip, Param, Post, UseGuards } from '@nestjs/common';
import { Env, type Clock } from '#config';
import { html, type SafeHtml } from '#mail';
import { CsrfGuard } from '../../infra/csrf.guard.js';
import { Page, RefusedPage, type PageContext } from '../../infra/page.decorator.js';
import { PostedForm } from '../../infra/posted-form.decorator.js';
import { RateLimiter, RateLimitExceeded } from '../../infra/rate-limiter.js';
import { CLOCK } from '../../infra/tokens.js';
import { page } from '../../views/layout.view.js';
import { staffPage } from '../../views/staff-layout.view.js';
import { ChangePasswordForm, ForgotPasswordForm, NewPasswordForm } from './auth-forms.js';
import { newPasswordFields, passwordProblem, problemSummary } from './password-fields.js';
import { staffChrome, StaffRoute } from './staff-route.decorator.js';
import { Staff } from './staff.guard.js';
import { StaffLinksService } from './staff-links.service.js';
import { StaffPasswordService } from './staff-password.service.js';
import type { StaffPrincipal } from './staff-session.service.js';

/** The same words for every address, so the page never tells whether one has an account. */
const RESET_SENT = 'If that address has a staff account, a mail with a link to choose a new password is on its way. The link works once, for an hour.';
const RESET_DEAD = 'This link is not valid: it was used already, replaced by a newer one, or it expired. Ask for a new one on the sign-in page.';
/** Per address, silently: more mails than this an hour would only flood the mailbox. */
const RESETS_PER_ADDRESS_PER_HOUR = 3;

function forgotPage({ sent }: { sent?: string }, context: PageContext): string {
  return page(
    'Forgotten password',
    html`<h1>Forgotten password</h1>
${sent ? html`<div class="notice" role="status" id="reset-sent"><p>${sent}</p></div>` : ''}
<p>Enter the address you sign in with; we mail you a link to choose a new password.</p>
<form method="post" action="/staff/forgot-password">
<input type="hidden" name="_csrf" value="${context.csrfToken()}">
<label for="email">Email address</label>
<input type="email" name="email" id="email" autocomplete="username" maxlength="254" required>
<button type="submit">Send the link</button>
</form>
<p><a href="/staff/sign-in">Back to sign-in</a></p>`,
  );
}

/** The reset link's page: its form, a dead link, or the password changed. */
type ResetModel = { link: string; dead: boolean; problem?: string } | { changed: true };

function resetPage(model: ResetModel, context: PageContext): string {
  if ('changed' in model) {
    return page('Password changed', html`<h1>Password changed</h1><p>Your new password works now; every browser signed in with the old one was signed out.</p><p><a href="/staff/sign-in">Sign in</a></p>`);
  }
  const body: SafeHtml = model.dead
    ? html`<h1>Link not valid</h1><p>${RESET_DEAD}</p><p><a href="/staff/forgot-password">Ask for a new link</a></p>`
    : html`<h1>Choose a new password</h1>
${problemSummary(model.problem)}
<form method="post" action="/staff/password-reset/${model.link}">
<input type="hidden" name="_csrf" value="${context.csrfToken()}">
${newPasswordFields()}
<button type="submit">Set the new password</button>
</form>`;
  return page('Choose a new password', body);
}

function changePage({ problem, done }: { problem?: string; done?: string }, context: PageContext): string {
  const chrome = staffChrome(context);
  const body = html`<h1>Change password</h1>
${problemSummary(problem)}
${done ? html`<div class="notice" role="status" id="changed"><p>${done}</p></div>` : ''}
<form method="post" action="/staff/account/password">
<input type="hidden" name="_csrf" value="${chrome.csrfToken}">
<label for="current">Current password</label>
<input type="password" name="current" id="current" autocomplete="current-password" required>
${newPasswordFields()}
<button type="submit">Change password</button>
</form>`;
  return staffPage('Change password', body, chrome);
}

/** Forgotten passwords (a mailed link) and, signed in, changing one's own password. */
@Controller('staff')
export class PasswordController {
  constructor(
    @Inject(CLOCK) private readonly clock: Clock,
    private readonly links: StaffLinksService,
    private readonly passwords: StaffPasswordService,
    private readonly rateLimiter: RateLimiter,
    private readonly env: Env,
  ) {}

  @Get('forgot-password')
  @Page(forgotPage)
  forgotForm(): { sent?: string } {
    return {};
  }

  @Post('forgot-password')
  @HttpCode(200)
  @UseGuards(CsrfGuard)
  @Page(forgotPage)
  async forgot(@PostedForm(ForgotPasswordForm) form: ForgotPasswordForm, @Ip() ip: string | undefined): Promise<{ sent: string }> {
    await this.rateLimiter.hit('password-reset', ip ?? 'unknown', this.env.SIGN_IN_RATE_LIMIT, 15 * 60);
    if (form.email.includes('@') && (await this.underAddressLimit(form.email))) await this.links.requestPasswordReset(form.email);
    return { sent: RESET_SENT };
  }

  // The page's address holds the link's secret: no cache keeps it.
  @Get('password-reset/:link')
  @Header('Cache-Control', 'no-store')
  @Page(resetPage)
  async resetForm(@Param('link') link: string): Promise<ResetModel> {
    if (!(await this.links.openPasswordReset(link))) throw new RefusedPage(410, { link, dead: true });
    return { link, dead: false };
  }

  @Post('password-reset/:link')
  @HttpCode(200)
  @UseGuards(CsrfGuard)
  @Header('Cache-Control', 'no-store')
  @Page(resetPage)
  async reset(@Param('link') link: string, @PostedForm(NewPasswordForm) form: NewPasswordForm): Promise<ResetModel> {
    const problem = passwordProblem(form.password, form.repeat);
    if (problem) throw new RefusedPage((await this.links.openPasswordReset(link)) ? 400 : 410, { link, dead: false, problem });
    if (!(await this.links.completePasswordReset(link, form.password))) throw new RefusedPage(410, { link, dead: true });
    return { changed: true };
  }

  @Get('account/password')
  @StaffRoute()
  @Page(changePage)
  changeForm(): { problem?: string; done?: string } {
    return {};
  }

  /** Needs the current password (counted towards the lock like a sign-in): a borrowed session cannot take the account. */
  @Post('account/password')
  @HttpCode(200)
  @StaffRoute()
  @Page(changePage)
  async change(@Staff() staff: StaffPrincipal, @PostedForm(ChangePasswordForm) form: ChangePasswordForm): Promise<{ done: string }> {
    const problem = passwordProblem(form.password, form.repeat);
    if (problem) throw new RefusedPage(400, { problem });
    if (!(await this.passwords.change(staff, form.current, form.password, this.clock.now()))) throw new RefusedPage(401, { problem: 'Your current password is not right.' });
    return { done: 'Your password is changed. Other browsers signed in as you were signed out.' };
  }

  private async underAddressLimit(email: string): Promise<boolean> {
    // Keyed by a hash: the rate limiter's store holds no addresses.
    const key = createHash('sha256').update(email).digest('hex');
    try {
      await this.rateLimiter.hit('password-reset-address', key, RESETS_PER_ADDRESS_PER_HOUR, 3600);
      return true;
    } catch (error) {
      if (error instanceof RateLimitExceeded) return false;
      throw error;
    }
  }
}
