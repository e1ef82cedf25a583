import { createHash, randomBytes } from 'node:crypto';

import {
  type CanActivate,
  createParamDecorator,
  type ExecutionContext,
  Inject,
  Injectable,
  NotFoundException,
  UnauthorizedException,
} from '@nestjs/common';
import type { Request, Response } from 'express';
import { type DataSource, IsNull } from 'typeorm';

import { type Clock, Env } from '#config';
import { type OrganisationContext, OrganisationDirectory, SuppressionApiKey } from '#db';

import { RateLimiter } from '../infra/rate-limiter.js';
import { CLOCK, DATA_SOURCE } from '../infra/tokens.js';

const KEY_PREFIX = 'rdk_';
const MINUTE = 60;

/** A new key and what is stored of it: the key is shown once, only its hash is kept. */
export function newApiKey(): { key: string; keyHash: string; keyPrefix: string } {
  const key = `${KEY_PREFIX}${randomBytes(32).toString('base64url')}`;
  return { key, keyHash: hashApiKey(key), keyPrefix: key.slice(0, KEY_PREFIX.length + 6) };
}

export function hashApiKey(key: string): string {
  return createHash('sha256').update(key).digest('hex');
}

interface KeyedRequest extends Request {
  suppressionOrganisation?: OrganisationContext;
}

/**
 * The suppression API is for an organisation's own systems: `Authorization: Bearer rdk_…`, a key an admin made.
 * A key reaches its own organisation only; another organisation's address answers 404, like an unknown one.
 */
@Injectable()
export class ApiKeyGuard implements CanActivate {
  constructor(
    @Inject(DATA_SOURCE) private readonly dataSource: DataSource,
    @Inject(OrganisationDirectory) private readonly directory: OrganisationDirectory,
    @Inject(CLOCK) private readonly clock: Clock,
    private readonly rateLimiter: RateLimiter,
    private readonly env: Env,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const req = context.switchToHttp().getRequest<KeyedRequest>();
    // Suppressed addresses are personal data: no cache may keep an answer.
    context.switchToHttp().getResponse<Response>().set('Cache-Control', 'no-store');
    const match = /^Bearer (rdk_[A-Za-z0-9_-]{43})$/.exec(req.get('Authorization') ?? '');
    if (!match) throw new UnauthorizedException('Send an API key: Authorization: Bearer rdk_…');
    const keys = this.dataSource.getRepository(SuppressionApiKey);
    const key = await keys.findOneBy({ keyHash: hashApiKey(match[1]), revokedAt: IsNull() });
    if (!key) throw new UnauthorizedException('This API key is not valid, or was revoked.');
    const organisation = await this.directory.bySlug(String(req.params.org));
    if (!organisation || organisation.organisation.id !== key.organisationId)
      throw new NotFoundException('There is no such organisation here.');
    await this.rateLimiter.hit('suppression-api', key.id, this.env.SUPPRESSION_API_RATE_LIMIT, MINUTE);
    await keys.update({ id: key.id }, { lastUsedAt: this.clock.now() });
    req.suppressionOrganisation = organisation;
    return true;
  }
}

/** The organisation the request's API key opened. */
export const KeyOrganisation = createParamDecorator((_: unknown, context: ExecutionContext): OrganisationContext => {
  const organisation = context.switchToHttp().getRequest<KeyedRequest>().suppressionOrganisation;
  if (!organisation) throw new Error('KeyOrganisation used without ApiKeyGuard');
  return organisation;
});
