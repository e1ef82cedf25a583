import { Controller, Get, HttpCode, Inject, Param, Post, Res } from '@nestjs/common';
import type { Response } from 'express';
import type { DataSource } from 'typeorm';
import { Env, type Clock } from '#config';
import { OrganisationDirectory, type OrganisationContext, withFreshReference } from '#db';
import { verifyUnsubscribeToken } from '#mail';
import { RateLimiter } from '../infra/rate-limiter.js';
import { CLOCK, DATA_SOURCE } from '../infra/tokens.js';
import { OptOutService } from './opt-out.service.js';
import { unsubscribeConfirmPage, unsubscribedPage, unsubscribeRefusedPage } from './unsubscribe-pages.view.js';

const HOUR = 3600;
/** One address clicks a handful of times; more is someone replaying a link. */
const POSTS_PER_LINK_PER_HOUR = 20;

/**
 * The List-Unsubscribe link of every requester mail (RFC 8058). GET shows a page with one button; POST, from that
 * page or a mail client's one-click `List-Unsubscribe=One-Click`, unsubscribes at once: no cookie, CSRF token or
 * login, since the signed link is the authority. Replays answer the same calm page and change nothing.
 */
@Controller('u')
export class UnsubscribeController {
  constructor(
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(DATA_SOURCE) private readonly dataSource: DataSource,
    @Inject(OrganisationDirectory) private readonly directory: OrganisationDirectory,
    private readonly optOuts: OptOutService,
    private readonly rateLimiter: RateLimiter,
    private readonly env: Env,
  ) {}

  @Get(':token')
  async confirm(@Param('token') token: string, @Res() res: Response): Promise<void> {
    const found = await this.subject(token);
    if (!found) {
      res.status(400).type('html').send(unsubscribeRefusedPage());
      return;
    }
    const { context, email } = found;
    const active = await this.optOuts.active(this.dataSource.manager, context.organisation.id, 'email', email);
    res.type('html').send(unsubscribeConfirmPage({ organisationName: context.policy.name, email, token, alreadyUnsubscribed: active !== null }));
  }

  @Post(':token')
  @HttpCode(200)
  async unsubscribe(@Param('token') token: string, @Res() res: Response): Promise<void> {
    const found = await this.subject(token);
    if (!found) {
      res.status(400).type('html').send(unsubscribeRefusedPage());
      return;
    }
    const { context, email } = found;
    await this.rateLimiter.hit('unsubscribe', token.slice(-43), POSTS_PER_LINK_PER_HOUR, HOUR);
    const at = this.clock.now();
    const reference = await withFreshReference(() =>
      this.dataSource.transaction(async (tx) => {
        await this.optOuts.lock(tx, context.organisation.id);
        if (await this.optOuts.active(tx, context.organisation.id, 'email', email)) return null;
        const right = context.policy.rights.find((r) => r.type === 'opt_out_marketing_email')!;
        const { request } = await this.optOuts.record(tx, {
          context,
          right,
          // The link knows the address only; it stands in for the name in the confirmation's greeting.
          requester: { name: email, email, phone: null, relationship: 'self', details: '' },
          channel: 'email',
          source: 'email_unsubscribe',
          address: email,
          at,
          confirmedBy: 'mail',
        });
        return request.reference;
      }),
    );
    res.type('html').send(unsubscribedPage({ organisationName: context.policy.name, email, reference }));
  }

  /** The organisation and address of a genuine link, where the organisation still takes email opt-outs. */
  private async subject(token: string): Promise<{ context: OrganisationContext; email: string } | null> {
    const subject = verifyUnsubscribeToken(token, this.env.APP_SECRET);
    if (!subject) return null;
    const context = await this.directory.byId(subject.organisationId);
    if (!context || !context.policy.rights.some((r) => r.type === 'opt_out_marketing_email')) return null;
    return { context, email: subject.email };
  }
}
