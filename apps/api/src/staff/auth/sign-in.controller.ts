import { Body, Controller, Get, HttpCode, Inject, Post, Query, Req, Res, UseGuards } from '@nestjs/common';
import type { Request, Response } from 'express';
import { Env, type Clock } from '#config';
import { html } from '#mail';
import { Csrf } from '../../infra/csrf.js';
import { RateLimiter } from '../../infra/rate-limiter.js';
import { page } from '../../views/layout.view.js';
import { Staff, STAFF_COOKIE, StaffGuard } from './staff.guard.js';
import { StaffSessionService, type StaffPrincipal } from './staff-session.service.js';
import { CLOCK } from '../../infra/tokens.js';

/** One answer for a wrong password, an unknown address and a locked account: none tells that an account exists. */
const SIGN_IN_REFUSED =
  'That email address and password do not match an account. After five wrong passwords in a row an account is locked for a while: wait, or reset your password.';

/** Only same-site paths: the sign-in form must not become an open redirect. */
function safeNext(next: unknown): string {
  return typeof next === 'string' && /^\/staff(\/|$|\?)/.test(next) ? next : '/staff';
}

@Controller('staff')
export class SignInController {
  constructor(
    @Inject(CLOCK) private readonly clock: Clock,
    private readonly sessions: StaffSessionService,
    private readonly csrf: Csrf,
    private readonly rateLimiter: RateLimiter,
    private readonly env: Env,
  ) {}

  @Get('sign-in')
  form(@Query('next') next: string | undefined, @Req() req: Request, @Res() res: Response): void {
    res.type('html').send(this.render(req, res, safeNext(next)));
  }

  @Post('sign-in')
  @HttpCode(200)
  async signIn(@Body() body: Record<string, unknown>, @Req() req: Request, @Res() res: Response): Promise<void> {
    this.csrf.verify(req, body._csrf);
    await this.rateLimiter.hit('sign-in', req.ip ?? 'unknown', this.env.SIGN_IN_RATE_LIMIT, 15 * 60);
    const email = typeof body.email === 'string' ? body.email : '';
    const password = typeof body.password === 'string' ? body.password : '';
    const next = safeNext(body.next);
    const result = await this.sessions.signIn(email, password, this.clock.now());
    if (!result.ok) {
      res.status(401).type('html').send(this.render(req, res, next, email, SIGN_IN_REFUSED));
      return;
    }
    res.cookie(STAFF_COOKIE, result.token, {
      httpOnly: true,
      sameSite: 'lax',
      secure: this.env.PUBLIC_URL.startsWith('https:'),
      path: '/',
      maxAge: 12 * 3_600_000,
    });
    this.csrf.rotate(req, res);
    res.redirect(303, next);
  }

  @Post('sign-out')
  @UseGuards(StaffGuard)
  async signOut(@Staff() staff: StaffPrincipal, @Body() body: Record<string, unknown>, @Req() req: Request, @Res() res: Response): Promise<void> {
    this.csrf.verify(req, body._csrf);
    await this.sessions.signOut(staff.sessionId);
    res.clearCookie(STAFF_COOKIE, { path: '/' });
    res.redirect(303, '/staff/sign-in');
  }

  private render(req: Request, res: Response, next: string, email = '', error?: string): string {
    const body = html`<h1>Staff sign-in</h1>
${error ? html`<div class="summary" role="alert" id="error-summary"><p>${error}</p></div>` : ''}
<form method="post" action="/staff/sign-in">
<input type="hidden" name="_csrf" value="${this.csrf.tokenFor(req, res)}">
<input type="hidden" name="next" value="${next}">
<label for="email">Email address</label>
<input type="email" name="email" id="email" autocomplete="username" value="${email}" required>
<label for="password">Password</label>
<input type="password" name="password" id="password" autocomplete="current-password" required>
<button type="submit">Sign in</button>
</form>
<p><a href="/staff/forgot-password">Forgotten your password?</a></p>`;
    return page('Staff sign-in', body);
  }
}
