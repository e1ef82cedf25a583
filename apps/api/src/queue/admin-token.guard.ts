import { createHash, timingSafeEqual } from 'node:crypto';
import { Injectable, UnauthorizedException, type CanActivate, type ExecutionContext } from '@nestjs/common';
import type { Request } from 'express';
import { Env } from '#config';

const digest = (value: string) => createHash('sha256').update(value).digest();

/** The JSON API's single admin bearer token (staff sign-in replaces it later); compared in constant time. */
@Injectable()
export class AdminTokenGuard implements CanActivate {
  private readonly expected: Buffer;

  constructor(env: Env) {
    this.expected = digest(env.ADMIN_API_TOKEN);
  }

  canActivate(context: ExecutionContext): boolean {
    const header = context.switchToHttp().getRequest<Request>().headers.authorization ?? '';
    const match = /^Bearer (.+)$/.exec(header);
    if (!match || !timingSafeEqual(digest(match[1]), this.expected)) {
      throw new UnauthorizedException('Send the admin API token as "Authorization: Bearer <token>".');
    }
    return true;
  }
}
