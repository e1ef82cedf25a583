import {
  applyDecorators,
  type CanActivate,
  type ExecutionContext,
  ForbiddenException,
  Injectable,
  UseGuards,
} from '@nestjs/common';
import type { Request } from 'express';

import { CsrfGuard } from '../../infra/csrf.guard.js';
import { NulFreeInputGuard } from '../../infra/nul-free-input.guard.js';
import { StaffGuard } from './staff.guard.js';
import type { StaffRouteOptions } from './staff-route.decorator.js';
import type { StaffPrincipal } from './staff-session.service.js';

/** Refuses anyone but a platform operator: an organisation's admin is not one, whatever their organisations. */
@Injectable()
export class OperatorGuard implements CanActivate {
  canActivate(context: ExecutionContext): boolean {
    const staff = context.switchToHttp().getRequest<Request & { staff?: StaffPrincipal }>().staff;
    if (!staff) throw new Error('OperatorGuard runs after StaffGuard');
    if (!staff.user.platformOperator) throw new ForbiddenException('Only a platform operator can do this.');
    return true;
  }
}

/**
 * A platform console route: a live session, the form token of a post, then the platform operator flag. It names no
 * organisation, since it is about organisations themselves (creating one, publishing its policy).
 */
export function OperatorRoute(options: StaffRouteOptions = {}) {
  const post = options.multipart ? [options.multipart, CsrfGuard, NulFreeInputGuard] : [CsrfGuard];
  return applyDecorators(UseGuards(StaffGuard, ...post, OperatorGuard));
}
