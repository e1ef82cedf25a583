import { createHash } from 'node:crypto';
import { Body, Controller, Get, HttpCode, Inject, Param, Post, Req, Res, UseGuards } from '@nestjs/common';
import type { Request, Response } from 'express';
import type { DataSource } from 'typeorm';
import { Env, type Clock } from '#config';
import { setStaffPassword } from '#db';
import { html, type SafeHtml } from '#mail';
import { RateLimiter, RateLimitExceeded } from '../../infra/rate-limiter.js';
import { CLOCK, DATA_SOURCE } from '../../infra/tokens.js';
import { Csrf } from '../../infra/csrf.js';
import { page } from '../../views/layout.view.js';
import { staffPage } from '../../views/staff-layout.view.js';
import { newPasswordFields, passwordProblem, problemSummary } from './password-fields.js';
import { Staff, StaffGuard } from './staff.guard.js';
import { StaffLinksService } from './staff-links.service.js';
import { StaffSessionService, type StaffPrincipal } from './staff-session.service.js';

/** The same words for every address, so the page never tells whether one has an account. */
const RESET_SENT = 'If that address has a staff account, a mail with a link to choose a new password is on its way. The link works once, for an hour.';
const RESET_DEAD = 'This link is not valid: it was used already, replaced by a newer one, or it expired. Ask for a new one on the sign-in page.';
/** Per address, silently: more mails than this an hour would only flood the mailbox. */
const RESETS_PER_ADDRESS_PER_HOUR = 3;

/** Forgotten passwords (a mailed link) and, signed in, changing one's own password. */
@Controller('staff')
export class PasswordController {
  constructor(
    @Inject(DATA_SOURCE) private readonly dataSource: DataSource,
    @Inject(CLOCK) private readonly clock: Clock,
    private readonly links: StaffLinksService,
    private readonly sessions: StaffSessionService,
    private readonly csrf: Csrf,
    private readonly rateLimiter: RateLimiter,
    private readonly env: Env,
  ) {}

  @Get('forgot-password')
  forgotForm(@Req() req: Request, @Res() res: Response): void {
    res.type('html').send(this.forgotPage(req, res));
  }

  @Post('forgot-password')
  @HttpCode(200)
  async forgot(@Body() body: Record<string, unknown>, @Req() req: Request, @Res() res: Response): Promise<void> {
    this.csrf.verify(req, body._csrf);
    await this.rateLimiter.hit('password-reset', req.ip ?? 'unknown', this.env.SIGN_IN_RATE_LIMIT, 15 * 60);
    const email = typeof body.email === 'string' ? body.email.trim().toLowerCase().slice(0, 254) : '';
    if (email.includes('@') && (await this.underAddressLimit(email))) await this.links.requestPasswordReset(email);
    res.type('html').send(this.forgotPage(req, res, RESET_SENT));
  }

  @Get('password-reset/:link')
  async resetForm(@Param('link') link: string, @Req() req: Request, @Res() res: Response): Promise<void> {
    const user = await this.links.openPasswordReset(link);
    this.resetPage(req, res, link, user ? 200 : 410, user === null);
  }

  @Post('password-reset/:link')
  @HttpCode(200)
  async reset(@Param('link') link: string, @Body() body: Record<string, unknown>, @Req() req: Request, @Res() res: Response): Promise<void> {
    this.csrf.verify(req, body._csrf);
    const problem = passwordProblem(body.password, body.repeat);
    if (problem) return this.resetPage(req, res, link, (await this.links.openPasswordReset(link)) ? 400 : 410, false, problem);
    if (!(await this.links.completePasswordReset(link, body.password as string))) return this.resetPage(req, res, link, 410, true);
    res.set('Cache-Control', 'no-store');
    res.type('html').send(page('Password changed', html`<h1>Password changed</h1><p>Your new password works now; every browser signed in with the old one was signed out.</p><p><a href="/staff/sign-in">Sign in</a></p>`));
  }

  @Get('account/password')
  @UseGuards(StaffGuard)
  changeForm(@Staff() staff: StaffPrincipal, @Req() req: Request, @Res() res: Response): void {
    this.changePage(req, res, staff, 200);
  }

  /** Needs the current password (counted towards the lock like a sign-in): a borrowed session cannot take the account. */
  @Post('account/password')
  @UseGuards(StaffGuard)
  async change(@Staff() staff: StaffPrincipal, @Body() body: Record<string, unknown>, @Req() req: Request, @Res() res: Response): Promise<void> {
    this.csrf.verify(req, body._csrf);
    const problem = passwordProblem(body.password, body.repeat);
    if (problem) return this.changePage(req, res, staff, 400, problem);
    const current = typeof body.current === 'string' ? body.current : '';
    const user = await this.sessions.checkPassword(staff.user.email, current, this.clock.now());
    if (!user || user.id !== staff.user.id) return this.changePage(req, res, staff, 401, 'Your current password is not right.');
    await this.dataSource.transaction((tx) => setStaffPassword(tx, staff.user.id, body.password as string, staff.sessionId));
    this.changePage(req, res, staff, 200, undefined, 'Your password is changed. Other browsers signed in as you were signed out.');
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

  private forgotPage(req: Request, res: Response, sent?: string): string {
    return page(
      'Forgotten password',
      html`<h1>Forgotten password</h1>
${sent ? html`<div class="notice" role="status" id="reset-sent"><p>${sent}</p></div>` : ''}
<p>Enter the address you sign in with; we mail you a link to choose a new password.</p>
<form method="post" action="/staff/forgot-password">
<input type="hidden" name="_csrf" value="${this.csrf.tokenFor(req, res)}">
<label for="email">Email address</label>
<input type="email" name="email" id="email" autocomplete="username" maxlength="254" required>
<button type="submit">Send the link</button>
</form>
<p><a href="/staff/sign-in">Back to sign-in</a></p>`,
    );
  }

  private resetPage(req: Request, res: Response, link: string, status: number, dead: boolean, problem?: string): void {
    // The page's address holds the link's secret: no cache keeps it.
    res.set('Cache-Control', 'no-store');
    const body: SafeHtml = dead
      ? html`<h1>Link not valid</h1><p>${RESET_DEAD}</p><p><a href="/staff/forgot-password">Ask for a new link</a></p>`
      : html`<h1>Choose a new password</h1>
${problemSummary(problem)}
<form method="post" action="/staff/password-reset/${link}">
<input type="hidden" name="_csrf" value="${this.csrf.tokenFor(req, res)}">
${newPasswordFields()}
<button type="submit">Set the new password</button>
</form>`;
    res.status(status).type('html').send(page('Choose a new password', body));
  }

  private changePage(req: Request, res: Response, staff: StaffPrincipal, status: number, problem?: string, done?: string): void {
    const csrfToken = this.csrf.tokenFor(req, res);
    const body = html`<h1>Change password</h1>
${problemSummary(problem)}
${done ? html`<div class="notice" role="status" id="changed"><p>${done}</p></div>` : ''}
<form method="post" action="/staff/account/password">
<input type="hidden" name="_csrf" value="${csrfToken}">
<label for="current">Current password</label>
<input type="password" name="current" id="current" autocomplete="current-password" required>
${newPasswordFields()}
<button type="submit">Change password</button>
</form>`;
    res.status(status).type('html').send(staffPage('Change password', body, { userName: staff.user.name, csrfToken }));
  }
}
