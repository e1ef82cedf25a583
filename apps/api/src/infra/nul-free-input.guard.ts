import { BadRequestException, type CanActivate, type ExecutionContext, Injectable } from '@nestjs/common';
import type { Request } from 'express';

const NUL = '\u0000';

export class NulCharacterRefused extends BadRequestException {
  constructor() {
    super('The text sent contains a NUL character (U+0000), which no field accepts. Remove it and send again.');
  }
}

/** Whether any string in a parsed body, query or parameter set holds a NUL, however deep. */
export function holdsNul(value: unknown, depth = 0): boolean {
  if (typeof value === 'string') return value.includes(NUL);
  // A raw body (a service's signed callback) is bytes its route reads and checks itself.
  if (Buffer.isBuffer(value)) return false;
  if (depth > 8 || value === null || typeof value !== 'object') return false;
  return Object.entries(value).some(([key, item]) => key.includes(NUL) || holdsNul(item, depth + 1));
}

/**
 * PostgreSQL text cannot hold U+0000, so input carrying one would fail deep in a query as a 500. Refused up front,
 * for every route, with a 400 that says why.
 */
@Injectable()
export class NulFreeInputGuard implements CanActivate {
  canActivate(context: ExecutionContext): boolean {
    const req = context.switchToHttp().getRequest<Request>();
    if (holdsNul(req.params) || holdsNul(req.query) || holdsNul(req.body)) throw new NulCharacterRefused();
    return true;
  }
}
