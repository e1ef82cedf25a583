import { createHash } from 'node:crypto';

import { Controller, Get, Header, HttpCode, Inject, Ip, Param, Post, UseGuards } from '@nestjs/common';

import { type Clock, Env } from '#config';

import { CsrfGuard } from '../../infra/csrf.guard.js';
import { Page, RefusedPage } from '../../infra/page.decorator.js';
import { PostedForm } from '../../infra/posted-form.decorator.js';
import { RateLimiter, RateLimitExceeded } from '../../infra/rate-limiter.js';
import { CLOCK } from '../../infra/tokens.js';
import { ChangePasswordForm, ForgotPasswordForm, NewPasswordForm } from './auth-forms.js';
import { type ChangeModel, changePage, forgotPage, type ResetModel, resetPage } from './password.view.js';
import { passwordProblem } from './password-fields.js';
import { Staff } from './staff.guard.js';
import { StaffLinksService } from './staff-links.service.js';
import { StaffPasswordService } from './staff-password.service.js';
import { StaffRoute } from './staff-route.decorator.js';
import type { StaffPrincipal } from './staff-session.service.js';

/** The same words for every address, so the page never tells whether one has an account. */
const RESET_SENT =
  'If that address has a staff account, a mail with a link to choose a new password is on its way. The link works once, for an hour.';
/** Per address, silently: more mails than this an hour would only flood the mailbox. */
const RESETS_PER_ADDRESS_PER_HOUR = 3;

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
  async forgot(
    @PostedForm(ForgotPasswordForm) form: ForgotPasswordForm,
    @Ip() ip: string | undefined,
  ): Promise<{ sent: string }> {
    await this.rateLimiter.hit('password-reset', ip ?? 'unknown', this.env.SIGN_IN_RATE_LIMIT, 15 * 60);
    if (form.email.includes('@') && (await this.underAddressLimit(form.email)))
      await this.links.requestPasswordReset(form.email);
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
    if (problem)
      throw new RefusedPage((await this.links.openPasswordReset(link)) ? 400 : 410, { link, dead: false, problem });
    if (!(await this.links.completePasswordReset(link, form.password)))
      throw new RefusedPage(410, { link, dead: true });
    return { changed: true };
  }

  @Get('account/password')
  @StaffRoute()
  @Page(changePage)
  changeForm(): ChangeModel {
    return {};
  }

  /** Needs the current password (counted towards the lock like a sign-in): a borrowed session cannot take the account. */
  @Post('account/password')
  @HttpCode(200)
  @StaffRoute()
  @Page(changePage)
  async change(
    @Staff() staff: StaffPrincipal,
    @PostedForm(ChangePasswordForm) form: ChangePasswordForm,
  ): Promise<{ done: string }> {
    const problem = passwordProblem(form.password, form.repeat);
    if (problem) throw new RefusedPage(400, { problem });
    if (!(await this.passwords.change(staff, form.current, form.password, this.clock.now())))
      throw new RefusedPage(401, { problem: 'Your current password is not right.' });
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
