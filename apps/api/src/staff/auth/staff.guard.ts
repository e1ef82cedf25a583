import {
  type CanActivate,
  createParamDecorator,
  type ExecutionContext,
  HttpException,
  HttpStatus,
  Inject,
  Injectable,
  UnauthorizedException,
} from '@nestjs/common';
import type { Request, Response } from 'express';

import type { Clock } from '#config';

import { CLOCK } from '../../infra/tokens.js';
import { type StaffPrincipal, StaffSessionService } from './staff-session.service.js';

export const STAFF_COOKIE = 'rd_staff';

/** Pages answer a missing session with the sign-in page, coming back afterwards. */
export class SignInRequired extends HttpException {
  constructor(readonly location: string) {
    super('Please sign in.', HttpStatus.SEE_OTHER);
  }
}

type StaffRequest = Request & { staff?: StaffPrincipal };

/** Every staff page and staff JSON endpoint needs a live session; JSON answers 401, pages redirect. */
@Injectable()
export class StaffGuard implements CanActivate {
  constructor(
    private readonly sessions: StaffSessionService,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const req = context.switchToHttp().getRequest<StaffRequest>();
    // What a signed-in page or JSON answer shows is for this person now: no browser or proxy copy of it.
    context.switchToHttp().getResponse<Response>().set('Cache-Control', 'no-store');
    const principal = await this.sessions.resolve(req.cookies?.[STAFF_COOKIE] as string | undefined, this.clock.now());
    if (!principal) {
      if (req.path.startsWith('/api/'))
        throw new UnauthorizedException('Sign in at /staff/sign-in; the API uses the same session.');
      throw new SignInRequired(`/staff/sign-in?next=${encodeURIComponent(req.originalUrl)}`);
    }
    req.staff = principal;
    return true;
  }
}

/** The signed-in staff member of a StaffGuard-protected route. */
export const Staff = createParamDecorator((_: unknown, context: ExecutionContext): StaffPrincipal => {
  const staff = context.switchToHttp().getRequest<StaffRequest>().staff;
  if (!staff) throw new Error('@Staff() used on a route without StaffGuard');
  return staff;
});
