import { Controller, Get, HttpCode, Inject, Param, Post, Req } from '@nestjs/common';
import type { Request } from 'express';

import type { Clock } from '#config';

import { Page, type PageContext, RefusedPage } from '../infra/page.decorator.js';
import { anyPageLanguage, pageLanguage } from '../infra/page-language.js';
import { RateLimiter } from '../infra/rate-limiter.js';
import { CLOCK } from '../infra/tokens.js';
import { UnsubscribeService, type UnsubscribeSubject } from './unsubscribe.service.js';
import { unsubscribeConfirmPage, unsubscribedPage, unsubscribeRefusedPage } from './unsubscribe-pages.view.js';

const HOUR = 3600;
/** One address clicks a handful of times; more is someone replaying a link. */
const POSTS_PER_LINK_PER_HOUR = 20;

type ConfirmModel = Parameters<typeof unsubscribeConfirmPage>[0];
type UnsubscribedModel = Parameters<typeof unsubscribedPage>[0];
/**
 * A link that is not ours, or of an organisation that no longer takes email opt-outs: in the browser's language among
 * all we have, as no organisation can be named.
 */
type LinkRefused = { refused: true };

const confirmView = (model: ConfirmModel | LinkRefused, context: PageContext) =>
  'refused' in model ? unsubscribeRefusedPage(anyPageLanguage(context.request)) : unsubscribeConfirmPage(model);
const unsubscribedView = (model: UnsubscribedModel | LinkRefused, context: PageContext) =>
  'refused' in model ? unsubscribeRefusedPage(anyPageLanguage(context.request)) : unsubscribedPage(model);

/**
 * The List-Unsubscribe link of every requester mail (RFC 8058). GET shows a page with one button; POST, from that
 * page or a mail client's one-click `List-Unsubscribe=One-Click`, unsubscribes at once: no cookie, CSRF token or
 * login, since the signed link is the authority. Replays answer the same calm page and change nothing.
 */
@Controller('u')
export class UnsubscribeController {
  constructor(
    @Inject(CLOCK) private readonly clock: Clock,
    private readonly unsubscribes: UnsubscribeService,
    private readonly rateLimiter: RateLimiter,
  ) {}

  @Get(':token')
  @Page(confirmView)
  async confirm(@Param('token') token: string, @Req() req: Request): Promise<ConfirmModel> {
    const subject = await this.subject(token);
    const alreadyUnsubscribed = await this.unsubscribes.isUnsubscribed(subject);
    return {
      organisationName: subject.context.policy.name,
      email: subject.email,
      token,
      alreadyUnsubscribed,
      language: pageLanguage(req, subject.context),
    };
  }

  @Post(':token')
  @HttpCode(200)
  @Page(unsubscribedView)
  async unsubscribe(@Param('token') token: string, @Req() req: Request): Promise<UnsubscribedModel> {
    const subject = await this.subject(token);
    await this.rateLimiter.hit('unsubscribe', token.slice(-43), POSTS_PER_LINK_PER_HOUR, HOUR);
    const reference = await this.unsubscribes.unsubscribe(subject, this.clock.now());
    return {
      organisationName: subject.context.policy.name,
      email: subject.email,
      reference,
      language: pageLanguage(req, subject.context),
    };
  }

  private async subject(token: string): Promise<UnsubscribeSubject> {
    const subject = await this.unsubscribes.subject(token);
    if (!subject) throw new RefusedPage<LinkRefused>(400, { refused: true });
    return subject;
  }
}
