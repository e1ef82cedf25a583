import { type CanActivate, type ExecutionContext, Injectable } from '@nestjs/common';
import type { Request } from 'express';

import { Csrf } from './csrf.js';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/** A form post is ours only with its token: checked before the route reads anything else of the post. */
@Injectable()
export class CsrfGuard implements CanActivate {
  constructor(private readonly csrf: Csrf) {}

  canActivate(context: ExecutionContext): boolean {
    const req = context.switchToHttp().getRequest<Request>();
    if (!SAFE_METHODS.has(req.method)) this.csrf.verify(req, (req.body as Record<string, unknown> | undefined)?._csrf);
    return true;
  }
}
