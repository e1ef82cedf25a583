import { Inject, Injectable } from '@nestjs/common';

import type { Clock } from '#config';
import { type DrpAgent, type OrganisationContext, OrganisationDirectory } from '#db';

import { RateLimiter } from '../infra/rate-limiter.js';
import { CLOCK } from '../infra/tokens.js';
import { DrpCredentials } from './drp-credentials.service.js';
import { DrpError } from './drp-error.js';

// Pair-wise setups are unauthenticated until their signature is checked: few per address. Authenticated calls:
// per agent at each business, generous for an agent polling many requests' status.
const SETUP_LIMIT = { limit: 30, windowSeconds: 900 };
const AGENT_LIMIT = { limit: 600, windowSeconds: 3600 };

/** The organisation a DRP call addresses as its business, and the agent calling, each counted against its limit. */
@Injectable()
export class DrpBusinesses {
  constructor(
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(OrganisationDirectory) private readonly directory: OrganisationDirectory,
    private readonly credentials: DrpCredentials,
    private readonly rateLimiter: RateLimiter,
  ) {}

  async business(slug: string): Promise<OrganisationContext> {
    const context = await this.directory.bySlug(slug);
    if (!context) throw new DrpError(404, `There is no business "${slug}" here.`);
    return context;
  }

  /** The business a pair-wise setup is for, counted per address as it is not authenticated yet. */
  async forSetup(slug: string, ip: string | undefined): Promise<OrganisationContext> {
    const context = await this.business(slug);
    await this.rateLimiter.hit('drp-setup', ip ?? 'unknown', SETUP_LIMIT.limit, SETUP_LIMIT.windowSeconds);
    return context;
  }

  /** The business and the agent its bearer token names, counted per agent at that business. */
  async authenticated(
    slug: string,
    authorization: string | undefined,
  ): Promise<{ context: OrganisationContext; agent: DrpAgent }> {
    const context = await this.business(slug);
    const agent = await this.credentials.authenticate(authorization, context.organisation.id, this.clock.now());
    await this.rateLimiter.hit(
      'drp-agent',
      `${context.organisation.id}:${agent.id}`,
      AGENT_LIMIT.limit,
      AGENT_LIMIT.windowSeconds,
    );
    return { context, agent };
  }
}
