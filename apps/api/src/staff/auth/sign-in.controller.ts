import type { ArgumentsHost, ExceptionFilter } from '@nestjs/common';
import {
  Catch,
  Controller,
  Get,
  HttpCode,
  Inject,
  Injectable,
  Ip,
  Post,
  Query,
  Redirect,
  Req,
  Res,
  UnauthorizedException,
  UseFilters,
  UseGuards,
} from '@nestjs/common';
import type { Request, Response } from 'express';

import { type Clock, Env } from '#config';

import { CsrfGuard } from '../../infra/csrf.guard.js';
import { Csrf } from '../../infra/csrf.js';
import { Page, seeOther } from '../../infra/page.decorator.js';
import { PostedForm } from '../../infra/posted-form.decorator.js';
import { RateLimiter } from '../../infra/rate-limiter.js';
import { CLOCK } from '../../infra/tokens.js';
import { SignInForm } from './auth-forms.js';
import { type SignInModel, signInPage } from './sign-in.view.js';
import { Staff, STAFF_COOKIE } from './staff.guard.js';
import { StaffRoute } from './staff-route.decorator.js';
import { type StaffPrincipal, StaffSessionService } from './staff-session.service.js';

/** One answer for a wrong password, an unknown address and a locked account: none tells that an account exists. */
const SIGN_IN_REFUSED =
  'That email address and password do not match an account. After five wrong passwords in a row an account is locked for a while: wait, or reset your password.';

/** Only same-site paths: the sign-in form must not become an open redirect. */
function safeNext(next: unknown): string {
  return typeof next === 'string' && /^\/staff(\/|$|\?)/.test(next) ? next : '/staff';
}

class SignInRefused extends UnauthorizedException {
  constructor(readonly model: SignInModel) {
    super(model.error);
  }
}

/** A refused sign-in shows the form again, with the address typed and where it was going. */
@Catch(SignInRefused)
@Injectable()
class SignInRefusedFilter implements ExceptionFilter {
  constructor(private readonly csrf: Csrf) {}

  catch(refusal: SignInRefused, host: ArgumentsHost): void {
    const request = host.switchToHttp().getRequest<Request>();
    const response = host.switchToHttp().getResponse<Response>();
    response
      .status(refusal.getStatus())
      .type('html')
      .send(signInPage(refusal.model, { request, csrfToken: () => this.csrf.tokenFor(request, response) }));
  }
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
  @Page(signInPage)
  form(@Query('next') next: string | undefined): SignInModel {
    return { next: safeNext(next) };
  }

  @Post('sign-in')
  @HttpCode(200)
  @UseGuards(CsrfGuard)
  @UseFilters(SignInRefusedFilter)
  @Redirect()
  async signIn(
    @PostedForm(SignInForm) form: SignInForm,
    @Ip() ip: string | undefined,
    @Req() req: Request,
    @Res({ passthrough: true }) res: Response,
  ) {
    await this.rateLimiter.hit('sign-in', ip ?? 'unknown', this.env.SIGN_IN_RATE_LIMIT, 15 * 60);
    const next = safeNext(form.next);
    const result = await this.sessions.signIn(form.email, form.password, this.clock.now());
    if (!result.ok) throw new SignInRefused({ next, email: form.email, error: SIGN_IN_REFUSED });
    res.cookie(STAFF_COOKIE, result.token, {
      httpOnly: true,
      sameSite: 'lax',
      secure: this.env.PUBLIC_URL.startsWith('https:'),
      path: '/',
      maxAge: 12 * 3_600_000,
    });
    this.csrf.rotate(req, res);
    return seeOther(next);
  }

  @Post('sign-out')
  @StaffRoute()
  @Redirect()
  async signOut(@Staff() staff: StaffPrincipal, @Res({ passthrough: true }) res: Response) {
    await this.sessions.signOut(staff.sessionId);
    res.clearCookie(STAFF_COOKIE, { path: '/' });
    return seeOther('/staff/sign-in');
  }
}
